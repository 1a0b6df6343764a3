//! Interactive prompts (dialoguer). They appear only when stdin and stdout
//! are terminals; otherwise the caller must turn a missing answer into a
//! usage error with a hint, never a hang. Every way out of a prompt leaves
//! the terminal as it was: an answer; Esc or `q` at a picker or a yes/no
//! question (text input takes them as text), or a terminal that went away,
//! which end the command with `Error::Cancelled` (exit 130); or Ctrl-C at
//! any prompt, which does the same from a signal handler (`interrupt`).

mod interrupt;

use std::io::IsTerminal;

use dialoguer::{Confirm, Input, Select, theme::ColorfulTheme};

use crate::{Error, Result};

pub use interrupt::{Note, set_note as on_cancel_say};

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
/// confirmation`, hint `add --yes`). False when the person says no (said
/// on stderr); Esc or Ctrl-C cancel the command.
pub fn confirm_unless_yes(yes: bool, action: &str, question: &str) -> Result<bool> {
    refuse_unconfirmable(yes, action)?;
    if yes {
        return Ok(true);
    }
    let agreed = confirm(question)?;
    if !agreed {
        eprintln!("answered no; nothing was done");
    }
    Ok(agreed)
}

/// Picks one of `items`; Esc or `q` cancel the command.
pub fn select(prompt: &str, items: &[String]) -> Result<usize> {
    select_from(prompt, items, 0)
}

/// Picks one of `items`, starting at `default`; Esc or `q` cancel the
/// command. Prompt and items are cut to the terminal's width: a line that
/// wrapped would be redrawn one row off, leaving a stray copy behind.
pub fn select_from(prompt: &str, items: &[String], default: usize) -> Result<usize> {
    let _guard = interrupt::Guard::install();
    let width = width();
    let items: Vec<String> = items.iter().map(|i| fit(i, width, 2)).collect();
    let chosen = Select::with_theme(&ColorfulTheme::default())
        .with_prompt(fit(prompt, width, 4))
        .items(&items)
        .default(default)
        .interact_opt();
    answered(chosen)
}

/// Free text; empty is allowed.
pub fn text(prompt: &str) -> Result<String> {
    let _guard = interrupt::Guard::install();
    let typed = Input::<String>::with_theme(&ColorfulTheme::default())
        .with_prompt(fit(prompt, width(), 4))
        .allow_empty(true)
        .interact_text();
    answered(typed.map(Some))
}

/// Free text that `check` accepts (its error is shown and the question
/// asked again); Enter alone takes `default` when there is one.
pub fn checked_text(
    prompt: &str,
    default: Option<String>,
    mut check: impl FnMut(&str) -> std::result::Result<(), String>,
) -> Result<String> {
    let _guard = interrupt::Guard::install();
    let theme = ColorfulTheme::default();
    let mut input = Input::<String>::with_theme(&theme)
        .with_prompt(fit(prompt, width(), 4))
        .allow_empty(true)
        .validate_with(|text: &String| check(text));
    if let Some(default) = default {
        input = input.default(default);
    }
    answered(input.interact_text().map(Some))
}

/// Yes or no, no by default; Esc or `q` cancel the command.
pub fn confirm(prompt: &str) -> Result<bool> {
    yes_no(prompt, Some(false))
}

/// Yes or no, `default` taken on Enter; Esc or `q` cancel the command.
pub fn yes_no(prompt: &str, default: Option<bool>) -> Result<bool> {
    let _guard = interrupt::Guard::install();
    let theme = ColorfulTheme::default();
    let mut confirm = Confirm::with_theme(&theme).with_prompt(fit(prompt, width(), 12));
    if let Some(default) = default {
        confirm = confirm.default(default);
    }
    answered(confirm.interact_opt())
}

/// The answer, or the command cancelled: backed out (`None`), or the input
/// ended (the terminal went away).
fn answered<T>(answer: dialoguer::Result<Option<T>>) -> Result<T> {
    let cancelled = || Error::Cancelled {
        note: interrupt::note().text().to_string(),
    };
    match answer {
        Ok(Some(answer)) => Ok(answer),
        Ok(None) => Err(cancelled()),
        Err(dialoguer::Error::IO(e)) if e.kind() == std::io::ErrorKind::UnexpectedEof => {
            Err(cancelled())
        }
        Err(error) => Err(Error::usage(format!("prompt failed: {error}"))),
    }
}

/// Columns of the terminal prompts draw on (stderr); 80 when unknown.
fn width() -> usize {
    match console::Term::stderr().size_checked() {
        Some((_, columns)) if columns > 0 => usize::from(columns),
        _ => 80,
    }
}

/// `text` cut (`…`) to what fits one row of `width` columns after
/// `reserved` columns of the prompt's own marks, by display width.
fn fit(text: &str, width: usize, reserved: usize) -> String {
    let room = width.saturating_sub(reserved + 1).max(10);
    console::truncate_str(text, room, "…").into_owned()
}

#[cfg(test)]
mod tests {
    use super::fit;

    #[test]
    fn fit_keeps_what_fits_and_cuts_by_display_width() {
        assert_eq!(fit("short", 80, 2), "short");
        let cut = fit(&"x".repeat(100), 40, 2);
        assert_eq!(console::measure_text_width(&cut), 37);
        assert!(cut.ends_with('…'));
        let wide = fit(&"界".repeat(30), 40, 2);
        assert!(console::measure_text_width(&wide) <= 37);
    }
}
