//! A paused schedule fires nothing, so it shows no next run: the server
//! goes on computing fire times for it, but none of them runs.

use crate::common::*;

#[test]
fn a_paused_schedule_shows_no_next_run() {
    let env = Env::new();
    let name = format!("paused-{}", env.task_queue);
    env.orca(["schedule", "create", &name, "sample", "--input", "task=x"])
        .args(["--every", "1h", "--paused"])
        .ok();

    let described = env
        .orca(["schedule", "describe", &name, "-o", "json"])
        .ok()
        .json();
    assert_eq!(described["paused"], true, "{described:#}");
    assert_eq!(
        described["next_run"],
        serde_json::Value::Null,
        "{described:#}"
    );
    assert_eq!(
        described["next_runs"],
        serde_json::json!([]),
        "{described:#}"
    );
    env.orca(["schedule", "describe", &name])
        .ok()
        .stdout_has("none while paused");

    env.orca(["schedule", "unpause", &name]).ok();
    let active = env
        .orca(["schedule", "describe", &name, "-o", "json"])
        .ok()
        .json();
    assert!(active["next_run"].is_string(), "{active:#}");
    env.orca(["schedule", "delete", &name, "--yes"]).ok();
}
