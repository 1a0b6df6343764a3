//! `pause`, `resume` and `stop`, told from the workflow's own answers: its
//! status before the signal (is there anything to do?) and after it (what
//! did it do?). The signals stay the contract's (any client or SDK sends
//! them; a worker of any age takes them), and a query is answered by every
//! worker, so nothing here depends on the worker being new. Temporal's
//! queries see every signal accepted before them, so the status after is
//! the signal's effect.

use serde::Serialize;

use super::{Control, Orca, QUERY_DEADLINE};
use crate::{
    Result,
    engine::status::{Phase, RunStatus},
};

/// What a control command found and did.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Answer {
    /// Sent, but no worker answered the status query: the effect is unknown.
    Unconfirmed,
    /// Paused: no new step (or loop item) starts until `resume`.
    Paused,
    AlreadyPaused,
    /// Resumed: the run goes on (or, at a gate, goes on once decided).
    Resumed,
    /// Not paused: nothing to resume, nothing sent.
    NotPaused,
    /// The run ends after its current step (or loop item).
    Stopping,
    /// The run had no step under way (a gate, paused between steps): it
    /// ended at once.
    Stopped,
    AlreadyStopping,
    /// The run ended otherwise (completed, failed, decided) before the
    /// stop took effect.
    EndedFirst,
}

/// A control command's report: the run's status before and after (each
/// `None` when no worker answered), whether the signal was sent, and
/// what that came to.
#[derive(Debug, Clone)]
pub struct ControlReport {
    pub before: Option<RunStatus>,
    pub after: Option<RunStatus>,
    pub sent: bool,
    pub answer: Answer,
}

impl ControlReport {
    /// Whether the run's state changed; `None` when no worker said.
    pub fn changed(&self) -> Option<bool> {
        match self.answer {
            Answer::Unconfirmed => None,
            Answer::AlreadyPaused
            | Answer::NotPaused
            | Answer::AlreadyStopping
            | Answer::EndedFirst => Some(false),
            Answer::Paused | Answer::Resumed | Answer::Stopping | Answer::Stopped => Some(true),
        }
    }

    /// The latest status known: after the signal, else before it.
    pub fn latest(&self) -> Option<&RunStatus> {
        self.after.as_ref().or(self.before.as_ref())
    }
}

/// Nothing to do, by the status before: the answer, without a signal.
/// A run whose worker did not answer is sent the signal anyway.
pub fn nothing_to_do(control: Control, before: Option<&RunStatus>) -> Option<Answer> {
    let before = before?;
    match control {
        Control::Pause if before.paused => Some(Answer::AlreadyPaused),
        Control::Resume if !before.paused => Some(Answer::NotPaused),
        Control::Stop if before.stop_requested => Some(Answer::AlreadyStopping),
        _ => None,
    }
}

/// What the signal came to, by the status after it.
pub fn outcome(control: Control, after: Option<&RunStatus>) -> Answer {
    let Some(after) = after else {
        return Answer::Unconfirmed;
    };
    match control {
        Control::Pause => Answer::Paused,
        Control::Resume => Answer::Resumed,
        Control::Stop => match after.phase {
            Phase::Stopped => Answer::Stopped,
            Phase::Running | Phase::AwaitingApproval | Phase::Paused => Answer::Stopping,
            Phase::Completed | Phase::Rejected | Phase::Denied | Phase::Failed => {
                Answer::EndedFirst
            }
        },
    }
}

impl Orca {
    /// Pauses, resumes or stops run `id`, saying what that came to. The
    /// run must be running (a closed one is exit 7).
    pub async fn control(&self, id: &str, control: Control) -> Result<ControlReport> {
        self.ensure_running(id).await?;
        let before = self.query_status(id, QUERY_DEADLINE).await?;
        if let Some(answer) = nothing_to_do(control, before.as_ref()) {
            return Ok(ControlReport {
                after: before.clone(),
                before,
                sent: false,
                answer,
            });
        }
        self.signal(id, control).await?;
        // A run the stop ended has closed: its status still answers.
        let after = self.query_status(id, QUERY_DEADLINE).await.unwrap_or(None);
        Ok(ControlReport {
            answer: outcome(control, after.as_ref()),
            before,
            after,
            sent: true,
        })
    }
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::*;

    fn status(phase: &str, paused: bool, stop_requested: bool) -> RunStatus {
        serde_json::from_value(json!({
            "pipeline": "sample", "phase": phase, "steps": [],
            "paused": paused, "stop_requested": stop_requested,
        }))
        .unwrap()
    }

    #[test]
    fn resuming_a_run_that_is_not_paused_sends_nothing() {
        let running = status("running", false, false);
        let answer = nothing_to_do(Control::Resume, Some(&running));
        assert_eq!(answer, Some(Answer::NotPaused));
    }

    #[test]
    fn a_run_whose_worker_is_silent_is_sent_the_signal() {
        assert_eq!(nothing_to_do(Control::Resume, None), None);
        assert_eq!(outcome(Control::Resume, None), Answer::Unconfirmed);
    }

    #[test]
    fn a_stop_that_ended_the_run_says_stopped() {
        let after = status("stopped", false, true);
        assert_eq!(outcome(Control::Stop, Some(&after)), Answer::Stopped);
        let after = status("running", false, true);
        assert_eq!(outcome(Control::Stop, Some(&after)), Answer::Stopping);
    }

    #[test]
    fn pausing_twice_changes_nothing() {
        let paused = status("paused", true, false);
        let answer = nothing_to_do(Control::Pause, Some(&paused));
        assert_eq!(answer, Some(Answer::AlreadyPaused));
    }
}
