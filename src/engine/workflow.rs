//! The `Pipeline` workflow: an interpreter of pipeline specs.
//!
//! Everything here must be deterministic: state changes only through the
//! context, time only from `ctx.workflow_time()`, side effects only in
//! activities, templates rendered from recorded state. Any change that alters
//! the commands this emits for an existing history must go behind
//! `ctx.patched(...)` (README "Changing the engine").

use std::time::{Duration, SystemTime};

use serde_json::{Map, Value};
use temporalio_common::error::IncomingError;
use temporalio_common::{RetryPolicy, search_attributes::SearchAttributeKey};
use temporalio_macros::{workflow, workflow_methods};
use temporalio_sdk::{
    ActivityExecutionError, ApplicationFailure, LocalActivityOptions, MemoValue,
    SyncWorkflowContext, WorkflowContext, WorkflowContextView, WorkflowResult, WorkflowTermination,
};

use super::{
    activities::{PipelineActivities, ResolveRequest, ResolvedPipeline},
    gate,
    refusal::Refusal,
    status::*,
    steps::{Scope, StepEnd, activity_error_message, execute, step_id},
};
use crate::pipeline::{Step, StepKind};

const SA_PIPELINE_KEY: SearchAttributeKey<String> = SearchAttributeKey::keyword(SA_PIPELINE);
const SA_PHASE_KEY: SearchAttributeKey<String> = SearchAttributeKey::keyword(SA_PHASE);

type HandlerError = Box<dyn std::error::Error + Send + Sync>;

/// Marks histories in which a refused approve/reject signal is noted in the memo.
const IGNORED_SIGNAL_PATCH: &str = "orca-ignored-signal-memo";

#[workflow]
pub struct PipelineWorkflow {
    /// The raw input, parsed in `run` so a malformed request fails the run
    /// with a message instead of failing workflow tasks forever.
    request: Value,
    pub(super) status: RunStatus,
    /// Outputs of finished top-level steps, by id (what templates read).
    pub(super) outputs: Map<String, Value>,
    /// The `OrcaPhase` last upserted, so a phase is published once per change.
    published_phase: Option<Phase>,
    /// Approver groups (pipeline file and worker's approvers file), from resolve.
    pub(super) groups: std::collections::BTreeMap<String, Vec<String>>,
    /// The worker's default step timeout, from resolve.
    pub(super) default_step_timeout: Option<Duration>,
}

#[workflow_methods]
impl PipelineWorkflow {
    #[init]
    pub fn new(_ctx: &WorkflowContextView, request: Value) -> Self {
        PipelineWorkflow {
            request,
            status: RunStatus {
                pipeline: String::new(),
                phase: Phase::Running,
                requested_by: None,
                input: Map::new(),
                current_step: None,
                steps: Vec::new(),
                progress: None,
                approval: None,
                outcome: None,
                paused: false,
                stop_requested: false,
            },
            outputs: Map::new(),
            published_phase: None,
            groups: Default::default(),
            default_step_timeout: None,
        }
    }

    #[run(name = "Pipeline")]
    pub async fn run(ctx: &mut WorkflowContext<Self>) -> WorkflowResult<RunResult> {
        let result = run_pipeline(ctx).await;
        count_run(ctx, &result);
        result
    }

    // ---- approvals: the update (answers the caller) and the signal (fire and forget)

    #[update_validator(approve_update)]
    fn validate_approve(
        &self,
        _ctx: &WorkflowContextView,
        request: &DecisionRequest,
    ) -> Result<(), HandlerError> {
        self.check(request, VoteKind::Approve)
    }

    #[update(name = "approve")]
    pub fn approve_update(
        &mut self,
        ctx: &mut SyncWorkflowContext<Self>,
        request: DecisionRequest,
    ) -> Result<VoteResult, HandlerError> {
        self.vote(ctx, request, VoteKind::Approve)
    }

    #[update_validator(reject_update)]
    fn validate_reject(
        &self,
        _ctx: &WorkflowContextView,
        request: &DecisionRequest,
    ) -> Result<(), HandlerError> {
        self.check(request, VoteKind::Reject)
    }

    #[update(name = "reject")]
    pub fn reject_update(
        &mut self,
        ctx: &mut SyncWorkflowContext<Self>,
        request: DecisionRequest,
    ) -> Result<VoteResult, HandlerError> {
        self.vote(ctx, request, VoteKind::Reject)
    }

