//! How each kind of step runs inside the workflow. Like the rest of the
//! workflow this is deterministic: side effects happen in activities, waits
//! are Temporal timers and conditions, concurrency is `join_all` (polled in a
//! fixed order).
//!
//! This file: dispatch, bookkeeping, the in-workflow kinds (policy, sleep,
//! approval) and templates; `activity.rs`: agent, command and http;
//! `group.rs`: parallel; `foreach.rs`: foreach.

mod activity;
mod foreach;
mod group;

pub(super) use activity::activity_error_message;
use activity::{cancelled, run_agent, run_command, run_http};
use foreach::run_foreach;
use group::run_parallel;

use std::{cell::RefCell, time::Duration};

use futures::{FutureExt, future::LocalBoxFuture};
use serde_json::{Map, Value, json};
use temporalio_common::{RetryPolicy, error::IncomingError};
use temporalio_sdk::{
    ActivityExecutionError, ActivityOptions, CancellableFuture, TimerOptions, TimerResult,
    WorkflowCancellationToken, WorkflowContext, WorkflowResult, WorkflowTermination,
    workflows::{join_all, select},
};

use super::{
    activities::{
        AgentRequest, CommandRequest, HeaderSource, HttpRequest, PipelineActivities, StepOutput,
    },
    handover,
    run::{Resume, gate},
    run::{now, set_memo},
    status::*,
    workflow::PipelineWorkflow,
};
use crate::pipeline::{
    Step, StepKind,
    spec::{
        AgentStep, CommandStep, Count, ForeachStep, HeaderValue, HttpStep, Items, ParallelStep,
        PolicyStep, RetrySpec,
    },
    template,
};

pub(super) type Ctx = WorkflowContext<PipelineWorkflow>;

/// How long a heartbeating activity may stay silent before Temporal retries
/// it elsewhere (this bounds recovery time after a worker is killed).
const HEARTBEAT_TIMEOUT: Duration = Duration::from_secs(5);
/// Per-attempt timeout of command and http steps that set none.
const DEFAULT_STEP_TIMEOUT: Duration = Duration::from_secs(10 * 60);
/// Retries of activity steps that set none: 3 attempts, 1 s then 2 s apart.
const DEFAULT_ATTEMPTS: u32 = 3;

/// How a step ended, as far as its caller is concerned.
pub(super) enum StepEnd {
    Done(StepOutput),
    /// `if` rendered false.
    Skipped(String),
    /// The step ends the run with a business outcome (denied, rejected, stopped).
    EndRun {
        outcome: Outcome,
        output: Value,
        summary: String,
    },
    Failed(String),
    /// Cancelled with its group (a sibling failed fast, the group's
    /// timeout): the group's own end says why.
    Cancelled,
    /// A gate's approver requested changes: the run goes back to step `to`.
    Rewind {
        to: String,
        round: ChangeRound,
    },
    /// Cut short by a hand-over (continue-as-new): the step left a
    /// checkpoint and goes on in the next run.
    Handover,
}

impl StepEnd {
    /// A failure and its message (a step cancelled with its group too).
    fn failure(&self) -> Option<&str> {
        match self {
            StepEnd::Failed(message) => Some(message),
            StepEnd::Cancelled => Some("cancelled"),
            // Gates are top-level only (validation), so none sends a
            // nested step back; were one to, the group fails.
            StepEnd::Rewind { .. } => Some("a gate inside a group cannot send the run back"),
            _ => None,
        }
    }
}

/// Attempts an activity made before it failed for good, when the failure says.
fn failed_attempts(error: &ActivityExecutionError) -> Option<u32> {
    let ActivityExecutionError::Failed(failure) = error else {
        return None;
    };
    match failure.cause() {
        Some(IncomingError::Application(app)) => app
            .details::<Value>()
            .ok()
            .flatten()
            .and_then(|d| d.get("attempt").and_then(Value::as_u64))
            .map(|a| a as u32),
        _ => None,
    }
}

/// Where a step runs: what its templates see beyond the run's state, how its
/// activity is named, what cancels it, and whether it has a row in `status`.
#[derive(Clone, Default)]
pub(super) struct Scope {
    /// `item` and `index` inside a foreach.
    pub vars: Map<String, Value>,
    /// Appended to activity IDs to keep them unique per foreach item (`[3]`).
    pub suffix: String,
    /// Cancels this group of steps (a failed sibling, a group timeout).
    pub group: Option<WorkflowCancellationToken>,
    /// The enclosing parallel step, for the status row.
    pub parent: Option<String>,
    /// Record this step's state in the status document.
    pub track: bool,
}

