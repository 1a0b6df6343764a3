//! How each kind of step runs inside the workflow. Like the rest of the
//! workflow this is deterministic: side effects happen in activities, waits
//! are Temporal timers and conditions, concurrency is `join_all` (polled in a
//! fixed order).

use std::{cell::Cell, cell::RefCell, rc::Rc, time::Duration};

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
    status::*,
    workflow::{PipelineWorkflow, Resume, gate, now, set_memo},
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
        StepEnd::Done(done) => ("completed", done.attempt.max(1)),
        StepEnd::Skipped(_) => ("skipped", 0),
        StepEnd::EndRun { outcome, .. } => (outcome_word(*outcome), 1),
        StepEnd::Failed(_) => ("failed", 0),
    };
    let took = match (began, ctx.workflow_time()) {
        (Some(began), Some(now)) => now.duration_since(began).ok(),
        _ => None,
    };
    let pipeline = ctx.state(|s| s.status.pipeline.clone());
    metrics.step_finished(&pipeline, step.kind.name(), result, took, attempts);
}

fn outcome_word(outcome: Outcome) -> &'static str {
    match outcome {
        Outcome::Completed => "completed",
        Outcome::Rejected => "rejected",
        Outcome::Denied => "denied",
        Outcome::Stopped => "stopped",
    }
}

