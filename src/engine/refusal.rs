//! Why a gate refused a decision, as a type. The update validator fails
//! with an application failure whose *type* is the refusal's name
//! (`NotAllowed`, …), so orca and clients in any language classify a refusal
//! by its type, never by its words (README "The workflow contract").

use serde::{Deserialize, Serialize};
use temporalio_sdk::ApplicationFailure;

use super::status::{DecisionKind, Phase, VoteKind};

/// A refusal's type name, as clients see it on the failure.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum RefusalKind {
    /// The request named no one in `by`.
    NoApprover,
    /// The run is not waiting at a gate.
    NotAwaiting,
    /// The gate was already decided (by a quorum or its timeout).
    AlreadyDecided,
    /// This person already voted at this gate.
    AlreadyVoted,
    /// This person is not an approver of this gate.
    NotAllowed,
    /// The person who started the run may not decide its four-eyes gate.
    SelfApproval,
    /// The gate takes only signed decisions and this one was not signed.
    SignatureRequired,
    /// The signature does not prove this decision: forged, altered, for
    /// another run, gate, opening or decision, stale, or not the named
    /// approver's key.
    BadSignature,
    /// A signed four-eyes gate whose run was started by an unverified
    /// requester: nobody can show they are not the requester.
    RequesterUnverified,
    /// A field of the gate's form is missing, of the wrong type, out of
    /// range, not a choice, does not match its pattern, or unknown.
    FieldInvalid,
    /// The gate has no `on_changes`, or the request gave no feedback.
    ChangesNotAllowed,
    /// The gate has taken `max_rounds` rounds: approve or reject now.
    RoundsExhausted,
    /// The gate has no `allow_delegation` (or anyone may decide it).
    DelegationNotAllowed,
    /// This approver handed their decision to someone else.
    AlreadyDelegated,
    /// The delegate named may not take the decision (the requester of a
    /// four-eyes gate, oneself, someone who decides already, a delegate).
    BadDelegate,
}

impl RefusalKind {
    pub const ALL: [RefusalKind; 15] = [
        RefusalKind::NoApprover,
        RefusalKind::NotAwaiting,
        RefusalKind::AlreadyDecided,
        RefusalKind::AlreadyVoted,
        RefusalKind::NotAllowed,
        RefusalKind::SelfApproval,
        RefusalKind::SignatureRequired,
        RefusalKind::BadSignature,
        RefusalKind::RequesterUnverified,
        RefusalKind::FieldInvalid,
        RefusalKind::ChangesNotAllowed,
        RefusalKind::RoundsExhausted,
        RefusalKind::DelegationNotAllowed,
        RefusalKind::AlreadyDelegated,
        RefusalKind::BadDelegate,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            RefusalKind::NoApprover => "NoApprover",
            RefusalKind::NotAwaiting => "NotAwaiting",
            RefusalKind::AlreadyDecided => "AlreadyDecided",
            RefusalKind::AlreadyVoted => "AlreadyVoted",
            RefusalKind::NotAllowed => "NotAllowed",
            RefusalKind::SelfApproval => "SelfApproval",
            RefusalKind::SignatureRequired => "SignatureRequired",
            RefusalKind::BadSignature => "BadSignature",
            RefusalKind::RequesterUnverified => "RequesterUnverified",
            RefusalKind::FieldInvalid => "FieldInvalid",
            RefusalKind::ChangesNotAllowed => "ChangesNotAllowed",
            RefusalKind::RoundsExhausted => "RoundsExhausted",
            RefusalKind::DelegationNotAllowed => "DelegationNotAllowed",
            RefusalKind::AlreadyDelegated => "AlreadyDelegated",
            RefusalKind::BadDelegate => "BadDelegate",
        }
    }

    /// The kind a failure's type names; `None` for any other type.
    pub fn parse(type_name: &str) -> Option<RefusalKind> {
        RefusalKind::ALL
            .into_iter()
            .find(|kind| kind.as_str() == type_name)
    }

    /// "This gate no longer waits for you" (someone decided, you voted, the
    /// run moved on), as opposed to "you may not": `approve --all` skips
    /// the first kind and counts the second as refused.
    pub fn no_longer_waiting(self) -> bool {
        matches!(
            self,
            RefusalKind::NotAwaiting
                | RefusalKind::AlreadyDecided
                | RefusalKind::AlreadyVoted
                | RefusalKind::AlreadyDelegated
        )
    }
}

