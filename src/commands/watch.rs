//! `orca watch ID` (and `orca start --follow`): follow a run to its end.
//! On a terminal, a live view on stderr; piped, one plain line per change;
//! with `-o jsonl`, one JSON event per change. It polls the status query,
//! so it carries on across worker (and server) restarts (`ops::follow`).

use std::time::Duration;

use clap::Args;

use crate::{
    Result,
    cli::{args::run_id, parse_duration},
    client::{Orca, StartedRun},
    config::Settings,
    ops::{
        follow::watch_with,
        pick::{PICK_HINT, given_or_pick, running_line},
        query::RunQuery,
    },
    output::Printer,
    prompt,
};

#[derive(Debug, Clone, Args)]
pub struct WatchArgs {
    /// Workflow ID of the run [default on a terminal: pick from the running runs]
    #[arg(value_parser = run_id)]
    pub id: Option<String>,

    /// Without an ID: offer only runs of this pipeline
    #[arg(long, value_name = "NAME", conflicts_with = "id")]
    pub pipeline: Option<String>,

    /// Stop watching after this long (exit 8; the run goes on)
    #[arg(long, value_name = "DURATION", value_parser = parse_duration)]
    pub timeout: Option<Duration>,

    /// At the end, list each step's output below the outcome (as JSON; -o json has them anyway)
    #[arg(long)]
    pub outputs: bool,
}

pub async fn run(args: WatchArgs, settings: Settings, printer: &Printer) -> Result<()> {
    prompt::need_id_or_terminal(args.id.as_deref(), "watch", PICK_HINT)?;
    let orca = Orca::connect(settings).await?;
    let query = RunQuery {
        pipeline: args.pipeline.clone(),
        ..RunQuery::running()
    };
    let question = "Which run do you watch?";
    let picked = given_or_pick(
        &orca,
        args.id,
        &query,
        question,
        "no runs are going",
        running_line,
    );
    let Some(id) = picked.await? else {
        return Ok(());
    };
    let started = StartedRun {
        workflow_id: id.clone(),
        run_id: None,
    };
    watch_with(&orca, &started, printer, args.timeout, args.outputs).await
}
