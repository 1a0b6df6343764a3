//! The gate's rules, as pure functions of the run's status: who may vote,
//! what a vote does, when the gate closes. The update validator and the
//! handler both call `check_vote` (validators do not run on replay), so a
//! client that bypasses orca is held to the same rules.

use std::{collections::BTreeMap, time::SystemTime};

use crate::engine::{status::*, workflow::rfc3339};

/// How refusals that mean "this gate no longer waits for this person"
/// begin: the run left the gate, someone decided it, or the person already
/// voted. `approve --all` counts those as skipped, not refused, so running it
/// twice (or racing another approver) is not an error.
const NOT_AWAITING: &str = "not awaiting approval";
const ALREADY: &str = "already ";

/// Is `reason` (a refusal from `check_vote`) one of the "nothing left to do
/// here" kind, rather than "you may not"?
pub fn no_longer_waiting(reason: &str) -> bool {
    reason.starts_with(NOT_AWAITING) || reason.starts_with(ALREADY)
}

/// Every rule of the gate, in the order a person would want to hear them.
pub(in crate::engine) fn check_vote(
    status: &RunStatus,
    request: &DecisionRequest,
    kind: VoteKind,
) -> Result<(), String> {
    let by = request.by.trim();
    if by.is_empty() {
        return Err("a decision needs `by`: the name of who decides".into());
    }
    let Some(gate) = &status.approval else {
        return Err(format!("{NOT_AWAITING} (phase: {})", status.phase));
    };
    if let Some(decision) = &gate.decision {
        return Err(match &decision.by {
            Some(who) => format!("{ALREADY}{} by {who}", decision.decision),
            None => format!("{ALREADY}decided: the gate {}", decision.decision),
        });
    }
    if status.phase != Phase::AwaitingApproval {
        return Err(format!("{NOT_AWAITING} (phase: {})", status.phase));
    }
    if let Some(earlier) = gate.votes.iter().find(|v| v.by == by) {
        let verb = match earlier.vote {
            VoteKind::Approve => "approved",
            VoteKind::Reject => "rejected",
        };
        return Err(format!("{ALREADY}{verb} by {by}: one decision per person"));
    }
    if !gate.allowed.is_empty() && !gate.allowed.iter().any(|a| a == by) {
        return Err(format!(
            "{by} may not decide step `{}` (approvers: {})",
            gate.step,
            gate.allowed.join(", ")
        ));
    }
    if !gate.allowed.is_empty()
        && !gate.allow_self_approval
        && status.requested_by.as_deref() == Some(by)
    {
        let verb = if kind == VoteKind::Approve {
            "approve"
        } else {
            "decide"
        };
        return Err(format!(
            "{by} started this run and may not {verb} its gate `{}` (four eyes; the step can set allow_self_approval = true)",
            gate.step
        ));
    }
    Ok(())
}

/// Records a vote (after `check_vote` again: validators do not run on
/// replay) and closes the gate when a quorum is reached.
pub(in crate::engine) fn cast_vote(
    status: &mut RunStatus,
    at: Option<SystemTime>,
    request: DecisionRequest,
    kind: VoteKind,
) -> Result<VoteResult, String> {
    check_vote(status, &request, kind)?;
    let requested_by = status.requested_by.clone();
    let gate = status.approval.as_mut().ok_or("not awaiting approval")?;
    let vote = Vote {
        by: request.by.trim().to_string(),
        vote: kind,
        comment: request.comment.filter(|c| !c.trim().is_empty()),
        at: rfc3339(at),
    };
    gate.votes.push(vote.clone());
    let (approvals, rejections) = (gate.approvals(), gate.rejections());
    let decided = if approvals >= gate.required {
        Some(if gate.escalated {
            DecisionKind::EscalatedThenApproved
        } else {
            DecisionKind::Approved
        })
    } else if rejections >= gate.reject_quorum {
        Some(if gate.escalated {
            DecisionKind::EscalatedThenRejected
        } else {
            DecisionKind::Rejected
        })
    } else {
        None
    };
    if let Some(kind) = decided {
        gate.decision = Some(Decision {
            step: gate.step.clone(),
            decision: kind,
            approved: matches!(
                kind,
                DecisionKind::Approved | DecisionKind::EscalatedThenApproved
            ),
            by: Some(vote.by.clone()),
            comment: vote.comment.clone(),
            at: vote.at.clone(),
            votes: gate.votes.clone(),
        });
    }
    gate.waiting_on = waiting_on(gate, requested_by.as_deref());
    Ok(VoteResult {
        step: gate.step.clone(),
        by: vote.by,
        vote: kind,
        comment: vote.comment,
        at: vote.at,
        approvals,
        required: gate.required,
        rejections,
        reject_quorum: gate.reject_quorum,
        decision: decided,
        approved: gate.decision.as_ref().is_some_and(|d| d.approved),
    })
}