/// Runs one step (and whatever it nests), recording its state when tracked.
pub(super) fn execute<'a>(
    ctx: &'a Ctx,
    step: &'a Step,
    scope: Scope,
) -> LocalBoxFuture<'a, WorkflowResult<StepEnd>> {
    async move {
        let id = step_id(step);
        if let Some(condition) = &step.condition {
            let rendered = match render(ctx, &scope, condition) {
                Ok(rendered) => rendered,
                Err(e) => return Ok(finish_step(ctx, &scope, id, StepEnd::Failed(e))),
            };
            if !is_truthy(&rendered) {
                let end = StepEnd::Skipped(format!("skipped: `if` rendered {rendered:?}"));
                return Ok(finish_step(ctx, &scope, id, end));
            }
        }
        if scope.track {
            let started_at = now(ctx);
            ctx.state_mut(|s| {
                if let Some(st) = s.status.step_mut(id) {
                    st.state = StepState::Running;
                    st.started_at = Some(started_at);
                }
                if scope.parent.is_none() {
                    s.status.current_step = Some(id.to_string());
                }
            });
        }
        let began = ctx.workflow_time();
        let end = match &step.kind {
            StepKind::Policy(policy) => run_policy(ctx, &scope, policy),
            StepKind::Approval(gate) => super::gate::run(ctx, step, gate).await?,
            StepKind::Agent(agent) => run_agent(ctx, &scope, step, agent).await?,
            StepKind::Command(command) => run_command(ctx, &scope, step, command).await?,
            StepKind::Http(http) => run_http(ctx, &scope, step, http).await?,
            StepKind::Sleep(sleep) => run_sleep(ctx, &scope, sleep.duration.0).await?,
            StepKind::Parallel(group) => run_parallel(ctx, &scope, step, group).await?,
            StepKind::Foreach(each) => run_foreach(ctx, &scope, step, each).await?,
        };
        count_step(ctx, step, &end, began);
        Ok(finish_step(ctx, &scope, id, end))
    }
    .boxed_local()
}

/// Step metrics, recorded once: never while the workflow replays.
fn count_step(ctx: &Ctx, step: &Step, end: &StepEnd, began: Option<std::time::SystemTime>) {
    let Some(metrics) = super::metrics::get() else {
        return;
    };
    if ctx.is_replaying() {
        return;
    }
    let (result, attempts) = match end {
        StepEnd::Handover => return,
        StepEnd::Done(done) => ("completed", done.attempt.max(1)),
        StepEnd::Skipped(_) => ("skipped", 0),
        StepEnd::EndRun { outcome, .. } => (outcome.phase().as_str(), 1),
        StepEnd::Failed(_) | StepEnd::Cancelled => ("failed", 0),
        StepEnd::Rewind { .. } => ("changes_requested", 1),
    };
    let took = match (began, ctx.workflow_time()) {
        (Some(began), Some(now)) => now.duration_since(began).ok(),
        _ => None,
    };
    let pipeline = ctx.state(|s| s.status.pipeline.clone());
    metrics.step_finished(&pipeline, step.kind.name(), result, took, attempts);
}

/// Records how a tracked step ended and hands the end on.
fn finish_step(ctx: &Ctx, scope: &Scope, id: &str, end: StepEnd) -> StepEnd {
    // A step handed over is still under way: its row says so as it is.
    if !scope.track || matches!(end, StepEnd::Handover) {
        return end;
    }
    let finished_at = now(ctx);
    ctx.state_mut(|s| {
        let Some(st) = s.status.step_mut(id) else {
            return;
        };
        st.finished_at = Some(finished_at);
        match &end {
            StepEnd::Done(done) => {
                st.state = StepState::Completed;
                st.attempts = done.attempt.max(1);
                st.summary = done.summary.clone();
            }
            StepEnd::Skipped(why) => {
                st.state = StepState::Skipped;
                st.summary = Some(why.clone());
            }
            StepEnd::EndRun {
                outcome, summary, ..
            } => {
                st.state = if *outcome == Outcome::Stopped {
                    StepState::Skipped
                } else {
                    StepState::Refused
                };
                st.attempts = st.attempts.max(1);
                st.summary = Some(summary.clone());
            }
            StepEnd::Failed(_) | StepEnd::Cancelled => {
                st.state = StepState::Failed;
                st.error = end.failure().map(str::to_string);
            }
            StepEnd::Handover => {}
            StepEnd::Rewind { to, round } => {
                st.state = StepState::Pending;
                st.summary = Some(format!(
                    "round {} sent back to `{to}` by {}: {}",
                    round.round, round.by, round.feedback
                ));
            }
        }
    });
    end
}

