//! One typed view of a run: what the server knows (describe) plus what the
//! workflow says about itself (the `status` query), with every state parsed
//! into its enum once, here. `status`, `watch`, `wait` and the follow loop
//! all read runs through this.

use std::time::{Duration, SystemTime};

use serde::Serialize;
use serde_json::{Map, Value};
use temporalio_client::WorkflowExecutionDescription;

use temporalio_common::protos::temporal::api::{
    enums::v1::PendingActivityState, workflow::v1::PendingActivityInfo,
};

use crate::{
    Result,
    client::{
        Orca, QUERY_DEADLINE, RunEnd, RunPhase, TemporalStatus, Termination, orca_attributes,
        rfc3339, system_time, task_queue_of,
    },
    engine::capability::Capability,
    engine::status::{ApprovalStatus, Outcome, Progress, RunStatus, StepStatus, WORKFLOW_TYPE},
};

/// How long a follower gives a worker to answer for a run that has just
/// closed: the answer needs a replay of the whole history, which a busy
/// worker may not finish within the usual deadline.
const CLOSED_RUN_QUERY_DEADLINE: Duration = Duration::from_secs(5);

/// The most of a foreign workflow's result `status` shows (as text).
const RESULT_LIMIT: usize = 4096;

/// `orca status -o json`: stable field names (README "JSON output").
#[derive(Debug, Clone, Serialize)]
pub struct RunView {
    pub workflow_id: String,
    pub run_id: String,
    pub workflow_type: String,
    /// Temporal's view: running, completed, failed, cancelled, terminated, timed_out.
    pub temporal_status: TemporalStatus,
    pub pipeline: Option<String>,
    /// orca's phase (from the workflow if it answered, else the search
    /// attribute); Temporal's word for a run ended from outside.
    pub phase: Option<RunPhase>,
    pub outcome: Option<Outcome>,
    pub started_at: Option<String>,
    pub closed_at: Option<String>,
    pub requested_by: Option<String>,
    pub current_step: Option<String>,
    pub input: Map<String, Value>,
    pub steps: Vec<StepStatus>,
    pub progress: Option<Progress>,
    pub approval: Option<ApprovalStatus>,
    pub paused: bool,
    pub stop_requested: bool,
    /// The key that signed the start (`SHA256:…`): `requested_by` is verified.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub requester_key: Option<String>,
    /// The schedule that started the run.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub scheduled_by: Option<String>,
    /// Times the run continued as new under the same ID (0: never).
    #[serde(skip_serializing_if = "crate::engine::status::is_zero")]
    pub continued: u32,
    /// False when no worker answered the status query in time: only the
    /// server's view is shown.
    pub live: bool,
    /// The running activity of each step (attempt and last failure), from the server.
    pub pending: Vec<PendingStep>,
    /// The task queue the run's workflow tasks go to: whether a worker
    /// polls it tells a follower why nobody answers.
    #[serde(skip)]
    pub task_queue: Option<String>,
    /// A closed workflow that is not orca's: its result (bounded), as
    /// `temporal workflow result` would show it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub result: Option<Value>,
    /// A run that failed: why (the failure's message).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub failure: Option<String>,
    /// A run that was terminated: the reason and who gave it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub terminated: Option<Termination>,
}

#[derive(Debug, Clone, Serialize)]
pub struct PendingStep {
    pub step: String,
    pub attempt: i32,
    pub last_failure: Option<String>,
    /// The task queue its activity is scheduled on.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub task_queue: Option<String>,
    /// Scheduled on a capability's queue and not yet taken by any worker:
    /// it waits for a worker with that capability (`commands`: a worker
    /// started with `--allow-commands`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub waiting_for: Option<Capability>,
}

impl PendingStep {
    /// The server's pending activities of a run on `task_queue`.
    pub fn of(task_queue: Option<&str>, activity: &PendingActivityInfo) -> PendingStep {
        let queue = activity
            .activity_options
            .as_ref()
            .and_then(|options| options.task_queue.as_ref())
            .map(|queue| queue.name.clone())
            .filter(|name| !name.is_empty());
        // Scheduled and due (not between retries): no worker has taken it.
        let backing_off = activity
            .next_attempt_schedule_time
            .as_ref()
            .and_then(system_time)
            .is_some_and(|next| next > SystemTime::now());
        let waiting_for = match (task_queue, &queue) {
            (Some(own), Some(queue))
                if activity.state() == PendingActivityState::Scheduled && !backing_off =>
            {
                Capability::of_queue(own, queue)
            }
            _ => None,
        };
        PendingStep {
            step: activity.activity_id.clone(),
            attempt: activity.attempt,
            last_failure: activity.last_failure.as_ref().map(|f| f.message.clone()),
            task_queue: queue,
            waiting_for,
        }
    }
}

impl RunView {
    pub fn is_running(&self) -> bool {
        self.temporal_status.is_running()
    }

    pub fn is_orca(&self) -> bool {
        self.workflow_type == WORKFLOW_TYPE
    }

    /// The phase to report while the run goes on (`running` when unknown).
    pub fn phase_or_running(&self) -> RunPhase {
        self.phase.unwrap_or(RunPhase::RUNNING)
    }
}

/// The run as it is now, giving the worker the usual 2 s to answer.
pub async fn view(orca: &Orca, id: &str) -> Result<RunView> {
    view_within(orca, id, QUERY_DEADLINE).await
}

