//! Recordings of what the engine does beyond one pipeline's path: every
//! step kind on one run, a worker killed mid-foreach, a run cancelled during
//! a step, one failed after retries, one started by a schedule, one of a
//! pipeline no worker knows, and command steps on the commands queue.

use std::time::Duration;

use serde_json::{Value, json};

use super::*;

#[test]
#[ignore = "regenerates tests/histories: run with `just record-histories`"]
fn step_kinds() {
    let (env, _worker) = recorder();
    let kinds = env.pipeline(
        "kinds",
        "name = \"kinds\"\n[[steps]]\nid = \"cmd\"\nkind = \"command\"\nshell = \"echo '{\\\"n\\\": 2}'\"\n\n[[steps]]\nid = \"nap\"\nkind = \"sleep\"\nduration = \"200ms\"\n\n[[steps]]\nid = \"both\"\nkind = \"parallel\"\n[[steps.steps]]\nid = \"a\"\nkind = \"agent\"\naction = \"a\"\nduration = \"100ms\"\n[[steps.steps]]\nid = \"b\"\nkind = \"agent\"\naction = \"b\"\nduration = \"100ms\"\nfail_first = 1\nretry = { attempts = 2, initial = \"100ms\" }\n\n[[steps]]\nid = \"skipped\"\nkind = \"agent\"\naction = \"never\"\nif = \"{{ steps.cmd.output.n > 5 }}\"\n\n[[steps]]\nid = \"each\"\nkind = \"foreach\"\ncount = 3\nconcurrency = 2\n[steps.step]\nkind = \"agent\"\naction = \"item {{ index }}\"\nduration = \"100ms\"\n",
    );
    let id = env.start(&[&kinds]);
    finish(&env, &id);
    save(&env, &id, "step-kinds");
}

/// A foreach whose worker is killed with two items done and a later one in
/// flight (its shell, `sleep 0.3 && echo INDEX >> crash.log`, is running).
#[test]
#[ignore = "regenerates tests/histories: run with `just record-histories`"]
fn foreach_worker_crash() {
    // The doomed worker is the only one, so the crash shows in the history:
    // the item it was running is retried (attempt 2) by the next worker.
    let env = Env::new();
    let out = env.path("crash.log");
    let crash = env.pipeline(
        "crash",
        &format!("name = \"crash\"\n[[steps]]\nid = \"items\"\nkind = \"foreach\"\ncount = 8\nconcurrency = 2\n[steps.step]\nkind = \"command\"\nshell = \"sleep 0.3 && echo {{{{ index }}}} >> {}\"\n", out.display()),
    );
    let mut doomed = env.worker_with(&["--allow-commands"]);
    let id = env.start(&[&crash]);
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
    let _next = env.worker_with(&["--allow-commands"]);
    finish(&env, &id);
    save(&env, &id, "foreach-worker-crash");
}

#[test]
#[ignore = "regenerates tests/histories: run with `just record-histories`"]
fn cancelled() {
    let (env, _worker) = recorder();
    let slow = env.pipeline("cancel-me", "name = \"cancel-me\"\n[[steps]]\nid = \"long\"\nkind = \"agent\"\naction = \"long\"\nduration = \"1m\"\n");
    let id = env.start(&[&slow]);
    env.wait_step(&id, "long", "running", Duration::from_secs(20));
    env.orca(["cancel", &id]).ok();
    save(&env, &id, "cancelled");
}

#[test]
#[ignore = "regenerates tests/histories: run with `just record-histories`"]
fn failed() {
    let (env, _worker) = recorder();
    let failing = env.pipeline("fails", "name = \"fails\"\n[[steps]]\nid = \"bad\"\nkind = \"agent\"\naction = \"bad\"\nduration = \"10ms\"\nfail_first = 9\nretry = { attempts = 2, initial = \"100ms\" }\n");
    let id = env.start(&[&failing]);
    finish(&env, &id);
    save(&env, &id, "failed");
}

