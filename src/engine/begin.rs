//! How a run begins: a fresh run parses its input, resolves its pipeline
//! (a recorded local activity) and lays out its status; a run that
//! continues an earlier one (continue-as-new) takes what that run carried.
//!
//! Deterministic like all workflow code (see `workflow.rs`).

use std::time::Duration;

use serde_json::Value;
use temporalio_sdk::{
    ActivityExecutionError, ApplicationFailure, WorkflowResult, WorkflowTermination,
};

use super::{
    activities::{PipelineActivities, ResolveRequest, ResolvedPipeline, SigningPolicy},
    handover,
    run::{fail, feedback_output, local_options, mark_failed, status_rows},
    status::*,
    steps::{Ctx, activity_error_message},
    trust::verify_requester,
};
use crate::pipeline::{PipelineSpec, StepKind};

/// The spec to run and the top-level step to begin with: a fresh run's
/// from its request, a continued run's from what the last run carried.
pub(super) async fn begin(ctx: &Ctx) -> WorkflowResult<(PipelineSpec, usize)> {
    let raw = ctx.state_mut(|s| {
        s.early.begin();
        s.request.clone()
    });
    match handover::carried(ctx, &raw) {
        Ok(Some(carry)) => {
            let (spec, next) = (carry.spec.clone(), carry.next_step);
            handover::restore(ctx, carry);
            // Signals this run took before it began (the SDK runs their
            // handlers first) hold over what the last run carried.
            if ctx.patched(handover::EARLY_CONTROLS_PATCH) {
                ctx.state_mut(|s| {
                    let early = s.early;
                    early.apply(&mut s.status);
                });
            }
            Ok((spec, next))
        }
        Ok(None) => Ok((start(ctx).await?, 0)),
        Err(why) => {
            mark_failed(ctx);
            Err(fail(why))
        }
    }
}

/// The input parsed, the pipeline resolved (a recorded activity), the
/// status rows laid out and the search attributes set: the spec to run.
async fn start(ctx: &Ctx) -> WorkflowResult<PipelineSpec> {
    let mut request: RunRequest = serde_json::from_value(ctx.state(|s| s.request.clone()))
        .map_err(|e| {
            fail(format!(
                "invalid workflow input: {e}; expected {{\"pipeline\": NAME, \"input\": {{...}}}}"
            ))
        })?;
    // One spelling of the requester everywhere: " alice" is alice, so four
    // eyes compares the names the signatures and the votes use.
    request.requested_by = request
        .requested_by
        .map(|name| name.trim().to_string())
        .filter(|name| !name.is_empty());
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
    // Asked before anything is awaited: the marker is then the first
    // command of the first task, where a replay meets it too (asked after
    // the resolve activity, a slow worker may have recorded it a task later).
    let enabled = ctx.patched(handover::PATCH);
    ctx.state_mut(|s| s.handover.enabled = enabled);
    let resolved = resolve(ctx, &request).await?;
    if let Err(why) = verify_requester(ctx, &request, &resolved.signing).await? {
        mark_failed(ctx);
        let failure =
            ApplicationFailure::builder(format!("the start's signature does not verify: {why}"))
                .type_name(RefusalKind::BadSignature.as_str().to_string())
                .non_retryable(true)
                .build();
        return Err(WorkflowTermination::failed_application(failure));
    }
    let spec = resolved.spec;
    ctx.state_mut(|s| {
        s.status.pipeline = spec.name.clone();
        s.status.requested_by = request.requested_by.clone();
        s.status.input = resolved.input.clone();
        s.groups = resolved.groups.clone();
        s.default_step_timeout = resolved.default_step_timeout_ms.map(Duration::from_millis);
        s.signing = SigningPolicy {
            signers_at_start: Vec::new(),
            ..resolved.signing.clone()
        };
        let mut rows = Vec::new();
        for step in &spec.steps {
            status_rows(step, None, &mut rows);
        }
        s.status.steps = rows;
        s.published_phase = Some(Phase::Running);
        // A gate that can send the run back: the steps it sends it back
        // to read its feedback, null the first time.
        for step in &spec.steps {
            if let StepKind::Approval(gate) = &step.kind
                && gate.on_changes.is_some()
            {
                s.outputs.insert(step.id.clone(), feedback_output(&[]));
            }
        }
    });
    ctx.upsert_search_attributes([
        PIPELINE_KEY.value_set(spec.name.clone()),
        PHASE_KEY.value_set(Phase::Running.to_string()),
    ]);
    let bound = resolved.history_bound.unwrap_or(handover::DEFAULT_BOUND);
    ctx.state_mut(|s| s.handover.bound = bound);
    Ok(spec)
}

async fn resolve(ctx: &Ctx, request: &RunRequest) -> WorkflowResult<ResolvedPipeline> {
    let options = local_options(Duration::from_secs(30), Duration::from_secs(120), 5);
    let resolve = ResolveRequest {
        pipeline: request.pipeline.clone(),
        input: request.input.clone(),
        signed: request.signed.is_some(),
    };
    ctx.execute_local_activity(PipelineActivities::resolve, resolve, options)
        .await
        .map_err(|e| {
            mark_failed(ctx);
            resolve_failure(&e)
        })
}

/// The run fails with the resolve activity's own failure type and details
/// (`UnknownPipeline` with the names the worker knows, …), so a client can
/// tell why without reading the message.
fn resolve_failure(error: &ActivityExecutionError) -> WorkflowTermination {
    // A local activity's failure is the application failure itself; a
    // remote one's is its cause. Either way: the first typed one.
    let typed = match error {
        ActivityExecutionError::Failed(failure) => crate::failure::typed(failure.failure()).next(),
        _ => None,
    };
    let failure = ApplicationFailure::builder(activity_error_message(error))
        .non_retryable(true)
        .maybe_type_name(typed.map(|(type_name, _)| type_name.to_string()))
        .maybe_details(typed.and_then(|(_, failure)| crate::failure::details(failure)))
        .build();
    WorkflowTermination::failed_application(failure)
}
