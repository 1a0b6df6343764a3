//! Steps that run as activities: agent, command and http, with their
//! timeouts, heartbeats and retry policies.

use super::*;
use crate::engine::capability;

pub(super) async fn run_agent(
    ctx: &Ctx,
    scope: &Scope,
    step: &Step,
    agent: &AgentStep,
) -> WorkflowResult<StepEnd> {
    let rendered = render(ctx, scope, &agent.action).and_then(|action| {
        let returns = match &agent.returns {
            Some(value) => Some(render_value(ctx, scope, value)?),
            None => None,
        };
        let duration = agent.duration.resolve(|t| render(ctx, scope, t))?;
        Ok((action, returns, duration))
    });
    let (action, returns, duration) = match rendered {
        Ok(parts) => parts,
        Err(e) => return Ok(StepEnd::Failed(e)),
    };
    let request = AgentRequest {
        step: step_id(step).to_string(),
        action,
        duration_ms: duration.as_millis() as u64,
        returns,
        fail_first: agent.fail_first,
    };
    let timeout = step
        .timeout
        .map(|t| t.0)
        .unwrap_or_else(|| default_timeout(ctx).max(duration * 2));
    let options = activity_options(step, scope, timeout, true);
    let result = ctx
        .execute_activity(PipelineActivities::agent, request, options)
        .await;
    activity_end(ctx, scope, step, result)
}

pub(super) async fn run_command(
    ctx: &Ctx,
    scope: &Scope,
    step: &Step,
    command: &CommandStep,
) -> WorkflowResult<StepEnd> {
    let rendered = (|| -> Result<CommandRequest, String> {
        Ok(CommandRequest {
            step: step_id(step).to_string(),
            argv: command
                .argv
                .iter()
                .map(|a| render(ctx, scope, a))
                .collect::<Result<_, _>>()?,
            shell: command
                .shell
                .as_ref()
                .map(|s| render(ctx, scope, s))
                .transpose()?,
            env: command
                .env
                .iter()
                .map(|(k, v)| Ok((k.clone(), render(ctx, scope, v)?)))
                .collect::<Result<_, String>>()?,
            cwd: command
                .cwd
                .as_ref()
                .map(|c| render(ctx, scope, c))
                .transpose()?,
            stdin: command
                .stdin
                .as_ref()
                .map(|s| render(ctx, scope, s))
                .transpose()?,
        })
    })();
    let request = match rendered {
        Ok(request) => request,
        Err(e) => return Ok(StepEnd::Failed(e)),
    };
    let timeout = step.timeout.map_or_else(|| default_timeout(ctx), |t| t.0);
    let mut options = activity_options(step, scope, timeout, true);
    options.task_queue = capability::routed_queue(ctx, &step.kind);
    let result = ctx
        .execute_activity(PipelineActivities::command, request, options)
        .await;
    activity_end(ctx, scope, step, result)
}

pub(super) async fn run_http(
    ctx: &Ctx,
    scope: &Scope,
    step: &Step,
    http: &HttpStep,
) -> WorkflowResult<StepEnd> {
    let rendered = (|| -> Result<HttpRequest, String> {
        Ok(HttpRequest {
            step: step_id(step).to_string(),
            method: http.method.to_ascii_uppercase(),
            url: render(ctx, scope, &http.url)?,
            headers: http
                .headers
                .iter()
                .map(|(name, value)| {
                    Ok((
                        name.clone(),
                        match value {
                            HeaderValue::Text(text) => {
                                HeaderSource::Text(render(ctx, scope, text)?)
                            }
                            // Only the variable's name travels; the worker reads the value.
                            HeaderValue::Env { env } => HeaderSource::Env(env.clone()),
                        },
                    ))
                })
                .collect::<Result<_, String>>()?,
            json: http
                .json
                .as_ref()
                .map(|j| render_value(ctx, scope, j))
                .transpose()?,
            body: http
                .body
                .as_ref()
                .map(|b| render(ctx, scope, b))
                .transpose()?,
            expect: http.expect.clone(),
        })
    })();
    let request = match rendered {
        Ok(request) => request,
        Err(e) => return Ok(StepEnd::Failed(e)),
    };
    let timeout = step.timeout.map_or_else(|| default_timeout(ctx), |t| t.0);
    let options = activity_options(step, scope, timeout, false);
    let result = ctx
        .execute_activity(PipelineActivities::http, request, options)
        .await;
    activity_end(ctx, scope, step, result)
}

