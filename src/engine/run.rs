//! The run itself: the input parsed, the pipeline resolved, its steps in
//! order, and how the run ends; plus what every step shares (pause and
//! stop between steps, the phase and memo the listings read).
//!
//! Deterministic like all workflow code (see `workflow.rs`).

use std::time::{Duration, SystemTime};

use serde_json::Value;
use temporalio_common::RetryPolicy;
use temporalio_sdk::{
    ApplicationFailure, LocalActivityOptions, MemoValue, WorkflowResult, WorkflowTermination,
};

use super::{
    begin::begin,
    handover::{self, hand_over},
    status::*,
    steps::{Ctx, Scope, StepEnd, execute, step_id},
    workflow::PipelineWorkflow,
};
use crate::pipeline::{PipelineSpec, Step, StepKind};

/// The run itself: resolve the pipeline, then its steps in order.
pub(super) async fn run_pipeline(ctx: &mut Ctx) -> WorkflowResult<RunResult> {
    let (spec, mut index) = begin(ctx).await?;
    while let Some(step) = spec.steps.get(index) {
        match gate(ctx).await? {
            Resume::Go => {}
            Resume::Stop => {
                return Ok(finish(
                    ctx,
                    Outcome::Stopped,
                    Some(format!("stopped before step `{}`", step.id)),
                ));
            }
            Resume::Handover => return Err(hand_over(ctx, &spec, index).await),
        }
        let scope = Scope {
            track: true,
            ..Scope::default()
        };
        match execute(ctx, step, scope).await? {
            StepEnd::Done(done) => ctx.state_mut(|s| {
                s.outputs.insert(step.id.clone(), done.output);
            }),
            StepEnd::Skipped(_) => ctx.state_mut(|s| {
                s.outputs.insert(step.id.clone(), Value::Null);
            }),
            StepEnd::EndRun {
                outcome,
                output,
                summary,
            } => {
                ctx.state_mut(|s| {
                    s.outputs.insert(step.id.clone(), output);
                });
                return Ok(finish(ctx, outcome, Some(detail_of(outcome, &summary))));
            }
            StepEnd::Failed(message) => return Err(fail_run(ctx, &step.id, message)),
            StepEnd::Cancelled => return Err(fail_run(ctx, &step.id, "cancelled".into())),
            StepEnd::Handover => return Err(hand_over(ctx, &spec, index).await),
            StepEnd::Rewind { to, round } => match go_back(ctx, &spec, index, &to, round) {
                Some(target) => {
                    index = target;
                    continue;
                }
                None => {
                    let why = format!(
                        "gate `{}` sends the run back to `{to}`, which is not an earlier step",
                        step.id
                    );
                    return Err(fail_run(ctx, &step.id, why));
                }
            },
        }
        let stop = ctx.state(|s| s.status.stop_requested);
        if stop && index + 1 < spec.steps.len() {
            return Ok(finish(
                ctx,
                Outcome::Stopped,
                Some(format!("stopped after step `{}`", step.id)),
            ));
        }
        index += 1;
        handover::progressed(ctx);
        if index < spec.steps.len() && handover::due(ctx) {
            return Err(hand_over(ctx, &spec, index).await);
        }
    }
    Ok(finish(ctx, Outcome::Completed, None))
}

/// A gate's approver requested changes: the round is recorded (what
/// `steps.GATE.output` shows the steps that run again), and the steps from
/// `to` up to the gate are laid out afresh. Where the run goes on, if `to`
/// is an earlier top-level step.
fn go_back(
    ctx: &Ctx,
    spec: &PipelineSpec,
    gate_index: usize,
    to: &str,
    round: ChangeRound,
) -> Option<usize> {
    let target = spec.steps[..gate_index].iter().position(|s| s.id == to)?;
    let gate_id = spec.steps[gate_index].id.clone();
    ctx.state_mut(|s| {
        let rounds = s.rounds.entry(gate_id.clone()).or_default();
        rounds.push(round);
        let feedback = feedback_output(rounds);
        for step in &spec.steps[target..gate_index] {
            s.outputs.remove(&step.id);
            // Another gate in between keeps its feedback for what it reads.
            if let StepKind::Approval(gate) = &step.kind
                && gate.on_changes.is_some()
            {
                let its = s.rounds.get(&step.id).map_or(&[][..], Vec::as_slice);
                s.outputs.insert(step.id.clone(), feedback_output(its));
            }
            let mut fresh = Vec::new();
            status_rows(step, None, &mut fresh);
            for row in fresh {
                if let Some(old) = s.status.step_mut(&row.id) {
                    *old = row;
                }
            }
        }
        s.outputs.insert(gate_id, feedback);
    });
    Some(target)
}

