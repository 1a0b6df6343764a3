//! `orca approve` / `orca reject`: decide a gate through the workflow's
//! update, so the answer (recorded, or refused and why) comes back at once.
//! Without an ID on a terminal, pick from your inbox; the gate's form comes
//! from `--field`/`--fields-json`, and on a terminal what is missing is
//! asked for (`ops::form`); with `--all`, decide every matching run
//! (`ops::decide`); with `--signal`/`--update`, drive a workflow that is not
//! orca's.

use clap::Args;
use serde_json::{Value, json};

use crate::{
    Error, Result,
    cli::args::{FieldArgs, GateArgs},
    client::Orca,
    config::Settings,
    engine::status::{DecisionRequest, VoteKind, VoteResult},
    ops::{
        decide::decide_all,
        form::{self, show},
        gate::{run_to_act_on, vote, warn_if_unchecked},
        query::RunQuery,
    },
    output::Printer,
    prompt,
    signing::sign::SigningKey,
};

#[derive(Debug, Clone, Args)]
pub struct DecideArgs {
    #[command(flatten)]
    pub gate: GateArgs,

    /// Decide every run awaiting approval that matches the filters
    #[arg(long, conflicts_with = "id")]
    pub all: bool,

    #[command(flatten)]
    pub fields: FieldArgs,

    /// Do not ask: no confirmation (needed for --all when not on a terminal), no
    /// questions for the gate's form
    #[arg(short, long)]
    pub yes: bool,

    /// Not an orca run: send this signal instead (payload from --payload-json)
    #[arg(long, value_name = "NAME", requires = "id", conflicts_with_all = ["update", "all", "fields", "fields_json"])]
    pub signal: Option<String>,

    /// Not an orca run: execute this update instead and print its result
    #[arg(long, value_name = "NAME", requires = "id", conflicts_with_all = ["all", "fields", "fields_json"])]
    pub update: Option<String>,

    /// JSON payload for --signal / --update
    #[arg(long, value_name = "JSON")]
    pub payload_json: Option<String>,
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
    run(
        args.decide,
        VoteKind::Approve,
        args.comment,
        settings,
        printer,
    )
    .await
}

pub async fn reject(args: RejectArgs, settings: Settings, printer: &Printer) -> Result<()> {
    run(
        args.decide,
        VoteKind::Reject,
        args.reason,
        settings,
        printer,
    )
    .await
}

async fn run(
    args: DecideArgs,
    kind: VoteKind,
    comment: Option<String>,
    settings: Settings,
    printer: &Printer,
) -> Result<()> {
    let verb = kind.message_name();
    prompt::on_cancel_say(prompt::Note::NothingDecided);
    let payload = match &args.payload_json {
        None => None,
        Some(text) => Some(
            serde_json::from_str::<Value>(text)
                .map_err(|e| Error::usage(format!("--payload-json is not valid JSON: {e}")))?,
        ),
    };
    let fields = form::Given::parse(&args.fields)?;
    if !args.all {
        prompt::need_id_or_terminal(
            args.gate.id.as_deref(),
            verb,
            &format!(
                "pass the ID, run it on a terminal to pick one, or decide all with: orca {verb} --all --yes"
            ),
        )?;
    }
    let orca = Orca::connect(settings).await?;
    if let Some(id) = &args.gate.id
        && (args.signal.is_some() || args.update.is_some())
    {
        return foreign(&orca, id, &args, payload.as_ref(), printer).await;
    }
    let by = args
        .gate
        .as_name
        .clone()
        .unwrap_or_else(|| orca.settings.identity.clone());
    let key = args.gate.signing.key();
    let request = DecisionRequest {
        by,
        comment,
        ..DecisionRequest::default()
    };
    if args.all {
        return all(&orca, kind, &args, request, &fields, key.as_ref(), printer).await;
    }
    let given = args.gate.id.clone();
    let Some(id) = run_to_act_on(&orca, given, &request.by, &args.gate.narrow, verb).await? else {
        return Ok(());
    };
    let ask = prompt::interactive() && !args.yes;
    let request = filled_in(&orca, &id, kind, request, &fields, ask).await?;
    let vote = vote(&orca, &id, kind, request, key.as_ref()).await?;
    warn_if_unchecked(key.is_some(), vote.key.as_deref());
    printer.emit(&vote, |p| p.line(&describe(p, &id, &vote)));
    Ok(())
}

