//! The approval gate step: open it, publish who may decide, notify, wait
//! for a quorum, a stop or a timeout (with escalation). The rules a vote must
//! pass, and what it does, are in `rules`; the webhooks in `notify`.

mod changes;
mod clocks;
mod delegation;
mod notify;
mod rules;
pub(super) mod signature;
mod timeout;

pub(super) use changes::{check_changes, request_changes};
use clocks::{cancel_pending, in_ms, pending_or, tick, until};
pub(super) use delegation::{check_delegation, delegate};
pub(super) use rules::{cast_vote, check_vote};
use rules::{expand, waiting_on};
use timeout::{AfterTimeout, timed_out};

use std::{collections::BTreeMap, time::Duration};

use futures::FutureExt;
use notify::{notify, record_notifications};
use serde_json::{Value, json};
use temporalio_common::search_attributes::SearchAttributeKey;
use temporalio_sdk::{TimerResult, WorkflowResult, WorkflowTermination, workflows::select};

use super::{
    handover::{self, GateCheckpoint},
    run::{rfc3339, set_memo, set_phase},
    status::*,
    steps::{Ctx, Scope, StepEnd, done_with, render},
    workflow::PipelineWorkflow,
};
use crate::pipeline::{Step, spec::ApprovalStep};

const SA_APPROVERS_KEY: SearchAttributeKey<Vec<String>> =
    SearchAttributeKey::keyword_list(SA_APPROVERS);

/// The gate step: open, notify, wait for a quorum, a stop, a request for
/// changes or a timeout; remind while it waits. A gate the last run handed
/// over open goes on waiting, its votes and clocks as they were.
pub(super) async fn run(ctx: &Ctx, step: &Step, spec: &ApprovalStep) -> WorkflowResult<StepEnd> {
    let groups = ctx.state(|s| s.groups.clone());
    let (mut clocks, mut notifying) = match waiting(ctx, step, spec, &groups).await? {
        Ok(waiting) => waiting,
        Err(e) => return Ok(StepEnd::Failed(e)),
    };
    let mut timer = clocks.deadline_ms.map(|at| ctx.timer(until(ctx, at)));
    let mut reminder = clocks.next_reminder_ms.map(|at| ctx.timer(until(ctx, at)));
    let mut end: Option<StepEnd> = None;
    loop {
        if notifying.is_none() && clocks::handed_over(ctx, &clocks) {
            return Ok(StepEnd::Handover);
        }
        let seen = ctx.state(|s| s.status.approval.as_ref().map(heard));
        // A closed gate wakes the loop whatever `seen` holds: a notification
        // finishing in the same task as the deciding vote must not hide it.
        let changed =
            move |s: &PipelineWorkflow| closed(s) || s.status.approval.as_ref().map(heard) != seen;
        select! {
            results = pending_or(notifying.as_mut()).fuse() => {
                record_notifications(ctx, results);
                notifying = None;
            }
            woke = ctx.wait_condition(changed) => {
                woke?;
                handover::progressed(ctx);
                publish(ctx);
                if ctx.state(closed) {
                    break;
                }
            }
            result = pending_or(reminder.as_mut()).fuse() => {
                if result == TimerResult::Cancelled {
                    return Err(WorkflowTermination::cancelled());
                }
                let ticks = tick(ctx, spec, &mut clocks);
                // While the last notification still retries, this reminder
                // is skipped: reminders do not pile up on a dead webhook.
                notifying = notifying.or_else(|| Some(reminded(ctx, step, spec, ticks)));
                reminder = spec.remind_every.map(|every| ctx.timer(every.0));
            }
            result = pending_or(timer.as_mut()).fuse() => {
                if result == TimerResult::Cancelled {
                    return Err(WorkflowTermination::cancelled());
                }
                timer = None;
                match timed_out(ctx, step, spec, &groups) {
                    AfterTimeout::Escalated(second) => {
                        timer = second.map(|t| ctx.timer(t));
                        clocks.deadline_ms = second.map(|t| in_ms(ctx, t));
                        // The first notification may still be retrying; the escalation is told anyway.
                        notifying = Some(notify(ctx, step, spec, NotifyReason::Escalated, None));
                    }
                    AfterTimeout::Closed(failed) => {
                        end = failed;
                        break;
                    }
                    // Before the gate closes: it was so before `close` was
                    // split out, and histories must replay the same.
                    AfterTimeout::Abort(failed) => return Ok(failed),
                }
            }
        }
    }
    cancel_pending([&timer, &reminder]);
    close(ctx, spec);
    Ok(match end {
        Some(end) => end,
        None => decided(ctx),
    })
}

/// The gate waits: as the last run handed it over (votes and clocks as
/// they were), or opened now, its opening being told.
async fn waiting<'a>(
    ctx: &'a Ctx,
    step: &'a Step,
    spec: &'a ApprovalStep,
    groups: &BTreeMap<String, Vec<String>>,
) -> WorkflowResult<Result<(GateCheckpoint, Option<Notifying<'a>>), String>> {
    let resumed = ctx
        .state_mut(|s| s.handover.checkpoints.gate.take())
        .filter(|clocks| clocks.step == step.id);
    if let Some(clocks) = resumed {
        return Ok(Ok((clocks, None)));
    }
    Ok(opened(ctx, step, spec, groups).await?.map(|clocks| {
        let told = notify(ctx, step, spec, NotifyReason::Opened, None);
        (clocks, Some(told))
    }))
}

