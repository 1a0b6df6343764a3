//! The workflow's side of signed approvals: the keys a gate trusts, read
//! (and so recorded) when it opens, and the check of a signed start.
//! Deterministic like all workflow code: the file is read by a local
//! activity, and only recorded values and workflow time are used.

use std::time::Duration;

use temporalio_common::search_attributes::SearchAttributeKey;
use temporalio_sdk::{MemoValue, WorkflowResult};

use super::{
    activities::{PipelineActivities, ScheduleCheck, SigningPolicy},
    run::local_options,
    status::{MEMO_SCHEDULED_BY, RunRequest},
    steps::{Ctx, activity_error_message},
};
use crate::signing::{
    SCHEDULE_PREFIX, StartMessage,
    bound::start_mismatch,
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
    let options = local_options(Duration::from_secs(10), Duration::from_secs(60), 5);
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

/// Marks runs that ask the schedule they name whether it started them.
const SCHEDULE_PATCH: &str = "orca-schedule-provenance";

/// Who started the run, as far as the run can prove it: the schedule
/// that started it (confirmed by the schedule itself), and the key of a
/// signed start (checked against the allowed signers recorded at
/// resolve). `Err` says why a signed start does not verify; the run then
/// fails.
pub(super) async fn verify_requester(
    ctx: &Ctx,
    request: &RunRequest,
    policy: &SigningPolicy,
) -> WorkflowResult<Result<(), String>> {
    // Only a worker that checks signatures needs to know.
    if policy.configured {
        confirm_schedule(ctx).await?;
    }
    Ok(verify_start(ctx, request, policy))
}

/// The schedule the run names, if that schedule says it started this run:
/// a client can set `TemporalScheduledById` itself, but not the schedule's
/// record. A confirmed one is noted in the memo (`orca_scheduled_by`), as
/// the worker's own event in history, where `orca verify` finds it.
async fn confirm_schedule(ctx: &Ctx) -> WorkflowResult<()> {
    let Some(schedule) = ctx.search_attributes().get(&SCHEDULED_BY) else {
        return Ok(());
    };
    if !ctx.patched(SCHEDULE_PATCH) {
        return Ok(());
    }
    let check = ScheduleCheck {
        schedule: schedule.clone(),
        workflow_id: ctx.workflow_id().to_string(),
        run_id: ctx.run_id().to_string(),
    };
    let options = local_options(Duration::from_secs(10), Duration::from_secs(60), 6);
    let confirmed = ctx
        .execute_local_activity(PipelineActivities::schedule_started, check, options)
        .await
        .unwrap_or(false);
    if confirmed {
        ctx.state_mut(|s| s.status.scheduled_by = Some(schedule.clone()));
        let _ = ctx.upsert_memo([(
            MEMO_SCHEDULED_BY.to_string(),
            Some(MemoValue::new(schedule)),
        )]);
    }
    Ok(())
}

/// The key of a signed start, checked.
fn verify_start(ctx: &Ctx, request: &RunRequest, policy: &SigningPolicy) -> Result<(), String> {
    let Some(signed) = &request.signed else {
        return Ok(());
    };
    if !policy.configured {
        // Nothing to check it against: the requester stays unverified.
        return Ok(());
    }
    let message = StartMessage::parse(&signed.message)
        .map_err(|e| format!("the signed message is malformed: {e}"))?;
    let requester = request.requested_by.as_deref().unwrap_or("");
    let at = ctx.workflow_time().unwrap_or(message.signed_at);
    let verified = verify(signed, requester, &policy.signers_at_start, at)?;
    // A signed schedule's message names the schedule, which confirmed it
    // started this run; it was signed once, long before, so no window.
    let schedule = ctx.state(|s| s.status.scheduled_by.clone());
    let for_schedule =
        schedule.is_some_and(|name| message.workflow_id == format!("{SCHEDULE_PREFIX}{name}"));
    if !for_schedule && message.workflow_id != ctx.workflow_id() {
        return Err(format!(
            "the signature is for {}, not workflow {}",
            message.workflow_id,
            ctx.workflow_id()
        ));
    }
    start_mismatch(&message, request)?;
    // Measured at the start itself: a start that waited in the queue for
    // a worker is as fresh as when the server took it.
    if !for_schedule && let Some(started) = ctx.info().start_time().or(ctx.workflow_time()) {
        stale(message.signed_at, started, policy.window())?;
    }
    ctx.state_mut(|s| s.status.requester_key = Some(verified.fingerprint));
    Ok(())
}
