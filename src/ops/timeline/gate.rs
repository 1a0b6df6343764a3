//! The timeline's lines for acts at a gate: the `approve`, `reject`,
//! `request_changes` and `delegate` updates (who, why, the fields; then
//! how the vote is proven, where the run went back to, or why the handler
//! refused it), and the round a gate opened in.

use serde_json::Value;
use temporalio_common::protos::temporal::api::{
    history::v1::{WorkflowExecutionUpdateAcceptedEventAttributes, history_event::Attributes},
    update::v1::outcome::Value as Outcome,
};

use super::{EntryKind, failure_text, first};
use crate::{
    engine::status::{Act, ChangesResult, DecisionRequest, DelegateRequest, VoteResult},
    human::{comment_suffix, proof},
    ops::form::show,
};

/// What a signed act without a key in its answer says.
const SIGNED: &str = " (signed; check: orca verify)";

/// The act an accepted update performs, and its update ID, when it is one
/// of the gate's.
pub(super) fn accepted_act(attributes: &Attributes) -> Option<(String, Act)> {
    let Attributes::WorkflowExecutionUpdateAcceptedEventAttributes(a) = attributes else {
        return None;
    };
    let request = a.accepted_request.as_ref()?;
    let act = Act::parse(&request.input.as_ref()?.name)?;
    Some((request.meta.as_ref()?.update_id.clone(), act))
}

/// The line of an accepted update: an act at the gate, or another update
/// (a workflow that is not orca's), with its argument.
pub(super) fn accepted_line(
    a: &WorkflowExecutionUpdateAcceptedEventAttributes,
) -> (EntryKind, String) {
    let input = a.accepted_request.as_ref().and_then(|r| r.input.as_ref());
    let name = input.map_or("update", |i| i.name.as_str());
    let arg = input.map_or(Value::Null, |i| first(&i.args));
    match Act::parse(name) {
        Some(Act::Approve) => (EntryKind::Approve, decision_text(arg)),
        Some(Act::Reject) => (EntryKind::Reject, decision_text(arg)),
        Some(Act::RequestChanges) => {
            // Its answer names no key (as a vote's does): the signature is
            // for `orca verify` to check.
            let signed = arg.get("signed").is_some_and(|s| !s.is_null());
            let mut detail = decision_text(arg);
            if signed {
                detail.push_str(SIGNED);
            }
            (EntryKind::RequestChanges, detail)
        }
        Some(Act::Delegate) => (EntryKind::Delegate, delegation_text(arg)),
        None => (EntryKind::Update, format!("{name} {arg}")),
    }
}

/// What an act's completion adds to its line, and the update's ID: how
/// the vote is proven, where the run goes back to, or why the handler
/// refused it.
pub(super) fn completion(attributes: &Attributes) -> Option<(String, Option<&Outcome>)> {
    let Attributes::WorkflowExecutionUpdateCompletedEventAttributes(a) = attributes else {
        return None;
    };
    let id = a.meta.as_ref()?.update_id.clone();
    Some((id, a.outcome.as_ref().and_then(|o| o.value.as_ref())))
}

/// The words a completed act adds (empty when there is nothing to add).
pub(super) fn outcome_text(act: Act, outcome: Option<&Outcome>) -> String {
    let payloads = match outcome {
        Some(Outcome::Success(payloads)) => payloads,
        Some(Outcome::Failure(failure)) => {
            return format!(" — refused: {}", failure_text(Some(failure)));
        }
        None => return String::new(),
    };
    let result = first(&Some(payloads.clone()));
    match act {
        Act::Approve | Act::Reject => serde_json::from_value::<VoteResult>(result)
            .map(|vote| format!(" — {}", proof(vote.key.as_deref())))
            .unwrap_or_default(),
        Act::RequestChanges => serde_json::from_value::<ChangesResult>(result)
            .map(|c| format!(" — back to `{}` ({})", c.back_to, c.ended()))
            .unwrap_or_default(),
        Act::Delegate => String::new(),
    }
}

/// "by alice with replicas = 5: looks good", from a decision's argument.
pub(super) fn decision_text(arg: Value) -> String {
    let decision = serde_json::from_value::<DecisionRequest>(arg).unwrap_or_default();
    let mut text = format!("by {}", who(&decision.by));
    if !decision.fields.is_empty() {
        text.push_str(&format!(" with {}", show::values(&decision.fields)));
    }
    text.push_str(&comment_suffix(decision.comment.as_deref()));
    text
}

/// "by alice to bob: on leave (signed; check: orca verify)".
fn delegation_text(arg: Value) -> String {
    let handed = serde_json::from_value::<DelegateRequest>(arg).unwrap_or_default();
    let mut text = format!("by {} to {}", who(&handed.by), who(&handed.to));
    text.push_str(&comment_suffix(handed.comment.as_deref()));
    if handed.signed.is_some() {
        text.push_str(SIGNED);
    }
    text
}

fn who(name: &str) -> &str {
    Some(name).filter(|n| !n.is_empty()).unwrap_or("?")
}

/// "round 2 of 3", from the gate's `orca_round` memo (`2/3`).
pub(super) fn round_text(memo: &str) -> String {
    match memo.split_once('/') {
        Some((round, of)) => format!("round {round} of {of}"),
        None => format!("round {memo}"),
    }
}
