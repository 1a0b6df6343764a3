//! `watch` at a terminal: a live board on stderr, a header, one line per
//! step (a bar for loops) and the open gate, redrawn as the run changes;
//! at the end it stays as the run's last view drew it.

use std::time::Duration;

use indicatif::{MultiProgress, ProgressBar, ProgressDrawTarget, ProgressStyle};

use super::status_line::no_worker;
use crate::{
    engine::status::{StepState, StepStatus, names_or_anyone},
    ops::run::RunView,
};

/// The live terminal view: a header, one line per step, a bar for loops.
pub struct Board {
    multi: MultiProgress,
    header: ProgressBar,
    steps: Vec<(String, ProgressBar)>,
    gate: Option<ProgressBar>,
}

impl Board {
    pub(super) fn new(id: &str) -> Self {
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

    /// A word in the header meanwhile (Temporal is away for a moment).
    pub(super) fn note(&self, text: &str) {
        self.header.set_message(text.to_string());
    }

    /// Draws `view`; `unpolled`: no worker polls the run's task queue.
    pub(super) fn draw(&mut self, view: &RunView, unpolled: bool) {
        let mut header = format!(
            "{} · {}",
            view.pipeline.as_deref().unwrap_or("?"),
            view.phase.map_or("?", |p| p.as_str())
        );
        if let Some(words) = no_worker(view, unpolled) {
            header.push_str(&format!(" · {words}"));
        }
        self.header.set_message(header);
        for step in &view.steps {
            self.draw_step(view, step);
        }
        self.draw_gate(view);
    }

    /// A step's line as the status says it: a loop's bar stands where
    /// its progress does, finished or not (a stopped loop at 15 of 60).
    fn draw_step(&mut self, view: &RunView, step: &StepStatus) {
        let bar = self.step_bar(&step.id);
        let indent = if step.parent.is_some() { "  " } else { "" };
        bar.set_prefix(format!("{indent}{:<14} {:<9}", step.id, step.kind));
        if let Some(progress) = step.progress {
            if bar.length() != Some(progress.total) {
                bar.set_length(progress.total);
                bar.set_style(
                    spinner("  {prefix} [{bar:24}] {pos}/{len} {msg}").progress_chars("=> "),
                );
            }
            bar.set_position(progress.done);
        }
        let attempt = view
            .pending
            .iter()
            .find(|p| p.step == step.id)
            .map(|p| match p.waiting_for {
                Some(capability) => format!(", waiting for {capability}"),
                None => format!(" attempt {}", p.attempt),
            })
            .unwrap_or_default();
        match step.state {
            StepState::Running => {
                bar.set_message(format!("running{attempt}"));
                if step.progress.is_none() {
                    bar.enable_steady_tick(Duration::from_millis(120));
                }
            }
            state => {
                bar.disable_steady_tick();
                let detail = step.detail().unwrap_or_default();
                bar.set_message(format!("{state} {detail}"));
            }
        }
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

    /// Leaves the board as the last view drew it: `abandon`, not
    /// `finish`, which would fill a loop's bar that stopped part way.
    pub(super) fn close(&mut self) {
        self.header.abandon();
        for (_, bar) in &self.steps {
            bar.abandon();
        }
        if let Some(gate) = self.gate.take() {
            gate.finish_and_clear();
        }
    }

    /// Ctrl-C: the board stays as it stands, the open gate included (the
    /// run goes on, and that is how to move it).
    pub(super) fn leave(&mut self) {
        if let Some(gate) = self.gate.take() {
            gate.abandon();
        }
        self.close();
    }
}

fn spinner(template: &str) -> ProgressStyle {
    ProgressStyle::with_template(template).unwrap_or_else(|_| ProgressStyle::default_spinner())
}