impl std::fmt::Display for RefusalKind {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A refusal with what a person needs to hear about it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Refusal {
    NoApprover,
    NotAwaiting {
        phase: Phase,
    },
    AlreadyDecided {
        decision: DecisionKind,
        by: Option<String>,
    },
    AlreadyVoted {
        by: String,
        vote: VoteKind,
    },
    NotAllowed {
        by: String,
        step: String,
        allowed: Vec<String>,
    },
    SelfApproval {
        by: String,
        step: String,
        vote: VoteKind,
    },
    /// The key that signed this vote already voted at this gate (under
    /// another name the allowed signers give it).
    KeyAlreadyVoted {
        key: String,
        by: String,
    },
    SignatureRequired {
        step: String,
    },
    BadSignature {
        reason: String,
    },
    RequesterUnverified {
        step: String,
        requested_by: Option<String>,
        /// The (confirmed) schedule that started the run, unsigned.
        schedule: Option<String>,
    },
    FieldInvalid {
        field: String,
        rule: String,
    },
    ChangesNotAllowed {
        step: String,
        why: String,
    },
    RoundsExhausted {
        step: String,
        max_rounds: u32,
    },
    DelegationNotAllowed {
        step: String,
        why: String,
    },
    AlreadyDelegated {
        by: String,
        to: String,
    },
    BadDelegate {
        reason: String,
    },
}

impl Refusal {
    pub fn kind(&self) -> RefusalKind {
        match self {
            Refusal::NoApprover => RefusalKind::NoApprover,
            Refusal::NotAwaiting { .. } => RefusalKind::NotAwaiting,
            Refusal::AlreadyDecided { .. } => RefusalKind::AlreadyDecided,
            Refusal::AlreadyVoted { .. } => RefusalKind::AlreadyVoted,
            Refusal::NotAllowed { .. } => RefusalKind::NotAllowed,
            Refusal::SelfApproval { .. } => RefusalKind::SelfApproval,
            Refusal::KeyAlreadyVoted { .. } => RefusalKind::AlreadyVoted,
            Refusal::SignatureRequired { .. } => RefusalKind::SignatureRequired,
            Refusal::BadSignature { .. } => RefusalKind::BadSignature,
            Refusal::RequesterUnverified { .. } => RefusalKind::RequesterUnverified,
            Refusal::FieldInvalid { .. } => RefusalKind::FieldInvalid,
            Refusal::ChangesNotAllowed { .. } => RefusalKind::ChangesNotAllowed,
            Refusal::RoundsExhausted { .. } => RefusalKind::RoundsExhausted,
            Refusal::DelegationNotAllowed { .. } => RefusalKind::DelegationNotAllowed,
            Refusal::AlreadyDelegated { .. } => RefusalKind::AlreadyDelegated,
            Refusal::BadDelegate { .. } => RefusalKind::BadDelegate,
        }
    }

