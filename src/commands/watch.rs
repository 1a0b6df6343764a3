//! `orca watch ID` (and `orca start --follow`): follow a run to its end.
//! On a terminal, a live view on stderr; piped, one plain line per change;
//! with `-o jsonl`, one JSON event per change (for other programs). It polls
//! the status query, so it carries on across worker (and server) restarts.

use std::{collections::HashMap, io::IsTerminal, time::Duration};

use clap::Args;
use indicatif::{MultiProgress, ProgressBar, ProgressDrawTarget, ProgressStyle};
use serde_json::{Value, json};

use crate::{
    Error, Result,
    cli::{OutputFormat, parse_duration},
    client::{Orca, StartedRun},
    commands::{
        start::print_end,
        status::{StatusReport, closed_report, report},
    },
    config::Settings,
    engine::status::StepState,
    output::Printer,
};

const POLL: Duration = Duration::from_millis(500);

#[derive(Debug, Clone, Args)]
pub struct WatchArgs {
    /// Workflow ID of the run [default on a terminal: pick from the running runs]
    pub id: Option<String>,

    /// Without an ID: offer only runs of this pipeline
    #[arg(long, value_name = "NAME", conflicts_with = "id")]
    pub pipeline: Option<String>,

    /// Stop watching after this long (exit 8; the run goes on)
    #[arg(long, value_name = "DURATION", value_parser = parse_duration)]
    pub timeout: Option<Duration>,
}

pub async fn run(args: WatchArgs, settings: Settings, printer: &Printer) -> Result<()> {
    if args.id.is_none() && !crate::prompt::interactive() {
        return Err(Error::usage_with_hint(
            "watch needs a run ID",
            "pass the ID, or run it on a terminal to pick one; recent runs: orca list",
        ));
    }
    let orca = Orca::connect(settings).await?;
    let id = match args.id {
        Some(id) => id,
        None => match pick_running(&orca, args.pipeline).await? {
            Some(id) => id,
            None => return Ok(()),
        },
    };
    follow(&orca, &id, printer, args.timeout).await
}

/// On a terminal without an ID: choose among the runs still going.
async fn pick_running(orca: &Orca, pipeline: Option<String>) -> Result<Option<String>> {
    let filter = crate::commands::list::RunFilter {
        pipeline,
        ..Default::default()
    };
    let query = crate::commands::list::build_query(
        &filter,
        None,
        Some(crate::commands::list::TemporalStatus::Running),
    );
    let runs = orca.list(&query, 50).await?;
    if runs.is_empty() {
        eprintln!("no runs are going");
        return Ok(None);
    }
    let items: Vec<String> = runs
        .iter()
        .map(|r| {
            format!(
                "{}  {}  {}",
                r.workflow_id,
                r.pipeline.as_deref().unwrap_or("-"),
                r.phase.as_deref().unwrap_or("-")
            )
        })
        .collect();
    Ok(crate::prompt::select("Which run do you watch?", &items)?
        .map(|i| runs[i].workflow_id.clone()))
}

