//! `orca history ID`: a readable timeline of a run from its event history:
//! steps with attempts and durations, approvals with who/when/why, signals,
//! phase changes and the outcome. `-o json` gives the same entries as data.

use std::{collections::HashMap, time::SystemTime};

use base64::Engine as _;
use clap::Args;
use serde::Serialize;
use serde_json::Value;

use crate::{
    Result,
    client::Orca,
    config::Settings,
    engine::status::{MEMO_PROGRESS, MEMO_PROMPT, SA_PHASE},
    output::Printer,
};

#[derive(Debug, Clone, Args)]
pub struct HistoryArgs {
    /// Workflow ID of the run
    pub id: String,
}

/// One line of the timeline.
#[derive(Debug, Clone, Serialize)]
pub struct Entry {
    /// RFC 3339, from the server's event.
    pub time: String,
    /// Milliseconds since the run started.
    pub offset_ms: u64,
    /// started, phase, approval_requested, approve, reject, signal, step_started,
    /// step_completed, step_failed, step_timed_out, step_cancelled, timer_started,
    /// timer_fired, progress, cancel_requested, completed, failed, cancelled,
    /// terminated, timed_out, task_failed.
    pub event: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub step: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub attempt: Option<u64>,
    pub detail: String,
}

pub async fn run(args: HistoryArgs, settings: Settings, printer: &Printer) -> Result<()> {
    let orca = Orca::connect(settings).await?;
    let history = orca.history_json(&args.id).await?;
    let entries = timeline(&history);
    match printer.format {
        crate::cli::OutputFormat::Json => printer.json(&entries),
        crate::cli::OutputFormat::Jsonl => entries.iter().for_each(|e| printer.json(e)),
        crate::cli::OutputFormat::Text => {
            let rows = entries
                .iter()
                .map(|e| {
                    let what = match &e.step {
                        Some(step) => format!("{} {step}", e.event),
                        None => e.event.clone(),
                    };
                    let detail = match e.attempt {
                        Some(attempt) if attempt > 1 => format!("{} (attempt {attempt})", e.detail),
                        _ => e.detail.clone(),
                    };
                    vec![
                        format!("+{:.3}s", e.offset_ms as f64 / 1000.0),
                        what,
                        detail,
                    ]
                })
                .collect();
            printer.table(&["time", "event", "detail"], rows);
        }
    }
    Ok(())
}

