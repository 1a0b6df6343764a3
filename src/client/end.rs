//! Waiting for a run's end, and how it ended.

use std::time::{Duration, Instant};

use serde_json::Value;
use temporalio_client::{
    UntypedWorkflow, WorkflowGetResultOptions, errors::WorkflowGetResultError,
};
use temporalio_common::protos::temporal::api::failure::v1::Failure;

use super::{Orca, QUERY_DEADLINE, RunPhase, TemporalStatus};
use crate::{
    Error, Result, connect,
    engine::{
        activities::failure_type,
        status::{Outcome, RunResult},
    },
};

/// How a run ended, as the server records it.
#[derive(Debug)]
pub enum RunEnd {
    Completed(RunResult),
    /// A workflow that is not orca's completed with this result.
    Foreign(Value),
    /// Failed, cancelled, terminated or timed out.
    Failed {
        status: TemporalStatus,
        message: Option<String>,
        /// What kind of failure, when its type is one orca names.
        kind: Option<FailureKind>,
    },
}

/// Failures of a run that orca tells apart by their type (README "The
/// workflow contract"): the worker could not resolve the request.
#[derive(Debug, Clone, PartialEq)]
pub enum FailureKind {
    /// No pipeline by that name on the worker; `known` are the ones it has.
    UnknownPipeline {
        known: Vec<String>,
    },
    InvalidSpec,
    InvalidInput,
    /// An inline spec sent to a worker with `--inline-pipelines deny`.
    InlineDenied,
    /// The start was signed, and the signature does not verify.
    BadSignature,
}

impl FailureKind {
    /// The kind named by the first typed application failure in the chain.
    fn of(failure: &Failure) -> Option<FailureKind> {
        crate::failure::typed(failure).find_map(|(type_name, failure)| match type_name {
            failure_type::UNKNOWN_PIPELINE => Some(FailureKind::UnknownPipeline {
                known: crate::failure::details(failure)
                    .and_then(|d| serde_json::from_value(d["known"].clone()).ok())
                    .unwrap_or_default(),
            }),
            failure_type::INVALID_SPEC => Some(FailureKind::InvalidSpec),
            failure_type::INVALID_INPUT => Some(FailureKind::InvalidInput),
            failure_type::INLINE_DENIED => Some(FailureKind::InlineDenied),
            "BadSignature" => Some(FailureKind::BadSignature),
            _ => None,
        })
    }
}

impl Orca {
    /// Waits for the run to close (optionally at most `timeout`).
    pub async fn wait(&self, id: &str, timeout: Option<Duration>) -> Result<RunEnd> {
        let started = Instant::now();
        let handle = self
            .client
            .get_workflow_handle::<UntypedWorkflow>(id.to_string());
        let wait = handle.get_result(WorkflowGetResultOptions::default());
        let result = match timeout {
            None => wait.await,
            Some(limit) => match tokio::time::timeout(limit, wait).await {
                Ok(result) => result,
                Err(_) => {
                    return Err(Error::StillRunning {
                        id: id.to_string(),
                        phase: self.phase_now(id).await,
                        waited: started.elapsed(),
                    });
                }
            },
        };
        let failed = |status, message| {
            Ok(RunEnd::Failed {
                status,
                message,
                kind: None,
            })
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
                status: TemporalStatus::Failed,
                message: Some(failure.failure().message.clone()).filter(|m| !m.is_empty()),
                kind: FailureKind::of(failure.failure()),
            }),
            Err(WorkflowGetResultError::Cancelled { .. }) => {
                failed(TemporalStatus::Cancelled, None)
            }
            Err(WorkflowGetResultError::Terminated { .. }) => {
                failed(TemporalStatus::Terminated, None)
            }
            Err(WorkflowGetResultError::TimedOut) => failed(TemporalStatus::TimedOut, None),
            Err(WorkflowGetResultError::NotFound(status)) => Err(self.missing(id, &status)),
            Err(WorkflowGetResultError::Rpc(status)) => {
                Err(connect::status_error(&self.settings, "wait", &status))
            }
            Err(other) => Err(Error::Unexpected(anyhow::anyhow!(
                "waiting for {id} failed: {other}"
            ))),
        }
    }

    async fn phase_now(&self, id: &str) -> RunPhase {
        match self.query_status(id, QUERY_DEADLINE).await {
            Ok(Some(status)) => status.phase.into(),
            _ => RunPhase::RUNNING,
        }
    }
}

impl RunEnd {
    /// The phase the run ended in.
    pub fn phase(&self) -> RunPhase {
        match self {
            RunEnd::Completed(result) => result.outcome.into(),
            RunEnd::Foreign(_) => RunPhase::COMPLETED,
            RunEnd::Failed { status, .. } => (*status).into(),
        }
    }

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
            RunEnd::Failed {
                status, message, ..
            } => Err(Error::RunFailed {
                id: id.to_string(),
                status,
                message,
            }),
        }
    }

    pub fn to_json(&self) -> Value {
        match self {
            RunEnd::Completed(result) => serde_json::to_value(result).unwrap_or(Value::Null),
            RunEnd::Foreign(result) => {
                serde_json::json!({"outcome": RunPhase::COMPLETED, "result": result})
            }
            RunEnd::Failed {
                status, message, ..
            } => serde_json::json!({
                "outcome": status,
                "error": message,
            }),
        }
    }
}
