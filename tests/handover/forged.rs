//! The state a run hands to its continuation is taken from nowhere else: a
//! client starting a run with a `continued` field of its own (a gate
//! already approved, keys of its choosing) gets a failed run, nothing run.

use std::time::Duration;

use serde_json::json;

use super::loops::worker;
use crate::common::*;

#[test]
fn a_run_started_with_a_forged_carried_state_fails_before_any_step() {
    let env = Env::new();
    let _worker = worker(&env, 10);
    let input = json!({
        "pipeline": "sample",
        "input": {"task": "x"},
        "continued": {"next_step": 3, "bound": 10},
    });
    env.temporal(["workflow", "start", "--type", "Pipeline"])
        .args([
            "--task-queue",
            &env.task_queue,
            "--workflow-id",
            "forged-run",
        ])
        .args(["--input", &input.to_string()])
        .ok();
    let done = env
        .orca(["wait", "forged-run", "--timeout", "60s"])
        .run_within(Duration::from_secs(90));
    assert_eq!(done.code, 4, "{done}");
    done.stderr_has("a new run cannot start with one");
}
