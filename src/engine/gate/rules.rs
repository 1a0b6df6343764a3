//! The gate's rules, as pure functions of the run's status: who may vote,
//! what a vote does, when the gate closes. The update validator and the
//! handler both call `check_vote` (validators do not run on replay), so a
//! client that bypasses orca is held to the same rules.

use std::collections::BTreeMap;

use serde_json::{Map, Value};

use super::signature::{self, Proof, Trust};
use crate::{
    engine::{refusal::Refusal, run::rfc3339, status::*},
    pipeline::fields::check_form,
};

/// What a vote that passes every rule records besides itself.
#[derive(Debug, Default)]
pub(in crate::engine) struct Checked {
    /// The signature's proof: the rules then held for the verified name and key.
    pub proof: Option<Proof>,
    /// The form as it will be recorded (defaults filled in).
    pub fields: Map<String, Value>,
    /// The approver whose delegate votes.
    pub on_behalf_of: Option<String>,
}

/// Every rule of the gate, in the order a person would want to hear them.
pub(in crate::engine) fn check_vote(
    status: &RunStatus,
    request: &DecisionRequest,
    kind: VoteKind,
    trust: &Trust,
) -> Result<Checked, Refusal> {
    let gate = open_gate(status, &request.by)?;
    let proof = check_person(status, gate, &request.claim(kind), kind, trust)?;
    let form = match kind {
        VoteKind::Approve => &gate.fields,
        VoteKind::Reject => &gate.reject_fields,
    };
    let fields = check_form(form, &request.fields).map_err(|e| Refusal::FieldInvalid {
        field: e.field,
        rule: e.rule,
    })?;
    Ok(Checked {
        proof,
        fields,
        on_behalf_of: delegator_of(gate, request.by.trim()),
    })
}

/// The gate a decision can still be made at: named, open, undecided.
pub(super) fn open_gate<'s>(
    status: &'s RunStatus,
    by: &str,
) -> Result<&'s ApprovalStatus, Refusal> {
    if by.trim().is_empty() {
        return Err(Refusal::NoApprover);
    }
    let not_awaiting = || Refusal::NotAwaiting {
        phase: status.phase,
    };
    let Some(gate) = &status.approval else {
        return Err(not_awaiting());
    };
    if let Some(decision) = &gate.decision {
        return Err(Refusal::AlreadyDecided {
            decision: decision.decision,
            by: decision.by.clone(),
        });
    }
    if status.phase != Phase::AwaitingApproval || gate.changes_requested.is_some() {
        return Err(not_awaiting());
    }
    Ok(gate)
}

/// The rules on who acts, whatever they do at the gate: the signature,
/// one decision per person and per key, a decision handed on, the allow
/// list (a delegate stands in for who delegated), and four eyes.
pub(super) fn check_person(
    status: &RunStatus,
    gate: &ApprovalStatus,
    claim: &Claim,
    kind: VoteKind,
    trust: &Trust,
) -> Result<Option<Proof>, Refusal> {
    let by = claim.by.trim();
    let proof = signature::check(gate, claim, trust)?;
    if let Some(earlier) = gate.votes.iter().find(|v| v.by == by) {
        return Err(Refusal::AlreadyVoted {
            by: by.to_string(),
            vote: earlier.vote,
        });
    }
    if let Some(proof) = &proof
        && let Some(earlier) = gate
            .votes
            .iter()
            .find(|v| v.key.as_ref() == Some(&proof.key))
    {
        return Err(Refusal::KeyAlreadyVoted {
            key: proof.key.clone(),
            by: earlier.by.clone(),
        });
    }
    if let Some(handed) = gate.delegations.iter().find(|d| d.by == by) {
        return Err(Refusal::AlreadyDelegated {
            by: by.to_string(),
            to: handed.to.clone(),
        });
    }
    let delegate = delegator_of(gate, by).is_some();
    if !gate.allowed.is_empty() && !delegate && !gate.allowed.iter().any(|a| a == by) {
        return Err(Refusal::NotAllowed {
            by: by.to_string(),
            step: gate.step.clone(),
            allowed: gate.allowed.clone(),
        });
    }
    let four_eyes = !gate.allowed.is_empty() && !gate.allow_self_approval;
    let own_key = proof
        .as_ref()
        .is_some_and(|p| status.requester_key.as_ref() == Some(&p.key));
    if four_eyes && (status.requested_by.as_deref() == Some(by) || own_key) {
        return Err(Refusal::SelfApproval {
            by: by.to_string(),
            step: gate.step.clone(),
            vote: kind,
        });
    }
    // A schedule is never a person, but whoever made it is: its runs pass
    // only when it was signed (then its signer is the verified requester).
    if four_eyes && gate.signed && status.requester_key.is_none() {
        return Err(Refusal::RequesterUnverified {
            step: gate.step.clone(),
            requested_by: status.requested_by.clone(),
            schedule: status.scheduled_by.clone(),
        });
    }
    Ok(proof)
}

/// The open gate, to record an act at (after its rules were checked).
pub(super) fn gate_mut(status: &mut RunStatus) -> Result<&mut ApprovalStatus, Refusal> {
    let phase = status.phase;
    status
        .approval
        .as_mut()
        .ok_or(Refusal::NotAwaiting { phase })
}

