//! `orca verify ID|FILE`: re-check a run's audit trail (every signed
//! decision and the requester) from its event history, against allowed
//! signers you trust (`ops::audit`). Exit 0 when all verify, 4 when any
//! does not.

use std::{path::PathBuf, time::Duration};

use clap::Args;

use crate::{
    Error, Result,
    cli::parse_duration,
    client::Orca,
    config::Settings,
    ops::{
        audit::{Against, Audit, RunTrail, audit},
        replay::parse_history,
    },
    output::{Cell, Printer, Tone},
    signing::allowed,
};

#[derive(Debug, Clone, Args)]
pub struct VerifyArgs {
    /// Workflow ID of the run, or a history file (`temporal workflow show -w ID -o json`)
    #[arg(value_name = "ID|FILE")]
    pub target: String,

    /// The keys you trust, in git's allowed_signers format
    #[arg(long, value_name = "FILE", env = "ORCA_ALLOWED_SIGNERS")]
    pub allowed_signers: Option<PathBuf>,

    /// How far a signature's time may be from when the server took the decision
    #[arg(long, value_name = "DURATION", default_value = "10m", value_parser = parse_duration)]
    pub signature_window: Duration,
}

pub async fn run(args: VerifyArgs, settings: Settings, printer: &Printer) -> Result<()> {
    let Some(path) = &args.allowed_signers else {
        return Err(Error::usage_with_hint(
            "orca verify needs the keys you trust: --allowed-signers FILE (or ORCA_ALLOWED_SIGNERS)",
            "one line per person: NAME ssh-ed25519 AAAA… (git's allowed_signers format)",
        ));
    };
    let text = std::fs::read_to_string(path).map_err(|source| Error::LocalFile {
        what: "allowed signers file",
        path: path.clone(),
        source,
    })?;
    let signers = allowed::parse(&text).map_err(|problem| Error::InvalidFile {
        what: "allowed signers file",
        path: path.clone(),
        problem,
    })?;
    let file = PathBuf::from(&args.target);
    let (workflow_id, runs) = if file.is_file() {
        let bytes = std::fs::read(&file).map_err(|source| Error::LocalFile {
            what: "history file",
            path: file.clone(),
            source,
        })?;
        let history =
            parse_history(&bytes).map_err(|e| Error::usage(format!("{}: {e}", file.display())))?;
        (None, vec![(None, history)])
    } else {
        // Every run of the chain: the requester signed in the first,
        // decisions may be in any.
        let orca = Orca::connect(settings).await?;
        let chain = orca.chain(&args.target).await?;
        let runs = chain
            .runs
            .into_iter()
            .map(|r| (Some(r.run_id), r.history))
            .collect();
        (Some(args.target.as_str()), runs)
    };
    let against = Against {
        workflow_id,
        signers: &signers,
        window: args.signature_window,
    };
    let trails: Vec<RunTrail> = runs
        .iter()
        .map(|(run_id, history)| RunTrail {
            run_id: run_id.as_deref(),
            history,
        })
        .collect();
    let report = audit(&trails, &against);
    printer.emit(&report, |p| print_text(p, &report));
    let failed = report.checks.iter().filter(|c| !c.verified).count();
    match failed {
        0 => Ok(()),
        failed => Err(Error::Unverified {
            failed,
            total: report.checks.len(),
        }),
    }
}

fn print_text(p: &Printer, report: &Audit) {
    let earlier = match report.runs.len() {
        0 | 1 => String::new(),
        n => format!(" and the {} before it (it continued as new)", n - 1),
    };
    match &report.workflow_id {
        Some(id) => p.line(&format!("workflow {id}, run {}{earlier}", report.run_id)),
        None => p.line(&format!("run {}{earlier}", report.run_id)),
    }
    let rows = report
        .checks
        .iter()
        .map(|c| {
            let result = match (c.verified, &c.reason) {
                (true, None) => Cell::new("verified", Tone::Good),
                (true, Some(how)) => Cell::new(format!("verified: {how}"), Tone::Good),
                (false, reason) => Cell::new(
                    format!("NOT VERIFIED: {}", reason.as_deref().unwrap_or("?")),
                    Tone::Bad,
                ),
            };
            vec![
                Cell::from(c.subject.clone()),
                Cell::from(c.action.clone()),
                Cell::from(c.principal.clone()),
                Cell::from(c.key.clone().unwrap_or_else(|| "-".into())),
                Cell::from(c.signed_at.clone().unwrap_or_else(|| "-".into())),
                result,
            ]
        })
        .collect();
    p.table(
        &[
            "gate",
            "decision",
            "principal",
            "key",
            "signed at",
            "result",
        ],
        rows,
    );
    for note in &report.notes {
        eprintln!("note: {note}");
    }
}