/// Webhooks being told (their statuses when done).
type Notifying<'a> = futures::future::LocalBoxFuture<'a, Vec<NotificationStatus>>;

/// The gate opened: its keys read, who may decide, the deadline published;
/// its clocks from now.
async fn opened(
    ctx: &Ctx,
    step: &Step,
    spec: &ApprovalStep,
    groups: &BTreeMap<String, Vec<String>>,
) -> WorkflowResult<Result<GateCheckpoint, String>> {
    let signed = spec.signed || ctx.state(|s| s.signing.require);
    if let Err(e) = super::trust::read_gate_keys(ctx, &step.id, signed).await? {
        return Ok(Err(e));
    }
    Ok(
        open(ctx, step, spec, groups, signed).map(|()| GateCheckpoint {
            step: step.id.clone(),
            deadline_ms: step.timeout.map(|t| in_ms(ctx, t.0)),
            next_reminder_ms: spec.remind_every.map(|every| in_ms(ctx, every.0)),
            ticks: 0,
        }),
    )
}

/// The `ticks`-th `remind_every` passed: the next reminder goes out.
fn reminded<'a>(
    ctx: &'a Ctx,
    step: &'a Step,
    spec: &'a ApprovalStep,
    ticks: u32,
) -> futures::future::LocalBoxFuture<'a, Vec<NotificationStatus>> {
    ctx.state_mut(|s| s.status.approval.iter_mut().for_each(|g| g.reminders += 1));
    let waited = spec.remind_every.map(|every| every.0 * ticks);
    notify(ctx, step, spec, NotifyReason::Reminder, waited)
}

/// The gate's loop is over: stopped, decided, or sent back.
fn closed(s: &PipelineWorkflow) -> bool {
    s.status.stop_requested || s.status.approval.as_ref().is_some_and(|g| g.is_closed())
}

/// What the gate's loop publishes when it changes: votes and delegations
/// (a decision or a request for changes ends the loop instead).
fn heard(gate: &ApprovalStatus) -> (usize, usize) {
    (gate.votes.len(), gate.delegations.len())
}

/// Opens the gate: who may decide (groups expanded), the deadline, the
/// phase, and the inbox's view of it.
fn open(
    ctx: &Ctx,
    step: &Step,
    spec: &ApprovalStep,
    groups: &BTreeMap<String, Vec<String>>,
    signed: bool,
) -> Result<(), String> {
    let prompt = render(ctx, &Scope::default(), &spec.prompt)?;
    let allowed =
        expand(&spec.approvers, groups).map_err(|e| format!("gate `{}`: {e}", step.id))?;
    ctx.state_mut(|s| {
        let opening = s.openings.entry(step.id.clone()).or_insert(0);
        *opening += 1;
        let opening = *opening;
        s.status.phase = Phase::AwaitingApproval;
        if let Some(st) = s.status.step_mut(&step.id) {
            st.state = StepState::Waiting;
            // Reached again after a request for changes: a new round.
            st.finished_at = None;
            st.summary = None;
        }
        let mut gate = ApprovalStatus {
            step: step.id.clone(),
            prompt: prompt.clone(),
            approvers: spec.approvers.clone(),
            allowed,
            required: spec.required,
            reject_quorum: spec.reject_quorum,
            allow_self_approval: spec.allow_self_approval,
            opening,
            signed,
            fields: spec.fields.clone(),
            reject_fields: spec.reject_fields.clone(),
            allow_delegation: spec.allow_delegation,
            ..ApprovalStatus::default()
        };
        if let Some(back_to) = &spec.on_changes {
            gate.on_changes = Some(back_to.clone());
            gate.rounds = s.rounds.get(&step.id).cloned().unwrap_or_default();
            gate.round = gate.rounds.len() as u32 + 1;
            gate.max_rounds = spec.max_rounds;
        }
        gate.waiting_on = waiting_on(&gate, s.status.requested_by.as_deref());
        s.status.approval = Some(gate);
    });
    set_deadline(ctx, step.timeout.map(|t| t.0));
    set_phase(ctx, Phase::AwaitingApproval);
    set_memo(ctx, MEMO_PROMPT, Some(prompt));
    // Only gates with a form or rounds set these: older runs replay the same memo.
    if !spec.fields.is_empty() {
        set_memo(ctx, MEMO_FIELDS, serde_json::to_string(&spec.fields).ok());
    }
    if spec.on_changes.is_some() {
        let round = ctx.state(|s| {
            s.status
                .approval
                .as_ref()
                .map(|g| format!("{}/{}", g.round, g.max_rounds))
        });
        set_memo(ctx, MEMO_ROUND, round);
    }
    publish(ctx);
    Ok(())
}

