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
    ops::follow::{Display, Ended, Followed, print_end, to_decision, to_end},
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
    let id = &args.id;
    let followed = match args.target {
        WaitFor::Completion => {
            Followed::Ended(to_end(&orca, id, args.timeout, &mut Display::Quiet).await?)
        }
        WaitFor::Approval => to_decision(&orca, id, args.timeout, &mut Display::Quiet).await?,
    };
    match followed {
        Followed::Ended(Ended { end, run_id }) => {
            let started = StartedRun {
                workflow_id: id.clone(),
                run_id,
            };
            print_end(printer, &started, &end);
            end.into_result(id)
        }
        Followed::Stopped(decision) => decided(printer, id, decision),
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
