//! `orca pause|resume|stop ID`: control signals, then the phase they led
//! to; `orca cancel ID` and `orca terminate ID`.

use clap::Args;
use serde_json::json;

use crate::{
    Result,
    cli::{args::run_id, parse_duration},
    client::{Control, Orca, QUERY_DEADLINE},
    config::Settings,
    output::Printer,
    prompt,
};

#[derive(Debug, Clone, Args)]
pub struct ControlArgs {
    /// Workflow ID of the run
    #[arg(value_parser = run_id)]
    pub id: String,
}

pub async fn run(
    args: ControlArgs,
    control: Control,
    settings: Settings,
    printer: &Printer,
) -> Result<()> {
    let orca = Orca::connect(settings).await?;
    orca.ensure_running(&args.id).await?;
    orca.signal(&args.id, control).await?;
    let live = orca
        .query_status(&args.id, QUERY_DEADLINE)
        .await
        .unwrap_or(None);
    let phase = live.as_ref().map(|s| s.phase);
    let (past, note) = match control {
        Control::Pause => ("paused", "no new step starts until `orca resume`"),
        Control::Resume => ("resumed", "steps start again"),
        Control::Stop => (
            "stopping",
            "the run ends with outcome `stopped` after its current step",
        ),
    };
    let report = json!({
        "workflow_id": args.id,
        "signal": control.signal_name(),
        "phase": phase,
        "paused": live.as_ref().map(|s| s.paused),
        "stop_requested": live.as_ref().map(|s| s.stop_requested),
    });
    printer.emit(&report, |p| {
        let phase = phase.map_or("phase unknown: no worker answered".to_string(), |ph| {
            format!("phase: {}", p.state(&ph))
        });
        p.line(&format!("{past} {} ({phase}); {note}", args.id));
    });
    Ok(())
}

#[derive(Debug, Clone, Args)]
pub struct CancelArgs {
    /// Workflow ID of the run
    #[arg(value_parser = run_id)]
    pub id: String,

    /// Why, recorded in the history
    #[arg(long)]
    pub reason: Option<String>,

    /// How long to wait for the run to wind down and report its end
    #[arg(long, value_name = "DURATION", default_value = "30s", value_parser = parse_duration)]
    pub wait: std::time::Duration,
}

/// `orca cancel ID`: Temporal cancellation. The run's running steps are
/// cancelled (commands killed); then the outcome is reported.
pub async fn cancel(args: CancelArgs, settings: Settings, printer: &Printer) -> Result<()> {
    let orca = Orca::connect(settings).await?;
    orca.ensure_running(&args.id).await?;
    let reason = args
        .reason
        .unwrap_or_else(|| format!("cancelled by {} via orca", orca.settings.identity));
    orca.cancel(&args.id, &reason).await?;
    let end = orca.wait(&args.id, Some(args.wait)).await?;
    let report = json!({"workflow_id": args.id, "reason": reason, "end": end.to_json()});
    printer.emit(&report, |p| {
        p.line(&format!("{}: {}", args.id, p.state(&end.phase())));
    });
    Ok(())
}

#[derive(Debug, Clone, Args)]
pub struct TerminateArgs {
    /// Workflow ID of the run
    #[arg(value_parser = run_id)]
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
    let action = format!("terminate {}", args.id);
    // Refused before connecting when it could never be confirmed.
    prompt::refuse_unconfirmable(args.yes, &action)?;
    let orca = Orca::connect(settings).await?;
    orca.ensure_running(&args.id).await?;
    let question = format!("Terminate {}? Running steps are abandoned.", args.id);
    if !prompt::confirm_unless_yes(args.yes, &action, &question)? {
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
            p.state(&crate::client::TemporalStatus::Terminated)
        ))
    });
    Ok(())
}