/// Follows `id` until it closes; the result carries the outcome's exit code.
pub async fn follow(
    orca: &Orca,
    id: &str,
    printer: &Printer,
    timeout: Option<Duration>,
) -> Result<()> {
    let started = std::time::Instant::now();
    let mut view = View::new(printer, id);
    let mut last: Option<StatusReport> = None;
    loop {
        let current = match report(orca, id).await {
            Ok(current) => current,
            // The server is away (restarting?): keep watching.
            Err(Error::Unreachable { .. }) => {
                view.note("Temporal is unreachable; still watching");
                tokio::time::sleep(Duration::from_secs(1)).await;
                continue;
            }
            Err(e) => return Err(e),
        };
        // If it closed while we watched, the worker gets longer to answer,
        // so the last events are shown (a run found closed is shown at once).
        let current = if last.is_some() {
            closed_report(orca, id, current).await?
        } else {
            current
        };
        if current.live || last.is_none() {
            for event in changes(last.as_ref(), &current) {
                view.event(&current, &event);
            }
        }
        view.draw(&current);
        if current.temporal_status != "running" {
            view.close();
            let end = orca.wait(id, None).await?;
            let started_run = StartedRun {
                workflow_id: current.workflow_id.clone(),
                run_id: Some(current.run_id.clone()),
            };
            if printer.format == OutputFormat::Jsonl {
                let mut event = json!({"event": "outcome", "workflow_id": id, "time": now()});
                if let (Some(map), Value::Object(end)) = (event.as_object_mut(), end.to_json()) {
                    map.extend(end);
                }
                printer.json(&event);
            } else {
                print_end(printer, id, &started_run, &end);
            }
            return end.into_result(id);
        }
        if current.live {
            last = Some(current);
        }
        if let Some(limit) = timeout
            && started.elapsed() >= limit
        {
            view.close();
            let phase = last
                .as_ref()
                .and_then(|r| r.phase.clone())
                .unwrap_or_else(|| "running".into());
            return Err(Error::StillRunning {
                id: id.to_string(),
                phase,
                waited: started.elapsed(),
            });
        }
        tokio::time::sleep(POLL).await;
    }
}

/// What changed between two snapshots, as events (the jsonl stream).
fn changes(before: Option<&StatusReport>, now_report: &StatusReport) -> Vec<Value> {
    let mut events = Vec::new();
    let Some(before) = before else {
        events.push(json!({
            "event": "run",
            "pipeline": now_report.pipeline,
            "phase": now_report.phase,
            "requested_by": now_report.requested_by,
            "input": now_report.input,
        }));
        // Whatever already happened, in step order.
        let mut empty = now_report.clone();
        empty.steps.clear();
        empty.approval = None;
        empty.pending.clear();
        events.extend(step_changes(&empty, now_report));
        return events;
    };
    if before.phase != now_report.phase {
        events.push(json!({"event": "phase", "phase": now_report.phase}));
    }
    events.extend(step_changes(before, now_report));
    events
}

fn step_changes(before: &StatusReport, now_report: &StatusReport) -> Vec<Value> {
    let mut events = Vec::new();
    // A decision comes before the step changes it causes.
    match (&before.approval, &now_report.approval) {
        // A gate seen for the first time is announced even if it was decided
        // between two polls: the stream still tells the whole story.
        (old, Some(gate)) if old.as_ref().is_none_or(|o| o.step != gate.step) => {
            events.push(json!({
                "event": "approval_requested",
                "step": gate.step,
                "prompt": gate.prompt,
                "approvers": gate.approvers,
                "deadline": gate.deadline,
            }));
        }
        _ => {}
    }
    if let Some(gate) = &now_report.approval
        && let Some(decision) = &gate.decision
        && before
            .approval
            .as_ref()
            .is_none_or(|o| o.step != gate.step || o.decision.is_none())
    {
        events.push(json!({
            "event": "approval_decided",
            "step": gate.step,
            "decision": decision.decision.to_string(),
            "approved": decision.approved,
            "by": decision.by,
            "comment": decision.comment,
        }));
    }
    let old: HashMap<&str, _> = before.steps.iter().map(|s| (s.id.as_str(), s)).collect();
    for step in &now_report.steps {
        let previous = old.get(step.id.as_str());
        let state_changed = previous.is_none_or(|p| p.state != step.state);
        if state_changed {
            match step.state {
                StepState::Pending => {}
                StepState::Running => events
                    .push(json!({"event": "step_started", "step": step.id, "kind": step.kind})),
                StepState::Waiting => events
                    .push(json!({"event": "step_waiting", "step": step.id, "kind": step.kind})),
                _ => events.push(json!({
                    "event": "step_finished",
                    "step": step.id,
                    "kind": step.kind,
                    "state": step.state.as_str(),
                    "attempts": step.attempts,
                    "summary": step.summary,
                    "error": step.error,
                })),
            }
        }
        if let Some(progress) = step.progress
            && previous.is_none_or(|p| p.progress != step.progress)
            && progress.done > 0
        {
            events.push(json!({"event": "progress", "step": step.id, "done": progress.done, "total": progress.total}));
        }
    }
    for pending in &now_report.pending {
        let was = before.pending.iter().find(|p| p.step == pending.step);
        if pending.attempt > 1 && was.is_none_or(|w| w.attempt != pending.attempt) {
            events.push(json!({
                "event": "retry",
                "step": pending.step,
                "attempt": pending.attempt,
                "last_failure": pending.last_failure,
            }));
        }
    }
    events
}

