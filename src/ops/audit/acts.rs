//! The acts at a gate a history records, read as the claims their
//! signatures make: votes by signal or update, requests for changes and
//! delegations by update.

use crate::engine::status::{Act, Claim, DecisionRequest, DelegateRequest, VoteKind};

/// The votes that are signals too (the other acts are updates only).
pub(super) fn vote_kind(name: &str) -> Option<VoteKind> {
    match Act::parse(name)? {
        Act::Approve => Some(VoteKind::Approve),
        Act::Reject => Some(VoteKind::Reject),
        Act::RequestChanges | Act::Delegate => None,
    }
}

/// An act at a gate as its update carried it: every one is a decision
/// `orca verify` checks against the claim its signature makes.
pub(super) enum Acted {
    /// approve, reject, request_changes: a decision request.
    Decision(Act, DecisionRequest),
    Delegation(DelegateRequest),
}

impl Acted {
    /// The act the update `name` performs, read from its argument; `None`
    /// for an update that is not an act at a gate.
    pub(super) fn read(name: &str, arg: serde_json::Value) -> Option<Acted> {
        Some(match Act::parse(name)? {
            Act::Delegate => Acted::Delegation(serde_json::from_value(arg).unwrap_or_default()),
            act => Acted::Decision(act, serde_json::from_value(arg).unwrap_or_default()),
        })
    }

    pub(super) fn claim(&self) -> Claim<'_> {
        match self {
            Acted::Decision(act, request) => request.claim(*act),
            Acted::Delegation(request) => request.claim(),
        }
    }
}
