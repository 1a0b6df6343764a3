//! The approval gate step: open it, publish who may decide, notify, wait
//! for a quorum, a stop or a timeout (with escalation). The rules a vote must
//! pass, and what it does, are in `rules`; the webhooks in `notify`.

mod notify;
mod rules;
pub(super) mod signature;

pub(super) use rules::{cast_vote, check_vote};
use rules::{expand, waiting_on};

use std::{collections::BTreeMap, time::Duration};

use futures::FutureExt;
use notify::{notify, record_notifications};
use serde_json::{Value, json};
use temporalio_common::search_attributes::SearchAttributeKey;
use temporalio_sdk::{
    CancellableFuture, TimerResult, WorkflowResult, WorkflowTermination, workflows::select,
};

use super::{
    run::{now, rfc3339, set_memo, set_phase},
    status::*,
    steps::{Ctx, Scope, StepEnd, done_with, render},
    workflow::PipelineWorkflow,
};
use crate::pipeline::{
    Step,
    spec::{ApprovalStep, OnTimeout},
};

const SA_APPROVERS_KEY: SearchAttributeKey<Vec<String>> =
    SearchAttributeKey::keyword_list(SA_APPROVERS);

/// The gate step: open, notify, wait for a quorum, a stop or a timeout.
pub(super) async fn run(ctx: &Ctx, step: &Step, spec: &ApprovalStep) -> WorkflowResult<StepEnd> {
    let groups = ctx.state(|s| s.groups.clone());
    let signed = spec.signed || ctx.state(|s| s.signing.require);
    if let Err(e) = super::trust::read_gate_keys(ctx, &step.id, signed).await? {
        return Ok(StepEnd::Failed(e));
    }
    if let Err(e) = open(ctx, step, spec, &groups, signed) {
        return Ok(StepEnd::Failed(e));
    }
    let mut notifying = Some(notify(ctx, step, spec, NotifyReason::Opened));
    let mut timer = step.timeout.map(|t| ctx.timer(t.0));
    let mut end: Option<StepEnd> = None;
    loop {
        let seen = ctx.state(|s| s.status.approval.as_ref().map_or(0, |g| g.votes.len()));
        let changed = move |s: &PipelineWorkflow| {
            s.status.stop_requested
                || s.status
                    .approval
                    .as_ref()
                    .is_some_and(|g| g.decision.is_some() || g.votes.len() != seen)
        };
        let notified = async {
            match notifying.as_mut() {
                Some(sending) => sending.await,
                None => std::future::pending().await,
            }
        };
        let fired = async {
            match timer.as_mut() {
                Some(timer) => timer.await,
                None => std::future::pending().await,
            }
        };
        select! {
            results = notified.fuse() => {
                record_notifications(ctx, results);
                notifying = None;
            }
            woke = ctx.wait_condition(changed) => {
                woke?;
                publish(ctx);
                if ctx.state(|s| s.status.stop_requested || s.status.approval.as_ref().is_some_and(|g| g.decision.is_some())) {
                    break;
                }
            }
            result = fired.fuse() => {
                if result == TimerResult::Cancelled {
                    return Err(WorkflowTermination::cancelled());
                }
                timer = None;
                match timed_out(ctx, step, spec, &groups) {
                    AfterTimeout::Escalated(second) => {
                        timer = second.map(|t| ctx.timer(t));
                        // The first notification may still be retrying; the escalation is told anyway.
                        notifying = Some(notify(ctx, step, spec, NotifyReason::Escalated));
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
    if let Some(timer) = &timer
        && !futures::future::FusedFuture::is_terminated(timer)
    {
        timer.cancel();
    }
    close(ctx);
    Ok(match end {
        Some(end) => end,
        None => decided(ctx),
    })
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
            ..ApprovalStatus::default()
        };
        gate.waiting_on = waiting_on(&gate, s.status.requested_by.as_deref());
        s.status.approval = Some(gate);
    });
    set_deadline(ctx, step.timeout.map(|t| t.0));
    set_phase(ctx, Phase::AwaitingApproval);
    set_memo(ctx, MEMO_PROMPT, Some(prompt));
    publish(ctx);
    Ok(())
}

/// What the gate's timeout did.
enum AfterTimeout {
    /// More approvers may decide now, until this second timeout (if any).
    Escalated(Option<Duration>),
    /// The gate is closed: decided by `on_timeout`, or failed (the end).
    Closed(Option<StepEnd>),
    /// The step fails at once, the gate left as it is (the escalation
    /// names a group no one defines).
    Abort(StepEnd),
}

/// The gate timed out: escalate (once), fail, or decide as `on_timeout` says.
fn timed_out(
    ctx: &Ctx,
    step: &Step,
    spec: &ApprovalStep,
    groups: &BTreeMap<String, Vec<String>>,
) -> AfterTimeout {
    let escalated = ctx.state(|s| s.status.approval.as_ref().is_some_and(|g| g.escalated));
    match spec.on_timeout {
        OnTimeout::Escalate if !escalated => {
            let extra = match expand(&spec.escalate_to, groups) {
                Ok(extra) => extra,
                Err(e) => {
                    return AfterTimeout::Abort(StepEnd::Failed(format!(
                        "gate `{}`: {e}",
                        step.id
                    )));
                }
            };
            ctx.state_mut(|s| {
                let requested_by = s.status.requested_by.clone();
                if let Some(gate) = s.status.approval.as_mut() {
                    gate.escalated = true;
                    for name in extra {
                        if !gate.allowed.contains(&name) {
                            gate.allowed.push(name);
                        }
                    }
                    gate.waiting_on = waiting_on(gate, requested_by.as_deref());
                }
            });
            let second = spec.escalation_timeout.map(|t| t.0);
            set_deadline(ctx, second);
            publish(ctx);
            AfterTimeout::Escalated(second)
        }
        OnTimeout::Fail => AfterTimeout::Closed(Some(StepEnd::Failed(format!(
            "gate `{}` timed out after {} (on_timeout = \"fail\")",
            step.id,
            step.timeout.map(|t| t.to_string()).unwrap_or_default()
        )))),
        on_timeout => {
            let kind = match escalated {
                true => DecisionKind::EscalatedThenTimedOut,
                false => DecisionKind::TimedOut,
            };
            let approved = on_timeout == OnTimeout::Approve;
            let at = now(ctx);
            ctx.state_mut(|s| {
                if let Some(gate) = s.status.approval.as_mut() {
                    gate.decision = Some(Decision {
                        step: gate.step.clone(),
                        decision: kind,
                        approved,
                        by: None,
                        comment: None,
                        at,
                        votes: gate.votes.clone(),
                    });
                }
            });
            AfterTimeout::Closed(None)
        }
    }
}

/// The gate is closed: nobody is asked any more.
fn close(ctx: &Ctx) {
    ctx.upsert_search_attributes([SA_APPROVERS_KEY.value_set(Vec::new())]);
    set_memo(ctx, MEMO_PROMPT, None);
    set_memo(ctx, MEMO_APPROVALS, None);
    set_memo(ctx, MEMO_DEADLINE, None);
}

/// How the step ends with the gate's decision: on (approved), the run ends
/// rejected, or stopped (only `stop` closes a gate without a decision).
fn decided(ctx: &Ctx) -> StepEnd {
    let decision = ctx.state(|s| s.status.approval.as_ref().and_then(|a| a.decision.clone()));
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
    let output = serde_json::to_value(&decision).unwrap_or(Value::Null);
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
        let voters: Vec<&str> = decision
            .votes
            .iter()
            .filter(|v| (v.vote == VoteKind::Approve) == decision.approved)
            .map(|v| v.by.as_str())
            .collect();
        let escalated = if decision.decision.was_escalated() {
            "escalated, then "
        } else {
            ""
        };
        format!("{escalated}{verdict} by {}", voters.join(", "))
    };
    if let Some(comment) = &decision.comment {
        text.push_str(&format!(": {comment}"));
    }
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
