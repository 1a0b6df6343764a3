//! `orca wait --for approval|completion`: exit codes CI can branch on (0
//! approved or completed, 3 rejected/denied/timed out, 8 nobody decided in
//! time, the run untouched).

use std::time::Duration;

use super::gate_pipeline;
use crate::common::*;

#[test]
fn wait_for_approval_and_completion_exit_codes() {
    let env = Env::new();
    let _worker = env.worker();
    // 8: nobody decides within the timeout; the run is untouched.
    let id = env.start(&["sample", "--input", "task=w"]);
    env.wait_phase(&id, "awaiting_approval");
    let done = env
        .orca(["wait", &id, "--for", "approval", "--timeout", "2s"])
        .run_within(Duration::from_secs(15));
    assert_eq!(done.code, 8, "{done}");
    assert_eq!(env.status(&id)["phase"], "awaiting_approval");

    // 0: returns as soon as the gate is approved, before the run ends.
    let mut waiting = env
        .orca(["wait", &id, "--for", "approval", "-o", "json"])
        .spawn();
    // It keeps waiting while nobody decides (and is waiting when alice does).
    holds_for(
        Duration::from_millis(500),
        "the waiter still waiting",
        || matches!(waiting.child.try_wait(), Ok(None)),
    );
    env.orca(["approve", &id, "--as", "alice"]).ok();
    let done = waiting.finish(Duration::from_secs(20));
    assert_eq!(done.code, 0, "{done}");
    assert_eq!(done.json()["decision"]["decision"], "approved");
    let done = env.orca(["wait", &id]).run_within(Duration::from_secs(20));
    assert_eq!(done.code, 0, "{done}");

    // 3: a rejection, a denial, and a gate that timed out and rejected.
    let id = env.start(&["sample", "--input", "task=w2"]);
    env.wait_phase(&id, "awaiting_approval");
    env.orca(["reject", &id, "--as", "bob"]).ok();
    assert_eq!(env.orca(["wait", &id, "--for", "approval"]).run().code, 3);
    assert_eq!(env.orca(["wait", &id, "--for", "completion"]).run().code, 3);
    let denied = env.start(&["sample", "--input", "task=forbidden"]);
    assert_eq!(
        env.orca(["wait", &denied, "--for", "approval"]).run().code,
        3
    );
    let late = gate_pipeline(&env, "w-late", "timeout = \"1s\"", "");
    let id = env.start(&[&late]);
    let done = env
        .orca(["wait", &id, "--for", "approval"])
        .run_within(Duration::from_secs(20));
    assert_eq!(done.code, 3, "{done}");
    done.stderr_has("timed_out");
}
