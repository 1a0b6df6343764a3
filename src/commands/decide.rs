//! `orca approve` / `orca reject`: decide a gate through the workflow's
//! update, so the answer (recorded, or refused and why) comes back at once.
//! Without an ID on a terminal, pick from the runs awaiting approval; with
//! `--all`, decide every matching run; with `--signal`/`--update`, drive a
//! workflow that is not orca's.

use std::time::SystemTime;

use clap::Args;
use futures_util::{StreamExt, stream};
use serde::Serialize;
use serde_json::{Value, json};

use crate::{
    Error, Result,
    client::{Orca, RunSummary},
    commands::list::{RunFilter, build_query},
    config::Settings,
    engine::{
        no_longer_waiting,
        status::{DecisionRequest, VoteKind, VoteResult},
    },
    output::{Printer, short_duration},
    prompt,
};

/// Decisions in flight at once during `--all`.
const BULK_CONCURRENCY: usize = 32;

#[derive(Debug, Clone, Args)]
pub struct DecideArgs {
    /// Workflow ID of the run [default on a terminal: pick from the runs awaiting approval]
    #[arg(conflicts_with = "all")]
    pub id: Option<String>,

    /// Decide as NAME [default: --identity, else the OS user]
    #[arg(long = "as", value_name = "NAME")]
    pub as_name: Option<String>,

    /// Decide every run awaiting approval that matches the filters
    #[arg(long)]
    pub all: bool,

    #[command(flatten)]
    pub filter: BulkFilter,

    /// Do not ask for confirmation (needed for --all when not on a terminal)
    #[arg(short, long)]
    pub yes: bool,

    /// Not an orca run: send this signal instead (payload from --payload-json)
    #[arg(long, value_name = "NAME", requires = "id", conflicts_with_all = ["update", "all"])]
    pub signal: Option<String>,

    /// Not an orca run: execute this update instead and print its result
    #[arg(long, value_name = "NAME", requires = "id", conflicts_with = "all")]
    pub update: Option<String>,

    /// JSON payload for --signal / --update
    #[arg(long, value_name = "JSON")]
    pub payload_json: Option<String>,
}

/// `--pipeline` / `--query` narrow `--all` and the interactive picker.
#[derive(Debug, Clone, Args)]
pub struct BulkFilter {
    /// With --all or the picker: only runs of this pipeline
    #[arg(long, value_name = "NAME", conflicts_with = "id")]
    pub pipeline: Option<String>,

    /// With --all or the picker: only runs also matching this visibility query
    #[arg(long, value_name = "QUERY", conflicts_with = "id")]
    pub query: Option<String>,
}

#[derive(Debug, Clone, Args)]
pub struct ApproveArgs {
    #[command(flatten)]
    pub decide: DecideArgs,

    /// Why, recorded with the decision
    #[arg(short, long)]
    pub comment: Option<String>,
}

#[derive(Debug, Clone, Args)]
pub struct RejectArgs {
    #[command(flatten)]
    pub decide: DecideArgs,

    /// Why, recorded with the decision [asked for on a terminal]
    #[arg(short, long, alias = "comment")]
    pub reason: Option<String>,
}

pub async fn approve(args: ApproveArgs, settings: Settings, printer: &Printer) -> Result<()> {
    run(args.decide, true, args.comment, settings, printer).await
}

pub async fn reject(args: RejectArgs, settings: Settings, printer: &Printer) -> Result<()> {
    run(args.decide, false, args.reason, settings, printer).await
}