/// Records how a tracked step ended and hands the end on.
fn finish_step(ctx: &Ctx, scope: &Scope, id: &str, end: StepEnd) -> StepEnd {
    if !scope.track {
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
            StepEnd::Failed(message) => {
                st.state = StepState::Failed;
                st.error = Some(message.clone());
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

// ---- activity kinds

async fn run_agent(
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
        Ok((action, returns))
    });
    let (action, returns) = match rendered {
        Ok(parts) => parts,
        Err(e) => return Ok(StepEnd::Failed(e)),
    };
    let request = AgentRequest {
        step: step_id(step).to_string(),
        action,
        duration_ms: agent.duration.0.as_millis() as u64,
        returns,
        fail_first: agent.fail_first,
    };
    let timeout = step
        .timeout
        .map(|t| t.0)
        .unwrap_or_else(|| default_timeout(ctx).max(agent.duration.0 * 2));
    let options = activity_options(step, scope, timeout, true);
    let result = ctx
        .execute_activity(PipelineActivities::agent, request, options)
        .await;
    activity_end(ctx, scope, step, result)
}

async fn run_command(
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
    let options = activity_options(step, scope, timeout, true);
    let result = ctx
        .execute_activity(PipelineActivities::command, request, options)
        .await;
    activity_end(ctx, scope, step, result)
}

async fn run_http(
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
/// propagates so the run ends as cancelled; a cancelled group is a failure.
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

fn cancelled(ctx: &Ctx) -> WorkflowResult<StepEnd> {
    if ctx.cancellation_token().is_cancelled() {
        Err(WorkflowTermination::cancelled())
    } else {
        Ok(StepEnd::Failed("cancelled".into()))
    }
}

/// The message a person needs: the activity's own, or which timeout fired.
pub(super) fn activity_error_message(error: &ActivityExecutionError) -> String {
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

// ---- groups

async fn run_parallel(
    ctx: &Ctx,
    scope: &Scope,
    step: &Step,
    group_spec: &ParallelStep,
) -> WorkflowResult<StepEnd> {
    let group = child_token(ctx, scope);
    let children = group_spec.steps.iter().map(|child| {
        let child_scope = Scope {
            group: Some(group.clone()),
            parent: Some(step.id.clone()),
            ..scope.clone()
        };
        let group = group.clone();
        async move {
            let end = execute(ctx, child, child_scope).await;
            if group_spec.fail_fast && matches!(end, Ok(StepEnd::Failed(_))) {
                group.cancel();
            }
            end
        }
    });
    let Some(ends) = within(ctx, step.timeout.map(|t| t.0), &group, join_all(children)).await?
    else {
        return Ok(StepEnd::Failed(timeout_message(step)));
    };

    let mut outputs = Map::new();
    let mut failures = Vec::new();
    let mut end_run = None;
    for (child, end) in group_spec.steps.iter().zip(ends) {
        match end? {
            StepEnd::Done(out) => {
                outputs.insert(child.id.clone(), out.output);
            }
            StepEnd::Skipped(_) => {
                outputs.insert(child.id.clone(), Value::Null);
            }
            StepEnd::Failed(message) if message == "cancelled" => {}
            StepEnd::Failed(message) => failures.push(format!("`{}`: {message}", child.id)),
            StepEnd::EndRun {
                outcome,
                output,
                summary,
            } => {
                outputs.insert(child.id.clone(), output);
                end_run.get_or_insert((outcome, summary));
            }
        }
    }
    if !failures.is_empty() {
        return Ok(StepEnd::Failed(failures.join("; ")));
    }
    if let Some((outcome, summary)) = end_run {
        return Ok(StepEnd::EndRun {
            outcome,
            output: Value::Object(outputs),
            summary,
        });
    }
    let count = outputs.len();
    Ok(done(
        Value::Object(outputs),
        &format!("{count} of {} steps done", group_spec.steps.len()),
    ))
}

async fn run_foreach(
    ctx: &Ctx,
    scope: &Scope,
    step: &Step,
    each: &ForeachStep,
) -> WorkflowResult<StepEnd> {
    let items = match foreach_items(ctx, scope, each) {
        Ok(items) => items,
        Err(e) => return Ok(StepEnd::Failed(e)),
    };
    let total = items.len();
    // The memo (for `orca list`) moves in about 20 steps, not once per item,
    // to keep the history short for long loops.
    let memo_every = (total / 20).max(1);
    let set_progress = |done: usize| {
        let progress = Progress {
            done: done as u64,
            total: total as u64,
        };
        ctx.state_mut(|s| {
            if let Some(st) = s.status.step_mut(&step.id) {
                st.progress = Some(progress);
            }
            s.status.progress = Some(progress);
        });
        if done.is_multiple_of(memo_every) || done == total {
            set_memo(ctx, MEMO_PROGRESS, Some(format!("{done}/{total}")));
        }
    };
    set_progress(0);

    let group = child_token(ctx, scope);
    let next = Rc::new(Cell::new(0usize));
    let finished = Rc::new(Cell::new(0usize));
    let outputs = Rc::new(RefCell::new(vec![Value::Null; total]));
    let failure: Rc<RefCell<Option<String>>> = Rc::default();
    let ended: Rc<RefCell<Option<(Outcome, String)>>> = Rc::default();
    let stopped = Rc::new(Cell::new(false));
    let stopped_early: Rc<RefCell<Option<usize>>> = Rc::default();

    // `concurrency` lanes; each takes the next item when its last one is done.
    let lanes = (0..(each.concurrency as usize).min(total)).map(|_| {
        let (next, finished, outputs, failure, ended, stopped, stopped_early, items, group) = (
            next.clone(),
            finished.clone(),
            outputs.clone(),
            failure.clone(),
            ended.clone(),
            stopped.clone(),
            stopped_early.clone(),
            &items,
            group.clone(),
        );
        async move {
            loop {
                if failure.borrow().is_some()
                    || ended.borrow().is_some()
                    || stopped.get()
                    || stopped_early.borrow().is_some()
                {
                    return Ok(());
                }
                // Pause and stop take effect between items.
                if gate(ctx).await? == Resume::Stop {
                    stopped.set(true);
                    return Ok(());
                }
                let index = next.get();
                if index >= total {
                    return Ok(());
                }
                next.set(index + 1);
                let mut vars = scope.vars.clone();
                vars.insert("item".into(), items[index].clone());
                vars.insert("index".into(), json!(index));
                let item_scope = Scope {
                    vars,
                    suffix: format!("{}[{index}]", scope.suffix),
                    group: Some(group.clone()),
                    parent: None,
                    track: false,
                };
                let until_scope = item_scope.clone();
                match execute(ctx, &each.step, item_scope).await? {
                    StepEnd::Done(out) => {
                        if let Some(summary) = &out.summary {
                            // The loop's row shows its latest item ("epoch 3: accuracy 0.65").
                            let summary = summary.clone();
                            ctx.state_mut(|s| {
                                if let Some(st) = s.status.step_mut(&step.id) {
                                    st.summary = Some(summary);
                                }
                            });
                        }
                        if let Some(until) = &each.until {
                            let mut vars = until_scope.vars.clone();
                            vars.insert("output".into(), out.output.clone());
                            let scope = Scope {
                                vars,
                                ..until_scope
                            };
                            match render(ctx, &scope, until) {
                                Ok(rendered) if is_truthy(&rendered) => {
                                    stopped_early.borrow_mut().get_or_insert(index);
                                }
                                Ok(_) => {}
                                Err(e) => {
                                    failure.borrow_mut().get_or_insert(format!("`until`: {e}"));
                                }
                            }
                        }
                        outputs.borrow_mut()[index] = out.output;
                    }
                    StepEnd::Skipped(_) => {}
                    StepEnd::Failed(message) => {
                        failure.borrow_mut().get_or_insert(format!(
                            "item {index} ({}): {message}",
                            compact(&items[index])
                        ));
                        continue;
                    }
                    StepEnd::EndRun {
                        outcome, summary, ..
                    } => {
                        ended.borrow_mut().get_or_insert((outcome, summary));
                        continue;
                    }
                }
                finished.set(finished.get() + 1);
                set_progress(finished.get());
            }
        }
    });
    let results: Vec<WorkflowResult<()>> =
        match within(ctx, step.timeout.map(|t| t.0), &group, join_all(lanes)).await? {
            Some(results) => results,
            None => return Ok(StepEnd::Failed(timeout_message(step))),
        };
    results.into_iter().collect::<WorkflowResult<()>>()?;

    let output = Value::Array(outputs.take());
    let finished = finished.get();
    if let Some(message) = failure.take() {
        return Ok(StepEnd::Failed(message));
    }
    if let Some((outcome, summary)) = ended.take() {
        return Ok(StepEnd::EndRun {
            outcome,
            output,
            summary,
        });
    }
    if let Some(index) = stopped_early.take() {
        return Ok(done(
            output,
            &format!(
                "stopped early at item {} of {total}: `until` held",
                index + 1
            ),
        ));
    }
    if stopped.get() && finished < total {
        return Ok(StepEnd::EndRun {
            outcome: Outcome::Stopped,
            output,
            summary: format!("stopped after {finished} of {total} items"),
        });
    }
    Ok(done(output, &format!("{finished} of {total} items done")))
}

fn foreach_items(ctx: &Ctx, scope: &Scope, each: &ForeachStep) -> Result<Vec<Value>, String> {
    match (&each.items, &each.count) {
        (Some(Items::List(items)), _) => {
            items.iter().map(|v| render_value(ctx, scope, v)).collect()
        }
        (Some(Items::Template(text)), _) => {
            match render_value(ctx, scope, &Value::String(text.clone()))? {
                Value::Array(items) => Ok(items),
                // A template that renders JSON text of a list is fine too.
                Value::String(s) => match serde_json::from_str::<Value>(&s) {
                    Ok(Value::Array(items)) => Ok(items),
                    _ => Err(format!("`items` rendered {s:?}, not a list")),
                },
                other => Err(format!("`items` rendered {other}, not a list")),
            }
        }
        (None, Some(Count::Number(n))) => Ok((0..*n).map(|i| json!(i)).collect()),
        (None, Some(Count::Template(text))) => {
            let value = render_value(ctx, scope, &Value::String(text.clone()))?;
            let n = value
                .as_u64()
                .or_else(|| value.as_str().and_then(|s| s.trim().parse().ok()))
                .ok_or_else(|| format!("`count` rendered {value}, not a whole number"))?;
            Ok((0..n).map(|i| json!(i)).collect())
        }
        (None, None) => Err("a foreach needs `items` or `count`".into()),
    }
}

fn child_token(ctx: &Ctx, scope: &Scope) -> WorkflowCancellationToken {
    scope.group.as_ref().map_or_else(
        || ctx.cancellation_token().child_token(),
        |g| g.child_token(),
    )
}

/// Runs `work`, cancelling `group` if `limit` passes first. `None` means it
/// timed out (after the cancelled work wound down).
async fn within<F: std::future::Future>(
    ctx: &Ctx,
    limit: Option<Duration>,
    group: &WorkflowCancellationToken,
    work: F,
) -> WorkflowResult<Option<F::Output>> {
    let mut work = Box::pin(work.fuse());
    let Some(limit) = limit else {
        return Ok(Some(work.await));
    };
    let mut timer = ctx.timer(limit);
    select! {
        out = work => {
            timer.cancel();
            Ok(Some(out))
        }
        fired = &mut timer => {
            if fired == TimerResult::Cancelled {
                return Err(WorkflowTermination::cancelled());
            }
            group.cancel();
            let _ = work.await;
            Ok(None)
        }
    }
}

fn timeout_message(step: &Step) -> String {
    format!(
        "timed out after {}",
        step.timeout.map(|t| t.to_string()).unwrap_or_default()
    )
}

fn compact(value: &Value) -> String {
    match value {
        Value::String(s) => s.clone(),
        other => other.to_string(),
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
