//! `orca inbox [--as NAME]`: the gates NAME may decide right now, across all
//! runs, newest first. One visibility query on `OrcaApprovers`, which the
//! workflow keeps current (allowed, not yet voted, not the requester of a
//! four-eyes gate; `*` for gates open to anyone).

use std::time::SystemTime;

use clap::Args;

use crate::{
    Result,
    client::{Orca, RunSummary},
    commands::list::{RunFilter, build_query},
    config::Settings,
    output::{Printer, short_duration},
};

#[derive(Debug, Clone, Args)]
pub struct InboxArgs {
    /// Whose inbox [default: --identity, else the OS user]
    #[arg(long = "as", value_name = "NAME")]
    pub as_name: Option<String>,

    /// At most this many gates (0: all)
    #[arg(long, default_value_t = 50)]
    pub limit: usize,
}

/// The visibility filter of NAME's inbox.
pub fn filter_for(name: &str) -> RunFilter {
    RunFilter {
        awaiting_approval: true,
        decidable_by: Some(name.to_string()),
        ..RunFilter::default()
    }
}

pub async fn run(args: InboxArgs, settings: Settings, printer: &Printer) -> Result<()> {
    let name = args
        .as_name
        .clone()
        .unwrap_or_else(|| settings.identity.clone());
    let orca = Orca::connect(settings).await?;
    let runs = orca
        .list(&build_query(&filter_for(&name), None, None), args.limit)
        .await?;
    match printer.format {
        crate::cli::OutputFormat::Jsonl => runs.iter().for_each(|run| printer.json(run)),
        crate::cli::OutputFormat::Json => printer.json(&runs),
        crate::cli::OutputFormat::Text => {
            if runs.is_empty() {
                eprintln!("nothing for {name} to decide");
                return Ok(());
            }
            let rows = runs.iter().map(row).collect();
            printer.table(
                &["id", "pipeline", "prompt", "age", "approvals", "deadline"],
                rows,
            );
        }
    }
    Ok(())
}

fn row(run: &RunSummary) -> Vec<String> {
    let age = run
        .started
        .and_then(|t| SystemTime::now().duration_since(t).ok())
        .map_or("-".to_string(), short_duration);
    vec![
        run.workflow_id.clone(),
        run.pipeline.clone().unwrap_or_else(|| "-".into()),
        run.prompt.clone().unwrap_or_default(),
        age,
        run.approvals.clone().unwrap_or_else(|| "-".into()),
        run.deadline.clone().unwrap_or_else(|| "-".into()),
    ]
}
