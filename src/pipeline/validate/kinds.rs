//! The checks of each kind's own options (and of `retry` and `timeout`,
//! which every kind shares).

use regex::Regex;

use super::At;
use crate::pipeline::{SpecError, Step, StepKind, spec};

/// `retry` and `timeout`, which every kind shares (where they mean something).
pub(super) fn common(at: &At, step: &Step) -> Result<(), SpecError> {
    if step.retry.is_some() && !step.kind.is_activity() {
        return at.fail(
            Some("retry"),
            format!(
                "`retry` applies to command, http and agent steps, not to a {} step",
                step.kind.name()
            ),
        );
    }
    if let Some(retry) = &step.retry {
        if retry.attempts == 0 {
            return at.fail(Some("retry"), "retry.attempts must be at least 1");
        }
        if retry.backoff.is_some_and(|b| b < 1.0) {
            return at.fail(Some("retry"), "retry.backoff must be at least 1.0");
        }
    }
    if step.timeout.is_some() && matches!(step.kind, StepKind::Policy(_) | StepKind::Sleep(_)) {
        return at.fail(
            Some("timeout"),
            format!("`timeout` has no meaning on a {} step", step.kind.name()),
        );
    }
    if step.timeout.is_some_and(|t| t.0.is_zero()) {
        return at.fail(Some("timeout"), "`timeout` must be more than 0s");
    }
    Ok(())
}

pub(super) fn policy_rules(at: &At, policy: &spec::PolicyStep) -> Result<(), SpecError> {
    if policy.deny.is_empty() && policy.allow.is_empty() {
        return at.fail(None, "a policy needs at least one `deny` or `allow` rule");
    }
    for (list, rules) in [("deny", &policy.deny), ("allow", &policy.allow)] {
        for rule in rules {
            if let Err(e) = Regex::new(rule) {
                let detail = e.to_string().lines().last().unwrap_or_default().to_string();
                return at.fail(
                    Some(list),
                    format!(
                        "rule {rule:?} is not a valid regular expression ({})",
                        detail.trim_start_matches("error: ")
                    ),
                );
            }
        }
    }
    Ok(())
}

pub(super) fn command_form(at: &At, command: &spec::CommandStep) -> Result<(), SpecError> {
    match (&command.shell, command.argv.is_empty()) {
        (Some(_), false) => at.fail(Some("shell"), "give either `argv` or `shell`, not both"),
        (None, true) => at.fail(None, "a command needs `argv = [...]` or `shell = \"...\"`"),
        _ => Ok(()),
    }
}

pub(super) fn http_request(at: &At, http: &spec::HttpStep) -> Result<(), SpecError> {
    const METHODS: &[&str] = &["GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS"];
    if !METHODS.contains(&http.method.to_ascii_uppercase().as_str()) {
        return at.fail(
            Some("method"),
            format!(
                "unknown HTTP method `{}` (use one of {})",
                http.method,
                METHODS.join(", ")
            ),
        );
    }
    if http.json.is_some() && http.body.is_some() {
        return at.fail(Some("body"), "give either `json` or `body`, not both");
    }
    if let Some(code) = http.expect.iter().find(|c| !(100..=599).contains(*c)) {
        return at.fail(
            Some("expect"),
            format!("`expect` has {code}, which is not an HTTP status code"),
        );
    }
    Ok(())
}

pub(super) fn approver_names(at: &At, gate: &spec::ApprovalStep) -> Result<(), SpecError> {
    for (key, names) in [
        ("approvers", &gate.approvers),
        ("escalate_to", &gate.escalate_to),
    ] {
        for name in names {
            if name.trim().is_empty()
                || name == crate::engine::status::OPEN_TO_ANYONE
                || name.starts_with(crate::engine::status::VOTED_PREFIX)
            {
                return at.fail(Some(key), format!("{name:?} is not an approver name"));
            }
            // Groups may also come from the worker's --approvers-file, so an
            // unknown group is checked when the run starts, not here.
            if name.strip_prefix("group:").is_some_and(str::is_empty) {
                return at.fail(Some(key), format!("{name:?} names no group"));
            }
        }
    }
    Ok(())
}

/// `on_timeout` and escalation need the timeouts they act on.
pub(super) fn timeouts(at: &At, step: &Step, gate: &spec::ApprovalStep) -> Result<(), SpecError> {
    use spec::OnTimeout;
    if gate.on_timeout != OnTimeout::Reject && step.timeout.is_none() {
        return at.fail(
            Some("on_timeout"),
            "`on_timeout` needs a `timeout` on the gate",
        );
    }
    if gate.on_timeout == OnTimeout::Escalate {
        if gate.escalate_to.is_empty() {
            return at.fail(
                Some("on_timeout"),
                "`on_timeout = \"escalate\"` needs `escalate_to = [...]`",
            );
        }
        if gate.escalation_timeout.is_none() {
            return at.fail(
                Some("on_timeout"),
                "`on_timeout = \"escalate\"` needs `escalation_timeout`",
            );
        }
    } else if !gate.escalate_to.is_empty() || gate.escalation_timeout.is_some() {
        return at.fail(
            Some("escalate_to"),
            "`escalate_to` and `escalation_timeout` need `on_timeout = \"escalate\"`",
        );
    }
    Ok(())
}
