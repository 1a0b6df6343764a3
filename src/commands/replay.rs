//! `orca replay FILE.json` / `orca replay --id ID`: check that this build of
//! the engine reproduces a recorded run exactly, before rolling it out to
//! workers that will pick up runs already in flight. Exit 0 when it does, 4
//! (naming the first diverging event when Temporal says it) when it does not.

use std::path::PathBuf;

use clap::Args;
use serde_json::json;

use crate::{
    Error, Result,
    client::Orca,
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
    let (source, history) = match (args.files.first(), &args.id) {
        (Some(file), _) => {
            let bytes = std::fs::read(file).map_err(|source| Error::LocalFile {
                what: "history file",
                path: file.clone(),
                source,
            })?;
            (
                file.display().to_string(),
                parse_history(&bytes)
                    .map_err(|e| Error::usage(format!("{}: {e}", file.display())))?,
            )
        }
        (None, Some(id)) => {
            let orca = Orca::connect(settings).await?;
            (format!("run {id}"), orca.history(id).await?)
        }
        (None, None) => return Err(Error::usage("give a history FILE or --id ID")),
    };
    let events = history.events.len();
    if let Some(path) = &args.save {
        let json = serde_json::to_vec_pretty(&history).map_err(|e| Error::Unexpected(e.into()))?;
        std::fs::write(path, json).map_err(|source| Error::Io {
            path: path.clone(),
            source,
        })?;
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
