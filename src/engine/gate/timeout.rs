//! What a gate does when its timeout passes: escalate once, fail, or
//! decide as `on_timeout` says.

use std::{collections::BTreeMap, time::Duration};

use super::{expand, publish, set_deadline, waiting_on};
use crate::{
    engine::{
        run::now,
        status::*,
        steps::{Ctx, StepEnd},
    },
    pipeline::{
        Step,
        spec::{ApprovalStep, OnTimeout},
    },
};

/// What the gate's timeout did.
pub(super) enum AfterTimeout {
    /// More approvers may decide now, until this second timeout (if any).
    Escalated(Option<Duration>),
    /// The gate is closed: decided by `on_timeout`, or failed (the end).
    Closed(Option<StepEnd>),
    /// The step fails at once, the gate left as it is (the escalation
    /// names a group no one defines).
    Abort(StepEnd),
}

/// The gate timed out: escalate (once), fail, or decide as `on_timeout` says.
pub(super) fn timed_out(
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
                        fields: Default::default(),
                    });
                }
            });
            AfterTimeout::Closed(None)
        }
    }
}