    /// Same rules as the update; a refused signal is recorded as ignored.
    #[signal(name = "approve")]
    pub fn approve_signal(
        &mut self,
        ctx: &mut SyncWorkflowContext<Self>,
        request: DecisionRequest,
    ) {
        self.vote_by_signal(ctx, request, VoteKind::Approve);
    }

    #[signal(name = "reject")]
    pub fn reject_signal(&mut self, ctx: &mut SyncWorkflowContext<Self>, request: DecisionRequest) {
        self.vote_by_signal(ctx, request, VoteKind::Reject);
    }

    // ---- control

    #[signal(name = "pause")]
    pub fn pause(&mut self, _ctx: &mut SyncWorkflowContext<Self>) {
        self.status.paused = true;
    }

    #[signal(name = "resume")]
    pub fn resume(&mut self, _ctx: &mut SyncWorkflowContext<Self>) {
        self.status.paused = false;
    }

    #[signal(name = "stop")]
    pub fn stop(&mut self, _ctx: &mut SyncWorkflowContext<Self>) {
        self.status.stop_requested = true;
    }

    #[query(name = "status")]
    pub fn status(&self, _ctx: &WorkflowContextView) -> RunStatus {
        self.status.clone()
    }
}

/// The votes behind both messages of the contract, update and signal.
impl PipelineWorkflow {
    fn check(&self, request: &DecisionRequest, kind: VoteKind) -> Result<(), HandlerError> {
        gate::check_vote(&self.status, request, kind).map_err(Refusal::into_handler_error)
    }

    fn vote(
        &mut self,
        ctx: &SyncWorkflowContext<Self>,
        request: DecisionRequest,
        kind: VoteKind,
    ) -> Result<VoteResult, HandlerError> {
        gate::cast_vote(&mut self.status, ctx.workflow_time(), request, kind)
            .map_err(Refusal::into_handler_error)
    }

    /// A signal has no one to answer, so a refused one is noted in the
    /// memo (`orca_ignored`): `orca history` shows it as ignored, and why.
    fn vote_by_signal(
        &mut self,
        ctx: &SyncWorkflowContext<Self>,
        request: DecisionRequest,
        kind: VoteKind,
    ) {
        let by = request.by.clone();
        let Err(refusal) = gate::cast_vote(&mut self.status, ctx.workflow_time(), request, kind)
        else {
            return;
        };
        // Runs recorded before this note existed replay without it.
        if ctx.patched(IGNORED_SIGNAL_PATCH) {
            let note = IgnoredSignal {
                signal: kind.message_name().to_string(),
                by,
                refusal: refusal.kind(),
                reason: refusal.to_string(),
            };
            let _ = ctx.upsert_memo([(MEMO_IGNORED, Some(MemoValue::new(note)))]);
        }
    }
}

/// The run itself: resolve the pipeline, then its steps in order.
async fn run_pipeline(ctx: &mut WorkflowContext<PipelineWorkflow>) -> WorkflowResult<RunResult> {
    let request: RunRequest =
        serde_json::from_value(ctx.state(|s| s.request.clone())).map_err(|e| {
            fail(format!(
                "invalid workflow input: {e}; expected {{\"pipeline\": NAME, \"input\": {{...}}}}"
            ))
        })?;
    // The name is known before resolving, so even a run whose pipeline
    // cannot be resolved says which one it asked for.
    let asked_for = match &request.pipeline {
        Value::String(name) => name.clone(),
        other => other
            .get("name")
            .and_then(Value::as_str)
            .unwrap_or("inline")
            .to_string(),
    };
    ctx.state_mut(|s| {
        s.status.pipeline = asked_for;
        s.status.requested_by = request.requested_by.clone();
    });
    let resolved = resolve(ctx, &request).await?;
    let spec = resolved.spec;
    ctx.state_mut(|s| {
        s.status.pipeline = spec.name.clone();
        s.status.requested_by = request.requested_by.clone();
        s.status.input = resolved.input.clone();
        s.groups = resolved.groups.clone();
        s.default_step_timeout = resolved.default_step_timeout_ms.map(Duration::from_millis);
        let mut rows = Vec::new();
        for step in &spec.steps {
            status_rows(step, None, &mut rows);
        }
        s.status.steps = rows;
        s.published_phase = Some(Phase::Running);
    });
    ctx.upsert_search_attributes([
        SA_PIPELINE_KEY.value_set(spec.name.clone()),
        SA_PHASE_KEY.value_set(Phase::Running.to_string()),
    ]);

    for (index, step) in spec.steps.iter().enumerate() {
        if gate(ctx).await? == Resume::Stop {
            return Ok(finish(
                ctx,
                Outcome::Stopped,
                Some(format!("stopped before step `{}`", step.id)),
            ));
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
        }
        let stop = ctx.state(|s| s.status.stop_requested);
        if stop && index + 1 < spec.steps.len() {
            return Ok(finish(
                ctx,
                Outcome::Stopped,
                Some(format!("stopped after step `{}`", step.id)),
            ));
        }
    }
    Ok(finish(ctx, Outcome::Completed, None))
}

