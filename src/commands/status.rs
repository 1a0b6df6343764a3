//! `orca status ID`: what the server knows (describe) plus what the workflow
//! says about itself (the `status` query, with a short deadline so a missing
//! worker never makes this hang).

use std::time::Duration;

use clap::Args;
use serde::Serialize;
use serde_json::{Map, Value};
use temporalio_client::WorkflowExecutionStatus;

use crate::{
    Result,
    client::{Orca, QUERY_DEADLINE, orca_attributes, rfc3339, status_word},
    config::Settings,
    engine::status::{
        ApprovalStatus, Progress, RunStatus, StepState, StepStatus, VoteKind, WORKFLOW_TYPE,
    },
    output::Printer,
};

#[derive(Debug, Clone, Args)]
pub struct StatusArgs {
    /// Workflow ID of the run
    pub id: String,
}

/// `orca status -o json`: stable field names (README "JSON output").
#[derive(Debug, Clone, Serialize)]
pub struct StatusReport {
    pub workflow_id: String,
    pub run_id: String,
    pub workflow_type: String,
    /// Temporal's view: running, completed, failed, cancelled, terminated, timed_out.
    pub temporal_status: String,
    pub pipeline: Option<String>,
    /// orca's phase (from the workflow if it answered, else the search attribute).
    pub phase: Option<String>,
    pub outcome: Option<String>,
    pub started_at: Option<String>,
    pub closed_at: Option<String>,
    pub requested_by: Option<String>,
    pub current_step: Option<String>,
    pub input: Map<String, Value>,
    pub steps: Vec<StepStatus>,
    pub progress: Option<Progress>,
    pub approval: Option<ApprovalStatus>,
    pub paused: bool,
    pub stop_requested: bool,
    /// False when no worker answered the status query in time: only the
    /// server's view is shown.
    pub live: bool,
    /// The running activity of each step (attempt and last failure), from the server.
    pub pending: Vec<PendingStep>,
}

#[derive(Debug, Clone, Serialize)]
pub struct PendingStep {
    pub step: String,
    pub attempt: i32,
    pub last_failure: Option<String>,
}

pub async fn run(args: StatusArgs, settings: Settings, printer: &Printer) -> Result<()> {
    let orca = Orca::connect(settings).await?;
    let report = report(&orca, &args.id).await?;
    printer.emit(&report, |p| print_text(p, &report));
    Ok(())
}

pub async fn report(orca: &Orca, id: &str) -> Result<StatusReport> {
    report_within(orca, id, QUERY_DEADLINE).await
}

/// How long a follower gives a worker to answer for a run that has just
/// closed: the answer needs a replay of the whole history, which a busy
/// worker may not finish within the usual deadline.
pub const CLOSED_RUN_QUERY_DEADLINE: Duration = Duration::from_secs(5);

/// For a follower that saw the run running: `latest` as it is, unless the
/// run has since closed without the worker answering in time; then asked
/// again with `CLOSED_RUN_QUERY_DEADLINE`, so the last events (the decision,
/// the final step) are not lost to a slow replay.
pub async fn closed_report(orca: &Orca, id: &str, latest: StatusReport) -> Result<StatusReport> {
    if latest.temporal_status == "running" || latest.live || latest.workflow_type != WORKFLOW_TYPE {
        return Ok(latest);
    }
    report_within(orca, id, CLOSED_RUN_QUERY_DEADLINE).await
}

