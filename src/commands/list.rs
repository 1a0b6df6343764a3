//! `orca list`: recent runs from the visibility store, filtered by orca's
//! search attributes (`ops::query`). `--awaiting-approval` is the approval
//! inbox: one query.

use clap::Args;

use crate::{
    Result,
    client::{Orca, TemporalStatus},
    config::Settings,
    engine::status::Phase,
    ops::query::RunQuery,
    output::{Cell, Printer},
};

#[derive(Debug, Clone, Args)]
pub struct ListArgs {
    /// Only runs of this pipeline
    #[arg(long, value_name = "NAME")]
    pub pipeline: Option<String>,

    /// Only runs waiting at an approval gate (the inbox)
    #[arg(long)]
    pub awaiting_approval: bool,

    /// Only runs started by this schedule
    #[arg(long, value_name = "NAME")]
    pub schedule: Option<String>,

    /// Only runs in this orca phase
    #[arg(long, value_enum, value_name = "PHASE")]
    pub phase: Option<Phase>,

    /// Only runs with this Temporal status
    #[arg(long, value_enum)]
    pub status: Option<TemporalStatus>,

    /// Also match this raw visibility query, e.g. "StartTime > '2026-01-01T00:00:00Z'";
    /// one that names a WorkflowType lists runs that are not orca's too
    #[arg(long, value_name = "QUERY")]
    pub query: Option<String>,

    /// At most this many runs, newest first (0: all)
    #[arg(long, default_value_t = 50)]
    pub limit: usize,
}

pub async fn run(args: ListArgs, settings: Settings, printer: &Printer) -> Result<()> {
    let query = RunQuery {
        pipeline: args.pipeline,
        awaiting_approval: args.awaiting_approval,
        schedule: args.schedule,
        phase: args.phase,
        status: args.status,
        raw: args.query,
        ..RunQuery::default()
    };
    let orca = Orca::connect(settings).await?;
    let runs = orca.list_newest(&query.text(), args.limit).await?;
    printer.list(&runs, "no runs match", |p| {
        let rows = runs
            .iter()
            .map(|run| {
                let detail = match (&run.prompt, &run.progress) {
                    (Some(prompt), _) => prompt.clone(),
                    (None, Some(progress)) => progress.clone(),
                    (None, None) => String::new(),
                };
                vec![
                    Cell::from(run.workflow_id.as_str()),
                    Cell::from(
                        run.pipeline
                            .clone()
                            .unwrap_or_else(|| run.workflow_type.clone()),
                    ),
                    Cell::toned(&run.shown_phase()),
                    Cell::from(p.time(run.started)),
                    Cell::from(detail),
                ]
            })
            .collect();
        p.table(
            &["id", "pipeline", "phase", "started", "progress / prompt"],
            rows,
        );
    });
    Ok(())
}
