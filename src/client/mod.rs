//! Operations on runs, through the SDK client: start, decide, query, signal,
//! wait. Each turns the SDK's errors into orca's, so a command never has to
//! tell "not found" from "already finished" itself.

mod foreign;
mod schedules;

use std::time::{Duration, SystemTime};

use serde::Serialize;
use serde_json::Value;
use temporalio_client::RpcOptions;
use temporalio_client::UntypedWorkflow;
use temporalio_client::{
    Client, WorkflowCancelOptions, WorkflowDescribeOptions, WorkflowExecuteUpdateOptions,
    WorkflowExecutionDescription, WorkflowExecutionStatus, WorkflowFetchHistoryOptions,
    WorkflowGetResultOptions, WorkflowHandle, WorkflowIdConflictPolicy, WorkflowListOptions,
    WorkflowQueryOptions, WorkflowSignalOptions, WorkflowStartOptions, WorkflowTerminateOptions,
    errors::{
        WorkflowGetResultError, WorkflowInteractionError, WorkflowQueryError, WorkflowStartError,
        WorkflowUpdateError,
    },
    tonic::{Code, Status},
};
use temporalio_common::{
    data_converters::{
        GenericPayloadConverter, RawValue, SerializationContext, SerializationContextData,
        WorkflowSerializationContext,
    },
    search_attributes::{SearchAttributeKey, SearchAttributes},
};

use crate::{
    Error, Result,
    config::Settings,
    connect,
    engine::{
        PipelineWorkflow,
        status::{
            DecisionRequest, MEMO_APPROVALS, MEMO_DEADLINE, MEMO_PROGRESS, MEMO_PROMPT, Outcome,
            Phase, RunRequest, RunResult, RunStatus, SA_PHASE, SA_PIPELINE, VoteResult,
        },
    },
};

const PIPELINE_KEY: SearchAttributeKey<String> = SearchAttributeKey::keyword(SA_PIPELINE);
const PHASE_KEY: SearchAttributeKey<String> = SearchAttributeKey::keyword(SA_PHASE);

/// How long `status` waits for a worker to answer the query before showing
/// what the server alone knows.
pub const QUERY_DEADLINE: Duration = Duration::from_secs(2);
/// How long a decision waits for a worker to validate and record it.
pub const UPDATE_DEADLINE: Duration = Duration::from_secs(30);

pub struct Orca {
    pub client: Client,
    pub settings: Settings,
}

#[derive(Debug, Clone, Serialize)]
pub struct StartedRun {
    pub workflow_id: String,
    pub run_id: Option<String>,
}

/// One row of a listing: what visibility knows about a run, no query needed.
#[derive(Debug, Clone, Serialize)]
pub struct RunSummary {
    pub workflow_id: String,
    pub run_id: String,
    pub workflow_type: String,
    pub pipeline: Option<String>,
    /// orca's phase; for a run Temporal ended from outside, Temporal's status.
    pub phase: Option<String>,
    pub temporal_status: String,
    pub started_at: Option<String>,
    pub closed_at: Option<String>,
    /// `done/total` of the run's current or last foreach.
    pub progress: Option<String>,
    /// The prompt of the gate the run waits at.
    pub prompt: Option<String>,
    /// Approvals so far at that gate, `1/2`.
    pub approvals: Option<String>,
    /// When that gate times out (RFC 3339).
    pub deadline: Option<String>,
    #[serde(skip)]
    pub started: Option<SystemTime>,
}

/// How a run ended, as the server records it.
#[derive(Debug)]
pub enum RunEnd {
    Completed(RunResult),
    /// A workflow that is not orca's completed with this result.
    Foreign(Value),
    Failed {
        status: &'static str,
        message: Option<String>,
    },
}

impl Orca {
    pub async fn connect(settings: Settings) -> Result<Orca> {
        let client = connect::connect(&settings).await?;
        Ok(Orca { client, settings })
    }

    fn handle(&self, id: &str) -> WorkflowHandle<Client, PipelineWorkflow> {
        self.client
            .get_workflow_handle::<PipelineWorkflow>(id.to_string())
    }

