//! `orca start PIPELINE`: start a run, print its ID, optionally wait for the end.

use std::{path::Path, time::Duration};

use clap::Args;
use serde_json::{Map, Value, json};

use crate::{
    Error, Result,
    cli::parse_duration,
    client::{Orca, RunEnd},
    config::Settings,
    engine::status::RunRequest,
    output::Printer,
    pipeline::{self, InputError, PipelineSpec},
};

#[derive(Debug, Clone, Args)]
pub struct StartArgs {
    /// A built-in pipeline (`orca pipelines list`), a name the worker knows,
    /// or a path to a .toml file (sent inline, validated here first)
    #[arg(required_unless_present = "workflow_type", value_parser = PipelineName)]
    pub pipeline: Option<String>,

    /// An input as NAME=VALUE (a string); repeatable
    #[arg(short, long = "input", value_name = "NAME=VALUE")]
    pub inputs: Vec<String>,

    /// Inputs as a JSON object, for typed values: '{"count": 3}'; @FILE reads
    /// it from a file, - from stdin
    #[arg(long, value_name = "JSON")]
    pub input_json: Option<String>,

    /// Workflow ID of the run [default: PIPELINE-<random>]
    #[arg(long)]
    pub id: Option<String>,

    /// Wait for the run to end; exit 0 completed, 3 rejected/denied/stopped, 4 failed
    #[arg(long, conflicts_with = "follow")]
    pub wait: bool,

    /// Follow the run live (as `orca watch`) and exit with its outcome
    #[arg(long)]
    pub follow: bool,

    /// With --wait or --follow: stop waiting after this long (exit 8, the run goes on)
    #[arg(long, value_name = "DURATION", value_parser = parse_duration)]
    pub timeout: Option<Duration>,

    /// The run fails (exit 4) if it has not ended after this long [default: no limit]
    #[arg(
        long,
        value_name = "DURATION",
        env = "TEMPORAL_WORKFLOW_EXECUTION_TIMEOUT",
        value_parser = crate::cli::parse_duration_or_seconds
    )]
    pub execution_timeout: Option<Duration>,

    /// Start a workflow that is not orca's, by type (a migration from another
    /// worker); its arguments come from --args-json
    #[arg(long = "type", value_name = "WORKFLOW_TYPE", conflicts_with_all = ["pipeline", "inputs", "input_json"])]
    pub workflow_type: Option<String>,

    /// With --type: one workflow argument as JSON; repeatable
    #[arg(long = "args-json", value_name = "JSON", requires = "workflow_type")]
    pub args_json: Vec<String>,
}

/// Pipeline names: anything is accepted (a file, a worker's name), but the
/// built-ins are offered by shell completion.
#[derive(Debug, Clone, Copy)]
struct PipelineName;

impl clap::builder::TypedValueParser for PipelineName {
    type Value = String;

    fn parse_ref(
        &self,
        _cmd: &clap::Command,
        _arg: Option<&clap::Arg>,
        value: &std::ffi::OsStr,
    ) -> std::result::Result<String, clap::Error> {
        Ok(value.to_string_lossy().into_owned())
    }

    fn possible_values(
        &self,
    ) -> Option<Box<dyn Iterator<Item = clap::builder::PossibleValue> + '_>> {
        Some(Box::new(
            pipeline::BUILTINS
                .iter()
                .map(|(name, _)| clap::builder::PossibleValue::new(*name)),
        ))
    }
}