/// Step setting > worker flag > `TEMPORAL_ACTIVITY_START_TO_CLOSE_TIMEOUT` > 10 minutes.
fn default_timeout(ctx: &Ctx) -> Duration {
    ctx.state(|s| s.default_step_timeout)
        .unwrap_or(DEFAULT_STEP_TIMEOUT)
}

fn activity_options(
    step: &Step,
    scope: &Scope,
    timeout: Duration,
    heartbeats: bool,
) -> ActivityOptions {
    let policy = retry_policy(step.retry.as_ref());
    let mut options = if heartbeats {
        ActivityOptions::with_start_to_close_timeout(timeout)
            .heartbeat_timeout(HEARTBEAT_TIMEOUT)
            .retry_policy(policy)
            .activity_id(format!("{}{}", step_id(step), scope.suffix))
            .build()
    } else {
        ActivityOptions::with_start_to_close_timeout(timeout)
            .retry_policy(policy)
            .activity_id(format!("{}{}", step_id(step), scope.suffix))
            .build()
    };
    options.cancellation_token = scope.group.clone();
    options
}

fn retry_policy(retry: Option<&RetrySpec>) -> RetryPolicy {
    match retry {
        None => RetryPolicy::builder()
            .initial_interval(Duration::from_secs(1))
            .backoff_coefficient(2.0)
            .maximum_attempts(DEFAULT_ATTEMPTS)
            .build(),
        Some(retry) => RetryPolicy::builder()
            .initial_interval(retry.initial.map_or(Duration::from_secs(1), |d| d.0))
            .backoff_coefficient(retry.backoff.unwrap_or(2.0))
            .maybe_maximum_interval(retry.max.map(|d| d.0))
            .maximum_attempts(retry.attempts)
            .non_retryable_error_types(retry.non_retryable.clone())
            .build(),
    }
}

/// A finished activity → how the step ended. Cancellation of the whole run
/// propagates so the run ends as cancelled; a cancelled group is `Cancelled`.
fn activity_end(
    ctx: &Ctx,
    scope: &Scope,
    step: &Step,
    result: Result<StepOutput, ActivityExecutionError>,
) -> WorkflowResult<StepEnd> {
    match result {
        Ok(output) => Ok(StepEnd::Done(output)),
        Err(ActivityExecutionError::Cancelled(_)) => cancelled(ctx),
        Err(e) => {
            if let (true, Some(attempts)) = (scope.track, failed_attempts(&e)) {
                ctx.state_mut(|s| {
                    if let Some(st) = s.status.step_mut(step_id(step)) {
                        st.attempts = attempts;
                    }
                });
            }
            Ok(StepEnd::Failed(activity_error_message(&e)))
        }
    }
}

pub(super) fn cancelled(ctx: &Ctx) -> WorkflowResult<StepEnd> {
    if ctx.cancellation_token().is_cancelled() {
        Err(WorkflowTermination::cancelled())
    } else {
        Ok(StepEnd::Cancelled)
    }
}

/// The message a person needs: the activity's own, or which timeout fired.
pub(in crate::engine) fn activity_error_message(error: &ActivityExecutionError) -> String {
    match error {
        ActivityExecutionError::Failed(failure) => {
            if let Some(timeout) = failure.as_timeout() {
                return format!("timed out ({:?})", timeout.timeout_type());
            }
            match failure.cause() {
                Some(IncomingError::Application(app)) => app.to_string(),
                Some(other) => other.to_string(),
                None => failure.failure().message.clone(),
            }
        }
        other => other.to_string(),
    }
}
