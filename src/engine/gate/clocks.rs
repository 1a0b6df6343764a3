//! A gate's clocks: its deadline and next reminder as absolute times (so
//! a run that goes on after a hand-over keeps them), and the small pieces
//! of its waiting loop.

use std::time::Duration;

use temporalio_sdk::{CancellableFuture, TimerResult};

use super::super::handover::{self, GateCheckpoint, epoch_ms};
use crate::{engine::steps::Ctx, pipeline::spec::ApprovalStep};
use futures::future::FusedFuture;

/// The run is due to hand over: the gate's clocks are kept for the next
/// run. Only with no notification under way (its result would be lost).
pub(super) fn handed_over(ctx: &Ctx, clocks: &GateCheckpoint) -> bool {
    let due = handover::due(ctx);
    if due {
        ctx.state_mut(|s| s.handover.checkpoints.gate = Some(clocks.clone()));
    }
    due
}

/// `after` from now, in ms since the epoch (workflow time).
pub(super) fn in_ms(ctx: &Ctx, after: Duration) -> u64 {
    epoch_ms(ctx) + after.as_millis() as u64
}

/// From now until `at` (ms since the epoch); a moment when it has passed.
/// (A replay compares a timer's kind and ID, not its duration.)
pub(super) fn until(ctx: &Ctx, at: u64) -> Duration {
    Duration::from_millis(at.saturating_sub(epoch_ms(ctx)).max(1))
}

/// A `remind_every` passed: how many so far, and when the next is due.
pub(super) fn tick(ctx: &Ctx, spec: &ApprovalStep, clocks: &mut GateCheckpoint) -> u32 {
    clocks.ticks += 1;
    clocks.next_reminder_ms = spec.remind_every.map(|every| in_ms(ctx, every.0));
    clocks.ticks
}

/// The gate's timers still running are cancelled (they would fire into a
/// closed gate).
pub(super) fn cancel_pending<T: CancellableFuture<Output = TimerResult> + FusedFuture>(
    timers: [&Option<T>; 2],
) {
    for timer in timers.into_iter().flatten() {
        if !timer.is_terminated() {
            timer.cancel();
        }
    }
}

/// The future, or one that never resolves when there is none.
pub(super) async fn pending_or<F: std::future::Future + Unpin>(
    future: Option<&mut F>,
) -> F::Output {
    match future {
        Some(future) => future.await,
        None => std::future::pending().await,
    }
}