/// The gate is closed: nobody is asked any more.
fn close(ctx: &Ctx, spec: &ApprovalStep) {
    ctx.upsert_search_attributes([SA_APPROVERS_KEY.value_set(Vec::new())]);
    set_memo(ctx, MEMO_PROMPT, None);
    if !spec.fields.is_empty() {
        set_memo(ctx, MEMO_FIELDS, None);
    }
    if spec.on_changes.is_some() {
        set_memo(ctx, MEMO_ROUND, None);
    }
    set_memo(ctx, MEMO_APPROVALS, None);
    set_memo(ctx, MEMO_DEADLINE, None);
}

/// How the step ends with the gate's decision: on (approved), the run ends
/// rejected, or stopped (only `stop` closes a gate without a decision).
fn decided(ctx: &Ctx) -> StepEnd {
    let gate = ctx.state(|s| s.status.approval.clone().unwrap_or_default());
    if let (Some(round), Some(to)) = (gate.changes_requested, gate.on_changes.clone()) {
        ctx.state_mut(|s| s.status.phase = Phase::Running);
        set_phase(ctx, Phase::Running);
        return StepEnd::Rewind { to, round };
    }
    let decision = gate.decision;
    if decision.as_ref().is_some_and(|d| d.approved) {
        ctx.state_mut(|s| s.status.phase = Phase::Running);
        set_phase(ctx, Phase::Running);
    }
    let Some(decision) = decision else {
        return StepEnd::EndRun {
            outcome: Outcome::Stopped,
            output: json!({"decision": null, "approved": false}),
            summary: "stopped while awaiting approval".into(),
        };
    };
    let mut output = serde_json::to_value(&decision).unwrap_or(Value::Null);
    // A gate that may send the run back always says so, in one shape.
    if let (Some(_), Some(map)) = (&gate.on_changes, output.as_object_mut()) {
        let rounds = ctx.state(|s| s.rounds.get(&decision.step).cloned().unwrap_or_default());
        map.insert("feedback".into(), json!(rounds.last().map(|r| &r.feedback)));
        map.insert("round".into(), json!(gate.round));
        map.insert("rounds".into(), json!(rounds));
    }
    let summary = summarise(&decision);
    if decision.approved {
        done_with(output, &summary)
    } else {
        StepEnd::EndRun {
            outcome: Outcome::Rejected,
            output,
            summary,
        }
    }
}

/// "approved by alice, bob (2 of 2)", "timed out: rejected by on_timeout".
fn summarise(decision: &Decision) -> String {
    let verdict = if decision.approved {
        "approved"
    } else {
        "rejected"
    };
    let mut text = if decision.decision.is_timeout() {
        let escalated = if decision.decision == DecisionKind::EscalatedThenTimedOut {
            "escalated, then "
        } else {
            ""
        };
        format!("{escalated}timed out: {verdict} by on_timeout")
    } else {
        let voters: Vec<String> = decision
            .votes
            .iter()
            .filter(|v| (v.vote == VoteKind::Approve) == decision.approved)
            .map(|v| match &v.on_behalf_of {
                Some(delegator) => format!("{} (for {delegator})", v.by),
                None => v.by.clone(),
            })
            .collect();
        let escalated = if decision.decision.was_escalated() {
            "escalated, then "
        } else {
            ""
        };
        format!("{escalated}{verdict} by {}", voters.join(", "))
    };
    text.push_str(&crate::human::comment_suffix(decision.comment.as_deref()));
    text
}

fn set_deadline(ctx: &Ctx, timeout: Option<Duration>) {
    let deadline = timeout.and_then(|t| ctx.workflow_time().map(|now| rfc3339(Some(now + t))));
    ctx.state_mut(|s| {
        if let Some(gate) = s.status.approval.as_mut() {
            gate.deadline = deadline.clone();
        }
    });
    set_memo(ctx, MEMO_DEADLINE, deadline);
}

/// Keeps the inbox current: who may decide now (search attribute) and the
/// approvals so far (memo).
fn publish(ctx: &Ctx) {
    let (who, approvals) = ctx.state(|s| {
        let Some(gate) = &s.status.approval else {
            return (Vec::new(), String::new());
        };
        // A gate open to anyone is `*`, plus `voted:NAME` for each person
        // who has voted, so their inbox leaves it out; a named gate lists
        // exactly who may still decide.
        let who = if gate.allowed.is_empty() {
            std::iter::once(OPEN_TO_ANYONE.to_string())
                .chain(gate.votes.iter().map(|v| format!("{VOTED_PREFIX}{}", v.by)))
                .collect()
        } else {
            gate.waiting_on.clone()
        };
        let mut approvals = format!("{}/{}", gate.approvals(), gate.required);
        // Only gates with signatures say so: older runs replay the same memo.
        let verified = gate.votes.iter().filter(|v| v.key.is_some()).count();
        if gate.signed || verified > 0 {
            approvals.push_str(&format!(" ({verified} verified)"));
        }
        (who, approvals)
    });
    ctx.upsert_search_attributes([SA_APPROVERS_KEY.value_set(who)]);
    set_memo(ctx, MEMO_APPROVALS, Some(approvals));
}

#[cfg(test)]
#[path = "pushback_tests.rs"]
mod pushback_tests;
