//! `orca request-changes [ID] --comment TEXT`: neither approve nor reject,
//! but send the run back to the gate's `on_changes` step with feedback
//! (the workflow's `request_changes` update). The steps from there run
//! again, reading the feedback, and the run reaches the gate as a new
//! round, until the gate's `max_rounds`.

use clap::Args;

use crate::{
    Error, Result,
    cli::args::GateArgs,
    client::Orca,
    config::Settings,
    engine::status::{ChangesResult, DecisionRequest},
    ops::gate::{actor_and_run, request_changes, warn_if_unchecked},
    output::Printer,
    prompt,
};

#[derive(Debug, Clone, Args)]
pub struct RequestChangesArgs {
    #[command(flatten)]
    pub gate: GateArgs,

    /// What to change: the feedback the steps that run again read as
    /// `steps.GATE.output.feedback` [asked for on a terminal]
    #[arg(short, long, value_name = "TEXT")]
    pub comment: Option<String>,
}

const VERB: &str = "request-changes";

pub async fn run(args: RequestChangesArgs, settings: Settings, printer: &Printer) -> Result<()> {
    prompt::on_cancel_say(prompt::Note::NothingDecided);
    prompt::need_id_or_terminal(
        args.gate.id.as_deref(),
        VERB,
        "pass the ID, or run it on a terminal to pick one",
    )?;
    let given = args.comment.filter(|c| !c.trim().is_empty());
    // Feedback is the point of the act: without a terminal to ask on, a
    // missing one is refused before anything connects.
    if given.is_none() && !prompt::interactive() {
        return Err(Error::usage_with_hint(
            "request-changes needs feedback: --comment TEXT",
            "say what to change, e.g. --comment \"split batch 3\"",
        ));
    }
    let orca = Orca::connect(settings).await?;
    let Some((by, id)) = actor_and_run(&orca, &args.gate, "send back").await? else {
        return Ok(());
    };
    let comment = match given {
        Some(comment) => comment,
        None => prompt::checked_text("What should change?", None, |text| {
            match text.trim().is_empty() {
                true => Err("say what to change".to_string()),
                false => Ok(()),
            }
        })?,
    };
    let request = DecisionRequest {
        by,
        comment: Some(comment),
        ..DecisionRequest::default()
    };
    let key = args.gate.signing.key();
    let changes = request_changes(&orca, &id, request, key.as_ref()).await?;
    warn_if_unchecked(key.is_some(), changes.key.as_deref());
    printer.emit(&changes, |p| p.line(&describe(&changes)));
    Ok(())
}

/// "changes requested by alice at gate `accept`: the run goes back to
/// `plan` (round 1 of 3)".
fn describe(changes: &ChangesResult) -> String {
    format!(
        "changes requested by {} at gate `{}`: the run goes back to `{}` ({})",
        changes.by,
        changes.step,
        changes.back_to,
        changes.ended()
    )
}
