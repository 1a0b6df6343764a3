//! The simulated agent: works for a set time, heartbeating its progress, and
//! returns a deterministic output. A retry after a worker crash resumes from
//! the last heartbeat instead of starting over.

use std::time::Duration;

use serde::{Deserialize, Serialize};
use serde_json::{Value, json};
use temporalio_sdk::{
    ApplicationFailure,
    activities::{ActivityContext, ActivityError},
};

use super::StepOutput;

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct AgentRequest {
    pub step: String,
    /// The rendered action text.
    pub action: String,
    pub duration_ms: u64,
    /// Extra output fields, already rendered.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub returns: Option<Value>,
    /// Fail (retryably) on attempts up to this one, to show retries.
    #[serde(default)]
    pub fail_first: u32,
}

/// How often the agent reports progress.
const TICK: Duration = Duration::from_millis(250);

pub async fn run(ctx: ActivityContext, request: AgentRequest) -> Result<StepOutput, ActivityError> {
    let attempt = ctx.info().attempt;
    if attempt <= request.fail_first {
        return Err(ApplicationFailure::builder(format!(
            "simulated failure on attempt {attempt} (fail_first = {})",
            request.fail_first
        ))
        .type_name("SimulatedFailure".to_string())
        .details(json!({"attempt": attempt}))
        .build()
        .into());
    }
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
    let mut output = json!({
        "simulated": true,
        "action": request.action,
        "result": format!("simulated agent completed: {}", request.action),
        "duration_ms": request.duration_ms,
    });
    match (request.returns, output.as_object_mut()) {
        (Some(Value::Object(extra)), Some(map)) => map.extend(extra),
        (Some(other), Some(map)) => {
            map.insert("returns".into(), other);
        }
        _ => {}
    }
    Ok(StepOutput {
        output,
        attempt,
        summary: Some(format!("simulated: {}", request.action)),
    })
}
