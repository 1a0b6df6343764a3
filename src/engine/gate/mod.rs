//! The approval gate step: open it, publish who may decide, notify, wait
//! for a quorum, a stop or a timeout (with escalation). The rules a vote must
//! pass, and what it does, are in `rules`.

mod rules;

pub(super) use rules::{cast_vote, check_vote};
use rules::{expand, waiting_on};

use std::time::Duration;

use futures::{FutureExt, future::LocalBoxFuture};
use serde_json::{Value, json};
use temporalio_common::{RetryPolicy, search_attributes::SearchAttributeKey};
use temporalio_sdk::{
    ActivityOptions, CancellableFuture, TimerResult, WorkflowResult, WorkflowTermination,
    workflows::{join_all, select},
};

use super::{
    activities::{NotifyRequest, PipelineActivities},
    status::*,
    steps::{Ctx, Scope, StepEnd, activity_error_message, done_with, render, render_context},
    workflow::{PipelineWorkflow, now, rfc3339, set_memo, set_phase},
};
use crate::pipeline::{
    Step,
    spec::{ApprovalStep, OnTimeout},
    template,
};

const SA_APPROVERS_KEY: SearchAttributeKey<Vec<String>> =
    SearchAttributeKey::keyword_list(SA_APPROVERS);

/// The gate step: open, notify, wait for a quorum, a stop or a timeout.
pub(super) async fn run(ctx: &Ctx, step: &Step, spec: &ApprovalStep) -> WorkflowResult<StepEnd> {
    let prompt = match render(ctx, &Scope::default(), &spec.prompt) {
        Ok(prompt) => prompt,
        Err(e) => return Ok(StepEnd::Failed(e)),
    };
    let groups = ctx.state(|s| s.groups.clone());
    let allowed = match expand(&spec.approvers, &groups) {
        Ok(allowed) => allowed,
        Err(e) => return Ok(StepEnd::Failed(format!("gate `{}`: {e}", step.id))),
    };
    let timeout = step.timeout.map(|t| t.0);
    ctx.state_mut(|s| {
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
            ..ApprovalStatus::default()
        };
        gate.waiting_on = waiting_on(&gate, s.status.requested_by.as_deref());
        s.status.approval = Some(gate);
    });
    set_deadline(ctx, timeout);
    set_phase(ctx, Phase::AwaitingApproval);
    set_memo(ctx, MEMO_PROMPT, Some(prompt.clone()));
    publish(ctx);

    let mut notifying = Some(notify(ctx, step, spec, NotifyReason::Opened));
    let mut timer = timeout.map(|t| ctx.timer(t));
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
                let escalated = ctx.state(|s| s.status.approval.as_ref().is_some_and(|g| g.escalated));
                match spec.on_timeout {
                    OnTimeout::Escalate if !escalated => {
                        let extra = match expand(&spec.escalate_to, &groups) {
                            Ok(extra) => extra,
                            Err(e) => return Ok(StepEnd::Failed(format!("gate `{}`: {e}", step.id))),
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
                        timer = second.map(|t| ctx.timer(t));
                        // The first notification may still be retrying; the escalation is told anyway.
                        notifying = Some(notify(ctx, step, spec, NotifyReason::Escalated));
                    }
                    OnTimeout::Fail => {
                        end = Some(StepEnd::Failed(format!(
                            "gate `{}` timed out after {} (on_timeout = \"fail\")",
                            step.id,
                            step.timeout.map(|t| t.to_string()).unwrap_or_default()
                        )));
                        break;
                    }
                    on_timeout => {
                        let kind = if escalated { DecisionKind::EscalatedThenTimedOut } else { DecisionKind::TimedOut };
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
                        break;
                    }
                }
            }
        }
    }
    if let Some(timer) = &timer
        && !futures::future::FusedFuture::is_terminated(timer)
    {
        timer.cancel();
    }

    // The gate is closed: nobody is asked any more.
    ctx.upsert_search_attributes([SA_APPROVERS_KEY.value_set(Vec::new())]);
    set_memo(ctx, MEMO_PROMPT, None);
    set_memo(ctx, MEMO_APPROVALS, None);
    set_memo(ctx, MEMO_DEADLINE, None);
    if let Some(end) = end {
        return Ok(end);
    }
    let decision = ctx.state(|s| s.status.approval.as_ref().and_then(|a| a.decision.clone()));
    if decision.as_ref().is_some_and(|d| d.approved) {
        ctx.state_mut(|s| s.status.phase = Phase::Running);
        set_phase(ctx, Phase::Running);
    }
    let Some(decision) = decision else {
        // Only `stop` closes a gate without a decision.
        return Ok(StepEnd::EndRun {
            outcome: Outcome::Stopped,
            output: json!({"decision": null, "approved": false}),
            summary: "stopped while awaiting approval".into(),
        });
    };
    let output = serde_json::to_value(&decision).unwrap_or(Value::Null);
    let summary = summarise(&decision);
    Ok(if decision.approved {
        done_with(output, &summary)
    } else {
        StepEnd::EndRun {
            outcome: Outcome::Rejected,
            output,
            summary,
        }
    })
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
        let escalated = if matches!(
            decision.decision,
            DecisionKind::EscalatedThenApproved | DecisionKind::EscalatedThenRejected
        ) {
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
        (who, format!("{}/{}", gate.approvals(), gate.required))
    });
    ctx.upsert_search_attributes([SA_APPROVERS_KEY.value_set(who)]);
    set_memo(ctx, MEMO_APPROVALS, Some(approvals));
}