/// For a follower that saw the run running: `latest` as it is, unless the
/// run has since closed without the worker answering in time; then asked
/// again with `CLOSED_RUN_QUERY_DEADLINE`, so the last events (the decision,
/// the final step) are not lost to a slow replay.
pub async fn closed_view(orca: &Orca, id: &str, mut latest: RunView) -> Result<RunView> {
    if latest.is_running() || latest.live || !latest.is_orca() {
        return Ok(latest);
    }
    // A closed run's description does not change: only the query is asked again.
    if let Ok(Some(status)) = orca.query_status(id, CLOSED_RUN_QUERY_DEADLINE).await {
        latest.live = true;
        apply_live(&mut latest, status);
    }
    Ok(latest)
}

/// `view`, giving the worker `deadline` to answer the status query.
async fn view_within(orca: &Orca, id: &str, deadline: Duration) -> Result<RunView> {
    // Describe and query at once (one round trip saved); the query's answer
    // is used, or its wait abandoned, once describe says what the run is.
    let query = orca.query_status(id, deadline);
    let describe = orca.describe(id);
    tokio::pin!(query, describe);
    let mut answered = None;
    let description = tokio::select! {
        biased;
        description = &mut describe => description?,
        live = &mut query => {
            answered = Some(live);
            describe.await?
        }
    };
    // Only orca's workflows answer the status query; others get the server's view.
    let live = if description.workflow_type() != WORKFLOW_TYPE {
        None
    } else {
        match answered {
            Some(live) => live.unwrap_or(None),
            None => query.await.unwrap_or(None),
        }
    };
    let (pipeline, phase) = orca_attributes(&description.search_attributes());
    let raw = description.raw();
    let own_queue = task_queue_of(&description);
    let pending = raw
        .pending_activities
        .iter()
        .map(|activity| PendingStep::of(own_queue, activity))
        .collect();
    let temporal_status = TemporalStatus::from(description.status());
    let mut view = RunView {
        workflow_id: description.id().to_string(),
        run_id: description.run_id().to_string(),
        workflow_type: description.workflow_type().to_string(),
        temporal_status,
        pipeline,
        phase: RunPhase::of(temporal_status, phase),
        outcome: None,
        started_at: rfc3339(chain_started(orca, id, &description).await),
        closed_at: rfc3339(description.close_time()),
        requested_by: None,
        current_step: None,
        input: Map::new(),
        steps: Vec::new(),
        progress: None,
        approval: None,
        paused: false,
        stop_requested: false,
        requester_key: None,
        scheduled_by: None,
        continued: 0,
        live: live.is_some(),
        pending,
        task_queue: own_queue.map(str::to_string),
        result: None,
        failure: None,
        terminated: None,
    };
    if let Some(status) = live {
        apply_live(&mut view, status);
    }
    // An orca run that completed says everything in its status already.
    let told = view.is_orca() && view.temporal_status == TemporalStatus::Completed;
    if !view.is_running() && !told {
        closed_end(orca, id, &mut view).await;
    }
    Ok(view)
}

/// When the run began: for a run that continued as new, when the first run
/// of its chain did (best effort: the server may no longer have it), not
/// when the latest took over.
async fn chain_started(
    orca: &Orca,
    id: &str,
    description: &WorkflowExecutionDescription,
) -> Option<SystemTime> {
    let first = description
        .raw()
        .workflow_execution_info
        .as_ref()
        .map(|info| info.first_run_id.as_str())
        .filter(|first| !first.is_empty() && *first != description.run_id());
    match first {
        Some(first) => match orca.describe_run(id, first).await {
            Ok(first) => first.start_time(),
            Err(_) => description.start_time(),
        },
        None => description.start_time(),
    }
}

fn apply_live(view: &mut RunView, status: RunStatus) {
    view.pipeline = Some(status.pipeline);
    view.phase = RunPhase::of(view.temporal_status, Some(status.phase));
    view.outcome = status.outcome;
    view.requested_by = status.requested_by;
    view.current_step = status.current_step;
    view.input = status.input;
    view.steps = status.steps;
    view.progress = status.progress;
    view.approval = status.approval;
    view.paused = status.paused;
    view.stop_requested = status.stop_requested;
    view.requester_key = status.requester_key;
    view.scheduled_by = status.scheduled_by;
    view.continued = status.continued;
}

/// How a closed run ended, when the server's status alone does not say:
/// why it failed, why it was terminated (and by whom), and a foreign
/// workflow's result as `temporal workflow result` shows it (a result longer
/// than `RESULT_LIMIT` as text is cut). Best effort: what orca cannot read
/// (another SDK's encoding) leaves the server's view as it is.
async fn closed_end(orca: &Orca, id: &str, view: &mut RunView) {
    let value = match orca.wait(id, None).await {
        Ok(RunEnd::Foreign(value)) => value,
        Ok(RunEnd::Completed(result)) => serde_json::to_value(result).unwrap_or_default(),
        Ok(RunEnd::Failed {
            message,
            terminated,
            ..
        }) => {
            view.failure = message;
            view.terminated = terminated;
            return;
        }
        Err(_) => return,
    };
    let text = value.to_string();
    view.result = Some(if text.len() > RESULT_LIMIT {
        let cut: String = text.chars().take(RESULT_LIMIT).collect();
        Value::String(format!("{cut}… ({} bytes in all)", text.len()))
    } else {
        value
    });
}
