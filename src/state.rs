//! A run's state as the server reports it, parsed once where it enters:
//! Temporal's execution status, and the phase orca shows for a run (orca's
//! own phase, or Temporal's word for a run ended from outside). Nothing
//! downstream compares either as text.

use serde::{Deserialize, Serialize};
use temporalio_client::WorkflowExecutionStatus;
use temporalio_common::search_attributes::SearchAttributes;

use crate::engine::status::{Outcome, PHASE_KEY, PIPELINE_KEY, Phase};

/// Temporal's execution status (`temporal workflow describe`'s view).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, clap::ValueEnum)]
#[serde(rename_all = "snake_case")]
pub enum TemporalStatus {
    Running,
    Completed,
    Failed,
    Cancelled,
    Terminated,
    TimedOut,
    // A run of a chain that handed over to the next (continue-as-new):
    // `orca list` shows these only when asked for by this status.
    ContinuedAsNew,
    #[value(skip)]
    Unknown,
}

impl TemporalStatus {
    pub fn is_running(self) -> bool {
        self == TemporalStatus::Running
    }

    /// The value of `ExecutionStatus` in a visibility query.
    pub fn query_value(self) -> &'static str {
        match self {
            TemporalStatus::Running => "Running",
            TemporalStatus::Completed => "Completed",
            TemporalStatus::Failed => "Failed",
            TemporalStatus::Cancelled => "Canceled",
            TemporalStatus::Terminated => "Terminated",
            TemporalStatus::TimedOut => "TimedOut",
            TemporalStatus::ContinuedAsNew => "ContinuedAsNew",
            TemporalStatus::Unknown => "Unspecified",
        }
    }

    pub fn as_str(self) -> &'static str {
        match self {
            TemporalStatus::Running => "running",
            TemporalStatus::Completed => "completed",
            TemporalStatus::Failed => "failed",
            TemporalStatus::Cancelled => "cancelled",
            TemporalStatus::Terminated => "terminated",
            TemporalStatus::TimedOut => "timed_out",
            TemporalStatus::ContinuedAsNew => "continued_as_new",
            TemporalStatus::Unknown => "unknown",
        }
    }
}

impl From<WorkflowExecutionStatus> for TemporalStatus {
    fn from(status: WorkflowExecutionStatus) -> Self {
        match status {
            WorkflowExecutionStatus::Running => TemporalStatus::Running,
            WorkflowExecutionStatus::Completed => TemporalStatus::Completed,
            WorkflowExecutionStatus::Failed => TemporalStatus::Failed,
            WorkflowExecutionStatus::Canceled => TemporalStatus::Cancelled,
            WorkflowExecutionStatus::Terminated => TemporalStatus::Terminated,
            WorkflowExecutionStatus::ContinuedAsNew => TemporalStatus::ContinuedAsNew,
            WorkflowExecutionStatus::TimedOut => TemporalStatus::TimedOut,
            _ => TemporalStatus::Unknown,
        }
    }
}

impl std::fmt::Display for TemporalStatus {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// The phase a person is shown: orca's phase while the workflow speaks for
/// itself, Temporal's status for a run that was ended from outside (it
/// never got to record a phase of its own). Serialized as the word alone.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(untagged)]
pub enum RunPhase {
    Orca(Phase),
    Temporal(TemporalStatus),
}

impl RunPhase {
    pub const RUNNING: RunPhase = RunPhase::Orca(Phase::Running);
    pub const COMPLETED: RunPhase = RunPhase::Orca(Phase::Completed);
    pub const PAUSED: RunPhase = RunPhase::Orca(Phase::Paused);

    /// orca's phase where the run's own word stands (it is running, or it
    /// completed and recorded how), else Temporal's status. None for a
    /// running or completed run that never said (not orca's, or too young).
    pub fn of(status: TemporalStatus, phase: Option<Phase>) -> Option<RunPhase> {
        match (status, phase) {
            (TemporalStatus::Running | TemporalStatus::Completed, phase) => phase.map(Into::into),
            (status, _) => Some(status.into()),
        }
    }

    pub fn as_str(self) -> &'static str {
        match self {
            RunPhase::Orca(phase) => phase.as_str(),
            RunPhase::Temporal(status) => status.as_str(),
        }
    }
}

impl From<Phase> for RunPhase {
    fn from(phase: Phase) -> Self {
        RunPhase::Orca(phase)
    }
}

impl From<Outcome> for RunPhase {
    fn from(outcome: Outcome) -> Self {
        RunPhase::Orca(outcome.phase())
    }
}

impl From<TemporalStatus> for RunPhase {
    fn from(status: TemporalStatus) -> Self {
        match status {
            TemporalStatus::Running => RunPhase::RUNNING,
            TemporalStatus::Completed => RunPhase::COMPLETED,
            other => RunPhase::Temporal(other),
        }
    }
}

impl std::fmt::Display for RunPhase {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// The search attributes orca keeps, parsed: pipeline and phase. A phase
/// this build does not know (written by a newer one) reads as none.
pub fn orca_attributes(attributes: &SearchAttributes) -> (Option<String>, Option<Phase>) {
    let phase = attributes
        .get(&PHASE_KEY)
        .and_then(|word| word.parse::<Phase>().ok());
    (attributes.get(&PIPELINE_KEY), phase)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_completed_run_shows_its_own_phase_an_ended_one_temporals() {
        assert_eq!(
            RunPhase::of(TemporalStatus::Completed, Some(Phase::Rejected)),
            Some(RunPhase::Orca(Phase::Rejected))
        );
        assert_eq!(
            RunPhase::of(TemporalStatus::Terminated, Some(Phase::AwaitingApproval)),
            Some(RunPhase::Temporal(TemporalStatus::Terminated))
        );
        assert_eq!(RunPhase::of(TemporalStatus::Running, None), None);
    }

    #[test]
    fn words_match_their_json() {
        for phase in [
            RunPhase::Orca(Phase::AwaitingApproval),
            RunPhase::Temporal(TemporalStatus::TimedOut),
        ] {
            assert_eq!(
                serde_json::to_value(phase).unwrap(),
                serde_json::json!(phase.as_str())
            );
        }
        assert_eq!(
            serde_json::to_value(TemporalStatus::Cancelled).unwrap(),
            "cancelled"
        );
    }
}
