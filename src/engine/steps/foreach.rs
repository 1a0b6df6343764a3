//! `foreach`: a nested step per item, `concurrency` at once, with progress,
//! `until`, and a checkpoint when the run hands over mid-loop (items
//! finished are never run again; the rest go on in the next run).

use std::collections::VecDeque;

use super::{
    group::{child_token, compact, group_ended, group_limit, timeout_message, within},
    *,
};
use crate::engine::handover::{LoopCheckpoint, LoopOutputs};

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
    let key = handover::key(scope, &step.id);
    // A loop cut short by the last run's hand-over goes on where it stood.
    let resumed = ctx
        .state_mut(|s| s.handover.checkpoints.loops.remove(&key))
        .filter(|checkpoint| checkpoint.total == total);
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
    let lanes = resumed.map_or_else(Lanes::default, Lanes::resumed);
    set_progress(lanes.finished);

    let group = child_token(ctx, scope);
    let shared = RefCell::new(lanes);
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
        match within(ctx, group_limit(ctx, scope, step), &group, join_all(lanes)).await? {
            Some(results) => results,
            None => {
                group_ended(ctx, scope, step);
                return Ok(StepEnd::Failed(timeout_message(step)));
            }
        };
    results.into_iter().collect::<WorkflowResult<()>>()?;
    let lanes = shared.into_inner();
    if let Some(checkpoint) = lanes.checkpoint(total) {
        ctx.state_mut(|s| s.handover.checkpoints.loops.insert(key, checkpoint));
        return Ok(StepEnd::Handover);
    }
    group_ended(ctx, scope, step);
    Ok(lanes.end(total))
}

/// What the lanes of a foreach share.
#[derive(Default)]
struct Lanes {
    /// The next item to start, after those in `redo`.
    next: usize,
    /// Items to run (again) before `next`: cut short by the last hand-over.
    redo: VecDeque<usize>,
    /// Items finished (done or skipped).
    finished: usize,
    outputs: LoopOutputs,
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
    /// The run is handing over: no further item starts.
    handing_over: bool,
    /// Items started that were themselves cut short by the hand-over.
    cut_short: Vec<usize>,
}

impl Lanes {
    fn resumed(checkpoint: LoopCheckpoint) -> Self {
        Lanes {
            next: checkpoint.next,
            redo: checkpoint.redo.into(),
            finished: checkpoint.finished,
            outputs: checkpoint.outputs,
            ..Lanes::default()
        }
    }

    /// The loop ends in this run: failed, cancelled, ended the run,
    /// stopped, or `until` held.
    fn settled(&self) -> bool {
        self.failure.is_some()
            || self.cancelled
            || self.ended.is_some()
            || self.stopped
            || self.stopped_early.is_some()
    }

    /// No further item may start.
    fn over(&self) -> bool {
        self.settled() || self.handing_over
    }

    /// The next item to start, if any is left.
    fn take(&mut self, total: usize) -> Option<usize> {
        if let Some(index) = self.redo.pop_front() {
            return Some(index);
        }
        (self.next < total).then(|| {
            self.next += 1;
            self.next - 1
        })
    }

    /// Where the loop stands, when the run hands over before it is done
    /// (a failure, a stop or an end of the run come first).
    fn checkpoint(&self, total: usize) -> Option<LoopCheckpoint> {
        let left = self.next < total || !self.redo.is_empty() || !self.cut_short.is_empty();
        if !self.handing_over && self.cut_short.is_empty() || self.settled() || !left {
            return None;
        }
        let mut redo: Vec<usize> = self.cut_short.iter().chain(&self.redo).copied().collect();
        redo.sort_unstable();
        Some(LoopCheckpoint {
            total,
            next: self.next,
            redo,
            finished: self.finished,
            outputs: self.outputs.clone(),
        })
    }

    /// How the loop ended, once every lane is done.
    fn end(self, total: usize) -> StepEnd {
        let output = self.outputs.output(total);
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
    /// is over. Pause, stop and a hand-over take effect between items.
    async fn lane(self) -> WorkflowResult<()> {
        loop {
            if self.shared.borrow().over() {
                return Ok(());
            }
            if handover::due(self.ctx) {
                self.shared.borrow_mut().handing_over = true;
                return Ok(());
            }
            match gate(self.ctx).await? {
                Resume::Go => {}
                Resume::Stop => {
                    self.shared.borrow_mut().stopped = true;
                    return Ok(());
                }
                Resume::Handover => {
                    self.shared.borrow_mut().handing_over = true;
                    return Ok(());
                }
            }
            let Some(index) = self.shared.borrow_mut().take(self.items.len()) else {
                return Ok(());
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
                handover::progressed(self.ctx);
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
                self.shared.borrow_mut().outputs.record(index, out.output);
                true
            }
            StepEnd::Skipped(_) => true,
            StepEnd::Handover => {
                self.shared.borrow_mut().cut_short.push(index);
                false
            }
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
