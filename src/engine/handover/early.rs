//! Control signals a continued run takes before it has begun. In a run's
//! first activation the SDK runs signal handlers before the workflow
//! function, so a `pause` or `stop` sent in the moment a run hands over
//! lands on the new run's blank status, which the carry then replaces:
//! the pause was lost (seen as a flaky hand-over test). They are kept
//! here as well and applied again on top of the carry.

use crate::engine::status::RunStatus;

/// Asked in the run's first activation (`begin`): runs recorded before it
/// restore the carry alone, as they did.
pub const PATCH: &str = "orca-early-controls";

/// The control signals taken before the run began: pause or resume (the
/// last wins), stop (it stays).
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct EarlyControls {
    begun: bool,
    pause: Option<bool>,
    stop: bool,
}

impl EarlyControls {
    /// `pause` (true) or `resume` (false) was signalled.
    pub fn paused(&mut self, paused: bool) {
        if !self.begun {
            self.pause = Some(paused);
        }
    }

    /// `stop` was signalled.
    pub fn stopped(&mut self) {
        if !self.begun {
            self.stop = true;
        }
    }

    /// The run has begun: later signals act on its status alone.
    pub fn begin(&mut self) {
        self.begun = true;
    }

    /// What was signalled before the run began, on top of `status`.
    pub fn apply(self, status: &mut RunStatus) {
        if let Some(paused) = self.pause {
            status.paused = paused;
        }
        status.stop_requested |= self.stop;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn carried(paused: bool) -> RunStatus {
        serde_json::from_value(serde_json::json!({
            "pipeline": "p", "phase": "running", "steps": [], "paused": paused,
        }))
        .unwrap()
    }

    #[test]
    fn a_pause_before_the_run_began_survives_the_carry() {
        let mut early = EarlyControls::default();
        early.paused(true);
        let mut status = carried(false);
        early.apply(&mut status);
        assert!(status.paused);
    }

    #[test]
    fn a_resume_before_the_run_began_lifts_a_carried_pause() {
        let mut early = EarlyControls::default();
        early.paused(true);
        early.paused(false);
        let mut status = carried(true);
        early.apply(&mut status);
        assert!(!status.paused);
    }

    #[test]
    fn a_stop_before_the_run_began_stays() {
        let mut early = EarlyControls::default();
        early.stopped();
        let mut status = carried(false);
        early.apply(&mut status);
        assert!(status.stop_requested);
    }

    #[test]
    fn nothing_signalled_leaves_the_carry_as_it_is() {
        let mut status = carried(true);
        EarlyControls::default().apply(&mut status);
        assert!(status.paused && !status.stop_requested);
    }

    #[test]
    fn signals_after_the_run_began_are_not_kept() {
        let mut early = EarlyControls::default();
        early.begin();
        early.paused(true);
        early.stopped();
        let mut status = carried(false);
        early.apply(&mut status);
        assert!(!status.paused && !status.stop_requested);
    }
}
