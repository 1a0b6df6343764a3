//! `orca wait ID [--for approval|completion] [--timeout D]`: block until the
//! awaited state, with an exit code a CI job can branch on: 0 reached
//! positively (approved / completed), 3 a business refusal (rejected,
//! denied, stopped, a gate that timed out and rejected), 4 a failure, 8 the
//! timeout passed while the run goes on (the run is left untouched).

use std::time::{Duration, Instant};

use clap::{Args, ValueEnum};
use serde_json::json;

use crate::{
    Error, Result,
    cli::parse_duration,
    client::{Orca, StartedRun},
    commands::{
        start::print_end,
        status::{closed_report, report},
    },
    config::Settings,
    engine::status::Outcome,
    output::Printer,
};

const POLL: Duration = Duration::from_millis(500);

#[derive(Debug, Clone, Args)]
pub struct WaitArgs {
    /// Workflow ID of the run
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
    match args.target {
        WaitFor::Completion => {
            let end = orca.wait(&args.id, args.timeout).await?;
            let started = StartedRun {
                workflow_id: args.id.clone(),
                run_id: None,
            };
            print_end(printer, &args.id, &started, &end);
            end.into_result(&args.id)
        }
        WaitFor::Approval => approval(&orca, &args.id, args.timeout, printer).await,
    }
}

/// Polls the status until the run's gate has a decision or the run ends.
async fn approval(
    orca: &Orca,
    id: &str,
    timeout: Option<Duration>,
    printer: &Printer,
) -> Result<()> {
    let started = Instant::now();
    let mut seen_running = false;
    loop {
        let mut current = report(orca, id).await?;
        // If it closed while we waited, the worker gets longer to answer, so
        // a gate decided just before the end is reported as such.
        if seen_running {
            current = closed_report(orca, id, current).await?;
        }
        seen_running |= current.temporal_status == "running";
        if let Some(decision) = current.approval.as_ref().and_then(|g| g.decision.clone()) {
            printer.emit(
                &json!({"workflow_id": id, "for": "approval", "decision": decision}),
                |p| {
                    let who = decision.by.clone().unwrap_or_else(|| "timeout".into());
                    p.line(&format!(
                        "{id}: gate `{}` {} ({who})",
                        decision.step,
                        p.phase(&decision.decision.to_string())
                    ))
                },
            );
            return if decision.approved {
                Ok(())
            } else {
                Err(Error::RunRefused {
                    id: id.to_string(),
                    outcome: Outcome::Rejected,
                    detail: Some(format!("gate `{}` {}", decision.step, decision.decision)),
                })
            };
        }
        // The run ended without a decided gate (denied first, or no gate at all).
        if current.temporal_status != "running" {
            let end = orca.wait(id, None).await?;
            let started = StartedRun {
                workflow_id: id.to_string(),
                run_id: Some(current.run_id.clone()),
            };
            print_end(printer, id, &started, &end);
            return end.into_result(id);
        }
        if let Some(limit) = timeout
            && started.elapsed() >= limit
        {
            return Err(Error::StillRunning {
                id: id.to_string(),
                phase: current.phase.unwrap_or_else(|| "running".into()),
                waited: started.elapsed(),
            });
        }
        tokio::time::sleep(POLL).await;
    }
}
