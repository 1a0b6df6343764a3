//! A run's history as a readable timeline: steps with attempts and
//! durations, acts at gates with who and why (`gate`: decisions, requests
//! for changes, delegations, rounds; and signals the gate ignored),
//! phase changes, the outcome. It reads the typed event history (the SDK's
//! own, or a file decoded by `orca replay`'s parser), its payloads as the
//! contract's types; a run that continued as new is read run by run, one
//! timeline for the whole chain (`chain`).

use std::{collections::HashMap, time::SystemTime};

use serde::Serialize;
use serde_json::Value;
use temporalio_common::protos::temporal::api::{
    common::v1::{Payload, Payloads},
    enums::v1::WorkflowTaskFailedCause,
    failure::v1::Failure,
    history::v1::{History, HistoryEvent, history_event::Attributes},
};

use crate::client::handed_over_from;
use crate::engine::status::{
    Act, IgnoredSignal, MEMO_IGNORED, MEMO_PROGRESS, MEMO_PROMPT, MEMO_ROUND, RunRequest,
    RunResult, SA_PHASE,
};

/// What a line of the timeline is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum EntryKind {
    Started,
    Phase,
    ApprovalRequested,
    Progress,
    /// The `approve` update, recorded (`Signal` for the signal).
    Approve,
    Reject,
    /// The `request_changes` update: the run goes back with feedback.
    RequestChanges,
    /// The `delegate` update: an approver hands their decision on.
    Delegate,
    /// The round a gate that can send the run back opened in.
    Round,
    /// Another update (a workflow that is not orca's).
    Update,
    Signal,
    /// An approve/reject signal the gate refused (nothing was recorded).
    SignalIgnored,
    StepStarted,
    StepCompleted,
    StepFailed,
    StepTimedOut,
    StepCancelled,
    TimerStarted,
    TimerFired,
    CancelRequested,
    /// The run continued as new: the next run of the chain goes on.
    Continued,
    // How the run ended; a workflow task that failed.
    Completed,
    Failed,
    Cancelled,
    Terminated,
    TimedOut,
    TaskFailed,
}

impl EntryKind {
    /// The word `-o json` uses for it.
    pub fn as_str(self) -> String {
        serde_json::to_value(self)
            .ok()
            .and_then(|v| v.as_str().map(str::to_string))
            .unwrap_or_default()
    }
}

/// One line of the timeline.
#[derive(Debug, Clone, Serialize)]
pub struct Entry {
    /// RFC 3339, from the server's event.
    pub time: String,
    /// Milliseconds since the run started.
    pub offset_ms: u64,
    pub event: EntryKind,
    /// `continued`: the run that goes on.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub run_id: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub step: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub attempt: Option<u64>,
    pub detail: String,
}

/// Activities by their scheduled event, and timers by ID, between events.
#[derive(Default)]
struct Memory {
    activities: HashMap<i64, (String, String, SystemTime)>,
    timers: HashMap<String, String>,
    /// Accepted acts at a gate: their line and act, until they complete.
    updates: HashMap<String, (usize, Act)>,
}

/// The timeline of one run's history.
pub fn timeline(history: &History) -> Vec<Entry> {
    timeline_since(history, first_time(history))
}

/// When a history's first event happened.
fn first_time(history: &History) -> SystemTime {
    history
        .events
        .first()
        .and_then(event_time)
        .unwrap_or(SystemTime::UNIX_EPOCH)
}