    /// Starts a run. The pipeline name goes into the search attributes at
    /// once, so `orca list` sees the run before its first workflow task.
    pub async fn start(
        &self,
        id: &str,
        pipeline_name: &str,
        request: &RunRequest,
        execution_timeout: Option<Duration>,
    ) -> Result<StartedRun> {
        let input = serde_json::to_value(request).map_err(|e| Error::Unexpected(e.into()))?;
        let options = |with_attributes: bool| {
            let builder =
                WorkflowStartOptions::new(self.settings.task_queue.clone(), id.to_string())
                    .id_conflict_policy(WorkflowIdConflictPolicy::Fail)
                    .maybe_execution_timeout(execution_timeout);
            if with_attributes {
                builder
                    .search_attributes(SearchAttributes::new([
                        PIPELINE_KEY.value_set(pipeline_name.to_string()),
                        PHASE_KEY.value_set(Phase::Running.to_string()),
                    ]))
                    .build()
            } else {
                builder.build()
            }
        };
        let mut result = self
            .client
            .start_workflow(PipelineWorkflow::run, input.clone(), options(true))
            .await;
        // A namespace without orca's search attributes refuses them; start
        // anyway (the worker registers them, or says how to).
        if let Err(WorkflowStartError::Rpc(status)) = &result
            && status.code() == Code::InvalidArgument
            && status.message().contains("search attribute")
        {
            result = self
                .client
                .start_workflow(PipelineWorkflow::run, input, options(false))
                .await;
        }
        self.started(id, result)
    }

    /// A start's result as orca reports it (an existing ID is exit 7).
    fn started<W>(
        &self,
        id: &str,
        result: std::result::Result<WorkflowHandle<Client, W>, WorkflowStartError>,
    ) -> Result<StartedRun> {
        match result {
            Ok(handle) => Ok(StartedRun {
                workflow_id: id.to_string(),
                run_id: handle.run_id().map(str::to_string),
            }),
            Err(WorkflowStartError::AlreadyStarted { .. }) => {
                Err(Error::RunExists { id: id.to_string() })
            }
            Err(WorkflowStartError::Rpc(status)) => {
                Err(connect::status_error(&self.settings, "start", &status))
            }
            Err(other) => Err(Error::Unexpected(anyhow::anyhow!("start failed: {other}"))),
        }
    }

    /// The run's event history as JSON (the SDK's encoding: snake_case
    /// fields, with payloads and failures in protojson form).
    pub async fn history_json(&self, id: &str) -> Result<Value> {
        // Describe first: it tells a missing run from a bad namespace.
        self.describe(id).await?;
        let bytes = self
            .handle(id)
            .fetch_history(WorkflowFetchHistoryOptions::default())
            .to_json()
            .await
            .map_err(|e| {
                Error::Unexpected(anyhow::anyhow!("cannot read the history of {id}: {e}"))
            })?;
        serde_json::from_slice(&bytes).map_err(|e| Error::Unexpected(e.into()))
    }

    fn json(&self, raw: RawValue) -> Result<Value> {
        let converter = self.client.options().data_converter.payload_converter();
        let data = SerializationContextData::Workflow(WorkflowSerializationContext::new());
        let context = SerializationContext::new(&data, converter);
        match raw.payloads.into_iter().next() {
            None => Ok(Value::Null),
            Some(p) if p.metadata.is_empty() && p.data.is_empty() => Ok(Value::Null),
            Some(p) => converter
                .from_payload::<Value>(&context, p)
                .map_err(|e| Error::Unexpected(anyhow::anyhow!("cannot decode the result: {e}"))),
        }
    }

