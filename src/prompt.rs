//! Interactive prompts (dialoguer). They appear only when stdin and stdout
//! are terminals; otherwise the caller must turn a missing answer into a
//! usage error with a hint, never a hang.

use std::io::IsTerminal;

use dialoguer::{Confirm, Input, Select, theme::ColorfulTheme};

use crate::{Error, Result};

/// Can we ask the person at the keyboard?
pub fn interactive() -> bool {
    std::io::stdin().is_terminal() && std::io::stdout().is_terminal()
}

/// A command that needs a run ID and got none may offer a picker on a
/// terminal; elsewhere that is a usage error (`verb needs a run ID`).
pub fn need_id_or_terminal(id: Option<&str>, verb: &str, hint: &str) -> Result<()> {
    if id.is_none() && !interactive() {
        return Err(Error::usage_with_hint(
            format!("{verb} needs a run ID"),
            hint.to_string(),
        ));
    }
    Ok(())
}

/// Refuses at once, before anything connects, what could never be
/// confirmed: not `yes`, and no terminal to ask on.
pub fn refuse_unconfirmable(yes: bool, action: &str) -> Result<()> {
    if yes || interactive() {
        return Ok(());
    }
    Err(Error::usage_with_hint(
        format!("refusing to {action} without confirmation"),
        "add --yes",
    ))
}

/// Asks before something that cannot be undone, unless `yes`. Off a
/// terminal, without `yes`, it refuses (`refusing to ACTION without
/// confirmation`, hint `add --yes`). False when the person says no.
pub fn confirm_unless_yes(yes: bool, action: &str, question: &str) -> Result<bool> {
    refuse_unconfirmable(yes, action)?;
    match yes {
        true => Ok(true),
        false => confirm(question),
    }
}

/// Picks one of `items`; `None` when the person backs out (Esc or q).
pub fn select(prompt: &str, items: &[String]) -> Result<Option<usize>> {
    Select::with_theme(&ColorfulTheme::default())
        .with_prompt(prompt)
        .items(items)
        .default(0)
        .interact_opt()
        .map_err(prompt_error)
}

/// Free text; empty is allowed.
pub fn text(prompt: &str) -> Result<String> {
    Input::<String>::with_theme(&ColorfulTheme::default())
        .with_prompt(prompt)
        .allow_empty(true)
        .interact_text()
        .map_err(prompt_error)
}

pub fn confirm(prompt: &str) -> Result<bool> {
    Confirm::with_theme(&ColorfulTheme::default())
        .with_prompt(prompt)
        .default(false)
        .interact()
        .map_err(prompt_error)
}

fn prompt_error(error: dialoguer::Error) -> Error {
    Error::usage(format!("prompt failed: {error}"))
}
