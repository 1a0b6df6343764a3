//! Messages to a run: the acts at a gate (updates: approve, reject,
//! request_changes, delegate), control signals, the status query, cancel
//! and terminate.

use std::time::Duration;

use temporalio_client::{
    RpcOptions, WorkflowCancelOptions, WorkflowExecuteUpdateOptions, WorkflowQueryOptions,
    WorkflowSignalOptions, WorkflowTerminateOptions,
    errors::{WorkflowQueryError, WorkflowUpdateError},
    tonic::Code,
};
use temporalio_common::{
    HasWorkflowDefinition, UpdateDefinition, protos::temporal::api::failure::v1::Failure,
};

use super::{Orca, UPDATE_DEADLINE};
use crate::{
    Error, Result, connect,
    engine::{
        PipelineWorkflow,
        status::{
            ChangesResult, DecisionRequest, DelegateRequest, DelegationResult, RefusalKind,
            RunStatus, VoteKind, VoteResult,
        },
    },
};

/// The control signals of the contract.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Control {
    Pause,
    Resume,
    Stop,
}

impl Control {
    pub fn signal_name(self) -> &'static str {
        use crate::engine::status::{SIGNAL_PAUSE, SIGNAL_RESUME, SIGNAL_STOP};
        match self {
            Control::Pause => SIGNAL_PAUSE,
            Control::Resume => SIGNAL_RESUME,
            Control::Stop => SIGNAL_STOP,
        }
    }
}

impl Orca {
    /// Approves or rejects through the update, so the caller learns at once
    /// whether the workflow accepted the decision.
    pub async fn decide(
        &self,
        id: &str,
        kind: VoteKind,
        request: DecisionRequest,
    ) -> Result<VoteResult> {
        match kind {
            VoteKind::Approve => {
                self.gate_update(id, PipelineWorkflow::approve_update, request)
                    .await
            }
            VoteKind::Reject => {
                self.gate_update(id, PipelineWorkflow::reject_update, request)
                    .await
            }
        }
    }

    /// Sends the run back to the gate's `on_changes` step with feedback.
    pub async fn request_changes(
        &self,
        id: &str,
        request: DecisionRequest,
    ) -> Result<ChangesResult> {
        self.gate_update(id, PipelineWorkflow::request_changes_update, request)
            .await
    }

    /// Hands `request.by`'s decision at the open gate to `request.to`.
    pub async fn delegate(&self, id: &str, request: DelegateRequest) -> Result<DelegationResult> {
        self.gate_update(id, PipelineWorkflow::delegate_update, request)
            .await
    }

    /// Every act at a gate is an update of the contract: its refusal comes
    /// back typed (`Error::Refused`, exit 7), named after the update.
    async fn gate_update<U>(&self, id: &str, update: U, request: U::Input) -> Result<U::Output>
    where
        U: UpdateDefinition<Workflow = <PipelineWorkflow as HasWorkflowDefinition>::Run>,
        U::Input: Send,
        U::Output: 'static,
    {
        let operation = update.name().to_string();
        let handle = self.handle(id);
        let call = handle.execute_update(update, request, WorkflowExecuteUpdateOptions::default());
        self.update_answer(id, &operation, call).await
    }

    /// An update's answer as orca reports it: no worker within the
    /// deadline, a refusal (by its type), a run gone or closed, or the
    /// server's error, each named after `operation`.
    pub(super) async fn update_answer<T>(
        &self,
        id: &str,
        operation: &str,
        call: impl Future<Output = std::result::Result<T, WorkflowUpdateError>>,
    ) -> Result<T> {
        match tokio::time::timeout(UPDATE_DEADLINE, call).await {
            Err(_) => Err(self.no_worker(id, UPDATE_DEADLINE)),
            Ok(Ok(answer)) => Ok(answer),
            Ok(Err(WorkflowUpdateError::Failed(failure))) => Err(refused(id, &failure)),
            Ok(Err(WorkflowUpdateError::NotFound(_))) => Err(self.gone(id).await),
            Ok(Err(WorkflowUpdateError::Rpc(status))) => {
                Err(self.rpc_error(id, operation, &status).await)
            }
            Ok(Err(other)) => Err(Error::Unexpected(anyhow::anyhow!(
                "{operation} failed: {other}"
            ))),
        }
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
            // Any other refusal (e.g. not an orca workflow): no live detail,
            // but said at debug level, so a worker failing queries is visible.
            Ok(Err(error)) => {
                tracing::debug!(id, %error, "status query refused");
                Ok(None)
            }
        }
    }

    pub async fn signal(&self, id: &str, control: Control) -> Result<()> {
        let handle = self.handle(id);
        let options = WorkflowSignalOptions::default();
        let sent = match control {
            Control::Pause => handle.signal(PipelineWorkflow::pause, (), options).await,
            Control::Resume => handle.signal(PipelineWorkflow::resume, (), options).await,
            Control::Stop => handle.signal(PipelineWorkflow::stop, (), options).await,
        };
        sent.map_err(|e| self.interaction_error(id, control.signal_name(), e))
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
}

/// A failed update: refused by the workflow, with the refusal's type when it
/// is one of the contract's (README "The workflow contract").
pub(super) fn refused(id: &str, failure: &Failure) -> Error {
    Error::Refused {
        id: id.to_string(),
        kind: refusal_kind(failure),
        reason: failure.message.clone(),
    }
}

/// The first application failure type in the failure's chain that names a
/// refusal. orca's validator puts it on the cause (see `engine::refusal`);
/// other clients may put it on the failure itself.
fn refusal_kind(failure: &Failure) -> Option<RefusalKind> {
    crate::failure::typed(failure).find_map(|(type_name, _)| RefusalKind::parse(type_name))
}
