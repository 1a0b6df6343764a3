//! What each state word means to a reader (its colour), in one place.

use crate::{
    client::{RunPhase, TemporalStatus},
    engine::status::{DecisionKind, Outcome, Phase, StepState},
    output::{Tone, Toned},
};

impl Toned for RunPhase {
    fn word(&self) -> &str {
        self.as_str()
    }

    fn tone(&self) -> Tone {
        match self {
            RunPhase::Completed => Tone::Good,
            RunPhase::Rejected
            | RunPhase::Denied
            | RunPhase::Failed
            | RunPhase::Cancelled
            | RunPhase::Terminated
            | RunPhase::TimedOut => Tone::Bad,
            RunPhase::AwaitingApproval | RunPhase::Paused | RunPhase::Stopped => Tone::Waiting,
            RunPhase::Running => Tone::Active,
            RunPhase::ContinuedAsNew | RunPhase::Unknown => Tone::Plain,
        }
    }
}

impl Toned for Phase {
    fn word(&self) -> &str {
        self.as_str()
    }

    fn tone(&self) -> Tone {
        RunPhase::from(*self).tone()
    }
}

impl Toned for Outcome {
    fn word(&self) -> &str {
        self.phase().as_str()
    }

    fn tone(&self) -> Tone {
        self.phase().tone()
    }
}

impl Toned for TemporalStatus {
    fn word(&self) -> &str {
        self.as_str()
    }

    fn tone(&self) -> Tone {
        RunPhase::from(*self).tone()
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
