//! The checks a spec must pass before anything runs: names, references
//! between steps, templates (only recorded state may be read), durations,
//! regexes, and the approval gate's options.

use std::collections::{BTreeSet, HashSet};

use regex::Regex;
use serde_json::Value;

use super::{PipelineSpec, SpecError, Step, StepKind, spec, template};

/// The checks a spec must pass before anything runs. Messages name the step in
/// backticks first, so `parse_toml` can find its line.
pub fn validate(spec: &PipelineSpec) -> Result<(), SpecError> {
    if spec.name.trim().is_empty() {
        return Err(problem("`name` must not be empty"));
    }
    if spec.steps.is_empty() {
        return Err(problem("a pipeline needs at least one step in [[steps]]"));
    }
    for name in spec.inputs.keys() {
        if !is_identifier(name) {
            return Err(problem(format!(
                "input `{name}` is not a valid name (letters, digits, _ and -, starting with a letter)"
            )));
        }
    }
    for (group, members) in &spec.groups {
        if !is_identifier(group) {
            return Err(problem(format!("group `{group}` is not a valid name")));
        }
        if members.is_empty()
            || members
                .iter()
                .any(|m| m.trim().is_empty() || m.starts_with("group:"))
        {
            return Err(problem(format!(
                "group `{group}` needs member names (groups do not nest)"
            )));
        }
    }
    let mut checker = Checker {
        spec,
        seen: HashSet::new(),
        earlier: BTreeSet::new(),
    };
    for step in &spec.steps {
        checker.step(step, Nesting::Top)?;
        checker.earlier.insert(step.id.clone());
    }
    Ok(())
}

/// What a notification body may read besides input, steps and run.
pub const NOTIFY_ROOTS: &[&str] = &[
    "step",
    "prompt",
    "approvers",
    "approve_command",
    "reject_command",
    "escalated",
    "deadline",
];

fn problem(message: impl Into<String>) -> SpecError {
    SpecError {
        location: None,
        message: message.into(),
    }
}

/// Where a step sits: it decides which kinds are allowed and what templates see.
#[derive(Clone, Copy, PartialEq)]
enum Nesting {
    Top,
    InParallel,
    /// In a foreach (possibly deeper): templates also see `item` and `index`.
    InForeach,
}

struct Checker<'a> {
    spec: &'a PipelineSpec,
    /// Every step id so far (ids are unique across the whole pipeline).
    seen: HashSet<String>,
    /// Top-level steps before the current one: what `steps.X` may name.
    earlier: BTreeSet<String>,
}

