//! `orca schedule …`: Temporal Schedules that start pipelines every N
//! seconds, at fixed times or by cron, their lifecycle, and a declarative
//! `apply` from a file. Cron and calendars are evaluated by the server.
//! This file: the arguments, create/update/delete and the one-call verbs;
//! `view.rs`: list and describe; `apply.rs`: the declarative file.

mod apply;
mod view;

use std::{path::PathBuf, time::Duration};

use clap::{Args, Subcommand};
use serde_json::json;

use crate::{
    Error, Result,
    cli::{
        args::{ExecutionTimeoutArg, InputArgs, PipelinesDirArg, SigningArgs, Timeout},
        parse_duration,
    },
    client::Orca,
    config::Settings,
    ops::{pipelines::load_warning, schedules::check, sign::sign_schedule, start::parse_inputs},
    output::Printer,
    pipeline::spec::DurationSpec,
    prompt,
    schedule::{Overlap, ScheduleDef, definition_of},
};

#[derive(Debug, Clone, Subcommand)]
pub enum ScheduleCommand {
    /// Create a schedule that starts PIPELINE (exactly one of --every, --cron, --at)
    Create(CreateArgs),
    /// List schedules: spec in words, paused, next run, last result, skips
    List,
    /// Show a schedule: spec, state, next 5 runs, recent runs and their outcomes
    Describe(NameArg),
    /// Pause a schedule: no new runs start until unpaused
    Pause(NoteArgs),
    /// Unpause a schedule
    Unpause(NoteArgs),
    /// Start one run now
    Trigger(TriggerArgs),
    /// Change a schedule (any create flag; the others keep their values)
    Update(UpdateArgs),
    /// Delete a schedule (its runs are kept); asks first on a terminal
    Delete(DeleteArgs),
    /// Start the runs a schedule would have started between two times
    Backfill(BackfillArgs),
    /// Make the server's schedules match a file: plan, then apply
    Apply(ApplyArgs),
}

#[derive(Debug, Clone, Args)]
pub struct NameArg {
    /// Schedule name (its ID)
    pub name: String,
}

#[derive(Debug, Clone, Args)]
pub struct NoteArgs {
    pub name: String,
    /// Why (shown in describe)
    #[arg(long)]
    pub note: Option<String>,
}

#[derive(Debug, Clone, Args)]
pub struct TriggerArgs {
    pub name: String,
    /// What to do if a run of this schedule is still going [default: allow-all]
    #[arg(long, value_enum, default_value_t = Overlap::AllowAll)]
    pub overlap: Overlap,
}

#[derive(Debug, Clone, Args)]
pub struct DeleteArgs {
    pub name: String,
    /// Do not ask (needed when not on a terminal)
    #[arg(short, long)]
    pub yes: bool,
}

#[derive(Debug, Clone, Args)]
pub struct BackfillArgs {
    pub name: String,
    /// Start of the range (RFC 3339, e.g. 2026-11-20T00:00:00Z)
    #[arg(long, value_parser = parse_time)]
    pub start: std::time::SystemTime,
    /// End of the range (RFC 3339)
    #[arg(long, value_parser = parse_time)]
    pub end: std::time::SystemTime,
    #[arg(long, value_enum, default_value_t = Overlap::AllowAll)]
    pub overlap: Overlap,
}

#[derive(Debug, Clone, Args)]
pub struct ApplyArgs {
    /// A TOML file of [[schedules]] entries (see examples/schedules.toml)
    pub file: PathBuf,
    /// Print the plan only; change nothing
    #[arg(long)]
    pub dry_run: bool,
    /// Also delete orca-made schedules that the file does not list
    #[arg(long)]
    pub prune: bool,
    #[command(flatten)]
    pub pipelines: PipelinesDirArg,
    /// Sign the schedules created or updated: their runs name you as a verified requester
    #[command(flatten)]
    pub signing: SigningArgs,
}

/// When a schedule fires.
#[derive(Debug, Clone, Default, Args)]
pub struct SpecArgs {
    /// Every this long: 15s, 5m, 1h
    #[arg(long, value_name = "DURATION", value_parser = parse_duration)]
    pub every: Option<Duration>,
    /// With --every: shift each firing by this much
    #[arg(long, value_name = "DURATION", value_parser = parse_duration)]
    pub offset: Option<Duration>,
    /// A cron expression (5 fields, evaluated by the server); repeatable
    #[arg(long, value_name = "EXPR")]
    pub cron: Vec<String>,
    /// Daily at these times: HH:MM[,HH:MM…]
    #[arg(long, value_name = "HH:MM", value_delimiter = ',')]
    pub at: Vec<String>,
    /// Time zone of --cron and --at (IANA name) [default: UTC]
    #[arg(long, value_name = "ZONE")]
    pub tz: Option<String>,
}

