//! The public contract between the `Pipeline` workflow and its clients: the
//! workflow input, the decision argument of `approve`/`reject`, the `status`
//! query document and the result. Field names are stable; other SDKs and the
//! `temporal` CLI read and write exactly these shapes (README "Workflow contract").

use std::fmt;

use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};
use temporalio_common::search_attributes::SearchAttributeKey;

mod changes;
mod gate;
mod notice;
mod unrun;

pub use super::refusal::RefusalKind;
pub use changes::*;
pub use gate::*;
pub use notice::*;
pub use unrun::Ending;

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
/// The typed keys of the two Keyword attributes, for workflow and client.
pub const PIPELINE_KEY: SearchAttributeKey<String> = SearchAttributeKey::keyword(SA_PIPELINE);
pub const PHASE_KEY: SearchAttributeKey<String> = SearchAttributeKey::keyword(SA_PHASE);
/// In `OrcaApprovers`: a gate open to anyone, and a person who has already
/// voted on such a gate (so `orca inbox` can leave it out for them).
pub const OPEN_TO_ANYONE: &str = "*";
pub const VOTED_PREFIX: &str = "voted:";
/// Memo fields of the open gate, for `orca inbox`.
pub const MEMO_APPROVALS: &str = "orca_approvals";
pub const MEMO_DEADLINE: &str = "orca_deadline";
/// Memo field of the open gate's form, as JSON (`{name: field}`), set only
/// for a gate that declares fields; and its round (`2/3`), only for a gate
/// with `on_changes`.
pub const MEMO_FIELDS: &str = "orca_fields";
pub const MEMO_ROUND: &str = "orca_round";
/// Memo field noting the last approve/reject *signal* the gate refused
/// (an update's refusal goes back to its caller instead).
pub const MEMO_IGNORED: &str = "orca_ignored";
/// Memo field the workflow sets once the schedule it names confirmed it
/// started the run (README "Verified approvals").
pub const MEMO_SCHEDULED_BY: &str = "orca_scheduled_by";

/// The workflow input: `{"pipeline": <name or inline spec>, "input": {…}, "requested_by": "…"}`.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct RunRequest {
    /// A pipeline name (built-in or known to the worker) or an inline spec object.
    pub pipeline: Value,
    #[serde(default)]
    pub input: Map<String, Value>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub requested_by: Option<String>,
    /// The start signed by `requested_by`'s SSH key.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub signed: Option<crate::signing::Signed>,
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

impl Phase {
    /// Every phase, in the order a run may pass through them.
    pub const ALL: [Phase; 8] = [
        Phase::Running,
        Phase::AwaitingApproval,
        Phase::Paused,
        Phase::Completed,
        Phase::Rejected,
        Phase::Denied,
        Phase::Stopped,
        Phase::Failed,
    ];
}

/// The phase a word names (the `OrcaPhase` search attribute, a flag).
impl std::str::FromStr for Phase {
    type Err = String;

    fn from_str(word: &str) -> Result<Self, Self::Err> {
        Phase::ALL
            .into_iter()
            .find(|phase| phase.as_str() == word)
            .ok_or_else(|| format!("`{word}` is not a phase"))
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

/// What to say of a step in one line: a failed step says why it failed,
/// any other what it last reported.
pub fn step_detail<'a>(
    state: StepState,
    summary: Option<&'a str>,
    error: Option<&'a str>,
) -> Option<&'a str> {
    match state {
        StepState::Failed => error.or(summary),
        _ => summary.or(error),
    }
}

impl StepStatus {
    /// See `step_detail`.
    pub fn detail(&self) -> Option<&str> {
        step_detail(self.state, self.summary.as_deref(), self.error.as_deref())
    }
}

impl fmt::Display for StepState {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
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
    /// The key that signed the start (`SHA256:…`): `requested_by` is
    /// verified. Absent for an unsigned start.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub requester_key: Option<String>,
    /// The schedule that started the run (set by the server, not the
    /// client: a schedule is never a person).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub scheduled_by: Option<String>,
    /// Times the run has handed over to a fresh one of the same workflow
    /// ID (continue-as-new) to keep its history short.
    #[serde(default, skip_serializing_if = "is_zero")]
    pub continued: u32,
}

/// For `skip_serializing_if`: a count of zero is left out.
pub(crate) fn is_zero(n: &u32) -> bool {
    *n == 0
}
