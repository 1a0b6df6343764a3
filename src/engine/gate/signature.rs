//! The signature on a decision, checked inside the workflow (validator and
//! handler) against the keys the gate trusted when it opened. Pure: the
//! caller supplies the clock (workflow time in the handler).

use std::time::{Duration, SystemTime};

use crate::{
    engine::{refusal::Refusal, status::*},
    signing::{
        AllowedSigner, DecisionMessage,
        bound::{DecisionAt, decision_mismatch},
        verify::{Verified, stale, verify},
    },
};

/// What a decision is checked against: this run, the gate's trusted keys,
/// and the time now.
#[derive(Debug, Clone, Copy)]
pub struct Trust<'a> {
    pub workflow_id: &'a str,
    pub run_id: &'a str,
    /// Earlier runs of this workflow's chain (continue-as-new): a client
    /// signs for the run it saw, which may have handed over since.
    pub earlier_runs: &'a [String],
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

/// The signature on `claim`, if any, verified for this gate; `None` for
/// an unsigned decision (or when the worker trusts no keys at all).
pub fn check(
    gate: &ApprovalStatus,
    claim: &Claim,
    trust: &Trust,
) -> Result<Option<Proof>, Refusal> {
    let Some(signed) = claim.signed else {
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
        verify(signed, claim.by.trim(), trust.signers, trust.now.unwrap_or(message.signed_at))
            .map_err(bad)?;
    let run_id = match trust.earlier_runs.contains(&message.run_id) {
        true => message.run_id.as_str(),
        false => trust.run_id,
    };
    let at = DecisionAt {
        workflow_id: trust.workflow_id,
        run_id,
        gate: &gate.step,
        opening: gate.opening,
    };
    let here = DecisionMessage::new(
        at,
        claim.act,
        claim.by,
        claim.comment,
        &claim.data,
        message.signed_at,
    );
    if let Some(reason) = decision_mismatch(&message, &here) {
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_unsigned_decision_passes_only_an_unsigned_gate() {
        let trust = Trust {
            workflow_id: "w",
            run_id: "r",
            earlier_runs: &[],
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
        let claim = request.claim(VoteKind::Approve);
        assert_eq!(check(&gate, &claim, &trust), Ok(None));
        gate.signed = true;
        let refused = check(&gate, &claim, &trust).unwrap_err();
        assert_eq!(
            refused.kind(),
            crate::engine::refusal::RefusalKind::SignatureRequired
        );
    }
}
