//! A form in words, one way for every command: a field as it is asked for
//! (`replicas (integer, 1..20, default 3): how many replicas to roll out`)
//! and the values a decision carried (`replicas = 5, window = now`).

use serde_json::{Map, Value};

use crate::pipeline::fields::{FieldSpec, FieldType};

/// A field with its type, constraints and description: one line of a
/// form, and the question that asks for it.
pub fn field(name: &str, spec: &FieldSpec) -> String {
    let mut line = format!("{name} ({})", constraints(spec).join(", "));
    if let Some(description) = &spec.description {
        line.push_str(&format!(": {description}"));
    }
    line
}

/// Type, range, choices, pattern, `required`, default, in that order.
fn constraints(spec: &FieldSpec) -> Vec<String> {
    let mut words = vec![match spec.kind {
        FieldType::List => "list, comma-separated".to_string(),
        kind => kind.to_string(),
    }];
    let unit = match spec.kind {
        FieldType::List => " items",
        _ => "",
    };
    match (&spec.min, &spec.max) {
        (Some(min), Some(max)) => words.push(format!("{min}..{max}{unit}")),
        (Some(min), None) => words.push(format!(">= {min}{unit}")),
        (None, Some(max)) => words.push(format!("<= {max}{unit}")),
        (None, None) => {}
    }
    if !spec.choices.is_empty() {
        words.push(format!("one of {}", spec.choices.join(" | ")));
    }
    if let Some(pattern) = &spec.pattern {
        words.push(format!("matching {pattern}"));
    }
    if spec.required {
        words.push("required".into());
    }
    if let Some(default) = &spec.default {
        words.push(format!("default {}", value(default)));
    }
    words
}

/// A value as a person types it: text unquoted, a list comma-separated.
pub fn value(value: &Value) -> String {
    match value {
        Value::String(text) => text.clone(),
        Value::Array(items) => items.iter().map(self::value).collect::<Vec<_>>().join(", "),
        other => other.to_string(),
    }
}

/// The values a decision carried: `replicas = 5, hosts = [a, b]`.
pub fn values(fields: &Map<String, Value>) -> String {
    fields
        .iter()
        .map(|(name, v)| match v {
            Value::Array(_) => format!("{name} = [{}]", value(v)),
            _ => format!("{name} = {}", value(v)),
        })
        .collect::<Vec<_>>()
        .join(", ")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn spec(json: Value) -> FieldSpec {
        serde_json::from_value(json).unwrap()
    }

    #[test]
    fn a_field_reads_as_it_is_declared() {
        let replicas = spec(serde_json::json!({
            "type": "integer", "min": 1, "max": 20, "default": 3,
            "description": "how many replicas to roll out"
        }));
        assert_eq!(
            field("replicas", &replicas),
            "replicas (integer, 1..20, default 3): how many replicas to roll out"
        );
        let window = spec(serde_json::json!({
            "type": "choice", "choices": ["now", "tonight"], "required": true
        }));
        assert_eq!(
            field("window", &window),
            "window (choice, one of now | tonight, required)"
        );
        let hosts = spec(serde_json::json!({"type": "list", "max": 3}));
        assert_eq!(
            field("hosts", &hosts),
            "hosts (list, comma-separated, <= 3 items)"
        );
    }

    #[test]
    fn answers_read_as_typed() {
        let fields = serde_json::json!({"replicas": 5, "window": "now", "hosts": ["a", "b"]});
        assert_eq!(
            values(fields.as_object().unwrap()),
            "replicas = 5, window = now, hosts = [a, b]"
        );
    }
}
