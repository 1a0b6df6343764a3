//! `orca list`: recent runs from the visibility store, filtered by orca's
//! search attributes. `--awaiting-approval` is the approval inbox: one query.

use clap::Args;

use crate::{
    Result,
    client::{Orca, RunSummary},
    config::Settings,
    engine::status::{
        OPEN_TO_ANYONE, Phase, SA_APPROVERS, SA_PHASE, SA_PIPELINE, VOTED_PREFIX, WORKFLOW_TYPE,
    },
    output::Printer,
};

#[derive(Debug, Clone, Args)]
pub struct ListArgs {
    #[command(flatten)]
    pub filter: RunFilter,

    /// Only runs in this orca phase (running, awaiting_approval, paused, completed, rejected, …)
    #[arg(long, value_name = "PHASE")]
    pub phase: Option<String>,

    /// Only runs with this Temporal status
    #[arg(long, value_enum)]
    pub status: Option<TemporalStatus>,

    /// At most this many runs, newest first (0: all)
    #[arg(long, default_value_t = 50)]
    pub limit: usize,
}

/// Filters shared by `list`, `approve --all` and `reject --all`.
#[derive(Debug, Clone, Default, Args)]
pub struct RunFilter {
    /// Only runs of this pipeline
    #[arg(long, value_name = "NAME")]
    pub pipeline: Option<String>,

    /// Only runs waiting at an approval gate (the inbox)
    #[arg(long)]
    pub awaiting_approval: bool,

    /// Only runs whose open gate NAME may decide now (a personal inbox)
    #[arg(long, value_name = "NAME", hide = true)]
    pub decidable_by: Option<String>,

    /// Only runs started by this schedule
    #[arg(long, value_name = "NAME")]
    pub schedule: Option<String>,

    /// Also match this raw visibility query, e.g. "StartTime > '2026-01-01T00:00:00Z'"
    #[arg(long, value_name = "QUERY")]
    pub query: Option<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum TemporalStatus {
    Running,
    Completed,
    Failed,
    Cancelled,
    Terminated,
    TimedOut,
}

impl TemporalStatus {
    fn query_value(self) -> &'static str {
        match self {
            TemporalStatus::Running => "Running",
            TemporalStatus::Completed => "Completed",
            TemporalStatus::Failed => "Failed",
            TemporalStatus::Cancelled => "Canceled",
            TemporalStatus::Terminated => "Terminated",
            TemporalStatus::TimedOut => "TimedOut",
        }
    }
}

/// The visibility query for a filter (always orca runs only).
pub fn build_query(
    filter: &RunFilter,
    phase: Option<&str>,
    status: Option<TemporalStatus>,
) -> String {
    let mut clauses = vec![format!("WorkflowType = '{WORKFLOW_TYPE}'")];
    if filter.awaiting_approval {
        clauses.push(format!("{SA_PHASE} = '{}'", Phase::AwaitingApproval));
        clauses.push("ExecutionStatus = 'Running'".into());
    }
    if let Some(pipeline) = &filter.pipeline {
        clauses.push(format!("{SA_PIPELINE} = '{}'", quote(pipeline)));
    }
    if let Some(name) = &filter.decidable_by {
        // A gate open to anyone, unless this person voted on it already;
        // `!=` on a keyword list means "does not contain".
        clauses.push(format!(
            "({SA_APPROVERS} = '{name}' OR {SA_APPROVERS} = '{OPEN_TO_ANYONE}') AND {SA_APPROVERS} != '{VOTED_PREFIX}{name}'",
            name = quote(name)
        ));
    }
    if let Some(schedule) = &filter.schedule {
        // The server marks every run a schedule starts with its ID.
        clauses.push(format!("TemporalScheduledById = '{}'", quote(schedule)));
    }
    if let Some(phase) = phase {
        clauses.push(format!("{SA_PHASE} = '{}'", quote(phase)));
    }
    if let Some(status) = status {
        clauses.push(format!("ExecutionStatus = '{}'", status.query_value()));
    }
    if let Some(raw) = &filter.query {
        clauses.push(format!("({raw})"));
    }
    clauses.join(" AND ")
}

/// Single quotes inside a value are escaped the SQL way.
fn quote(value: &str) -> String {
    value.replace('\\', "\\\\").replace('\'', "\\'")
}

pub async fn run(args: ListArgs, settings: Settings, printer: &Printer) -> Result<()> {
    let query = build_query(&args.filter, args.phase.as_deref(), args.status);
    let orca = Orca::connect(settings).await?;
    let runs = orca.list(&query, args.limit).await?;
    print_runs(printer, &runs);
    Ok(())
}

pub fn print_runs(printer: &Printer, runs: &[RunSummary]) {
    match printer.format {
        crate::cli::OutputFormat::Jsonl => runs.iter().for_each(|run| printer.json(run)),
        crate::cli::OutputFormat::Json => printer.json(&runs),
        crate::cli::OutputFormat::Text => {
            if runs.is_empty() {
                eprintln!("no runs match");
                return;
            }
            let rows = runs
                .iter()
                .map(|run| {
                    let detail = match (&run.prompt, &run.progress) {
                        (Some(prompt), _) => prompt.clone(),
                        (None, Some(progress)) => progress.clone(),
                        (None, None) => String::new(),
                    };
                    vec![
                        run.workflow_id.clone(),
                        run.pipeline
                            .clone()
                            .unwrap_or_else(|| run.workflow_type.clone()),
                        printer.phase(run.phase.as_deref().unwrap_or(&run.temporal_status)),
                        printer.time(run.started),
                        detail,
                    ]
                })
                .collect();
            printer.table(
                &["id", "pipeline", "phase", "started", "progress / prompt"],
                rows,
            );
        }
    }
}