/// Everything else a schedule has.
#[derive(Debug, Clone, Default, Args)]
pub struct OptionArgs {
    /// When a run is due while the last one still runs [default: skip]
    #[arg(long, value_enum)]
    pub overlap: Option<Overlap>,
    /// After an outage, start missed runs that are at most this late
    #[arg(long, value_name = "DURATION", value_parser = parse_duration)]
    pub catchup_window: Option<Duration>,
    /// Pause the schedule when a run fails
    #[arg(long)]
    pub pause_on_failure: bool,
    /// A note shown in describe
    #[arg(long)]
    pub note: Option<String>,
    /// Create it paused
    #[arg(long)]
    pub paused: bool,
    /// Workflow IDs of the runs start with this [default: the schedule name]
    #[arg(long, value_name = "PREFIX")]
    pub workflow_id_prefix: Option<String>,
    #[command(flatten)]
    pub execution: ExecutionTimeoutArg,
    #[command(flatten)]
    pub input: InputArgs,
    #[command(flatten)]
    pub pipelines: PipelinesDirArg,
    /// Sign the schedule: its runs name you as their verified requester
    #[command(flatten)]
    pub signing: SigningArgs,
}

#[derive(Debug, Clone, Args)]
pub struct CreateArgs {
    /// Schedule name (its ID)
    pub name: String,
    /// Pipeline each run starts
    pub pipeline: String,
    #[command(flatten)]
    pub spec: SpecArgs,
    #[command(flatten)]
    pub options: OptionArgs,
    /// Also start one run right away
    #[arg(long)]
    pub trigger_now: bool,
}

#[derive(Debug, Clone, Args)]
pub struct UpdateArgs {
    /// Schedule name (its ID)
    pub name: String,
    /// Start this pipeline instead
    #[arg(long)]
    pub pipeline: Option<String>,
    #[command(flatten)]
    pub spec: SpecArgs,
    #[command(flatten)]
    pub options: OptionArgs,
    /// Unpause it (the opposite of --paused)
    #[arg(long, conflicts_with = "paused")]
    pub active: bool,
    /// Stop pausing it when a run fails
    #[arg(long, conflicts_with = "pause_on_failure")]
    pub no_pause_on_failure: bool,
}

pub async fn run(command: ScheduleCommand, settings: Settings, printer: &Printer) -> Result<()> {
    match command {
        ScheduleCommand::Create(args) => create(args, settings, printer).await,
        ScheduleCommand::List => view::list(settings, printer).await,
        ScheduleCommand::Describe(args) => view::describe(args, settings, printer).await,
        ScheduleCommand::Pause(args) => {
            let orca = Orca::connect(settings).await?;
            orca.pause_schedule(&args.name, args.note.clone()).await?;
            done(printer, &args.name, "paused")
        }
        ScheduleCommand::Unpause(args) => {
            let orca = Orca::connect(settings).await?;
            orca.unpause_schedule(&args.name, args.note.clone()).await?;
            done(printer, &args.name, "unpaused")
        }
        ScheduleCommand::Trigger(args) => {
            let orca = Orca::connect(settings).await?;
            orca.trigger_schedule(&args.name, args.overlap).await?;
            done(printer, &args.name, "triggered")
        }
        ScheduleCommand::Update(args) => update(args, settings, printer).await,
        ScheduleCommand::Delete(args) => delete(args, settings, printer).await,
        ScheduleCommand::Backfill(args) => {
            if args.end <= args.start {
                return Err(Error::usage("--end must be after --start"));
            }
            let orca = Orca::connect(settings).await?;
            orca.backfill_schedule(&args.name, args.start, args.end, args.overlap)
                .await?;
            done(printer, &args.name, "backfilled")
        }
        ScheduleCommand::Apply(args) => apply::apply(args, settings, printer).await,
    }
}

fn done(printer: &Printer, name: &str, what: &str) -> Result<()> {
    printer.emit(&json!({"schedule": name, "result": what}), |p| {
        p.line(&format!("{what} schedule {name}"))
    });
    Ok(())
}

fn parse_time(text: &str) -> std::result::Result<std::time::SystemTime, String> {
    humantime::parse_rfc3339_weak(text)
        .map_err(|e| format!("`{text}` is not a time ({e}); write it like 2026-11-20T09:00:00Z"))
}

// ---- create / update