fn now() -> String {
    humantime::format_rfc3339_seconds(std::time::SystemTime::now()).to_string()
}

/// How the run is shown: a live board on a terminal, lines otherwise.
enum View<'a> {
    Live(Board),
    Lines { printer: &'a Printer, id: String },
    Quiet,
}

impl<'a> View<'a> {
    fn new(printer: &'a Printer, id: &str) -> Self {
        match printer.format {
            OutputFormat::Json => View::Quiet,
            OutputFormat::Jsonl => View::Lines {
                printer,
                id: id.to_string(),
            },
            OutputFormat::Text if std::io::stderr().is_terminal() => View::Live(Board::new(id)),
            OutputFormat::Text => View::Lines {
                printer,
                id: id.to_string(),
            },
        }
    }

    fn event(&mut self, report: &StatusReport, event: &Value) {
        if let View::Lines { printer, id } = self {
            if printer.format == OutputFormat::Jsonl {
                let mut event = event.clone();
                if let Some(map) = event.as_object_mut() {
                    map.insert("workflow_id".into(), json!(id));
                    map.insert("time".into(), json!(now()));
                }
                printer.json(&event);
            } else {
                printer.line(&format!("{} {}", now(), describe(report, event)));
            }
        }
    }

    fn draw(&mut self, report: &StatusReport) {
        if let View::Live(board) = self {
            board.draw(report);
        }
    }

    fn note(&mut self, text: &str) {
        match self {
            View::Live(board) => board.header.set_message(text.to_string()),
            View::Lines { printer, .. } if printer.format == OutputFormat::Text => {
                eprintln!("{text}")
            }
            _ => {}
        }
    }

    fn close(&mut self) {
        if let View::Live(board) = self {
            board.close();
        }
    }
}

/// One line per event, for logs and pipes.
fn describe(report: &StatusReport, event: &Value) -> String {
    let get = |key: &str| {
        event
            .get(key)
            .and_then(Value::as_str)
            .unwrap_or_default()
            .to_string()
    };
    match event["event"].as_str().unwrap_or_default() {
        "run" => format!(
            "run {} of {} is {}",
            report.workflow_id,
            report.pipeline.as_deref().unwrap_or("?"),
            get("phase")
        ),
        "phase" => format!("phase {}", get("phase")),
        "step_started" => format!("step {} started ({})", get("step"), get("kind")),
        "step_waiting" => format!("step {} waiting", get("step")),
        "step_finished" => {
            let detail = event
                .get("summary")
                .and_then(Value::as_str)
                .or_else(|| event.get("error").and_then(Value::as_str))
                .unwrap_or_default();
            format!("step {} {}: {detail}", get("step"), get("state"))
        }
        "progress" => format!("step {} {}/{}", get("step"), event["done"], event["total"]),
        "retry" => format!(
            "step {} attempt {} after: {}",
            get("step"),
            event["attempt"],
            get("last_failure")
        ),
        "approval_requested" => {
            let approvers = event["approvers"]
                .as_array()
                .filter(|a| !a.is_empty())
                .map_or("anyone".into(), |a| {
                    a.iter()
                        .filter_map(Value::as_str)
                        .collect::<Vec<_>>()
                        .join(", ")
                });
            format!(
                "awaiting approval at {}: {} (approvers: {approvers}; orca approve {})",
                get("step"),
                get("prompt"),
                report.workflow_id
            )
        }
        "approval_decided" => format!(
            "{} by {}{}",
            get("decision"),
            event.get("by").and_then(Value::as_str).unwrap_or("timeout"),
            event
                .get("comment")
                .and_then(Value::as_str)
                .map(|c| format!(": {c}"))
                .unwrap_or_default()
        ),
        other => other.to_string(),
    }
}

