//! The simulated agent: works for a set time, heartbeating its progress, and
//! returns a deterministic output. A retry after a worker crash resumes from
//! the last heartbeat instead of starting over.

use std::time::Duration;

use serde::{Deserialize, Serialize};
use serde_json::json;
use temporalio_sdk::activities::{ActivityContext, ActivityError};

use super::StepOutput;

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct AgentRequest {
    pub step: String,
    /// The rendered action text.
    pub action: String,
    pub duration_ms: u64,
}

/// How often the agent reports progress.
const TICK: Duration = Duration::from_millis(250);

pub async fn run(ctx: ActivityContext, request: AgentRequest) -> Result<StepOutput, ActivityError> {
    let total = Duration::from_millis(request.duration_ms);
    // Work already done by an earlier attempt, as it last heartbeated.
    let mut done_ms: u64 = ctx.heartbeat_details().deserialize()?.unwrap_or(0);
    while done_ms < request.duration_ms {
        let slice = TICK.min(total - Duration::from_millis(done_ms));
        tokio::select! {
            _ = ctx.cancelled() => return Err(ActivityError::cancelled()),
            _ = tokio::time::sleep(slice) => {}
        }
        done_ms += slice.as_millis() as u64;
        ctx.record_heartbeat(done_ms).await?;
    }
    let attempt = ctx.info().attempt;
    Ok(StepOutput {
        output: json!({
            "simulated": true,
            "action": request.action,
            "result": format!("simulated agent completed: {}", request.action),
            "duration_ms": request.duration_ms,
        }),
        attempt,
        summary: Some(format!("simulated: {}", request.action)),
    })
}
