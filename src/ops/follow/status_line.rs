//! `wait` and `start --wait` at a terminal: one line on stderr saying what
//! the run waits for, rewritten in place as that changes and cleared at
//! the end, as gh and cargo do. Off a terminal there is no such line:
//! scripts read stdout and stderr.

use std::io::Write;

use crate::client::start_one;
use crate::{engine::status::StepState, ops::run::RunView};

/// Rewrites the line's start and clears it (`\r`, erase line).
const REWRITE: &str = "\r\x1b[2K";
/// Moves up a row and erases it.
const UP_AND_ERASE: &str = "\x1b[1A\x1b[2K";

/// The one line, as last written, and how many rows of the terminal it
/// took (a long line wraps; all its rows are rewritten).
#[derive(Default)]
pub struct StatusLine {
    shown: Option<String>,
    rows: usize,
}

impl StatusLine {
    /// Shows `text` in place of what was there (unchanged text is not
    /// written again).
    pub fn show(&mut self, text: &str) {
        if self.shown.as_deref() == Some(text) {
            return;
        }
        let width = usize::from(console::Term::stderr().size().1.max(20));
        let mut err = std::io::stderr().lock();
        let _ = write!(err, "{}{text}", self.erase());
        let _ = err.flush();
        self.rows = console::measure_text_width(text).div_ceil(width).max(1);
        self.shown = Some(text.to_string());
    }

    /// Whether nothing is shown.
    pub fn is_blank(&self) -> bool {
        self.shown.is_none()
    }

    /// Leaves the line empty, the cursor at its start.
    pub fn clear(&mut self) {
        if self.shown.is_some() {
            let mut err = std::io::stderr().lock();
            let _ = write!(err, "{}", self.erase());
            let _ = err.flush();
            self.shown = None;
        }
    }

    /// What erases the rows shown: this one, then each above it.
    fn erase(&self) -> String {
        let mut erase = REWRITE.to_string();
        for _ in 1..self.rows {
            erase.push_str(UP_AND_ERASE);
        }
        erase
    }
}

/// A running run no worker answered for, in words (and, when none polls
/// its task queue, how to start one); `None` when a worker answered or the
/// run has ended. The live board's header says the same.
pub fn no_worker(view: &RunView, unpolled: bool) -> Option<String> {
    if view.live || !view.is_running() {
        return None;
    }
    Some(match (unpolled, view.task_queue.as_deref()) {
        (true, Some(queue)) => format!(
            "waiting for a worker: none polls task queue `{queue}` → {}",
            start_one(queue, None, None)
        ),
        _ => "waiting for a worker to answer".to_string(),
    })
}

/// What a running run waits for, in words; `None` once it has ended.
/// `unpolled`: no worker polls its task queue.
pub fn waiting_for(view: &RunView, unpolled: bool) -> Option<String> {
    if !view.is_running() {
        return None;
    }
    let id = &view.workflow_id;
    if let Some(words) = no_worker(view, unpolled) {
        return Some(words);
    }
    if let Some(gate) = view.approval.as_ref().filter(|g| !g.is_closed()) {
        let round = gate
            .round_of()
            .map(|r| format!(" ({r})"))
            .unwrap_or_default();
        return Some(format!(
            "waiting for approval at step {}{round} → orca approve {id}",
            gate.step
        ));
    }
    if view.paused {
        return Some(format!("paused → orca resume {id}"));
    }
    if let Some((step, capability)) = view
        .pending
        .iter()
        .find_map(|p| p.waiting_for.map(|c| (&p.step, c)))
    {
        return Some(format!("step {step} waits for {capability}"));
    }
    let running = view.steps.iter().rfind(|s| s.state == StepState::Running);
    Some(match running {
        Some(step) => {
            let progress = step
                .progress
                .map(|p| format!(" {}/{}", p.done, p.total))
                .unwrap_or_default();
            format!("running step {}{progress}", step.id)
        }
        None => view.phase_or_running().to_string(),
    })
}