// ---- helpers

type Ctx = WorkflowContext<PipelineWorkflow>;

async fn resolve(ctx: &Ctx, request: &RunRequest) -> WorkflowResult<ResolvedPipeline> {
    let options = LocalActivityOptions::builder()
        .start_to_close_timeout(Duration::from_secs(30))
        .schedule_to_close_timeout(Duration::from_secs(120))
        .retry_policy(
            RetryPolicy::builder()
                .initial_interval(Duration::from_secs(1))
                .maximum_attempts(5)
                .build(),
        )
        .build();
    let resolve = ResolveRequest {
        pipeline: request.pipeline.clone(),
        input: request.input.clone(),
    };
    ctx.execute_local_activity(PipelineActivities::resolve, resolve, options)
        .await
        .map_err(|e| {
            ctx.state_mut(|s| s.status.phase = Phase::Failed);
            set_phase(ctx, Phase::Failed);
            resolve_failure(&e)
        })
}

/// The run fails with the resolve activity's own failure type and details
/// (`UnknownPipeline` with the names the worker knows, …), so a client can
/// tell why without reading the message.
fn resolve_failure(error: &ActivityExecutionError) -> WorkflowTermination {
    let app = match error {
        ActivityExecutionError::Failed(failure) => match failure.cause() {
            Some(IncomingError::Application(app)) => Some(app),
            _ => None,
        },
        _ => None,
    };
    let failure = ApplicationFailure::builder(activity_error_message(error))
        .non_retryable(true)
        .maybe_type_name(app.and_then(|a| a.type_name()).map(str::to_string))
        .maybe_details(app.and_then(|a| a.details::<Value>().ok().flatten()))
        .build();
    WorkflowTermination::failed_application(failure)
}

/// The run's end in the metrics, once: never while replaying.
fn count_run(ctx: &Ctx, result: &WorkflowResult<RunResult>) {
    let Some(metrics) = super::metrics::get() else {
        return;
    };
    if ctx.is_replaying() {
        return;
    }
    let outcome = match result {
        Ok(result) => result.outcome.to_string(),
        Err(WorkflowTermination::Cancelled { .. }) => "cancelled".into(),
        Err(_) => "failed".into(),
    };
    let pipeline = ctx.state(|s| s.status.pipeline.clone());
    metrics.run_finished(&pipeline, &outcome);
}

/// Whether the run may go on to its next step or item.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Resume {
    Go,
    Stop,
}

/// Between steps (and foreach items): waits while paused; says Stop once
/// `stop` arrived.
pub(super) async fn gate(ctx: &Ctx) -> WorkflowResult<Resume> {
    let stopped = |s: &PipelineWorkflow| s.status.stop_requested;
    if ctx.state(stopped) {
        return Ok(Resume::Stop);
    }
    if !ctx.state(|s| s.status.paused) {
        return Ok(Resume::Go);
    }
    let before = ctx.state(|s| s.status.phase);
    ctx.state_mut(|s| s.status.phase = Phase::Paused);
    set_phase(ctx, Phase::Paused);
    ctx.wait_condition(|s| !s.status.paused || s.status.stop_requested)
        .await?;
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
        steps: ctx.state(|s| s.outputs.clone()),
    }
}

/// A step failed after its retries: the run fails, saying which step and why.
fn fail_run(ctx: &Ctx, step_id: &str, message: String) -> WorkflowTermination {
    ctx.state_mut(|s| s.status.phase = Phase::Failed);
    set_phase(ctx, Phase::Failed);
    fail(format!("step `{step_id}` failed: {message}"))
}

fn fail(message: String) -> WorkflowTermination {
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
        ctx.upsert_search_attributes([SA_PHASE_KEY.value_set(phase.to_string())]);
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
fn status_rows(step: &Step, parent: Option<&str>, rows: &mut Vec<StepStatus>) {
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
