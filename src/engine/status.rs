//! The public contract between the `Pipeline` workflow and its clients: the
//! workflow input, the decision argument of `approve`/`reject`, the `status`
//! query document and the result. Field names are stable; other SDKs and the
//! `temporal` CLI read and write exactly these shapes (README "Workflow contract").

use std::fmt;

use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

/// Workflow type name, task queue default, and message names.
pub const WORKFLOW_TYPE: &str = "Pipeline";
pub const DEFAULT_TASK_QUEUE: &str = "orca";
pub const QUERY_STATUS: &str = "status";
pub const APPROVE: &str = "approve";
pub const REJECT: &str = "reject";
pub const SIGNAL_PAUSE: &str = "pause";
pub const SIGNAL_RESUME: &str = "resume";
pub const SIGNAL_STOP: &str = "stop";

/// Memo fields the workflow keeps current for listings.
pub const MEMO_PROGRESS: &str = "orca_progress";
pub const MEMO_PROMPT: &str = "orca_prompt";

/// Search attributes the workflow keeps current (both Keyword).
pub const SA_PIPELINE: &str = "OrcaPipeline";
pub const SA_PHASE: &str = "OrcaPhase";

/// The workflow input: `{"pipeline": <name or inline spec>, "input": {…}, "requested_by": "…"}`.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct RunRequest {
    /// A pipeline name (built-in or known to the worker) or an inline spec object.
    pub pipeline: Value,
    #[serde(default)]
    pub input: Map<String, Value>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub requested_by: Option<String>,
}

/// The argument of the `approve` / `reject` updates and signals.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct DecisionRequest {
    #[serde(default)]
    pub by: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub comment: Option<String>,
}

/// What a gate decided, as recorded by the workflow (and returned by the update).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Decision {
    pub step: String,
    /// `approved`, `rejected` or `timed_out`.
    pub decision: DecisionKind,
    /// Whether the gate opened (an approval, or a timeout with `on_timeout = "approve"`).
    pub approved: bool,
    /// Who decided; absent for a timeout.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub by: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub comment: Option<String>,
    /// RFC 3339, workflow time.
    pub at: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum DecisionKind {
    Approved,
    Rejected,
    TimedOut,
}

impl fmt::Display for DecisionKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            DecisionKind::Approved => "approved",
            DecisionKind::Rejected => "rejected",
            DecisionKind::TimedOut => "timed_out",
        })
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Phase {
    Running,
    AwaitingApproval,
    Paused,
    Completed,
    Rejected,
    Denied,
    Stopped,
    Failed,
}

impl Phase {
    pub fn as_str(self) -> &'static str {
        match self {
            Phase::Running => "running",
            Phase::AwaitingApproval => "awaiting_approval",
            Phase::Paused => "paused",
            Phase::Completed => "completed",
            Phase::Rejected => "rejected",
            Phase::Denied => "denied",
            Phase::Stopped => "stopped",
            Phase::Failed => "failed",
        }
    }
}

impl fmt::Display for Phase {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// How a run that completed ended. Everything but `completed` is a business
/// refusal (exit 3); failures are not outcomes, they fail the workflow (exit 4).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Outcome {
    Completed,
    Rejected,
    Denied,
    Stopped,
}

impl Outcome {
    pub fn phase(self) -> Phase {
        match self {
            Outcome::Completed => Phase::Completed,
            Outcome::Rejected => Phase::Rejected,
            Outcome::Denied => Phase::Denied,
            Outcome::Stopped => Phase::Stopped,
        }
    }
}

impl fmt::Display for Outcome {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.phase().fmt(f)
    }
}

/// The workflow result: `{"outcome": …, "steps": {id: output}}`.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct RunResult {
    pub outcome: Outcome,
    /// Why the run ended that way, in words (who rejected, which rule denied).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub detail: Option<String>,
    #[serde(default)]
    pub steps: Map<String, Value>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum StepState {
    Pending,
    Running,
    Waiting,
    Completed,
    Failed,
    Skipped,
    /// The step ended the run: a policy denial or a gate's rejection.
    Refused,
}

impl StepState {
    pub fn as_str(self) -> &'static str {
        match self {
            StepState::Pending => "pending",
            StepState::Running => "running",
            StepState::Waiting => "waiting",
            StepState::Completed => "completed",
            StepState::Failed => "failed",
            StepState::Skipped => "skipped",
            StepState::Refused => "refused",
        }
    }
}

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct StepStatus {
    pub id: String,
    pub kind: String,
    pub state: StepState,
    /// Attempts made so far (activities retry; in-workflow steps take one).
    pub attempts: u32,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub started_at: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub finished_at: Option<String>,
    /// One line for people: the matched rule, the decision, the agent's result.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub summary: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub error: Option<String>,
    /// For a step nested in a `parallel`: the group's id.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub parent: Option<String>,
    /// For a `foreach`: items finished so far and in all.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub progress: Option<Progress>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Progress {
    pub done: u64,
    pub total: u64,
}

/// The gate a run waits at (or last waited at).
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct ApprovalStatus {
    pub step: String,
    pub prompt: String,
    /// Who may decide; empty means anyone.
    pub approvers: Vec<String>,
    /// RFC 3339 time at which the gate times out, if it does.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub deadline: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub decision: Option<Decision>,
}

impl RunStatus {
    pub fn step_mut(&mut self, id: &str) -> Option<&mut StepStatus> {
        self.steps.iter_mut().find(|s| s.id == id)
    }
}

/// The `status` query document.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct RunStatus {
    pub pipeline: String,
    pub phase: Phase,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub requested_by: Option<String>,
    #[serde(default)]
    pub input: Map<String, Value>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub current_step: Option<String>,
    pub steps: Vec<StepStatus>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub progress: Option<Progress>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub approval: Option<ApprovalStatus>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub outcome: Option<Outcome>,
    /// `pause` was received and no `resume` yet.
    #[serde(default)]
    pub paused: bool,
    /// `stop` was received: the run ends after its current step.
    #[serde(default)]
    pub stop_requested: bool,
}
