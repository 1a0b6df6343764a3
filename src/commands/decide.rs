//! `orca approve` / `orca reject`: decide a gate through the workflow's
//! update, so the answer (recorded, or refused and why) comes back at once.

use clap::Args;

use crate::{
    Result,
    client::Orca,
    config::Settings,
    engine::status::{Decision, DecisionRequest},
    output::Printer,
};

#[derive(Debug, Clone, Args)]
pub struct ApproveArgs {
    /// Workflow ID of the run
    pub id: String,

    /// Why, recorded with the decision
    #[arg(short, long)]
    pub comment: Option<String>,

    /// Decide as NAME [default: --identity, else the OS user]
    #[arg(long = "as", value_name = "NAME")]
    pub as_name: Option<String>,
}

#[derive(Debug, Clone, Args)]
pub struct RejectArgs {
    /// Workflow ID of the run
    pub id: String,

    /// Why, recorded with the decision
    #[arg(short, long, alias = "comment")]
    pub reason: Option<String>,

    /// Decide as NAME [default: --identity, else the OS user]
    #[arg(long = "as", value_name = "NAME")]
    pub as_name: Option<String>,
}

pub async fn approve(args: ApproveArgs, settings: Settings, printer: &Printer) -> Result<()> {
    let orca = Orca::connect(settings).await?;
    decide(&args.id, true, args.comment, args.as_name, &orca, printer).await
}

pub async fn reject(args: RejectArgs, settings: Settings, printer: &Printer) -> Result<()> {
    let orca = Orca::connect(settings).await?;
    decide(&args.id, false, args.reason, args.as_name, &orca, printer).await
}

async fn decide(
    id: &str,
    approve: bool,
    comment: Option<String>,
    as_name: Option<String>,
    orca: &Orca,
    printer: &Printer,
) -> Result<()> {
    let request = DecisionRequest {
        by: as_name.unwrap_or_else(|| orca.settings.identity.clone()),
        comment,
    };
    let decision = orca.decide(id, approve, request).await?;
    printer.emit(&decision, |p| p.line(&describe(p, id, &decision)));
    Ok(())
}

fn describe(printer: &Printer, id: &str, decision: &Decision) -> String {
    let mut text = format!(
        "{} {id} at step `{}`",
        printer.phase(&decision.decision.to_string()),
        decision.step
    );
    if let Some(by) = &decision.by {
        text.push_str(&format!(" as {by}"));
    }
    if let Some(comment) = &decision.comment {
        text.push_str(&format!(": {comment}"));
    }
    text
}
