//! A gate's webhooks: one activity each when the gate opens (and again when
//! it is escalated); how each went is recorded in the status, and a dead
//! webhook never blocks the gate.

use std::time::Duration;

use futures::{FutureExt, future::LocalBoxFuture};
use serde_json::json;
use temporalio_common::RetryPolicy;
use temporalio_sdk::{ActivityOptions, workflows::join_all};

use super::super::{
    activities::{NotifyRequest, PipelineActivities},
    status::*,
    steps::{Ctx, Scope, activity_error_message, render_context},
};
use crate::pipeline::{Step, spec::ApprovalStep, template};

/// Starts one activity per webhook; the future resolves with how each went.
/// It never fails the gate: a dead webhook is reported in the status.
pub(super) fn notify<'a>(
    ctx: &'a Ctx,
    step: &'a Step,
    spec: &'a ApprovalStep,
    reason: NotifyReason,
    waited: Option<Duration>,
) -> LocalBoxFuture<'a, Vec<NotificationStatus>> {
    async move {
        if spec.notify.is_empty() {
            return Vec::new();
        }
        let (context, default_body) = message(ctx, step, reason, waited);
        let (count, opening) = ctx.state(|s| {
            s.status
                .approval
                .as_ref()
                .map_or((0, 1), |g| (g.reminders, g.opening))
        });
        // A gate reached again (request changes) must not reuse the IDs of
        // activities of its first opening that may still be retrying; the
        // first opening keeps the IDs it always had.
        let prefix = match opening {
            0 | 1 => step.id.clone(),
            n => format!("{}#{n}", step.id),
        };
        let sends = spec.notify.iter().enumerate().map(|(index, hook)| {
            let target = match (&hook.url, &hook.url_env) {
                (_, Some(variable)) => format!("${variable}"),
                (Some(url), None) => host_of(url),
                (None, None) => "?".into(),
            };
            let rendered = (|| -> Result<NotifyRequest, String> {
                Ok(NotifyRequest {
                    url: hook
                        .url
                        .as_ref()
                        .map(|u| template::render(u, &context))
                        .transpose()?,
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
                .activity_id(format!(
                    "{prefix}.notify[{index}]{}",
                    reason.activity_suffix(count)
                ))
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

/// What a webhook's body template may read (the run's context plus the
/// gate's fields), and the default body: `text` for Slack and Teams, and
/// the details.
fn message(
    ctx: &Ctx,
    step: &Step,
    reason: NotifyReason,
    waited: Option<Duration>,
) -> (serde_json::Value, String) {
    let (gate, run_id, pipeline) = ctx.state(|s| {
        (
            s.status.approval.clone().unwrap_or_default(),
            ctx.workflow_id().to_string(),
            s.status.pipeline.clone(),
        )
    });
    let mut context = render_context(ctx, &Scope::default());
    let approve_command = format!("orca approve {run_id}");
    let reject_command = format!("orca reject {run_id}");
    let who = names_or_anyone(&gate.allowed);
    // Reminders come every `remind_every`, so the wait is their count times it.
    let waited = waited.map(|w| humantime::format_duration(w).to_string());
    let reminder = (reason == NotifyReason::Reminder).then_some(gate.reminders);
    let tag = match (reminder, &waited) {
        (Some(n), Some(waited)) => format!("[reminder {n}: waiting {waited}] "),
        _ if gate.escalated => "[escalated] ".to_string(),
        _ => String::new(),
    };
    if let Some(map) = context.as_object_mut() {
        map.insert("step".into(), json!(step.id));
        map.insert("prompt".into(), json!(gate.prompt));
        map.insert("approvers".into(), json!(gate.allowed));
        map.insert("approve_command".into(), json!(approve_command));
        map.insert("reject_command".into(), json!(reject_command));
        map.insert("escalated".into(), json!(gate.escalated));
        map.insert("deadline".into(), json!(gate.deadline));
        map.insert("reminder".into(), json!(reminder));
        map.insert("waited".into(), json!(waited));
        map.insert("fields".into(), json!(gate.fields));
        map.insert("round".into(), json!(gate.round));
    }
    let mut body = json!({
        "text": format!(
            "{tag}Approval needed for {pipeline} run {run_id}: {} (approvers: {who}). Approve: `{approve_command}` · Reject: `{reject_command}`",
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
    });
    // Only what applies: a plain gate's body stays as it always was.
    if let Some(map) = body.as_object_mut() {
        if let Some(n) = reminder {
            map.insert("reminder".into(), json!(n));
            map.insert("waited".into(), json!(waited));
        }
        if !gate.fields.is_empty() {
            map.insert("fields".into(), json!(gate.fields));
        }
        if gate.round > 0 {
            map.insert("round".into(), json!(gate.round));
            map.insert("max_rounds".into(), json!(gate.max_rounds));
        }
    }
    (context, body.to_string())
}

pub(super) fn record_notifications(ctx: &Ctx, results: Vec<NotificationStatus>) {
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
