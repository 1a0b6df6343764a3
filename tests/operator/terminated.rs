//! A run the server ends anyway (a limit, an operator's `temporal workflow
//! terminate --reason`): `status`, `watch`, `wait` and `start --wait` say
//! why, and who, in text and JSON; the waits exit 4. A run that failed
//! before any step shows its failure.

use std::time::Duration;

use serde_json::json;

use crate::common::*;

const REASON: &str = "history size exceeds the limit (a test)";

#[test]
fn a_run_terminated_with_a_reason_says_why_everywhere() {
    let env = Env::new();
    let _worker = env.worker();
    let id = format!("{}-ended", env.task_queue);
    let started = env
        .orca([
            "start", "sample", "--input", "task=t", "--id", &id, "--wait",
        ])
        .spawn();
    env.wait_phase(&id, "awaiting_approval");
    let watching = env.orca(["watch", &id]).spawn();
    let waiting = env.orca(["wait", &id, "-o", "json"]).spawn();
    env.temporal(["workflow", "terminate", "--workflow-id", &id])
        .args(["--reason", REASON])
        .ok();

    let why = format!("terminated: {REASON} (by temporal-cli:");
    for (command, done) in [
        ("start --wait", started.finish(Duration::from_secs(30))),
        ("watch", watching.finish(Duration::from_secs(30))),
    ] {
        assert_eq!(done.code, 4, "{command}: {done}");
        done.stdout_has(&format!("{id}: {why}"));
        done.stderr_has(&format!("error: run {id} {why}"));
    }
    let done = waiting.finish(Duration::from_secs(30));
    assert_eq!(done.code, 4, "wait: {done}");
    let report = done.json();
    assert_eq!(report["outcome"], "terminated", "{report:#}");
    assert_eq!(report["terminated"]["reason"], REASON, "{report:#}");
    assert!(
        report["terminated"]["identity"]
            .as_str()
            .is_some_and(|who| who.starts_with("temporal-cli:")),
        "{report:#}"
    );
    env.orca(["wait", &id]).code(4).stdout_has(&why);

    // `status` reports (exit 0, as for any run it can show) and says why.
    let status = env.status(&id);
    assert_eq!(status["temporal_status"], "terminated");
    assert_eq!(status["terminated"]["reason"], REASON, "{status:#}");
    env.status_text(&id)
        .stdout_has(&format!("Terminated:    {REASON} (by temporal-cli:"));
}

#[test]
fn a_run_that_failed_before_any_step_shows_its_failure() {
    let env = Env::new();
    let _worker = env.worker();
    let id = format!("{}-unresolved", env.task_queue);
    let input = json!({"pipeline": "no-such-pipeline"}).to_string();
    env.temporal(["workflow", "start", "--type", "Pipeline"])
        .args(["--task-queue", &env.task_queue, "--workflow-id", &id])
        .args(["--input", &input])
        .ok();
    let status = env.wait_status(&id, Duration::from_secs(30), |s| {
        s["temporal_status"] == "failed"
    });
    assert!(
        status["failure"]
            .as_str()
            .is_some_and(|f| f.contains("knows no pipeline `no-such-pipeline`")),
        "{status:#}"
    );
    assert!(status.get("terminated").is_none(), "{status:#}");
    env.orca(["status", &id])
        .ok()
        .stdout_has("Failure:")
        .stdout_has("knows no pipeline `no-such-pipeline`");
}