pub(super) fn step_id(step: &Step) -> &str {
    if step.id.is_empty() { "item" } else { &step.id }
}

// ---- in-workflow kinds

fn run_policy(ctx: &Ctx, scope: &Scope, policy: &PolicyStep) -> StepEnd {
    let subject = match render(ctx, scope, &policy.subject) {
        Ok(subject) => subject,
        Err(e) => return StepEnd::Failed(e),
    };
    // Rules were validated before the run started; a rule that no longer
    // compiles is a failure, never a silent allow.
    let matches = |rule: &String| regex::Regex::new(rule).map(|re| re.is_match(&subject));
    for rule in &policy.deny {
        match matches(rule) {
            Ok(true) => {
                return StepEnd::EndRun {
                    outcome: Outcome::Denied,
                    output: json!({"allowed": false, "rule": rule, "list": "deny", "subject": subject}),
                    summary: format!("denied: {subject:?} matches deny rule {rule:?}"),
                };
            }
            Ok(false) => {}
            Err(e) => return StepEnd::Failed(format!("deny rule {rule:?}: {e}")),
        }
    }
    if policy.allow.is_empty() {
        return done(
            json!({"allowed": true, "rule": null, "subject": subject}),
            "allowed: no deny rule matched",
        );
    }
    for rule in &policy.allow {
        match matches(rule) {
            Ok(true) => {
                return done(
                    json!({"allowed": true, "rule": rule, "list": "allow", "subject": subject}),
                    &format!("allowed by rule {rule:?}"),
                );
            }
            Ok(false) => {}
            Err(e) => return StepEnd::Failed(format!("allow rule {rule:?}: {e}")),
        }
    }
    StepEnd::EndRun {
        outcome: Outcome::Denied,
        output: json!({"allowed": false, "rule": null, "list": "allow", "subject": subject}),
        summary: format!("denied: {subject:?} matches no allow rule"),
    }
}

pub(super) fn done_with(output: Value, summary: &str) -> StepEnd {
    done(output, summary)
}

fn done(output: Value, summary: &str) -> StepEnd {
    StepEnd::Done(StepOutput {
        output,
        attempt: 1,
        summary: Some(summary.to_string()),
    })
}

async fn run_sleep(ctx: &Ctx, scope: &Scope, duration: Duration) -> WorkflowResult<StepEnd> {
    let mut options = TimerOptions::builder(duration).build();
    options.cancellation_token = scope.group.clone();
    match ctx.timer(options).await {
        TimerResult::Cancelled => cancelled(ctx),
        _ => Ok(done(
            json!({"slept_ms": duration.as_millis() as u64}),
            &format!("slept {}", humantime::format_duration(duration)),
        )),
    }
}

// ---- templates

/// The template context: recorded inputs and outputs, the run, and the
/// scope's own variables.
pub(super) fn render_context(ctx: &Ctx, scope: &Scope) -> Value {
    ctx.state(|s| {
        let steps: Map<String, Value> = s
            .outputs
            .iter()
            .map(|(id, output)| (id.clone(), json!({ "output": output })))
            .collect();
        let mut context = json!({
            "input": s.status.input,
            "steps": steps,
            "run": {"id": ctx.workflow_id(), "pipeline": s.status.pipeline},
        });
        if let Some(map) = context.as_object_mut() {
            map.extend(scope.vars.clone());
        }
        context
    })
}

pub(super) fn render(ctx: &Ctx, scope: &Scope, text: &str) -> Result<String, String> {
    template::render(text, &render_context(ctx, scope))
        .map_err(|e| format!("template {text:?}: {e}"))
}

fn render_value(ctx: &Ctx, scope: &Scope, value: &Value) -> Result<Value, String> {
    template::render_value(value, &render_context(ctx, scope))
        .map_err(|e| format!("template in {value}: {e}"))
}

/// `if` semantics: empty, "false", "0", "no", "none" and "null" are false.
fn is_truthy(rendered: &str) -> bool {
    !matches!(
        rendered.trim().to_ascii_lowercase().as_str(),
        "" | "false" | "0" | "no" | "none" | "null"
    )
}
