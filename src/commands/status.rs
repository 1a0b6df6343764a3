//! `orca status ID`: what the server knows plus what the workflow says
//! about itself (`ops::run`), with a short deadline so a missing worker
//! never makes this hang.

use clap::Args;
use serde_json::Value;

use crate::{
    Result,
    cli::args::run_id,
    client::{Orca, temporal_run_id},
    config::Settings,
    engine::status::{ApprovalStatus, Delegation, StepState, Vote, VoteKind},
    human::{comment_suffix, proof},
    ops::{
        form::{Form, show},
        pick::{PICK_HINT, given_or_recent},
        run::{PendingStep, RunView, view},
    },
    output::{Cell, Printer},
    prompt,
};

#[derive(Debug, Clone, Args)]
pub struct StatusArgs {
    /// Workflow ID of the run [on a terminal, picked from the recent runs when left out]
    #[arg(value_parser = run_id)]
    pub id: Option<String>,

    /// An earlier run of the ID (one started again under it): its run ID,
    /// from `orca list -o json` or `start -o json` (`run_id`). A run that continued as new
    /// shows where its chain ended [default: the ID's latest run]
    #[arg(long, value_name = "RUN_ID", value_parser = temporal_run_id, requires = "id")]
    pub run_id: Option<String>,

    /// Without an ID: offer only runs of this pipeline
    #[arg(long, value_name = "NAME", conflicts_with = "id")]
    pub pipeline: Option<String>,
}

pub async fn run(args: StatusArgs, settings: Settings, printer: &Printer) -> Result<()> {
    prompt::need_id_or_terminal(args.id.as_deref(), "status", PICK_HINT)?;
    let mut orca = Orca::connect(settings).await?;
    let Some(id) = given_or_recent(&orca, args.id, args.pipeline, "status").await? else {
        return Ok(());
    };
    if let Some(run_id) = &args.run_id {
        // The run the ID named while that chain went on.
        let last = orca.last_run_of(&id, run_id).await?;
        orca = orca.pinned_to(&last);
    }
    let view = view(&orca, &id).await?;
    printer.emit(&view, |p| print_text(p, &view));
    Ok(())
}

/// The gate, in words: who may decide, the tally, the decision, and the
/// notifications.
fn approval_rows(
    p: &Printer,
    r: &RunView,
    gate: &ApprovalStatus,
    rows: &mut Vec<(&'static str, String)>,
) {
    rows.push((
        "Approval",
        format!("{} (step {}{})", gate.prompt, gate.step, round(gate)),
    ));
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
        format!(
            "{who}{}{}",
            if gate.escalated { " (escalated)" } else { "" },
            if gate.signed {
                " (signed decisions only)"
            } else {
                ""
            }
        ),
    ));
    if gate.required > 1 || !gate.votes.is_empty() {
        rows.push(("Approvals", tally(gate)));
    }
    if !gate.votes.is_empty() {
        let votes: Vec<String> = gate.votes.iter().map(vote_text).collect();
        rows.push(("Votes", votes.join("; ")));
    }
    form_rows("Form", &gate.fields, rows);
    form_rows("Reject form", &gate.reject_fields, rows);
    if let Some(decision) = gate.decision.as_ref().filter(|d| !d.fields.is_empty()) {
        rows.push(("Answers", show::values(&decision.fields)));
    }
    for (i, handed) in gate.delegations.iter().enumerate() {
        let key = if i == 0 { "Delegated" } else { "" };
        rows.push((key, delegation_text(handed)));
    }
    rows.push(("Decision", decision_text(p, r, gate)));
    if gate.reminders > 0 {
        rows.push(("Reminders", format!("{} sent", gate.reminders)));
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

/// ", round 2 of 3" for a gate that can send the run back; else nothing.
fn round(gate: &ApprovalStatus) -> String {
    gate.round_of()
        .map(|r| format!(", {r}"))
        .unwrap_or_default()
}

/// "bob (for alice) approved with replicas = 5, verified (SHA256:…)".
fn vote_text(vote: &Vote) -> String {
    let mut text = vote.by.clone();
    if let Some(delegator) = &vote.on_behalf_of {
        text.push_str(&format!(" (for {delegator})"));
    }
    text.push_str(&format!(" {}", vote.vote.past()));
    if !vote.fields.is_empty() {
        text.push_str(&format!(" with {}", show::values(&vote.fields)));
    }
    format!("{text}, {}", proof(vote.key.as_deref()))
}

/// The form asked, one field per line, under `label`.
fn form_rows(label: &'static str, form: &Form, rows: &mut Vec<(&'static str, String)>) {
    for (i, (name, spec)) in form.iter().enumerate() {
        rows.push((if i == 0 { label } else { "" }, show::field(name, spec)));
    }
}

/// "by alice to bob: on leave, verified (SHA256:…)".
fn delegation_text(handed: &Delegation) -> String {
    format!(
        "by {} to {}{}, {}",
        handed.by,
        handed.to,
        comment_suffix(handed.comment.as_deref()),
        proof(handed.key.as_deref())
    )
}

/// "1 of 2 (alice); still allowed: bob, carol".
fn tally(gate: &ApprovalStatus) -> String {
    let approvers: Vec<&str> = gate
        .votes
        .iter()
        .filter(|v| v.vote == VoteKind::Approve)
        .map(|v| v.by.as_str())
        .collect();
    let mut tally = format!("{} of {}", approvers.len(), gate.required);
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
    tally
}

