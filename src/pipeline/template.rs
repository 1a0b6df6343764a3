//! Templates (`{{ input.task }}`, `{{ steps.plan.output.items }}`), rendered
//! with minijinja. Inside the workflow they are rendered from recorded state
//! only (inputs, step outputs, the run ID), so a replay renders the same text.

use std::collections::BTreeSet;

use minijinja::{Environment, UndefinedBehavior};
use serde::Serialize;

/// Names a template may refer to at the top level.
pub const ROOTS: &[&str] = &["input", "steps", "run"];

fn environment() -> Environment<'static> {
    let mut env = Environment::new();
    // A typo such as `{{ input.tsak }}` must fail, not render as "".
    env.set_undefined_behavior(UndefinedBehavior::Strict);
    env
}

/// Renders `template` against `context`.
pub fn render<C: Serialize>(template: &str, context: &C) -> Result<String, String> {
    if !template.contains("{{") && !template.contains("{%") {
        return Ok(template.to_string());
    }
    environment()
        .render_str(template, context)
        .map_err(|e| describe(&e))
}

/// Checks the syntax of `template` and returns the variables it reads, as
/// dotted paths (`input.task`, `steps.plan.output`).
pub fn referenced_paths(template: &str) -> Result<BTreeSet<String>, String> {
    let env = environment();
    let compiled = env.template_from_str(template).map_err(|e| describe(&e))?;
    Ok(compiled.undeclared_variables(true).into_iter().collect())
}

/// minijinja errors carry a kind, a detail and a line; say all of it on one line.
fn describe(error: &minijinja::Error) -> String {
    let mut text = error.kind().to_string();
    if let Some(detail) = error.detail() {
        text.push_str(": ");
        text.push_str(detail);
    }
    if let Some(line) = error.line() {
        text.push_str(&format!(" (template line {line})"));
    }
    text
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn renders_inputs_and_fails_on_unknown_names() {
        let ctx = json!({"input": {"task": "hello"}});
        assert_eq!(render("do {{ input.task }}", &ctx).unwrap(), "do hello");
        assert!(render("{{ input.tsak }}", &ctx).is_err());
        assert_eq!(render("plain text", &ctx).unwrap(), "plain text");
    }

    #[test]
    fn lists_referenced_paths() {
        let paths = referenced_paths("{{ input.task }} {{ steps.plan.output.items }}").unwrap();
        assert!(paths.contains("input.task"), "{paths:?}");
        assert!(
            paths.iter().any(|p| p.starts_with("steps.plan")),
            "{paths:?}"
        );
        assert!(referenced_paths("{{ input.task ").is_err());
    }
}
