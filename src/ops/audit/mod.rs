//! `orca verify`: the audit trail re-checked from the event history alone,
//! against allowed signers the auditor trusts: every act at a gate recorded
//! through an update or a signal (votes, requests for changes,
//! delegations), and the requester. A run that continued as new is
//! audited across its chain: the requester in the first run, decisions in
//! any, each signed for the run the client saw (an earlier one of the chain,
//! as the workflow accepts). A namespace admin can
//! still terminate or reset a run; those are reported as notes, so what the
//! trail does not prove is said, not hidden.

mod acts;
mod checks;

use std::time::{Duration, SystemTime};

use serde::Serialize;
use temporalio_common::protos::temporal::api::{
    common::v1::Payload,
    enums::v1::WorkflowTaskFailedCause,
    history::v1::{
        History, WorkflowExecutionStartedEventAttributes,
        WorkflowExecutionUpdateAcceptedEventAttributes,
        WorkflowExecutionUpdateCompletedEventAttributes, history_event::Attributes,
    },
    update::v1::outcome,
};

use acts::{Acted, vote_kind};

use super::timeline::{decode, first};
use crate::{
    client::handed_over_from,
    engine::status::{DecisionRequest, IgnoredSignal, MEMO_IGNORED, MEMO_SCHEDULED_BY, VoteKind},
    signing::AllowedSigner,
};

/// What was checked: the start, or one decision.
#[derive(Debug, Clone, Serialize)]
pub struct Check {
    /// `requester`, or the gate's step ID (`#N` its opening) from the signed message.
    pub subject: String,
    /// `start`, or the act at a gate: `approve`, `reject`,
    /// `request_changes`, `delegate`.
    pub action: String,
    pub principal: String,
    /// The workflow the signature names.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub workflow_id: Option<String>,
    /// A start signed for this schedule, valid once the worker confirmed
    /// the schedule started the run.
    #[serde(skip)]
    pub pending_schedule: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub key: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub signed_at: Option<String>,
    pub verified: bool,
    /// Why not; or how a verified one is proven (`schedule`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub reason: Option<String>,
}

impl Check {
    /// Not verified (yet).
    pub fn new(subject: &str, action: &str, principal: &str) -> Check {
        Check {
            subject: subject.to_string(),
            action: action.to_string(),
            principal: principal.to_string(),
            workflow_id: None,
            pending_schedule: None,
            key: None,
            signed_at: None,
            verified: false,
            reason: None,
        }
    }
}

/// The whole trail of one run.
#[derive(Debug, Clone, Serialize)]
pub struct Audit {
    /// Given, or (a file) the one the signatures name.
    pub workflow_id: Option<String>,
    /// The (last) run audited.
    pub run_id: String,
    /// Every run audited, oldest first, when the run continued as new.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub runs: Vec<String>,
    pub verified: bool,
    pub checks: Vec<Check>,
    /// What the trail does not prove: terminations, resets, cancellations.
    pub notes: Vec<String>,
}

/// What the checks are made against.
pub struct Against<'a> {
    /// The workflow ID, when known (a run fetched by ID); a file names none.
    pub workflow_id: Option<&'a str>,
    pub signers: &'a [AllowedSigner],
    pub window: Duration,
}

/// One run's history, with its run ID when known (a run fetched by ID);
/// a file's is the history's own.
pub struct RunTrail<'a> {
    pub run_id: Option<&'a str>,
    pub history: &'a History,
}

/// Re-checks every signature in `runs`: one run, or the runs of a chain,
/// oldest first.
pub fn audit(runs: &[RunTrail], against: &Against) -> Audit {
    let mut trail = Trail::default();
    for run in runs {
        for event in &run.history.events {
            let time = event
                .event_time
                .as_ref()
                .and_then(crate::client::system_time)
                .unwrap_or(SystemTime::UNIX_EPOCH);
            let Some(attributes) = &event.attributes else {
                continue;
            };
            match attributes {
                Attributes::WorkflowExecutionStartedEventAttributes(a) => {
                    trail.started(a, time, run.run_id, against)
                }
                other => trail.event(other, time, against),
            }
        }
        trail.settle(against);
    }
    if against.workflow_id.is_none() {
        one_workflow(&mut trail.checks);
    }
    if !trail.checks.iter().any(|c| c.action != "start") {
        trail.notes.push(
            "no person's decision is recorded in this run (no gate, or one its timeout decided)"
                .into(),
        );
    }
    let verified = trail.checks.iter().all(|c| c.verified);
    if trail.runs.len() < 2 {
        trail.runs.clear();
    }
    Audit {
        run_id: trail.run_id.unwrap_or_default(),
        runs: trail.runs,
        workflow_id: against
            .workflow_id
            .map(str::to_string)
            .or_else(|| trail.checks.iter().find_map(|c| c.workflow_id.clone())),
        verified,
        checks: trail.checks,
        notes: trail.notes,
    }
}

/// A history file names no workflow: every signature must name the same
/// one (the first signed), or a decision made for another run was pasted in.
fn one_workflow(checks: &mut [Check]) {
    let Some(first) = checks.iter().find_map(|c| c.workflow_id.clone()) else {
        return;
    };
    for check in checks.iter_mut() {
        if let Some(other) = check.workflow_id.as_ref().filter(|id| **id != first) {
            check.verified = false;
            check.reason = Some(format!(
                "the signature is for workflow {other}, the others for {first}"
            ));
        }
    }
}