    /// The error an update's validator (and its handler) returns: an application failure whose
    /// type is the refusal's kind.
    pub fn into_handler_error(self) -> Box<dyn std::error::Error + Send + Sync> {
        let typed = ApplicationFailure::builder(self.to_string())
            .type_name(self.kind().as_str().to_string())
            .non_retryable(true)
            .build();
        // The SDK (1.1) wraps whatever a validator returns in an untyped
        // application failure and encodes the wrapped error's *source* as
        // that failure's cause. One more wrapper here makes `typed` that
        // source, so it reaches the client, type and all, as the cause.
        Box::new(ApplicationFailure::new(typed))
    }
}

impl std::fmt::Display for Refusal {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Refusal::NoApprover => f.write_str("a decision needs `by`: the name of who decides"),
            Refusal::NotAwaiting { phase } => write!(f, "not awaiting approval (phase: {phase})"),
            Refusal::AlreadyDecided {
                decision,
                by: Some(who),
            } => write!(f, "already {decision} by {who}"),
            Refusal::AlreadyDecided { decision, by: None } => {
                write!(f, "already decided: the gate {decision}")
            }
            Refusal::AlreadyVoted { by, vote } => {
                write!(
                    f,
                    "already {} by {by}: one decision per person",
                    vote.past()
                )
            }
            Refusal::NotAllowed { by, step, allowed } => write!(
                f,
                "{by} may not decide step `{step}` (approvers: {})",
                allowed.join(", ")
            ),
            Refusal::SelfApproval { by, step, vote } => write!(
                f,
                "{by} started this run and may not {} its gate `{step}` (four eyes; the step can set allow_self_approval = true)",
                match vote {
                    VoteKind::Approve => "approve",
                    VoteKind::Reject => "decide",
                }
            ),
            Refusal::KeyAlreadyVoted { key, by } => write!(
                f,
                "key {key} already voted at this gate as {by}: one decision per key"
            ),
            Refusal::SignatureRequired { step } => write!(
                f,
                "gate `{step}` takes only signed decisions, and this one is not signed"
            ),
            Refusal::BadSignature { reason } => write!(f, "bad signature: {reason}"),
            Refusal::RequesterUnverified {
                step,
                schedule: Some(schedule),
                ..
            } => write!(
                f,
                "gate `{step}` is signed and four-eyes, but schedule {schedule}, which started the run, is not signed, so whoever made it could approve its runs; sign it: orca schedule update {schedule} --signing-key KEY"
            ),
            Refusal::RequesterUnverified {
                step, requested_by, ..
            } => write!(
                f,
                "gate `{step}` is signed and four-eyes, but the run's requester ({}) is not verified, so no approver can be told apart from them; start the run signed: orca start --signing-key KEY",
                requested_by.as_deref().unwrap_or("nobody named")
            ),
            Refusal::FieldInvalid { field, rule } => write!(f, "field `{field}`: {rule}"),
            Refusal::ChangesNotAllowed { step, why } => {
                write!(
                    f,
                    "gate `{step}` does not take a request for changes: {why}"
                )
            }
            Refusal::RoundsExhausted { step, max_rounds } => write!(
                f,
                "gate `{step}` is in its last round ({max_rounds} of {max_rounds}): approve or reject it"
            ),
            Refusal::DelegationNotAllowed { step, why } => {
                write!(f, "gate `{step}` takes no delegation: {why}")
            }
            Refusal::AlreadyDelegated { by, to } => write!(
                f,
                "{by} delegated this decision to {to}, who decides in their place now"
            ),
            Refusal::BadDelegate { reason } => write!(f, "cannot delegate: {reason}"),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kinds_parse_back_from_their_names() {
        for kind in RefusalKind::ALL {
            assert_eq!(RefusalKind::parse(kind.as_str()), Some(kind));
        }
        assert_eq!(RefusalKind::parse("not awaiting approval"), None);
    }

    #[test]
    fn only_the_gate_moving_on_counts_as_no_longer_waiting() {
        let skipped: Vec<_> = RefusalKind::ALL
            .into_iter()
            .filter(|k| k.no_longer_waiting())
            .collect();
        assert_eq!(
            skipped,
            [
                RefusalKind::NotAwaiting,
                RefusalKind::AlreadyDecided,
                RefusalKind::AlreadyVoted,
                RefusalKind::AlreadyDelegated
            ]
        );
    }
}
