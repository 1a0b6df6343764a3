//! What a person or a program sees while a run is followed: a live board
//! on a terminal (`watch`), one line per change when piped, one JSON event
//! per change with `-o jsonl`, one status line on a terminal's stderr
//! (`wait`, `start --wait`); and the run's end, printed the one way.

use std::io::IsTerminal;

use serde::Serialize;
use serde_json::{Value, json};

use super::{
    board::Board,
    events::{RunEvent, Teller, describe},
    status_line::{StatusLine, waiting_for},
};
use crate::{
    client::{RunEnd, StartedRun},
    ops::run::RunView,
    output::{OutputFormat, Printer},
};

/// How a followed run is shown.
pub enum Display<'a> {
    /// `watch` at a terminal; `outputs`: the end lists each step's output.
    Live { board: Board, outputs: bool },
    Lines {
        printer: &'a Printer,
        id: String,
        teller: Teller,
        outputs: bool,
    },
    /// What the run waits for, on a terminal's stderr (`wait`, `start --wait`).
    Status(StatusLine),
    /// Nothing until the end (`-o json`, or off a terminal).
    Quiet,
}

impl<'a> Display<'a> {
    /// `watch`'s choice: a board on a terminal, lines when piped or jsonl.
    /// `outputs`: the end lists each step's output, which the board or the
    /// lines have summed up already (`-o json` has them anyway).
    pub fn for_watch(printer: &'a Printer, id: &str, outputs: bool) -> Self {
        let lines = || Display::Lines {
            printer,
            id: id.to_string(),
            teller: Teller::default(),
            outputs,
        };
        match printer.format {
            OutputFormat::Json => Display::Quiet,
            OutputFormat::Jsonl => lines(),
            OutputFormat::Text if std::io::stderr().is_terminal() => Display::Live {
                board: Board::new(id),
                outputs,
            },
            OutputFormat::Text => lines(),
        }
    }

    /// `wait`'s and `start --wait`'s: on a terminal, a line saying what
    /// the run waits for; else nothing until the end.
    pub fn for_wait(printer: &Printer) -> Self {
        match printer.is_text() && std::io::stderr().is_terminal() {
            true => Display::Status(StatusLine::default()),
            false => Display::Quiet,
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
    /// A new view; `before` is the last one the worker answered for;
    /// `unpolled`: no worker polls the run's task queue.
    pub(super) fn seen(&mut self, before: Option<&RunView>, now: &RunView, unpolled: bool) {
        match self {
            Display::Live { board, .. } => board.draw(now, unpolled),
            Display::Lines {
                printer,
                id,
                teller,
                ..
            } => {
                for event in teller.changes(before, now) {
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
            Display::Status(line) => match waiting_for(now, unpolled) {
                Some(text) => line.show(&text),
                None => line.clear(),
            },
            Display::Quiet => {}
        }
    }

    /// Something worth a word meanwhile (Temporal is away for a moment).
    pub(super) fn note(&mut self, text: &str) {
        match self {
            Display::Live { board, .. } => board.note(text),
            Display::Lines { printer, .. } if printer.is_text() => eprintln!("{text}"),
            Display::Status(line) => line.show(text),
            _ => {}
        }
    }

    /// The follow is over: tidy the terminal.
    pub(super) fn close(&mut self) {
        match self {
            Display::Live { board, .. } => board.close(),
            Display::Status(line) => line.clear(),
            _ => {}
        }
    }

    /// Ctrl-C: the board stays as it stands, the status line goes.
    pub(super) fn interrupt(&mut self) {
        match self {
            Display::Live { board, .. } => board.leave(),
            Display::Status(line) => line.clear(),
            _ => {}
        }
    }

    /// Whether views are wanted at all (else only the end is awaited).
    pub(super) fn watches(&self) -> bool {
        !matches!(self, Display::Quiet)
    }

    /// Whether a worker that does not answer is worth asking the server
    /// about (someone reads why).
    pub(super) fn tells_workers(&self) -> bool {
        matches!(self, Display::Live { .. } | Display::Status(_))
    }

    /// Whether the text end lists each step's output: where nothing
    /// above summed the steps up, or when asked to.
    fn lists_outputs(&self) -> bool {
        match self {
            Display::Live { outputs, .. } | Display::Lines { outputs, .. } => *outputs,
            Display::Status(_) | Display::Quiet => true,
        }
    }
}

fn now_text() -> String {
    humantime::format_rfc3339_seconds(std::time::SystemTime::now()).to_string()
}

impl Display<'_> {
    /// The run's end: an `outcome` event in a jsonl stream, else the report.
    pub fn finish(&self, printer: &Printer, started: &StartedRun, end: &RunEnd) {
        match self {
            Display::Lines { printer, id, .. } if printer.format == OutputFormat::Jsonl => {
                let event = json!({
                    "event": "outcome",
                    "workflow_id": id,
                    "run_id": started.run_id,
                    "time": now_text(),
                });
                printer.json(&with_end(event, end));
            }
            _ if printer.is_text() => {
                print_end_text(printer, &started.workflow_id, end, self.lists_outputs())
            }
            _ => {
                let report = json!({"workflow_id": started.workflow_id, "run_id": started.run_id});
                printer.json(&with_end(report, end));
            }
        }
    }
}

fn with_end(mut report: Value, end: &RunEnd) -> Value {
    if let (Some(map), Value::Object(end)) = (report.as_object_mut(), end.to_json()) {
        map.extend(end);
    }
    report
}

/// The outcome in a line, and (`outputs`) each step's output below it.
fn print_end_text(printer: &Printer, id: &str, end: &RunEnd, outputs: bool) {
    let mut line = format!("{id}: {}", printer.state(&end.phase()));
    match end {
        RunEnd::Completed(result) => {
            if let Some(detail) = &result.detail {
                line.push_str(&format!(" ({detail})"));
            }
            printer.line(&line);
            for (step, output) in result.steps.iter().filter(|_| outputs) {
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
