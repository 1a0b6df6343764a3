//! A gate open at a hand-over: its votes, its clocks and who may decide
//! carry over; the next vote, in the next run, decides it.

use std::time::Duration;

use super::loops::worker;
use crate::common::*;

const GATE: &str = r#"
name = "two-eyes"
[[steps]]
id = "gate"
kind = "approval"
prompt = "Ship?"
approvers = ["alice", "bob"]
required = 2
timeout = "1h"
on_timeout = "reject"
[[steps]]
id = "after"
kind = "agent"
action = "ship {{ steps.gate.output.approved }}"
duration = "10ms"
"#;

/// A run waiting at the two-person gate, alice's vote cast and the run
/// handed over since (the vote took it past the tiny bound).
fn one_vote_then_handed_over(env: &Env, id: &str) {
    let file = env.pipeline("two-eyes", GATE);
    env.start(&[&file, "--id", id]);
    env.wait_phase(id, "awaiting_approval");
    env.orca(["approve", id, "--as", "alice"]).ok();
    env.wait_status(id, Duration::from_secs(30), |s| {
        s["continued"].as_u64().unwrap_or(0) >= 1 && s["live"] == true
    });
}

#[test]
fn the_second_vote_after_a_hand_over_opens_the_gate() {
    let env = Env::new();
    let _worker = worker(&env, 10);
    one_vote_then_handed_over(&env, "gate-carried");
    let status = env.status("gate-carried");
    assert_eq!(status["phase"], "awaiting_approval", "{status:#}");
    assert_eq!(status["approval"]["votes"][0]["by"], "alice", "{status:#}");
    env.orca(["approve", "gate-carried", "--as", "bob"]).ok();
    let status = env.wait_phase("gate-carried", "completed");
    let votes = &status["approval"]["decision"]["votes"];
    assert_eq!(votes.as_array().map(Vec::len), Some(2), "{status:#}");
    assert_eq!(step(&status, "after")["state"], "completed");
}

#[test]
fn a_vote_cast_before_the_hand_over_still_counts_against_a_second_one() {
    let env = Env::new();
    let _worker = worker(&env, 10);
    one_vote_then_handed_over(&env, "gate-revote");
    env.orca(["approve", "gate-revote", "--as", "alice"])
        .code(7)
        .stderr_has("alice");
}

#[test]
fn the_gate_keeps_its_deadline_across_a_hand_over() {
    let env = Env::new();
    let _worker = worker(&env, 10);
    let file = env.pipeline("two-eyes", GATE);
    env.start(&[&file, "--id", "gate-deadline"]);
    let before = env.wait_phase("gate-deadline", "awaiting_approval");
    env.orca(["approve", "gate-deadline", "--as", "alice"]).ok();
    let after = env.wait_status("gate-deadline", Duration::from_secs(30), |s| {
        s["continued"].as_u64().unwrap_or(0) >= 1 && s["live"] == true
    });
    assert_eq!(
        before["approval"]["deadline"], after["approval"]["deadline"],
        "{after:#}"
    );
    assert_eq!(after["approval"]["opening"], 1, "{after:#}");
}