/// The request with what a terminal asks for: a rejection's reason, and
/// (with `ask`) the form's missing fields; filled in before signing, so the
/// signature covers the fields as sent. Backing out of a question cancels
/// the command (`Error::Cancelled`).
async fn filled_in(
    orca: &Orca,
    id: &str,
    kind: VoteKind,
    mut request: DecisionRequest,
    given: &form::Given,
    ask: bool,
) -> Result<DecisionRequest> {
    if request.comment.is_none() && kind == VoteKind::Reject && prompt::interactive() {
        request.comment = Some(prompt::text("Reason for rejecting")?).filter(|r| !r.is_empty());
    }
    request.fields = form::fill(orca, id, kind, given, ask).await?;
    Ok(request)
}

/// A workflow that is not orca's: the caller names the message.
async fn foreign(
    orca: &Orca,
    id: &str,
    args: &DecideArgs,
    payload: Option<&Value>,
    printer: &Printer,
) -> Result<()> {
    if let Some(signal) = &args.signal {
        orca.signal_foreign(id, signal, payload).await?;
        let report = json!({"workflow_id": id, "signal": signal});
        printer.emit(&report, |p| {
            p.line(&format!("sent signal `{signal}` to {id}"))
        });
    } else if let Some(update) = &args.update {
        let result = orca.update_foreign(id, update, payload).await?;
        let report = json!({"workflow_id": id, "update": update, "result": result});
        printer.emit(&report, |p| {
            p.line(&format!("update `{update}` on {id} returned {result}"))
        });
    }
    Ok(())
}

/// `--all`: every matching run awaiting approval, after a confirmation.
async fn all(
    orca: &Orca,
    kind: VoteKind,
    args: &DecideArgs,
    request: DecisionRequest,
    fields: &form::Given,
    key: Option<&SigningKey>,
    printer: &Printer,
) -> Result<()> {
    let verb = kind.message_name();
    let narrow = &args.gate.narrow;
    let query = RunQuery::awaiting().narrowed(narrow.pipeline.clone(), narrow.query.clone());
    let runs = orca.list(&query.text(), 0).await?;
    if runs.is_empty() {
        printer.emit(&crate::ops::decide::Tally::default(), |_| {
            eprintln!("no runs awaiting approval match")
        });
        return Ok(());
    }
    let count = runs.len();
    let question = format!("{verb} {count} runs as {}?", request.by);
    if !prompt::confirm_unless_yes(args.yes, &format!("{verb} {count} runs"), &question)? {
        return Ok(());
    }
    let bar = printer.progress_bar(count as u64, verb);
    let tally = decide_all(orca, &runs, kind, &request, fields, key, || bar.inc(1)).await;
    bar.finish_and_clear();
    printer.emit(&tally, |p| {
        for unmade in tally.refused.iter().chain(&tally.failed) {
            eprintln!("{}: {}", unmade.workflow_id, unmade.reason);
        }
        p.line(&format!(
            "{} {}, skipped {}, refused {}, failed {}",
            kind.past(),
            tally.decided.len(),
            tally.skipped.len(),
            tally.refused.len(),
            tally.failed.len()
        ));
    });
    tally.into_result()
}

fn describe(printer: &Printer, id: &str, vote: &VoteResult) -> String {
    let mut comment = crate::human::comment_suffix(vote.comment.as_deref());
    if !vote.fields.is_empty() {
        comment = format!(" with {}{comment}", show::values(&vote.fields));
    }
    let Some(decision) = vote.decision else {
        let (what, have, need) = match vote.vote {
            VoteKind::Approve => ("approval", vote.approvals, vote.required),
            VoteKind::Reject => ("rejection", vote.rejections, vote.reject_quorum),
        };
        return format!(
            "recorded {}'s {what}{} of {id} at step `{}`{comment}: {have} of {need} {what}s; the gate stays open",
            vote.by,
            verified(vote),
            vote.step
        );
    };
    let tally = if vote.required > 1 && decision.is_approval() {
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
        "{} {id} at step `{}` as {}{}{comment}{tally}",
        printer.state(&decision),
        vote.step,
        vote.by,
        verified(vote)
    )
}

/// " (verified SHA256:…)" for a vote a signature proved.
fn verified(vote: &VoteResult) -> String {
    vote.key
        .as_deref()
        .map(|key| format!(" (verified {key})"))
        .unwrap_or_default()
}
