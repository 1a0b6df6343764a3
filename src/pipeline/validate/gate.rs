//! The checks of a gate's newer options: its forms, where request-changes
//! sends the run back to, reminders and delegation.

use std::{collections::BTreeMap, time::Duration};

use super::{At, is_identifier};
use crate::pipeline::{
    PipelineSpec, SpecError, Step, StepKind,
    fields::{FieldSpec, declaration_problem},
    spec::ApprovalStep,
};

/// Each declared field: a valid name and a declaration that makes sense
/// (a default that fits, choices for a choice, min not above max, …).
pub(super) fn fields(
    at: &At,
    key: &str,
    form: &BTreeMap<String, FieldSpec>,
) -> Result<(), SpecError> {
    for (name, spec) in form {
        let path = at.path.key(key).key(name);
        let field = At {
            id: at.id,
            path: &path,
        };
        if !is_identifier(name) {
            return field.fail(
                None,
                format!("`{name}` is not a valid field name (letters, digits, _ and -)"),
            );
        }
        if let Some((option, problem)) = declaration_problem(spec) {
            return field.fail(Some(option), format!("field `{name}`: {problem}"));
        }
    }
    Ok(())
}

/// `on_changes` names an earlier top-level step; `max_rounds`, reminders
/// and delegation have what they need.
pub(super) fn pushback(
    at: &At,
    step: &Step,
    gate: &ApprovalStep,
    before: &[Step],
) -> Result<(), SpecError> {
    match &gate.on_changes {
        Some(to) if to == &step.id => {
            return at.fail(
                Some("on_changes"),
                "a gate cannot send the run back to itself",
            );
        }
        Some(to) if !before.iter().any(|s| &s.id == to) => {
            return at.fail(
                Some("on_changes"),
                format!("`on_changes = \"{to}\"` is not an earlier top-level step"),
            );
        }
        Some(_) if gate.max_rounds < 2 => {
            return at.fail(
                Some("max_rounds"),
                "`max_rounds` must be at least 2 for changes to be requested at all",
            );
        }
        None if gate.max_rounds != 3 => {
            return at.fail(Some("max_rounds"), "`max_rounds` needs `on_changes`");
        }
        _ => {}
    }
    if let Some(every) = gate.remind_every {
        reminders(at, step, gate, every.0)?;
    }
    if gate.allow_delegation && gate.approvers.is_empty() {
        return at.fail(
            Some("allow_delegation"),
            "delegation needs `approvers`: anyone may decide this gate already",
        );
    }
    Ok(())
}

/// Most reminders a gate may send: each costs about ten events of the
/// run's history, which the server ends at 51,200.
const MAX_REMINDERS: u128 = 500;

/// Reminders need webhooks to re-send, and a timeout to bound them.
fn reminders(at: &At, step: &Step, gate: &ApprovalStep, every: Duration) -> Result<(), SpecError> {
    if gate.notify.is_empty() {
        return at.fail(
            Some("remind_every"),
            "`remind_every` re-sends the gate's notifications, and it has no `notify`",
        );
    }
    if every < Duration::from_secs(1) {
        return at.fail(Some("remind_every"), "`remind_every` must be at least 1s");
    }
    let Some(timeout) = step.timeout else {
        return at.fail(
            Some("remind_every"),
            "`remind_every` needs a `timeout` on the gate, which bounds the reminders",
        );
    };
    let waits = timeout.0 + gate.escalation_timeout.map_or(Duration::ZERO, |t| t.0);
    if waits.as_millis() / every.as_millis() > MAX_REMINDERS {
        return at.fail(
            Some("remind_every"),
            format!(
                "`remind_every = \"{}\"` would send more than {MAX_REMINDERS} reminders within the gate's timeout; remind less often",
                humantime::format_duration(every)
            ),
        );
    }
    Ok(())
}

/// For each top-level step, the gates that may send the run back to it or
/// past it: such a step runs again after the gate and may read
/// `steps.GATE.output.feedback`.
pub(super) fn feedback_readers(spec: &PipelineSpec) -> Vec<Vec<String>> {
    let mut readers = vec![Vec::new(); spec.steps.len()];
    for (gate_index, step) in spec.steps.iter().enumerate() {
        let StepKind::Approval(gate) = &step.kind else {
            continue;
        };
        let Some(to) = &gate.on_changes else {
            continue;
        };
        let Some(target) = spec.steps[..gate_index].iter().position(|s| &s.id == to) else {
            continue;
        };
        for reader in &mut readers[target..gate_index] {
            reader.push(step.id.clone());
        }
    }
    readers
}
