//! `orca start PIPELINE`: start a run, print its ID, optionally follow it
//! or wait for its end (`ops::start`, `ops::follow`).

use std::time::Duration;

use clap::Args;
use serde_json::Value;

use crate::{
    Error, Result,
    cli::{
        args::{ExecutionTimeoutArg, InputArgs, PipelinesDirArg, SigningArgs, run_id},
        parse_duration,
    },
    client::{IdReuse, Orca},
    config::Settings,
    ops::{
        follow::{await_outcome, watch},
        sign::sign_start,
        start::{Launch, new_run_id, parse_inputs, prepare},
    },
    output::Printer,
    pipeline,
};

#[derive(Debug, Clone, Args)]
pub struct StartArgs {
    /// A built-in pipeline (`orca pipelines list`), a name the worker knows,
    /// or a path to a .toml file (sent inline, validated here first)
    #[arg(required_unless_present = "workflow_type", value_parser = PipelineName)]
    pub pipeline: Option<String>,

    #[command(flatten)]
    pub input: InputArgs,

    /// Workflow ID of the run [default: PIPELINE-<random>]
    #[arg(long, value_parser = run_id)]
    pub id: Option<String>,

    /// With --id: whether an ID whose run has finished may start another
    /// run (`temporal workflow start --id-reuse-policy`'s names, its
    /// spelling accepted too); by default it is refused (exit 7)
    #[arg(
        long,
        value_enum,
        value_name = "POLICY",
        requires = "id",
        default_value_t
    )]
    pub id_reuse: IdReuse,

    /// Wait for the run to end; exit 0 completed, 3 rejected/denied/stopped, 4 failed
    #[arg(long, conflicts_with = "follow")]
    pub wait: bool,

    /// Follow the run live (as `orca watch`) and exit with its outcome
    #[arg(long)]
    pub follow: bool,

    /// With --wait or --follow: stop waiting after this long (exit 8, the run goes on)
    #[arg(long, value_name = "DURATION", value_parser = parse_duration)]
    pub timeout: Option<Duration>,

    #[command(flatten)]
    pub execution: ExecutionTimeoutArg,

    #[command(flatten)]
    pub pipelines: PipelinesDirArg,

    #[command(flatten)]
    pub signing: SigningArgs,

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
    // Everything that can be checked here is, before connecting.
    let mut launch = match &args.workflow_type {
        Some(workflow_type) => Launch::Foreign {
            workflow_type: workflow_type.clone(),
            args: args_json(&args.args_json)?,
        },
        None => Launch::Pipeline(prepare(
            args.pipeline.as_deref().unwrap_or_default(),
            parse_inputs(&args.input)?,
            &settings.identity,
            args.pipelines.pipelines.as_deref(),
        )?),
    };
    let id = args.id.clone().unwrap_or_else(|| new_run_id(launch.name()));
    if let (Launch::Pipeline(prepared), Some(key)) = (&mut launch, args.signing.key()) {
        sign_start(&mut prepared.request, &id, &key)?;
    }
    let orca = Orca::connect(settings).await?;
    let started = launch
        .start(
            &orca,
            &id,
            args.execution.execution_timeout.map(|t| t.0),
            args.id_reuse,
        )
        .await?;
    if args.follow {
        return watch(&orca, &started, printer, args.timeout).await;
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
    await_outcome(&orca, &started, printer, args.timeout).await
}

/// `--args-json`, each a JSON value.
fn args_json(texts: &[String]) -> Result<Vec<Value>> {
    texts
        .iter()
        .map(|text| {
            serde_json::from_str::<Value>(text)
                .map_err(|e| Error::usage(format!("--args-json {text:?} is not valid JSON: {e}")))
        })
        .collect()
}
