//! `orca.noop`: a workflow that returns at once. It does nothing for users;
//! `just bench` uses it to measure the server's ceiling (how many runs per
//! second the server and a worker can complete when the workflow costs nothing).

use serde_json::Value;
use temporalio_macros::{workflow, workflow_methods};
use temporalio_sdk::{WorkflowContext, WorkflowResult};

#[workflow]
#[derive(Default)]
pub struct NoopWorkflow;

#[workflow_methods]
impl NoopWorkflow {
    #[run(name = "orca.noop")]
    pub async fn run(_ctx: &mut WorkflowContext<Self>, _input: Value) -> WorkflowResult<()> {
        Ok(())
    }
}
