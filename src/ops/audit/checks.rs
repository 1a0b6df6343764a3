//! One signature re-checked: the start's, or a decision's. The same checks
//! the workflow made when it accepted them, except the gate and its
//! opening, which the history alone does not tell: they are read from the
//! signed message (the workflow compared them with the open gate).

use std::time::SystemTime;

use serde_json::Value;

use super::{Against, Check};
use crate::{
    engine::status::{Claim, RunRequest},
    signing::{
        DecisionMessage, SCHEDULE_PREFIX, Signed, StartMessage,
        bound::{DecisionAt, decision_mismatch, start_mismatch},
        message::timestamp,
        verify::{stale, verify},
    },
};

/// The start: signed and verified, started by a schedule, or unverified.
pub fn start(
    input: Value,
    scheduled: Option<String>,
    time: SystemTime,
    against: &Against,
) -> Check {
    let request: Option<RunRequest> = serde_json::from_value(input).ok();
    let principal = request
        .as_ref()
        .and_then(|r| r.requested_by.as_deref())
        .unwrap_or("")
        .trim()
        .to_string();
    let mut check = Check::new("requester", "start", &principal);
    let Some(request) = request else {
        check.reason = Some("not an orca run".into());
        return check;
    };
    let Some(signed) = &request.signed else {
        // Any client may set the attribute, and whoever made a schedule
        // is a person: an unsigned start is never verified.
        check.reason = Some(match scheduled {
            Some(schedule) => format!("started by schedule {schedule}, which was not signed"),
            None => "the start was not signed".into(),
        });
        return check;
    };
    let result = StartMessage::parse(&signed.message)
        .map_err(|e| format!("the signed message is malformed: {e}"))
        .and_then(|message| {
            check.signed_at = Some(timestamp(message.signed_at));
            let verified = verify(signed, &check.principal, against.signers, time)?;
            check.key = Some(verified.fingerprint);
            start_mismatch(&message, &request)?;
            match message.workflow_id.strip_prefix(SCHEDULE_PREFIX) {
                // Valid once the worker notes the schedule confirmed the run.
                Some(schedule) => {
                    check.pending_schedule = Some(schedule.to_string());
                    Err(format!(
                        "signed for schedule {schedule}, which the worker did not confirm started this run"
                    ))
                }
                None => {
                    check.workflow_id = Some(message.workflow_id.clone());
                    same_workflow(&message.workflow_id, against)?;
                    stale(message.signed_at, time, against.window)
                }
            }
        });
    settle(&mut check, result);
    check
}

fn same_workflow(signed_for: &str, against: &Against) -> Result<(), String> {
    match against.workflow_id {
        Some(id) if id != signed_for => Err(format!("the signature is for workflow {signed_for}")),
        _ => Ok(()),
    }
}

/// A recorded act at a gate (`time`: when the server took it): a vote, a
/// request for changes or a delegation, each checked as the claim it makes.
pub fn decision(claim: &Claim, time: SystemTime, run_ids: &[String], against: &Against) -> Check {
    let mut check = Check::new("?", claim.act.message_name(), claim.by.trim());
    let Some(signed) = claim.signed else {
        check.reason = Some("the decision was not signed".into());
        return check;
    };
    let result = decision_result(claim, signed, time, run_ids, against, &mut check);
    settle(&mut check, result);
    check
}

fn decision_result(
    claim: &Claim,
    signed: &Signed,
    time: SystemTime,
    run_ids: &[String],
    against: &Against,
    check: &mut Check,
) -> Result<(), String> {
    let message = DecisionMessage::parse(&signed.message)
        .map_err(|e| format!("the signed message is malformed: {e}"))?;
    check.subject = format!("{}#{}", message.gate, message.opening);
    check.signed_at = Some(timestamp(message.signed_at));
    check.workflow_id = Some(message.workflow_id.clone());
    let verified = verify(signed, &check.principal, against.signers, time)?;
    check.key = Some(verified.fingerprint);
    // The history does not say which gate was open: that, and its
    // opening, are the signed message's (the workflow compared them).
    let run_id = match run_ids.contains(&message.run_id) {
        true => &message.run_id,
        false => run_ids.first().unwrap_or(&message.run_id),
    };
    let at = DecisionAt {
        workflow_id: against.workflow_id.unwrap_or(&message.workflow_id),
        run_id,
        gate: &message.gate,
        opening: message.opening,
    };
    let here = DecisionMessage::new(
        at,
        claim.act,
        &check.principal,
        claim.comment,
        &claim.data,
        message.signed_at,
    );
    if let Some(reason) = decision_mismatch(&message, &here) {
        return Err(reason);
    }
    stale(message.signed_at, time, against.window)
}

/// The worker confirmed that `schedule` started the run: a start signed
/// for that schedule is then verified.
pub fn confirmed_schedule(check: &mut Check, schedule: &str) {
    if check.pending_schedule.as_deref() == Some(schedule) {
        check.verified = true;
        check.reason = Some(format!("signed schedule {schedule}, which started the run"));
    }
}

fn settle(check: &mut Check, result: Result<(), String>) {
    match result {
        Ok(()) => check.verified = true,
        Err(reason) => check.reason = Some(reason),
    }
}
