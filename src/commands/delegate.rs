//! `orca delegate [ID] --to NAME`: an approver of a gate that allows it
//! hands their decision to someone else, for this opening of the gate only
//! (the workflow's `delegate` update). One vote between them: the delegate
//! decides in the delegator's place, and the delegator no longer can.

use clap::{Args, builder::NonEmptyStringValueParser};

use crate::{
    Result,
    cli::args::GateArgs,
    client::Orca,
    config::Settings,
    engine::status::{DelegateRequest, DelegationResult},
    ops::gate::{actor_and_run, delegate, warn_if_unchecked},
    output::Printer,
    prompt,
};

#[derive(Debug, Clone, Args)]
pub struct DelegateArgs {
    #[command(flatten)]
    pub gate: GateArgs,

    /// Who decides in your place, at this opening of the gate only
    #[arg(long, value_name = "NAME", required = true, value_parser = NonEmptyStringValueParser::new())]
    pub to: String,

    /// Why, recorded with the delegation
    #[arg(short, long)]
    pub comment: Option<String>,
}

pub async fn run(args: DelegateArgs, settings: Settings, printer: &Printer) -> Result<()> {
    prompt::on_cancel_say(prompt::Note::NothingDecided);
    prompt::need_id_or_terminal(
        args.gate.id.as_deref(),
        "delegate",
        "pass the ID, or run it on a terminal to pick one",
    )?;
    let orca = Orca::connect(settings).await?;
    let Some((by, id)) = actor_and_run(&orca, &args.gate, "delegate").await? else {
        return Ok(());
    };
    let request = DelegateRequest {
        by,
        to: args.to,
        comment: args.comment,
        signed: None,
    };
    let key = args.gate.signing.key();
    let handed = delegate(&orca, &id, request, key.as_ref()).await?;
    warn_if_unchecked(key.is_some(), handed.key.as_deref());
    printer.emit(&handed, |p| p.line(&describe(&id, &handed)));
    Ok(())
}

/// "alice delegated gate `deploy` of RUN to bob: bob decides in alice's place".
fn describe(id: &str, handed: &DelegationResult) -> String {
    format!(
        "{by} delegated gate `{}` of {id} to {to}: {to} decides in {by}'s place",
        handed.step,
        by = handed.by,
        to = handed.to
    )
}
