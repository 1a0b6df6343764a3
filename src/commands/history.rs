//! `orca history ID`: a readable timeline of a run from its event history
//! (`ops::timeline`): every run of its chain when it continued as new,
//! oldest first. `-o json` gives the same entries as data.

use clap::Args;

use crate::{
    Result,
    cli::args::run_id,
    client::{Orca, temporal_run_id},
    config::Settings,
    ops::{
        pick::{PICK_HINT, given_or_recent},
        timeline::chain_timeline,
    },
    output::{Cell, Printer},
    prompt,
};

#[derive(Debug, Clone, Args)]
pub struct HistoryArgs {
    /// Workflow ID of the run [on a terminal, picked from the recent runs when left out]
    #[arg(value_parser = run_id)]
    pub id: Option<String>,

    /// An earlier run of the ID (one started again under it): its run ID,
    /// from `orca list -o json` or `start -o json` (`run_id`). Any run of a chain that
    /// continued as new shows the whole chain [default: the ID's latest run]
    #[arg(long, value_name = "RUN_ID", value_parser = temporal_run_id, requires = "id")]
    pub run_id: Option<String>,

    /// Without an ID: offer only runs of this pipeline
    #[arg(long, value_name = "NAME", conflicts_with = "id")]
    pub pipeline: Option<String>,
}

pub async fn run(args: HistoryArgs, settings: Settings, printer: &Printer) -> Result<()> {
    prompt::need_id_or_terminal(args.id.as_deref(), "history", PICK_HINT)?;
    let orca = Orca::connect(settings).await?;
    let Some(id) = given_or_recent(&orca, args.id, args.pipeline, "history").await? else {
        return Ok(());
    };
    let chain = match &args.run_id {
        Some(run_id) => orca.chain_of(&id, run_id).await?,
        None => orca.chain(&id).await?,
    };
    if let Some(run) = chain.lost_before() {
        eprintln!(
            "note: {id} continued as new from run {run}, which (with any before it) is past the namespace's retention: shown from that hand-over on"
        );
    }
    let entries = chain_timeline(&chain);
    printer.list(&entries, "no events", |p| {
        let rows = entries
            .iter()
            .map(|e| {
                let event = e.event.as_str();
                let what = match &e.step {
                    Some(step) => format!("{event} {step}"),
                    None => event.to_string(),
                };
                let detail = match e.attempt {
                    Some(attempt) if attempt > 1 => format!("{} (attempt {attempt})", e.detail),
                    _ => e.detail.clone(),
                };
                vec![
                    Cell::from(format!("+{:.3}s", e.offset_ms as f64 / 1000.0)),
                    Cell::from(what),
                    Cell::from(detail),
                ]
            })
            .collect();
        p.table(&["time", "event", "detail"], rows);
    });
    Ok(())
}
