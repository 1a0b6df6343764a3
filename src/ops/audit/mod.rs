//! `orca verify`: the audit trail re-checked from the event history alone,
//! against allowed signers the auditor trusts: every decision recorded
//! through an update or a signal, and the requester. A namespace admin can
//! still terminate or reset a run; those are reported as notes, so what the
//! trail does not prove is said, not hidden.

mod checks;

use std::time::{Duration, SystemTime};

use serde::Serialize;
use temporalio_common::protos::temporal::api::{
    enums::v1::WorkflowTaskFailedCause,
    history::v1::{History, history_event::Attributes},
    update::v1::outcome,
};

use super::timeline::{decode, first};
use crate::{
    engine::status::{APPROVE, DecisionRequest, IgnoredSignal, MEMO_IGNORED, REJECT, VoteKind},
    signing::AllowedSigner,
};

/// What was checked: the start, or one decision.
#[derive(Debug, Clone, Serialize)]
pub struct Check {
    /// `requester`, or the gate's step ID (`#N` its opening) from the signed message.
    pub subject: String,
    /// `start`, `approve` or `reject`.
    pub action: String,
    pub principal: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub key: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub signed_at: Option<String>,
    pub verified: bool,
    /// Why not; or how a verified one is proven (`schedule`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub reason: Option<String>,
}

/// The whole trail of one run.
#[derive(Debug, Clone, Serialize)]
pub struct Audit {
    pub run_id: String,
    pub verified: bool,
    pub checks: Vec<Check>,
    /// What the trail does not prove: terminations, resets, cancellations.
    pub notes: Vec<String>,
}

/// What the checks are made against.
pub struct Against<'a> {
    /// The workflow ID, when known (a run fetched by ID); a file names none.
    pub workflow_id: Option<&'a str>,
    /// The run's ID (a run fetched by ID); else the history's own.
    pub run_id: Option<&'a str>,
    pub signers: &'a [AllowedSigner],
    pub window: Duration,
}

/// Re-checks every signature in `history`.
pub fn audit(history: &History, against: &Against) -> Audit {
    let mut trail = Trail::default();
    for event in &history.events {
        let time = event
            .event_time
            .as_ref()
            .and_then(crate::client::system_time)
            .unwrap_or(SystemTime::UNIX_EPOCH);
        let Some(attributes) = &event.attributes else {
            continue;
        };
        trail.event(attributes, time, against);
    }
    trail.settle(against);
    let verified = trail.checks.iter().all(|c| c.verified);
    Audit {
        run_id: trail.run_id.unwrap_or_default(),
        verified,
        checks: trail.checks,
        notes: trail.notes,
    }
}

/// The walk through the history.
#[derive(Default)]
struct Trail {
    run_id: Option<String>,
    /// Run IDs a signature may name: this run, and the one it was reset from.
    run_ids: Vec<String>,
    checks: Vec<Check>,
    notes: Vec<String>,
    /// Accepted decision updates, by update ID, until they complete.
    updates: Vec<(String, VoteKind, DecisionRequest, SystemTime)>,
    /// Decision signals delivered since the last completed workflow task.
    signals: Vec<(VoteKind, DecisionRequest, SystemTime)>,
    /// Signals the last completed task judged; an ignored one is noted
    /// in the memo among that task's commands.
    judged: Vec<(VoteKind, DecisionRequest, SystemTime)>,
}