async fn run(
    args: DecideArgs,
    approve: bool,
    comment: Option<String>,
    settings: Settings,
    printer: &Printer,
) -> Result<()> {
    let verb = if approve { "approve" } else { "reject" };
    let payload = match &args.payload_json {
        None => None,
        Some(text) => Some(
            serde_json::from_str::<Value>(text)
                .map_err(|e| Error::usage(format!("--payload-json is not valid JSON: {e}")))?,
        ),
    };
    if args.id.is_none() && !args.all && !prompt::interactive() {
        return Err(Error::usage_with_hint(
            format!("{verb} needs a run ID"),
            format!(
                "pass the ID, run it on a terminal to pick one, or decide all with: orca {verb} --all --yes"
            ),
        ));
    }
    let orca = Orca::connect(settings).await?;

    // A workflow that is not orca's: the caller names the message.
    if let Some(id) = &args.id {
        if let Some(signal) = &args.signal {
            orca.signal_foreign(id, signal, payload.as_ref()).await?;
            let report = json!({"workflow_id": id, "signal": signal});
            printer.emit(&report, |p| {
                p.line(&format!("sent signal `{signal}` to {id}"))
            });
            return Ok(());
        }
        if let Some(update) = &args.update {
            let result = orca.update_foreign(id, update, payload.as_ref()).await?;
            let report = json!({"workflow_id": id, "update": update, "result": result});
            printer.emit(&report, |p| {
                p.line(&format!("update `{update}` on {id} returned {result}"))
            });
            return Ok(());
        }
    }

    let by = args
        .as_name
        .clone()
        .unwrap_or_else(|| orca.settings.identity.clone());
    if args.all {
        let request = DecisionRequest { by, comment };
        return bulk(&orca, approve, &args, request, printer).await;
    }
    let id = match args.id {
        Some(id) => id,
        None => match pick(&orca, verb, &by, &args.filter).await? {
            Some(id) => id,
            None => return Ok(()),
        },
    };
    // On a terminal, a rejection without a reason asks for one.
    let comment = match comment {
        None if !approve && prompt::interactive() => {
            Some(prompt::text("Reason for rejecting")?).filter(|r| !r.is_empty())
        }
        other => other,
    };
    let decision = orca
        .decide(&id, approve, DecisionRequest { by, comment })
        .await?;
    printer.emit(&decision, |p| p.line(&describe(p, &id, &decision)));
    Ok(())
}

/// The interactive inbox: choose a run awaiting approval. `None` if there is
/// none, or the person backs out.
/// The picker offers the person's inbox: only gates they may decide.
async fn pick(orca: &Orca, verb: &str, by: &str, narrow: &BulkFilter) -> Result<Option<String>> {
    let filter = RunFilter {
        pipeline: narrow.pipeline.clone(),
        query: narrow.query.clone(),
        ..crate::commands::inbox::filter_for(by)
    };
    let runs = orca.list(&build_query(&filter, None, None), 100).await?;
    if runs.is_empty() {
        eprintln!("no runs are awaiting approval by {by}");
        return Ok(None);
    }
    let items: Vec<String> = runs.iter().map(inbox_line).collect();
    let chosen = prompt::select(&format!("Which run do you {verb}?"), &items)?;
    Ok(chosen.map(|i| runs[i].workflow_id.clone()))
}

fn inbox_line(run: &RunSummary) -> String {
    let age = run
        .started
        .and_then(|t| SystemTime::now().duration_since(t).ok())
        .map_or("-".to_string(), |d| format!("{} ago", short_duration(d)));
    format!(
        "{}  {}  {}  ({age})",
        run.workflow_id,
        run.pipeline.as_deref().unwrap_or("-"),
        run.prompt.as_deref().unwrap_or("")
    )
}

/// What `--all` did with each run it listed. `skipped`: the gate no longer
/// waited for this person when the decision arrived (decided by someone
/// else, already voted, the run moved on or ended); visibility can list such
/// a run for a moment after it changed. Only `refused` (may not decide) and
/// `failed` make the exit code non-zero, so `--all` can be run again safely.
#[derive(Debug, Default, Serialize)]
struct Tally {
    decided: Vec<String>,
    skipped: Vec<Refusal>,
    refused: Vec<Refusal>,
    failed: Vec<Refusal>,
}

#[derive(Debug, Serialize)]
struct Refusal {
    workflow_id: String,
    reason: String,
}

