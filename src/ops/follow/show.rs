//! What a person or a program sees while a run is followed: a live board
//! on a terminal, one line per change when piped, one JSON event per change
//! with `-o jsonl`; and the run's end, printed the one way.

use std::{io::IsTerminal, time::Duration};

use indicatif::{MultiProgress, ProgressBar, ProgressDrawTarget, ProgressStyle};
use serde::Serialize;
use serde_json::{Value, json};

use super::events::{RunEvent, changes, describe};
use crate::{
    client::{RunEnd, StartedRun},
    engine::status::{StepState, names_or_anyone},
    ops::run::RunView,
    output::OutputFormat,
    output::Printer,
};

/// How a followed run is shown.
pub enum Display<'a> {
    Live(Board),
    Lines {
        printer: &'a Printer,
        id: String,
    },
    /// Nothing until the end (`-o json`, `wait`, `start --wait`).
    Quiet,
}

impl<'a> Display<'a> {
    /// `watch`'s choice: a board on a terminal, lines when piped or jsonl.
    pub fn for_watch(printer: &'a Printer, id: &str) -> Self {
        let lines = || Display::Lines {
            printer,
            id: id.to_string(),
        };
        match printer.format {
            OutputFormat::Json => Display::Quiet,
            OutputFormat::Jsonl => lines(),
            OutputFormat::Text if std::io::stderr().is_terminal() => Display::Live(Board::new(id)),
            OutputFormat::Text => lines(),
        }
    }
}

/// An event as `watch -o jsonl` prints it: with the run (and which run of
/// its chain, should it continue as new) and the time.
#[derive(Serialize)]
struct Stamped<'e> {
    #[serde(flatten)]
    event: &'e RunEvent,
    workflow_id: &'e str,
    run_id: &'e str,
    time: String,
}

/// What the follow loop tells the display.
impl Display<'_> {
    /// A new view; `before` is the last one the worker answered for.
    pub(super) fn seen(&mut self, before: Option<&RunView>, now: &RunView) {
        match self {
            Display::Live(board) => board.draw(now),
            Display::Lines { printer, id } => {
                for event in changes(before, now) {
                    if printer.format == OutputFormat::Jsonl {
                        printer.json(&Stamped {
                            event: &event,
                            workflow_id: id,
                            run_id: &now.run_id,
                            time: now_text(),
                        });
                    } else {
                        printer.line(&format!("{} {}", now_text(), describe(&event, id)));
                    }
                }
            }
            Display::Quiet => {}
        }
    }

    /// Something worth a word meanwhile (Temporal is away for a moment).
    pub(super) fn note(&mut self, text: &str) {
        match self {
            Display::Live(board) => board.header.set_message(text.to_string()),
            Display::Lines { printer, .. } if printer.is_text() => eprintln!("{text}"),
            _ => {}
        }
    }

    /// The follow is over: tidy the terminal.
    pub(super) fn close(&mut self) {
        if let Display::Live(board) = self {
            board.close();
        }
    }

    /// Whether views are wanted at all (else only the end is awaited).
    pub(super) fn watches(&self) -> bool {
        !matches!(self, Display::Quiet)
    }
}

fn now_text() -> String {
    humantime::format_rfc3339_seconds(std::time::SystemTime::now()).to_string()
}

/// The live terminal view: a header, one line per step, a bar for loops.
pub struct Board {
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