    /// Runs matching a visibility query, newest first; `limit` 0 means all.
    pub async fn list(&self, query: &str, limit: usize) -> Result<Vec<RunSummary>> {
        use futures_util::StreamExt;
        let options = WorkflowListOptions::builder()
            .maybe_limit((limit > 0).then_some(limit))
            .build();
        let mut stream = self.client.list_workflows(query.to_string(), options);
        let mut runs = Vec::new();
        while let Some(item) = stream.next().await {
            let run = item.map_err(|e| self.list_error(query, e))?;
            let (pipeline, phase) = orca_attributes(&run.search_attributes());
            let status = status_word(run.status());
            let memo = run.memo();
            let text = |key: &str| memo.get::<String>(key).ok().flatten();
            runs.push(RunSummary {
                workflow_id: run.id().to_string(),
                run_id: run.run_id().to_string(),
                workflow_type: run.workflow_type().to_string(),
                pipeline,
                phase: match (status, phase) {
                    ("running" | "completed", phase) => phase,
                    (other, _) => Some(other.to_string()),
                },
                temporal_status: status.to_string(),
                started_at: rfc3339(run.start_time()),
                closed_at: rfc3339(run.close_time()),
                progress: text(MEMO_PROGRESS),
                prompt: text(MEMO_PROMPT).filter(|_| status == "running"),
                approvals: text(MEMO_APPROVALS).filter(|_| status == "running"),
                deadline: text(MEMO_DEADLINE).filter(|_| status == "running"),
                started: run.start_time(),
            });
        }
        Ok(runs)
    }

    fn list_error(&self, query: &str, error: temporalio_client::errors::ClientError) -> Error {
        match error {
            temporalio_client::errors::ClientError::Rpc(status)
                if status.code() == Code::InvalidArgument =>
            {
                Error::usage_with_hint(
                    format!("the server refused the query: {}", status.message()),
                    format!("the query was: {query}"),
                )
            }
            temporalio_client::errors::ClientError::Rpc(status)
                if status.code() == Code::NotFound =>
            {
                self.missing("", &status)
            }
            temporalio_client::errors::ClientError::Rpc(status) => {
                connect::status_error(&self.settings, "list", &status)
            }
            other => Error::Unexpected(anyhow::anyhow!("list failed: {other}")),
        }
    }

    /// Approves or rejects through the update, so the caller learns at once
    /// whether the workflow accepted the decision.
    pub async fn decide(
        &self,
        id: &str,
        approve: bool,
        request: DecisionRequest,
    ) -> Result<VoteResult> {
        let handle = self.handle(id);
        let options = WorkflowExecuteUpdateOptions::default();
        let call = async {
            if approve {
                handle
                    .execute_update(PipelineWorkflow::approve_update, request, options)
                    .await
            } else {
                handle
                    .execute_update(PipelineWorkflow::reject_update, request, options)
                    .await
            }
        };
        match tokio::time::timeout(UPDATE_DEADLINE, call).await {
            Err(_) => Err(self.no_worker(id, UPDATE_DEADLINE)),
            Ok(Ok(decision)) => Ok(decision),
            Ok(Err(WorkflowUpdateError::Failed(failure))) => Err(Error::Refused {
                id: id.to_string(),
                reason: failure.message.clone(),
            }),
            Ok(Err(WorkflowUpdateError::NotFound(_))) => Err(self.gone(id).await),
            Ok(Err(WorkflowUpdateError::Rpc(status))) => {
                Err(self.rpc_error(id, "approve", &status).await)
            }
            Ok(Err(other)) => Err(Error::Unexpected(anyhow::anyhow!(
                "decision failed: {other}"
            ))),
        }
    }

    pub async fn describe(&self, id: &str) -> Result<WorkflowExecutionDescription> {
        self.handle(id)
            .describe(WorkflowDescribeOptions::default())
            .await
            .map_err(|e| self.interaction_error(id, "describe", e))
    }

    /// The live status document, or `None` when no worker answered in time.
    pub async fn query_status(&self, id: &str, deadline: Duration) -> Result<Option<RunStatus>> {
        let options = WorkflowQueryOptions::builder()
            .rpc_options(RpcOptions::builder().timeout(deadline).build())
            .build();
        let handle = self.handle(id);
        let call = handle.query(PipelineWorkflow::status, (), options);
        match tokio::time::timeout(deadline + Duration::from_millis(500), call).await {
            Err(_) => Ok(None),
            Ok(Ok(status)) => Ok(Some(status)),
            Ok(Err(WorkflowQueryError::NotFound(_))) => Err(self.gone(id).await),
            Ok(Err(WorkflowQueryError::Rpc(status)))
                if matches!(status.code(), Code::DeadlineExceeded | Code::Cancelled) =>
            {
                Ok(None)
            }
            Ok(Err(WorkflowQueryError::Rpc(status))) if status.code() == Code::Unavailable => {
                Err(connect::status_error(&self.settings, "query", &status))
            }
            // Any other refusal (e.g. not an orca workflow): no live detail.
            Ok(Err(_)) => Ok(None),
        }
    }

