//! Pause and stop survive a hand-over: a paused loop hands over paused and
//! waits in the next run; a stop requested before it ends the next run.

use std::time::Duration;

use super::loops::worker;
use crate::common::*;

/// One item at a time, each long enough to pause or stop between them.
/// With the tiny bound every item hands over, and the server holds back
/// the first task of a run that follows one shorter than a second by about
/// a second: 20 items take some 25 s.
const SLOW_LOOP: &str = r#"
name = "slow-loop"
[[steps]]
id = "items"
kind = "foreach"
count = 20
concurrency = 1
[steps.step]
kind = "agent"
action = "item {{ item }}"
duration = "300ms"
[[steps]]
id = "after"
kind = "agent"
action = "done"
duration = "10ms"
"#;

fn continued(status: &serde_json::Value) -> u64 {
    status["continued"].as_u64().unwrap_or(0)
}

#[test]
fn a_paused_run_hands_over_paused_and_resumes_where_it_stood() {
    let env = Env::new();
    let _worker = worker(&env, 10);
    let file = env.pipeline("slow-loop", SLOW_LOOP);
    env.start(&[&file, "--id", "paused-run"]);
    env.wait_status("paused-run", Duration::from_secs(60), |s| {
        continued(s) >= 1 && s["live"] == true
    });
    // With a bound this small every item hands over: the item in flight
    // when the pause arrives ends its run, and the next one begins paused.
    env.orca(["pause", "paused-run"]).ok();
    let paused = env.wait_phase("paused-run", "paused");
    let done_then = step(&paused, "items")["progress"]["done"].clone();
    holds_for(Duration::from_secs(2), "the loop stays paused", || {
        let now = env.status("paused-run");
        now["phase"] == "paused" && step(&now, "items")["progress"]["done"] == done_then
    });
    env.orca(["resume", "paused-run"]).ok();
    let status = env.wait_status("paused-run", Duration::from_secs(120), |s| {
        s["phase"] == "completed" && s["live"] == true
    });
    assert_eq!(step(&status, "items")["progress"]["done"], 20);
    assert!(continued(&status) > continued(&paused), "{status:#}");
}

#[test]
fn a_stop_requested_before_a_hand_over_ends_the_next_run() {
    let env = Env::new();
    let _worker = worker(&env, 10);
    let file = env.pipeline("slow-loop", SLOW_LOOP);
    env.start(&[&file, "--id", "stopped-run"]);
    env.wait_status("stopped-run", Duration::from_secs(60), |s| {
        continued(s) >= 1 && s["live"] == true
    });
    env.orca(["stop", "stopped-run"]).ok();
    let status = env.wait_phase("stopped-run", "stopped");
    let done = step(&status, "items")["progress"]["done"]
        .as_u64()
        .unwrap_or(0);
    assert!(done < 20, "stopped after all items: {status:#}");
    assert_eq!(step(&status, "after")["state"], "skipped", "{status:#}");
}

#[test]
fn a_loops_timeout_runs_on_across_hand_overs() {
    let env = Env::new();
    let _worker = worker(&env, 10);
    // 20 items of 300 ms one at a time take 6 s and more; every item hands over.
    // Were each run to start the 3 s afresh, the loop would never time out.
    let file = env.pipeline(
        "timed-loop",
        &SLOW_LOOP
            .replace("slow-loop", "timed-loop")
            .replace("concurrency = 1", "concurrency = 1\ntimeout = \"3s\""),
    );
    env.start(&[&file, "--id", "timed-run"]);
    let done = env
        .orca(["wait", "timed-run", "--timeout", "60s"])
        .run_within(Duration::from_secs(90));
    assert_eq!(done.code, 4, "{done}");
    let status = env.wait_phase("timed-run", "failed");
    assert!(continued(&status) >= 1, "{status:#}");
    let error = step(&status, "items")["error"].as_str().unwrap_or("");
    assert!(error.contains("timed out after 3s"), "{status:#}");
}