/// The live terminal view: a header, one line per step, a bar for loops.
struct Board {
    multi: MultiProgress,
    header: ProgressBar,
    steps: Vec<(String, ProgressBar)>,
    gate: Option<ProgressBar>,
}

impl Board {
    fn new(id: &str) -> Self {
        let multi = MultiProgress::with_draw_target(ProgressDrawTarget::stderr_with_hz(8));
        let header = multi.add(ProgressBar::new_spinner());
        header.set_style(spinner("{spinner} {prefix:.bold} {msg}"));
        header.set_prefix(id.to_string());
        header.enable_steady_tick(Duration::from_millis(120));
        Board {
            multi,
            header,
            steps: Vec::new(),
            gate: None,
        }
    }

    fn draw(&mut self, report: &StatusReport) {
        let mut header = format!(
            "{} · {}",
            report.pipeline.as_deref().unwrap_or("?"),
            report.phase.as_deref().unwrap_or("?")
        );
        if !report.live && report.temporal_status == "running" {
            header.push_str(" · waiting for a worker to answer");
        }
        self.header.set_message(header);
        for step in &report.steps {
            let bar = match self.steps.iter().find(|(id, _)| id == &step.id) {
                Some((_, bar)) => bar.clone(),
                None => {
                    let bar = self.multi.add(ProgressBar::new_spinner());
                    bar.set_style(spinner("  {prefix} {msg}"));
                    self.steps.push((step.id.clone(), bar.clone()));
                    bar
                }
            };
            let indent = if step.parent.is_some() { "  " } else { "" };
            bar.set_prefix(format!("{indent}{:<14} {:<9}", step.id, step.kind));
            let attempt = report
                .pending
                .iter()
                .find(|p| p.step == step.id)
                .map(|p| format!(" attempt {}", p.attempt))
                .unwrap_or_default();
            let detail = step
                .summary
                .clone()
                .or_else(|| step.error.clone())
                .unwrap_or_default();
            match (step.progress, step.state) {
                (Some(progress), StepState::Running) => {
                    if bar.length() != Some(progress.total) {
                        bar.set_length(progress.total);
                        bar.set_style(
                            spinner("  {prefix} [{bar:24}] {pos}/{len} {msg}")
                                .progress_chars("=> "),
                        );
                    }
                    bar.set_position(progress.done);
                    bar.set_message(format!("running{attempt}"));
                }
                (_, StepState::Running) => {
                    bar.set_message(format!("running{attempt}"));
                    bar.enable_steady_tick(Duration::from_millis(120));
                }
                (_, state) => {
                    bar.disable_steady_tick();
                    bar.set_message(format!("{} {detail}", state.as_str()));
                }
            }
        }
        match report
            .approval
            .as_ref()
            .filter(|g| g.decision.is_none() && report.temporal_status == "running")
        {
            Some(gate) => {
                let line = self.gate.get_or_insert_with(|| {
                    let bar = self.multi.add(ProgressBar::new_spinner());
                    bar.set_style(spinner("  {msg}"));
                    bar
                });
                let who = if gate.approvers.is_empty() {
                    "anyone".into()
                } else {
                    gate.approvers.join(", ")
                };
                line.set_message(format!(
                    "awaiting approval: {} (approvers: {who}) → orca approve {}",
                    gate.prompt, report.workflow_id
                ));
            }
            None => {
                if let Some(line) = self.gate.take() {
                    line.finish_and_clear();
                }
            }
        }
    }

    fn close(&mut self) {
        self.header.finish();
        for (_, bar) in &self.steps {
            bar.finish();
        }
        if let Some(gate) = self.gate.take() {
            gate.finish_and_clear();
        }
    }
}

fn spinner(template: &str) -> ProgressStyle {
    ProgressStyle::with_template(template).unwrap_or_else(|_| ProgressStyle::default_spinner())
}