async fn bulk(
    orca: &Orca,
    approve: bool,
    args: &DecideArgs,
    request: DecisionRequest,
    printer: &Printer,
) -> Result<()> {
    let verb = if approve { "approve" } else { "reject" };
    let filter = RunFilter {
        pipeline: args.filter.pipeline.clone(),
        awaiting_approval: true,
        query: args.filter.query.clone(),
        ..RunFilter::default()
    };
    let runs = orca.list(&build_query(&filter, None, None), 0).await?;
    if runs.is_empty() {
        printer.emit(&Tally::default(), |_| {
            eprintln!("no runs awaiting approval match")
        });
        return Ok(());
    }
    if !args.yes {
        if !prompt::interactive() {
            return Err(Error::usage_with_hint(
                format!(
                    "refusing to {verb} {} runs without confirmation",
                    runs.len()
                ),
                "add --yes",
            ));
        }
        if !prompt::confirm(&format!("{verb} {} runs as {}?", runs.len(), request.by))? {
            return Ok(());
        }
    }

    let bar = printer.progress_bar(runs.len() as u64, verb);
    let mut tally = Tally::default();
    let mut decisions = stream::iter(runs.iter().map(|run| {
        let request = request.clone();
        async move {
            (
                run.workflow_id.clone(),
                orca.decide(&run.workflow_id, approve, request).await,
            )
        }
    }))
    .buffer_unordered(BULK_CONCURRENCY);
    while let Some((id, result)) = decisions.next().await {
        match result {
            Ok(_) => tally.decided.push(id),
            Err(Error::Refused { reason, .. }) if no_longer_waiting(&reason) => {
                tally.skipped.push(Refusal {
                    workflow_id: id,
                    reason,
                })
            }
            Err(Error::RunClosed { status, .. }) => tally.skipped.push(Refusal {
                workflow_id: id,
                reason: format!("already finished ({status})"),
            }),
            Err(Error::Refused { reason, .. }) => tally.refused.push(Refusal {
                workflow_id: id,
                reason,
            }),
            Err(e) => tally.failed.push(Refusal {
                workflow_id: id,
                reason: e.to_string(),
            }),
        }
        bar.inc(1);
    }
    bar.finish_and_clear();

    printer.emit(&tally, |p| {
        for r in tally.refused.iter().chain(&tally.failed) {
            eprintln!("{}: {}", r.workflow_id, r.reason);
        }
        p.line(&format!(
            "{} {}, skipped {}, refused {}, failed {}",
            if approve { "approved" } else { "rejected" },
            tally.decided.len(),
            tally.skipped.len(),
            tally.refused.len(),
            tally.failed.len()
        ));
    });
    if tally.refused.is_empty() && tally.failed.is_empty() {
        Ok(())
    } else {
        Err(Error::BulkIncomplete {
            decided: tally.decided.len(),
            refused: tally.refused.len(),
            failed: tally.failed.len(),
        })
    }
}

fn describe(printer: &Printer, id: &str, vote: &VoteResult) -> String {
    let comment = vote
        .comment
        .as_deref()
        .map(|c| format!(": {c}"))
        .unwrap_or_default();
    match vote.decision {
        Some(decision) => {
            let tally = if vote.required > 1 && decision.to_string().ends_with("approved") {
                format!(" ({} of {} approvals)", vote.approvals, vote.required)
            } else if vote.reject_quorum > 1 && !vote.approved {
                format!(
                    " ({} of {} rejections)",
                    vote.rejections, vote.reject_quorum
                )
            } else {
                String::new()
            };
            format!(
                "{} {id} at step `{}` as {}{comment}{tally}",
                printer.phase(&decision.to_string()),
                vote.step,
                vote.by
            )
        }
        None => {
            let (what, have, need) = match vote.vote {
                VoteKind::Approve => ("approval", vote.approvals, vote.required),
                VoteKind::Reject => ("rejection", vote.rejections, vote.reject_quorum),
            };
            format!(
                "recorded {}'s {what} of {id} at step `{}`{comment}: {have} of {need} {what}s; the gate stays open",
                vote.by, vote.step
            )
        }
    }
}