impl Trail {
    fn event(&mut self, attributes: &Attributes, time: SystemTime, against: &Against) {
        use Attributes as A;
        match attributes {
            A::WorkflowExecutionStartedEventAttributes(a) => {
                let own = against.run_id.unwrap_or(&a.original_execution_run_id);
                self.run_id = Some(own.to_string());
                self.run_ids = vec![own.to_string(), a.original_execution_run_id.clone()];
                if own != a.original_execution_run_id {
                    self.notes.push(format!(
                        "this run was reset from run {}: its events up to the reset point were copied from it",
                        a.original_execution_run_id
                    ));
                }
                let scheduled = a
                    .search_attributes
                    .as_ref()
                    .and_then(|s| s.indexed_fields.get("TemporalScheduledById"))
                    .and_then(|p| decode(p).as_str().map(str::to_string));
                let check = checks::start(first(&a.input), scheduled, time, against);
                self.checks.push(check);
            }
            A::WorkflowExecutionUpdateAcceptedEventAttributes(a) => {
                let request = a.accepted_request.as_ref();
                let input = request.and_then(|r| r.input.as_ref());
                let id = request
                    .and_then(|r| r.meta.as_ref())
                    .map(|m| m.update_id.clone());
                if let (Some(input), Some(id)) = (input, id)
                    && let Some(kind) = vote_kind(&input.name)
                {
                    let decision = serde_json::from_value(first(&input.args)).unwrap_or_default();
                    self.updates.push((id, kind, decision, time));
                }
            }
            A::WorkflowExecutionUpdateCompletedEventAttributes(a) => {
                let id = a.meta.as_ref().map(|m| m.update_id.as_str()).unwrap_or("");
                let Some(at) = self.updates.iter().position(|u| u.0 == id) else {
                    return;
                };
                let (_, kind, request, accepted) = self.updates.remove(at);
                let succeeded = matches!(
                    a.outcome.as_ref().and_then(|o| o.value.as_ref()),
                    Some(outcome::Value::Success(_))
                );
                // A decision the handler refused recorded nothing.
                if succeeded {
                    let check = checks::decision(kind, &request, accepted, &self.run_ids, against);
                    self.checks.push(check);
                }
            }
            A::WorkflowExecutionSignaledEventAttributes(a) => {
                if let Some(kind) = vote_kind(&a.signal_name) {
                    let decision = serde_json::from_value(first(&a.input)).unwrap_or_default();
                    self.signals.push((kind, decision, time));
                }
            }
            A::WorkflowTaskStartedEventAttributes(_) => self.settle(against),
            A::WorkflowTaskCompletedEventAttributes(_) => {
                self.settle(against);
                self.judged = std::mem::take(&mut self.signals);
            }
            A::WorkflowPropertiesModifiedEventAttributes(a) => {
                let ignored = a
                    .upserted_memo
                    .as_ref()
                    .and_then(|m| m.fields.get(MEMO_IGNORED))
                    .and_then(|p| serde_json::from_value::<IgnoredSignal>(decode(p)).ok());
                if let Some(ignored) = ignored
                    && let Some(at) = self.judged.iter().position(|(kind, request, _)| {
                        *kind == ignored.signal
                            && crate::human::clip(&request.by, 500) == ignored.by
                    })
                {
                    self.judged.remove(at);
                }
            }
            other => self.note(other),
        }
    }

    /// The judged signals that were not ignored were recorded: check them.
    fn settle(&mut self, against: &Against) {
        for (kind, request, time) in std::mem::take(&mut self.judged) {
            let check = checks::decision(kind, &request, time, &self.run_ids, against);
            self.checks.push(check);
        }
    }

    fn note(&mut self, attributes: &Attributes) {
        use Attributes as A;
        match attributes {
            A::WorkflowExecutionTerminatedEventAttributes(a) => self.notes.push(format!(
                "terminated by {}: {} (a termination needs no approval)",
                a.identity, a.reason
            )),
            A::WorkflowExecutionCancelRequestedEventAttributes(a) => self
                .notes
                .push(format!("cancellation requested by {}", a.identity)),
            A::WorkflowTaskFailedEventAttributes(a)
                if a.cause == WorkflowTaskFailedCause::ResetWorkflow as i32 =>
            {
                self.notes.push(format!(
                    "reset here by {}: events after this point were replaced",
                    a.identity
                ))
            }
            _ => {}
        }
    }
}

fn vote_kind(name: &str) -> Option<VoteKind> {
    match name {
        APPROVE => Some(VoteKind::Approve),
        REJECT => Some(VoteKind::Reject),
        _ => None,
    }
}
