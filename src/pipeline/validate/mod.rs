//! The checks a spec must pass before anything runs: names, references
//! between steps, templates (only recorded state may be read), durations,
//! regexes, and the approval gate's options. Each problem carries the path
//! of what it is about, so a file's line can be found from it.

use std::collections::{BTreeSet, HashSet};

use serde_json::Value;

mod kinds;

mod gate;

use gate::{feedback_readers, fields, pushback};
use kinds::{approver_names, command_form, common, http_request, policy_rules, timeouts};

use super::{PipelineSpec, SpecError, SpecPath, Step, StepKind, spec, template};

/// The checks a spec must pass before anything runs.
pub fn validate(spec: &PipelineSpec) -> Result<(), SpecError> {
    let root = SpecPath::root();
    if spec.name.trim().is_empty() {
        return Err(problem(root.key("name"), "`name` must not be empty"));
    }
    if spec.steps.is_empty() {
        return Err(problem(
            root.key("steps"),
            "a pipeline needs at least one step in [[steps]]",
        ));
    }
    for name in spec.inputs.keys() {
        if !is_identifier(name) {
            return Err(problem(
                root.key("inputs").key(name),
                format!(
                    "input `{name}` is not a valid name (letters, digits, _ and -, starting with a letter)"
                ),
            ));
        }
    }
    for (group, members) in &spec.groups {
        let at = root.key("groups").key(group);
        if !is_identifier(group) {
            return Err(problem(at, format!("group `{group}` is not a valid name")));
        }
        if members.is_empty()
            || members
                .iter()
                .any(|m| m.trim().is_empty() || m.starts_with("group:"))
        {
            return Err(problem(
                at,
                format!("group `{group}` needs member names (groups do not nest)"),
            ));
        }
    }
    let mut checker = Checker {
        spec,
        seen: HashSet::new(),
        earlier: BTreeSet::new(),
    };
    let readers = feedback_readers(spec);
    for (index, step) in spec.steps.iter().enumerate() {
        // The steps a gate sends the run back to may read its feedback.
        checker.earlier.extend(readers[index].iter().cloned());
        checker.step(step, &root.key("steps").index(index), Nesting::Top)?;
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
    "reminder",
    "waited",
    "fields",
    "round",
];

fn problem(path: SpecPath, message: impl Into<String>) -> SpecError {
    SpecError {
        path,
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

/// A step being checked: its id (as messages name it) and where it is.
pub(super) struct At<'p> {
    id: &'p str,
    path: &'p SpecPath,
}

impl At<'_> {
    /// A problem with the step, at `key` of it (or the step itself).
    pub(super) fn fail<T>(
        &self,
        key: Option<&str>,
        message: impl std::fmt::Display,
    ) -> Result<T, SpecError> {
        let path = match key {
            Some(key) => self.path.key(key),
            None => self.path.clone(),
        };
        Err(problem(path, format!("step `{}`: {message}", self.id)))
    }
}

impl Checker<'_> {
    fn step(&mut self, step: &Step, path: &SpecPath, nesting: Nesting) -> Result<(), SpecError> {
        let id = if step.id.is_empty() && nesting == Nesting::InForeach {
            "item"
        } else {
            step.id.as_str()
        };
        let at = At { id, path };
        if !is_identifier(id) {
            return at.fail(
                Some("id"),
                "every step needs an `id` (letters, digits, _ and -, starting with a letter)",
            );
        }
        if !step.id.is_empty() && !self.seen.insert(step.id.clone()) {
            return at.fail(Some("id"), "duplicate step id");
        }
        for template in step_templates(step) {
            self.template(&at, template, nesting)?;
        }
        common(&at, step)?;
        match &step.kind {
            StepKind::Policy(policy) => policy_rules(&at, policy),
            StepKind::Approval(_) if nesting != Nesting::Top => at.fail(
                Some("kind"),
                "an approval gate must be a top-level step (not inside parallel or foreach)",
            ),
            StepKind::Approval(gate) => self.gate(&at, step, gate),
            StepKind::Agent(_) | StepKind::Sleep(_) => Ok(()),
            StepKind::Command(command) => command_form(&at, command),
            StepKind::Http(http) => http_request(&at, http),
            StepKind::Parallel(group) => self.parallel(&at, group, nesting),
            StepKind::Foreach(each) => self.foreach(&at, each, nesting),
        }
    }

    fn parallel(
        &mut self,
        at: &At,
        group: &spec::ParallelStep,
        nesting: Nesting,
    ) -> Result<(), SpecError> {
        if group.steps.is_empty() {
            return at.fail(
                Some("steps"),
                "a parallel step needs nested [[steps.steps]]",
            );
        }
        let inner = if nesting == Nesting::InForeach {
            Nesting::InForeach
        } else {
            Nesting::InParallel
        };
        for (index, child) in group.steps.iter().enumerate() {
            self.step(child, &at.path.key("steps").index(index), inner)?;
        }
        Ok(())
    }

    fn foreach(
        &mut self,
        at: &At,
        each: &spec::ForeachStep,
        nesting: Nesting,
    ) -> Result<(), SpecError> {
        match (&each.items, &each.count) {
            (Some(_), Some(_)) => {
                return at.fail(Some("count"), "give either `items` or `count`, not both");
            }
            (None, None) => return at.fail(None, "a foreach needs `items` or `count`"),
            _ => {}
        }
        if each.concurrency == 0 {
            return at.fail(Some("concurrency"), "`concurrency` must be at least 1");
        }
        if let Some(spec::Items::Template(t)) = &each.items {
            self.template(at, t, nesting)?;
        }
        if let Some(spec::Count::Template(t)) = &each.count {
            self.template(at, t, nesting)?;
        }
        if let Some(until) = &each.until {
            self.template_with(at, until, Nesting::InForeach, &["output"])?;
        }
        self.step(&each.step, &at.path.key("step"), Nesting::InForeach)
    }

    fn gate(&self, at: &At, step: &Step, gate: &spec::ApprovalStep) -> Result<(), SpecError> {
        approver_names(at, gate)?;
        if gate.required == 0 || gate.reject_quorum == 0 {
            return at.fail(
                Some("required"),
                "`required` and `reject_quorum` must be at least 1",
            );
        }
        let named = gate
            .approvers
            .iter()
            .filter(|a| !a.starts_with("group:"))
            .count();
        if named == gate.approvers.len() && named > 0 && gate.required as usize > named {
            return at.fail(
                Some("required"),
                format!(
                    "`required = {}` approvals, but only {named} approvers are listed",
                    gate.required
                ),
            );
        }
        timeouts(at, step, gate)?;
        fields(at, "fields", &gate.fields)?;
        fields(at, "reject_fields", &gate.reject_fields)?;
        // Gates are top-level, so the steps before this one are the spec's.
        let index = self.spec.steps.iter().position(|s| s.id == step.id);
        let before = &self.spec.steps[..index.unwrap_or(0)];
        pushback(at, step, gate, before)?;
        for (index, hook) in gate.notify.iter().enumerate() {
            if hook.url.is_some() == hook.url_env.is_some() {
                let at = At {
                    id: at.id,
                    path: &at.path.key("notify").index(index),
                };
                return at.fail(
                    None,
                    "each `notify` needs exactly one of `url` and `url_env`",
                );
            }
            for template in hook.url.iter().chain(&hook.body) {
                self.template_with(at, template, Nesting::Top, NOTIFY_ROOTS)?;
            }
        }
        Ok(())
    }

    /// A template may read declared inputs, outputs of earlier top-level
    /// steps, `run`, and inside a foreach `item` and `index`.
    fn template(&self, at: &At, template: &str, nesting: Nesting) -> Result<(), SpecError> {
        self.template_with(at, template, nesting, &[])
    }

    fn template_with(
        &self,
        at: &At,
        template: &str,
        nesting: Nesting,
        extra_roots: &[&str],
    ) -> Result<(), SpecError> {
        let paths = match template::referenced_paths(template) {
            Ok(paths) => paths,
            Err(e) => return at.fail(None, format!("template {template:?} does not parse: {e}")),
        };
        if let Err(e) = template::check_names(template) {
            return at.fail(None, format!("template {template:?}: {e}"));
        }
        for path in paths {
            let mut parts = path.split('.');
            let root = parts.next().unwrap_or_default();
            let name = parts.next();
            match (root, name) {
                ("input", Some(name)) if !self.spec.inputs.contains_key(name) => {
                    return at.fail(None, format!(
                        "template refers to `input.{name}`, which the pipeline does not declare in [inputs]"
                    ));
                }
                ("steps", Some(name)) if !self.earlier.contains(name) => {
                    return at.fail(
                        None,
                        format!("template refers to `steps.{name}`, which is not an earlier step"),
                    );
                }
                ("item" | "index", _) if nesting == Nesting::InForeach => {}
                (root, _) if extra_roots.contains(&root) => {}
                (root, _) if !template::ROOTS.contains(&root) => {
                    let mut allowed = template::ROOTS.to_vec();
                    if nesting == Nesting::InForeach {
                        allowed.extend(["item", "index"]);
                    }
                    allowed.extend(extra_roots);
                    return at.fail(
                        None,
                        format!(
                            "template refers to `{root}`; templates here may use {}",
                            allowed.join(", ")
                        ),
                    );
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
            templates.extend(a.duration.template());
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