    fn draw(&mut self, view: &RunView) {
        let mut header = format!(
            "{} · {}",
            view.pipeline.as_deref().unwrap_or("?"),
            view.phase.map_or("?", |p| p.as_str())
        );
        if !view.live && view.is_running() {
            header.push_str(" · waiting for a worker to answer");
        }
        self.header.set_message(header);
        for step in &view.steps {
            let bar = self.step_bar(&step.id);
            let indent = if step.parent.is_some() { "  " } else { "" };
            bar.set_prefix(format!("{indent}{:<14} {:<9}", step.id, step.kind));
            let attempt = view
                .pending
                .iter()
                .find(|p| p.step == step.id)
                .map(|p| match p.waiting_for {
                    Some(capability) => format!(", waiting for {capability}"),
                    None => format!(" attempt {}", p.attempt),
                })
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
                    let detail = step.detail().unwrap_or_default();
                    bar.set_message(format!("{state} {detail}"));
                }
            }
        }
        self.draw_gate(view);
    }

    fn step_bar(&mut self, id: &str) -> ProgressBar {
        if let Some((_, bar)) = self.steps.iter().find(|(step, _)| step == id) {
            return bar.clone();
        }
        let bar = self.multi.add(ProgressBar::new_spinner());
        bar.set_style(spinner("  {prefix} {msg}"));
        self.steps.push((id.to_string(), bar.clone()));
        bar
    }

    /// The open gate and who may decide it, while the run waits there.
    fn draw_gate(&mut self, view: &RunView) {
        let open = view
            .approval
            .as_ref()
            .filter(|g| !g.is_closed() && view.is_running());
        let Some(gate) = open else {
            if let Some(line) = self.gate.take() {
                line.finish_and_clear();
            }
            return;
        };
        let line = self.gate.get_or_insert_with(|| {
            let bar = self.multi.add(ProgressBar::new_spinner());
            bar.set_style(spinner("  {msg}"));
            bar
        });
        let who = names_or_anyone(&gate.approvers);
        let round = gate
            .round_of()
            .map(|r| format!(" ({r})"))
            .unwrap_or_default();
        line.set_message(format!(
            "awaiting approval{round}: {} (approvers: {who}) → orca approve {}",
            gate.prompt, view.workflow_id
        ));
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

impl Display<'_> {
    /// The run's end: an `outcome` event in a jsonl stream, else the report.
    pub fn finish(&self, printer: &Printer, started: &StartedRun, end: &RunEnd) {
        match self {
            Display::Lines { printer, id } if printer.format == OutputFormat::Jsonl => {
                let event = json!({
                    "event": "outcome",
                    "workflow_id": id,
                    "run_id": started.run_id,
                    "time": now_text(),
                });
                printer.json(&with_end(event, end));
            }
            _ => print_end(printer, started, end),
        }
    }
}

/// The final report of a followed or awaited run: the outcome and each
/// step's output in text, one document (one line with jsonl) otherwise.
fn print_end(printer: &Printer, started: &StartedRun, end: &RunEnd) {
    if printer.is_text() {
        print_end_text(printer, &started.workflow_id, end);
    } else {
        let report = json!({"workflow_id": started.workflow_id, "run_id": started.run_id});
        printer.json(&with_end(report, end));
    }
}

fn with_end(mut report: Value, end: &RunEnd) -> Value {
    if let (Some(map), Value::Object(end)) = (report.as_object_mut(), end.to_json()) {
        map.extend(end);
    }
    report
}

fn print_end_text(printer: &Printer, id: &str, end: &RunEnd) {
    let mut line = format!("{id}: {}", printer.state(&end.phase()));
    match end {
        RunEnd::Completed(result) => {
            if let Some(detail) = &result.detail {
                line.push_str(&format!(" ({detail})"));
            }
            printer.line(&line);
            for (step, output) in &result.steps {
                printer.line(&format!("  {step}: {}", compact(output)));
            }
        }
        RunEnd::Foreign(result) => {
            printer.line(&line);
            printer.line(&format!("  result: {}", compact(result)));
        }
        RunEnd::Failed {
            message,
            terminated,
            ..
        } => {
            if let Some(message) = message {
                line.push_str(&format!(" ({message})"));
            } else if let Some(terminated) = terminated {
                line.push_str(&format!(": {terminated}"));
            }
            printer.line(&line);
        }
    }
}

fn compact(value: &Value) -> String {
    crate::human::clip(&serde_json::to_string(value).unwrap_or_default(), 200)
}