/// `report`, giving the worker `deadline` to answer the status query.
pub async fn report_within(orca: &Orca, id: &str, deadline: Duration) -> Result<StatusReport> {
    // Describe and query at once (one round trip saved); the query's answer
    // is used, or its wait abandoned, once describe says what the run is.
    let query = orca.query_status(id, deadline);
    tokio::pin!(query);
    let mut answered = None;
    let description = tokio::select! {
        biased;
        description = orca.describe(id) => description?,
        live = &mut query => {
            answered = Some(live);
            orca.describe(id).await?
        }
    };
    // Only orca's workflows answer the status query; others get the server's view.
    let live = if description.workflow_type() != WORKFLOW_TYPE {
        None
    } else {
        match answered {
            Some(live) => live.unwrap_or(None),
            None => query.await.unwrap_or(None),
        }
    };
    let (sa_pipeline, sa_phase) = orca_attributes(&description.search_attributes());
    let raw = description.raw();
    let pending = raw
        .pending_activities
        .iter()
        .map(|a| PendingStep {
            step: a.activity_id.clone(),
            attempt: a.attempt,
            last_failure: a.last_failure.as_ref().map(|f| f.message.clone()),
        })
        .collect();
    let temporal_status = description.status();
    let mut report = StatusReport {
        workflow_id: description.id().to_string(),
        run_id: description.run_id().to_string(),
        workflow_type: description.workflow_type().to_string(),
        temporal_status: status_word(temporal_status).to_string(),
        pipeline: sa_pipeline,
        phase: sa_phase,
        outcome: None,
        started_at: rfc3339(description.start_time()),
        closed_at: rfc3339(description.close_time()),
        requested_by: None,
        current_step: None,
        input: Map::new(),
        steps: Vec::new(),
        progress: None,
        approval: None,
        paused: false,
        stop_requested: false,
        live: live.is_some(),
        pending,
    };
    if let Some(status) = live {
        apply_live(&mut report, status);
    }
    // A run Temporal ended from outside (cancel, terminate, timeout) never
    // got to update its own phase.
    if !matches!(
        temporal_status,
        WorkflowExecutionStatus::Running | WorkflowExecutionStatus::Completed
    ) && report.outcome.is_none()
    {
        report.phase = Some(report.temporal_status.clone());
    }
    Ok(report)
}

fn apply_live(report: &mut StatusReport, status: RunStatus) {
    report.pipeline = Some(status.pipeline);
    report.phase = Some(status.phase.to_string());
    report.outcome = status.outcome.map(|o| o.to_string());
    report.requested_by = status.requested_by;
    report.current_step = status.current_step;
    report.input = status.input;
    report.steps = status.steps;
    report.progress = status.progress;
    report.approval = status.approval;
    report.paused = status.paused;
    report.stop_requested = status.stop_requested;
}

