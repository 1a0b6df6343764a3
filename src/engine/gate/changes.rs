//! Request changes: instead of approving or rejecting, an approver sends
//! the run back to the gate's `on_changes` step with feedback. The round
//! ends at once (the gate closes; votes of this round do not carry over)
//! and the run reaches the gate again as a new opening, until
//! `max_rounds`. Checked by the validator and again by the handler.

use super::{
    rules::{check_person, gate_mut, open_gate},
    signature::Trust,
};
use crate::engine::{refusal::Refusal, run::rfc3339, status::*};

/// Every rule of a request for changes; the key that signed it, if any.
pub(in crate::engine) fn check_changes(
    status: &RunStatus,
    request: &DecisionRequest,
    trust: &Trust,
) -> Result<Option<String>, Refusal> {
    let gate = open_gate(status, &request.by)?;
    let refused = |why: &str| Refusal::ChangesNotAllowed {
        step: gate.step.clone(),
        why: why.to_string(),
    };
    if gate.on_changes.is_none() {
        return Err(refused(
            "the step sets no on_changes (the step to go back to)",
        ));
    }
    if gate.round >= gate.max_rounds {
        return Err(Refusal::RoundsExhausted {
            step: gate.step.clone(),
            max_rounds: gate.max_rounds,
        });
    }
    let claim = request.claim(Act::RequestChanges);
    let proof = check_person(status, gate, &claim, VoteKind::Reject, trust)?;
    if feedback(request).is_none() {
        return Err(refused("say what to change (--comment TEXT)"));
    }
    if !request.fields.is_empty() {
        return Err(refused(
            "a request for changes carries feedback, not fields",
        ));
    }
    Ok(proof.map(|p| p.key))
}

fn feedback(request: &DecisionRequest) -> Option<String> {
    request
        .comment
        .as_deref()
        .map(str::trim)
        .filter(|c| !c.is_empty())
        .map(str::to_string)
}

/// Records the request (after checking it again): the round is over.
pub(in crate::engine) fn request_changes(
    status: &mut RunStatus,
    trust: &Trust,
    request: DecisionRequest,
) -> Result<ChangesResult, Refusal> {
    let key = check_changes(status, &request, trust)?;
    let gate = gate_mut(status)?;
    let round = ChangeRound {
        round: gate.round,
        by: request.by.trim().to_string(),
        feedback: feedback(&request).unwrap_or_default(),
        at: rfc3339(trust.now),
        key,
    };
    gate.changes_requested = Some(round.clone());
    gate.waiting_on.clear();
    Ok(ChangesResult {
        step: gate.step.clone(),
        by: round.by,
        round: round.round,
        max_rounds: gate.max_rounds,
        back_to: gate.on_changes.clone().unwrap_or_default(),
        feedback: round.feedback,
        key: round.key,
    })
}
