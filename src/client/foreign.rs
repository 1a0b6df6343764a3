//! Workflows that are not orca's (a migration from another worker): start,
//! signal and update them by name with JSON payloads.

use std::time::Duration;

use serde_json::Value;
use temporalio_client::{
    UntypedSignal, UntypedUpdate, UntypedWorkflow, WorkflowExecuteUpdateOptions,
    WorkflowSignalOptions, WorkflowStartOptions,
};
use temporalio_common::data_converters::{
    GenericPayloadConverter, RawValue, SerializationContext, SerializationContextData,
    WorkflowSerializationContext,
};

use super::{IdReuse, Orca, StartedRun};
use crate::{Error, Result};

impl Orca {
    /// Starts a workflow of any type with JSON arguments (one payload each).
    pub async fn start_foreign(
        &self,
        id: &str,
        workflow_type: &str,
        args: &[Value],
        execution_timeout: Option<Duration>,
        reuse: IdReuse,
    ) -> Result<StartedRun> {
        let input = self.raw(args)?;
        let (reuse_policy, conflict_policy) = reuse.policies();
        let options = WorkflowStartOptions::new(self.settings.task_queue.clone(), id.to_string())
            .id_reuse_policy(reuse_policy)
            .id_conflict_policy(conflict_policy)
            .maybe_execution_timeout(execution_timeout)
            .build();
        let result = self
            .client
            .start_workflow(UntypedWorkflow::new(workflow_type), input, options)
            .await;
        self.started(id, result).await
    }

    /// Sends a signal by name, with an optional JSON payload.
    pub async fn signal_foreign(
        &self,
        id: &str,
        name: &str,
        payload: Option<&Value>,
    ) -> Result<()> {
        let input = self.raw(payload.cloned().as_slice())?;
        self.client
            .get_workflow_handle::<UntypedWorkflow>(id.to_string())
            .signal(
                UntypedSignal::<UntypedWorkflow>::new(name),
                input,
                WorkflowSignalOptions::default(),
            )
            .await
            .map_err(|e| self.interaction_error(id, name, e))
    }

    /// Runs an update by name and returns its result as JSON.
    pub async fn update_foreign(
        &self,
        id: &str,
        name: &str,
        payload: Option<&Value>,
    ) -> Result<Value> {
        let input = self.raw(payload.cloned().as_slice())?;
        let handle = self
            .client
            .get_workflow_handle::<UntypedWorkflow>(id.to_string());
        let call = handle.execute_update(
            UntypedUpdate::<UntypedWorkflow>::new(name),
            input,
            WorkflowExecuteUpdateOptions::default(),
        );
        let raw = self.update_answer(id, name, call).await?;
        self.json(raw)
    }

    fn raw(&self, values: &[Value]) -> Result<RawValue> {
        let converter = self.client.options().data_converter.payload_converter();
        let data = SerializationContextData::Workflow(WorkflowSerializationContext::new());
        let context = SerializationContext::new(&data, converter);
        let payloads = values
            .iter()
            .map(|v| converter.to_payload(&context, v))
            .collect::<Result<Vec<_>, _>>()
            .map_err(|e| Error::usage(format!("cannot encode the payload: {e}")))?;
        Ok(RawValue::new(payloads))
    }
}