/// The gate, in words: who may decide, the tally, the decision (a timeout
/// is always called a timeout), and the notifications.
fn approval_rows(
    p: &Printer,
    r: &StatusReport,
    gate: &ApprovalStatus,
    rows: &mut Vec<(&'static str, String)>,
) {
    rows.push(("Approval", format!("{} (step {})", gate.prompt, gate.step)));
    let who = if gate.allowed.is_empty() {
        "anyone".to_string()
    } else if gate.approvers.iter().any(|a| a.starts_with("group:")) {
        format!(
            "{} ({})",
            gate.allowed.join(", "),
            gate.approvers.join(", ")
        )
    } else {
        gate.allowed.join(", ")
    };
    rows.push((
        "Approvers",
        format!("{who}{}", if gate.escalated { " (escalated)" } else { "" }),
    ));
    if gate.required > 1 || !gate.votes.is_empty() {
        let approvers: Vec<&str> = gate
            .votes
            .iter()
            .filter(|v| v.vote == VoteKind::Approve)
            .map(|v| v.by.as_str())
            .collect();
        let mut tally = format!("{} of {}", gate.approvals(), gate.required);
        if !approvers.is_empty() {
            tally.push_str(&format!(" ({})", approvers.join(", ")));
        }
        if gate.rejections() > 0 {
            tally.push_str(&format!(
                "; rejections {} of {}",
                gate.rejections(),
                gate.reject_quorum
            ));
        }
        if gate.decision.is_none() && !gate.waiting_on.is_empty() {
            tally.push_str(&format!("; still allowed: {}", gate.waiting_on.join(", ")));
        }
        rows.push(("Approvals", tally));
    }
    match &gate.decision {
        Some(d) if d.decision.is_timeout() => rows.push((
            "Decision",
            format!(
                "{} at {}: no one decided in time; the gate {} (on_timeout)",
                p.phase(&d.decision.to_string()),
                d.at,
                if d.approved { "opened" } else { "rejected" }
            ),
        )),
        Some(d) => rows.push((
            "Decision",
            format!(
                "{} by {} at {}{}",
                p.phase(&d.decision.to_string()),
                d.by.as_deref().unwrap_or("-"),
                d.at,
                d.comment
                    .as_deref()
                    .map(|c| format!(": {c}"))
                    .unwrap_or_default()
            ),
        )),
        None if r.outcome.is_some() || r.closed_at.is_some() => {
            rows.push(("Decision", "none: the run ended first".into()))
        }
        None => rows.push((
            "Decision",
            format!(
                "waiting{}; decide with: orca approve {id} | orca reject {id}",
                gate.deadline
                    .as_deref()
                    .map(|d| format!(" until {d}"))
                    .unwrap_or_default(),
                id = r.workflow_id
            ),
        )),
    }
    if !gate.notifications.is_empty() {
        let told: Vec<String> = gate
            .notifications
            .iter()
            .map(|n| match &n.error {
                None => format!("{} ok ({})", n.target, n.reason),
                Some(e) => format!("{} FAILED ({}): {e}", n.target, n.reason),
            })
            .collect();
        rows.push(("Notified", told.join("; ")));
    }
}

fn print_text(p: &Printer, r: &StatusReport) {
    let dash = || "-".to_string();
    let mut rows = vec![
        ("Run", r.workflow_id.clone()),
        ("Pipeline", r.pipeline.clone().unwrap_or_else(dash)),
        (
            "Phase",
            r.phase.as_deref().map_or_else(dash, |ph| p.phase(ph)),
        ),
        ("Temporal", r.temporal_status.clone()),
    ];
    if let Some(who) = &r.requested_by {
        rows.push(("Requested by", who.clone()));
    }
    rows.push(("Started", r.started_at.clone().unwrap_or_else(dash)));
    if let Some(closed) = &r.closed_at {
        rows.push(("Closed", closed.clone()));
    }
    if !r.input.is_empty() {
        rows.push(("Input", Value::Object(r.input.clone()).to_string()));
    }
    if let Some(progress) = r.progress {
        rows.push(("Progress", format!("{}/{}", progress.done, progress.total)));
    }
    if r.paused {
        rows.push((
            "Paused",
            "yes: no new step starts until `orca resume`".into(),
        ));
    }
    if r.stop_requested && r.outcome.is_none() {
        rows.push(("Stopping", "after the current step".into()));
    }
    if let Some(gate) = &r.approval {
        approval_rows(p, r, gate, &mut rows);
    }
    if r.workflow_type != WORKFLOW_TYPE {
        rows.push((
            "Note",
            "not an orca pipeline: this is the server's view".into(),
        ));
    } else if !r.live {
        rows.push((
            "Note",
            "live detail unavailable: no worker answered the status query within 2s".into(),
        ));
    }
    p.card(&rows);
    if r.steps.is_empty() {
        return;
    }
    p.line("");
    let rows = r
        .steps
        .iter()
        .map(|s| {
            let pending = r.pending.iter().find(|a| a.step == s.id);
            let attempts = match (pending, s.attempts) {
                (Some(a), _) => a.attempt.to_string(),
                (None, 0) => "-".into(),
                (None, n) => n.to_string(),
            };
            let mut summary = s
                .summary
                .clone()
                .or_else(|| s.error.clone())
                .unwrap_or_default();
            if let Some(failure) = pending.and_then(|a| a.last_failure.as_ref()) {
                summary = format!("retrying after: {failure}");
            }
            let id = match &s.parent {
                Some(_) => format!("  {}", s.id),
                None => s.id.clone(),
            };
            if let (Some(progress), StepState::Running) = (s.progress, s.state) {
                summary = format!("{}/{} items", progress.done, progress.total);
            }
            vec![
                id,
                s.kind.clone(),
                p.phase(s.state.as_str()),
                attempts,
                summary,
            ]
        })
        .collect();
    p.table(&["step", "kind", "state", "attempts", "summary"], rows);
}