    pub async fn signal(&self, id: &str, name: &str) -> Result<()> {
        use crate::engine::status::{SIGNAL_PAUSE, SIGNAL_RESUME, SIGNAL_STOP};
        let handle = self.handle(id);
        let options = WorkflowSignalOptions::default();
        let sent = match name {
            SIGNAL_PAUSE => handle.signal(PipelineWorkflow::pause, (), options).await,
            SIGNAL_RESUME => handle.signal(PipelineWorkflow::resume, (), options).await,
            SIGNAL_STOP => handle.signal(PipelineWorkflow::stop, (), options).await,
            other => return Err(Error::usage(format!("unknown control signal `{other}`"))),
        };
        sent.map_err(|e| self.interaction_error(id, name, e))
    }

    pub async fn cancel(&self, id: &str, reason: &str) -> Result<()> {
        self.handle(id)
            .cancel(
                WorkflowCancelOptions::builder()
                    .reason(reason.to_string())
                    .build(),
            )
            .await
            .map_err(|e| self.interaction_error(id, "cancel", e))
    }

    pub async fn terminate(&self, id: &str, reason: &str) -> Result<()> {
        self.handle(id)
            .terminate(
                WorkflowTerminateOptions::builder()
                    .reason(reason.to_string())
                    .build(),
            )
            .await
            .map_err(|e| self.interaction_error(id, "terminate", e))
    }

    /// Waits for the run to close (optionally at most `timeout`).
    pub async fn wait(&self, id: &str, timeout: Option<Duration>) -> Result<RunEnd> {
        let started = std::time::Instant::now();
        let handle = self
            .client
            .get_workflow_handle::<UntypedWorkflow>(id.to_string());
        let wait = handle.get_result(WorkflowGetResultOptions::default());
        let result = match timeout {
            None => wait.await,
            Some(limit) => match tokio::time::timeout(limit, wait).await {
                Ok(result) => result,
                Err(_) => {
                    let phase = self.phase_now(id).await;
                    return Err(Error::StillRunning {
                        id: id.to_string(),
                        phase,
                        waited: started.elapsed(),
                    });
                }
            },
        };
        match result {
            Ok(raw) => {
                let value = self.json(raw)?;
                Ok(match serde_json::from_value::<RunResult>(value.clone()) {
                    Ok(result) => RunEnd::Completed(result),
                    Err(_) => RunEnd::Foreign(value),
                })
            }
            Err(WorkflowGetResultError::Failed(failure)) => Ok(RunEnd::Failed {
                status: "failed",
                message: Some(failure.failure().message.clone()).filter(|m| !m.is_empty()),
            }),
            Err(WorkflowGetResultError::Cancelled { .. }) => Ok(RunEnd::Failed {
                status: "cancelled",
                message: None,
            }),
            Err(WorkflowGetResultError::Terminated { .. }) => Ok(RunEnd::Failed {
                status: "terminated",
                message: None,
            }),
            Err(WorkflowGetResultError::TimedOut) => Ok(RunEnd::Failed {
                status: "timed out",
                message: None,
            }),
            Err(WorkflowGetResultError::NotFound(status)) => Err(self.missing(id, &status)),
            Err(WorkflowGetResultError::Rpc(status)) => {
                Err(connect::status_error(&self.settings, "wait", &status))
            }
            Err(other) => Err(Error::Unexpected(anyhow::anyhow!(
                "waiting for {id} failed: {other}"
            ))),
        }
    }

    async fn phase_now(&self, id: &str) -> String {
        match self.query_status(id, QUERY_DEADLINE).await {
            Ok(Some(status)) => status.phase.to_string(),
            _ => "running".into(),
        }
    }

    fn not_found(&self, id: &str) -> Error {
        Error::RunNotFound {
            id: id.to_string(),
            namespace: self.settings.namespace.clone(),
        }
    }

    /// A NotFound status is about the run, or about the whole namespace.
    fn missing(&self, id: &str, status: &Status) -> Error {
        let message = status.message().to_ascii_lowercase();
        if message.contains("namespace") && message.contains("not found") {
            Error::NamespaceNotFound {
                namespace: self.settings.namespace.clone(),
                address: self.settings.address.clone(),
            }
        } else {
            self.not_found(id)
        }
    }

