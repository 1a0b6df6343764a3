//! A gate's form: the fields a decision may carry (`[steps.fields.NAME]`),
//! and the one check of a decision's values against them. The workflow's
//! validator and handler call `check_form`, so every client is held to the
//! same types and ranges; `orca approve` only turns `--field k=v` text into
//! the declared type (`coerce`) before sending it.

use std::{collections::BTreeMap, fmt};

use serde::{Deserialize, Serialize};
use serde_json::{Map, Number, Value};

/// One declared field.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FieldSpec {
    #[serde(rename = "type")]
    pub kind: FieldType,
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub required: bool,
    /// Used when the decision leaves the field out.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub default: Option<Value>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// Smallest value (integer, number) or fewest items (list).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub min: Option<Number>,
    /// Largest value (integer, number) or most items (list).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max: Option<Number>,
    /// A regular expression a string (or each list item) must match whole.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub pattern: Option<String>,
    /// The values a choice (or each list item) may take.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub choices: Vec<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum FieldType {
    String,
    Integer,
    Number,
    Boolean,
    Choice,
    /// A list of strings.
    List,
}

impl FieldType {
    pub fn as_str(self) -> &'static str {
        match self {
            FieldType::String => "string",
            FieldType::Integer => "integer",
            FieldType::Number => "number",
            FieldType::Boolean => "boolean",
            FieldType::Choice => "choice",
            FieldType::List => "list",
        }
    }
}

impl fmt::Display for FieldType {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Which field broke which rule.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FieldError {
    pub field: String,
    pub rule: String,
}

impl fmt::Display for FieldError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "field `{}`: {}", self.field, self.rule)
    }
}

/// The decision's values checked against the form, defaults filled in: what
/// the gate records. Unknown names are refused (a typo must not vanish).
pub fn check_form(
    form: &BTreeMap<String, FieldSpec>,
    given: &Map<String, Value>,
) -> Result<Map<String, Value>, FieldError> {
    if let Some(unknown) = given.keys().find(|name| !form.contains_key(*name)) {
        let known: Vec<&str> = form.keys().map(String::as_str).collect();
        let rule = match known.is_empty() {
            true => "this decision takes no fields".to_string(),
            false => format!("not a field of this gate (fields: {})", known.join(", ")),
        };
        return Err(FieldError {
            field: unknown.clone(),
            rule,
        });
    }
    let mut out = Map::new();
    for (name, spec) in form {
        let value = match given.get(name).filter(|v| !v.is_null()) {
            Some(value) => value.clone(),
            None => match &spec.default {
                Some(default) => default.clone(),
                None if spec.required => {
                    return Err(FieldError {
                        field: name.clone(),
                        rule: "is required".into(),
                    });
                }
                None => continue,
            },
        };
        check_value(spec, &value).map_err(|rule| FieldError {
            field: name.clone(),
            rule,
        })?;
        out.insert(name.clone(), value);
    }
    Ok(out)
}

/// Largest value a field takes, as JSON: each vote's values are kept in
/// the run's status and output, which Temporal caps at 2 MB a payload.
pub const MAX_VALUE_BYTES: usize = 16 * 1024;

/// One value against its declaration; the rule it breaks, in words.
pub fn check_value(spec: &FieldSpec, value: &Value) -> Result<(), String> {
    let size = value.to_string().len();
    if size > MAX_VALUE_BYTES {
        return Err(format!(
            "the value takes {size} bytes; a field takes at most {MAX_VALUE_BYTES}"
        ));
    }
    let expected = || format!("expected {}, got {}", a(spec.kind), describe(value));
    match spec.kind {
        FieldType::String => {
            let text = value.as_str().ok_or_else(expected)?;
            matches_pattern(spec, text)
        }
        FieldType::Integer => {
            if !(value.is_i64() || value.is_u64()) {
                return Err(expected());
            }
            in_range(spec, value.as_f64().unwrap_or_default(), "")
        }
        FieldType::Number => {
            let number = value.as_f64().ok_or_else(expected)?;
            in_range(spec, number, "")
        }
        FieldType::Boolean => value.as_bool().map(drop).ok_or_else(expected),
        FieldType::Choice => {
            let text = value.as_str().ok_or_else(expected)?;
            one_of(spec, text)
        }
        FieldType::List => {
            let items = value.as_array().ok_or_else(expected)?;
            in_range(spec, items.len() as f64, " items")?;
            for item in items {
                let text = item
                    .as_str()
                    .ok_or_else(|| format!("expected a list of strings, got {}", describe(item)))?;
                if !spec.choices.is_empty() {
                    one_of(spec, text)?;
                }
                matches_pattern(spec, text)?;
            }
            Ok(())
        }
    }
}

fn in_range(spec: &FieldSpec, number: f64, unit: &str) -> Result<(), String> {
    if let Some(min) = &spec.min
        && number < min.as_f64().unwrap_or(f64::MIN)
    {
        return Err(format!("{} is below the minimum {min}{unit}", show(number)));
    }
    if let Some(max) = &spec.max
        && number > max.as_f64().unwrap_or(f64::MAX)
    {
        return Err(format!("{} is above the maximum {max}{unit}", show(number)));
    }
    Ok(())
}

fn one_of(spec: &FieldSpec, text: &str) -> Result<(), String> {
    match spec.choices.iter().any(|c| c == text) {
        true => Ok(()),
        false => Err(format!(
            "{text:?} is not one of the choices ({})",
            spec.choices.join(", ")
        )),
    }
}

