//! Steps that will never run. Once a run has ended, a step still `pending`
//! would read as if it might start yet; it is `skipped` instead, saying why
//! (the run was stopped, denied, rejected, failed or cancelled). Only the
//! in-memory status changes, so replaying a run emits the same commands.

use super::{Outcome, RunStatus, StepState};

/// How a run ended, as far as the steps it never reached are concerned.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Ending {
    Outcome(Outcome),
    /// A step failed after its retries, or the run could not go on.
    Failed,
    /// Temporal cancellation (`orca cancel`).
    Cancelled,
}

impl Ending {
    /// The summary of a step the run never reached; `None` when a run that
    /// ended so leaves no step behind (a completed run ran or skipped each).
    pub fn not_run(self) -> Option<&'static str> {
        match self {
            Ending::Outcome(Outcome::Completed) => None,
            Ending::Outcome(Outcome::Stopped) => Some("not run: the run was stopped"),
            Ending::Outcome(Outcome::Denied) => Some("not run: denied by policy"),
            Ending::Outcome(Outcome::Rejected) => Some("not run: rejected at approval"),
            Ending::Failed => Some("not run: the run failed"),
            Ending::Cancelled => Some("not run: the run was cancelled"),
        }
    }
}

impl RunStatus {
    /// The run has ended: nothing is held by a pause any more (no resume
    /// can reach a closed run), and the steps it never reached say why.
    pub fn close(&mut self, ending: Ending) {
        self.paused = false;
        self.skip_unrun(ending);
        self.cut_short(ending);
    }

    /// A run cancelled or failed with steps still under way (a gate
    /// waiting, a parallel branch running): they ended with it, so they
    /// read `failed`, saying how, not `running` in a closed run.
    pub fn cut_short(&mut self, ending: Ending) {
        let how = match ending {
            Ending::Cancelled => "cancelled",
            Ending::Failed => "abandoned: the run failed",
            Ending::Outcome(_) => return,
        };
        let under_way = self
            .steps
            .iter_mut()
            .filter(|s| matches!(s.state, StepState::Running | StepState::Waiting));
        for step in under_way {
            let was = match step.state {
                StepState::Waiting => "while waiting",
                _ => "while running",
            };
            step.summary = Some(match ending {
                Ending::Cancelled => format!("{how} {was}"),
                _ => how.to_string(),
            });
            step.state = StepState::Failed;
        }
    }

    /// Every step (nested ones too) still `pending` once the run has ended
    /// becomes `skipped`, with why; steps that ran keep what they said.
    pub fn skip_unrun(&mut self, ending: Ending) {
        let Some(why) = ending.not_run() else {
            return;
        };
        let unrun = self
            .steps
            .iter_mut()
            .filter(|s| s.state == StepState::Pending);
        for step in unrun {
            step.state = StepState::Skipped;
            step.summary = Some(why.to_string());
        }
    }
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::*;

    /// A `sample` run stopped at its gate: policy done, gate skipped by the
    /// stop, `work` never reached.
    fn stopped_at_the_gate() -> RunStatus {
        serde_json::from_value(json!({
            "pipeline": "sample",
            "phase": "stopped",
            "steps": [
                {"id": "policy", "kind": "policy", "state": "completed", "attempts": 1},
                {"id": "approval", "kind": "approval", "state": "skipped", "attempts": 1,
                 "summary": "stopped while awaiting approval"},
                {"id": "work", "kind": "agent", "state": "pending", "attempts": 0},
                {"id": "fan", "kind": "parallel", "state": "pending", "attempts": 0},
                {"id": "a", "kind": "agent", "state": "pending", "attempts": 0, "parent": "fan"},
            ],
        }))
        .unwrap()
    }

    fn row<'a>(status: &'a RunStatus, id: &str) -> &'a super::super::StepStatus {
        status.steps.iter().find(|s| s.id == id).unwrap()
    }

    #[test]
    fn a_stopped_run_skips_the_steps_it_never_reached() {
        let mut status = stopped_at_the_gate();
        status.skip_unrun(Ending::Outcome(Outcome::Stopped));
        let work = row(&status, "work");
        assert_eq!(work.state, StepState::Skipped);
        assert_eq!(
            work.summary.as_deref(),
            Some("not run: the run was stopped")
        );
    }

    #[test]
    fn nested_steps_never_reached_are_skipped_too() {
        let mut status = stopped_at_the_gate();
        status.skip_unrun(Ending::Outcome(Outcome::Denied));
        let nested = row(&status, "a");
        assert_eq!(nested.state, StepState::Skipped);
        assert_eq!(nested.summary.as_deref(), Some("not run: denied by policy"));
    }

    #[test]
    fn steps_that_ran_keep_their_state_and_summary() {
        let mut status = stopped_at_the_gate();
        status.skip_unrun(Ending::Outcome(Outcome::Rejected));
        assert_eq!(row(&status, "policy").state, StepState::Completed);
        let gate = row(&status, "approval");
        assert_eq!(
            gate.summary.as_deref(),
            Some("stopped while awaiting approval")
        );
    }

    #[test]
    fn a_failed_run_skips_its_later_steps() {
        let mut status = stopped_at_the_gate();
        status.skip_unrun(Ending::Failed);
        assert_eq!(row(&status, "work").state, StepState::Skipped);
        assert_eq!(
            row(&status, "work").summary.as_deref(),
            Some("not run: the run failed")
        );
    }

    #[test]
    fn a_cancelled_run_says_so() {
        let mut status = stopped_at_the_gate();
        status.skip_unrun(Ending::Cancelled);
        assert_eq!(
            row(&status, "work").summary.as_deref(),
            Some("not run: the run was cancelled")
        );
    }

    #[test]
    fn a_run_that_ended_paused_is_no_longer_paused() {
        let mut status = stopped_at_the_gate();
        status.paused = true;
        status.close(Ending::Outcome(Outcome::Stopped));
        assert!(!status.paused);
    }

    #[test]
    fn a_gate_waiting_when_the_run_was_cancelled_says_so() {
        let mut status = stopped_at_the_gate();
        status.steps[1].state = StepState::Waiting;
        status.close(Ending::Cancelled);
        let gate = row(&status, "approval");
        assert_eq!(gate.state, StepState::Failed);
        assert_eq!(gate.summary.as_deref(), Some("cancelled while waiting"));
    }

    #[test]
    fn a_stopped_run_leaves_rows_under_way_to_their_steps() {
        let mut status = stopped_at_the_gate();
        status.steps[1].state = StepState::Running;
        status.close(Ending::Outcome(Outcome::Stopped));
        assert_eq!(row(&status, "approval").state, StepState::Running);
    }

    #[test]
    fn a_completed_run_leaves_its_rows_as_they_are() {
        let mut status = stopped_at_the_gate();
        status.skip_unrun(Ending::Outcome(Outcome::Completed));
        assert_eq!(row(&status, "work").state, StepState::Pending);
    }
}
