//! What a signature must match: the decision or start it is sent with.
//! One check for the workflow (validator, handler, start) and for `orca
//! verify`, which re-checks the same bindings from history.

use std::time::SystemTime;

use serde_json::Value;

use super::{
    DecisionMessage, StartMessage, comment_digest, data_digest, input_digest, pipeline_label,
};
use crate::engine::status::{Act, RunRequest};

/// Where a decision is made: the run, the gate, which opening of it.
#[derive(Debug, Clone, Copy)]
pub struct DecisionAt<'a> {
    pub workflow_id: &'a str,
    pub run_id: &'a str,
    pub gate: &'a str,
    pub opening: u32,
}

impl DecisionMessage {
    /// The message a decision at `at` binds, with its comment's and
    /// data's digests (`data`: the request's, `{}` for none).
    pub fn new(
        at: DecisionAt,
        decision: Act,
        principal: &str,
        comment: Option<&str>,
        data: &Value,
        signed_at: SystemTime,
    ) -> DecisionMessage {
        DecisionMessage {
            workflow_id: at.workflow_id.to_string(),
            run_id: at.run_id.to_string(),
            gate: at.gate.to_string(),
            opening: at.opening,
            decision,
            principal: principal.trim().to_string(),
            comment_sha256: comment_digest(comment),
            data_sha256: data_digest(data),
            signed_at,
        }
    }
}

/// The first field in which what was signed differs from this decision.
pub fn decision_mismatch(signed: &DecisionMessage, here: &DecisionMessage) -> Option<String> {
    if signed.workflow_id != here.workflow_id {
        return Some(format!(
            "the signature is for workflow {}, not {}",
            signed.workflow_id, here.workflow_id
        ));
    }
    if signed.run_id != here.run_id {
        return Some(format!(
            "the signature is for run {}; this is run {}",
            signed.run_id, here.run_id
        ));
    }
    if signed.gate != here.gate {
        return Some(format!(
            "the signature is for gate `{}`; the run waits at gate `{}`",
            signed.gate, here.gate
        ));
    }
    if signed.opening != here.opening {
        return Some(format!(
            "the signature is for opening {} of gate `{}`; this is opening {} (a gate reached again needs a new signature)",
            signed.opening, here.gate, here.opening
        ));
    }
    if signed.decision != here.decision {
        return Some(format!(
            "the signature is for {}, and this is {}",
            signed.decision, here.decision
        ));
    }
    if signed.principal != here.principal {
        return Some(format!(
            "the signature was made as {}; the decision names {}",
            signed.principal, here.principal
        ));
    }
    if signed.comment_sha256 != here.comment_sha256 {
        return Some("the comment is not the one that was signed".into());
    }
    if signed.data_sha256 != here.data_sha256 {
        return Some("the decision's data is not what was signed".into());
    }
    None
}

/// The first of pipeline, input and requester of `request` that is not
/// what the start's message says (the requester's name trimmed, as the run
/// records it).
pub fn start_mismatch(message: &StartMessage, request: &RunRequest) -> Result<(), String> {
    let pipeline = pipeline_label(&request.pipeline);
    if message.pipeline != pipeline {
        return Err(format!(
            "the signature is for pipeline {}, not {pipeline}",
            message.pipeline
        ));
    }
    if message.input_sha256 != input_digest(&request.input) {
        return Err("the input is not the one that was signed".into());
    }
    let requester = request.requested_by.as_deref().unwrap_or("").trim();
    if message.requester != requester {
        return Err(format!(
            "the signature was made as {}; the run names {requester}",
            message.requester
        ));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn message() -> DecisionMessage {
        DecisionMessage {
            workflow_id: "w".into(),
            run_id: "r1".into(),
            gate: "gate".into(),
            opening: 1,
            decision: Act::Approve,
            principal: "alice".into(),
            comment_sha256: comment_digest(None),
            data_sha256: data_digest(&json!({})),
            signed_at: SystemTime::UNIX_EPOCH,
        }
    }

    /// `edit` makes the signed message differ from this decision; the
    /// reason must say so in `words`.
    fn differs(edit: impl FnOnce(&mut DecisionMessage), words: &str) {
        let mut signed = message();
        edit(&mut signed);
        let reason = decision_mismatch(&signed, &message()).expect(words);
        assert!(reason.contains(words), "{reason} / {words}");
    }

    #[test]
    fn the_same_message_matches() {
        assert_eq!(decision_mismatch(&message(), &message()), None);
    }

    #[test]
    fn another_workflow_is_named() {
        differs(|m| m.workflow_id = "x".into(), "for workflow x, not w");
    }

    #[test]
    fn another_run_is_named() {
        differs(|m| m.run_id = "r0".into(), "for run r0; this is run r1");
    }

    #[test]
    fn another_gate_is_named() {
        differs(|m| m.gate = "deploy".into(), "for gate `deploy`");
    }

    #[test]
    fn another_opening_is_named() {
        differs(
            |m| m.opening = 2,
            "for opening 2 of gate `gate`; this is opening 1",
        );
    }

    #[test]
    fn the_other_decision_is_named() {
        differs(
            |m| m.decision = Act::Reject,
            "for reject, and this is approve",
        );
    }

    #[test]
    fn another_principal_is_named() {
        differs(
            |m| m.principal = "bob".into(),
            "made as bob; the decision names alice",
        );
    }

    #[test]
    fn another_comment_is_named() {
        differs(
            |m| m.comment_sha256 = comment_digest(Some("x")),
            "the comment is not",
        );
    }
}
