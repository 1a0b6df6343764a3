//! Signing what a client sends: a decision (bound to the gate the run
//! waits at now) and a start (README "Verified approvals").

use crate::{
    Error, Result,
    client::Orca,
    engine::status::{Claim, Phase, RefusalKind, RunRequest},
    schedule::{ScheduleDef, ScheduleSignature},
    signing::{
        DecisionMessage, SCHEDULE_PREFIX, Signed, StartMessage,
        bound::DecisionAt,
        input_digest,
        message::{check_value, now_seconds},
        pipeline_label,
        sign::SigningKey,
    },
};

/// Signs `claim` as a decision on run `id`'s open gate: the run ID, the
/// gate and its opening come from the run itself (a worker must answer).
pub async fn sign_at_gate(
    orca: &Orca,
    id: &str,
    claim: &Claim<'_>,
    key: &SigningKey,
) -> Result<Signed> {
    check_value("the approver's name", claim.by).map_err(Error::usage)?;
    let view = super::run::view(orca, id).await?;
    if !view.is_running() {
        return Err(Error::RunClosed {
            id: id.to_string(),
            phase: view.phase,
        });
    }
    if !view.live {
        return Err(Error::NoWorker {
            id: id.to_string(),
            task_queue: orca.settings.task_queue.clone(),
            waited: crate::client::QUERY_DEADLINE,
        });
    }
    let gate = match view.approval {
        Some(gate)
            if gate.decision.is_none() && view.phase == Some(Phase::AwaitingApproval.into()) =>
        {
            gate
        }
        _ => {
            return Err(Error::Refused {
                id: id.to_string(),
                kind: Some(RefusalKind::NotAwaiting),
                reason: "not awaiting approval: there is no open gate to sign for".into(),
            });
        }
    };
    let at = DecisionAt {
        workflow_id: id,
        run_id: &view.run_id,
        gate: &gate.step,
        opening: gate.opening,
    };
    let message = DecisionMessage::new(
        at,
        claim.act,
        claim.by,
        claim.comment,
        &claim.data,
        now_seconds(),
    )
    .render();
    signed(key, message)
}

/// Signs a start: the workflow ID it will have, the pipeline, the input
/// and the requester.
pub fn sign_start(request: &mut RunRequest, workflow_id: &str, key: &SigningKey) -> Result<()> {
    let requester = request.requested_by.clone().unwrap_or_default();
    check_value("the requester's name", &requester).map_err(Error::usage)?;
    check_value("the workflow ID", workflow_id).map_err(Error::usage)?;
    let message = StartMessage {
        workflow_id: workflow_id.to_string(),
        pipeline: pipeline_label(&request.pipeline),
        input_sha256: input_digest(&request.input),
        requester,
        signed_at: now_seconds(),
    }
    .render();
    request.signed = Some(signed(key, message)?);
    Ok(())
}

/// Signs a schedule's runs: the message names `schedule:NAME` instead of a
/// workflow ID (each run's is made by the server), and is checked once the
/// schedule confirms it started the run; it stays valid as long as the key
/// does (no signing-time window: runs start long after).
pub fn sign_schedule(def: &mut ScheduleDef, requester: &str, key: &SigningKey) -> Result<()> {
    check_value("the requester's name", requester).map_err(Error::usage)?;
    let message = StartMessage {
        workflow_id: format!("{SCHEDULE_PREFIX}{}", def.name),
        pipeline: def.pipeline.clone(),
        input_sha256: input_digest(&def.input),
        requester: requester.to_string(),
        signed_at: now_seconds(),
    }
    .render();
    def.signed = Some(ScheduleSignature {
        requester: requester.to_string(),
        signed: signed(key, message)?,
    });
    Ok(())
}

/// `message` and its signature by `key`.
fn signed(key: &SigningKey, message: String) -> Result<Signed> {
    let signature = key.sign(&message)?;
    Ok(Signed { message, signature })
}
