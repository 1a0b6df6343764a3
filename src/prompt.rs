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
    select_from(prompt, items, 0)
}

/// Picks one of `items`, starting at `default`; `None` when the person
/// backs out (Esc or q).
pub fn select_from(prompt: &str, items: &[String], default: usize) -> Result<Option<usize>> {
    restore_on_interrupt();
    Select::with_theme(&ColorfulTheme::default())
        .with_prompt(prompt)
        .items(items)
        .default(default)
        .interact_opt()
        .map_err(prompt_error)
}

/// Free text; empty is allowed.
pub fn text(prompt: &str) -> Result<String> {
    restore_on_interrupt();
    Input::<String>::with_theme(&ColorfulTheme::default())
        .with_prompt(prompt)
        .allow_empty(true)
        .interact_text()
        .map_err(prompt_error)
}

/// Free text that `check` accepts (its error is shown and the question
/// asked again); Enter alone takes `default` when there is one.
pub fn checked_text(
    prompt: &str,
    default: Option<String>,
    mut check: impl FnMut(&str) -> std::result::Result<(), String>,
) -> Result<String> {
    restore_on_interrupt();
    let theme = ColorfulTheme::default();
    let mut input = Input::<String>::with_theme(&theme)
        .with_prompt(prompt)
        .allow_empty(true)
        .validate_with(|text: &String| check(text));
    if let Some(default) = default {
        input = input.default(default);
    }
    input.interact_text().map_err(prompt_error)
}

pub fn confirm(prompt: &str) -> Result<bool> {
    restore_on_interrupt();
    Confirm::with_theme(&ColorfulTheme::default())
        .with_prompt(prompt)
        .default(false)
        .interact()
        .map_err(prompt_error)
}

/// Yes or no, `default` taken on Enter; `None` when the person backs out
/// (Esc or q).
pub fn yes_no(prompt: &str, default: Option<bool>) -> Result<Option<bool>> {
    restore_on_interrupt();
    let theme = ColorfulTheme::default();
    let mut confirm = Confirm::with_theme(&theme).with_prompt(prompt);
    if let Some(default) = default {
        confirm = confirm.default(default);
    }
    confirm.interact_opt().map_err(prompt_error)
}

fn prompt_error(error: dialoguer::Error) -> Error {
    Error::usage(format!("prompt failed: {error}"))
}

/// Ctrl-C at a prompt: the terminal is in raw mode, so the keypress is read
/// as a byte and `console` restores the mode before raising SIGINT itself;
/// but a select or a confirm has hidden the cursor, and dying of the
/// signal would leave it hidden in the person's shell. This handler shows
/// it again, then lets the signal end the process as it would have (the
/// shell sees an interrupted command, status 130).
fn restore_on_interrupt() {
    static INSTALLED: std::sync::Once = std::sync::Once::new();
    INSTALLED.call_once(|| {
        let handler = on_interrupt as extern "C" fn(libc::c_int);
        // SAFETY: installs a handler that only calls async-signal-safe
        // functions (write, signal, raise).
        unsafe { libc::signal(libc::SIGINT, handler as libc::sighandler_t) };
    });
}

extern "C" fn on_interrupt(signal: libc::c_int) {
    // Show the cursor, and end the prompt's line.
    const RESTORE: &[u8] = b"\x1b[?25h\n";
    // SAFETY: async-signal-safe calls only; the default action is restored
    // before the signal is raised again, so it ends the process.
    unsafe {
        libc::write(libc::STDERR_FILENO, RESTORE.as_ptr().cast(), RESTORE.len());
        libc::signal(signal, libc::SIG_DFL);
        libc::raise(signal);
    }
}