/// `steps.GATE.output` while its rounds go on: the latest feedback, the
/// next round's number and every round so far (before any: null, 1, []).
pub(super) fn feedback_output(rounds: &[ChangeRound]) -> Value {
    serde_json::json!({
        "feedback": rounds.last().map(|r| r.feedback.clone()),
        "round": rounds.len() + 1,
        "rounds": rounds,
    })
}

// ---- helpers

/// A local activity's options: each attempt at most `each`, all within
/// `all`, at most `attempts` tries starting a second apart.
pub(super) fn local_options(each: Duration, all: Duration, attempts: u32) -> LocalActivityOptions {
    LocalActivityOptions::builder()
        .start_to_close_timeout(each)
        .schedule_to_close_timeout(all)
        .retry_policy(
            RetryPolicy::builder()
                .initial_interval(Duration::from_secs(1))
                .maximum_attempts(attempts)
                .build(),
        )
        .build()
}

/// The run's end in the metrics, once: never while replaying.
pub(super) fn count_run(ctx: &Ctx, result: &WorkflowResult<RunResult>) {
    let Some(metrics) = super::metrics::get() else {
        return;
    };
    if ctx.is_replaying() {
        return;
    }
    let outcome = match ending(result) {
        Some(Ending::Outcome(outcome)) => outcome.to_string(),
        Some(Ending::Cancelled) => "cancelled".into(),
        Some(Ending::Failed) => "failed".into(),
        None => return,
    };
    let pipeline = ctx.state(|s| s.status.pipeline.clone());
    metrics.run_finished(&pipeline, &outcome);
}

/// Once the run has ended, the steps it never reached say so (`skipped`,
/// and why) instead of staying `pending`, and it is no longer paused. Only
/// the status changes: no command, so a replay is unaffected. A run that
/// hands over goes on.
pub(super) fn close_status(ctx: &Ctx, result: &WorkflowResult<RunResult>) {
    if let Some(ending) = ending(result) {
        ctx.state_mut(|s| s.status.close(ending));
    }
}

/// How the run ended; `None` when it did not: it handed over (the run
/// goes on, and ends once, in its last run) or this worker let it go
/// (evicted: it goes on elsewhere).
fn ending(result: &WorkflowResult<RunResult>) -> Option<Ending> {
    match result {
        Ok(result) => Some(Ending::Outcome(result.outcome)),
        Err(WorkflowTermination::Cancelled { .. }) => Some(Ending::Cancelled),
        Err(WorkflowTermination::ContinueAsNew(_) | WorkflowTermination::Evicted) => None,
        Err(WorkflowTermination::Failed(_)) => Some(Ending::Failed),
    }
}

/// Whether the run may go on to its next step or item.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Resume {
    Go,
    Stop,
    /// The run hands over to a fresh one (continue-as-new) first.
    Handover,
}

