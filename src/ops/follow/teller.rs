//! Telling a run's changes once: `changes` compares two views; a follower
//! sees views with no worker's answer, and views from before the run was
//! resolved, so the `run` event is held until it can be told whole.

use super::events::{RunEvent, changes, the_run};
use crate::ops::run::RunView;

/// Tells each change once, and the run once and whole: from the first view
/// a worker answered once it had resolved the run (its input is known
/// then), or from the server's alone once the run has closed. (`changes`
/// tells the run for every view with no live one before it.)
#[derive(Debug, Default)]
pub struct Teller {
    run_told: bool,
}

impl Teller {
    pub fn changes(&mut self, before: Option<&RunView>, now: &RunView) -> Vec<RunEvent> {
        let mut events = changes(before, now);
        events.retain(|event| !matches!(event, RunEvent::Run { .. }));
        let whole = (now.live && !now.steps.is_empty()) || !now.is_running();
        if whole && !self.run_told {
            self.run_told = true;
            events.insert(0, the_run(now));
        }
        events
    }
}
