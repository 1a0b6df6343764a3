//! The approval gate: who may decide, quorum, four eyes, timeouts with
//! escalation, and webhook notifications. Every rule is checked in
//! `check_vote`, which the update validator and the handler both call, so a
//! client that bypasses orca is held to the same rules.

use std::{collections::BTreeMap, time::Duration, time::SystemTime};

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

/// How refusals that mean "this gate no longer waits for this person"
/// begin: the run left the gate, someone decided it, or the person already
/// voted. `approve --all` counts those as skipped, not refused, so running it
/// twice (or racing another approver) is not an error.
const NOT_AWAITING: &str = "not awaiting approval";
const ALREADY: &str = "already ";

/// Is `reason` (a refusal from `check_vote`) one of the "nothing left to do
/// here" kind, rather than "you may not"?
pub fn no_longer_waiting(reason: &str) -> bool {
    reason.starts_with(NOT_AWAITING) || reason.starts_with(ALREADY)
}

/// Every rule of the gate, in the order a person would want to hear them.
pub(super) fn check_vote(
    status: &RunStatus,
    request: &DecisionRequest,
    kind: VoteKind,
) -> Result<(), String> {
    let by = request.by.trim();
    if by.is_empty() {
        return Err("a decision needs `by`: the name of who decides".into());
    }
    let Some(gate) = &status.approval else {
        return Err(format!("{NOT_AWAITING} (phase: {})", status.phase));
    };
    if let Some(decision) = &gate.decision {
        return Err(match &decision.by {
            Some(who) => format!("{ALREADY}{} by {who}", decision.decision),
            None => format!("{ALREADY}decided: the gate {}", decision.decision),
        });
    }
    if status.phase != Phase::AwaitingApproval {
        return Err(format!("{NOT_AWAITING} (phase: {})", status.phase));
    }
    if let Some(earlier) = gate.votes.iter().find(|v| v.by == by) {
        let verb = match earlier.vote {
            VoteKind::Approve => "approved",
            VoteKind::Reject => "rejected",
        };
        return Err(format!("{ALREADY}{verb} by {by}: one decision per person"));
    }
    if !gate.allowed.is_empty() && !gate.allowed.iter().any(|a| a == by) {
        return Err(format!(
            "{by} may not decide step `{}` (approvers: {})",
            gate.step,
            gate.allowed.join(", ")
        ));
    }
    if !gate.allowed.is_empty()
        && !gate.allow_self_approval
        && status.requested_by.as_deref() == Some(by)
    {
        let verb = if kind == VoteKind::Approve {
            "approve"
        } else {
            "decide"
        };
        return Err(format!(
            "{by} started this run and may not {verb} its gate `{}` (four eyes; the step can set allow_self_approval = true)",
            gate.step
        ));
    }
    Ok(())
}

/// Records a vote (after `check_vote` again: validators do not run on
/// replay) and closes the gate when a quorum is reached.
pub(super) fn cast_vote(
    status: &mut RunStatus,
    at: Option<SystemTime>,
    request: DecisionRequest,
    kind: VoteKind,
) -> Result<VoteResult, String> {
    check_vote(status, &request, kind)?;
    let requested_by = status.requested_by.clone();
    let gate = status.approval.as_mut().ok_or("not awaiting approval")?;
    let vote = Vote {
        by: request.by.trim().to_string(),
        vote: kind,
        comment: request.comment.filter(|c| !c.trim().is_empty()),
        at: rfc3339(at),
    };
    gate.votes.push(vote.clone());
    let (approvals, rejections) = (gate.approvals(), gate.rejections());
    let decided = if approvals >= gate.required {
        Some(if gate.escalated {
            DecisionKind::EscalatedThenApproved
        } else {
            DecisionKind::Approved
        })
    } else if rejections >= gate.reject_quorum {
        Some(if gate.escalated {
            DecisionKind::EscalatedThenRejected
        } else {
            DecisionKind::Rejected
        })
    } else {
        None
    };
    if let Some(kind) = decided {
        gate.decision = Some(Decision {
            step: gate.step.clone(),
            decision: kind,
            approved: matches!(
                kind,
                DecisionKind::Approved | DecisionKind::EscalatedThenApproved
            ),
            by: Some(vote.by.clone()),
            comment: vote.comment.clone(),
            at: vote.at.clone(),
            votes: gate.votes.clone(),
        });
    }
    gate.waiting_on = waiting_on(gate, requested_by.as_deref());
    Ok(VoteResult {
        step: gate.step.clone(),
        by: vote.by,
        vote: kind,
        comment: vote.comment,
        at: vote.at,
        approvals,
        required: gate.required,
        rejections,
        reject_quorum: gate.reject_quorum,
        decision: decided,
        approved: gate.decision.as_ref().is_some_and(|d| d.approved),
    })
}

