//! What a schedule is and has done: its spec in words, state, policies,
//! next runs, and its recent runs with how each ended.

use std::time::Duration;

use serde::Serialize;
use serde_json::{Map, Value};
use temporalio_common::protos::temporal::api::{
    schedule::v1::Schedule, workflowservice::v1::DescribeScheduleResponse,
};

use crate::{
    Result,
    client::{Orca, RunPhase, rfc3339, shown_phase, system_time},
    schedule::{Overlap, ScheduleDef, definition_of},
};

/// What `list` and `describe` show about one schedule.
#[derive(Debug, Serialize)]
pub struct ScheduleView {
    pub name: String,
    pub pipeline: Option<String>,
    pub input: Option<Map<String, Value>>,
    pub spec: String,
    pub paused: bool,
    pub note: String,
    pub overlap: Option<Overlap>,
    pub catchup_window: Option<String>,
    pub pause_on_failure: bool,
    /// Runs started so far.
    pub action_count: i64,
    /// Runs skipped because the previous one was still going (overlap policy).
    pub overlap_skipped: i64,
    /// Runs missed because they were later than the catch-up window.
    pub missed_catchup_window: i64,
    pub buffer_dropped: i64,
    /// When it fires next; none while paused (the server goes on
    /// computing fire times for a paused schedule, but none of them runs).
    pub next_run: Option<String>,
    /// The next five fire times; empty while paused.
    pub next_runs: Vec<String>,
    pub recent_runs: Vec<RecentRun>,
    pub running: Vec<String>,
    pub created_at: Option<String>,
    pub updated_at: Option<String>,
    /// The definition orca stored (null for schedules made elsewhere).
    pub definition: Option<ScheduleDef>,
}

#[derive(Debug, Serialize)]
pub struct RecentRun {
    pub workflow_id: String,
    pub run_id: String,
    pub scheduled_at: Option<String>,
    pub started_at: Option<String>,
    /// Temporal's status, or for a completed run, orca's outcome; none when
    /// the run can no longer be described.
    pub outcome: Option<RunPhase>,
}

/// A schedule with its `recent` latest runs and how each ended.
pub async fn view(orca: &Orca, name: &str, recent: usize) -> Result<ScheduleView> {
    let DescribeScheduleResponse { schedule, info, .. } = orca.describe_schedule(name).await?;
    let mut schedule: Schedule = schedule.unwrap_or_default();
    let info = info.unwrap_or_default();
    let definition = definition_of(&schedule);
    let state = schedule.state.take().unwrap_or_default();
    let policies = schedule.policies.take().unwrap_or_default();
    let next_runs: Vec<String> = match state.paused {
        true => Vec::new(),
        false => info
            .future_action_times
            .iter()
            .take(5)
            .filter_map(|t| timestamp(Some(t)))
            .collect(),
    };
    let mut recent_runs = Vec::new();
    for action in info.recent_actions.iter().rev().take(recent) {
        let Some(run) = &action.start_workflow_result else {
            continue;
        };
        let outcome = orca
            .describe(&run.workflow_id)
            .await
            .ok()
            .map(|description| shown_phase(&description));
        recent_runs.push(RecentRun {
            workflow_id: run.workflow_id.clone(),
            run_id: run.run_id.clone(),
            scheduled_at: timestamp(action.schedule_time.as_ref()),
            started_at: timestamp(action.actual_time.as_ref()),
            outcome,
        });
    }
    Ok(ScheduleView {
        name: name.to_string(),
        pipeline: definition.as_ref().map(|d| d.pipeline.clone()),
        input: definition.as_ref().map(|d| d.input.clone()),
        spec: definition
            .as_ref()
            .map_or_else(|| spec_in_words(&schedule), ScheduleDef::describe_spec),
        paused: state.paused,
        note: state.notes.clone(),
        overlap: Overlap::from_proto(policies.overlap_policy),
        catchup_window: policies.catchup_window.as_ref().map(|d| {
            let secs = d.seconds.max(0) as u64;
            // Whole days read better than humantime's months for the 365-day default.
            if secs >= 86_400 && secs.is_multiple_of(86_400) {
                format!("{}d", secs / 86_400)
            } else {
                humantime::format_duration(Duration::from_secs(secs)).to_string()
            }
        }),
        pause_on_failure: policies.pause_on_failure,
        action_count: info.action_count,
        overlap_skipped: info.overlap_skipped,
        missed_catchup_window: info.missed_catchup_window,
        buffer_dropped: info.buffer_dropped,
        next_run: next_runs.first().cloned(),
        next_runs,
        recent_runs,
        running: info
            .running_workflows
            .iter()
            .map(|w| w.workflow_id.clone())
            .collect(),
        created_at: timestamp(info.create_time.as_ref()),
        updated_at: timestamp(info.update_time.as_ref()),
        definition,
    })
}

/// A protobuf timestamp as RFC 3339.
fn timestamp(time: Option<&prost_wkt_types::Timestamp>) -> Option<String> {
    rfc3339(time.and_then(system_time))
}

/// For schedules orca did not make: intervals and cron strings in words.
fn spec_in_words(schedule: &Schedule) -> String {
    let Some(spec) = &schedule.spec else {
        return "-".into();
    };
    let mut parts: Vec<String> = spec
        .interval
        .iter()
        .filter_map(|i| i.interval.as_ref())
        .map(|d| {
            format!(
                "every {}",
                humantime::format_duration(Duration::from_secs(d.seconds.max(0) as u64))
            )
        })
        .collect();
    parts.extend(spec.cron_string.iter().map(|c| format!("cron {c}")));
    if !spec.calendar.is_empty() || !spec.structured_calendar.is_empty() {
        parts.push("calendar".into());
    }
    if parts.is_empty() {
        "-".into()
    } else {
        parts.join(", ")
    }
}
