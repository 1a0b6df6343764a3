//! The one printer. Every command writes through it, so text/json/jsonl,
//! colour and TTY decisions are made once, here.

use std::io::{IsTerminal, Write};

use anstyle::{AnsiColor, Style};
use comfy_table::{ContentArrangement, Table, presets};
use serde::Serialize;

use crate::cli::{ColorChoice, OutputFormat};

#[derive(Debug, Clone)]
pub struct Printer {
    pub format: OutputFormat,
    color: bool,
    stdout_tty: bool,
}

/// How a state word is coloured: by what it means to the reader.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tone {
    /// Completed, approved, allowed: green.
    Good,
    /// Rejected, denied, failed, ended from outside: red.
    Bad,
    /// Waiting for a person, paused, stopped: yellow.
    Waiting,
    /// Under way: cyan.
    Active,
    Plain,
}

impl Tone {
    fn style(self) -> Style {
        let color = match self {
            Tone::Good => AnsiColor::Green,
            Tone::Bad => AnsiColor::Red,
            Tone::Waiting => AnsiColor::Yellow,
            Tone::Active => AnsiColor::Cyan,
            Tone::Plain => return Style::new(),
        };
        Style::new().fg_color(Some(color.into()))
    }

    fn table_color(self) -> Option<comfy_table::Color> {
        match self {
            Tone::Good => Some(comfy_table::Color::Green),
            Tone::Bad => Some(comfy_table::Color::Red),
            Tone::Waiting => Some(comfy_table::Color::Yellow),
            Tone::Active => Some(comfy_table::Color::Cyan),
            Tone::Plain => None,
        }
    }
}

/// A state with a word and a tone (a phase, an outcome, a decision).
pub trait Toned {
    fn word(&self) -> &str;
    fn tone(&self) -> Tone;
}

/// One cell of a table: its text, and the tone it is coloured with. The
/// table library colours it after measuring, so coloured columns line up.
#[derive(Debug, Clone)]
pub struct Cell {
    text: String,
    tone: Tone,
}

impl Cell {
    pub fn toned(state: &dyn Toned) -> Cell {
        Cell {
            text: state.word().to_string(),
            tone: state.tone(),
        }
    }
}

impl From<String> for Cell {
    fn from(text: String) -> Cell {
        Cell {
            text,
            tone: Tone::Plain,
        }
    }
}

impl From<&str> for Cell {
    fn from(text: &str) -> Cell {
        Cell::from(text.to_string())
    }
}

impl Printer {
    /// `--color`, then `NO_COLOR` / `CLICOLOR_FORCE` / `CLICOLOR` and
    /// whether stdout is a terminal (anstream's rules, as clap's), resolved
    /// once. Machine output is never coloured.
    pub fn new(format: OutputFormat, color: ColorChoice) -> Self {
        let stdout_tty = std::io::stdout().is_terminal();
        let color = match color {
            ColorChoice::Always => true,
            ColorChoice::Never => false,
            ColorChoice::Auto => {
                anstream::AutoStream::choice(&std::io::stdout()) != anstream::ColorChoice::Never
            }
        };
        Printer {
            format,
            color: color && format == OutputFormat::Text,
            stdout_tty,
        }
    }

    pub fn is_text(&self) -> bool {
        self.format == OutputFormat::Text
    }

    pub fn stdout_is_tty(&self) -> bool {
        self.stdout_tty
    }

    /// Prints a value as one JSON document (json) or one line (jsonl).
    /// Text mode callers render themselves and use `line`/`table`.
    pub fn json<T: Serialize>(&self, value: &T) {
        let text = match self.format {
            OutputFormat::Jsonl => serde_json::to_string(value),
            _ => serde_json::to_string_pretty(value),
        }
        .unwrap_or_else(|e| format!("{{\"error\": \"cannot serialise output: {e}\"}}"));
        self.line(&text);
    }

    /// Prints `value` as JSON in json/jsonl mode, or calls `text` otherwise.
    pub fn emit<T: Serialize>(&self, value: &T, text: impl FnOnce(&Printer)) {
        if self.is_text() {
            text(self)
        } else {
            self.json(value)
        }
    }

    /// Prints a list: one JSON array (json), one object per line (jsonl),
    /// or, in text, `empty` on stderr when there is nothing, else `text`.
    pub fn list<T: Serialize>(&self, items: &[T], empty: &str, text: impl FnOnce(&Printer)) {
        match self.format {
            OutputFormat::Jsonl => items.iter().for_each(|item| self.json(item)),
            OutputFormat::Json => self.json(&items),
            OutputFormat::Text if items.is_empty() => eprintln!("{empty}"),
            OutputFormat::Text => text(self),
        }
    }

    /// Writes one line to stdout. A closed pipe (`orca list | head`) ends the
    /// process quietly with 0, as a filter should.
    pub fn line(&self, text: &str) {
        let mut out = std::io::stdout().lock();
        if writeln!(out, "{text}").and_then(|_| out.flush()).is_err() {
            std::process::exit(0);
        }
    }