/// Who may still vote: allowed, not yet voted, and not the requester of a
/// four-eyes gate. Empty for a gate open to anyone.
pub(super) fn waiting_on(gate: &ApprovalStatus, requested_by: Option<&str>) -> Vec<String> {
    gate.allowed
        .iter()
        .filter(|name| !gate.votes.iter().any(|v| &v.by == *name))
        .filter(|name| gate.allow_self_approval || Some(name.as_str()) != requested_by)
        .cloned()
        .collect()
}

/// Names, with `group:NAME` replaced by the group's members.
pub(super) fn expand(
    names: &[String],
    groups: &BTreeMap<String, Vec<String>>,
) -> Result<Vec<String>, String> {
    let mut out: Vec<String> = Vec::new();
    for name in names {
        let members = match name.strip_prefix("group:") {
            Some(group) => groups
                .get(group)
                .cloned()
                .ok_or_else(|| format!("approver group `{group}` is not defined"))?,
            None => vec![name.clone()],
        };
        for member in members {
            if !out.contains(&member) {
                out.push(member);
            }
        }
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::Map;

    fn waiting(approvers: &[&str], required: u32, requested_by: &str) -> RunStatus {
        let mut gate = ApprovalStatus {
            step: "gate".into(),
            prompt: "?".into(),
            allowed: approvers.iter().map(|s| s.to_string()).collect(),
            required,
            reject_quorum: 1,
            ..ApprovalStatus::default()
        };
        gate.waiting_on = waiting_on(&gate, Some(requested_by));
        RunStatus {
            pipeline: "p".into(),
            phase: Phase::AwaitingApproval,
            requested_by: Some(requested_by.into()),
            input: Map::new(),
            current_step: Some("gate".into()),
            steps: vec![],
            progress: None,
            approval: Some(gate),
            outcome: None,
            paused: false,
            stop_requested: false,
        }
    }

    fn by(name: &str) -> DecisionRequest {
        DecisionRequest {
            by: name.into(),
            comment: None,
        }
    }

    #[test]
    fn quorum_of_two_distinct_approvers() {
        let mut status = waiting(&["alice", "bob", "carol"], 2, "dave");
        let first = cast_vote(&mut status, None, by("alice"), VoteKind::Approve).unwrap();
        assert_eq!((first.approvals, first.decision), (1, None));
        assert_eq!(
            status.approval.as_ref().unwrap().waiting_on,
            ["bob", "carol"]
        );
        let again = cast_vote(&mut status, None, by("alice"), VoteKind::Approve).unwrap_err();
        assert!(again.contains("already approved by alice"), "{again}");
        let second = cast_vote(&mut status, None, by("bob"), VoteKind::Approve).unwrap();
        assert_eq!(second.decision, Some(DecisionKind::Approved));
        assert!(second.approved);
    }

    #[test]
    fn four_eyes_and_allow_lists() {
        let status = waiting(&["alice", "bob"], 1, "alice");
        let own = check_vote(&status, &by("alice"), VoteKind::Approve).unwrap_err();
        assert!(own.contains("started this run"), "{own}");
        assert!(
            check_vote(&status, &by("mallory"), VoteKind::Approve)
                .unwrap_err()
                .contains("may not decide")
        );
        assert!(check_vote(&status, &by("bob"), VoteKind::Approve).is_ok());
        // A gate open to anyone lets the requester decide.
        let open = waiting(&[], 1, "alice");
        assert!(check_vote(&open, &by("alice"), VoteKind::Approve).is_ok());
    }

    #[test]
    fn groups_expand_and_unknown_groups_are_errors() {
        let groups: BTreeMap<String, Vec<String>> = [(
            "release".to_string(),
            vec!["bob".to_string(), "carol".to_string()],
        )]
        .into();
        let names = vec![
            "alice".to_string(),
            "group:release".to_string(),
            "bob".to_string(),
        ];
        assert_eq!(expand(&names, &groups).unwrap(), ["alice", "bob", "carol"]);
        assert!(expand(&["group:ops".to_string()], &groups).is_err());
    }
}
