//! `orca worker`: poll the task queue and run pipelines until told to stop.

use clap::Args;

use crate::{
    Result,
    cli::worker::WorkerOptions,
    config::Settings,
    connect,
    ops::worker::{activities, init_logging, serve, shutdown_signal},
};

#[derive(Debug, Clone, Args)]
pub struct WorkerArgs {
    #[command(flatten)]
    pub options: WorkerOptions,
}

pub async fn run(args: WorkerArgs, settings: Settings) -> Result<()> {
    init_logging(args.options.log_format);
    let activities = activities(&args.options)?;
    let client = connect::connect(&settings).await?;
    serve(
        client,
        &settings,
        &args.options,
        activities,
        shutdown_signal(),
    )
    .await
}
