//! The workflow's side of signed approvals: the keys a gate trusts, read
//! (and so recorded) when it opens, and the check of a signed start.
//! Deterministic like all workflow code: the file is read by a local
//! activity, and only recorded values and workflow time are used.

use std::time::Duration;

use temporalio_common::{RetryPolicy, search_attributes::SearchAttributeKey};
use temporalio_sdk::{LocalActivityOptions, WorkflowResult};

use super::{
    activities::{PipelineActivities, SigningPolicy},
    status::RunRequest,
    steps::{Ctx, activity_error_message},
};
use crate::signing::{
    StartMessage, input_digest, pipeline_label,
    verify::{stale, verify},
};

/// Set by the server on a run a schedule started; a client cannot set it.
const SCHEDULED_BY: SearchAttributeKey<String> =
    SearchAttributeKey::keyword("TemporalScheduledById");

/// Before a gate opens: the keys it will trust. `Err` (the step fails)
/// when the gate must be signed and the worker trusts no keys, or the
/// allowed signers cannot be read.
pub(super) async fn read_gate_keys(
    ctx: &Ctx,
    step_id: &str,
    signed: bool,
) -> WorkflowResult<Result<(), String>> {
    if !ctx.state(|s| s.signing.configured) {
        if signed {
            return Ok(Err(format!(
                "gate `{step_id}` takes only signed decisions, but this worker has no --allowed-signers to check them"
            )));
        }
        return Ok(Ok(()));
    }
    let options = LocalActivityOptions::builder()
        .start_to_close_timeout(Duration::from_secs(10))
        .schedule_to_close_timeout(Duration::from_secs(60))
        .retry_policy(
            RetryPolicy::builder()
                .initial_interval(Duration::from_secs(1))
                .maximum_attempts(5)
                .build(),
        )
        .build();
    let keys = ctx
        .execute_local_activity(PipelineActivities::signers, step_id.to_string(), options)
        .await;
    Ok(match keys {
        Ok(keys) => {
            ctx.state_mut(|s| s.trusted = keys);
            Ok(())
        }
        Err(e) => Err(format!(
            "gate `{step_id}`: cannot read the allowed signers: {}",
            activity_error_message(&e)
        )),
    })
}

/// Who started the run, as far as the run can prove it: the schedule
/// that started it, and the key of a signed start (checked against the
/// allowed signers recorded at resolve). `Err` says why a signed start
/// does not verify; the run then fails.
pub(super) fn verify_requester(
    ctx: &Ctx,
    request: &RunRequest,
    policy: &SigningPolicy,
) -> Result<(), String> {
    let scheduled_by = ctx.search_attributes().get(&SCHEDULED_BY);
    ctx.state_mut(|s| s.status.scheduled_by = scheduled_by);
    let Some(signed) = &request.signed else {
        return Ok(());
    };
    if !policy.configured {
        // Nothing to check it against: the requester stays unverified.
        return Ok(());
    }
    let message = StartMessage::parse(&signed.message)
        .map_err(|e| format!("the signed message is malformed: {e}"))?;
    let requester = request.requested_by.as_deref().unwrap_or("").trim();
    let verified = verify(
        signed,
        requester,
        &policy.signers_at_start,
        message.signed_at,
    )?;
    let expected = StartMessage {
        workflow_id: ctx.workflow_id().to_string(),
        pipeline: pipeline_label(&request.pipeline),
        input_sha256: input_digest(&request.input),
        requester: requester.to_string(),
        signed_at: message.signed_at,
    };
    if message.workflow_id != expected.workflow_id {
        return Err(format!(
            "the signature is for workflow {}, not {}",
            message.workflow_id, expected.workflow_id
        ));
    }
    if message.pipeline != expected.pipeline {
        return Err(format!(
            "the signature is for pipeline {}, not {}",
            message.pipeline, expected.pipeline
        ));
    }
    if message.input_sha256 != expected.input_sha256 {
        return Err("the input is not the one that was signed".into());
    }
    if message.requester != expected.requester {
        return Err(format!(
            "the signature was made as {}; the run names {}",
            message.requester, expected.requester
        ));
    }
    if let Some(now) = ctx.workflow_time() {
        stale(message.signed_at, now, policy.window())?;
    }
    ctx.state_mut(|s| s.status.requester_key = Some(verified.fingerprint));
    Ok(())
}
