//! Starting a run: the request built and checked here (inputs, size, the
//! pipeline's name) before anything reaches the server, and a name only a
//! worker knows confirmed by the worker's own resolution.

use std::{
    path::Path,
    time::{Duration, Instant},
};

use serde_json::{Map, Value};

use crate::{
    Error, Result,
    cli::args::InputArgs,
    client::{FailureKind, IdReuse, Orca, RunEnd, StartedRun, start_one},
    engine::status::{RefusalKind, RunRequest},
    ops::json_arg::JsonFlag,
    pipeline::{self, InputError, PipelineSpec},
};

/// Temporal refuses payloads over 2 MB; say so before trying, in words.
const PAYLOAD_LIMIT: usize = 2 * 1024 * 1024;
/// How long `start` waits for a worker to resolve a name it does not know.
const RESOLVE_WAIT: Duration = Duration::from_secs(15);
/// How long a worker may take to poll for the first time once started.
const FRESH_WORKER: Duration = Duration::from_secs(3);

/// A run request ready to send, and what is known of its pipeline here.
pub struct Prepared {
    pub request: RunRequest,
    /// The pipeline's name (the run ID starts with it).
    pub name: String,
    /// Neither a built-in, a file nor in `--pipelines DIR`: only a worker
    /// can say whether it exists.
    pub worker_only: bool,
}

