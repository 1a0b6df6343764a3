//! `orca inbox [--as NAME]`: the gates NAME may decide right now, across all
//! runs, newest first. One visibility query on `OrcaApprovers`, which the
//! workflow keeps current (allowed, not yet voted, not the requester of a
//! four-eyes gate; `*` for gates open to anyone), with each gate's form
//! and round from the run's memo.

use std::time::SystemTime;

use clap::Args;

use crate::{
    Result,
    client::Orca,
    config::Settings,
    human::short_duration,
    ops::{form::Form, query::RunQuery},
    output::{Cell, Printer},
};

#[derive(Debug, Clone, Args)]
pub struct InboxArgs {
    /// Whose inbox [default: --identity, else the OS user]
    #[arg(long = "as", value_name = "NAME")]
    pub as_name: Option<String>,

    /// At most this many gates (0: all)
    #[arg(long, default_value_t = 50)]
    pub limit: usize,
}

pub async fn run(args: InboxArgs, settings: Settings, printer: &Printer) -> Result<()> {
    let name = args
        .as_name
        .clone()
        .unwrap_or_else(|| settings.identity.clone());
    let orca = Orca::connect(settings).await?;
    let runs = orca
        .list(&RunQuery::inbox(&name).text(), args.limit)
        .await?;
    // The form column only when some gate has a form.
    let with_form = runs.iter().any(|run| run.fields.is_some());
    printer.list(&runs, &format!("nothing for {name} to decide"), |p| {
        let rows = runs
            .iter()
            .map(|run| {
                let age = run
                    .started
                    .and_then(|t| SystemTime::now().duration_since(t).ok())
                    .map_or("-".to_string(), short_duration);
                let text = |value: &Option<String>| value.clone().unwrap_or_else(|| "-".into());
                let mut row = vec![
                    Cell::from(run.workflow_id.as_str()),
                    Cell::from(text(&run.pipeline)),
                    Cell::from(run.prompt_and_round()),
                    Cell::from(age),
                    Cell::from(text(&run.approvals)),
                    Cell::from(text(&run.deadline)),
                ];
                if with_form {
                    row.push(Cell::from(form(run.fields.as_ref())));
                }
                row
            })
            .collect();
        let mut header = vec!["id", "pipeline", "prompt", "age", "approvals", "deadline"];
        if with_form {
            header.push("form");
        }
        p.table(&header, rows);
    });
    Ok(())
}

/// The fields an approval fills in: `replicas (integer), window (choice)`;
/// `-` for a gate without a form.
fn form(fields: Option<&Form>) -> String {
    match fields.filter(|f| !f.is_empty()) {
        None => "-".into(),
        Some(fields) => fields
            .iter()
            .map(|(name, spec)| format!("{name} ({})", spec.kind))
            .collect::<Vec<_>>()
            .join(", "),
    }
}
