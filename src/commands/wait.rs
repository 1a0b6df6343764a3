//! `orca wait ID [--for approval|completion] [--timeout D]`: block until the
//! awaited state, with an exit code a CI job can branch on: 0 reached
//! positively (approved / completed), 3 a business refusal (rejected,
//! denied, stopped, a gate that timed out and rejected), 4 a failure, 8 the
//! timeout passed while the run goes on (the run is left untouched).

use std::time::Duration;

use clap::{Args, ValueEnum};
use serde_json::json;

use crate::{
    Error, Result,
    cli::{args::run_id, parse_duration},
    client::{Orca, StartedRun},
    config::Settings,
    engine::status::{Decision, Outcome},
    ops::follow::{Display, Followed, await_outcome, to_decision},
    output::Printer,
};

#[derive(Debug, Clone, Args)]
pub struct WaitArgs {
    /// Workflow ID of the run
    #[arg(value_parser = run_id)]
    pub id: String,

    /// What to wait for: the gate's decision, or the end of the run
    #[arg(long = "for", value_enum, default_value_t = WaitFor::Completion)]
    pub target: WaitFor,

    /// Give up after this long (exit 8; the run goes on)
    #[arg(long, value_name = "DURATION", value_parser = parse_duration)]
    pub timeout: Option<Duration>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum WaitFor {
    /// The current (or next) approval gate is decided
    Approval,
    /// The run ends
    Completion,
}

pub async fn run(args: WaitArgs, settings: Settings, printer: &Printer) -> Result<()> {
    let orca = Orca::connect(settings).await?;
    let started = StartedRun {
        workflow_id: args.id.clone(),
        run_id: None,
    };
    if args.target == WaitFor::Completion {
        return await_outcome(&orca, &started, printer, args.timeout).await;
    }
    // The run may end without a decided gate (denied first, or no gate).
    let mut display = Display::for_wait(printer);
    match to_decision(&orca, &args.id, args.timeout, &mut display).await? {
        Followed::Ended(ended) => ended.report(printer, &display, &started),
        Followed::Stopped(decision) => decided(printer, &args.id, decision),
    }
}

/// The gate's decision: exit 0 when it opened, 3 when it did not.
fn decided(printer: &Printer, id: &str, decision: Decision) -> Result<()> {
    let report = json!({"workflow_id": id, "for": "approval", "decision": decision});
    printer.emit(&report, |p| {
        let who = decision.by.clone().unwrap_or_else(|| "timeout".into());
        p.line(&format!(
            "{id}: gate `{}` {} ({who})",
            decision.step,
            p.state(&decision.decision)
        ))
    });
    if decision.approved {
        return Ok(());
    }
    Err(Error::RunRefused {
        id: id.to_string(),
        outcome: Outcome::Rejected,
        detail: Some(format!("gate `{}` {}", decision.step, decision.decision)),
    })
}