#[test]
#[ignore = "regenerates tests/histories: run with `just record-histories`"]
fn schedule_started() {
    let (env, _worker) = recorder();
    let name = format!("recorded-{}", env.task_queue);
    env.orca([
        "schedule",
        "create",
        &name,
        "sample",
        "--input",
        "task=scheduled",
    ])
    .arg("--every")
    .arg("1h")
    .arg("--paused")
    .ok();
    env.orca(["schedule", "trigger", &name]).ok();
    let id = scheduled_run(&env, &name);
    approve(&env, &id, "alice");
    finish(&env, &id);
    save(&env, &id, "schedule-started");
    env.orca(["schedule", "delete", &name, "--yes"]).ok();
}

/// A run of a pipeline no worker knows, started with the official CLI
/// (`orca start` refuses the name): it fails with a typed `UnknownPipeline`.
#[test]
#[ignore = "regenerates tests/histories: run with `just record-histories`"]
fn unknown_pipeline() {
    let (env, _worker) = recorder();
    let id = format!("unknown-pipeline-{}", env.task_queue);
    let input = json!({"pipeline": "no-such-pipeline"}).to_string();
    env.temporal(["workflow", "start", "--type", "Pipeline"])
        .args(["--task-queue", &env.task_queue, "--workflow-id", &id])
        .args(["--input", &input])
        .ok();
    let status = finish(&env, &id);
    assert_eq!(status["temporal_status"], "failed", "{status:#}");
    let history: Value = serde_json::from_str(&env.temporal_history(&id)).unwrap();
    let failure = history["events"]
        .as_array()
        .unwrap()
        .iter()
        .find_map(|e| e.get("workflowExecutionFailedEventAttributes"))
        .unwrap_or_else(|| panic!("the run did not fail: {history:#}"));
    assert_eq!(
        failure["failure"]["applicationFailureInfo"]["type"], "UnknownPipeline",
        "{failure:#}"
    );
    save(&env, &id, "unknown-pipeline");
}

/// A loop that outlasts the worker's tiny bound, so the run continues as
/// new twice or more: one file per run of its chain, `continued-N.json`
/// (the first run, those between, the last), each replayed on its own.
#[test]
#[ignore = "regenerates tests/histories: run with `just record-histories`"]
fn continued() {
    let env = Env::new();
    let _worker = env.worker_with(&["--continue-as-new-after", "30"]);
    let file = env.pipeline(
        "continued",
        "name = \"continued\"\n[[steps]]\nid = \"items\"\nkind = \"foreach\"\ncount = 12\nconcurrency = 1\n[steps.step]\nkind = \"agent\"\naction = \"item {{ index }}\"\nduration = \"50ms\"\n\n[[steps]]\nid = \"after\"\nkind = \"agent\"\naction = \"after\"\nduration = \"10ms\"\n",
    );
    let id = env.start(&[&file]);
    let status = finish(&env, &id);
    assert!(status["continued"].as_u64() >= Some(2), "{status:#}");
    // A chain recorded before may have had more runs.
    for old in std::fs::read_dir(DIR).unwrap().filter_map(|e| e.ok()) {
        let name = old.file_name().to_string_lossy().into_owned();
        if name.starts_with("continued-") && name.ends_with(".json") {
            std::fs::remove_file(old.path()).unwrap();
        }
    }
    save(&env, &id, "continued");
}

/// Command steps on the commands queue (a worker without `--allow-commands`
/// beside one with it): a command, then a loop of two at once.
#[test]
#[ignore = "regenerates tests/histories: run with `just record-histories`"]
fn command_queue() {
    let (env, _worker) = recorder();
    let _plain = env.worker();
    let file = env.pipeline(
        "routed",
        "name = \"routed\"\n[[steps]]\nid = \"one\"\nkind = \"command\"\nargv = [\"echo\", \"one\"]\n\n[[steps]]\nid = \"loop\"\nkind = \"foreach\"\ncount = 2\nconcurrency = 2\n[steps.step]\nkind = \"command\"\nargv = [\"echo\", \"{{ index }}\"]\n",
    );
    let id = env.start(&[&file]);
    let status = finish(&env, &id);
    assert_eq!(status["phase"], "completed", "{status:#}");
    save(&env, &id, "command-queue");
}
