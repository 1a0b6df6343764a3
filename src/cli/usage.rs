//! Usage errors from clap, in orca's one-line form.

use std::io::Write;

/// Usage errors from clap, in orca's one-line form (`error:` + `hint:`);
/// help and version print as clap prints them. Returns the exit code.
pub fn print_clap_error(error: &clap::Error) -> u8 {
    use clap::error::{ContextKind, ContextValue, ErrorKind};
    match error.kind() {
        ErrorKind::DisplayHelp | ErrorKind::DisplayVersion => {
            let _ = error.print();
            return crate::error::exit::OK;
        }
        ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand => {
            let _ = error.print();
            return crate::error::exit::USAGE;
        }
        _ => {}
    }
    let strings = |kind| match error.get(kind) {
        Some(ContextValue::Strings(values)) => values.join(", "),
        Some(ContextValue::String(value)) => value.clone(),
        _ => String::new(),
    };
    let text = error.render().to_string();
    let mut lines = text.lines().map(str::trim).filter(|l| !l.is_empty());
    let first = lines.next().unwrap_or("invalid arguments");
    let mut message = first.strip_prefix("error: ").unwrap_or(first).to_string();
    // clap names what is missing on the lines after the first: one line here.
    if error.kind() == ErrorKind::MissingRequiredArgument {
        message = format!(
            "missing {}",
            strings(ContextKind::InvalidArg).replace(", ", " and ")
        );
    }
    let valid = strings(ContextKind::ValidValue);
    let tip = lines
        .find_map(|l| l.strip_prefix("tip: "))
        .map(str::to_string);
    // `-V` is orca's alone (README "Global options"); clap's tip about
    // values that start with `-` would mislead here.
    let version = error.kind() == ErrorKind::UnknownArgument
        && matches!(
            strings(ContextKind::InvalidArg).as_str(),
            "-V" | "--version"
        );
    let hint = match (valid.is_empty(), tip) {
        _ if version => Some("the version is orca's own: orca --version".to_string()),
        (false, _) => Some(format!("valid values: {valid}")),
        (true, Some(tip)) => Some(tip),
        (true, None) => usage(&text).map(|u| format!("usage: {u} (more: --help)")),
    };
    let mut err = std::io::stderr().lock();
    let _ = writeln!(err, "error: {message}");
    if let Some(hint) = hint {
        let _ = writeln!(err, "hint: {hint}");
    }
    crate::error::exit::USAGE
}

/// The usage of the command an error is about, as its definition has it.
/// (clap's own usage line also lists every option set from the
/// environment, `--address` when `TEMPORAL_ADDRESS` is set, as if it were
/// required.)
fn usage(rendered: &str) -> Option<String> {
    let line = rendered
        .lines()
        .find_map(|l| l.trim().strip_prefix("Usage: "))?;
    let path: Vec<&str> = line
        .split_whitespace()
        .take_while(|word| !word.starts_with(['<', '[', '-']))
        .collect();
    let mut command = crate::cli::command();
    for name in path.iter().skip(1) {
        command = command.find_subcommand(name)?.clone();
    }
    let usage = command.bin_name(path.join(" ")).render_usage().to_string();
    Some(usage.trim().trim_start_matches("Usage: ").to_string())
}