    fn no_worker(&self, id: &str, waited: Duration) -> Error {
        Error::NoWorker {
            id: id.to_string(),
            task_queue: self.settings.task_queue.clone(),
            waited,
        }
    }

    /// NotFound from a message call means one of two things: no such run,
    /// or a run that has already closed. Describe tells which.
    async fn gone(&self, id: &str) -> Error {
        match self.describe(id).await {
            Ok(description) if description.status() != WorkflowExecutionStatus::Running => {
                Error::RunClosed {
                    id: id.to_string(),
                    status: closed_state(&description),
                }
            }
            Ok(_) => self.not_found(id),
            Err(e) => e,
        }
    }

    async fn rpc_error(&self, id: &str, operation: &str, status: &Status) -> Error {
        if status.message().contains("already completed") {
            return self.gone(id).await;
        }
        connect::status_error(&self.settings, operation, status)
    }

    fn interaction_error(
        &self,
        id: &str,
        operation: &str,
        error: WorkflowInteractionError,
    ) -> Error {
        match error {
            WorkflowInteractionError::NotFound(status)
                if status.message().contains("already completed") =>
            {
                Error::RunClosed {
                    id: id.to_string(),
                    status: "closed".into(),
                }
            }
            WorkflowInteractionError::NotFound(status) => self.missing(id, &status),
            WorkflowInteractionError::Rpc(status) => {
                connect::status_error(&self.settings, operation, &status)
            }
            other => Error::Unexpected(anyhow::anyhow!("{operation} failed: {other}")),
        }
    }
}

impl RunEnd {
    /// The command's result: `Ok` only for `completed`; exit 3 for a business
    /// refusal, 4 for a failure.
    pub fn into_result(self, id: &str) -> Result<()> {
        match self {
            RunEnd::Completed(result) if result.outcome == Outcome::Completed => Ok(()),
            RunEnd::Foreign(_) => Ok(()),
            RunEnd::Completed(result) => Err(Error::RunRefused {
                id: id.to_string(),
                outcome: result.outcome,
                detail: result.detail,
            }),
            RunEnd::Failed { status, message } => Err(Error::RunFailed {
                id: id.to_string(),
                status: status.to_string(),
                message,
            }),
        }
    }

    pub fn to_json(&self) -> Value {
        match self {
            RunEnd::Completed(result) => serde_json::to_value(result).unwrap_or(Value::Null),
            RunEnd::Foreign(result) => {
                serde_json::json!({"outcome": "completed", "result": result})
            }
            RunEnd::Failed { status, message } => serde_json::json!({
                "outcome": status.replace(' ', "_"),
                "error": message,
            }),
        }
    }
}

/// How a closed run ended, in orca's words where it can: a completed run's
/// phase (`rejected`, `stopped`…) says more than Temporal's `completed`.
pub fn closed_state(description: &WorkflowExecutionDescription) -> String {
    let status = status_word(description.status());
    match orca_attributes(&description.search_attributes()) {
        (_, Some(phase)) if status == "completed" => phase,
        _ => status.to_string(),
    }
}

/// Temporal's execution status as one lowercase word.
pub fn status_word(status: WorkflowExecutionStatus) -> &'static str {
    match status {
        WorkflowExecutionStatus::Running => "running",
        WorkflowExecutionStatus::Completed => "completed",
        WorkflowExecutionStatus::Failed => "failed",
        WorkflowExecutionStatus::Canceled => "cancelled",
        WorkflowExecutionStatus::Terminated => "terminated",
        WorkflowExecutionStatus::ContinuedAsNew => "continued_as_new",
        WorkflowExecutionStatus::TimedOut => "timed_out",
        _ => "unknown",
    }
}

pub fn rfc3339(time: Option<SystemTime>) -> Option<String> {
    time.map(|t| humantime::format_rfc3339_seconds(t).to_string())
}

/// The search attributes orca keeps: (pipeline, phase).
pub fn orca_attributes(attributes: &SearchAttributes) -> (Option<String>, Option<String>) {
    (attributes.get(&PIPELINE_KEY), attributes.get(&PHASE_KEY))
}
