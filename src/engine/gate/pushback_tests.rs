//! The rules of delegation and of requests for changes, as pure functions
//! of the run's status (the workflow's validator and handler call them).

use super::{
    cast_vote, check_changes, check_delegation, delegate, request_changes,
    rules::{trust, waiting_at},
};
use crate::engine::{refusal::RefusalKind, status::*};

/// A four-eyes gate of alice and bob, started by carol.
fn waiting(edit: impl FnOnce(&mut ApprovalStatus)) -> RunStatus {
    let mut gate = ApprovalStatus {
        step: "gate".into(),
        allowed: vec!["alice".into(), "bob".into()],
        required: 1,
        reject_quorum: 1,
        allow_delegation: true,
        ..ApprovalStatus::default()
    };
    edit(&mut gate);
    waiting_at(gate, "carol")
}

fn hand(by: &str, to: &str) -> DelegateRequest {
    DelegateRequest {
        by: by.into(),
        to: to.into(),
        ..DelegateRequest::default()
    }
}

fn decision(by: &str, comment: Option<&str>) -> DecisionRequest {
    DecisionRequest {
        by: by.into(),
        comment: comment.map(str::to_string),
        ..DecisionRequest::default()
    }
}

fn delegation_refused(status: &RunStatus, by: &str, to: &str) -> RefusalKind {
    check_delegation(status, &hand(by, to), &trust())
        .unwrap_err()
        .kind()
}

#[test]
fn a_delegate_takes_the_delegators_place_in_waiting_on() {
    let mut status = waiting(|_| {});
    delegate(&mut status, &trust(), hand("alice", "dave")).unwrap();
    let gate = status.approval.as_ref().unwrap();
    assert_eq!(gate.waiting_on, ["dave", "bob"]);
}

#[test]
fn a_delegate_votes_for_the_delegator() {
    let mut status = waiting(|_| {});
    delegate(&mut status, &trust(), hand("alice", "dave")).unwrap();
    cast_vote(
        &mut status,
        &trust(),
        decision("dave", None),
        VoteKind::Approve,
    )
    .unwrap();
    let vote = &status.approval.as_ref().unwrap().votes[0];
    assert_eq!(vote.on_behalf_of.as_deref(), Some("alice"));
}

#[test]
fn the_delegator_may_not_vote_afterwards() {
    let mut status = waiting(|_| {});
    delegate(&mut status, &trust(), hand("alice", "dave")).unwrap();
    let refused = cast_vote(
        &mut status,
        &trust(),
        decision("alice", None),
        VoteKind::Approve,
    )
    .unwrap_err();
    assert_eq!(refused.kind(), RefusalKind::AlreadyDelegated);
}

#[test]
fn a_delegate_may_not_delegate_again() {
    let mut status = waiting(|_| {});
    delegate(&mut status, &trust(), hand("alice", "dave")).unwrap();
    assert_eq!(
        delegation_refused(&status, "dave", "erin"),
        RefusalKind::BadDelegate
    );
}

#[test]
fn the_requester_of_a_four_eyes_gate_may_not_be_the_delegate() {
    let status = waiting(|_| {});
    assert_eq!(
        delegation_refused(&status, "alice", "carol"),
        RefusalKind::BadDelegate
    );
}

#[test]
fn an_approver_in_their_own_right_may_not_be_the_delegate() {
    let status = waiting(|_| {});
    assert_eq!(
        delegation_refused(&status, "alice", "bob"),
        RefusalKind::BadDelegate
    );
}

#[test]
fn delegation_needs_allow_delegation() {
    let status = waiting(|g| g.allow_delegation = false);
    assert_eq!(
        delegation_refused(&status, "alice", "dave"),
        RefusalKind::DelegationNotAllowed
    );
}

#[test]
fn only_an_approver_may_delegate() {
    let status = waiting(|_| {});
    assert_eq!(
        delegation_refused(&status, "mallory", "dave"),
        RefusalKind::NotAllowed
    );
}

fn with_rounds(round: u32) -> RunStatus {
    waiting(|g| {
        g.on_changes = Some("plan".into());
        g.round = round;
        g.max_rounds = 3;
    })
}

#[test]
fn changes_need_on_changes() {
    let status = waiting(|_| {});
    let refused = check_changes(&status, &decision("alice", Some("x")), &trust()).unwrap_err();
    assert_eq!(refused.kind(), RefusalKind::ChangesNotAllowed);
}

#[test]
fn changes_need_feedback() {
    let status = with_rounds(1);
    let refused = check_changes(&status, &decision("alice", Some("  ")), &trust()).unwrap_err();
    assert_eq!(refused.kind(), RefusalKind::ChangesNotAllowed);
}

#[test]
fn the_last_round_takes_no_more_changes() {
    let status = with_rounds(3);
    let refused = check_changes(&status, &decision("alice", Some("x")), &trust()).unwrap_err();
    assert_eq!(refused.kind(), RefusalKind::RoundsExhausted);
}

#[test]
fn the_requester_may_not_send_a_four_eyes_gate_back() {
    let mut status = with_rounds(1);
    if let Some(gate) = status.approval.as_mut() {
        gate.allowed.push("carol".into());
    }
    let refused = check_changes(&status, &decision("carol", Some("x")), &trust()).unwrap_err();
    assert_eq!(refused.kind(), RefusalKind::SelfApproval);
}

#[test]
fn a_request_for_changes_ends_the_round() {
    let mut status = with_rounds(1);
    let result = request_changes(&mut status, &trust(), decision("alice", Some("split"))).unwrap();
    assert_eq!((result.round, result.back_to.as_str()), (1, "plan"));
    let late = cast_vote(
        &mut status,
        &trust(),
        decision("bob", None),
        VoteKind::Approve,
    )
    .unwrap_err();
    assert_eq!(late.kind(), RefusalKind::NotAwaiting);
}

#[test]
fn a_delegate_must_be_a_persons_name() {
    let status = waiting(|_| {});
    for name in ["*", "voted:dave", "group:ops", "da\nve", &"d".repeat(201)] {
        assert_eq!(
            delegation_refused(&status, "alice", name),
            RefusalKind::BadDelegate,
            "{name:?}"
        );
    }
}
