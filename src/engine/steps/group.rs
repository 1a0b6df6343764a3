//! Group steps: `parallel`, and the cancellation and timeout scopes it
//! shares with `foreach`.

use super::*;

pub(super) async fn run_parallel(
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
        // A step that finished before the last run handed over is not run again.
        let settled = ctx.state_mut(|s| {
            let key = handover::key(scope, &child.id);
            s.handover.checkpoints.settled.remove(&key)
        });
        async move {
            if let Some(output) = settled {
                return Ok(StepEnd::Done(StepOutput {
                    output,
                    attempt: 1,
                    summary: None,
                }));
            }
            let end = execute(ctx, child, child_scope).await;
            if group_spec.fail_fast && matches!(end, Ok(StepEnd::Failed(_))) {
                group.cancel();
            }
            end
        }
    });
    let limit = group_limit(ctx, scope, step);
    let Some(ends) = within(ctx, limit, &group, join_all(children)).await? else {
        group_ended(ctx, scope, step);
        return Ok(StepEnd::Failed(timeout_message(step)));
    };
    parallel_end(ctx, scope, step, group_spec, ends)
}

/// How the group ended, from how each of its steps did: a failure, an
/// end of the run, a hand-over (what finished is kept), or done.
fn parallel_end(
    ctx: &Ctx,
    scope: &Scope,
    step: &Step,
    group_spec: &ParallelStep,
    ends: Vec<WorkflowResult<StepEnd>>,
) -> WorkflowResult<StepEnd> {
    let mut outputs = Map::new();
    let mut failures = Vec::new();
    let mut end_run = None;
    let cut_short = ends.iter().any(|end| matches!(end, Ok(StepEnd::Handover)));
    if !cut_short {
        group_ended(ctx, scope, step);
    }
    for (child, end) in group_spec.steps.iter().zip(ends) {
        match end? {
            StepEnd::Handover => {}
            StepEnd::Done(out) => {
                outputs.insert(child.id.clone(), out.output);
            }
            StepEnd::Skipped(_) => {
                outputs.insert(child.id.clone(), Value::Null);
            }
            StepEnd::Cancelled => {}
            end @ (StepEnd::Failed(_) | StepEnd::Rewind { .. }) => {
                failures.push(format!("`{}`: {}", child.id, end.failure().unwrap_or("")))
            }
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
    if cut_short {
        // What finished is kept for the next run; the rest goes on there.
        ctx.state_mut(|s| {
            for (id, output) in outputs {
                let key = handover::key(scope, &id);
                s.handover.checkpoints.settled.insert(key, output);
            }
        });
        return Ok(StepEnd::Handover);
    }
    let count = outputs.len();
    Ok(done(
        Value::Object(outputs),
        &format!("{count} of {} steps done", group_spec.steps.len()),
    ))
}

pub(super) fn child_token(ctx: &Ctx, scope: &Scope) -> WorkflowCancellationToken {
    scope.group.as_ref().map_or_else(
        || ctx.cancellation_token().child_token(),
        |g| g.child_token(),
    )
}

/// What is left of a group's `timeout`: all of it the first time, and in
/// a run that goes on after a hand-over, what the last run left of it (the
/// deadline is carried, so a hand-over never extends a timeout).
pub(super) fn group_limit(ctx: &Ctx, scope: &Scope, step: &Step) -> Option<Duration> {
    let limit = step.timeout?.0;
    let now = handover::epoch_ms(ctx);
    let key = handover::key(scope, &step.id);
    let deadline = ctx.state_mut(|s| {
        *s.handover
            .checkpoints
            .deadlines
            .entry(key)
            .or_insert(now + limit.as_millis() as u64)
    });
    Some(Duration::from_millis(deadline.saturating_sub(now)))
}

/// The group is over (not handed over): its deadline is dropped.
pub(super) fn group_ended(ctx: &Ctx, scope: &Scope, step: &Step) {
    if step.timeout.is_some() {
        let key = handover::key(scope, &step.id);
        ctx.state_mut(|s| s.handover.checkpoints.deadlines.remove(&key));
    }
}

/// Runs `work`, cancelling `group` if `limit` passes first. `None` means it
/// timed out (after the cancelled work wound down).
pub(super) async fn within<F: std::future::Future>(
    ctx: &Ctx,
    limit: Option<Duration>,
    group: &WorkflowCancellationToken,
    work: F,
) -> WorkflowResult<Option<F::Output>> {
    let mut work = Box::pin(work.fuse());
    let Some(limit) = limit else {
        return Ok(Some(work.await));
    };
    // The deadline passed before a hand-over's next run began: over at once.
    if limit.is_zero() {
        return Ok(None);
    }
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

pub(super) fn timeout_message(step: &Step) -> String {
    format!(
        "timed out after {}",
        step.timeout.map(|t| t.to_string()).unwrap_or_default()
    )
}

pub(super) fn compact(value: &Value) -> String {
    match value {
        Value::String(s) => s.clone(),
        other => other.to_string(),
    }
}