/// The timeline of a history, offsets counted from `start`.
fn timeline_since(history: &History, start: SystemTime) -> Vec<Entry> {
    let mut memory = Memory::default();
    let mut entries: Vec<Entry> = Vec::new();
    for event in &history.events {
        let time = event_time(event).unwrap_or(start);
        let Some(attributes) = &event.attributes else {
            continue;
        };
        if let Some((id, outcome)) = gate::completion(attributes) {
            if let Some((i, act)) = memory.updates.remove(&id)
                && let Some(entry) = entries.get_mut(i)
            {
                entry.detail.push_str(&gate::outcome_text(act, outcome));
            }
            continue;
        }
        if let Some((id, act)) = gate::accepted_act(attributes) {
            memory.updates.insert(id, (entries.len(), act));
        }
        for (event_kind, step, attempt, detail) in describe(event, attributes, time, &mut memory) {
            entries.push(Entry {
                time: humantime::format_rfc3339_millis(time).to_string(),
                offset_ms: time.duration_since(start).unwrap_or_default().as_millis() as u64,
                event: event_kind,
                run_id: None,
                step,
                attempt,
                detail,
            });
        }
    }
    entries
}

type Line = (EntryKind, Option<String>, Option<u64>, String);

fn line(kind: EntryKind, detail: String) -> Vec<Line> {
    vec![(kind, None, None, detail)]
}

/// The lines one event makes (most make none or one).
fn describe(
    event: &HistoryEvent,
    attributes: &Attributes,
    time: SystemTime,
    memory: &mut Memory,
) -> Vec<Line> {
    use Attributes as A;
    match attributes {
        // A continuation's start: the hand-over before it said it.
        A::WorkflowExecutionStartedEventAttributes(a) if handed_over_from(a).is_some() => {
            Vec::new()
        }
        A::WorkflowExecutionStartedEventAttributes(a) => {
            let workflow_type = a.workflow_type.as_ref().map(|t| t.name.clone());
            line(
                EntryKind::Started,
                started_detail(first(&a.input), workflow_type),
            )
        }
        A::UpsertWorkflowSearchAttributesEventAttributes(a) => a
            .search_attributes
            .as_ref()
            .and_then(|s| s.indexed_fields.get(SA_PHASE))
            .and_then(|p| decode(p).as_str().map(str::to_string))
            .map_or_else(Vec::new, |phase| line(EntryKind::Phase, phase)),
        A::WorkflowPropertiesModifiedEventAttributes(a) => {
            let fields = a.upserted_memo.as_ref().map(|m| &m.fields);
            memo_lines(fields.unwrap_or(&HashMap::new()))
        }
        A::WorkflowExecutionUpdateAcceptedEventAttributes(a) => {
            let (kind, detail) = gate::accepted_line(a);
            line(kind, detail)
        }
        A::WorkflowExecutionSignaledEventAttributes(a) => {
            let mut detail = a.signal_name.clone();
            // Of the acts at a gate, only approve and reject are signals too.
            if matches!(Act::parse(&a.signal_name), Some(Act::Approve | Act::Reject)) {
                detail = format!("{detail} {}", gate::decision_text(first(&a.input)));
            }
            if !a.identity.is_empty() {
                detail.push_str(&format!(" (from {})", a.identity));
            }
            line(EntryKind::Signal, detail)
        }
        other => steps::lines(event, other, time, memory).unwrap_or_else(|| closing_lines(other)),
    }
}

/// The end, a cancellation asked for, a failed workflow task.
fn closing_lines(attributes: &Attributes) -> Vec<Line> {
    use Attributes as A;
    match attributes {
        A::WorkflowExecutionCancelRequestedEventAttributes(a) => line(
            EntryKind::CancelRequested,
            format!("{} (from {})", a.cause, a.identity),
        ),
        A::WorkflowExecutionCompletedEventAttributes(a) => {
            let detail = match serde_json::from_value::<RunResult>(first(&a.result)) {
                Ok(RunResult {
                    outcome,
                    detail: Some(why),
                    ..
                }) => format!("outcome {outcome} ({why})"),
                Ok(result) => format!("outcome {}", result.outcome),
                // A workflow that is not orca's.
                Err(_) => "completed".to_string(),
            };
            line(EntryKind::Completed, detail)
        }
        A::WorkflowExecutionFailedEventAttributes(a) => {
            line(EntryKind::Failed, failure_text(a.failure.as_ref()))
        }
        A::WorkflowExecutionCanceledEventAttributes(_) => line(EntryKind::Cancelled, String::new()),
        A::WorkflowExecutionTerminatedEventAttributes(a) => line(
            EntryKind::Terminated,
            format!("{} (by {})", a.reason, a.identity),
        ),
        A::WorkflowExecutionTimedOutEventAttributes(_) => line(EntryKind::TimedOut, String::new()),
        A::WorkflowExecutionContinuedAsNewEventAttributes(_) => {
            line(EntryKind::Continued, "continued as new".into())
        }
        A::WorkflowTaskFailedEventAttributes(a) => {
            let cause = WorkflowTaskFailedCause::try_from(a.cause)
                .map_or_else(|_| a.cause.to_string(), |c| c.as_str_name().to_string());
            line(
                EntryKind::TaskFailed,
                format!("{cause}: {}", failure_text(a.failure.as_ref())),
            )
        }
        _ => Vec::new(),
    }
}

