//! Whether a schedule really started a run. The `TemporalScheduledById`
//! search attribute is no proof: any client may set it when it starts a
//! workflow. The schedule's own record (its running and recent actions,
//! kept by the server) is.

use serde::{Deserialize, Serialize};
use temporalio_client::{Client, RpcOptions, schedules::ScheduleError, tonic::Code};
use temporalio_sdk::activities::ActivityError;

use super::retryable;

/// Which schedule the run names, and the run.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct ScheduleCheck {
    pub schedule: String,
    pub workflow_id: String,
    pub run_id: String,
}

/// `true` when the schedule records starting this run; `false` when no
/// such schedule exists, or it did not start it. A schedule that has not
/// recorded the start yet is retried (the server records it just after).
pub async fn started(client: &Client, check: &ScheduleCheck) -> Result<bool, ActivityError> {
    let described = client
        .get_schedule_handle(&check.schedule)
        .describe(RpcOptions::default())
        .await;
    let description = match described {
        Ok(description) => description,
        Err(ScheduleError::Rpc(status)) if status.code() == Code::NotFound => return Ok(false),
        Err(e) => {
            return Err(retryable(format!(
                "describe schedule {}: {e}",
                check.schedule
            )));
        }
    };
    let Some(info) = description.raw().info.as_ref() else {
        return Ok(false);
    };
    let ours = |id: &str, run: &str| id == check.workflow_id && run == check.run_id;
    let recorded = info
        .running_workflows
        .iter()
        .any(|w| ours(&w.workflow_id, &w.run_id))
        || info.recent_actions.iter().any(|action| {
            action
                .start_workflow_result
                .as_ref()
                .is_some_and(|w| ours(&w.workflow_id, &w.run_id))
        });
    match recorded {
        true => Ok(true),
        false => Err(retryable(format!(
            "schedule {} has not recorded starting {} (yet)",
            check.schedule, check.workflow_id
        ))),
    }
}
