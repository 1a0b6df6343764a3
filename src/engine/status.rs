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

/// Search attributes the workflow keeps current: pipeline and phase
/// (Keyword), and who may decide the open gate right now (KeywordList; `*`
/// for anyone), which makes `orca inbox` one visibility query.
pub const SA_PIPELINE: &str = "OrcaPipeline";
pub const SA_PHASE: &str = "OrcaPhase";
pub const SA_APPROVERS: &str = "OrcaApprovers";
/// In `OrcaApprovers`: a gate open to anyone, and a person who has already
/// voted on such a gate (so `orca inbox` can leave it out for them).
pub const OPEN_TO_ANYONE: &str = "*";
pub const VOTED_PREFIX: &str = "voted:";
/// Memo fields of the open gate, for `orca inbox`.
pub const MEMO_APPROVALS: &str = "orca_approvals";
pub const MEMO_DEADLINE: &str = "orca_deadline";

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

/// One person's vote at a gate.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Vote {
    pub by: String,
    /// `approve` or `reject`.
    pub vote: VoteKind,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub comment: Option<String>,
    /// RFC 3339, workflow time.
    pub at: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum VoteKind {
    Approve,
    Reject,
}

/// What the `approve` / `reject` update returns: the vote just recorded and
/// where the gate stands after it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct VoteResult {
    pub step: String,
    pub by: String,
    pub vote: VoteKind,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub comment: Option<String>,
    pub at: String,
    pub approvals: u32,
    pub required: u32,
    pub rejections: u32,
    pub reject_quorum: u32,
    /// The gate's decision when this vote closed it; null while it stays open.
    pub decision: Option<DecisionKind>,
    /// Whether the gate is now open (the run goes on).
    pub approved: bool,
}

/// How a gate ended, as recorded by the workflow.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Decision {
    pub step: String,
    /// `approved`, `rejected`, `timed_out`, or `escalated_then_…` of those.
    pub decision: DecisionKind,
    /// Whether the gate opened (approvals, or a timeout with `on_timeout = "approve"`).
    pub approved: bool,
    /// Whose vote decided; absent for a timeout.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub by: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub comment: Option<String>,
    /// RFC 3339, workflow time.
    pub at: String,
    /// Every vote cast at the gate, in order.
    #[serde(default)]
    pub votes: Vec<Vote>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum DecisionKind {
    Approved,
    Rejected,
    TimedOut,
    EscalatedThenApproved,
    EscalatedThenRejected,
    EscalatedThenTimedOut,
}

impl DecisionKind {
    /// A timeout, not a person, decided.
    pub fn is_timeout(self) -> bool {
        matches!(
            self,
            DecisionKind::TimedOut | DecisionKind::EscalatedThenTimedOut
        )
    }
}

impl fmt::Display for DecisionKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            DecisionKind::Approved => "approved",
            DecisionKind::Rejected => "rejected",
            DecisionKind::TimedOut => "timed_out",
            DecisionKind::EscalatedThenApproved => "escalated_then_approved",
            DecisionKind::EscalatedThenRejected => "escalated_then_rejected",
            DecisionKind::EscalatedThenTimedOut => "escalated_then_timed_out",
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
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct ApprovalStatus {
    pub step: String,
    pub prompt: String,
    /// The approvers as declared (names and `group:NAME`); empty means anyone.
    pub approvers: Vec<String>,
    /// The names allowed to decide, groups expanded (and escalation added);
    /// empty means anyone.
    #[serde(default)]
    pub allowed: Vec<String>,
    /// Allowed names that have not voted yet and may still vote.
    #[serde(default)]
    pub waiting_on: Vec<String>,
    #[serde(default = "one")]
    pub required: u32,
    #[serde(default = "one")]
    pub reject_quorum: u32,
    #[serde(default)]
    pub allow_self_approval: bool,
    #[serde(default)]
    pub votes: Vec<Vote>,
    /// The first timeout passed and `escalate_to` may now decide too.
    #[serde(default)]
    pub escalated: bool,
    /// RFC 3339 time at which the gate times out, if it does.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub deadline: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub decision: Option<Decision>,
    /// Webhooks told about the gate, and how that went.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub notifications: Vec<NotificationStatus>,
}

fn one() -> u32 {
    1
}

impl ApprovalStatus {
    pub fn approvals(&self) -> u32 {
        self.votes
            .iter()
            .filter(|v| v.vote == VoteKind::Approve)
            .count() as u32
    }

    pub fn rejections(&self) -> u32 {
        self.votes
            .iter()
            .filter(|v| v.vote == VoteKind::Reject)
            .count() as u32
    }
}

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct NotificationStatus {
    /// Which webhook: its host, or the environment variable that holds it.
    pub target: String,
    /// Sent when the gate opened, or when it was escalated.
    pub reason: String,
    pub ok: bool,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub error: Option<String>,
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
