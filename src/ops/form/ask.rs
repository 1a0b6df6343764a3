//! Asking for a form's fields on a terminal, one question per field the
//! person did not give: a choice is picked from its choices, a boolean
//! confirmed, anything else typed and checked as the workflow will check
//! it, so a typo is caught while the question is still open. Defaults are
//! taken on Enter; a field that is neither required nor defaulted may be
//! left empty.

use serde_json::{Map, Value};

use super::{Form, show};
use crate::{
    Result,
    pipeline::fields::{FieldSpec, FieldType, check_value, coerce},
    prompt,
};

/// What a person made of one question.
enum Answer {
    Value(Value),
    /// Left empty: the field is not sent.
    Empty,
}

/// The item that leaves an optional field empty in a pick list.
const LEAVE_EMPTY: &str = "(leave empty)";

/// Asks for each field of `form` that `fields` lacks, in the form's order
/// (Esc or Ctrl-C cancel the command: nothing is decided).
pub(super) fn missing(form: &Form, fields: &mut Map<String, Value>) -> Result<()> {
    for (name, spec) in form {
        if fields.contains_key(name) {
            continue;
        }
        match ask(name, spec)? {
            Answer::Value(value) => {
                fields.insert(name.clone(), value);
            }
            Answer::Empty => {}
        }
    }
    Ok(())
}

fn ask(name: &str, spec: &FieldSpec) -> Result<Answer> {
    let question = show::field(name, spec);
    // Required or defaulted fields always get a value; others may stay empty.
    let optional = !spec.required && spec.default.is_none();
    match spec.kind {
        FieldType::Choice => pick(&question, spec.choices.clone(), spec, optional),
        FieldType::Boolean if optional => {
            let items = vec!["yes".to_string(), "no".to_string()];
            let answer = pick(&question, items, spec, optional)?;
            Ok(match answer {
                Answer::Value(word) => Answer::Value(Value::Bool(word == "yes")),
                other => other,
            })
        }
        FieldType::Boolean => {
            let default = spec.default.as_ref().and_then(Value::as_bool);
            Ok(Answer::Value(Value::Bool(prompt::yes_no(
                &question, default,
            )?)))
        }
        FieldType::String | FieldType::Integer | FieldType::Number | FieldType::List => {
            typed(&question, spec, optional)
        }
    }
}

/// One of `items` (plus "leave empty" when `optional`), starting at the default.
fn pick(
    question: &str,
    mut items: Vec<String>,
    spec: &FieldSpec,
    optional: bool,
) -> Result<Answer> {
    let given = items.len();
    let default = spec
        .default
        .as_ref()
        .and_then(|d| items.iter().position(|item| *item == show::value(d)))
        .unwrap_or(0);
    if optional {
        items.push(LEAVE_EMPTY.to_string());
    }
    Ok(match prompt::select_from(question, &items, default)? {
        i if i >= given => Answer::Empty,
        i => Answer::Value(Value::String(items.swap_remove(i))),
    })
}

/// Text typed as the field's type and checked against its declaration.
fn typed(question: &str, spec: &FieldSpec, optional: bool) -> Result<Answer> {
    let default = spec.default.as_ref().map(show::value);
    let text = prompt::checked_text(question, default, |text| {
        if text.trim().is_empty() {
            return match optional {
                true => Ok(()),
                false => Err("required".to_string()),
            };
        }
        check_value(spec, &coerce(Some(spec), text))
    })?;
    Ok(match text.trim().is_empty() {
        true => Answer::Empty,
        false => Answer::Value(coerce(Some(spec), &text)),
    })
}
