//! A gate's form from the client's side: the values `--field` and
//! `--fields-json` give (their shape checked before anything connects),
//! typed as the open gate declares them, the missing ones asked for on a
//! terminal (`ask`), and the form in words (`show`). The rules are the
//! workflow's (`pipeline::fields::check_form`): a value orca cannot type is
//! sent as text, and the gate's refusal names the field and the rule.

mod ask;
pub mod show;

use std::collections::{BTreeMap, HashSet};

use serde_json::{Map, Value};

use crate::{
    Error, Result,
    cli::args::FieldArgs,
    client::{Orca, QUERY_DEADLINE},
    engine::status::{Phase, VoteKind},
    ops::json_arg::{JsonFlag, read_object},
    pipeline::fields::{FieldSpec, coerce},
};

/// A gate's form: its fields by name.
pub type Form = BTreeMap<String, FieldSpec>;

/// How `--fields-json` is named in errors.
const FIELDS_JSON: JsonFlag = JsonFlag {
    flag: "--fields-json",
    file: "--fields-json file",
};

/// What `--field` and `--fields-json` gave, before the gate's form is known.
#[derive(Debug, Clone, Default)]
pub struct Given {
    /// `--field NAME=VALUE`, as typed.
    texts: Vec<(String, String)>,
    /// `--fields-json`, sent as given.
    json: Map<String, Value>,
}

impl Given {
    /// The flags' values; a malformed one, or a field given twice, is a
    /// usage error (exit 2) before anything is sent.
    pub fn parse(args: &FieldArgs) -> Result<Given> {
        let json = match &args.fields_json {
            None => Map::new(),
            Some(arg) => read_object(FIELDS_JSON, arg)?,
        };
        let mut seen = HashSet::new();
        let mut texts = Vec::new();
        for pair in &args.fields {
            let Some((name, value)) = pair.split_once('=') else {
                return Err(Error::usage_with_hint(
                    format!("--field `{pair}` must look like NAME=VALUE"),
                    "for values of any JSON type use --fields-json '{\"replicas\": 5}'",
                ));
            };
            let name = name.trim();
            if name.is_empty() {
                return Err(Error::usage(format!(
                    "--field `{pair}` has no name before `=`"
                )));
            }
            if !seen.insert(name.to_string()) {
                return Err(Error::usage(format!("--field `{name}` is given twice")));
            }
            if json.contains_key(name) {
                return Err(Error::usage(format!(
                    "field `{name}` is given by both --field and --fields-json"
                )));
            }
            texts.push((name.to_string(), value.to_string()));
        }
        Ok(Given { texts, json })
    }

    /// The fields to send: `--fields-json` as given, and each `--field`
    /// typed as `form` declares it (as text where it declares no such
    /// field, or no form is known).
    fn typed(&self, form: Option<&Form>) -> Map<String, Value> {
        let mut fields = self.json.clone();
        for (name, text) in &self.texts {
            let spec = form.and_then(|form| form.get(name));
            fields.insert(name.clone(), coerce(spec, text));
        }
        fields
    }
}

/// The fields of a decision (`kind`) at the gate run `id` waits at: given,
/// typed by the gate's form, and with `ask` (on a terminal, not `--yes`)
/// the missing ones asked for. The run's status is fetched only when a
/// value needs typing or questions may be asked. Backing out of a question
/// cancels the command (`Error::Cancelled`).
pub async fn fill(
    orca: &Orca,
    id: &str,
    kind: VoteKind,
    given: &Given,
    ask: bool,
) -> Result<Map<String, Value>> {
    if given.texts.is_empty() && !ask {
        return Ok(given.typed(None));
    }
    let form = open_form(orca, id, kind).await?;
    let mut fields = given.typed(form.as_ref());
    if ask && let Some(form) = &form {
        ask::missing(form, &mut fields)?;
    }
    Ok(fields)
}

/// The form a decision (`kind`) fills in at the gate run `id` waits at:
/// approve's `fields`, reject's `reject_fields`. `None` when no worker
/// answers in time or no gate is open; the values are then sent as given
/// and the workflow judges them.
async fn open_form(orca: &Orca, id: &str, kind: VoteKind) -> Result<Option<Form>> {
    let Some(status) = orca.query_status(id, QUERY_DEADLINE).await? else {
        return Ok(None);
    };
    Ok(status
        .approval
        .filter(|gate| status.phase == Phase::AwaitingApproval && !gate.is_closed())
        .map(|gate| match kind {
            VoteKind::Approve => gate.fields,
            VoteKind::Reject => gate.reject_fields,
        }))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn given(fields: &[&str], json: Option<&str>) -> Result<Given> {
        Given::parse(&FieldArgs {
            fields: fields.iter().map(|f| f.to_string()).collect(),
            fields_json: json.map(str::to_string),
        })
    }

    #[test]
    fn field_values_are_typed_by_the_form_and_json_is_sent_as_given() {
        let form: Form = serde_json::from_value(serde_json::json!({
            "replicas": {"type": "integer"},
            "hosts": {"type": "list"},
        }))
        .unwrap();
        let given = given(
            &["replicas=5", "hosts=a, b", "other=7"],
            Some(r#"{"note": "7"}"#),
        )
        .unwrap();
        let typed = Value::Object(given.typed(Some(&form)));
        assert_eq!(
            typed,
            serde_json::json!({"note": "7", "replicas": 5, "hosts": ["a", "b"], "other": "7"})
        );
        // No form known (no worker answered): text stays text.
        assert_eq!(given.typed(None)["replicas"], "5");
    }

    #[test]
    fn malformed_fields_are_usage_errors() {
        let message = |r: Result<Given>| r.unwrap_err().to_string();
        assert!(message(given(&["replicas"], None)).contains("must look like NAME=VALUE"));
        assert!(message(given(&["=5"], None)).contains("has no name"));
        assert!(message(given(&["a=1", "a=2"], None)).contains("given twice"));
        assert!(message(given(&["a=1"], Some(r#"{"a": 1}"#))).contains("both --field"));
        assert!(message(given(&[], Some("[1]"))).contains("must be a JSON object, not an array"));
        assert!(message(given(&[], Some("{"))).contains("--fields-json is not valid JSON"));
    }
}