fn matches_pattern(spec: &FieldSpec, text: &str) -> Result<(), String> {
    let Some(pattern) = &spec.pattern else {
        return Ok(());
    };
    // Anchored: a pattern describes the whole value, as in a form.
    let whole = format!("^(?:{pattern})$");
    match regex::Regex::new(&whole) {
        Ok(re) if re.is_match(text) => Ok(()),
        Ok(_) => Err(format!("{text:?} does not match the pattern {pattern:?}")),
        Err(_) => Err(format!("the pattern {pattern:?} does not compile")),
    }
}

fn a(kind: FieldType) -> &'static str {
    match kind {
        FieldType::String => "a string",
        FieldType::Integer => "an integer",
        FieldType::Number => "a number",
        FieldType::Boolean => "true or false",
        FieldType::Choice => "one of the choices (a string)",
        FieldType::List => "a list of strings",
    }
}

fn describe(value: &Value) -> String {
    match value {
        Value::Null => "null".into(),
        Value::Bool(b) => format!("the boolean {b}"),
        Value::Number(n) => format!("the number {n}"),
        Value::String(s) => format!("the string {s:?}"),
        Value::Array(_) => "a list".into(),
        Value::Object(_) => "an object".into(),
    }
}

/// 5.0 → "5"; 2.5 → "2.5".
fn show(number: f64) -> String {
    if number.fract() == 0.0 && number.abs() < 1e15 {
        format!("{}", number as i64)
    } else {
        number.to_string()
    }
}

/// Text typed at a terminal (`--field replicas=5`) as the declared type; what
/// does not parse stays text, so the workflow's refusal names the problem.
pub fn coerce(spec: Option<&FieldSpec>, text: &str) -> Value {
    let Some(spec) = spec else {
        return Value::String(text.to_string());
    };
    let parsed = match spec.kind {
        FieldType::Integer => text.trim().parse::<i64>().ok().map(Value::from),
        FieldType::Number => text
            .trim()
            .parse::<f64>()
            .ok()
            .and_then(Number::from_f64)
            .map(Value::Number),
        FieldType::Boolean => match text.trim().to_ascii_lowercase().as_str() {
            "true" | "yes" | "y" => Some(Value::Bool(true)),
            "false" | "no" | "n" => Some(Value::Bool(false)),
            _ => None,
        },
        FieldType::List => Some(Value::Array(
            text.split(',')
                .map(str::trim)
                .filter(|item| !item.is_empty())
                .map(|item| Value::String(item.to_string()))
                .collect(),
        )),
        FieldType::String | FieldType::Choice => None,
    };
    parsed.unwrap_or_else(|| Value::String(text.to_string()))
}

/// The problem with a declaration, if any: what `pipelines validate` says.
pub fn declaration_problem(spec: &FieldSpec) -> Option<(&'static str, String)> {
    use FieldType::*;
    let numeric = matches!(spec.kind, Integer | Number | List);
    if (spec.min.is_some() || spec.max.is_some()) && !numeric {
        return Some((
            "min",
            format!("`min` and `max` have no meaning for a {} field", spec.kind),
        ));
    }
    if let (Some(min), Some(max)) = (&spec.min, &spec.max)
        && min.as_f64() > max.as_f64()
    {
        return Some(("min", format!("`min = {min}` is above `max = {max}`")));
    }
    if spec.kind == Choice && spec.choices.is_empty() {
        return Some(("choices", "a choice field needs `choices = [...]`".into()));
    }
    if !spec.choices.is_empty() && !matches!(spec.kind, Choice | List) {
        return Some((
            "choices",
            format!("`choices` has no meaning for a {} field", spec.kind),
        ));
    }
    if let Some(pattern) = &spec.pattern {
        if !matches!(spec.kind, String | List) {
            return Some((
                "pattern",
                format!("`pattern` has no meaning for a {} field", spec.kind),
            ));
        }
        if regex::Regex::new(pattern).is_err() {
            return Some((
                "pattern",
                format!("{pattern:?} is not a valid regular expression"),
            ));
        }
    }
    let default = spec.default.as_ref()?;
    check_value(spec, default)
        .err()
        .map(|rule| ("default", format!("the default does not fit: {rule}")))
}

/// The first field declared with a type that is none of `FieldType`'s, in
/// a TOML spec that did not parse: where it is and what the types are.
pub fn unknown_type(text: &str) -> Option<super::SpecError> {
    let table: toml::Table = toml::from_str(text).ok()?;
    let steps = table.get("steps")?.as_array()?;
    for (index, step) in steps.iter().enumerate() {
        for form in ["fields", "reject_fields"] {
            let Some(declared) = step.get(form).and_then(toml::Value::as_table) else {
                continue;
            };
            for (name, field) in declared {
                let Some(kind) = field.get("type").and_then(toml::Value::as_str) else {
                    continue;
                };
                let known = serde_json::from_value::<FieldType>(Value::String(kind.into()));
                if known.is_err() {
                    let path = super::SpecPath::root().key("steps").index(index);
                    return Some(super::SpecError {
                        path: path.key(form).key(name).key("type"),
                        location: None,
                        message: format!(
                            "step `{}`: field `{name}`: unknown type `{kind}` (string, integer, number, boolean, choice or list)",
                            step.get("id").and_then(toml::Value::as_str).unwrap_or("?")
                        ),
                    });
                }
            }
        }
    }
    None
}

#[cfg(test)]
#[path = "fields_tests.rs"]
mod tests;
