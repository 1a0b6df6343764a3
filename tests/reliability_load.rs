//! Reliability under load (heavy; run with `just test-heavy`): 1,000 runs
//! waiting for approval at once are all listed, all decided in bulk, and all
//! complete; nothing is lost.

use std::time::{Duration, Instant};

use crate::common::*;

const RUNS: usize = 1000;

/// Starts `RUNS` runs of `file`, eight starters at a time as eight shells
/// would, with IDs `NAME-N`.
fn start_all(env: &Env, file: &str, name: &str) {
    std::thread::scope(|scope| {
        for lane in 0..8 {
            scope.spawn(move || {
                for n in (lane..RUNS).step_by(8) {
                    env.start(&[file, "--id", &format!("{name}-{n}")]);
                }
            });
        }
    });
}

/// How many runs of pipeline `name` `orca list FILTER` shows.
fn listed(env: &Env, name: &str, filter: &[&str]) -> usize {
    env.list(&[&["--pipeline", name, "--limit", "0"], filter].concat())
        .len()
}

/// Waits (looking every second: each look lists a thousand runs) until all
/// `RUNS` runs of `name` are in `phase`.
fn wait_all_in(env: &Env, name: &str, phase: &str) {
    poll_every(
        Duration::from_secs(300),
        Duration::from_secs(1),
        || match listed(env, name, &["--phase", phase]) {
            n if n >= RUNS => Ok(()),
            n => Err(format!("not all runs {phase} ({n} of {RUNS})")),
        },
    );
}

#[test]
#[ignore = "heavy: run with `just test-heavy`"]
fn a_thousand_waiting_runs_are_listed_approved_and_completed() {
    let env = Env::new();
    let _worker = env.worker_with(&["--max-concurrent-workflows", "200"]);
    let name = format!("load-{}", env.task_queue);
    let file = env.pipeline(
        &name,
        &format!("name = \"{name}\"\n[[steps]]\nid = \"gate\"\nkind = \"approval\"\nprompt = \"go?\"\n\n[[steps]]\nid = \"work\"\nkind = \"agent\"\naction = \"work\"\nduration = \"100ms\"\n"),
    );
    let started = Instant::now();
    start_all(&env, &file, &name);
    let started_all = started.elapsed();

    wait_all_in(&env, &name, "awaiting_approval");
    assert_eq!(
        listed(&env, &name, &["--awaiting-approval"]),
        RUNS,
        "the inbox lists every waiting run"
    );

    let approving = Instant::now();
    let tally = env
        .orca([
            "approve",
            "--all",
            "--pipeline",
            &name,
            "--yes",
            "-o",
            "json",
        ])
        .run_within(Duration::from_secs(300));
    assert_eq!(tally.code, 0, "{tally}");
    let approve_time = approving.elapsed();
    assert_eq!(tally.json()["decided"].as_array().unwrap().len(), RUNS);

    let completing = Instant::now();
    wait_all_in(&env, &name, "completed");
    eprintln!(
        "load: started {RUNS} runs in {started_all:?}, approved all in {approve_time:?}, all completed {:?} later; total {:?}",
        completing.elapsed(),
        started.elapsed()
    );
}
