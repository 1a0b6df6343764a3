//! The one printer. Every command writes through it, so text/json/jsonl,
//! colour and TTY decisions are made once, here.

use std::io::{IsTerminal, Write};

use comfy_table::{ContentArrangement, Table, presets};
use serde::Serialize;

use crate::cli::{ColorChoice, OutputFormat};

#[derive(Debug, Clone)]
pub struct Printer {
    pub format: OutputFormat,
    color: bool,
    stdout_tty: bool,
}

impl Printer {
    pub fn new(format: OutputFormat, color: ColorChoice) -> Self {
        let stdout_tty = std::io::stdout().is_terminal();
        let color = match color {
            ColorChoice::Always => true,
            ColorChoice::Never => false,
            ColorChoice::Auto => {
                std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty())
                    && (stdout_tty || std::env::var_os("CLICOLOR_FORCE").is_some_and(|v| v != "0"))
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

    pub fn table(&self, header: &[&str], rows: Vec<Vec<String>>) {
        let mut table = Table::new();
        table
            .load_preset(presets::NOTHING)
            .set_content_arrangement(if self.stdout_tty {
                ContentArrangement::Dynamic
            } else {
                ContentArrangement::Disabled
            })
            .set_header(header.iter().map(|h| h.to_uppercase()));
        for row in rows {
            table.add_row(row);
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
        self.paint("1", text)
    }

    pub fn dim(&self, text: &str) -> String {
        self.paint("2", text)
    }

    /// Colours a phase or outcome word: green good, red bad, yellow waiting.
    pub fn phase(&self, phase: &str) -> String {
        let code = match phase {
            "completed" | "approved" | "allowed" => "32",
            "rejected" | "denied" | "failed" | "terminated" | "timed_out" | "cancelled"
            | "canceled" => "31",
            "awaiting_approval" | "paused" | "stopped" => "33",
            "running" => "36",
            _ => return phase.to_string(),
        };
        self.paint(code, phase)
    }

    fn paint(&self, code: &str, text: &str) -> String {
        if self.color {
            format!("\x1b[{code}m{text}\x1b[0m")
        } else {
            text.to_string()
        }
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
    use clap::error::ErrorKind;
    match error.kind() {
        ErrorKind::DisplayHelp | ErrorKind::DisplayVersion => {
            let _ = error.print();
            crate::error::exit::OK
        }
        ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand => {
            let _ = error.print();
            crate::error::exit::USAGE
        }
        _ => {
            let text = error.render().to_string();
            let mut lines = text.lines().map(str::trim).filter(|l| !l.is_empty());
            let first = lines.next().unwrap_or("invalid arguments");
            let message = first.strip_prefix("error: ").unwrap_or(first);
            let tip = lines
                .find_map(|l| l.strip_prefix("tip: "))
                .map(str::to_string);
            let usage = text
                .lines()
                .find_map(|l| l.trim().strip_prefix("Usage: "))
                .map(|u| format!("usage: {u} (more: --help)"));
            let mut err = std::io::stderr().lock();
            let _ = writeln!(err, "error: {message}");
            if let Some(hint) = tip.or(usage) {
                let _ = writeln!(err, "hint: {hint}");
            }
            crate::error::exit::USAGE
        }
    }
}