impl Checker<'_> {
    fn step(&mut self, step: &Step, nesting: Nesting) -> Result<(), SpecError> {
        let id = if step.id.is_empty() && nesting == Nesting::InForeach {
            "item"
        } else {
            step.id.as_str()
        };
        let fail = |message: String| Err(problem(format!("step `{id}`: {message}")));
        if !is_identifier(id) {
            return Err(problem(format!(
                "step `{id}`: every step needs an `id` (letters, digits, _ and -, starting with a letter)"
            )));
        }
        if !step.id.is_empty() && !self.seen.insert(step.id.clone()) {
            return fail("duplicate step id".into());
        }
        for template in step_templates(step) {
            self.template(id, template, nesting)?;
        }
        if step.retry.is_some() && !step.kind.is_activity() {
            return fail(format!(
                "`retry` applies to command, http and agent steps, not to a {} step",
                step.kind.name()
            ));
        }
        if let Some(retry) = &step.retry {
            if retry.attempts == 0 {
                return fail("retry.attempts must be at least 1".into());
            }
            if retry.backoff.is_some_and(|b| b < 1.0) {
                return fail("retry.backoff must be at least 1.0".into());
            }
        }
        if step.timeout.is_some() && matches!(step.kind, StepKind::Policy(_) | StepKind::Sleep(_)) {
            return fail(format!(
                "`timeout` has no meaning on a {} step",
                step.kind.name()
            ));
        }
        if step.timeout.is_some_and(|t| t.0.is_zero()) {
            return fail("`timeout` must be more than 0s".into());
        }
        match &step.kind {
            StepKind::Policy(policy) => {
                if policy.deny.is_empty() && policy.allow.is_empty() {
                    return fail("a policy needs at least one `deny` or `allow` rule".into());
                }
                for rule in policy.deny.iter().chain(&policy.allow) {
                    if let Err(e) = Regex::new(rule) {
                        let detail = e.to_string().lines().last().unwrap_or_default().to_string();
                        return fail(format!(
                            "rule {rule:?} is not a valid regular expression ({})",
                            detail.trim_start_matches("error: ")
                        ));
                    }
                }
            }
            StepKind::Approval(gate) => {
                if nesting != Nesting::Top {
                    return fail("an approval gate must be a top-level step (not inside parallel or foreach)".into());
                }
                self.gate(id, step, gate)?;
            }
            StepKind::Agent(_) | StepKind::Sleep(_) => {}
            StepKind::Command(command) => match (&command.shell, command.argv.is_empty()) {
                (Some(_), false) => return fail("give either `argv` or `shell`, not both".into()),
                (None, true) => {
                    return fail("a command needs `argv = [...]` or `shell = \"...\"`".into());
                }
                _ => {}
            },
            StepKind::Http(http) => {
                const METHODS: &[&str] =
                    &["GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS"];
                if !METHODS.contains(&http.method.to_ascii_uppercase().as_str()) {
                    return fail(format!(
                        "unknown HTTP method `{}` (use one of {})",
                        http.method,
                        METHODS.join(", ")
                    ));
                }
                if http.json.is_some() && http.body.is_some() {
                    return fail("give either `json` or `body`, not both".into());
                }
                if let Some(code) = http.expect.iter().find(|c| !(100..=599).contains(*c)) {
                    return fail(format!(
                        "`expect` has {code}, which is not an HTTP status code"
                    ));
                }
            }
            StepKind::Parallel(group) => {
                if group.steps.is_empty() {
                    return fail("a parallel step needs nested [[steps.steps]]".into());
                }
                let inner = if nesting == Nesting::InForeach {
                    Nesting::InForeach
                } else {
                    Nesting::InParallel
                };
                for child in &group.steps {
                    self.step(child, inner)?;
                }
            }
            StepKind::Foreach(each) => {
                match (&each.items, &each.count) {
                    (Some(_), Some(_)) => {
                        return fail("give either `items` or `count`, not both".into());
                    }
                    (None, None) => return fail("a foreach needs `items` or `count`".into()),
                    _ => {}
                }
                if each.concurrency == 0 {
                    return fail("`concurrency` must be at least 1".into());
                }
                if let Some(spec::Items::Template(t)) = &each.items {
                    self.template(id, t, nesting)?;
                }
                if let Some(spec::Count::Template(t)) = &each.count {
                    self.template(id, t, nesting)?;
                }
                if let Some(until) = &each.until {
                    self.template_with(id, until, Nesting::InForeach, &["output"])?;
                }
                self.step(&each.step, Nesting::InForeach)?;
            }
        }
        Ok(())
    }

    fn gate(&self, id: &str, step: &Step, gate: &spec::ApprovalStep) -> Result<(), SpecError> {
        let fail = |message: String| Err(problem(format!("step `{id}`: {message}")));
        for name in gate.approvers.iter().chain(&gate.escalate_to) {
            if name.trim().is_empty()
                || name == crate::engine::status::OPEN_TO_ANYONE
                || name.starts_with(crate::engine::status::VOTED_PREFIX)
            {
                return fail(format!("{name:?} is not an approver name"));
            }
            // Groups may also come from the worker's --approvers-file, so an
            // unknown group is checked when the run starts, not here.
            if name.strip_prefix("group:").is_some_and(str::is_empty) {
                return fail(format!("{name:?} names no group"));
            }
        }
        if gate.required == 0 || gate.reject_quorum == 0 {
            return fail("`required` and `reject_quorum` must be at least 1".into());
        }
        let named = gate
            .approvers
            .iter()
            .filter(|a| !a.starts_with("group:"))
            .count();
        if named == gate.approvers.len() && named > 0 && gate.required as usize > named {
            return fail(format!(
                "`required = {}` approvals, but only {named} approvers are listed",
                gate.required
            ));
        }
        use spec::OnTimeout;
        if gate.on_timeout != OnTimeout::Reject && step.timeout.is_none() {
            return fail("`on_timeout` needs a `timeout` on the gate".into());
        }
        if gate.on_timeout == OnTimeout::Escalate {
            if gate.escalate_to.is_empty() {
                return fail("`on_timeout = \"escalate\"` needs `escalate_to = [...]`".into());
            }
            if gate.escalation_timeout.is_none() {
                return fail("`on_timeout = \"escalate\"` needs `escalation_timeout`".into());
            }
        } else if !gate.escalate_to.is_empty() || gate.escalation_timeout.is_some() {
            return fail(
                "`escalate_to` and `escalation_timeout` need `on_timeout = \"escalate\"`".into(),
            );
        }
        for hook in &gate.notify {
            if hook.url.is_some() == hook.url_env.is_some() {
                return fail("each `notify` needs exactly one of `url` and `url_env`".into());
            }
            for template in hook.url.iter().chain(&hook.body) {
                self.template_with(id, template, Nesting::Top, NOTIFY_ROOTS)?;
            }
        }
        Ok(())
    }

    /// A template may read declared inputs, outputs of earlier top-level
    /// steps, `run`, and inside a foreach `item` and `index`.
    fn template(&self, step_id: &str, template: &str, nesting: Nesting) -> Result<(), SpecError> {
        self.template_with(step_id, template, nesting, &[])
    }

    fn template_with(
        &self,
        step_id: &str,
        template: &str,
        nesting: Nesting,
        extra_roots: &[&str],
    ) -> Result<(), SpecError> {
        let fail = |message: String| Err(problem(format!("step `{step_id}`: {message}")));
        let paths = match template::referenced_paths(template) {
            Ok(paths) => paths,
            Err(e) => return fail(format!("template {template:?} does not parse: {e}")),
        };
        if let Err(e) = template::check_names(template) {
            return fail(format!("template {template:?}: {e}"));
        }
        for path in paths {
            let mut parts = path.split('.');
            let root = parts.next().unwrap_or_default();
            let name = parts.next();
            match (root, name) {
                ("input", Some(name)) if !self.spec.inputs.contains_key(name) => {
                    return fail(format!(
                        "template refers to `input.{name}`, which the pipeline does not declare in [inputs]"
                    ));
                }
                ("steps", Some(name)) if !self.earlier.contains(name) => {
                    return fail(format!(
                        "template refers to `steps.{name}`, which is not an earlier step"
                    ));
                }
                ("item" | "index", _) if nesting == Nesting::InForeach => {}
                (root, _) if extra_roots.contains(&root) => {}
                (root, _) if !template::ROOTS.contains(&root) => {
                    let mut allowed = template::ROOTS.to_vec();
                    if nesting == Nesting::InForeach {
                        allowed.extend(["item", "index"]);
                    }
                    allowed.extend(extra_roots);
                    return fail(format!(
                        "template refers to `{root}`; templates here may use {}",
                        allowed.join(", ")
                    ));
                }
                _ => {}
            }
        }
        Ok(())
    }
}

