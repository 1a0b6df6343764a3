//! `orca history`: a run's readable timeline, in time order, as JSON and
//! as text.

use crate::common::*;

#[test]
fn history_is_a_readable_timeline() {
    let env = Env::new();
    let _worker = env.worker();
    let id = env.start(&["sample", "--input", "task=story", "--id", "history-1"]);
    env.wait_phase(&id, "awaiting_approval");
    env.orca(["pause", &id]).ok();
    env.orca(["resume", &id]).ok();
    env.orca(["approve", &id, "--as", "carol", "--comment", "ship it"])
        .ok();
    env.wait_phase(&id, "completed");
    let entries = env.orca(["history", &id, "-o", "json"]).ok().json();
    let find = |event: &str| {
        entries
            .as_array()
            .unwrap()
            .iter()
            .find(|e| e["event"] == event)
            .unwrap_or_else(|| panic!("no {event} in {entries:#}"))
            .clone()
    };
    assert_eq!(
        find("started")["detail"],
        r#"sample, requested by tester, input {"task":"story"}"#
    );
    assert_eq!(find("approval_requested")["detail"], "Run task 'story'?");
    // Unsigned: the history says so (README "Verified approvals").
    assert_eq!(find("approve")["detail"], "by carol: ship it — unverified");
    assert!(
        find("signal")["detail"]
            .as_str()
            .unwrap()
            .starts_with("pause")
    );
    let work = find("step_completed");
    assert_eq!(work["step"], "work");
    assert_eq!(find("step_started")["attempt"], 1);
    assert_eq!(find("completed")["detail"], "outcome completed");
    let offsets: Vec<u64> = entries
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["offset_ms"].as_u64().unwrap())
        .collect();
    assert!(
        offsets.windows(2).all(|w| w[0] <= w[1]),
        "in time order: {offsets:?}"
    );
    env.orca(["history", &id])
        .ok()
        .stdout_has("approve")
        .stdout_has("by carol: ship it");
    env.orca(["history", "no-such-run"]).code(5);
}
