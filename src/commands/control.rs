//! `orca pause|resume|stop ID`: control signals, then the phase they led to.

use clap::Args;
use serde_json::json;

use crate::{
    Result,
    client::{Orca, QUERY_DEADLINE},
    config::Settings,
    engine::status::{SIGNAL_PAUSE, SIGNAL_RESUME},
    output::Printer,
};

#[derive(Debug, Clone, Args)]
pub struct ControlArgs {
    /// Workflow ID of the run
    pub id: String,
}

pub async fn run(
    args: ControlArgs,
    signal: &str,
    settings: Settings,
    printer: &Printer,
) -> Result<()> {
    let orca = Orca::connect(settings).await?;
    // Refuse early, with the run's state in words, when it has already ended.
    let description = orca.describe(&args.id).await?;
    if crate::client::status_word(description.status()) != "running" {
        return Err(crate::Error::RunClosed {
            id: args.id.clone(),
            status: crate::client::closed_state(&description),
        });
    }
    orca.signal(&args.id, signal).await?;
    let live = orca
        .query_status(&args.id, QUERY_DEADLINE)
        .await
        .unwrap_or(None);
    let phase = live.as_ref().map(|s| s.phase.to_string());
    let note = match signal {
        SIGNAL_PAUSE => "no new step starts until `orca resume`",
        SIGNAL_RESUME => "steps start again",
        _ => "the run ends with outcome `stopped` after its current step",
    };
    let report = json!({
        "workflow_id": args.id,
        "signal": signal,
        "phase": phase,
        "paused": live.as_ref().map(|s| s.paused),
        "stop_requested": live.as_ref().map(|s| s.stop_requested),
    });
    printer.emit(&report, |p| {
        let past = match signal {
            SIGNAL_PAUSE => "paused",
            SIGNAL_RESUME => "resumed",
            _ => "stopping",
        };
        let phase = phase
            .as_deref()
            .map_or("phase unknown: no worker answered".to_string(), |ph| {
                format!("phase: {}", p.phase(ph))
            });
        p.line(&format!("{past} {} ({phase}); {note}", args.id));
    });
    Ok(())
}
