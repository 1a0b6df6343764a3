//! `orca pause|resume|stop [ID]`: control signals, each told as what the
//! run did with it, from the workflow's own status before and after
//! (`client::control`); `orca cancel [ID]` and `orca terminate [ID]`.
//! Without an ID, on a terminal, each offers the runs it applies to.

use clap::Args;
use serde_json::json;

use crate::{
    Result,
    cli::{args::run_id, parse_duration},
    client::{Control, Orca},
    config::Settings,
    engine::status::Phase,
    ops::{
        control::told,
        pick::{given_or_pick, running_line},
        query::RunQuery,
    },
    output::Printer,
    prompt,
};

#[derive(Debug, Clone, Args)]
pub struct ControlArgs {
    /// Workflow ID of the run [default on a terminal: pick from the runs it applies to]
    #[arg(value_parser = run_id)]
    pub id: Option<String>,

    /// Without an ID: offer only runs of this pipeline
    #[arg(long, value_name = "NAME", conflicts_with = "id")]
    pub pipeline: Option<String>,
}

/// The command's word for a control.
fn verb(control: Control) -> &'static str {
    match control {
        Control::Pause => "pause",
        Control::Resume => "resume",
        Control::Stop => "stop",
    }
}

/// The runs a command without an ID offers, and what it says when none is
/// there. Visibility tells a run held between steps by a pause (phase
/// `paused`), not one paused at a gate: resume offers the former.
fn offered(control: Option<Control>, pipeline: Option<String>) -> (RunQuery, &'static str) {
    match control {
        Some(Control::Resume) => (
            RunQuery {
                phase: Some(Phase::Paused),
                pipeline,
                ..RunQuery::running()
            },
            "no runs are paused between steps (for one paused at a gate, pass its ID)",
        ),
        _ => (
            RunQuery {
                pipeline,
                ..RunQuery::running()
            },
            "no runs are going",
        ),
    }
}

/// The run ID given, else one picked on a terminal from the runs `verb`
/// applies to; `None` when there was none to pick.
async fn chosen(
    orca: &Orca,
    id: Option<String>,
    verb: &str,
    control: Option<Control>,
    pipeline: Option<String>,
) -> Result<Option<String>> {
    let (query, none) = offered(control, pipeline);
    let question = format!("Which run do you {verb}?");
    given_or_pick(orca, id, &query, &question, none, running_line).await
}

/// Off a terminal, a missing ID is a usage error (exit 2), before connecting.
fn need_id(id: Option<&str>, verb: &str) -> Result<()> {
    prompt::need_id_or_terminal(
        id,
        verb,
        "pass the ID, or run it on a terminal to pick one; running runs: orca list --status running",
    )
}

pub async fn run(
    args: ControlArgs,
    control: Control,
    settings: Settings,
    printer: &Printer,
) -> Result<()> {
    let verb = verb(control);
    need_id(args.id.as_deref(), verb)?;
    let orca = Orca::connect(settings).await?;
    let Some(id) = chosen(&orca, args.id, verb, Some(control), args.pipeline).await? else {
        return Ok(());
    };
    let report = orca.control(&id, control).await?;
    let latest = report.latest();
    let json = json!({
        "workflow_id": id,
        "signal": control.signal_name(),
        "sent": report.sent,
        "changed": report.changed(),
        "answer": report.answer,
        "phase": latest.map(|s| s.phase),
        "paused": latest.map(|s| s.paused),
        "stop_requested": latest.map(|s| s.stop_requested),
        "current_step": latest.and_then(|s| s.current_step.clone()),
        "outcome": latest.and_then(|s| s.outcome),
    });
    printer.emit(&json, |p| p.line(&told(&id, control, &report)));
    Ok(())
}

#[derive(Debug, Clone, Args)]
pub struct CancelArgs {
    /// Workflow ID of the run [default on a terminal: pick from the running runs]
    #[arg(value_parser = run_id)]
    pub id: Option<String>,

    /// Without an ID: offer only runs of this pipeline
    #[arg(long, value_name = "NAME", conflicts_with = "id")]
    pub pipeline: Option<String>,

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
    need_id(args.id.as_deref(), "cancel")?;
    let orca = Orca::connect(settings).await?;
    let Some(id) = chosen(&orca, args.id, "cancel", None, args.pipeline).await? else {
        return Ok(());
    };
    orca.ensure_running(&id).await?;
    let reason = args
        .reason
        .unwrap_or_else(|| format!("cancelled by {} via orca", orca.settings.identity));
    orca.cancel(&id, &reason).await?;
    let end = orca.wait(&id, Some(args.wait)).await?;
    let report = json!({"workflow_id": id, "reason": reason, "end": end.to_json()});
    printer.emit(&report, |p| {
        p.line(&format!("{id}: {}", p.state(&end.phase())));
    });
    Ok(())
}

#[derive(Debug, Clone, Args)]
pub struct TerminateArgs {
    /// Workflow ID of the run [default on a terminal: pick from the running runs]
    #[arg(value_parser = run_id)]
    pub id: Option<String>,

    /// Without an ID: offer only runs of this pipeline
    #[arg(long, value_name = "NAME", conflicts_with = "id")]
    pub pipeline: Option<String>,

    /// Why, recorded in the history
    #[arg(long)]
    pub reason: Option<String>,

    /// Do not ask for confirmation (needed when not on a terminal)
    #[arg(short, long)]
    pub yes: bool,
}

/// `orca terminate ID`: ends the run at once; nothing in it runs again.
pub async fn terminate(args: TerminateArgs, settings: Settings, printer: &Printer) -> Result<()> {
    need_id(args.id.as_deref(), "terminate")?;
    let action = format!("terminate {}", args.id.as_deref().unwrap_or("a run"));
    // Refused before connecting when it could never be confirmed.
    prompt::refuse_unconfirmable(args.yes, &action)?;
    let orca = Orca::connect(settings).await?;
    let Some(id) = chosen(&orca, args.id, "terminate", None, args.pipeline).await? else {
        return Ok(());
    };
    orca.ensure_running(&id).await?;
    let action = format!("terminate {id}");
    let question = format!("Terminate {id}? Running steps are abandoned.");
    if !prompt::confirm_unless_yes(args.yes, &action, &question)? {
        return Ok(());
    }
    let reason = args
        .reason
        .unwrap_or_else(|| format!("terminated by {} via orca", orca.settings.identity));
    orca.terminate(&id, &reason).await?;
    let report = json!({"workflow_id": id, "reason": reason, "status": "terminated"});
    printer.emit(&report, |p| {
        p.line(&format!(
            "{id}: {} ({reason})",
            p.state(&crate::client::TemporalStatus::Terminated)
        ))
    });
    Ok(())
}
