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
    ensure_running(&orca, &args.id).await?;
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

#[derive(Debug, Clone, Args)]
pub struct CancelArgs {
    /// Workflow ID of the run
    pub id: String,

    /// Why, recorded in the history
    #[arg(long)]
    pub reason: Option<String>,

    /// How long to wait for the run to wind down and report its end
    #[arg(long, value_name = "DURATION", default_value = "30s", value_parser = crate::cli::parse_duration)]
    pub wait: std::time::Duration,
}

/// `orca cancel ID`: Temporal cancellation. The run's running steps are
/// cancelled (commands killed); then the outcome is reported.
pub async fn cancel(args: CancelArgs, settings: Settings, printer: &Printer) -> Result<()> {
    let orca = Orca::connect(settings).await?;
    ensure_running(&orca, &args.id).await?;
    let reason = args
        .reason
        .unwrap_or_else(|| format!("cancelled by {} via orca", orca.settings.identity));
    orca.cancel(&args.id, &reason).await?;
    let end = orca.wait(&args.id, Some(args.wait)).await?;
    let report = json!({"workflow_id": args.id, "reason": reason, "end": end.to_json()});
    printer.emit(&report, |p| {
        let word = match &end {
            crate::client::RunEnd::Completed(result) => result.outcome.to_string(),
            crate::client::RunEnd::Foreign(_) => "completed".to_string(),
            crate::client::RunEnd::Failed { status, .. } => status.replace(' ', "_"),
        };
        p.line(&format!("{}: {}", args.id, p.phase(&word)));
    });
    Ok(())
}

#[derive(Debug, Clone, Args)]
pub struct TerminateArgs {
    /// Workflow ID of the run
    pub id: String,

    /// Why, recorded in the history
    #[arg(long)]
    pub reason: Option<String>,

    /// Do not ask for confirmation (needed when not on a terminal)
    #[arg(short, long)]
    pub yes: bool,
}

/// `orca terminate ID`: ends the run at once; nothing in it runs again.
pub async fn terminate(args: TerminateArgs, settings: Settings, printer: &Printer) -> Result<()> {
    if !args.yes && !crate::prompt::interactive() {
        return Err(crate::Error::usage_with_hint(
            format!("refusing to terminate {} without confirmation", args.id),
            "add --yes",
        ));
    }
    let orca = Orca::connect(settings).await?;
    ensure_running(&orca, &args.id).await?;
    if !args.yes
        && !crate::prompt::confirm(&format!(
            "Terminate {}? Running steps are abandoned.",
            args.id
        ))?
    {
        return Ok(());
    }
    let reason = args
        .reason
        .unwrap_or_else(|| format!("terminated by {} via orca", orca.settings.identity));
    orca.terminate(&args.id, &reason).await?;
    let report = json!({"workflow_id": args.id, "reason": reason, "status": "terminated"});
    printer.emit(&report, |p| {
        p.line(&format!(
            "{}: {} ({reason})",
            args.id,
            p.phase("terminated")
        ))
    });
    Ok(())
}

/// Refuses, with how it ended, a run that has already closed.
async fn ensure_running(orca: &Orca, id: &str) -> Result<()> {
    let description = orca.describe(id).await?;
    if crate::client::status_word(description.status()) != "running" {
        return Err(crate::Error::RunClosed {
            id: id.to_string(),
            status: crate::client::closed_state(&description),
        });
    }
    Ok(())
}
