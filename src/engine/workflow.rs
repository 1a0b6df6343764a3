//! The `Pipeline` workflow: an interpreter of pipeline specs.
//!
//! Everything here must be deterministic: state changes only through the
//! context, time only from `ctx.workflow_time()`, side effects only in
//! activities, templates rendered from recorded state. Any change that alters
//! the commands this emits for an existing history must go behind
//! `ctx.patched(...)` (README "Changing the engine").

use std::time::{Duration, SystemTime};

use serde_json::{Map, Value, json};
use temporalio_common::{RetryPolicy, error::IncomingError, search_attributes::SearchAttributeKey};
use temporalio_macros::{workflow, workflow_methods};
use temporalio_sdk::{
    ActivityExecutionError, ActivityOptions, ApplicationFailure, CancellableFuture,
    LocalActivityOptions, SyncWorkflowContext, TimerResult, WorkflowContext, WorkflowContextView,
    WorkflowResult, WorkflowTermination, workflows::select,
};

use super::{
    activities::{AgentRequest, PipelineActivities, ResolveRequest, ResolvedPipeline, StepOutput},
    status::*,
};
use crate::pipeline::{
    Step, StepKind,
    spec::{AgentStep, ApprovalStep, OnTimeout, PolicyStep, RetrySpec},
    template,
};

const SA_PIPELINE_KEY: SearchAttributeKey<String> = SearchAttributeKey::keyword(SA_PIPELINE);
const SA_PHASE_KEY: SearchAttributeKey<String> = SearchAttributeKey::keyword(SA_PHASE);

/// How long a heartbeating activity may stay silent before Temporal retries
/// it elsewhere (this bounds recovery time after a worker is killed).
const HEARTBEAT_TIMEOUT: Duration = Duration::from_secs(5);
/// Step timeout when a step sets none.
const DEFAULT_STEP_TIMEOUT: Duration = Duration::from_secs(10 * 60);

type HandlerError = Box<dyn std::error::Error + Send + Sync>;

#[workflow]
pub struct PipelineWorkflow {
    /// The raw input, parsed in `run` so a malformed request fails the run
    /// with a message instead of failing workflow tasks forever.
    request: Value,
    status: RunStatus,
    outputs: Map<String, Value>,
}

