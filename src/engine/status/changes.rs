//! The gate's other two messages: `request_changes` (send the run back to
//! an earlier step with feedback) and `delegate` (hand one's decision to
//! someone else), and what each records.

use std::fmt;

use serde::{Deserialize, Serialize};
use serde_json::{Value, json};

use super::{APPROVE, DecisionRequest, REJECT, VoteKind};
use crate::signing::Signed;

/// Update names of the contract.
pub const REQUEST_CHANGES: &str = "request_changes";
pub const DELEGATE: &str = "delegate";

/// Everything a person can do at a gate: what a signature names.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Act {
    Approve,
    Reject,
    RequestChanges,
    Delegate,
}

impl Act {
    /// The update of the contract (and the word in a signed message).
    pub fn message_name(self) -> &'static str {
        match self {
            Act::Approve => APPROVE,
            Act::Reject => REJECT,
            Act::RequestChanges => REQUEST_CHANGES,
            Act::Delegate => DELEGATE,
        }
    }

    pub fn parse(word: &str) -> Option<Act> {
        [
            Act::Approve,
            Act::Reject,
            Act::RequestChanges,
            Act::Delegate,
        ]
        .into_iter()
        .find(|act| act.message_name() == word)
    }
}

impl From<VoteKind> for Act {
    fn from(vote: VoteKind) -> Act {
        match vote {
            VoteKind::Approve => Act::Approve,
            VoteKind::Reject => Act::Reject,
        }
    }
}

impl fmt::Display for Act {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.message_name())
    }
}

/// The argument of the `delegate` update.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct DelegateRequest {
    /// Who hands their decision on.
    #[serde(default)]
    pub by: String,
    /// Who decides in their place.
    #[serde(default)]
    pub to: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub comment: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub signed: Option<Signed>,
}

impl DelegateRequest {
    /// What a signature's `data-sha256` covers: the delegate's name.
    pub fn data(&self) -> Value {
        json!({ "to": self.to.trim() })
    }
}

/// A delegation recorded at the open gate.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Delegation {
    pub by: String,
    pub to: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub comment: Option<String>,
    /// RFC 3339, workflow time.
    pub at: String,
    /// The key that signed it, when verified.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub key: Option<String>,
}

/// One round a gate sent back: who asked for changes, and what.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ChangeRound {
    /// The round that ended with this request (1 = the first).
    pub round: u32,
    pub by: String,
    pub feedback: String,
    /// RFC 3339, workflow time.
    pub at: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub key: Option<String>,
}

/// A gate's round, of how many it allows: "round 2 of 3".
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Round {
    pub round: u32,
    pub of: u32,
}

impl fmt::Display for Round {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "round {} of {}", self.round, self.of)
    }
}

/// What the `request_changes` update answers.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ChangesResult {
    pub step: String,
    pub by: String,
    /// The round just ended, and how many the gate allows.
    pub round: u32,
    pub max_rounds: u32,
    /// The step the run goes back to.
    pub back_to: String,
    pub feedback: String,
    /// The verified key (`SHA256:…`); absent when unverified.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub key: Option<String>,
}

/// What the `delegate` update answers.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DelegationResult {
    pub step: String,
    pub by: String,
    pub to: String,
    pub at: String,
    /// The verified key (`SHA256:…`); absent when unverified.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub key: Option<String>,
}

/// What a person claims to do at a gate, as far as a signature covers it.
#[derive(Debug, Clone)]
pub struct Claim<'a> {
    pub act: Act,
    pub by: &'a str,
    pub comment: Option<&'a str>,
    /// What `data-sha256` covers: the fields, or the delegate's name.
    pub data: Value,
    pub signed: Option<&'a Signed>,
}

impl DecisionRequest {
    /// As approve or reject (`VoteKind`), or as `request_changes`, whose
    /// argument is a decision request too.
    pub fn claim(&self, act: impl Into<Act>) -> Claim<'_> {
        Claim {
            act: act.into(),
            by: &self.by,
            comment: self.comment.as_deref(),
            data: self.data(),
            signed: self.signed.as_ref(),
        }
    }
}

impl DelegateRequest {
    pub fn claim(&self) -> Claim<'_> {
        Claim {
            act: Act::Delegate,
            by: &self.by,
            comment: self.comment.as_deref(),
            data: self.data(),
            signed: self.signed.as_ref(),
        }
    }
}

impl ChangesResult {
    /// The round this request ended.
    pub fn ended(&self) -> Round {
        Round {
            round: self.round,
            of: self.max_rounds,
        }
    }
}
