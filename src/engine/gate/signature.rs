//! The signature on a decision, checked inside the workflow (validator and
//! handler) against the keys the gate trusted when it opened. Pure: the
//! caller supplies the clock (workflow time in the handler).

use std::time::{Duration, SystemTime};

use serde_json::json;

use crate::{
    engine::{refusal::Refusal, status::*},
    signing::{
        AllowedSigner, DecisionMessage, comment_digest, data_digest,
        verify::{Verified, stale, verify},
    },
};

/// What a decision is checked against: this run, the gate's trusted keys,
/// and the time now.
#[derive(Debug, Clone, Copy)]
pub struct Trust<'a> {
    pub workflow_id: &'a str,
    pub run_id: &'a str,
    pub now: Option<SystemTime>,
    /// Whether the worker has allowed signers at all (`--allowed-signers`).
    pub configured: bool,
    /// The keys the open gate trusts (read when it opened).
    pub signers: &'a [AllowedSigner],
    /// How far the signing time may be from `now`, either way.
    pub window: Duration,
}

/// A vote's proof: the verified key and when it was signed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Proof {
    pub key: String,
    pub signed_at: SystemTime,
}

/// The signature on `request`, if any, verified for this gate; `None` for
/// an unsigned decision (or when the worker trusts no keys at all).
pub fn check(
    gate: &ApprovalStatus,
    request: &DecisionRequest,
    kind: VoteKind,
    trust: &Trust,
) -> Result<Option<Proof>, Refusal> {
    let Some(signed) = &request.signed else {
        return match gate.signed {
            true => Err(Refusal::SignatureRequired {
                step: gate.step.clone(),
            }),
            false => Ok(None),
        };
    };
    if !trust.configured {
        return Ok(None);
    }
    let bad = |reason: String| Refusal::BadSignature { reason };
    let message = DecisionMessage::parse(&signed.message)
        .map_err(|e| bad(format!("the signed message is malformed: {e}")))?;
    let Verified { fingerprint, .. } =
        // Trusted now, as ssh-keygen checks validity at verification time
        // (the signing time is the signer's word).
        verify(signed, request.by.trim(), trust.signers, trust.now.unwrap_or(message.signed_at))
            .map_err(bad)?;
    let expected = DecisionMessage {
        workflow_id: trust.workflow_id.to_string(),
        run_id: trust.run_id.to_string(),
        gate: gate.step.clone(),
        opening: gate.opening,
        decision: kind,
        principal: request.by.trim().to_string(),
        comment_sha256: comment_digest(request.comment.as_deref()),
        data_sha256: data_digest(&json!({})),
        signed_at: message.signed_at,
    };
    if let Some(reason) = mismatch(&message, &expected) {
        return Err(bad(reason));
    }
    if let Some(now) = trust.now {
        stale(message.signed_at, now, trust.window).map_err(bad)?;
    }
    Ok(Some(Proof {
        key: fingerprint,
        signed_at: message.signed_at,
    }))
}

/// The first field in which what was signed differs from this decision.
pub fn mismatch(signed: &DecisionMessage, here: &DecisionMessage) -> Option<String> {
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
            signed.decision.message_name(),
            here.decision.message_name()
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

#[cfg(test)]
mod tests {
    use super::*;

    fn message() -> DecisionMessage {
        DecisionMessage {
            workflow_id: "w".into(),
            run_id: "r1".into(),
            gate: "gate".into(),
            opening: 1,
            decision: VoteKind::Approve,
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
        let reason = mismatch(&signed, &message()).expect(words);
        assert!(reason.contains(words), "{reason} / {words}");
    }

    #[test]
    fn the_same_message_matches() {
        assert_eq!(mismatch(&message(), &message()), None);
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
            |m| m.decision = VoteKind::Reject,
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

    #[test]
    fn an_unsigned_decision_passes_only_an_unsigned_gate() {
        let trust = Trust {
            workflow_id: "w",
            run_id: "r",
            now: None,
            configured: true,
            signers: &[],
            window: Duration::from_secs(600),
        };
        let mut gate = ApprovalStatus {
            step: "gate".into(),
            ..ApprovalStatus::default()
        };
        let request = DecisionRequest {
            by: "alice".into(),
            ..DecisionRequest::default()
        };
        assert_eq!(check(&gate, &request, VoteKind::Approve, &trust), Ok(None));
        gate.signed = true;
        let refused = check(&gate, &request, VoteKind::Approve, &trust).unwrap_err();
        assert_eq!(
            refused.kind(),
            crate::engine::refusal::RefusalKind::SignatureRequired
        );
    }
}
