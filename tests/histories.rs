//! Replay safety. `tests/histories/*.json` are event histories recorded from
//! real runs of every built-in pipeline and outcome; each must replay on the
//! current engine without nondeterminism. `just record-histories` regenerates
//! them (the ignored `record_histories` test below, on a live dev server).

use std::{
    path::{Path, PathBuf},
    time::Duration,
};

use base64::Engine as _;
use serde_json::Value;

use crate::common::*;

const DIR: &str = "tests/histories";

fn recorded() -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(DIR)
        .expect("tests/histories")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "json"))
        .collect();
    files.sort();
    files
}

#[test]
fn every_recorded_history_replays_on_this_engine() {
    let env = Env::offline();
    let files = recorded();
    assert!(
        files.len() >= 20,
        "only {} recorded histories; run `just record-histories`",
        files.len()
    );
    // One invocation for the whole corpus, as a user checks one before a rollout.
    let done = files
        .iter()
        .fold(env.orca(["replay"]), |run, file| run.arg(file))
        .run_within(Duration::from_secs(120));
    assert_eq!(done.code, 0, "some history does not replay:\n{done}");
    for file in &files {
        done.stdout_has(&format!("{}: compatible", file.display()));
    }
}

/// A spec recorded with a run decides what the run does on replay. Reorder
/// its steps, as an engine that resolved specs differently would, and the
/// replay must refuse, naming the first event where the commands differ.
#[test]
fn a_history_whose_recorded_commands_differ_is_refused() {
    let env = Env::offline();
    let source = Path::new(DIR).join("sample-approved.json");
    let mut history: Value =
        serde_json::from_str(&std::fs::read_to_string(&source).unwrap()).unwrap();
    let engine = base64::engine::general_purpose::STANDARD;
    let mut changed = false;
    for event in history["events"].as_array_mut().unwrap() {
        let Some(marker) = event["attributes"].get_mut("MarkerRecordedEventAttributes") else {
            continue;
        };
        let payload = &mut marker["details"]["result"]["payloads"][0];
        let mut resolved: Value =
            serde_json::from_slice(&engine.decode(payload["data"].as_str().unwrap()).unwrap())
                .unwrap();
        resolved["spec"]["steps"].as_array_mut().unwrap().reverse();
        payload["data"] = Value::String(engine.encode(serde_json::to_vec(&resolved).unwrap()));
        changed = true;
    }
    assert!(changed, "the history has a resolve marker");
    let diverging = env.write("diverging.json", &history.to_string());
    let done = env
        .orca(["replay"])
        .arg(&diverging)
        .run_within(Duration::from_secs(60));
    assert_eq!(done.code, 4, "{done}");
    done.clean_error()
        .stderr_has("not compatible with this build (first diverging event:")
        .stderr_has("ctx.patched");

    // In a corpus, every file gets its answer and the diverging one sets the exit code.
    let good = Path::new(DIR).join("sample-denied.json");
    let both = env
        .orca(["replay", "-o", "json"])
        .arg(&good)
        .arg(&diverging)
        .run_within(Duration::from_secs(60));
    assert_eq!(both.code, 4, "{both}");
    both.stderr_has("error: 1 of 2 histories did not replay on this build")
        .stderr_has("ctx.patched");
    let results = both.json();
    assert_eq!(results[0]["compatible"], true, "{results:#}");
    assert_eq!(results[1]["compatible"], false, "{results:#}");
    assert!(
        results[1]["first_diverging_event"].as_u64().is_some(),
        "{results:#}"
    );
    // A file that is not a history, among good ones: exit 2, the others still checked.
    let junk = env.write("junk.json", "{\"not\": \"a history\"}");
    let mixed = env
        .orca(["replay"])
        .arg(&good)
        .arg(&junk)
        .run_within(Duration::from_secs(60));
    assert_eq!(mixed.code, 2, "{mixed}");
    mixed
        .stdout_has("sample-denied.json: compatible")
        .stderr_has("junk.json: not a workflow history")
        .stderr_has("1 of 2 histories did not replay");
    env.orca(["replay", "--save", "x.json"])
        .arg(&good)
        .arg(&good)
        .code(2)
        .stderr_has("--save takes one history");
}

#[test]
fn replay_reads_the_official_cli_export_and_a_live_run() {
    let env = Env::new();
    let _worker = env.worker();
    let id = env.start(&["sample", "--input", "task=export me"]);
    env.wait_phase(&id, "awaiting_approval");
    env.orca(["approve", &id]).ok();
    env.wait_phase(&id, "completed");
    env.orca(["replay", "--id", &id])
        .ok()
        .stdout_has(&format!("run {id}: compatible"));
    let file = env.write("exported.json", &env.temporal_history(&id));
    env.orca(["replay"])
        .arg(&file)
        .ok()
        .stdout_has("compatible");
    let garbage = env.write("garbage.json", "{\"events\": 3}");
    env.orca(["replay"])
        .arg(&garbage)
        .code(2)
        .clean_error()
        .stderr_has("not a workflow history");
    env.orca(["replay", "--id", "no-such-run"]).code(5);
}

