//! Ending a run from outside: `cancel` kills its running commands and
//! reports the end; `terminate` needs confirmation off a terminal.

use std::time::Duration;

use crate::common::*;

#[test]
fn cancel_kills_running_commands_and_reports_the_end() {
    let env = Env::new();
    let _worker = env.worker_with(&["--allow-commands"]);
    let marker = format!("{}.313", 900 + std::process::id() % 90);
    let file = env.pipeline(
        "long",
        &format!("name = \"long\"\n[[steps]]\nid = \"wait\"\nkind = \"command\"\nargv = [\"sleep\", \"{marker}\"]\n"),
    );
    let id = env.start(&[&file]);
    env.wait_step(&id, "wait", "running", Duration::from_secs(20));
    eventually(Duration::from_secs(10), "the command running", || {
        !processes_with(&format!("sleep {marker}")).is_empty()
    });
    let done = env
        .orca(["cancel", &id, "--reason", "changed my mind"])
        .run_within(Duration::from_secs(40));
    assert_eq!(done.code, 0, "{done}");
    done.stdout_has(&format!("{id}: cancelled"));
    eventually(
        Duration::from_secs(10),
        "the command gone after the cancellation",
        || processes_with(&format!("sleep {marker}")).is_empty(),
    );
    assert_eq!(env.status(&id)["temporal_status"], "cancelled");
    env.orca(["cancel", &id])
        .code(7)
        .clean_error()
        .stderr_has("already finished (cancelled)");
}

#[test]
fn terminate_needs_confirmation_off_a_terminal() {
    let env = Env::new();
    let _worker = env.worker();
    let id = env.start(&["sample", "--input", "task=t"]);
    env.wait_phase(&id, "awaiting_approval");
    env.orca(["terminate", &id])
        .code(2)
        .clean_error()
        .stderr_has("add --yes");
    assert_eq!(env.status(&id)["temporal_status"], "running");
    env.orca(["terminate", &id, "--yes", "--reason", "cleanup"])
        .ok()
        .stdout_has("terminated");
    let status = env.status(&id);
    assert_eq!(status["temporal_status"], "terminated");
    assert_eq!(status["phase"], "terminated");
    env.orca(["approve", &id])
        .code(7)
        .stderr_has("already finished (terminated)");
}