/// Between steps (and foreach items): waits while paused; says Stop once
/// `stop` arrived, Handover once the run is handing over (a paused run
/// hands over paused, and its next run waits here again).
pub(super) async fn gate(ctx: &Ctx) -> WorkflowResult<Resume> {
    let stopped = |s: &PipelineWorkflow| s.status.stop_requested;
    if ctx.state(stopped) {
        return Ok(Resume::Stop);
    }
    if handover::raised(ctx) {
        return Ok(Resume::Handover);
    }
    if !ctx.state(|s| s.status.paused) {
        return Ok(Resume::Go);
    }
    // Paused between steps, the run was running (a continued run may
    // begin paused: it was running too).
    let before = match ctx.state(|s| s.status.phase) {
        Phase::Paused => Phase::Running,
        phase => phase,
    };
    ctx.state_mut(|s| s.status.phase = Phase::Paused);
    set_phase(ctx, Phase::Paused);
    ctx.wait_condition(|s| !s.status.paused || s.status.stop_requested || s.handover.handing_over)
        .await?;
    // Still paused: the next run shows it so from its first moment.
    if handover::raised(ctx) && !ctx.state(stopped) {
        return Ok(Resume::Handover);
    }
    ctx.state_mut(|s| s.status.phase = before);
    set_phase(ctx, before);
    Ok(if ctx.state(stopped) {
        Resume::Stop
    } else {
        Resume::Go
    })
}

fn finish(ctx: &Ctx, outcome: Outcome, detail: Option<String>) -> RunResult {
    ctx.state_mut(|s| {
        s.status.phase = outcome.phase();
        s.status.outcome = Some(outcome);
        s.status.current_step = None;
    });
    set_phase(ctx, outcome.phase());
    RunResult {
        outcome,
        detail,
        steps: handover::fit_outputs(ctx.state(|s| s.outputs.clone())),
    }
}

/// The run is failing: its phase says so, in the status and the listing.
pub(super) fn mark_failed(ctx: &Ctx) {
    ctx.state_mut(|s| s.status.phase = Phase::Failed);
    set_phase(ctx, Phase::Failed);
}

/// A step failed after its retries: the run fails, saying which step and why.
fn fail_run(ctx: &Ctx, step_id: &str, message: String) -> WorkflowTermination {
    mark_failed(ctx);
    fail(format!("step `{step_id}` failed: {message}"))
}

pub(super) fn fail(message: String) -> WorkflowTermination {
    WorkflowTermination::failed_application(ApplicationFailure::non_retryable(message))
}

/// Sets (or with `None` removes) a memo field, so listings can show it
/// without querying each run: `orca_progress` ("3/20") and `orca_prompt`.
pub(super) fn set_memo(ctx: &Ctx, key: &str, value: Option<String>) {
    // A memo that cannot be encoded is only a display nicety; never fail the run for it.
    let _ = ctx.upsert_memo([(key.to_string(), value.map(MemoValue::new))]);
}

/// Publishes the phase as the `OrcaPhase` search attribute, once per change.
pub(super) fn set_phase(ctx: &Ctx, phase: Phase) {
    let changed = ctx.state_mut(|s| s.published_phase.replace(phase) != Some(phase));
    if changed {
        ctx.upsert_search_attributes([PHASE_KEY.value_set(phase.to_string())]);
    }
}

/// The run's `detail`: the step summary without the outcome word it starts
/// with ("rejected by bob: no" → "by bob: no"), as the outcome is shown beside it.
fn detail_of(outcome: Outcome, summary: &str) -> String {
    let word = outcome.to_string();
    summary
        .strip_prefix(&format!("{word}: "))
        .or_else(|| summary.strip_prefix(&format!("{word} ")))
        .unwrap_or(summary)
        .to_string()
}

/// Status rows for a step and the steps a parallel group nests (foreach
/// items have no rows of their own: their step shows progress instead).
pub(super) fn status_rows(step: &Step, parent: Option<&str>, rows: &mut Vec<StepStatus>) {
    rows.push(StepStatus {
        id: step_id(step).to_string(),
        kind: step.kind.name().to_string(),
        state: StepState::Pending,
        attempts: 0,
        started_at: None,
        finished_at: None,
        summary: None,
        error: None,
        parent: parent.map(str::to_string),
        progress: None,
    });
    if let StepKind::Parallel(group) = &step.kind {
        for child in &group.steps {
            status_rows(child, Some(&step.id), rows);
        }
    }
}

pub(super) fn now(ctx: &Ctx) -> String {
    rfc3339(ctx.workflow_time())
}

pub(super) fn rfc3339(time: Option<SystemTime>) -> String {
    time.map(|t| humantime::format_rfc3339_seconds(t).to_string())
        .unwrap_or_default()
}