    /// A two-column "key: value" card, aligned.
    pub fn card(&self, rows: &[(&str, String)]) {
        let width = rows.iter().map(|(k, _)| k.len()).max().unwrap_or(0);
        for (key, value) in rows {
            let key = format!("{key}:");
            self.line(&format!(
                "{}  {value}",
                self.bold(&format!("{key:<w$}", w = width + 1))
            ));
        }
    }

    pub fn table(&self, header: &[&str], rows: Vec<Vec<Cell>>) {
        let mut table = Table::new();
        table
            .load_preset(presets::NOTHING)
            .set_content_arrangement(if self.stdout_tty {
                ContentArrangement::Dynamic
            } else {
                ContentArrangement::Disabled
            })
            .set_header(header.iter().map(|h| h.to_uppercase()));
        if self.color {
            table.enforce_styling();
        }
        for row in rows {
            table.add_row(row.into_iter().map(|cell| {
                let plain = comfy_table::Cell::new(cell.text);
                match cell.tone.table_color().filter(|_| self.color) {
                    Some(color) => plain.fg(color),
                    None => plain,
                }
            }));
        }
        for line in table.lines() {
            self.line(line.trim_end());
        }
    }

    /// A point in time: relative ("3m ago") for people at a terminal,
    /// RFC 3339 when piped.
    pub fn time(&self, time: Option<std::time::SystemTime>) -> String {
        let Some(time) = time else { return "-".into() };
        if !self.stdout_tty {
            return humantime::format_rfc3339_seconds(time).to_string();
        }
        match std::time::SystemTime::now().duration_since(time) {
            Ok(ago) => format!("{} ago", short_duration(ago)),
            Err(_) => "just now".into(),
        }
    }

    /// A progress bar on stderr, drawn only when stderr is a terminal and
    /// the output is text (hidden otherwise, so it never mixes with data).
    pub fn progress_bar(&self, length: u64, label: &str) -> indicatif::ProgressBar {
        if !self.is_text() || !std::io::stderr().is_terminal() {
            return indicatif::ProgressBar::hidden();
        }
        let bar = indicatif::ProgressBar::new(length);
        if let Ok(style) =
            indicatif::ProgressStyle::with_template("{msg} [{bar:30}] {pos}/{len} ({elapsed})")
        {
            bar.set_style(style.progress_chars("=> "));
        }
        bar.set_message(label.to_string());
        bar
    }

    pub fn bold(&self, text: &str) -> String {
        self.paint(Style::new().bold(), text)
    }

    pub fn dim(&self, text: &str) -> String {
        self.paint(Style::new().dimmed(), text)
    }

    /// A state's word, coloured by its tone.
    pub fn state(&self, state: &dyn Toned) -> String {
        self.paint(state.tone().style(), state.word())
    }

    fn paint(&self, style: Style, text: &str) -> String {
        if self.color {
            format!("{style}{text}{style:#}")
        } else {
            text.to_string()
        }
    }
}

/// A duration for people: `850ms`, `2.0s`, `3m 5s`, `2h 10m` (never
/// humantime's nanoseconds).
pub fn human_duration(d: std::time::Duration) -> String {
    let secs = d.as_secs();
    match secs {
        0 if d.as_millis() < 1000 => format!("{}ms", d.as_millis()),
        0..60 => format!("{:.1}s", d.as_secs_f64()),
        60..3600 => format!("{}m {}s", secs / 60, secs % 60),
        _ => format!("{}h {}m", secs / 3600, secs % 3600 / 60),
    }
}

/// "42s", "3m", "5h", "2d": one unit, enough for a listing.
pub fn short_duration(d: std::time::Duration) -> String {
    let secs = d.as_secs();
    match secs {
        0..60 => format!("{secs}s"),
        60..3600 => format!("{}m", secs / 60),
        3600..86400 => format!("{}h", secs / 3600),
        _ => format!("{}d", secs / 86400),
    }
}

/// Prints an error the one way errors are printed: `error: …` and, when there
/// is an obvious next step, `hint: …`, both on stderr.
pub fn print_error(error: &crate::Error) {
    let mut err = std::io::stderr().lock();
    let _ = writeln!(err, "error: {error}");
    if let Some(hint) = error.hint() {
        let _ = writeln!(err, "hint: {hint}");
    }
}

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
    let hint = match (valid.is_empty(), tip) {
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
    use clap::CommandFactory;
    let line = rendered
        .lines()
        .find_map(|l| l.trim().strip_prefix("Usage: "))?;
    let path: Vec<&str> = line
        .split_whitespace()
        .take_while(|word| !word.starts_with(['<', '[', '-']))
        .collect();
    let mut command = crate::cli::Cli::command();
    for name in path.iter().skip(1) {
        command = command.find_subcommand(name)?.clone();
    }
    let usage = command.bin_name(path.join(" ")).render_usage().to_string();
    Some(usage.trim().trim_start_matches("Usage: ").to_string())
}
