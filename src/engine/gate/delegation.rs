//! Delegation: an approver of a gate with `allow_delegation` hands their
//! decision to someone else for this opening of the gate. One vote between
//! them: the delegator can no longer vote, the delegate votes in their
//! place (and may not delegate again). Checked by the `delegate` update's
//! validator and again by its handler, like every gate rule.

use super::{
    rules::{check_person, delegator_of, gate_mut, open_gate, waiting_on},
    signature::Trust,
};
use crate::engine::{refusal::Refusal, run::rfc3339, status::*};

/// Every rule of a delegation; the key that signed it, if any.
pub(in crate::engine) fn check_delegation(
    status: &RunStatus,
    request: &DelegateRequest,
    trust: &Trust,
) -> Result<Option<String>, Refusal> {
    let gate = open_gate(status, &request.by)?;
    let (by, to) = (request.by.trim(), request.to.trim());
    let not_here = |why: &str| Refusal::DelegationNotAllowed {
        step: gate.step.clone(),
        why: why.to_string(),
    };
    if !gate.allow_delegation {
        return Err(not_here("the step does not set allow_delegation = true"));
    }
    if gate.allowed.is_empty() {
        return Err(not_here("anyone may decide it"));
    }
    if let Some(delegator) = delegator_of(gate, by) {
        return Err(Refusal::BadDelegate {
            reason: format!(
                "{by} decides here as {delegator}'s delegate and may not delegate again"
            ),
        });
    }
    let proof = check_person(status, gate, &request.claim(), VoteKind::Reject, trust)?;
    let bad = |reason: String| Err(Refusal::BadDelegate { reason });
    if let Some(problem) = unfit_name(to) {
        return bad(problem);
    }
    if to == by {
        return bad(format!("{by} cannot delegate to themselves"));
    }
    let four_eyes = !gate.allow_self_approval;
    if four_eyes && status.requested_by.as_deref() == Some(to) {
        return bad(format!(
            "{to} started this run and may not decide its gate `{}` (four eyes)",
            gate.step
        ));
    }
    let decides_already = gate.allowed.iter().any(|a| a == to)
        || gate.votes.iter().any(|v| v.by == to)
        || delegator_of(gate, to).is_some();
    if decides_already {
        return bad(format!(
            "{to} decides at gate `{}` already: one decision per person",
            gate.step
        ));
    }
    Ok(proof.map(|p| p.key))
}

/// Records a delegation (after checking it again).
pub(in crate::engine) fn delegate(
    status: &mut RunStatus,
    trust: &Trust,
    request: DelegateRequest,
) -> Result<DelegationResult, Refusal> {
    let key = check_delegation(status, &request, trust)?;
    let requested_by = status.requested_by.clone();
    let gate = gate_mut(status)?;
    let handed = Delegation {
        by: request.by.trim().to_string(),
        to: request.to.trim().to_string(),
        comment: request.comment.filter(|c| !c.trim().is_empty()),
        at: rfc3339(trust.now),
        key,
    };
    gate.delegations.push(handed.clone());
    gate.waiting_on = waiting_on(gate, requested_by.as_deref());
    Ok(DelegationResult {
        step: gate.step.clone(),
        by: handed.by,
        to: handed.to,
        at: handed.at,
        key: handed.key,
    })
}

/// Longest delegate name taken: it is published in `OrcaApprovers`, whose
/// values the server limits (2 KB by default).
const MAX_NAME: usize = 200;

/// Why `to` cannot name a delegate: empty, too long, a control character,
/// or a word the inbox reserves (`*`, `voted:…`, `group:…`).
fn unfit_name(to: &str) -> Option<String> {
    if to.is_empty() {
        return Some("name the delegate (--to NAME)".into());
    }
    if to.chars().count() > MAX_NAME {
        return Some(format!(
            "a delegate's name is at most {MAX_NAME} characters"
        ));
    }
    let reserved = to == OPEN_TO_ANYONE || to.starts_with(VOTED_PREFIX) || to.starts_with("group:");
    if reserved || to.chars().any(char::is_control) {
        return Some(format!("{to:?} is not a person's name"));
    }
    None
}