async fn create(args: CreateArgs, settings: Settings, printer: &Printer) -> Result<()> {
    let mut def = ScheduleDef::new(&args.name, &args.pipeline);
    apply_spec(&mut def, &args.spec, true);
    apply_options(&mut def, &args.options)?;
    check(
        &def,
        &load_warning(args.options.pipelines.pipelines.as_deref())?,
    )?;
    if let Some(key) = args.options.signing.key() {
        sign_schedule(&mut def, &settings.identity, &key)?;
    }
    let orca = Orca::connect(settings).await?;
    orca.create_schedule(&def, args.trigger_now).await?;
    printer.emit(
        &json!({"schedule": def.name, "result": "created", "definition": def}),
        |p| {
            p.line(&format!(
                "created schedule {}: {} runs {}",
                def.name,
                def.describe_spec(),
                def.pipeline
            ))
        },
    );
    Ok(())
}

async fn update(args: UpdateArgs, settings: Settings, printer: &Printer) -> Result<()> {
    let orca = Orca::connect(settings).await?;
    let current = orca.describe_schedule(&args.name).await?;
    let Some(mut def) = current.schedule.as_ref().and_then(definition_of) else {
        return Err(Error::usage_with_hint(
            format!(
                "schedule `{}` was not made by orca, so there is no definition to change",
                args.name
            ),
            "declare it in a file and use: orca schedule apply FILE",
        ));
    };
    let before = def.clone();
    if let Some(pipeline) = &args.pipeline {
        def.pipeline = pipeline.clone();
    }
    let replaces_spec =
        args.spec.every.is_some() || !args.spec.cron.is_empty() || !args.spec.at.is_empty();
    apply_spec(&mut def, &args.spec, replaces_spec);
    apply_options(&mut def, &args.options)?;
    if args.active {
        def.paused = false;
    }
    if args.no_pause_on_failure {
        def.pause_on_failure = false;
    }
    check(
        &def,
        &load_warning(args.options.pipelines.pipelines.as_deref())?,
    )?;
    if let Some(key) = args.options.signing.key() {
        sign_schedule(&mut def, &orca.settings.identity, &key)?;
    }
    orca.update_schedule(&def).await?;
    let changes = def.changes_from(&before);
    printer.emit(
        &json!({"schedule": def.name, "result": "updated", "changes": changes}),
        |p| {
            p.line(&format!("updated schedule {}", def.name));
            for change in &changes {
                p.line(&format!("  {change}"));
            }
        },
    );
    Ok(())
}

/// Spec flags onto a definition. `replace` clears the old kind of spec first.
fn apply_spec(def: &mut ScheduleDef, spec: &SpecArgs, replace: bool) {
    if replace {
        def.every = None;
        def.offset = None;
        def.cron.clear();
        def.at.clear();
    }
    if let Some(every) = spec.every {
        def.every = Some(DurationSpec(every));
    }
    if let Some(offset) = spec.offset {
        def.offset = Some(DurationSpec(offset));
    }
    def.cron.extend(spec.cron.iter().cloned());
    def.at.extend(spec.at.iter().map(|t| t.trim().to_string()));
    if let Some(tz) = &spec.tz {
        def.tz = tz.clone();
    }
}

fn apply_options(def: &mut ScheduleDef, options: &OptionArgs) -> Result<()> {
    if let Some(overlap) = options.overlap {
        def.overlap = overlap;
    }
    if let Some(window) = options.catchup_window {
        def.catchup_window = Some(DurationSpec(window));
    }
    if options.pause_on_failure {
        def.pause_on_failure = true;
    }
    if let Some(note) = &options.note {
        def.note = Some(note.clone());
    }
    if options.paused {
        def.paused = true;
    }
    if let Some(prefix) = &options.workflow_id_prefix {
        def.workflow_id_prefix = Some(prefix.clone());
    }
    if let Some(Timeout(timeout)) = options.execution.execution_timeout {
        def.execution_timeout = Some(DurationSpec(timeout));
    }
    if options.input.given() {
        def.input = parse_inputs(&options.input)?;
    }
    Ok(())
}

async fn delete(args: DeleteArgs, settings: Settings, printer: &Printer) -> Result<()> {
    let action = format!("delete schedule {}", args.name);
    // Refused before connecting when it could never be confirmed.
    prompt::refuse_unconfirmable(args.yes, &action)?;
    let orca = Orca::connect(settings).await?;
    orca.describe_schedule(&args.name).await?;
    let question = format!("Delete schedule {}? Its past runs are kept.", args.name);
    if !prompt::confirm_unless_yes(args.yes, &action, &question)? {
        return Ok(());
    }
    orca.delete_schedule(&args.name).await?;
    done(printer, &args.name, "deleted")
}
