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
    let shared = RefCell::new(Lanes {
        outputs: vec![Value::Null; total],
        ..Lanes::default()
    });
    let this = Foreach {
        ctx,
        scope,
        step,
        each,
        items: &items,
        group: &group,
        shared: &shared,
        progress: &set_progress,
    };
    // `concurrency` lanes; each takes the next item when its last one is done.
    let lanes = (0..(each.concurrency as usize).min(total)).map(|_| this.lane());
    let results: Vec<WorkflowResult<()>> =
        match within(ctx, step.timeout.map(|t| t.0), &group, join_all(lanes)).await? {
            Some(results) => results,
            None => return Ok(StepEnd::Failed(timeout_message(step))),
        };
    results.into_iter().collect::<WorkflowResult<()>>()?;
    Ok(shared.into_inner().end(total))
}

/// What the lanes of a foreach share.
#[derive(Default)]
struct Lanes {
    /// The next item to start.
    next: usize,
    /// Items finished (done or skipped).
    finished: usize,
    outputs: Vec<Value>,
    /// The first item that failed: no further item starts.
    failure: Option<String>,
    /// The loop's group was cancelled (a sibling failed fast, a timeout).
    cancelled: bool,
    /// An item ended the run (denied, rejected).
    ended: Option<(Outcome, String)>,
    /// `stop` arrived.
    stopped: bool,
    /// The item after which `until` held.
    stopped_early: Option<usize>,
}

impl Lanes {
    /// No further item may start.
    fn over(&self) -> bool {
        self.failure.is_some()
            || self.cancelled
            || self.ended.is_some()
            || self.stopped
            || self.stopped_early.is_some()
    }

    /// How the loop ended, once every lane is done.
    fn end(self, total: usize) -> StepEnd {
        let output = Value::Array(self.outputs);
        if let Some(message) = self.failure {
            return StepEnd::Failed(message);
        }
        if self.cancelled {
            return StepEnd::Cancelled;
        }
        if let Some((outcome, summary)) = self.ended {
            return StepEnd::EndRun {
                outcome,
                output,
                summary,
            };
        }
        if let Some(index) = self.stopped_early {
            return done(
                output,
                &format!(
                    "stopped early at item {} of {total}: `until` held",
                    index + 1
                ),
            );
        }
        if self.stopped && self.finished < total {
            return StepEnd::EndRun {
                outcome: Outcome::Stopped,
                output,
                summary: format!("stopped after {} of {total} items", self.finished),
            };
        }
        done(output, &format!("{} of {total} items done", self.finished))
    }
}

/// One foreach being run: what every lane needs.
#[derive(Clone, Copy)]
struct Foreach<'a> {
    ctx: &'a Ctx,
    scope: &'a Scope,
    step: &'a Step,
    each: &'a ForeachStep,
    items: &'a [Value],
    group: &'a WorkflowCancellationToken,
    shared: &'a RefCell<Lanes>,
    progress: &'a dyn Fn(usize),
}

impl<'a> Foreach<'a> {
    /// One lane: items one after another, until none is left or the loop
    /// is over. Pause and stop take effect between items.
    async fn lane(self) -> WorkflowResult<()> {
        loop {
            if self.shared.borrow().over() {
                return Ok(());
            }
            if gate(self.ctx).await? == Resume::Stop {
                self.shared.borrow_mut().stopped = true;
                return Ok(());
            }
            let index = {
                let mut shared = self.shared.borrow_mut();
                if shared.next >= self.items.len() {
                    return Ok(());
                }
                shared.next += 1;
                shared.next - 1
            };
            let item_scope = self.item_scope(index);
            // `until` sees the item's scope too: kept only when there is one.
            let until_scope = self.each.until.is_some().then(|| item_scope.clone());
            let end = execute(self.ctx, &self.each.step, item_scope).await?;
            if self.record(index, until_scope, end) {
                let finished = {
                    let mut shared = self.shared.borrow_mut();
                    shared.finished += 1;
                    shared.finished
                };
                (self.progress)(finished);
            }
        }
    }

    /// `item` and `index` for the templates, and an activity ID of its own.
    fn item_scope(&self, index: usize) -> Scope {
        let mut vars = self.scope.vars.clone();
        vars.insert("item".into(), self.items[index].clone());
        vars.insert("index".into(), json!(index));
        Scope {
            vars,
            suffix: format!("{}[{index}]", self.scope.suffix),
            group: Some(self.group.clone()),
            parent: None,
            track: false,
        }
    }

    /// Records how item `index` ended; true when it counts as finished.
    fn record(&self, index: usize, until_scope: Option<Scope>, end: StepEnd) -> bool {
        match end {
            StepEnd::Done(out) => {
                if let Some(summary) = out.summary.clone() {
                    // The loop's row shows its latest item ("epoch 3: accuracy 0.65").
                    self.ctx.state_mut(|s| {
                        if let Some(st) = s.status.step_mut(&self.step.id) {
                            st.summary = Some(summary);
                        }
                    });
                }
                if let (Some(until), Some(scope)) = (&self.each.until, until_scope) {
                    self.check_until(index, scope, until, &out.output);
                }
                self.shared.borrow_mut().outputs[index] = out.output;
                true
            }
            StepEnd::Skipped(_) => true,
            StepEnd::Cancelled => {
                self.shared.borrow_mut().cancelled = true;
                false
            }
            end @ (StepEnd::Failed(_) | StepEnd::Rewind { .. }) => {
                self.shared.borrow_mut().failure.get_or_insert(format!(
                    "item {index} ({}): {}",
                    compact(&self.items[index]),
                    end.failure().unwrap_or("")
                ));
                false
            }
            StepEnd::EndRun {
                outcome, summary, ..
            } => {
                self.shared
                    .borrow_mut()
                    .ended
                    .get_or_insert((outcome, summary));
                false
            }
        }
    }

    /// `until`, rendered with the item's `output`: once it holds, no
    /// further item starts.
    fn check_until(&self, index: usize, mut scope: Scope, until: &str, output: &Value) {
        scope.vars.insert("output".into(), output.clone());
        let mut shared = self.shared.borrow_mut();
        match render(self.ctx, &scope, until) {
            Ok(rendered) if is_truthy(&rendered) => {
                shared.stopped_early.get_or_insert(index);
            }
            Ok(_) => {}
            Err(e) => {
                shared.failure.get_or_insert(format!("`until`: {e}"));
            }
        }
    }
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
