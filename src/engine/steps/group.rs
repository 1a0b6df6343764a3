//! Group steps: `parallel` and `foreach`, and the cancellation and timeout
//! scopes they share.

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

pub(super) async fn run_foreach(
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