pub async fn run(args: StartArgs, settings: Settings, printer: &Printer) -> Result<()> {
    if args.timeout.is_some() && !args.wait && !args.follow {
        return Err(Error::usage("--timeout needs --wait or --follow"));
    }
    let (request, name) = match &args.workflow_type {
        Some(workflow_type) => {
            let values = args
                .args_json
                .iter()
                .map(|text| {
                    serde_json::from_str::<Value>(text).map_err(|e| {
                        Error::usage(format!("--args-json {text:?} is not valid JSON: {e}"))
                    })
                })
                .collect::<Result<Vec<_>>>()?;
            (
                Launch::Foreign(workflow_type.clone(), values),
                workflow_type.clone(),
            )
        }
        None => {
            let pipeline = args.pipeline.clone().unwrap_or_default();
            let input = parse_inputs(&args.inputs, args.input_json.as_deref())?;
            let (pipeline_ref, name) = pipeline_ref(&pipeline, &input)?;
            let request = RunRequest {
                pipeline: pipeline_ref,
                input,
                requested_by: Some(settings.identity.clone()),
            };
            check_size(&request)?;
            (Launch::Pipeline(request), name)
        }
    };
    let orca = Orca::connect(settings).await?;
    let id = args.id.clone().unwrap_or_else(|| new_run_id(&name));
    let started = match request {
        Launch::Pipeline(request) => {
            orca.start(&id, &name, &request, args.execution_timeout)
                .await?
        }
        Launch::Foreign(workflow_type, values) => {
            orca.start_foreign(&id, &workflow_type, &values, args.execution_timeout)
                .await?
        }
    };

    if args.follow {
        return crate::commands::watch::follow(&orca, &id, printer, args.timeout).await;
    }
    if !args.wait {
        printer.emit(&started, |p| {
            p.line(&started.workflow_id);
            if p.stdout_is_tty() {
                eprintln!("{}", p.dim(&format!("follow it: orca watch {id}")));
            }
        });
        return Ok(());
    }

    if printer.is_text() {
        printer.line(&started.workflow_id);
    }
    let end = orca.wait(&id, args.timeout).await?;
    print_end(printer, &id, &started, &end);
    end.into_result(&id)
}

/// Temporal refuses payloads over 2 MB; say so before trying, in words.
const PAYLOAD_LIMIT: usize = 2 * 1024 * 1024;

fn check_size(request: &RunRequest) -> Result<()> {
    let size = serde_json::to_vec(request).map(|v| v.len()).unwrap_or(0);
    if size > PAYLOAD_LIMIT {
        return Err(Error::usage_with_hint(
            format!(
                "the run's input is {size} bytes; Temporal accepts at most {PAYLOAD_LIMIT} bytes per payload"
            ),
            "pass a reference (a path or URL) instead of the data itself",
        ));
    }
    Ok(())
}

enum Launch {
    Pipeline(RunRequest),
    Foreign(String, Vec<Value>),
}

/// The final report of a waited run.
pub fn print_end(printer: &Printer, id: &str, started: &crate::client::StartedRun, end: &RunEnd) {
    if printer.is_text() {
        match end {
            RunEnd::Completed(result) => {
                let mut line = format!("{id}: {}", printer.phase(&result.outcome.to_string()));
                if let Some(detail) = &result.detail {
                    line.push_str(&format!(" ({detail})"));
                }
                printer.line(&line);
                for (step, output) in &result.steps {
                    printer.line(&format!("  {step}: {}", compact(output)));
                }
            }
            RunEnd::Foreign(result) => {
                printer.line(&format!("{id}: {}", printer.phase("completed")));
                printer.line(&format!("  result: {}", compact(result)));
            }
            RunEnd::Failed { status, message } => {
                printer.line(&format!(
                    "{id}: {}{}",
                    printer.phase(&status.replace(' ', "_")),
                    message
                        .as_deref()
                        .map(|m| format!(" ({m})"))
                        .unwrap_or_default()
                ));
            }
        }
    } else {
        let mut report = json!({
            "workflow_id": started.workflow_id,
            "run_id": started.run_id,
        });
        if let (Some(map), Value::Object(end)) = (report.as_object_mut(), end.to_json()) {
            map.extend(end);
        }
        printer.json(&report);
    }
}

fn compact(value: &Value) -> String {
    let text = serde_json::to_string(value).unwrap_or_default();
    if text.chars().count() > 200 {
        format!("{}…", text.chars().take(200).collect::<String>())
    } else {
        text
    }
}

