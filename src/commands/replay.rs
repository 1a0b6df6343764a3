//! `orca replay FILE.json` / `orca replay --id ID`: check that this build of
//! the engine reproduces a recorded run exactly, before rolling it out to
//! workers that will pick up runs already in flight. Exit 0 when it does, 4
//! (naming the first diverging event when Temporal says it) when it does not.
//! A run that continued as new is replayed run by run, its whole chain.

use std::path::{Path, PathBuf};

use clap::Args;
use serde_json::json;
use temporalio_common::protos::temporal::api::history::v1::History;

use crate::{
    Error, Result,
    client::{Chain, Orca},
    config::Settings,
    ops::replay::{parse_history, replay, replay_with, replayer},
    output::Printer,
};

#[derive(Debug, Clone, Args)]
pub struct ReplayArgs {
    /// Histories: from `temporal workflow show -w ID -o json`, or saved by `orca replay --save`;
    /// several are checked in one go (a corpus before a rollout)
    #[arg(
        value_name = "FILE",
        required_unless_present = "id",
        conflicts_with = "id"
    )]
    pub files: Vec<PathBuf>,

    /// Fetch the history of this run from the server
    #[arg(long, value_parser = crate::cli::args::run_id)]
    pub id: Option<String>,

    /// Also write the history (orca's JSON form) to this file
    #[arg(long, value_name = "FILE")]
    pub save: Option<PathBuf>,
}

pub async fn run(args: ReplayArgs, settings: Settings, printer: &Printer) -> Result<()> {
    if args.files.len() > 1 {
        if args.save.is_some() {
            return Err(Error::usage(
                "--save takes one history: give one FILE or --id",
            ));
        }
        return corpus(&args.files, printer).await;
    }
    let file = match (args.files.first(), &args.id) {
        (Some(file), _) => file,
        (None, Some(id)) => return live(id, args.save.as_deref(), settings, printer).await,
        (None, None) => return Err(Error::usage("give a history FILE or --id ID")),
    };
    let bytes = std::fs::read(file).map_err(|source| Error::LocalFile {
        what: "history file",
        path: file.clone(),
        source,
    })?;
    let source = file.display().to_string();
    let history =
        parse_history(&bytes).map_err(|e| Error::usage(format!("{}: {e}", file.display())))?;
    let events = history.events.len();
    if let Some(path) = &args.save {
        save(path, &history)?;
    }
    replay(history, &source).await?;
    printer.emit(
        &json!({"source": source, "events": events, "compatible": true}),
        |p| {
            p.line(&format!(
                "{source}: compatible: this build replays all {events} events the same way"
            ))
        },
    );
    Ok(())
}

/// A run on the server: every run of its chain (it may have continued as
/// new), each replayed on its own, since each starts from what the one
/// before handed over. The first that diverges is named.
async fn live(
    id: &str,
    save_to: Option<&Path>,
    settings: Settings,
    printer: &Printer,
) -> Result<()> {
    let orca = Orca::connect(settings).await?;
    let chain = orca.chain(id).await?;
    if let Some(path) = save_to {
        save_chain(path, &chain)?;
    }
    if let Some(run) = chain.lost_before() {
        eprintln!(
            "note: {id} continued from run {run}, which is past the namespace's retention: not replayed"
        );
    }
    let source = format!("run {id}");
    let total = chain.runs.len();
    let replayer = replayer()?;
    for (i, run) in chain.runs.iter().enumerate() {
        let name = match total {
            1 => source.clone(),
            _ => format!("{source} (run {} of {total}, {})", i + 1, run.run_id),
        };
        replay_with(&replayer, run.history.clone(), &name).await?;
    }
    let events = chain.event_count();
    let mut report = json!({"source": source, "events": events, "compatible": true});
    let mut of_runs = String::new();
    if total > 1 {
        let runs: Vec<_> = chain
            .runs
            .iter()
            .map(|r| json!({"run_id": r.run_id, "events": r.history.events.len()}))
            .collect();
        report["runs"] = json!(runs);
        of_runs = format!(" of its {total} runs");
    }
    printer.emit(&report, |p| {
        p.line(&format!(
            "{source}: compatible: this build replays all {events} events{of_runs} the same way"
        ))
    });
    Ok(())
}

/// Writes a history in orca's JSON form.
fn save(path: &Path, history: &History) -> Result<()> {
    let json = serde_json::to_vec_pretty(history).map_err(|e| Error::Unexpected(e.into()))?;
    std::fs::write(path, json).map_err(|source| Error::Io {
        path: path.to_path_buf(),
        source,
    })
}

/// A chain's histories: one run to `path`; several, one file per run,
/// numbered from the oldest (`x.json`: `x-1.json`, `x-2.json`, …), each of
/// which `orca replay FILE` takes on its own.
fn save_chain(path: &Path, chain: &Chain) -> Result<()> {
    if let [only] = chain.runs.as_slice() {
        return save(path, &only.history);
    }
    let mut written = Vec::new();
    for (i, run) in chain.runs.iter().enumerate() {
        let numbered = numbered(path, i + 1);
        save(&numbered, &run.history)?;
        written.push(numbered.display().to_string());
    }
    eprintln!(
        "saved one history per run ({} runs: the run continued as new): {}",
        chain.runs.len(),
        written.join(", ")
    );
    Ok(())
}

/// `x.json` → `x-N.json`.
fn numbered(path: &Path, n: usize) -> PathBuf {
    let stem = path.file_stem().unwrap_or_default().to_string_lossy();
    let name = match path.extension() {
        Some(ext) => format!("{stem}-{n}.{}", ext.to_string_lossy()),
        None => format!("{stem}-{n}"),
    };
    path.with_file_name(name)
}

/// Several files: each is read and replayed (one replayer for all), one line
/// each; exit 4 if any diverged, 2 if some could not be read, else 0.
async fn corpus(files: &[PathBuf], printer: &Printer) -> Result<()> {
    let replayer = replayer()?;
    let mut results = Vec::new();
    let (mut diverged, mut unreadable) = (0, 0);
    for file in files {
        let source = file.display().to_string();
        let history = std::fs::read(file)
            .map_err(|e| e.to_string())
            .and_then(|bytes| parse_history(&bytes));
        let (events, outcome) = match history {
            Ok(history) => (
                history.events.len(),
                replay_with(&replayer, history, &source).await,
            ),
            Err(e) => {
                unreadable += 1;
                (0, Err(Error::usage(format!("{source}: {e}"))))
            }
        };
        if matches!(outcome, Err(Error::ReplayDiverged { .. })) {
            diverged += 1;
        }
        if printer.is_text() {
            match &outcome {
                Ok(()) => printer.line(&format!(
                    "{source}: compatible: this build replays all {events} events the same way"
                )),
                Err(e) => eprintln!("error: {e}"),
            }
        }
        results.push(match outcome {
            Ok(()) => json!({"source": source, "events": events, "compatible": true}),
            Err(Error::ReplayDiverged { event, message, .. }) => json!({
                "source": source, "events": events, "compatible": false,
                "first_diverging_event": event, "error": message,
            }),
            Err(e) => json!({"source": source, "compatible": false, "error": e.to_string()}),
        });
    }
    if !printer.is_text() {
        printer.json(&results);
    }
    if diverged + unreadable == 0 {
        return Ok(());
    }
    Err(Error::ReplaysFailed {
        diverged,
        unreadable,
        total: files.len(),
    })
}