/// The walk through the history.
#[derive(Default)]
struct Trail {
    run_id: Option<String>,
    /// The runs walked through, oldest first.
    runs: Vec<String>,
    /// Run IDs a signature may name: this run, the one it was reset from,
    /// and the earlier runs of its chain the workflow accepts.
    run_ids: Vec<String>,
    checks: Vec<Check>,
    notes: Vec<String>,
    /// Accepted acts at a gate, by update ID, until they complete.
    updates: Vec<(String, Acted, SystemTime)>,
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
            A::WorkflowExecutionUpdateAcceptedEventAttributes(a) => self.accepted(a, time),
            A::WorkflowExecutionUpdateCompletedEventAttributes(a) => self.completed(a, against),
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
                if let Some(memo) = &a.upserted_memo {
                    self.memo(&memo.fields);
                }
            }
            other => self.note(other),
        }
    }

    /// A run's start: its ID (or the one it was reset from), and the
    /// requester (in the first run of a chain; a later one only goes on).
    fn started(
        &mut self,
        a: &WorkflowExecutionStartedEventAttributes,
        time: SystemTime,
        run_id: Option<&str>,
        against: &Against,
    ) {
        let own = run_id.unwrap_or(&a.original_execution_run_id);
        let first_seen = self.run_id.is_none();
        self.run_id = Some(own.to_string());
        self.runs.push(own.to_string());
        self.run_ids = vec![own.to_string(), a.original_execution_run_id.clone()];
        if own != a.original_execution_run_id {
            self.notes.push(format!(
                "this run was reset from run {}: its events up to the reset point were copied from it",
                a.original_execution_run_id
            ));
        }
        if let Some(earlier) = handed_over_from(a) {
            self.run_ids.extend(chain_runs(first(&a.input)));
            if first_seen {
                self.notes.push(format!(
                    "this run continued from run {earlier}: the start, and any decision before, are in the histories of earlier runs (orca verify ID checks them all)"
                ));
            }
            return;
        }
        let scheduled = a
            .search_attributes
            .as_ref()
            .and_then(|s| s.indexed_fields.get("TemporalScheduledById"))
            .and_then(|p| decode(p).as_str().map(str::to_string));
        let check = checks::start(first(&a.input), scheduled, time, against);
        self.checks.push(check);
    }

    /// A decision update the server accepted: checked once it completes.
    fn accepted(&mut self, a: &WorkflowExecutionUpdateAcceptedEventAttributes, time: SystemTime) {
        let request = a.accepted_request.as_ref();
        let input = request.and_then(|r| r.input.as_ref());
        let id = request
            .and_then(|r| r.meta.as_ref())
            .map(|m| m.update_id.clone());
        if let (Some(input), Some(id)) = (input, id)
            && let Some(acted) = Acted::read(&input.name, first(&input.args))
        {
            self.updates.push((id, acted, time));
        } else if input.is_none() {
            // Whatever it decided cannot be checked.
            self.checks.push(Check {
                reason: Some("an accepted update whose request the history does not hold".into()),
                ..Check::new("?", "update", "?")
            });
        }
    }

    /// A decision update that completed: recorded unless the handler refused it.
    fn completed(
        &mut self,
        a: &WorkflowExecutionUpdateCompletedEventAttributes,
        against: &Against,
    ) {
        let id = a.meta.as_ref().map(|m| m.update_id.as_str()).unwrap_or("");
        let Some(at) = self.updates.iter().position(|u| u.0 == id) else {
            return;
        };
        let (_, acted, accepted) = self.updates.remove(at);
        let succeeded = matches!(
            a.outcome.as_ref().and_then(|o| o.value.as_ref()),
            Some(outcome::Value::Success(_))
        );
        if succeeded {
            let check = checks::decision(&acted.claim(), accepted, &self.run_ids, against);
            self.checks.push(check);
        }
    }

    /// What the workflow noted: the schedule that confirmed starting the
    /// run, and a signal it ignored (which then is no decision).
    fn memo(&mut self, fields: &std::collections::HashMap<String, Payload>) {
        if let Some(schedule) = fields
            .get(MEMO_SCHEDULED_BY)
            .and_then(|p| decode(p).as_str().map(str::to_string))
            && let Some(start) = self.checks.first_mut()
        {
            checks::confirmed_schedule(start, &schedule);
        }
        let Some(ignored) = fields
            .get(MEMO_IGNORED)
            .and_then(|p| serde_json::from_value::<IgnoredSignal>(decode(p)).ok())
        else {
            return;
        };
        let matches = |(kind, request, _): &(VoteKind, DecisionRequest, SystemTime)| match &ignored
            .request_sha256
        {
            Some(digest) => request.digest() == *digest,
            // Noted before the digest existed: by name.
            None => *kind == ignored.signal && crate::human::clip(&request.by, 500) == ignored.by,
        };
        if let Some(at) = self.judged.iter().position(matches) {
            self.judged.remove(at);
        }
    }

    /// The judged signals that were not ignored were recorded: check them.
    fn settle(&mut self, against: &Against) {
        for (kind, request, time) in std::mem::take(&mut self.judged) {
            let check = checks::decision(&request.claim(kind), time, &self.run_ids, against);
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

/// The earlier runs of the chain a continuation's input carries: the run
/// IDs its workflow accepts in a signature (a client signs for the run it
/// saw, which may have handed over since).
fn chain_runs(input: serde_json::Value) -> Vec<String> {
    #[derive(serde::Deserialize)]
    struct Input {
        continued: Carried,
    }
    #[derive(serde::Deserialize)]
    struct Carried {
        #[serde(default)]
        run_ids: Vec<String>,
    }
    serde_json::from_value::<Input>(input).map_or_else(|_| Vec::new(), |i| i.continued.run_ids)
}

#[cfg(test)]
mod tests;
