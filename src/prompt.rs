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
