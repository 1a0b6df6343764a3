//! The gate's part of the contract: the decision request, votes, the
//! recorded decision, the open gate in the status document, notifications.

use std::{collections::BTreeMap, fmt};

use serde::{Deserialize, Serialize};
use serde_json::{Map, Value, json};

use super::{
    APPROVE, ChangeRound, Delegation, NotificationStatus, REJECT, RefusalKind, Round, is_zero,
};
use crate::{pipeline::fields::FieldSpec, signing::Signed};

/// The argument of the `approve` / `reject` updates and signals.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct DecisionRequest {
    #[serde(default)]
    pub by: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub comment: Option<String>,
    /// The gate's form filled in: approve's `fields`, reject's `reject_fields`.
    #[serde(default, skip_serializing_if = "Map::is_empty")]
    pub fields: Map<String, Value>,
    /// The decision signed by `by`'s SSH key (README "Verified approvals").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub signed: Option<Signed>,
}

impl DecisionRequest {
    /// SHA-256 of its canonical JSON: how the note of an ignored signal
    /// names the signal, and how `orca verify` finds it.
    pub fn digest(&self) -> String {
        let value = serde_json::to_value(self).unwrap_or_default();
        crate::signing::sha256_hex(crate::signing::canonical_json(&value).as_bytes())
    }

    /// What a signature's `data-sha256` covers: the fields as sent (`{}`
    /// without any, as before forms existed).
    pub fn data(&self) -> Value {
        match self.fields.is_empty() {
            true => json!({}),
            false => json!({ "fields": self.fields }),
        }
    }
}

/// An approve/reject signal the gate refused, as noted in `orca_ignored`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct IgnoredSignal {
    /// `approve` or `reject`.
    pub signal: VoteKind,
    pub by: String,
    pub refusal: RefusalKind,
    pub reason: String,
    /// SHA-256 of the signal's argument (canonical JSON), so an audit
    /// tells this signal from another by the same name in the same task.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub request_sha256: Option<String>,
}

/// One person's vote at a gate.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Vote {
    pub by: String,
    /// `approve` or `reject`.
    pub vote: VoteKind,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub comment: Option<String>,
    /// RFC 3339, workflow time.
    pub at: String,
    /// The key that signed the vote (`SHA256:…`), verified against the
    /// allowed signers the gate trusted; absent for an unverified vote.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub key: Option<String>,
    /// When the signer says they signed (RFC 3339).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub signed_at: Option<String>,
    /// The form as recorded (defaults filled in).
    #[serde(default, skip_serializing_if = "Map::is_empty")]
    pub fields: Map<String, Value>,
    /// Whose decision this is, when `by` decides as their delegate.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub on_behalf_of: Option<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum VoteKind {
    Approve,
    Reject,
}

impl VoteKind {
    /// The update and signal of the contract that casts this vote.
    pub fn message_name(self) -> &'static str {
        match self {
            VoteKind::Approve => APPROVE,
            VoteKind::Reject => REJECT,
        }
    }

    /// "approved", "rejected".
    pub fn past(self) -> &'static str {
        match self {
            VoteKind::Approve => "approved",
            VoteKind::Reject => "rejected",
        }
    }
}

/// What the `approve` / `reject` update returns: the vote just recorded and
/// where the gate stands after it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct VoteResult {
    pub step: String,
    pub by: String,
    pub vote: VoteKind,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub comment: Option<String>,
    pub at: String,
    /// The verified key (`SHA256:…`); absent when the vote is unverified.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub key: Option<String>,
    pub approvals: u32,
    pub required: u32,
    pub rejections: u32,
    pub reject_quorum: u32,
    /// The gate's decision when this vote closed it; null while it stays open.
    pub decision: Option<DecisionKind>,
    /// Whether the gate is now open (the run goes on).
    pub approved: bool,
    /// The form as recorded (defaults filled in).
    #[serde(default, skip_serializing_if = "Map::is_empty")]
    pub fields: Map<String, Value>,
}

/// How a gate ended, as recorded by the workflow.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Decision {
    pub step: String,
    /// `approved`, `rejected`, `timed_out`, or `escalated_then_…` of those.
    pub decision: DecisionKind,
    /// Whether the gate opened (approvals, or a timeout with `on_timeout = "approve"`).
    pub approved: bool,
    /// Whose vote decided; absent for a timeout.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub by: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub comment: Option<String>,
    /// RFC 3339, workflow time.
    pub at: String,
    /// Every vote cast at the gate, in order.
    #[serde(default)]
    pub votes: Vec<Vote>,
    /// The deciding vote's form (`steps.GATE.output.fields.NAME`).
    #[serde(default, skip_serializing_if = "Map::is_empty")]
    pub fields: Map<String, Value>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum DecisionKind {
    Approved,
    Rejected,
    TimedOut,
    EscalatedThenApproved,
    EscalatedThenRejected,
    EscalatedThenTimedOut,
}

impl DecisionKind {
    /// A timeout, not a person, decided.
    pub fn is_timeout(self) -> bool {
        matches!(
            self,
            DecisionKind::TimedOut | DecisionKind::EscalatedThenTimedOut
        )
    }