/// Builds the timeline from a history as JSON: the SDK's encoding
/// (snake_case, `attributes: {"XEventAttributes": …}`) or protojson (as
/// `temporal workflow show -o json` writes it).
pub fn timeline(history: &Value) -> Vec<Entry> {
    let empty = Vec::new();
    let events = history["events"].as_array().unwrap_or(&empty);
    let start = events
        .first()
        .and_then(event_time)
        .unwrap_or(SystemTime::UNIX_EPOCH);
    // scheduled event id → (step, activity type, scheduled time)
    let mut activities: HashMap<String, (String, String, SystemTime)> = HashMap::new();
    let mut timers: HashMap<String, String> = HashMap::new();
    let mut entries = Vec::new();

    for event in events {
        let time = event_time(event).unwrap_or(start);
        let mut push = |kind: &str, step: Option<String>, attempt: Option<u64>, detail: String| {
            entries.push(Entry {
                time: humantime::format_rfc3339_millis(time).to_string(),
                offset_ms: time.duration_since(start).unwrap_or_default().as_millis() as u64,
                event: kind.to_string(),
                step,
                attempt,
                detail,
            });
        };
        let id = id_text(field(event, "event_id"));
        let (kind, attrs) = attributes(event);
        match kind.as_str() {
            "WorkflowExecutionStarted" => {
                let input = first_payload(field(attrs, "input"));
                let pipeline = match &input["pipeline"] {
                    Value::String(name) => name.clone(),
                    Value::Object(spec) => spec
                        .get("name")
                        .and_then(Value::as_str)
                        .unwrap_or("inline")
                        .to_string(),
                    _ => field(attrs, "workflow_type")["name"]
                        .as_str()
                        .unwrap_or_default()
                        .to_string(),
                };
                let mut detail = pipeline;
                if let Some(who) = input["requested_by"].as_str() {
                    detail.push_str(&format!(", requested by {who}"));
                }
                if let Some(map) = input["input"].as_object().filter(|m| !m.is_empty()) {
                    detail.push_str(&format!(", input {}", Value::Object(map.clone())));
                }
                push("started", None, None, detail);
            }
            "UpsertWorkflowSearchAttributes" => {
                let fields = field(field(attrs, "search_attributes"), "indexed_fields");
                if let Some(phase) = fields
                    .get(SA_PHASE)
                    .map(decode)
                    .and_then(|v| v.as_str().map(str::to_string))
                {
                    push("phase", None, None, phase);
                }
            }
            "WorkflowPropertiesModified" => {
                let fields = field(field(attrs, "upserted_memo"), "fields");
                if let Some(prompt) = fields
                    .get(MEMO_PROMPT)
                    .map(decode)
                    .and_then(|v| v.as_str().map(str::to_string))
                {
                    push("approval_requested", None, None, prompt);
                }
                if let Some(progress) = fields
                    .get(MEMO_PROGRESS)
                    .map(decode)
                    .and_then(|v| v.as_str().map(str::to_string))
                {
                    push("progress", None, None, progress);
                }
            }
            "WorkflowExecutionUpdateAccepted" => {
                let request = field(field(attrs, "accepted_request"), "input");
                let name = request["name"].as_str().unwrap_or("update");
                let arg = first_payload(&request["args"]);
                push(name, None, None, decision_text(&arg));
            }
            "WorkflowExecutionSignaled" => {
                let name = field(attrs, "signal_name").as_str().unwrap_or("signal");
                let arg = first_payload(field(attrs, "input"));
                let mut detail = name.to_string();
                if matches!(name, "approve" | "reject") {
                    detail = format!("{name} {}", decision_text(&arg));
                }
                if let Some(identity) = field(attrs, "identity").as_str().filter(|i| !i.is_empty())
                {
                    detail.push_str(&format!(" (from {identity})"));
                }
                push("signal", None, None, detail);
            }
            "ActivityTaskScheduled" => {
                let step = field(attrs, "activity_id")
                    .as_str()
                    .unwrap_or_default()
                    .to_string();
                let activity = field(attrs, "activity_type")["name"]
                    .as_str()
                    .unwrap_or_default()
                    .to_string();
                activities.insert(id.clone(), (step, activity, time));
            }
            "ActivityTaskStarted" => {
                let (step, activity, _) = activities
                    .get(&id_text(field(attrs, "scheduled_event_id")))
                    .cloned()
                    .unwrap_or((String::new(), String::new(), time));
                let attempt = field(attrs, "attempt").as_u64();
                let mut detail = format!("started ({activity})");
                if let Some(failure) = field(attrs, "last_failure")["message"].as_str() {
                    detail.push_str(&format!(" after failed attempts; last: {failure}"));
                }
                push("step_started", Some(step), attempt, detail);
            }
            "ActivityTaskCompleted"
            | "ActivityTaskFailed"
            | "ActivityTaskTimedOut"
            | "ActivityTaskCanceled" => {
                let (step, scheduled_at) =
                    match activities.get(&id_text(field(attrs, "scheduled_event_id"))) {
                        Some((step, _, at)) => (step.clone(), *at),
                        None => (String::new(), time),
                    };
                let took = time.duration_since(scheduled_at).unwrap_or_default();
                let took = format!("{:.1}s", took.as_secs_f64());
                let failure = failure_message(field(attrs, "failure"));
                let (name, detail) = match kind.as_str() {
                    "ActivityTaskCompleted" => {
                        ("step_completed", format!("completed after {took}"))
                    }
                    "ActivityTaskFailed" => {
                        ("step_failed", format!("failed after {took}: {failure}"))
                    }
                    "ActivityTaskTimedOut" => (
                        "step_timed_out",
                        format!("timed out after {took}: {failure}"),
                    ),
                    _ => ("step_cancelled", format!("cancelled after {took}")),
                };
                push(name, Some(step), None, detail);
            }
            "TimerStarted" => {
                let timer = id_text(field(attrs, "timer_id"));
                let duration = duration_text(field(attrs, "start_to_fire_timeout"));
                timers.insert(timer, duration.clone());
                push("timer_started", None, None, duration);
            }
            "TimerFired" => {
                let duration = timers
                    .get(&id_text(field(attrs, "timer_id")))
                    .cloned()
                    .unwrap_or_default();
                push("timer_fired", None, None, format!("after {duration}"));
            }
            "WorkflowExecutionCancelRequested" => {
                let reason = field(attrs, "cause").as_str().unwrap_or_default();
                let who = field(attrs, "identity").as_str().unwrap_or_default();
                push(
                    "cancel_requested",
                    None,
                    None,
                    format!("{reason} (from {who})"),
                );
            }
            "WorkflowExecutionCompleted" => {
                let result = first_payload(field(attrs, "result"));
                let mut detail = match result["outcome"].as_str() {
                    Some(outcome) => format!("outcome {outcome}"),
                    None => "completed".to_string(),
                };
                if let Some(why) = result["detail"].as_str() {
                    detail.push_str(&format!(" ({why})"));
                }
                push("completed", None, None, detail);
            }
            "WorkflowExecutionFailed" => push(
                "failed",
                None,
                None,
                failure_message(field(attrs, "failure")),
            ),
            "WorkflowExecutionCanceled" => push("cancelled", None, None, String::new()),
            "WorkflowExecutionTerminated" => {
                let reason = field(attrs, "reason").as_str().unwrap_or_default();
                let who = field(attrs, "identity").as_str().unwrap_or_default();
                push("terminated", None, None, format!("{reason} (by {who})"));
            }
            "WorkflowExecutionTimedOut" => push("timed_out", None, None, String::new()),
            "WorkflowTaskFailed" => {
                let cause = id_text(field(attrs, "cause"));
                push(
                    "task_failed",
                    None,
                    None,
                    format!("{cause}: {}", failure_message(field(attrs, "failure"))),
                );
            }
            _ => {}
        }
    }
    entries
}