/// How a step ended, as far as the run loop is concerned.
enum StepEnd {
    Done(StepOutput),
    /// The step ends the run with a business outcome (denied, rejected, stopped).
    EndRun {
        outcome: Outcome,
        output: Value,
        summary: String,
    },
    Failed(String),
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
        }
    }

    #[run(name = "Pipeline")]
    pub async fn run(ctx: &mut WorkflowContext<Self>) -> WorkflowResult<RunResult> {
        let request: RunRequest = serde_json::from_value(ctx.state(|s| s.request.clone()))
            .map_err(|e| {
                fail(format!(
                    "invalid workflow input: {e}; expected {{\"pipeline\": NAME, \"input\": {{...}}}}"
                ))
            })?;
        let resolved = resolve(ctx, &request).await?;
        let spec = resolved.spec;
        ctx.state_mut(|s| {
            s.status.pipeline = spec.name.clone();
            s.status.requested_by = request.requested_by.clone();
            s.status.input = resolved.input.clone();
            s.status.steps = spec.steps.iter().map(pending_step).collect();
        });
        ctx.upsert_search_attributes([
            SA_PIPELINE_KEY.value_set(spec.name.clone()),
            SA_PHASE_KEY.value_set(Phase::Running.to_string()),
        ]);

        for (index, step) in spec.steps.iter().enumerate() {
            if !wait_while_paused(ctx).await? {
                return Ok(finish(
                    ctx,
                    Outcome::Stopped,
                    Some("stopped before step".into()),
                ));
            }
            if let Some(condition) = &step.condition {
                let rendered = render(ctx, condition).map_err(|e| step_failed(ctx, index, e))?;
                if !is_truthy(&rendered) {
                    ctx.state_mut(|s| {
                        s.status.steps[index].state = StepState::Skipped;
                        s.status.steps[index].summary =
                            Some(format!("skipped: `if` was {rendered:?}"));
                    });
                    continue;
                }
            }
            let started_at = now(ctx);
            ctx.state_mut(|s| {
                s.status.current_step = Some(step.id.clone());
                let st = &mut s.status.steps[index];
                st.state = StepState::Running;
                st.started_at = Some(started_at);
            });

            let end = match &step.kind {
                StepKind::Policy(policy) => run_policy(ctx, policy),
                StepKind::Approval(gate) => run_approval(ctx, step, gate).await?,
                StepKind::Agent(agent) => run_agent(ctx, step, agent).await?,
            };

            let finished_at = now(ctx);
            match end {
                StepEnd::Done(done) => ctx.state_mut(|s| {
                    s.outputs.insert(step.id.clone(), done.output);
                    let st = &mut s.status.steps[index];
                    st.state = StepState::Completed;
                    st.attempts = done.attempt.max(1);
                    st.finished_at = Some(finished_at);
                    st.summary = done.summary;
                }),
                StepEnd::EndRun {
                    outcome,
                    output,
                    summary,
                } => {
                    ctx.state_mut(|s| {
                        s.outputs.insert(step.id.clone(), output);
                        let st = &mut s.status.steps[index];
                        st.state = if outcome == Outcome::Stopped {
                            StepState::Skipped
                        } else {
                            StepState::Refused
                        };
                        st.attempts = st.attempts.max(1);
                        st.finished_at = Some(finished_at);
                        st.summary = Some(summary.clone());
                    });
                    return Ok(finish(ctx, outcome, Some(detail_of(outcome, &summary))));
                }
                StepEnd::Failed(message) => return Err(step_failed(ctx, index, message)),
            }
            if ctx.state(|s| s.status.stop_requested) && index + 1 < spec.steps.len() {
                return Ok(finish(
                    ctx,
                    Outcome::Stopped,
                    Some(format!("stopped after step `{}`", step.id)),
                ));
            }
        }
        Ok(finish(ctx, Outcome::Completed, None))
    }

    // ---- approvals: the update (answers the caller) and the signal (fire and forget)

    #[update_validator(approve_update)]
    fn validate_approve(
        &self,
        _ctx: &WorkflowContextView,
        request: &DecisionRequest,
    ) -> Result<(), HandlerError> {
        self.check_decision(request).map_err(Into::into)
    }

    #[update(name = "approve")]
    pub fn approve_update(
        &mut self,
        ctx: &mut SyncWorkflowContext<Self>,
        request: DecisionRequest,
    ) -> Result<Decision, HandlerError> {
        self.decide(ctx.workflow_time(), request, true)
            .map_err(Into::into)
    }

    #[update_validator(reject_update)]
    fn validate_reject(
        &self,
        _ctx: &WorkflowContextView,
        request: &DecisionRequest,
    ) -> Result<(), HandlerError> {
        self.check_decision(request).map_err(Into::into)
    }

    #[update(name = "reject")]
    pub fn reject_update(
        &mut self,
        ctx: &mut SyncWorkflowContext<Self>,
        request: DecisionRequest,
    ) -> Result<Decision, HandlerError> {
        self.decide(ctx.workflow_time(), request, false)
            .map_err(Into::into)
    }

    /// Same rules as the update; a refused signal is dropped (there is no one to tell).
    #[signal(name = "approve")]
    pub fn approve_signal(
        &mut self,
        ctx: &mut SyncWorkflowContext<Self>,
        request: DecisionRequest,
    ) {
        let _ = self.decide(ctx.workflow_time(), request, true);
    }

    #[signal(name = "reject")]
    pub fn reject_signal(&mut self, ctx: &mut SyncWorkflowContext<Self>, request: DecisionRequest) {
        let _ = self.decide(ctx.workflow_time(), request, false);
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

impl PipelineWorkflow {
    /// Every rule of the gate, checked where no client can bypass it.
    fn check_decision(&self, request: &DecisionRequest) -> Result<(), String> {
        let by = request.by.trim();
        if by.is_empty() {
            return Err("a decision needs `by`: the name of who decides".into());
        }
        let Some(gate) = &self.status.approval else {
            return Err(format!(
                "not awaiting approval (phase: {})",
                self.status.phase
            ));
        };
        if let Some(decision) = &gate.decision {
            return Err(match &decision.by {
                Some(who) => format!("already {} by {who}", decision.decision),
                None => format!("already decided: the gate {}", decision.decision),
            });
        }
        if self.status.phase != Phase::AwaitingApproval {
            return Err(format!(
                "not awaiting approval (phase: {})",
                self.status.phase
            ));
        }
        if !gate.approvers.is_empty() && !gate.approvers.iter().any(|a| a == by) {
            return Err(format!(
                "{by} may not decide step `{}` (approvers: {})",
                gate.step,
                gate.approvers.join(", ")
            ));
        }
        Ok(())
    }

    fn decide(
        &mut self,
        at: Option<SystemTime>,
        request: DecisionRequest,
        approve: bool,
    ) -> Result<Decision, String> {
        // Validators do not run on replay; the handler checks again.
        self.check_decision(&request)?;
        let gate = self
            .status
            .approval
            .as_mut()
            .ok_or("not awaiting approval")?;
        let decision = Decision {
            step: gate.step.clone(),
            decision: if approve {
                DecisionKind::Approved
            } else {
                DecisionKind::Rejected
            },
            approved: approve,
            by: Some(request.by.trim().to_string()),
            comment: request.comment.filter(|c| !c.trim().is_empty()),
            at: rfc3339(at),
        };
        gate.decision = Some(decision.clone());
        Ok(decision)
    }
}

// ---- step kinds

fn run_policy(ctx: &WorkflowContext<PipelineWorkflow>, policy: &PolicyStep) -> StepEnd {
    let subject = match render(ctx, &policy.subject) {
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
        return StepEnd::Done(StepOutput {
            output: json!({"allowed": true, "rule": null, "subject": subject}),
            attempt: 1,
            summary: Some("allowed: no deny rule matched".into()),
        });
    }
    for rule in &policy.allow {
        match matches(rule) {
            Ok(true) => {
                return StepEnd::Done(StepOutput {
                    output: json!({"allowed": true, "rule": rule, "list": "allow", "subject": subject}),
                    attempt: 1,
                    summary: Some(format!("allowed by rule {rule:?}")),
                });
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

async fn run_approval(
    ctx: &WorkflowContext<PipelineWorkflow>,
    step: &Step,
    gate: &ApprovalStep,
) -> WorkflowResult<StepEnd> {
    let prompt = match render(ctx, &gate.prompt) {
        Ok(prompt) => prompt,
        Err(e) => return Ok(StepEnd::Failed(e)),
    };
    let timeout = step.timeout.map(|t| t.0);
    let deadline = timeout.and_then(|t| ctx.workflow_time().map(|now| rfc3339(Some(now + t))));
    ctx.state_mut(|s| {
        s.status.phase = Phase::AwaitingApproval;
        let index = index_of(&s.status, &step.id);
        s.status.steps[index].state = StepState::Waiting;
        s.status.approval = Some(ApprovalStatus {
            step: step.id.clone(),
            prompt: prompt.clone(),
            approvers: gate.approvers.clone(),
            deadline,
            decision: None,
        });
    });
    set_phase(ctx, Phase::AwaitingApproval);

    let closed = |s: &PipelineWorkflow| {
        s.status.stop_requested
            || s.status
                .approval
                .as_ref()
                .is_some_and(|a| a.decision.is_some())
    };
    let timed_out = match timeout {
        None => {
            ctx.wait_condition(closed).await?;
            false
        }
        Some(timeout) => {
            let mut timer = ctx.timer(timeout);
            select! {
                decided = ctx.wait_condition(closed) => {
                    decided?;
                    timer.cancel();
                    false
                }
                fired = &mut timer => {
                    if fired == TimerResult::Cancelled {
                        return Err(WorkflowTermination::cancelled());
                    }
                    true
                }
            }
        }
    };

    if timed_out {
        let decision = Decision {
            step: step.id.clone(),
            decision: DecisionKind::TimedOut,
            approved: gate.on_timeout == OnTimeout::Approve,
            by: None,
            comment: None,
            at: now(ctx),
        };
        ctx.state_mut(|s| {
            if let Some(a) = s.status.approval.as_mut() {
                a.decision = Some(decision.clone());
            }
        });
    }
    let decision = ctx.state(|s| s.status.approval.as_ref().and_then(|a| a.decision.clone()));
    ctx.state_mut(|s| s.status.phase = Phase::Running);
    set_phase(ctx, Phase::Running);

    let Some(decision) = decision else {
        // Only `stop` closes a gate without a decision.
        return Ok(StepEnd::EndRun {
            outcome: Outcome::Stopped,
            output: json!({"decision": null, "approved": false}),
            summary: "stopped while awaiting approval".into(),
        });
    };
    let output = serde_json::to_value(&decision).unwrap_or(Value::Null);
    let who = decision.by.as_deref().unwrap_or("timeout");
    let mut summary = match decision.decision {
        DecisionKind::TimedOut if decision.approved => {
            "timed out: approved by on_timeout".to_string()
        }
        DecisionKind::TimedOut => "timed out: rejected by on_timeout".to_string(),
        kind => format!("{kind} by {who}"),
    };
    if let Some(comment) = &decision.comment {
        summary.push_str(&format!(": {comment}"));
    }
    Ok(if decision.approved {
        StepEnd::Done(StepOutput {
            output,
            attempt: 1,
            summary: Some(summary),
        })
    } else {
        StepEnd::EndRun {
            outcome: Outcome::Rejected,
            output,
            summary,
        }
    })
}

async fn run_agent(
    ctx: &WorkflowContext<PipelineWorkflow>,
    step: &Step,
    agent: &AgentStep,
) -> WorkflowResult<StepEnd> {
    let action = match render(ctx, &agent.action) {
        Ok(action) => action,
        Err(e) => return Ok(StepEnd::Failed(e)),
    };
    let request = AgentRequest {
        step: step.id.clone(),
        action,
        duration_ms: agent.duration.0.as_millis() as u64,
    };
    let timeout = step
        .timeout
        .map(|t| t.0)
        .unwrap_or(DEFAULT_STEP_TIMEOUT.max(agent.duration.0 * 2));
    let options = activity_options(&step.id, timeout, step.retry.as_ref());
    let result = ctx
        .execute_activity(PipelineActivities::agent, request, options)
        .await;
    activity_end(result)
}

// ---- helpers

async fn resolve(
    ctx: &WorkflowContext<PipelineWorkflow>,
    request: &RunRequest,
) -> WorkflowResult<ResolvedPipeline> {
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
            let message = activity_error_message(&e);
            ctx.state_mut(|s| s.status.phase = Phase::Failed);
            fail(message)
        })
}

fn activity_options(id: &str, timeout: Duration, retry: Option<&RetrySpec>) -> ActivityOptions {
    let mut policy = RetryPolicy::builder()
        .initial_interval(Duration::from_secs(1))
        .backoff_coefficient(2.0)
        .maximum_attempts(3)
        .build();
    if let Some(retry) = retry {
        policy = RetryPolicy::builder()
            .initial_interval(retry.initial.map_or(Duration::from_secs(1), |d| d.0))
            .backoff_coefficient(retry.backoff.unwrap_or(2.0))
            .maybe_maximum_interval(retry.max.map(|d| d.0))
            .maximum_attempts(retry.attempts)
            .non_retryable_error_types(retry.non_retryable.clone())
            .build();
    }
    ActivityOptions::with_start_to_close_timeout(timeout)
        .heartbeat_timeout(HEARTBEAT_TIMEOUT)
        .retry_policy(policy)
        .activity_id(id.to_string())
        .build()
}

/// A finished activity → how the step ended. Cancellation of the run is not
/// a step failure: it propagates so the run ends as cancelled.
fn activity_end(result: Result<StepOutput, ActivityExecutionError>) -> WorkflowResult<StepEnd> {
    match result {
        Ok(output) => Ok(StepEnd::Done(output)),
        Err(ActivityExecutionError::Cancelled(_)) => Err(WorkflowTermination::cancelled()),
        Err(e) => Ok(StepEnd::Failed(activity_error_message(&e))),
    }
}

/// The message a person needs: the activity's own, or which timeout fired.
fn activity_error_message(error: &ActivityExecutionError) -> String {
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

/// Blocks between steps while paused. Returns false when `stop` arrived.
async fn wait_while_paused(ctx: &WorkflowContext<PipelineWorkflow>) -> WorkflowResult<bool> {
    if ctx.state(|s| s.status.stop_requested) {
        return Ok(false);
    }
    if !ctx.state(|s| s.status.paused) {
        return Ok(true);
    }
    ctx.state_mut(|s| s.status.phase = Phase::Paused);
    set_phase(ctx, Phase::Paused);
    ctx.wait_condition(|s| !s.status.paused || s.status.stop_requested)
        .await?;
    ctx.state_mut(|s| s.status.phase = Phase::Running);
    set_phase(ctx, Phase::Running);
    Ok(!ctx.state(|s| s.status.stop_requested))
}

fn finish(
    ctx: &WorkflowContext<PipelineWorkflow>,
    outcome: Outcome,
    detail: Option<String>,
) -> RunResult {
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

fn step_failed(
    ctx: &WorkflowContext<PipelineWorkflow>,
    index: usize,
    message: String,
) -> WorkflowTermination {
    let now = now(ctx);
    let step_id = ctx.state_mut(|s| {
        s.status.phase = Phase::Failed;
        let st = &mut s.status.steps[index];
        st.state = StepState::Failed;
        st.finished_at = Some(now);
        st.error = Some(message.clone());
        st.id.clone()
    });
    set_phase(ctx, Phase::Failed);
    fail(format!("step `{step_id}` failed: {message}"))
}

fn fail(message: String) -> WorkflowTermination {
    WorkflowTermination::failed_application(ApplicationFailure::non_retryable(message))
}

fn set_phase(ctx: &WorkflowContext<PipelineWorkflow>, phase: Phase) {
    ctx.upsert_search_attributes([SA_PHASE_KEY.value_set(phase.to_string())]);
}

fn render(ctx: &WorkflowContext<PipelineWorkflow>, text: &str) -> Result<String, String> {
    let context = ctx.state(|s| {
        let steps: Map<String, Value> = s
            .outputs
            .iter()
            .map(|(id, output)| (id.clone(), json!({ "output": output })))
            .collect();
        json!({
            "input": s.status.input,
            "steps": steps,
            "run": {"id": ctx.workflow_id(), "pipeline": s.status.pipeline},
        })
    });
    template::render(text, &context).map_err(|e| format!("template {text:?}: {e}"))
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

/// `if` semantics: empty, "false", "0", "no", "none" and "null" are false.
fn is_truthy(rendered: &str) -> bool {
    !matches!(
        rendered.trim().to_ascii_lowercase().as_str(),
        "" | "false" | "0" | "no" | "none" | "null"
    )
}

fn pending_step(step: &Step) -> StepStatus {
    StepStatus {
        id: step.id.clone(),
        kind: step.kind.name().to_string(),
        state: StepState::Pending,
        attempts: 0,
        started_at: None,
        finished_at: None,
        summary: None,
        error: None,
    }
}

fn index_of(status: &RunStatus, step_id: &str) -> usize {
    status
        .steps
        .iter()
        .position(|s| s.id == step_id)
        .unwrap_or_default()
}

fn now(ctx: &WorkflowContext<PipelineWorkflow>) -> String {
    rfc3339(ctx.workflow_time())
}

fn rfc3339(time: Option<SystemTime>) -> String {
    time.map(|t| humantime::format_rfc3339_seconds(t).to_string())
        .unwrap_or_default()
}