/// Builds and checks the request for `pipeline` (a built-in, a `.toml`
/// file sent inline, a name in `dir`, or a name left to the worker).
pub fn prepare(
    pipeline: &str,
    input: Map<String, Value>,
    requested_by: &str,
    dir: Option<&Path>,
) -> Result<Prepared> {
    let (reference, name, worker_only) = if pipeline::is_path(pipeline) {
        let spec = pipeline::load_file(Path::new(pipeline)).map_err(|e| match e {
            pipeline::LoadError::Io(source) => Error::LocalFile {
                what: "pipeline file",
                path: pipeline.into(),
                source,
            },
            pipeline::LoadError::Spec(e) => Error::InvalidSpec {
                message: e.to_string(),
            },
        })?;
        check_inputs(&spec, &input)?;
        let inline = serde_json::to_value(&spec).map_err(|e| Error::Unexpected(e.into()))?;
        (inline, spec.name, false)
    } else {
        let catalogue = super::pipelines::load_warning(dir)?;
        let worker_only = match catalogue.get(pipeline) {
            Some(spec) => {
                check_inputs(spec, &input)?;
                false
            }
            // A typo of a name known here is refused before any run
            // starts; any other name is left to the workers to resolve.
            None if !catalogue.typos(pipeline).is_empty() => {
                return Err(Error::UnknownPipeline {
                    name: pipeline.to_string(),
                    known: catalogue.names(),
                });
            }
            None => true,
        };
        let name = pipeline.to_string();
        (Value::String(name.clone()), name, worker_only)
    };
    let request = RunRequest {
        pipeline: reference,
        input,
        requested_by: Some(requested_by.to_string()),
        signed: None,
    };
    check_size(&request)?;
    Ok(Prepared {
        request,
        name,
        worker_only,
    })
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

/// What `start` sends: an orca run, or a workflow that is not orca's.
pub enum Launch {
    Pipeline(Prepared),
    Foreign {
        workflow_type: String,
        args: Vec<Value>,
    },
}

impl Launch {
    /// What the run is called (its default ID starts with it).
    pub fn name(&self) -> &str {
        match self {
            Launch::Pipeline(prepared) => &prepared.name,
            Launch::Foreign { workflow_type, .. } => workflow_type,
        }
    }

    /// Starts it (an ID used before only as `reuse` allows); for a name
    /// only a worker knows, until a worker resolved it. With no worker
    /// polling the task queue, says so on stderr.
    pub async fn start(
        &self,
        orca: &Orca,
        id: &str,
        execution_timeout: Option<Duration>,
        reuse: IdReuse,
    ) -> Result<StartedRun> {
        match self {
            Launch::Foreign {
                workflow_type,
                args,
            } => {
                let started = orca
                    .start_foreign(id, workflow_type, args, execution_timeout, reuse)
                    .await?;
                warn_if_unpolled(orca).await;
                Ok(started)
            }
            Launch::Pipeline(prepared) => {
                let started = orca
                    .start(
                        id,
                        &prepared.name,
                        &prepared.request,
                        execution_timeout,
                        reuse,
                    )
                    .await?;
                // A name only a worker knows, an inline spec a worker may
                // refuse, a signature it checks: wait for its word, when
                // there is a worker to give it.
                let asks_a_worker = prepared.worker_only
                    || prepared.request.pipeline.is_object()
                    || prepared.request.signed.is_some();
                let unpolled = warn_if_unpolled(orca).await;
                if asks_a_worker {
                    await_resolution(orca, id, &prepared.name, unpolled).await?;
                }
                Ok(started)
            }
        }
    }
}

/// A run on a task queue no worker polls waits until one does: says so,
/// once, on stderr (stdout keeps only the ID), and returns whether it did.
/// Best effort: a server that does not describe its queues to this client
/// (a permission) leaves it unsaid.
async fn warn_if_unpolled(orca: &Orca) -> bool {
    let queue = &orca.settings.task_queue;
    let unpolled = orca.nobody_polls(queue).await;
    if unpolled {
        eprintln!(
            "warning: no worker polls task queue `{queue}`: the run waits until one does (start one: {})",
            start_one(queue, None, None)
        );
    }
    unpolled
}

/// How `--input-json` is named in errors.
const INPUT_JSON: JsonFlag = JsonFlag {
    flag: "--input-json",
    file: "--input-json file",
};

/// A run's inputs: `--input a=b` (strings) over `--input-json` (typed;
/// `@FILE` reads a file, `-` stdin). A name given twice is an error.
pub fn parse_inputs(args: &InputArgs) -> Result<Map<String, Value>> {
    let mut input = match &args.input_json {
        None => Map::new(),
        Some(text) => super::json_arg::read_object(INPUT_JSON, text)?,
    };
    let mut given = std::collections::HashSet::new();
    for pair in &args.inputs {
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
        if !given.insert(name.to_string()) {
            return Err(Error::usage(format!("--input `{name}` is given twice")));
        }
        input.insert(name.to_string(), Value::String(value.to_string()));
    }
    Ok(input)
}

/// For a name only a worker knows: waits until a worker has resolved it
/// (the run's first activity). An unknown name is exit 2 with the
/// worker's list; with no worker to ask in time, a warning, and the run
/// waits for one.
async fn await_resolution(orca: &Orca, id: &str, name: &str, unpolled: bool) -> Result<()> {
    let started = Instant::now();
    let queue = &orca.settings.task_queue;
    loop {
        // Describe and the status query at once, as every look at a run.
        let view = super::run::view(orca, id).await?;
        if !view.is_running() {
            return match orca.wait(id, None).await? {
                RunEnd::Failed {
                    kind: Some(kind),
                    message,
                    ..
                } => Err(refused_by_the_worker(id, name, kind, message)),
                // It resolved and ended (or failed later): `start` is done.
                _ => Ok(()),
            };
        }
        if !view.steps.is_empty() {
            return Ok(());
        }
        // Said already that no worker polls: a worker that was just
        // starting (`orca dev &`) gets a moment to show up, not the whole
        // wait, since the server only knows a worker once it has polled.
        if unpolled && started.elapsed() > FRESH_WORKER && orca.nobody_polls(queue).await {
            return Ok(());
        }
        if started.elapsed() > RESOLVE_WAIT {
            eprintln!(
                "warning: no worker on task queue `{}` has resolved pipeline `{name}` yet; the run waits for one that knows it",
                orca.settings.task_queue
            );
            return Ok(());
        }
        tokio::time::sleep(Duration::from_millis(250)).await;
    }
}

/// What the worker's resolution refused, as `start` reports it: exit 2,
/// as if it had been checked here.
fn refused_by_the_worker(
    id: &str,
    name: &str,
    kind: FailureKind,
    message: Option<String>,
) -> Error {
    let message = message.unwrap_or_default();
    match kind {
        FailureKind::UnknownPipeline { known } => Error::UnknownPipeline {
            name: name.to_string(),
            known,
        },
        FailureKind::InvalidSpec => Error::InvalidSpec { message },
        FailureKind::InvalidInput => Error::usage(message),
        FailureKind::InlineDenied => Error::usage_with_hint(
            message,
            "ask the worker's operator to add the file to its --pipelines DIR",
        ),
        FailureKind::BadSignature => Error::Refused {
            id: id.to_string(),
            kind: Some(RefusalKind::BadSignature),
            reason: message,
        },
    }
}

/// `sample-3f9c2a71`: the pipeline name and 8 hex digits that differ per call.
pub fn new_run_id(pipeline: &str) -> String {
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

    fn inputs(pairs: &[&str], json: Option<&str>) -> Result<Map<String, Value>> {
        parse_inputs(&InputArgs {
            inputs: pairs.iter().map(|p| p.to_string()).collect(),
            input_json: json.map(str::to_string),
        })
    }

    #[test]
    fn inputs_parse_with_strings_over_json() {
        let parsed = inputs(&["task=a=b"], Some(r#"{"n": 3, "task": "x"}"#)).unwrap();
        assert_eq!(parsed["task"], "a=b");
        assert_eq!(parsed["n"], 3);
    }

    #[test]
    fn malformed_inputs_are_refused() {
        assert!(inputs(&["task"], None).is_err());
        assert!(inputs(&["=x"], None).is_err());
        assert!(inputs(&[], Some("[1]")).is_err());
        assert!(inputs(&[], Some("{")).is_err());
    }

    #[test]
    fn an_input_given_twice_is_refused() {
        let err = inputs(&["task=a", "task=b"], None).unwrap_err();
        assert!(err.to_string().contains("given twice"), "{err}");
    }

    #[test]
    fn run_ids_differ() {
        assert_ne!(new_run_id("sample"), new_run_id("sample"));
        assert!(new_run_id("my pipe").starts_with("my-pipe-"));
    }

    #[test]
    fn a_built_in_is_checked_here() {
        let err = prepare("sample", Map::new(), "me", None).err().unwrap();
        assert!(matches!(err, Error::MissingInput { .. }), "{err}");
    }

    #[test]
    fn a_typo_of_a_known_name_is_refused_here() {
        let err = prepare("sampel", Map::new(), "me", None).err().unwrap();
        assert!(matches!(err, Error::UnknownPipeline { .. }), "{err}");
    }

    #[test]
    fn a_name_extending_a_built_in_is_left_to_the_worker() {
        let prepared = prepare("sample-v2", Map::new(), "me", None).unwrap();
        assert!(prepared.worker_only);
    }

    #[test]
    fn a_name_no_catalogue_here_knows_is_left_to_the_worker() {
        let prepared = prepare("their-pipeline", Map::new(), "me", None).unwrap();
        assert!(prepared.worker_only);
        assert_eq!(
            prepared.request.pipeline,
            Value::String("their-pipeline".into())
        );
    }
}
