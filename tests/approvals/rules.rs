//! Who may decide a gate and how many must: a quorum of approvals, a
//! reject quorum, four eyes (the requester may not approve), and approver
//! groups from the pipeline and the worker's file; the official CLI gets
//! the same answers as orca.

use serde_json::{Value, json};

use super::gate_pipeline;
use crate::common::*;

#[test]
fn quorum_of_two_out_of_three() {
    let env = Env::new();
    let _worker = env.worker();
    let file = gate_pipeline(
        &env,
        "quorum",
        "approvers = [\"alice\", \"bob\", \"carol\"]\nrequired = 2",
        "",
    );
    let id = env.start(&[&file]);
    env.wait_phase(&id, "awaiting_approval");

    let first = env
        .orca(["approve", &id, "--as", "alice", "-o", "json"])
        .ok()
        .json();
    assert_eq!(
        first["decision"],
        Value::Null,
        "one approval leaves it open: {first}"
    );
    assert_eq!(
        (first["approvals"].as_u64(), first["required"].as_u64()),
        (Some(1), Some(2))
    );
    let status = env.status(&id);
    assert_eq!(status["phase"], "awaiting_approval");
    assert_eq!(status["approval"]["waiting_on"], json!(["bob", "carol"]));
    env.status_text(&id)
        .stdout_has("1 of 2 (alice); still allowed: bob, carol");

    env.orca(["approve", &id, "--as", "alice"])
        .code(7)
        .clean_error()
        .stderr_has("already approved by alice");
    // The official CLI gets the same answer.
    let (ok, text) = env.decide_via_temporal(&["update", "execute"], &id, "approve", "alice");
    assert!(!ok && text.contains("already approved by alice"), "{text}");

    let second = env
        .orca(["approve", &id, "--as", "carol", "--comment", "lgtm"])
        .ok();
    second.stdout_has("(2 of 2 approvals)");
    let status = env.wait_phase(&id, "completed");
    let decision = &status["approval"]["decision"];
    assert_eq!(decision["decision"], "approved");
    assert_eq!(decision["votes"].as_array().unwrap().len(), 2);
    assert_eq!(decision["votes"][0]["by"], "alice");
    assert_eq!(decision["votes"][1]["comment"], "lgtm");
}

#[test]
fn a_rejection_closes_the_gate_unless_a_reject_quorum_is_set() {
    let env = Env::new();
    let _worker = env.worker();
    let file = gate_pipeline(
        &env,
        "rejectq",
        "approvers = [\"alice\", \"bob\", \"carol\"]\nrequired = 2\nreject_quorum = 2",
        "",
    );
    let id = env.start(&[&file]);
    env.wait_phase(&id, "awaiting_approval");
    env.orca(["reject", &id, "--as", "alice", "--reason", "no"])
        .ok()
        .stdout_has("1 of 2 rejections");
    assert_eq!(env.status(&id)["phase"], "awaiting_approval");
    env.orca(["reject", &id, "--as", "bob", "--reason", "no"])
        .ok();
    let status = env.wait_phase(&id, "rejected");
    assert_eq!(status["approval"]["decision"]["decision"], "rejected");
}

#[test]
fn four_eyes_refuses_the_requester_unless_allowed() {
    let env = Env::new();
    let _worker = env.worker();
    // The harness runs orca as "tester", who also is a named approver.
    let file = gate_pipeline(&env, "foureyes", "approvers = [\"tester\", \"bob\"]", "");
    let id = env.start(&[&file]);
    env.wait_phase(&id, "awaiting_approval");
    env.orca(["approve", &id])
        .code(7)
        .clean_error()
        .stderr_has("tester started this run and may not approve its gate `gate` (four eyes");
    let (ok, text) = env.decide_via_temporal(&["update", "execute"], &id, "approve", "tester");
    assert!(!ok && text.contains("four eyes"), "{text}");
    assert_eq!(env.status(&id)["approval"]["waiting_on"], json!(["bob"]));
    env.orca(["approve", &id, "--as", "bob"]).ok();
    env.wait_phase(&id, "completed");

    let file = gate_pipeline(
        &env,
        "selfok",
        "approvers = [\"tester\", \"bob\"]\nallow_self_approval = true",
        "",
    );
    let id = env.start(&[&file]);
    env.wait_phase(&id, "awaiting_approval");
    env.orca(["approve", &id]).ok();
    env.wait_phase(&id, "completed");

    // A gate without an approver list stays open to anyone, the requester included.
    let id = env.start(&["sample", "--input", "task=demo"]);
    env.wait_phase(&id, "awaiting_approval");
    env.orca(["approve", &id]).ok();
}

#[test]
fn groups_from_the_pipeline_and_the_worker_file() {
    let env = Env::new();
    let approvers = env.write("approvers.toml", "[groups]\nops = [\"olga\", \"oscar\"]\n");
    let _worker = env.worker_with(&["--approvers-file", approvers.to_str().unwrap()]);
    let file = gate_pipeline(
        &env,
        "groups",
        "approvers = [\"group:release\", \"group:ops\"]\nrequired = 2",
        "",
    );
    let id = env.start(&[&file]);
    let status = env.wait_phase(&id, "awaiting_approval");
    assert_eq!(
        status["approval"]["allowed"],
        json!(["rita", "rob", "olga", "oscar"])
    );
    env.orca(["approve", &id, "--as", "mallory"])
        .code(7)
        .clean_error()
        .stderr_has("mallory may not decide");
    let (ok, text) = env.decide_via_temporal(&["update", "execute"], &id, "approve", "mallory");
    assert!(!ok && text.contains("may not decide"), "{text}");
    env.orca(["approve", &id, "--as", "rob"]).ok();
    env.orca(["approve", &id, "--as", "oscar"]).ok();
    env.wait_phase(&id, "completed");

    // A group nobody defines fails the run at once, naming the group;
    // `start` waits for the worker's word on an inline spec, so says so (exit 2).
    let file = gate_pipeline(&env, "nogroup", "approvers = [\"group:nobody\"]", "");
    let done = env.run_to_end(&file, &[]);
    assert_eq!(done.code, 2, "{done}");
    done.stderr_has("names group `nobody`");
}
