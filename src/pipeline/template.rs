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
    // Values print the way they look in TOML and JSON: `true`, not `True`;
    // lists and tables as JSON; none as nothing.
    env.set_formatter(|out, state, value| {
        use minijinja::value::ValueKind;
        match value.kind() {
            ValueKind::Bool | ValueKind::Seq | ValueKind::Map => {
                let json = serde_json::to_string(value).map_err(|e| {
                    minijinja::Error::new(minijinja::ErrorKind::BadSerialization, e.to_string())
                })?;
                out.write_str(&json).map_err(|e| {
                    minijinja::Error::new(minijinja::ErrorKind::WriteFailure, e.to_string())
                })
            }
            ValueKind::None => Ok(()),
            _ => minijinja::escape_formatter(out, state, value),
        }
    });
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

/// Renders a JSON value: strings are templates, and a string that is one
/// whole `{{ expression }}` keeps the expression's type (a list stays a list).
pub fn render_value<C: Serialize>(
    value: &serde_json::Value,
    context: &C,
) -> Result<serde_json::Value, String> {
    use serde_json::Value;
    Ok(match value {
        Value::String(text) => match single_expression(text) {
            Some(expression) => evaluate(expression, context)?,
            None => Value::String(render(text, context)?),
        },
        Value::Array(items) => Value::Array(
            items
                .iter()
                .map(|v| render_value(v, context))
                .collect::<Result<_, _>>()?,
        ),
        Value::Object(map) => Value::Object(
            map.iter()
                .map(|(k, v)| Ok((k.clone(), render_value(v, context)?)))
                .collect::<Result<_, String>>()?,
        ),
        other => other.clone(),
    })
}

/// `"{{ steps.plan.output.batches }}"` → `Some("steps.plan.output.batches")`.
fn single_expression(text: &str) -> Option<&str> {
    let inner = text.trim().strip_prefix("{{")?.strip_suffix("}}")?;
    (!inner.contains("{{") && !inner.contains("}}")).then_some(inner.trim())
}

/// Evaluates one expression to a JSON value.
pub fn evaluate<C: Serialize>(expression: &str, context: &C) -> Result<serde_json::Value, String> {
    let env = environment();
    let compiled = env
        .compile_expression(expression)
        .map_err(|e| describe(&e))?;
    let value = compiled.eval(context).map_err(|e| describe(&e))?;
    if value.is_undefined() {
        return Err(format!("`{expression}` is undefined"));
    }
    serde_json::to_value(&value).map_err(|e| format!("`{expression}`: {e}"))
}

/// Checks the syntax of `template` and returns the variables it reads, as
/// dotted paths (`input.task`, `steps.plan.output`).
pub fn referenced_paths(template: &str) -> Result<BTreeSet<String>, String> {
    let env = environment();
    let compiled = env.template_from_str(template).map_err(|e| describe(&e))?;
    Ok(compiled.undeclared_variables(true).into_iter().collect())
}

/// Finds filters, tests and functions that do not exist, which parsing alone
/// does not: renders against nothing with lenient undefined values and keeps
/// only the "unknown …" errors.
pub fn check_names(template: &str) -> Result<(), String> {
    use minijinja::ErrorKind;
    let mut env = environment();
    env.set_undefined_behavior(UndefinedBehavior::Chainable);
    match env.render_str(template, ()) {
        Err(e)
            if matches!(
                e.kind(),
                ErrorKind::UnknownFilter | ErrorKind::UnknownTest | ErrorKind::UnknownFunction
            ) =>
        {
            Err(describe(&e))
        }
        _ => Ok(()),
    }
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
        let ctx = json!({"input": {"ok": true, "list": [1, "a"], "none": null}});
        assert_eq!(
            render("{{ input.ok }} {{ input.list }}[{{ input.none }}]", &ctx).unwrap(),
            r#"true [1,"a"][]"#
        );
        assert_eq!(render("plain text", &ctx).unwrap(), "plain text");
    }

    #[test]
    fn whole_expressions_keep_their_type() {
        let ctx =
            json!({"steps": {"plan": {"output": {"batches": ["a", "b"]}}}, "input": {"n": 3}});
        let value = json!({"items": "{{ steps.plan.output.batches }}", "text": "n={{ input.n }}", "n": "{{ input.n }}"});
        let rendered = render_value(&value, &ctx).unwrap();
        assert_eq!(
            rendered,
            json!({"items": ["a", "b"], "text": "n=3", "n": 3})
        );
        assert!(render_value(&json!("{{ input.nope }}"), &ctx).is_err());
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
        assert!(check_names("{{ input.task | truncate(3) }}").is_err());
        assert!(
            check_names("{{ input.task | upper }} {{ steps.x.output | tojson }} {{ index + 1 }}")
                .is_ok()
        );
    }
}
