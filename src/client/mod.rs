//! Operations on runs, through the SDK client: start, list, describe. Each
//! turns the SDK's answers into orca's types (`crate::state`) and its errors
//! into orca's (`errors.rs`), so a command never has to tell "not found"
//! from "already finished" itself. `messages.rs`: decisions, signals,
//! queries, cancel and terminate; `end.rs`: waiting for a run's end;
//! `chain.rs`: the runs of a workflow ID that continued as new, and their
//! histories; `foreign.rs`: workflows that are not orca's; `schedules.rs`:
//! schedules.

mod chain;
mod control;
mod end;
mod errors;
mod foreign;
mod messages;
mod newest;
mod pollers;
mod reuse;
mod schedules;

use std::{
    collections::BTreeMap,
    time::{Duration, SystemTime},
};

use serde::Serialize;
use serde_json::Value;
use temporalio_client::{
    Client, WorkflowDescribeOptions, WorkflowExecutionDescription, WorkflowHandle,
    WorkflowListOptions, WorkflowStartOptions, errors::WorkflowStartError, tonic::Code,
};
use temporalio_common::{
    data_converters::{
        GenericPayloadConverter, RawValue, SerializationContext, SerializationContextData,
        WorkflowSerializationContext,
    },
    search_attributes::SearchAttributes,
};

pub use crate::state::{RunPhase, TemporalStatus, orca_attributes};
pub use chain::{Chain, RunHistory, handed_over_from, temporal_run_id};
pub use control::{Answer, ControlReport};
pub use end::{FailureKind, RunEnd, Termination};
pub use messages::Control;
pub use pollers::{Poller, is_recent, normal_queue, polled, start_one};
pub use reuse::IdReuse;

use crate::engine::status::{PHASE_KEY, PIPELINE_KEY};
use crate::pipeline::fields::FieldSpec;
use crate::{
    Error, Result,
    config::Settings,
    connect,
    engine::{
        PipelineWorkflow,
        status::{
            MEMO_APPROVALS, MEMO_DEADLINE, MEMO_FIELDS, MEMO_PROGRESS, MEMO_PROMPT, MEMO_ROUND,
            Phase, RunRequest,
        },
    },
};

/// How long `status` waits for a worker to answer the query before showing
/// what the server alone knows.
pub const QUERY_DEADLINE: Duration = Duration::from_secs(2);
/// How long a decision waits for a worker to validate and record it.
pub const UPDATE_DEADLINE: Duration = Duration::from_secs(30);

pub struct Orca {
    pub client: Client,
    pub settings: Settings,
    /// A run ID every read goes to instead of the run the ID names now
    /// (`Orca::pinned_to`); `None` for every client that sends messages.
    pinned: Option<String>,
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
    pub phase: Option<RunPhase>,
    pub temporal_status: TemporalStatus,
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
    /// The form an approval of that gate fills in, when it has one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub fields: Option<BTreeMap<String, FieldSpec>>,
    /// Its round, `2/3`, when it can send the run back.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub round: Option<String>,
    #[serde(skip)]
    pub started: Option<SystemTime>,
    #[serde(skip)]
    pub closed: Option<SystemTime>,
}

impl RunSummary {
    /// The phase to show: orca's, else Temporal's status.
    pub fn shown_phase(&self) -> RunPhase {
        self.phase.unwrap_or(self.temporal_status.into())
    }

    /// The open gate's prompt, with its round when it has rounds:
    /// `Accept the plan? (round 2/3)`.
    pub fn prompt_and_round(&self) -> String {
        let prompt = self.prompt.clone().unwrap_or_default();
        match &self.round {
            Some(round) => format!("{prompt} (round {round})"),
            None => prompt,
        }
    }
}

impl Orca {
    pub async fn connect(settings: Settings) -> Result<Orca> {
        let client = connect::connect(&settings).await?;
        Ok(Orca {
            client,
            settings,
            pinned: None,
        })
    }

    /// A client whose reads (describe, the status query, the run's end) go
    /// to run `run_id` of an ID, not to the ID's latest run: `status
    /// --run-id`. For reading only: a message sent through it would go to
    /// that run too, and orca sends every message to the run the ID names now.
    pub fn pinned_to(&self, run_id: &str) -> Orca {
        Orca {
            client: self.client.clone(),
            settings: self.settings.clone(),
            pinned: Some(run_id.to_string()),
        }
    }

    fn handle(&self, id: &str) -> WorkflowHandle<Client, PipelineWorkflow> {
        self.any_handle(id)
    }

    /// A handle to the run the ID names now, or to the pinned run.
    fn any_handle<W: temporalio_common::HasWorkflowDefinition>(
        &self,
        id: &str,
    ) -> WorkflowHandle<Client, W> {
        let info = temporalio_client::WorkflowExecutionInfo::builder()
            .namespace(self.settings.namespace.clone())
            .workflow_id(id)
            .maybe_run_id(self.pinned.clone())
            .build();
        WorkflowHandle::new(self.client.clone(), info)
    }