// ---- recording (`just record-histories`)

fn save(env: &Env, id: &str, name: &str) {
    let path = Path::new(DIR).join(format!("{name}.json"));
    env.orca(["replay", "--id", id, "--save"]).arg(&path).ok();
}

fn finish(env: &Env, id: &str) {
    env.wait_status(id, Duration::from_secs(60), |s| {
        s["temporal_status"] != "running"
    });
}

fn gate_file(env: &Env, name: &str, gate: &str) -> String {
    env.pipeline(
        name,
        &format!("name = \"{name}\"\n[groups]\nrelease = [\"rita\", \"rob\"]\n\n[[steps]]\nid = \"gate\"\nkind = \"approval\"\nprompt = \"{name}?\"\n{gate}\n\n[[steps]]\nid = \"after\"\nkind = \"agent\"\naction = \"after\"\nduration = \"100ms\"\n"),
    )
}

#[test]
#[ignore = "regenerates tests/histories: run with `just record-histories`"]
fn record_histories() {
    let env = Env::new();
    let _worker = env.worker_with(&["--allow-commands"]);
    let approve = |id: &str, who: &str| {
        env.wait_phase(id, "awaiting_approval");
        env.orca(["approve", id, "--as", who, "--comment", "recorded"])
            .ok();
    };

    let id = env.start(&["sample", "--input", "task=approved"]);
    approve(&id, "alice");
    finish(&env, &id);
    save(&env, &id, "sample-approved");

    let id = env.start(&["sample", "--input", "task=rejected"]);
    env.wait_phase(&id, "awaiting_approval");
    env.orca(["reject", &id, "--as", "bob", "--reason", "recorded"])
        .ok();
    finish(&env, &id);
    save(&env, &id, "sample-rejected");

    let id = env.start(&["sample", "--input", "task=forbidden: recorded"]);
    finish(&env, &id);
    save(&env, &id, "sample-denied");

    let id = env.start(&["sample", "--input", "task=stopped"]);
    env.wait_phase(&id, "awaiting_approval");
    env.orca(["stop", &id]).ok();
    finish(&env, &id);
    save(&env, &id, "sample-stopped");

    let id = env.start(&["sample", "--input", "task=paused"]);
    env.wait_phase(&id, "awaiting_approval");
    env.orca(["pause", &id]).ok();
    env.orca(["approve", &id]).ok();
    env.wait_phase(&id, "paused");
    env.orca(["resume", &id]).ok();
    finish(&env, &id);
    save(&env, &id, "sample-paused-resumed");

    let id = env.start(&[&gate_file(&env, "timed-out", "timeout = \"1s\"")]);
    finish(&env, &id);
    save(&env, &id, "gate-timed-out");

    let id = env.start(&[&gate_file(
        &env,
        "quorum",
        "approvers = [\"alice\", \"bob\", \"carol\"]\nrequired = 2",
    )]);
    approve(&id, "alice");
    approve(&id, "carol");
    finish(&env, &id);
    save(&env, &id, "gate-quorum");

    let escalate = "approvers = [\"alice\"]\ntimeout = \"1s\"\non_timeout = \"escalate\"\nescalate_to = [\"group:release\"]\nescalation_timeout = \"1m\"";
    let id = env.start(&[&gate_file(&env, "escalated", escalate)]);
    env.wait_status(&id, Duration::from_secs(20), |s| {
        s["approval"]["escalated"] == true
    });
    env.orca(["approve", &id, "--as", "rob"]).ok();
    finish(&env, &id);
    save(&env, &id, "gate-escalated");

    let id = env.start(&["agent-task", "--input", "title=recorded"]);
    approve(&id, "alice");
    finish(&env, &id);
    save(&env, &id, "agent-task");

    let id = env.start(&["agent-task", "--input", "title=stopped"]);
    approve(&id, "alice");
    env.wait_status(&id, Duration::from_secs(30), |s| s["progress"]["done"] == 1);
    env.orca(["stop", &id]).ok();
    finish(&env, &id);
    save(&env, &id, "agent-task-stopped");

    for (name, args) in [
        (
            "feed-publisher",
            vec!["feed-publisher", "--input", "brand=pomandi"],
        ),
        (
            "learning-denied",
            vec!["learning", "--input", "content=the black vault"],
        ),
        (
            "data-analysis",
            vec!["data-analysis", "--input", "file=sales.csv"],
        ),
        (
            "long-running-task",
            vec!["long-running-task", "--input", "steps=3"],
        ),
        (
            "image-generation",
            vec!["image-generation", "--input", "prompt=a calm lake"],
        ),
        (
            "memory-expansion",
            vec!["memory-expansion", "--input", "conversation=likes tea"],
        ),
        (
            "code-analysis",
            vec!["code-analysis", "--input", "repository=repo"],
        ),
        (
            "self-improvement-auto",
            vec![
                "self-improvement",
                "--input",
                "repository=r",
                "--input",
                "auto_apply=true",
            ],
        ),
        (
            "model-training",
            vec![
                "model-training",
                "--input",
                "epochs=6",
                "--input",
                "target_accuracy=0.65",
            ],
        ),
    ] {
        let id = env.start(&args);
        finish(&env, &id);
        save(&env, &id, name);
    }

    let id = env.start(&["learning", "--input", "content=how to bake bread"]);
    approve(&id, "alice");
    finish(&env, &id);
    save(&env, &id, "learning-approved");

    // Every step kind, on one run.
    let kinds = env.pipeline(
        "kinds",
        "name = \"kinds\"\n[[steps]]\nid = \"cmd\"\nkind = \"command\"\nshell = \"echo '{\\\"n\\\": 2}'\"\n\n[[steps]]\nid = \"nap\"\nkind = \"sleep\"\nduration = \"200ms\"\n\n[[steps]]\nid = \"both\"\nkind = \"parallel\"\n[[steps.steps]]\nid = \"a\"\nkind = \"agent\"\naction = \"a\"\nduration = \"100ms\"\n[[steps.steps]]\nid = \"b\"\nkind = \"agent\"\naction = \"b\"\nduration = \"100ms\"\nfail_first = 1\nretry = { attempts = 2, initial = \"100ms\" }\n\n[[steps]]\nid = \"skipped\"\nkind = \"agent\"\naction = \"never\"\nif = \"{{ steps.cmd.output.n > 5 }}\"\n\n[[steps]]\nid = \"each\"\nkind = \"foreach\"\ncount = 3\nconcurrency = 2\n[steps.step]\nkind = \"agent\"\naction = \"item {{ index }}\"\nduration = \"100ms\"\n",
    );
    let id = env.start(&[&kinds]);
    finish(&env, &id);
    save(&env, &id, "step-kinds");

    // A foreach whose worker is killed mid-run.
    let out = env.path("crash.log");
    let crash = env.pipeline(
        "crash",
        &format!("name = \"crash\"\n[[steps]]\nid = \"items\"\nkind = \"foreach\"\ncount = 8\nconcurrency = 2\n[steps.step]\nkind = \"command\"\nshell = \"sleep 0.3 && echo {{{{ index }}}} >> {}\"\n", out.display()),
    );
    let mut doomed = env.worker_with(&["--allow-commands"]);
    let id = env.start(&[&crash]);
    // Killed with two items done and a later one in flight (its shell,
    // `sleep 0.3 && echo INDEX >> crash.log`, is running).
    let done_items = || {
        std::fs::read_to_string(&out)
            .unwrap_or_default()
            .lines()
            .count()
    };
    let in_flight = || {
        (2..8)
            .any(|index| !processes_with(&format!("echo {index} >> {}", out.display())).is_empty())
    };
    eventually(
        Duration::from_secs(30),
        "two items done and a later one running",
        || done_items() >= 2 && in_flight(),
    );
    doomed.kill9();
    finish(&env, &id);
    save(&env, &id, "foreach-worker-crash");

    // Cancelled during a step, and failed after retries.
    let slow = env.pipeline("cancel-me", "name = \"cancel-me\"\n[[steps]]\nid = \"long\"\nkind = \"agent\"\naction = \"long\"\nduration = \"1m\"\n");
    let id = env.start(&[&slow]);
    // `current_step` first: a run has no step rows until its spec is resolved.
    env.wait_status(&id, Duration::from_secs(20), |s| {
        s["current_step"] == "long" && step(s, "long")["state"] == "running"
    });
    env.orca(["cancel", &id]).ok();
    save(&env, &id, "cancelled");
    let failing = env.pipeline("fails", "name = \"fails\"\n[[steps]]\nid = \"bad\"\nkind = \"agent\"\naction = \"bad\"\nduration = \"10ms\"\nfail_first = 9\nretry = { attempts = 2, initial = \"100ms\" }\n");
    let id = env.start(&[&failing]);
    finish(&env, &id);
    save(&env, &id, "failed");

    // A run started by a schedule.
    let name = format!("recorded-{}", env.task_queue);
    env.orca([
        "schedule",
        "create",
        &name,
        "sample",
        "--input",
        "task=scheduled",
        "--every",
        "1h",
        "--paused",
    ])
    .ok();
    env.orca(["schedule", "trigger", &name]).ok();
    let id = poll_for(Duration::from_secs(20), || {
        let runs = env
            .orca(["list", "--schedule", &name, "-o", "json"])
            .ok()
            .json();
        runs[0]["workflow_id"]
            .as_str()
            .map(str::to_string)
            .ok_or_else(|| format!("the schedule started nothing: {runs}"))
    });
    approve(&id, "alice");
    finish(&env, &id);
    save(&env, &id, "schedule-started");
    env.orca(["schedule", "delete", &name, "--yes"]).ok();
}