/// `--input a=b` (strings) merged over `--input-json '{…}'`.
pub fn parse_inputs(pairs: &[String], json_text: Option<&str>) -> Result<Map<String, Value>> {
    // `@FILE` reads the JSON from a file, `-` from stdin (for inputs too
    // big for a command line).
    let loaded;
    let json_text = match json_text {
        Some("-") => {
            let mut text = String::new();
            std::io::Read::read_to_string(&mut std::io::stdin(), &mut text)
                .map_err(|e| Error::usage(format!("--input-json -: cannot read stdin: {e}")))?;
            loaded = text;
            Some(loaded.as_str())
        }
        Some(text) if text.starts_with('@') => {
            let path = &text[1..];
            loaded = std::fs::read_to_string(path).map_err(|e| {
                Error::usage(format!("--input-json {text}: cannot read {path}: {e}"))
            })?;
            Some(loaded.as_str())
        }
        other => other,
    };
    let mut input = match json_text {
        None => Map::new(),
        Some(text) => match serde_json::from_str::<Value>(text) {
            Ok(Value::Object(map)) => map,
            Ok(other) => {
                return Err(Error::usage(format!(
                    "--input-json must be a JSON object, not {}",
                    json_kind(&other)
                )));
            }
            Err(e) => return Err(Error::usage(format!("--input-json is not valid JSON: {e}"))),
        },
    };
    for pair in pairs {
        let Some((name, value)) = pair.split_once('=') else {
            return Err(Error::usage_with_hint(
                format!("--input `{pair}` must look like NAME=VALUE"),
                "for typed values use --input-json '{\"count\": 3}'",
            ));
        };
        let name = name.trim();
        if name.is_empty() {
            return Err(Error::usage(format!(
                "--input `{pair}` has no name before `=`"
            )));
        }
        input.insert(name.to_string(), Value::String(value.to_string()));
    }
    Ok(input)
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

/// What goes into the workflow's `pipeline` field, and the pipeline's name.
/// Files are parsed and validated here and sent inline; built-ins are checked
/// here (inputs) and sent by name; other names are left to the worker.
fn pipeline_ref(arg: &str, input: &Map<String, Value>) -> Result<(Value, String)> {
    let looks_like_file = arg.ends_with(".toml") || arg.contains('/');
    if looks_like_file {
        let spec = pipeline::load_file(Path::new(arg)).map_err(|e| match e {
            pipeline::LoadError::Io(source) => {
                Error::usage(format!("cannot read pipeline file {arg}: {source}"))
            }
            pipeline::LoadError::Spec(e) => Error::InvalidSpec {
                message: e.to_string(),
            },
        })?;
        check_inputs(&spec, input)?;
        let inline = serde_json::to_value(&spec).map_err(|e| Error::Unexpected(e.into()))?;
        return Ok((inline, spec.name));
    }
    if let Some(spec) = pipeline::builtin(arg) {
        check_inputs(&spec, input)?;
    }
    Ok((Value::String(arg.to_string()), arg.to_string()))
}

fn check_inputs(spec: &PipelineSpec, input: &Map<String, Value>) -> Result<()> {
    pipeline::resolve_inputs(spec, input)
        .map(drop)
        .map_err(|e| match e {
            InputError::Missing { name } => Error::MissingInput {
                pipeline: spec.name.clone(),
                input: name,
            },
            unknown @ InputError::Unknown { .. } => Error::usage_with_hint(
                format!("pipeline `{}`: {unknown}", spec.name),
                format!("see its inputs: orca pipelines show {}", spec.name),
            ),
        })
}

/// `sample-3f9c2a71`: the pipeline name and 8 hex digits that differ per call.
fn new_run_id(pipeline: &str) -> String {
    use std::hash::{BuildHasher, Hasher};
    let mut hasher = std::collections::hash_map::RandomState::new().build_hasher();
    hasher.write_u128(
        std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map(|d| d.as_nanos())
            .unwrap_or_default(),
    );
    hasher.write_u32(std::process::id());
    let slug: String = pipeline
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || c == '-' {
                c
            } else {
                '-'
            }
        })
        .collect();
    format!("{slug}-{:08x}", hasher.finish() as u32)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn inputs_parse_and_refuse_garbage() {
        let parsed = parse_inputs(&["task=a=b".into()], Some(r#"{"n": 3, "task": "x"}"#)).unwrap();
        assert_eq!(parsed["task"], "a=b");
        assert_eq!(parsed["n"], 3);
        assert!(parse_inputs(&["task".into()], None).is_err());
        assert!(parse_inputs(&["=x".into()], None).is_err());
        assert!(parse_inputs(&[], Some("[1]")).is_err());
        assert!(parse_inputs(&[], Some("{")).is_err());
    }

    #[test]
    fn run_ids_differ() {
        assert_ne!(new_run_id("sample"), new_run_id("sample"));
        assert!(new_run_id("my pipe").starts_with("my-pipe-"));
    }
}