/// The gate's prompt (a gate opened), loop progress, and ignored signals.
fn memo_lines(fields: &HashMap<String, Payload>) -> Vec<Line> {
    let text = |key: &str| {
        fields
            .get(key)
            .and_then(|p| decode(p).as_str().map(str::to_string))
    };
    let mut lines = Vec::new();
    if let Some(prompt) = text(MEMO_PROMPT) {
        lines.extend(line(EntryKind::ApprovalRequested, prompt));
    }
    if let Some(round) = text(MEMO_ROUND) {
        lines.extend(line(EntryKind::Round, gate::round_text(&round)));
    }
    if let Some(progress) = text(MEMO_PROGRESS) {
        lines.extend(line(EntryKind::Progress, progress));
    }
    if let Some(ignored) = fields
        .get(MEMO_IGNORED)
        .and_then(|p| serde_json::from_value::<IgnoredSignal>(decode(p)).ok())
    {
        lines.extend(line(
            EntryKind::SignalIgnored,
            format!(
                "{} by {} ignored ({}): {}",
                ignored.signal.message_name(),
                ignored.by,
                ignored.refusal,
                ignored.reason
            ),
        ));
    }
    lines
}

/// "sample, requested by alice, input {…}" (or a foreign run's type).
fn started_detail(input: Value, workflow_type: Option<String>) -> String {
    let Ok(request) = serde_json::from_value::<RunRequest>(input) else {
        return workflow_type.unwrap_or_default();
    };
    let mut detail = match &request.pipeline {
        Value::String(name) => name.clone(),
        spec => spec
            .get("name")
            .and_then(Value::as_str)
            .unwrap_or("inline")
            .to_string(),
    };
    if let Some(who) = &request.requested_by {
        detail.push_str(&format!(", requested by {who}"));
        if request.signed.is_some() {
            detail.push_str(" (signed; check: orca verify)");
        }
    }
    if !request.input.is_empty() {
        detail.push_str(&format!(", input {}", Value::Object(request.input)));
    }
    detail
}

fn event_time(event: &HistoryEvent) -> Option<SystemTime> {
    event
        .event_time
        .as_ref()
        .and_then(crate::client::system_time)
}

/// An activity failure's message, with its cause (where the real one is).
fn failure_text(failure: Option<&Failure>) -> String {
    let Some(failure) = failure else {
        return String::new();
    };
    match &failure.cause {
        Some(cause) => format!("{}: {}", failure.message, cause.message),
        None => failure.message.clone(),
    }
}

pub(super) fn first(payloads: &Option<Payloads>) -> Value {
    payloads
        .as_ref()
        .and_then(|p| p.payloads.first())
        .map(decode)
        .unwrap_or(Value::Null)
}

/// A JSON payload's value (others read as null).
pub(super) fn decode(payload: &Payload) -> Value {
    serde_json::from_slice(&payload.data).unwrap_or(Value::Null)
}

mod chain;
mod gate;
mod steps;

pub use chain::chain_timeline;
#[cfg(test)]
mod tests;
