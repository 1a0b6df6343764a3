//! What each state word means to a reader (its colour), in one place.

use crate::{
    client::{RunPhase, TemporalStatus},
    engine::status::{DecisionKind, Phase, StepState},
    output::{Tone, Toned},
};

impl Toned for RunPhase {
    fn word(&self) -> &str {
        self.as_str()
    }

    fn tone(&self) -> Tone {
        match self {
            RunPhase::Orca(phase) => phase.tone(),
            RunPhase::Temporal(status) => status.tone(),
        }
    }
}

impl Toned for Phase {
    fn word(&self) -> &str {
        self.as_str()
    }

    fn tone(&self) -> Tone {
        match self {
            Phase::Completed => Tone::Good,
            Phase::Rejected | Phase::Denied | Phase::Failed => Tone::Bad,
            Phase::AwaitingApproval | Phase::Paused | Phase::Stopped => Tone::Waiting,
            Phase::Running => Tone::Active,
        }
    }
}

impl Toned for TemporalStatus {
    fn word(&self) -> &str {
        self.as_str()
    }

    fn tone(&self) -> Tone {
        match self {
            TemporalStatus::Completed => Tone::Good,
            TemporalStatus::Running => Tone::Active,
            TemporalStatus::Failed
            | TemporalStatus::Cancelled
            | TemporalStatus::Terminated
            | TemporalStatus::TimedOut => Tone::Bad,
            TemporalStatus::ContinuedAsNew | TemporalStatus::Unknown => Tone::Plain,
        }
    }
}

impl Toned for DecisionKind {
    fn word(&self) -> &str {
        self.as_str()
    }

    fn tone(&self) -> Tone {
        if self.is_approval() {
            Tone::Good
        } else {
            Tone::Bad
        }
    }
}

impl Toned for StepState {
    fn word(&self) -> &str {
        self.as_str()
    }

    fn tone(&self) -> Tone {
        match self {
            StepState::Completed => Tone::Good,
            StepState::Failed | StepState::Refused => Tone::Bad,
            StepState::Waiting => Tone::Waiting,
            StepState::Running => Tone::Active,
            StepState::Pending | StepState::Skipped => Tone::Plain,
        }
    }
}
