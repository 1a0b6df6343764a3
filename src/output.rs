//! The one printer. Every command writes through it, so text/json/jsonl,
//! colour and TTY decisions are made once, here.

use std::io::{IsTerminal, Write};

use anstyle::{AnsiColor, Style};
use comfy_table::{ContentArrangement, Table, presets};
use serde::Serialize;

use crate::human::ago;

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum OutputFormat {
    /// Tables and sentences for people
    Text,
    /// One JSON document, stable field names
    Json,
    /// One JSON object per line
    Jsonl,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum ColorChoice {
    Auto,
    Always,
    Never,
}

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
    pub fn new(text: impl Into<String>, tone: Tone) -> Cell {
        Cell {
            text: text.into(),
            tone,
        }
    }

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

    /// A two-column "key: value" card, aligned. A row with an empty key
    /// continues the one above (a list, one item per line).
    pub fn card(&self, rows: &[(&str, String)]) {
        let width = rows.iter().map(|(k, _)| k.len()).max().unwrap_or(0);
        for (key, value) in rows {
            let key = match key.is_empty() {
                true => String::new(),
                false => format!("{key}:"),
            };
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
        match (time, self.stdout_tty) {
            (Some(time), false) => humantime::format_rfc3339_seconds(time).to_string(),
            _ => ago(time),
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

/// Prints an error the one way errors are printed: `error: …` and, when there
/// is an obvious next step, `hint: …`, both on stderr.
pub fn print_error(error: &crate::Error) {
    let mut err = std::io::stderr().lock();
    if let crate::Error::Cancelled { note } = error {
        let _ = writeln!(err, "{note}");
        return;
    }
    // Already shown, as the outcome it is.
    if let crate::Error::Told(_) = error {
        return;
    }
    let _ = writeln!(err, "error: {error}");
    if let Some(hint) = error.hint() {
        let _ = writeln!(err, "hint: {hint}");
    }
}
