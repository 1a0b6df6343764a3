//! Waiting for a run's end, and how it ended.

use std::time::{Duration, Instant};

use serde::Serialize;
use serde_json::Value;
use temporalio_client::{
    HistoryEventFilterType, UntypedWorkflow, WorkflowFetchHistoryOptions, WorkflowGetResultOptions,
    errors::WorkflowGetResultError,
};
use temporalio_common::protos::temporal::api::{
    failure::v1::Failure, history::v1::history_event::Attributes,
};

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
        /// Terminated: why, and by whom, as the server recorded it.
        terminated: Option<Termination>,
    },
}

/// Why a run was terminated, from its `WorkflowExecutionTerminated` event:
/// the reason given (`temporal workflow terminate --reason`, `orca
/// terminate --reason`, or the server's own when it ends a run that grew
/// past its limits) and the identity of who asked.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Termination {
    pub reason: String,
    pub identity: String,
}

impl std::fmt::Display for Termination {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self.reason.trim() {
            "" => f.write_str("no reason given")?,
            reason => f.write_str(reason)?,
        }
        match self.identity.trim() {
            "" => Ok(()),
            who => write!(f, " (by {who})"),
        }
    }
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
        let handle = self.any_handle::<UntypedWorkflow>(id);
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
                terminated: None,
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
                terminated: None,
            }),
            Err(WorkflowGetResultError::Cancelled { .. }) => {
                failed(TemporalStatus::Cancelled, None)
            }
            Err(WorkflowGetResultError::Terminated { .. }) => Ok(RunEnd::Failed {
                status: TemporalStatus::Terminated,
                message: None,
                kind: None,
                terminated: self.termination(id).await,
            }),
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

    /// Why the run was terminated, from its close event (the SDK's result
    /// leaves the reason out). Best effort: `None` when it cannot be read.
    async fn termination(&self, id: &str) -> Option<Termination> {
        let options = WorkflowFetchHistoryOptions::builder()
            .event_filter_type(HistoryEventFilterType::CloseEvent)
            .build();
        let events = self
            .any_handle::<UntypedWorkflow>(id)
            .fetch_history(options)
            .into_events()
            .await
            .ok()?;
        events
            .into_iter()
            .rev()
            .find_map(|event| match event.attributes {
                Some(Attributes::WorkflowExecutionTerminatedEventAttributes(attributes)) => {
                    Some(Termination {
                        reason: attributes.reason,
                        identity: attributes.identity,
                    })
                }
                _ => None,
            })
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
                status,
                message,
                terminated,
                ..
            } => Err(Error::RunFailed {
                id: id.to_string(),
                status,
                message,
                terminated,
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
                status,
                message,
                terminated: None,
                ..
            } => serde_json::json!({
                "outcome": status,
                "error": message,
            }),
            RunEnd::Failed {
                status,
                message,
                terminated: Some(terminated),
                ..
            } => serde_json::json!({
                "outcome": status,
                "error": message,
                "terminated": terminated,
            }),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn terminated(reason: &str, identity: &str) -> RunEnd {
        RunEnd::Failed {
            status: TemporalStatus::Terminated,
            message: None,
            kind: None,
            terminated: Some(Termination {
                reason: reason.into(),
                identity: identity.into(),
            }),
        }
    }

    #[test]
    fn a_termination_says_why_and_who_in_text_json_and_the_error() {
        let end = terminated("history size exceeds limit", "history-service");
        assert_eq!(
            end.to_json()["terminated"],
            serde_json::json!({"reason": "history size exceeds limit", "identity": "history-service"})
        );
        let error = end.into_result("r1").unwrap_err();
        assert_eq!(
            error.to_string(),
            "run r1 terminated: history size exceeds limit (by history-service)"
        );
        assert_eq!(error.code(), crate::error::exit::RUN_FAILED);
        let Err(error) = terminated(" ", "").into_result("r2") else {
            unreachable!()
        };
        assert_eq!(error.to_string(), "run r2 terminated: no reason given");
    }
}
