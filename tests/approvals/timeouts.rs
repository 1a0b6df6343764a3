//! A gate nobody decides in time: it rejects, approves, fails the run or
//! escalates to others (who may then time out too), and later steps can
//! branch on what happened.

use std::time::Duration;

use serde_json::json;

use super::gate_pipeline;
use crate::common::*;

#[test]
fn timeouts_reject_approve_fail_or_escalate_and_later_steps_can_branch() {
    let env = Env::new();
    let _worker = env.worker();
    let branch = "\n[[steps]]\nid = \"late\"\nkind = \"agent\"\naction = \"handle a late gate\"\nduration = \"100ms\"\nif = \"{{ steps.gate.output.decision == 'timed_out' }}\"\n\n[[steps]]\nid = \"normal\"\nkind = \"agent\"\naction = \"normal path\"\nduration = \"100ms\"\nif = \"{{ steps.gate.output.decision == 'approved' }}\"\n";

    let reject = gate_pipeline(&env, "t-reject", "timeout = \"1s\"", "");
    let done = env.run_to_end(&reject, &["--id", "t-reject"]);
    assert_eq!(done.code, 3, "{done}");
    let gate = &done.json()["steps"]["gate"];
    assert_eq!(gate["decision"], "timed_out");
    assert!(
        gate.get("by").is_none(),
        "a timeout is not a person: {gate}"
    );
    env.status_text("t-reject")
        .stdout_has("no one decided in time; the gate rejected");

    let approve = gate_pipeline(
        &env,
        "t-approve",
        "timeout = \"1s\"\non_timeout = \"approve\"",
        branch,
    );
    let done = env.run_to_end(&approve, &[]);
    assert_eq!(done.code, 0, "{done}");
    let steps = done.json()["steps"].clone();
    assert_eq!(steps["gate"]["decision"], "timed_out");
    assert_eq!(steps["gate"]["approved"], true);
    assert_eq!(steps["late"]["action"], "handle a late gate");
    assert!(steps["normal"].is_null(), "{steps}");

    let fail = gate_pipeline(
        &env,
        "t-fail",
        "timeout = \"1s\"\non_timeout = \"fail\"",
        "",
    );
    let done = env.run_to_end(&fail, &[]);
    assert_eq!(done.code, 4, "{done}");
    done.stderr_has("timed out after 1s (on_timeout = \"fail\")");

    let escalate = gate_pipeline(
        &env,
        "t-escalate",
        "approvers = [\"alice\"]\ntimeout = \"1s\"\non_timeout = \"escalate\"\nescalate_to = [\"group:release\"]\nescalation_timeout = \"30s\"",
        "",
    );
    let id = env.start(&[&escalate]);
    let status = env.wait_status(&id, Duration::from_secs(20), |s| {
        s["approval"]["escalated"] == true
    });
    assert_eq!(
        status["approval"]["allowed"],
        json!(["alice", "rita", "rob"])
    );
    assert_eq!(status["phase"], "awaiting_approval");
    env.orca(["approve", &id, "--as", "rita"]).ok();
    let status = env.wait_phase(&id, "completed");
    assert_eq!(
        status["approval"]["decision"]["decision"],
        "escalated_then_approved"
    );

    let escalate_out = gate_pipeline(
        &env,
        "t-escalate-out",
        "approvers = [\"alice\"]\ntimeout = \"1s\"\non_timeout = \"escalate\"\nescalate_to = [\"bob\"]\nescalation_timeout = \"1s\"",
        "",
    );
    let done = env.run_to_end(&escalate_out, &[]);
    assert_eq!(done.code, 3, "{done}");
    assert_eq!(
        done.json()["steps"]["gate"]["decision"],
        "escalated_then_timed_out"
    );
}
