//! Foreign workflows: a Python SDK worker's workflow is started, inspected,
//! updated, signalled and watched with orca.

use std::time::Duration;

use serde_json::json;

use crate::common::*;

#[test]
fn foreign_workflows_of_a_python_worker_are_driven_by_orca() {
    let env = Env::new();
    let mut python = std::process::Command::new("python3");
    python.args(["tests/fixtures/py_worker.py", &env.address, &env.task_queue]);
    let _python = Worker::spawn(python, "python worker ready");

    let id = env.start(&[
        "--type",
        "PyWaiter",
        "--args-json",
        "\"hello from orca\"",
        "--id",
        "py-1",
    ]);
    assert_eq!(id, "py-1");
    let status = env.orca(["status", "py-1", "-o", "json"]).ok().json();
    assert_eq!(status["workflow_type"], "PyWaiter");
    assert_eq!(status["live"], false);
    env.orca(["status", "py-1"])
        .ok()
        .stdout_has("not an orca pipeline");

    let updated = env
        .orca([
            "approve",
            "py-1",
            "--update",
            "add_note",
            "--payload-json",
            "\"first\"",
            "-o",
            "json",
        ])
        .ok()
        .json();
    assert_eq!(updated["result"], 1);
    let waiting = env.orca(["watch", "py-1", "-o", "json"]).spawn();
    env.orca([
        "approve",
        "py-1",
        "--signal",
        "approve",
        "--payload-json",
        r#"{"by": "alice"}"#,
    ])
    .ok()
    .stdout_has("sent signal `approve` to py-1");
    let done = waiting.finish(Duration::from_secs(30));
    assert_eq!(done.code, 0, "{done}");
    assert_eq!(
        done.json()["result"],
        json!({"greeting": "hello from orca", "approved_by": "alice", "notes": ["first"]})
    );
}
