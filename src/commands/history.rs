//! `orca history ID`: a readable timeline of a run from its event history
//! (`ops::timeline`): every run of its chain when it continued as new,
//! oldest first. `-o json` gives the same entries as data.

use clap::Args;

use crate::{
    Result,
    cli::args::run_id,
    client::Orca,
    config::Settings,
    ops::timeline::chain_timeline,
    output::{Cell, Printer},
};

#[derive(Debug, Clone, Args)]
pub struct HistoryArgs {
    /// Workflow ID of the run
    #[arg(value_parser = run_id)]
    pub id: String,
}

pub async fn run(args: HistoryArgs, settings: Settings, printer: &Printer) -> Result<()> {
    let orca = Orca::connect(settings).await?;
    let chain = orca.chain(&args.id).await?;
    if let Some(run) = chain.lost_before() {
        eprintln!(
            "note: {} continued as new from run {run}, which (with any before it) is past the namespace's retention: shown from that hand-over on",
            args.id
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