/// The event's kind (`WorkflowExecutionStarted`) and its attributes, in either encoding.
fn attributes(event: &Value) -> (String, &Value) {
    let found = match event.get("attributes").and_then(Value::as_object) {
        Some(map) => map.iter().next(),
        None => event
            .as_object()
            .and_then(|m| m.iter().find(|(k, _)| k.ends_with("EventAttributes"))),
    };
    match found {
        Some((key, value)) => {
            let kind = key.trim_end_matches("EventAttributes");
            let mut chars = kind.chars();
            let kind = chars
                .next()
                .map(|c| c.to_ascii_uppercase().to_string() + chars.as_str())
                .unwrap_or_default();
            (kind, value)
        }
        None => (String::new(), &Value::Null),
    }
}

/// A field under its snake_case name, or its protojson camelCase one.
fn field<'a>(value: &'a Value, snake: &str) -> &'a Value {
    if let Some(found) = value.get(snake) {
        return found;
    }
    let mut camel = String::new();
    let mut upper = false;
    for c in snake.chars() {
        if c == '_' {
            upper = true;
        } else if upper {
            camel.push(c.to_ascii_uppercase());
            upper = false;
        } else {
            camel.push(c);
        }
    }
    value.get(&camel).unwrap_or(&Value::Null)
}

/// "10.000000000s", "10s" or {"seconds": 10} → "10s".
fn duration_text(value: &Value) -> String {
    match value {
        Value::String(text) => text
            .trim_end_matches('s')
            .parse::<f64>()
            .map(|secs| {
                humantime::format_duration(std::time::Duration::from_secs_f64(secs)).to_string()
            })
            .unwrap_or_else(|_| text.clone()),
        Value::Object(map) => map
            .get("seconds")
            .and_then(Value::as_u64)
            .map(|s| humantime::format_duration(std::time::Duration::from_secs(s)).to_string())
            .unwrap_or_default(),
        _ => String::new(),
    }
}

fn decision_text(arg: &Value) -> String {
    let by = arg["by"].as_str().unwrap_or("?");
    match arg["comment"].as_str() {
        Some(comment) => format!("by {by}: {comment}"),
        None => format!("by {by}"),
    }
}

/// Event ids are strings in protojson ("12") but tolerate numbers.
fn id_text(value: &Value) -> String {
    match value {
        Value::String(s) => s.clone(),
        other => other.to_string(),
    }
}

fn event_time(event: &Value) -> Option<SystemTime> {
    humantime::parse_rfc3339(field(event, "event_time").as_str()?).ok()
}

fn failure_message(failure: &Value) -> String {
    let mut message = failure["message"].as_str().unwrap_or_default().to_string();
    // Activity failures wrap the real message in their cause.
    if let Some(cause) = failure["cause"]["message"].as_str() {
        message = format!("{message}: {cause}");
    }
    message
}

/// The first payload of a `{"payloads": [...]}` object, decoded as JSON.
fn first_payload(payloads: &Value) -> Value {
    payloads["payloads"]
        .get(0)
        .map(decode)
        .unwrap_or(Value::Null)
}

/// A protojson payload (base64 data, json/plain encoding) → its JSON value.
fn decode(payload: &Value) -> Value {
    let engine = base64::engine::general_purpose::STANDARD;
    payload["data"]
        .as_str()
        .and_then(|data| engine.decode(data).ok())
        .and_then(|bytes| serde_json::from_slice(&bytes).ok())
        .unwrap_or(Value::Null)
}