/// Every template string a step holds itself (not those of nested steps).
fn step_templates(step: &Step) -> Vec<&str> {
    let mut templates: Vec<&str> = step.condition.iter().map(String::as_str).collect();
    match &step.kind {
        StepKind::Policy(p) => templates.push(&p.subject),
        StepKind::Approval(a) => templates.push(&a.prompt),
        StepKind::Agent(a) => {
            templates.push(&a.action);
            if let Some(returns) = &a.returns {
                json_strings(returns, &mut templates);
            }
        }
        StepKind::Command(c) => {
            templates.extend(c.argv.iter().map(String::as_str));
            templates.extend(c.shell.as_deref());
            templates.extend(c.env.values().map(String::as_str));
            templates.extend(c.cwd.as_deref());
            templates.extend(c.stdin.as_deref());
        }
        StepKind::Http(h) => {
            templates.push(&h.url);
            for value in h.headers.values() {
                if let spec::HeaderValue::Text(text) = value {
                    templates.push(text);
                }
            }
            templates.extend(h.body.as_deref());
            if let Some(json) = &h.json {
                json_strings(json, &mut templates);
            }
        }
        StepKind::Sleep(_) | StepKind::Parallel(_) | StepKind::Foreach(_) => {}
    }
    templates
}

fn json_strings<'a>(value: &'a Value, out: &mut Vec<&'a str>) {
    match value {
        Value::String(s) => out.push(s),
        Value::Array(items) => items.iter().for_each(|v| json_strings(v, out)),
        Value::Object(map) => map.values().for_each(|v| json_strings(v, out)),
        _ => {}
    }
}

fn is_identifier(name: &str) -> bool {
    let mut chars = name.chars();
    chars.next().is_some_and(|c| c.is_ascii_alphabetic())
        && chars.all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '-')
}