/// Starts one activity per webhook; the future resolves with how each went.
/// It never fails the gate: a dead webhook is reported in the status.
fn notify<'a>(
    ctx: &'a Ctx,
    step: &'a Step,
    spec: &'a ApprovalStep,
    reason: NotifyReason,
) -> LocalBoxFuture<'a, Vec<NotificationStatus>> {
    async move {
        if spec.notify.is_empty() {
            return Vec::new();
        }
        let (gate, run_id, pipeline) = ctx.state(|s| {
            (s.status.approval.clone().unwrap_or_default(), ctx.workflow_id().to_string(), s.status.pipeline.clone())
        });
        let mut context = render_context(ctx, &Scope::default());
        let approve_command = format!("orca approve {run_id}");
        let reject_command = format!("orca reject {run_id}");
        let who = if gate.allowed.is_empty() { "anyone".to_string() } else { gate.allowed.join(", ") };
        if let Some(map) = context.as_object_mut() {
            map.insert("step".into(), json!(step.id));
            map.insert("prompt".into(), json!(gate.prompt));
            map.insert("approvers".into(), json!(gate.allowed));
            map.insert("approve_command".into(), json!(approve_command));
            map.insert("reject_command".into(), json!(reject_command));
            map.insert("escalated".into(), json!(gate.escalated));
            map.insert("deadline".into(), json!(gate.deadline));
        }
        let default_body = json!({
            "text": format!(
                "{}Approval needed for {pipeline} run {run_id}: {} (approvers: {who}). Approve: `{approve_command}` · Reject: `{reject_command}`",
                if gate.escalated { "[escalated] " } else { "" },
                gate.prompt
            ),
            "run_id": run_id,
            "pipeline": pipeline,
            "step": step.id,
            "prompt": gate.prompt,
            "approvers": gate.allowed,
            "deadline": gate.deadline,
            "escalated": gate.escalated,
            "approve_command": approve_command,
            "reject_command": reject_command,
        })
        .to_string();
        let sends = spec.notify.iter().enumerate().map(|(index, hook)| {
            let target = match (&hook.url, &hook.url_env) {
                (_, Some(variable)) => format!("${variable}"),
                (Some(url), None) => host_of(url),
                (None, None) => "?".into(),
            };
            let rendered = (|| -> Result<NotifyRequest, String> {
                Ok(NotifyRequest {
                    url: hook.url.as_ref().map(|u| template::render(u, &context)).transpose()?,
                    url_env: hook.url_env.clone(),
                    body: match &hook.body {
                        Some(body) => template::render(body, &context)?,
                        None => default_body.clone(),
                    },
                })
            })();
            let options = ActivityOptions::with_start_to_close_timeout(Duration::from_secs(30))
                .retry_policy(
                    RetryPolicy::builder()
                        .initial_interval(Duration::from_secs(1))
                        .backoff_coefficient(2.0)
                        .maximum_attempts(4)
                        .build(),
                )
                .activity_id(format!("{}.notify[{index}]{}", step.id, reason.activity_suffix()))
                .build();
            async move {
                let result = match rendered {
                    Err(e) => Err(e),
                    Ok(request) => ctx
                        .execute_activity(PipelineActivities::notify, request, options)
                        .await
                        .map_err(|e| activity_error_message(&e)),
                };
                NotificationStatus {
                    target,
                    reason,
                    ok: result.is_ok(),
                    error: result.err(),
                }
            }
        });
        join_all(sends).await
    }
    .boxed_local()
}

fn record_notifications(ctx: &Ctx, results: Vec<NotificationStatus>) {
    ctx.state_mut(|s| {
        if let Some(gate) = s.status.approval.as_mut() {
            gate.notifications.extend(results);
        }
    });
}

/// `https://hooks.slack.com/services/T0/B0/xyz` → `hooks.slack.com`: the
/// rest of a webhook URL is often a secret.
fn host_of(url: &str) -> String {
    url.split("://")
        .nth(1)
        .and_then(|rest| rest.split(['/', '?']).next())
        .unwrap_or("webhook")
        .to_string()
}

#[cfg(test)]
mod tests {
    use super::host_of;

    #[test]
    fn a_webhook_is_named_by_its_host_only() {
        assert_eq!(
            host_of("https://hooks.slack.com/services/T/B/secret"),
            "hooks.slack.com"
        );
    }
}
