//! `orca doctor`: checks the setup end to end — settings and where each
//! came from, the server, TLS, the namespace, search attributes, workers,
//! stuck runs, the clock, the allowed signers — each with its fix
//! (`ops::doctor`). Exit 0 when nothing failed, 6 when a check failed
//! because the server cannot be reached or refuses the credentials, 1
//! otherwise (`Report::verdict`). `--run ID` explains where one run waits.

use std::path::PathBuf;

use clap::Args;

use crate::{
    Result,
    cli::{GlobalArgs, args::run_id},
    client::Orca,
    config::Settings,
    ops::doctor::{
        Options, Report, examine,
        explain::{Explanation, Waiting, explain},
        text::{check_lines, settings_lines},
    },
    output::Printer,
};

#[derive(Debug, Clone, Args)]
pub struct DoctorArgs {
    /// Explain one run instead: where it waits and why (a person, a worker,
    /// a timer, paused), its attempts and last failure
    #[arg(long = "run", value_name = "ID", value_parser = run_id)]
    pub run: Option<String>,

    /// An allowed signers file to check (git's allowed_signers format)
    #[arg(long, value_name = "FILE", env = "ORCA_ALLOWED_SIGNERS")]
    pub allowed_signers: Option<PathBuf>,
}

pub async fn run(args: DoctorArgs, global: &GlobalArgs, printer: &Printer) -> Result<()> {
    if let Some(id) = &args.run {
        let orca = Orca::connect(Settings::resolve(global)?).await?;
        let explained = explain(&orca, id).await?;
        printer.emit(&explained, |p| print_explanation(p, &explained));
        return Ok(());
    }
    let options = Options {
        allowed_signers: args.allowed_signers,
    };
    // Settings that do not resolve are the first finding, not an error.
    let report = examine(Settings::resolve_traced(global), &options).await;
    printer.emit(&report, |p| print_report(p, &report));
    report.verdict()
}

fn print_report(p: &Printer, report: &Report) {
    if !report.settings.is_empty() {
        p.line(&p.bold("Settings"));
        settings_lines(&report.settings)
            .iter()
            .for_each(|l| p.line(l));
        p.line("");
    }
    for check in &report.checks {
        let symbol = p.state(&check.state);
        check_lines(check, &symbol).iter().for_each(|l| p.line(l));
    }
}

fn print_explanation(p: &Printer, e: &Explanation) {
    let dash = || "-".to_string();
    let mut rows = vec![
        ("Run", e.workflow_id.clone()),
        ("Pipeline", e.pipeline.clone().unwrap_or_else(dash)),
        ("Phase", e.phase.map_or_else(dash, |phase| p.state(&phase))),
        ("Waiting for", e.waiting.words()),
    ];
    if let Waiting::Person {
        deadline: Some(deadline),
        ..
    } = &e.waiting
    {
        rows.push(("Deadline", deadline.clone()));
    }
    if e.paused && !matches!(e.waiting, Waiting::Paused) {
        rows.push((
            "Paused",
            format!(
                "yes: no new step starts until orca resume {}",
                e.workflow_id
            ),
        ));
    }
    if let Some(attempts) = e.attempts {
        rows.push(("Attempts", attempts.to_string()));
    }
    if let Some(failure) = &e.last_failure {
        rows.push(("Last failure", failure.clone()));
    }
    if let Some(fix) = &e.fix {
        rows.push(("Fix", fix.clone()));
    }
    p.card(&rows);
}