/// The decision in words (a timeout is always called a timeout), or what
/// the gate waits for.
fn decision_text(p: &Printer, r: &RunView, gate: &ApprovalStatus) -> String {
    if let (Some(changes), Some(round)) = (&gate.changes_requested, gate.sent_back()) {
        return format!(
            "changes requested by {} at {}: {}; the run went back to `{}` ({})",
            changes.by,
            changes.at,
            changes.feedback,
            gate.on_changes.as_deref().unwrap_or("?"),
            round
        );
    }
    match &gate.decision {
        Some(d) if d.decision.is_timeout() => format!(
            "{} at {}: no one decided in time; the gate {} (on_timeout)",
            p.state(&d.decision),
            d.at,
            if d.approved { "opened" } else { "rejected" }
        ),
        Some(d) => format!(
            "{} by {} at {}{}",
            p.state(&d.decision),
            d.by.as_deref().unwrap_or("-"),
            d.at,
            comment_suffix(d.comment.as_deref())
        ),
        None if r.outcome.is_some() || r.closed_at.is_some() => "none: the run ended first".into(),
        None => format!(
            "waiting{}; decide with: orca approve {id} | orca reject {id}{}",
            gate.deadline
                .as_deref()
                .map(|d| format!(" until {d}"))
                .unwrap_or_default(),
            other_acts(gate, &r.workflow_id),
            id = r.workflow_id
        ),
    }
}

/// The acts besides approve and reject that the open gate takes.
fn other_acts(gate: &ApprovalStatus, id: &str) -> String {
    let mut acts = String::new();
    if gate.on_changes.is_some() && gate.round < gate.max_rounds {
        acts.push_str(&format!(" | orca request-changes {id} -c TEXT"));
    }
    if gate.allow_delegation && !gate.allowed.is_empty() {
        acts.push_str(&format!(" | orca delegate {id} --to NAME"));
    }
    acts
}

fn print_text(p: &Printer, r: &RunView) {
    let dash = || "-".to_string();
    let mut rows = vec![
        ("Run", r.workflow_id.clone()),
        ("Pipeline", r.pipeline.clone().unwrap_or_else(dash)),
        ("Phase", r.phase.map_or_else(dash, |ph| p.state(&ph))),
        ("Temporal", r.temporal_status.to_string()),
    ];
    if let Some(who) = &r.requested_by {
        let how = match (&r.requester_key, &r.scheduled_by) {
            (_, Some(schedule)) => format!(", started by schedule {schedule}"),
            (key, None) if r.live => format!(", {}", proof(key.as_deref())),
            _ => String::new(),
        };
        rows.push(("Requested by", format!("{who}{how}")));
    }
    rows.push(("Started", r.started_at.clone().unwrap_or_else(dash)));
    if r.continued > 0 {
        let times = if r.continued == 1 { "time" } else { "times" };
        rows.push((
            "Continued",
            format!(
                "{} {times} as new, to keep its history short (same ID; nothing to do)",
                r.continued
            ),
        ));
    }
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
    outcome_rows(r, &mut rows);
    p.card(&rows);
    if !r.steps.is_empty() {
        p.line("");
        p.table(
            &["step", "kind", "state", "attempts", "summary"],
            step_rows(r),
        );
    }
}

/// How the run ended or what it waits for, and what the view lacks.
fn outcome_rows(r: &RunView, rows: &mut Vec<(&'static str, String)>) {
    if let Some(result) = &r.result {
        rows.push(("Result", result.to_string()));
    }
    if let Some(failure) = &r.failure {
        rows.push(("Failure", failure.clone()));
    }
    if let Some(terminated) = &r.terminated {
        rows.push(("Terminated", terminated.to_string()));
    }
    if let Some(waiting) = waiting_row(r) {
        rows.push(("Waiting", waiting));
    }
    if !r.is_orca() {
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
}

/// "waiting for a worker with --allow-commands (task queue orca-commands)"
/// for a step activity no worker may take yet.
fn waiting_text(pending: &PendingStep) -> Option<String> {
    let capability = pending.waiting_for?;
    let queue = pending.task_queue.as_deref().unwrap_or("?");
    Some(format!("waiting for {capability} (task queue {queue})"))
}

/// The steps (loop items too) that wait for a worker with a capability.
fn waiting_row(r: &RunView) -> Option<String> {
    let waiting: Vec<String> = r
        .pending
        .iter()
        .filter_map(|p| waiting_text(p).map(|text| format!("{}: {text}", p.step)))
        .collect();
    (!waiting.is_empty()).then(|| waiting.join("; "))
}

/// One row per step: its state, attempts (the running one's from the
/// server), and what it said or why it failed.
fn step_rows(r: &RunView) -> Vec<Vec<Cell>> {
    r.steps
        .iter()
        .map(|s| {
            let pending = r.pending.iter().find(|a| a.step == s.id);
            let attempts = match (pending, s.attempts) {
                (Some(a), _) => a.attempt.to_string(),
                (None, 0) => "-".into(),
                (None, n) => n.to_string(),
            };
            let mut summary = s.detail().unwrap_or_default().to_string();
            if let Some(failure) = pending.and_then(|a| a.last_failure.as_ref()) {
                summary = format!("retrying after: {failure}");
            } else if let Some(waiting) = pending.and_then(waiting_text) {
                summary = waiting;
            }
            let id = match &s.parent {
                Some(_) => format!("  {}", s.id),
                None => s.id.clone(),
            };
            if let (Some(progress), StepState::Running) = (s.progress, s.state) {
                summary = format!("{}/{} items", progress.done, progress.total);
            }
            vec![
                Cell::from(id),
                Cell::from(s.kind.as_str()),
                Cell::toned(&s.state),
                Cell::from(attempts),
                Cell::from(summary),
            ]
        })
        .collect()
}
