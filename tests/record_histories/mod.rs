//! Recording `tests/histories` (`just record-histories`, after an intended
//! engine change): each ignored test here drives one pipeline to one outcome
//! on a live dev server and saves the run's history as
//! `tests/histories/NAME.json`, which `histories` replays on every build.
//! One recording per test, so one that fails hides none of the rest.
//! `gates`: the sample pipeline's outcomes and approval gates; `builtins`:
//! the other built-in pipelines; `engine`: step kinds, crashes, cancels,
//! failures, schedules and refusals.

mod builtins;
mod engine;
mod gates;

use std::{path::Path, time::Duration};

use serde_json::Value;

use crate::{common::*, histories::DIR};

/// One recording's world: its own task queue, and a worker that may run
/// commands.
fn recorder() -> (Env, Worker) {
    let env = Env::new();
    let worker = env.worker_with(&["--allow-commands"]);
    (env, worker)
}

/// Saves run `id`'s history as `tests/histories/NAME.json`.
fn save(env: &Env, id: &str, name: &str) {
    let path = Path::new(DIR).join(format!("{name}.json"));
    env.orca(["replay", "--id", id, "--save"]).arg(&path).ok();
}

/// Waits until run `id` has ended; returns its status.
fn finish(env: &Env, id: &str) -> Value {
    env.wait_status(id, Duration::from_secs(60), |s| {
        s["temporal_status"] != "running"
    })
}

/// Approves run `id` as `who` once it waits at its gate.
fn approve(env: &Env, id: &str, who: &str) {
    env.wait_phase(id, "awaiting_approval");
    env.orca(["approve", id, "--as", who, "--comment", "recorded"])
        .ok();
}

/// The run schedule `name` started (after a trigger).
fn scheduled_run(env: &Env, name: &str) -> String {
    poll_for(Duration::from_secs(20), || {
        let runs = env.list(&["--schedule", name]);
        runs.first()
            .and_then(|run| run["workflow_id"].as_str())
            .map(str::to_string)
            .ok_or_else(|| format!("the schedule started nothing: {runs:?}"))
    })
}

/// A pipeline file: a gate with `gate`'s settings, then a short step.
fn gate_file(env: &Env, name: &str, gate: &str) -> String {
    env.pipeline(
        name,
        &format!("name = \"{name}\"\n[groups]\nrelease = [\"rita\", \"rob\"]\n\n[[steps]]\nid = \"gate\"\nkind = \"approval\"\nprompt = \"{name}?\"\n{gate}\n\n[[steps]]\nid = \"after\"\nkind = \"agent\"\naction = \"after\"\nduration = \"100ms\"\n"),
    )
}

/// Records a run started with `args` that ends by itself, as `name`.
fn ends_by_itself(name: &str, args: &[&str]) {
    let (env, _worker) = recorder();
    let id = env.start(args);
    finish(&env, &id);
    save(&env, &id, name);
}

/// Records a run started with `args` that alice approves, as `name`.
fn approved_by_alice(name: &str, args: &[&str]) {
    let (env, _worker) = recorder();
    let id = env.start(args);
    approve(&env, &id, "alice");
    finish(&env, &id);
    save(&env, &id, name);
}
