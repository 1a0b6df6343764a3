//! A JSON object given on the command line (`--input-json`, `--fields-json`):
//! inline, from a file (`@FILE`), or from stdin (`-`), for values too big or
//! too awkward to quote on a command line. Each flag reads it the same way
//! and says which flag was wrong.

use serde_json::{Map, Value};

use crate::{Error, Result};

/// A flag the argument came from, and what its file is called in errors.
#[derive(Debug, Clone, Copy)]
pub struct JsonFlag {
    /// `--input-json`.
    pub flag: &'static str,
    /// `--input-json file`.
    pub file: &'static str,
}

/// The JSON object `arg` holds or names (exit 2 when it is not one).
pub fn read_object(flag: JsonFlag, arg: &str) -> Result<Map<String, Value>> {
    match serde_json::from_str::<Value>(&read_text(flag, arg)?) {
        Ok(Value::Object(map)) => Ok(map),
        Ok(other) => Err(Error::usage(format!(
            "{} must be a JSON object, not {}",
            flag.flag,
            json_kind(&other)
        ))),
        Err(e) => Err(Error::usage(format!(
            "{} is not valid JSON: {e}",
            flag.flag
        ))),
    }
}

/// The text of the argument: as given, from `@FILE`, or from stdin (`-`).
fn read_text(flag: JsonFlag, arg: &str) -> Result<String> {
    if arg == "-" {
        let mut text = String::new();
        std::io::Read::read_to_string(&mut std::io::stdin(), &mut text)
            .map_err(|e| Error::usage(format!("{} -: cannot read stdin: {e}", flag.flag)))?;
        return Ok(text);
    }
    match arg.strip_prefix('@') {
        Some(path) => std::fs::read_to_string(path).map_err(|source| Error::LocalFile {
            what: flag.file,
            path: path.into(),
            source,
        }),
        None => Ok(arg.to_string()),
    }
}

fn json_kind(value: &Value) -> &'static str {
    match value {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "an array",
        Value::Object(_) => "an object",
    }
}