/// A run waiting at `gate`, started by `requested_by`: what the rules'
/// unit tests decide at.
#[cfg(test)]
pub(super) fn waiting_at(mut gate: ApprovalStatus, requested_by: &str) -> RunStatus {
    gate.waiting_on = waiting_on(&gate, Some(requested_by));
    RunStatus {
        pipeline: "p".into(),
        phase: Phase::AwaitingApproval,
        requested_by: Some(requested_by.into()),
        input: serde_json::Map::new(),
        current_step: Some(gate.step.clone()),
        steps: vec![],
        progress: None,
        approval: Some(gate),
        outcome: None,
        paused: false,
        stop_requested: false,
        requester_key: None,
        scheduled_by: None,
        continued: 0,
    }
}

/// Unit tests' trust: run `w`/`r`, no keys, no clock.
#[cfg(test)]
pub(super) fn trust() -> Trust<'static> {
    Trust {
        workflow_id: "w",
        run_id: "r",
        earlier_runs: &[],
        now: None,
        configured: false,
        signers: &[],
        window: std::time::Duration::from_secs(600),
    }
}

/// The approver `by` decides for, when `by` is their delegate.
pub(super) fn delegator_of(gate: &ApprovalStatus, by: &str) -> Option<String> {
    gate.delegations
        .iter()
        .find(|d| d.to == by)
        .map(|d| d.by.clone())
}

/// Records a vote (after `check_vote` again: validators do not run on
/// replay) and closes the gate when a quorum is reached.
pub(in crate::engine) fn cast_vote(
    status: &mut RunStatus,
    trust: &Trust,
    request: DecisionRequest,
    kind: VoteKind,
) -> Result<VoteResult, Refusal> {
    let checked = check_vote(status, &request, kind, trust)?;
    let at = trust.now;
    let requested_by = status.requested_by.clone();
    let gate = gate_mut(status)?;
    let vote = Vote {
        by: request.by.trim().to_string(),
        vote: kind,
        comment: request.comment.filter(|c| !c.trim().is_empty()),
        at: rfc3339(at),
        key: checked.proof.as_ref().map(|p| p.key.clone()),
        signed_at: checked.proof.map(|p| rfc3339(Some(p.signed_at))),
        fields: checked.fields,
        on_behalf_of: checked.on_behalf_of,
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
            approved: kind.is_approval(),
            by: Some(vote.by.clone()),
            comment: vote.comment.clone(),
            at: vote.at.clone(),
            votes: gate.votes.clone(),
            fields: vote.fields.clone(),
        });
    }
    gate.waiting_on = waiting_on(gate, requested_by.as_deref());
    Ok(VoteResult {
        step: gate.step.clone(),
        by: vote.by,
        vote: kind,
        comment: vote.comment,
        at: vote.at,
        key: vote.key,
        approvals,
        required: gate.required,
        rejections,
        reject_quorum: gate.reject_quorum,
        decision: decided,
        approved: gate.decision.as_ref().is_some_and(|d| d.approved),
        fields: vote.fields,
    })
}

/// Who may still vote: allowed, not yet voted, and not the requester of a
/// four-eyes gate. Empty for a gate open to anyone.
/// A delegator's place is taken by their delegate.
pub(super) fn waiting_on(gate: &ApprovalStatus, requested_by: Option<&str>) -> Vec<String> {
    gate.allowed
        .iter()
        .map(
            |name| match gate.delegations.iter().find(|d| &d.by == name) {
                Some(handed) => &handed.to,
                None => name,
            },
        )
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
    use crate::engine::refusal::RefusalKind;

    fn waiting(approvers: &[&str], required: u32, requested_by: &str) -> RunStatus {
        let gate = ApprovalStatus {
            step: "gate".into(),
            prompt: "?".into(),
            allowed: approvers.iter().map(|s| s.to_string()).collect(),
            required,
            reject_quorum: 1,
            ..ApprovalStatus::default()
        };
        waiting_at(gate, requested_by)
    }

    fn by(name: &str) -> DecisionRequest {
        DecisionRequest {
            by: name.into(),
            ..DecisionRequest::default()
        }
    }

    #[test]
    fn quorum_of_two_distinct_approvers() {
        let mut status = waiting(&["alice", "bob", "carol"], 2, "dave");
        let first = cast_vote(&mut status, &trust(), by("alice"), VoteKind::Approve).unwrap();
        assert_eq!((first.approvals, first.decision), (1, None));
        assert_eq!(
            status.approval.as_ref().unwrap().waiting_on,
            ["bob", "carol"]
        );
        let again = cast_vote(&mut status, &trust(), by("alice"), VoteKind::Approve).unwrap_err();
        assert_eq!(
            again,
            Refusal::AlreadyVoted {
                by: "alice".into(),
                vote: VoteKind::Approve
            }
        );
        assert_eq!(
            again.to_string(),
            "already approved by alice: one decision per person"
        );
        let second = cast_vote(&mut status, &trust(), by("bob"), VoteKind::Approve).unwrap();
        assert_eq!(second.decision, Some(DecisionKind::Approved));
        assert!(second.approved);
    }

    #[test]
    fn four_eyes_and_allow_lists() {
        let status = waiting(&["alice", "bob"], 1, "alice");
        let own = check_vote(&status, &by("alice"), VoteKind::Approve, &trust()).unwrap_err();
        assert_eq!(own.kind(), RefusalKind::SelfApproval);
        assert!(own.to_string().contains("started this run"), "{own}");
        let stranger =
            check_vote(&status, &by("mallory"), VoteKind::Approve, &trust()).unwrap_err();
        assert_eq!(stranger.kind(), RefusalKind::NotAllowed);
        assert!(check_vote(&status, &by("bob"), VoteKind::Approve, &trust()).is_ok());
        // A gate open to anyone lets the requester decide.
        let open = waiting(&[], 1, "alice");
        assert!(check_vote(&open, &by("alice"), VoteKind::Approve, &trust()).is_ok());
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