    /// A quorum of approvals opened the gate (a timeout that approves is
    /// a timeout: see `Decision::approved`).
    pub fn is_approval(self) -> bool {
        matches!(
            self,
            DecisionKind::Approved | DecisionKind::EscalatedThenApproved
        )
    }

    /// The gate was escalated before it was decided.
    pub fn was_escalated(self) -> bool {
        matches!(
            self,
            DecisionKind::EscalatedThenApproved
                | DecisionKind::EscalatedThenRejected
                | DecisionKind::EscalatedThenTimedOut
        )
    }
}

impl DecisionKind {
    pub fn as_str(self) -> &'static str {
        match self {
            DecisionKind::Approved => "approved",
            DecisionKind::Rejected => "rejected",
            DecisionKind::TimedOut => "timed_out",
            DecisionKind::EscalatedThenApproved => "escalated_then_approved",
            DecisionKind::EscalatedThenRejected => "escalated_then_rejected",
            DecisionKind::EscalatedThenTimedOut => "escalated_then_timed_out",
        }
    }
}

impl fmt::Display for DecisionKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Who may decide, as people read it: the names, or `anyone` for none.
pub fn names_or_anyone(names: &[String]) -> String {
    if names.is_empty() {
        "anyone".to_string()
    } else {
        names.join(", ")
    }
}

/// The gate a run waits at (or last waited at).
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct ApprovalStatus {
    pub step: String,
    pub prompt: String,
    /// The approvers as declared (names and `group:NAME`); empty means anyone.
    pub approvers: Vec<String>,
    /// The names allowed to decide, groups expanded (and escalation added);
    /// empty means anyone.
    #[serde(default)]
    pub allowed: Vec<String>,
    /// Allowed names that have not voted yet and may still vote.
    #[serde(default)]
    pub waiting_on: Vec<String>,
    #[serde(default = "one")]
    pub required: u32,
    #[serde(default = "one")]
    pub reject_quorum: u32,
    #[serde(default)]
    pub allow_self_approval: bool,
    /// Which time the run reached this gate (1 = the first); a signature
    /// names it, so a gate reached again needs a new one.
    #[serde(default)]
    pub opening: u32,
    /// Decisions must be signed (the step's `signed`, or the worker's
    /// `--require-signed-approvals`).
    #[serde(default)]
    pub signed: bool,
    #[serde(default)]
    pub votes: Vec<Vote>,
    /// The first timeout passed and `escalate_to` may now decide too.
    #[serde(default)]
    pub escalated: bool,
    /// RFC 3339 time at which the gate times out, if it does.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub deadline: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub decision: Option<Decision>,
    /// Webhooks told about the gate, and how that went.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub notifications: Vec<NotificationStatus>,
    /// The form an approval fills in, and a rejection's.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub fields: BTreeMap<String, FieldSpec>,
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub reject_fields: BTreeMap<String, FieldSpec>,
    /// Where `request_changes` sends the run back to; none: not allowed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub on_changes: Option<String>,
    /// Which round this is (1 = the first) and how many the gate allows;
    /// 0 for a gate without `on_changes`.
    #[serde(default, skip_serializing_if = "is_zero")]
    pub round: u32,
    #[serde(default, skip_serializing_if = "is_zero")]
    pub max_rounds: u32,
    /// The round ended with a request for changes (the gate is closed).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub changes_requested: Option<ChangeRound>,
    /// The earlier rounds' requests for changes, oldest first.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub rounds: Vec<ChangeRound>,
    /// Approvers may delegate, and who has.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub allow_delegation: bool,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub delegations: Vec<Delegation>,
    /// Reminders sent so far (`remind_every`).
    #[serde(default, skip_serializing_if = "is_zero")]
    pub reminders: u32,
}

fn one() -> u32 {
    1
}

impl ApprovalStatus {
    /// No act is taken here any more: decided, or sent back.
    pub fn is_closed(&self) -> bool {
        self.decision.is_some() || self.changes_requested.is_some()
    }

    /// Its round, when it can send the run back at all.
    pub fn round_of(&self) -> Option<Round> {
        (self.max_rounds > 0).then_some(Round {
            round: self.round,
            of: self.max_rounds,
        })
    }

    /// The round a request for changes ended, while the gate is sent back.
    pub fn sent_back(&self) -> Option<Round> {
        self.changes_requested.as_ref().map(|changes| Round {
            round: changes.round,
            of: self.max_rounds,
        })
    }

    pub fn approvals(&self) -> u32 {
        self.votes
            .iter()
            .filter(|v| v.vote == VoteKind::Approve)
            .count() as u32
    }

    pub fn rejections(&self) -> u32 {
        self.votes
            .iter()
            .filter(|v| v.vote == VoteKind::Reject)
            .count() as u32
    }
}

#[cfg(test)]
mod tests {
    use super::VoteKind;

    /// Errors and `orca history` name the operation by this; a failed
    /// reject once said "approve failed".
    #[test]
    fn each_vote_names_its_own_message() {
        assert_eq!(VoteKind::Approve.message_name(), "approve");
        assert_eq!(VoteKind::Reject.message_name(), "reject");
    }
}