    /// Starts a run. The pipeline name goes into the search attributes at
    /// once, so `orca list` sees the run before its first workflow task.
    pub async fn start(
        &self,
        id: &str,
        pipeline_name: &str,
        request: &RunRequest,
        execution_timeout: Option<Duration>,
        reuse: IdReuse,
    ) -> Result<StartedRun> {
        let input = serde_json::to_value(request).map_err(|e| Error::Unexpected(e.into()))?;
        let (reuse_policy, conflict_policy) = reuse.policies();
        let options = |with_attributes: bool| {
            let builder =
                WorkflowStartOptions::new(self.settings.task_queue.clone(), id.to_string())
                    .id_reuse_policy(reuse_policy)
                    .id_conflict_policy(conflict_policy)
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
        self.started(id, result).await
    }

    /// A start's result as orca reports it: an ID whose run still goes,
    /// or (unless its policy allowed it) one whose run has finished, is
    /// exit 7, each said as it is.
    async fn started<W>(
        &self,
        id: &str,
        result: std::result::Result<WorkflowHandle<Client, W>, WorkflowStartError>,
    ) -> Result<StartedRun> {
        match result {
            Ok(handle) => Ok(StartedRun {
                workflow_id: id.to_string(),
                run_id: handle.run_id().map(str::to_string),
            }),
            Err(WorkflowStartError::AlreadyStarted { .. }) => Err(self.taken(id).await),
            Err(WorkflowStartError::Rpc(status)) => {
                Err(connect::status_error(&self.settings, "start", &status))
            }
            Err(other) => Err(Error::Unexpected(anyhow::anyhow!("start failed: {other}"))),
        }
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

    /// Runs matching a visibility query, in the server's order: open runs
    /// first, newest first, then closed ones by when they closed (for
    /// newest first across both, `list_newest`); `limit` 0 means all.
    pub async fn list(&self, query: &str, limit: usize) -> Result<Vec<RunSummary>> {
        use futures_util::StreamExt;
        let mut stream = self.list_stream(query, limit);
        let mut runs = Vec::new();
        while let Some(item) = stream.next().await {
            runs.push(self.summary(query, item)?);
        }
        Ok(runs)
    }

    fn list_stream(&self, query: &str, limit: usize) -> temporalio_client::ListWorkflowsStream {
        let options = WorkflowListOptions::builder()
            .maybe_limit((limit > 0).then_some(limit))
            .build();
        self.client.list_workflows(query.to_string(), options)
    }

    /// One listed run as a row, no query needed.
    fn summary(
        &self,
        query: &str,
        item: std::result::Result<
            temporalio_client::WorkflowExecution,
            temporalio_client::errors::ClientError,
        >,
    ) -> Result<RunSummary> {
        let run = item.map_err(|e| self.list_error(query, e))?;
        let (pipeline, phase) = orca_attributes(&run.search_attributes());
        let status = TemporalStatus::from(run.status());
        let memo = run.memo();
        let text = |key: &str| memo.get::<String>(key).ok().flatten();
        // The gate's memo fields mean something only while it is open.
        let open = |key: &str| text(key).filter(|_| status.is_running());
        Ok(RunSummary {
            workflow_id: run.id().to_string(),
            run_id: run.run_id().to_string(),
            workflow_type: run.workflow_type().to_string(),
            pipeline,
            phase: RunPhase::of(status, phase),
            temporal_status: status,
            started_at: rfc3339(run.start_time()),
            closed_at: rfc3339(run.close_time()),
            progress: text(MEMO_PROGRESS),
            prompt: open(MEMO_PROMPT),
            approvals: open(MEMO_APPROVALS),
            deadline: open(MEMO_DEADLINE),
            fields: open(MEMO_FIELDS).and_then(|json| serde_json::from_str(&json).ok()),
            round: open(MEMO_ROUND),
            started: run.start_time(),
            closed: run.close_time(),
        })
    }

    /// Why an ID was refused: its run still goes, or it finished (and how).
    async fn taken(&self, id: &str) -> Error {
        match self.describe(id).await {
            Ok(description) if !TemporalStatus::from(description.status()).is_running() => {
                Error::IdUsed {
                    id: id.to_string(),
                    phase: Some(shown_phase(&description)),
                }
            }
            _ => Error::RunExists { id: id.to_string() },
        }
    }

    pub async fn describe(&self, id: &str) -> Result<WorkflowExecutionDescription> {
        self.handle(id)
            .describe(WorkflowDescribeOptions::default())
            .await
            .map_err(|e| self.interaction_error(id, "describe", e))
    }

    /// Refuses, with how it ended, a run that has already closed.
    pub async fn ensure_running(&self, id: &str) -> Result<()> {
        let description = self.describe(id).await?;
        if TemporalStatus::from(description.status()).is_running() {
            return Ok(());
        }
        Err(Error::RunClosed {
            id: id.to_string(),
            phase: Some(shown_phase(&description)),
        })
    }
}

/// The phase a run is shown with, in orca's words where it can: a
/// completed run's phase (`rejected`, `stopped`…) says more than Temporal's
/// `completed`; a running one says where it is (`awaiting_approval`).
pub fn shown_phase(description: &WorkflowExecutionDescription) -> RunPhase {
    let status = TemporalStatus::from(description.status());
    let (_, phase) = orca_attributes(&description.search_attributes());
    RunPhase::of(status, phase).unwrap_or(status.into())
}

/// The task queue a run's workflow tasks go to, as the server describes it.
pub fn task_queue_of(description: &WorkflowExecutionDescription) -> Option<&str> {
    let config = description.raw().execution_config.as_ref()?;
    let queue = config.task_queue.as_ref()?;
    Some(queue.name.as_str()).filter(|name| !name.is_empty())
}

pub fn rfc3339(time: Option<SystemTime>) -> Option<String> {
    time.map(|t| humantime::format_rfc3339_seconds(t).to_string())
}

/// A protobuf timestamp (history events, schedules) as a `SystemTime`;
/// `None` before the epoch.
pub fn system_time(time: &prost_wkt_types::Timestamp) -> Option<SystemTime> {
    let seconds = std::time::Duration::from_secs(u64::try_from(time.seconds).ok()?);
    let since = seconds + std::time::Duration::from_nanos(time.nanos.max(0) as u64);
    SystemTime::UNIX_EPOCH.checked_add(since)
}