/// Who may still vote: allowed, not yet voted, and not the requester of a
/// four-eyes gate. Empty for a gate open to anyone.
fn waiting_on(gate: &ApprovalStatus, requested_by: Option<&str>) -> Vec<String> {
    gate.allowed
        .iter()
        .filter(|name| !gate.votes.iter().any(|v| &v.by == *name))
        .filter(|name| gate.allow_self_approval || Some(name.as_str()) != requested_by)
        .cloned()
        .collect()
}

/// Names, with `group:NAME` replaced by the group's members.
fn expand(names: &[String], groups: &BTreeMap<String, Vec<String>>) -> Result<Vec<String>, String> {
    let mut out: Vec<String> = Vec::new();
    for name in names {
        let members = match name.strip_prefix("group:") {
            Some(group) => groups
                .get(group)
                .cloned()
                .ok_or_else(|| format!("approver group `{group}` is not defined"))?,
            None => vec![name.clone()],
        };
        for member in members {
            if !out.contains(&member) {
                out.push(member);
            }
        }
    }
    Ok(out)
}

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

    let mut notifying = Some(notify(ctx, step, spec, "gate opened"));
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
                        notifying = Some(notify(ctx, step, spec, "gate escalated"));
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
    reason: &'static str,
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
                .activity_id(format!("{}.notify[{index}]{}", step.id, if reason == "gate escalated" { ".escalated" } else { "" }))
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
                    reason: reason.to_string(),
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
    use super::*;
    use serde_json::Map;

    fn waiting(approvers: &[&str], required: u32, requested_by: &str) -> RunStatus {
        let mut gate = ApprovalStatus {
            step: "gate".into(),
            prompt: "?".into(),
            allowed: approvers.iter().map(|s| s.to_string()).collect(),
            required,
            reject_quorum: 1,
            ..ApprovalStatus::default()
        };
        gate.waiting_on = waiting_on(&gate, Some(requested_by));
        RunStatus {
            pipeline: "p".into(),
            phase: Phase::AwaitingApproval,
            requested_by: Some(requested_by.into()),
            input: Map::new(),
            current_step: Some("gate".into()),
            steps: vec![],
            progress: None,
            approval: Some(gate),
            outcome: None,
            paused: false,
            stop_requested: false,
        }
    }

    fn by(name: &str) -> DecisionRequest {
        DecisionRequest {
            by: name.into(),
            comment: None,
        }
    }

    #[test]
    fn quorum_of_two_distinct_approvers() {
        let mut status = waiting(&["alice", "bob", "carol"], 2, "dave");
        let first = cast_vote(&mut status, None, by("alice"), VoteKind::Approve).unwrap();
        assert_eq!((first.approvals, first.decision), (1, None));
        assert_eq!(
            status.approval.as_ref().unwrap().waiting_on,
            ["bob", "carol"]
        );
        let again = cast_vote(&mut status, None, by("alice"), VoteKind::Approve).unwrap_err();
        assert!(again.contains("already approved by alice"), "{again}");
        let second = cast_vote(&mut status, None, by("bob"), VoteKind::Approve).unwrap();
        assert_eq!(second.decision, Some(DecisionKind::Approved));
        assert!(second.approved);
    }

    #[test]
    fn four_eyes_and_allow_lists() {
        let status = waiting(&["alice", "bob"], 1, "alice");
        let own = check_vote(&status, &by("alice"), VoteKind::Approve).unwrap_err();
        assert!(own.contains("started this run"), "{own}");
        assert!(
            check_vote(&status, &by("mallory"), VoteKind::Approve)
                .unwrap_err()
                .contains("may not decide")
        );
        assert!(check_vote(&status, &by("bob"), VoteKind::Approve).is_ok());
        // A gate open to anyone lets the requester decide.
        let open = waiting(&[], 1, "alice");
        assert!(check_vote(&open, &by("alice"), VoteKind::Approve).is_ok());
    }

    #[test]
    fn groups_expand_and_unknown_groups_are_errors() {
        let groups: BTreeMap<String, Vec<String>> = [(
            "release".to_string(),
            vec!["bob".to_string(), "carol".to_string()],
        )]
        .into();
        let names = vec![
            "alice".to_string(),
            "group:release".to_string(),
            "bob".to_string(),
        ];
        assert_eq!(expand(&names, &groups).unwrap(), ["alice", "bob", "carol"]);
        assert!(expand(&["group:ops".to_string()], &groups).is_err());
        assert_eq!(
            host_of("https://hooks.slack.com/services/T/B/secret"),
            "hooks.slack.com"
        );
    }
}
