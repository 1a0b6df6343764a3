//! Delegation: an approver of a gate with `allow_delegation` hands their
//! decision to someone else for this opening. The delegate decides in
//! their place (one vote between them) and sees the gate in their inbox;
//! the delegator can no longer vote; a delegate cannot hand it on again;
//! and nobody can delegate to the requester of a four-eyes gate, to
//! someone who decides already, or where the gate does not allow it.

use std::{sync::OnceLock, time::Duration};

use serde_json::json;

use super::{no_votes, parked, refused, refused_via_temporal, shared};
use crate::common::*;

/// A gate alice, bob and carol may decide, `required` of them needed, that
/// allows delegation; the harness starts runs as `tester`.
fn gate(required: u32) -> String {
    format!(
        "name = \"delegation\"\n[[steps]]\nid = \"gate\"\nkind = \"approval\"\nprompt = \"Ship?\"\napprovers = [\"alice\", \"bob\", \"carol\"]\nrequired = {required}\nallow_delegation = true\n"
    )
}

/// A run parked at `gate(3)` (it stays open: no test here casts three
/// votes) where alice has delegated to dave.
fn delegated() -> &'static str {
    static RUN: OnceLock<String> = OnceLock::new();
    RUN.get_or_init(|| {
        let id = parked("delegated", &gate(3));
        shared()
            .orca(["delegate", &id, "--as", "alice", "--to", "dave"])
            .args(["--comment", "on leave"])
            .ok();
        id
    })
}

#[test]
fn a_delegate_decides_in_the_delegators_place() {
    let env = shared();
    let id = parked("delegate-decides", &gate(2));
    env.orca(["delegate", &id, "--as", "alice", "--to", "dave"])
        .ok();
    env.orca(["approve", &id, "--as", "dave"]).ok();
    assert_eq!(
        env.status(&id)["phase"],
        "awaiting_approval",
        "one vote of two"
    );
    env.orca(["approve", &id, "--as", "bob"]).ok();
    let status = env.wait_phase(&id, "completed");
    let first = &status["approval"]["decision"]["votes"][0];
    assert_eq!(first["by"], "dave", "{status:#}");
    assert_eq!(first["on_behalf_of"], "alice", "{status:#}");
    env.status_text(&id).stdout_has("dave (for alice) approved");
}

#[test]
fn the_delegate_takes_the_delegators_place_in_the_status() {
    let status = shared().status(delegated());
    let gate = &status["approval"];
    assert_eq!(
        gate["waiting_on"],
        json!(["dave", "bob", "carol"]),
        "{status:#}"
    );
    let handed = &gate["delegations"][0];
    assert_eq!(
        (&handed["by"], &handed["to"], &handed["comment"]),
        (&json!("alice"), &json!("dave"), &json!("on leave")),
        "{status:#}"
    );
}

/// `orca status` and `orca history` say who handed the decision to whom.
#[test]
fn status_and_history_say_who_delegated_to_whom() {
    let env = shared();
    env.status_text(delegated())
        .stdout_has("by alice to dave: on leave");
    super::history_has(env, delegated(), "delegate", "by alice to dave: on leave");
}

/// The delegate's inbox shows the gate; the delegator's does not any more.
#[test]
fn the_delegate_sees_the_gate_in_their_inbox() {
    let env = shared();
    let id = delegated();
    let inbox = |who: &str| -> Vec<String> {
        let rows = env
            .orca(["inbox", "--as", who, "--limit", "0", "-o", "json"])
            .ok()
            .json();
        rows.as_array()
            .unwrap()
            .iter()
            .filter_map(|r| r["workflow_id"].as_str().map(str::to_string))
            .collect()
    };
    eventually(
        Duration::from_secs(30),
        "in dave's inbox, not alice's",
        || inbox("dave").iter().any(|r| r == id) && !inbox("alice").iter().any(|r| r == id),
    );
}

/// A delegation holds for one opening of the gate: once changes are
/// requested and the gate opens again, alice decides herself and dave not.
#[test]
fn a_delegation_ends_with_its_opening() {
    let env = shared();
    let toml = gate(2).replace(
        "[[steps]]\nid = \"gate\"",
        "[[steps]]\nid = \"draft\"\nkind = \"agent\"\naction = \"draft\"\nduration = \"100ms\"\n\n[[steps]]\nid = \"gate\"\non_changes = \"draft\"",
    );
    let id = parked("delegation-rounds", &toml);
    env.orca(["delegate", &id, "--as", "alice", "--to", "dave"])
        .ok();
    env.orca(["request-changes", &id, "--as", "bob", "--comment", "redo"])
        .ok();
    let status = env.wait_status(&id, Duration::from_secs(30), |s| {
        s["phase"] == "awaiting_approval" && s["approval"]["opening"] == 2
    });
    assert_eq!(
        status["approval"]["waiting_on"],
        json!(["alice", "bob", "carol"]),
        "{status:#}"
    );
    refused(
        env,
        &["approve", &id, "--as", "dave"],
        "dave may not decide",
    );
    env.orca(["approve", &id, "--as", "alice"]).ok();
}

#[test]
fn the_delegator_may_not_vote_afterwards() {
    let env = shared();
    let reason = "alice delegated this decision to dave, who decides in their place now";
    refused(env, &["approve", delegated(), "--as", "alice"], reason);
    let request = json!({"by": "alice"});
    refused_via_temporal(
        env,
        delegated(),
        "approve",
        &request,
        "AlreadyDelegated",
        reason,
    );
    no_votes(env, delegated());
}

#[test]
fn a_delegate_may_not_delegate_again() {
    refused(
        shared(),
        &["delegate", delegated(), "--as", "dave", "--to", "erin"],
        "cannot delegate: dave decides here as alice's delegate and may not delegate again",
    );
    let request = json!({"by": "dave", "to": "erin"});
    refused_via_temporal(
        shared(),
        delegated(),
        "delegate",
        &request,
        "BadDelegate",
        "may not delegate again",
    );
}

#[test]
fn delegation_to_someone_who_decides_already_is_refused() {
    refused(
        shared(),
        &["delegate", delegated(), "--as", "carol", "--to", "bob"],
        "cannot delegate: bob decides at gate `gate` already: one decision per person",
    );
}

#[test]
fn delegation_to_the_requester_of_a_four_eyes_gate_is_refused() {
    let request = json!({"by": "carol", "to": "tester"});
    let reason =
        "cannot delegate: tester started this run and may not decide its gate `gate` (four eyes)";
    refused(
        shared(),
        &["delegate", delegated(), "--as", "carol", "--to", "tester"],
        reason,
    );
    refused_via_temporal(
        shared(),
        delegated(),
        "delegate",
        &request,
        "BadDelegate",
        reason,
    );
}

#[test]
fn delegation_is_refused_where_the_gate_does_not_allow_it() {
    let env = shared();
    let toml = gate(1).replace("allow_delegation = true\n", "");
    let id = parked("no-delegation", &toml);
    let reason = "gate `gate` takes no delegation: the step does not set allow_delegation = true";
    refused(
        env,
        &["delegate", &id, "--as", "alice", "--to", "dave"],
        reason,
    );
    let request = json!({"by": "alice", "to": "dave"});
    refused_via_temporal(
        env,
        &id,
        "delegate",
        &request,
        "DelegationNotAllowed",
        reason,
    );
    assert_eq!(
        env.status(&id)["approval"]["waiting_on"],
        json!(["alice", "bob", "carol"])
    );
}
