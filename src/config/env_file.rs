//! `--env-file FILE`: variables read from a file, as if they were set in
//! the environment. The seeds keep theirs in `.env.temporal`; no `.env` is
//! ever read implicitly (a file in whatever directory a command happens to
//! run in must not change where it connects).
//!
//! The file is loaded before the command line is parsed, because clap reads
//! `TEMPORAL_*` variables while parsing. A variable already set in the
//! environment wins over the file (as with dotenv and `docker --env-file`
//! beside `-e`); both rank under flags and over profiles.

use std::{
    collections::{BTreeMap, BTreeSet},
    ffi::OsString,
    path::{Path, PathBuf},
    sync::OnceLock,
};

use crate::{Error, Result};

/// The flag the scan looks for (clap's `env_file` field is the same flag,
/// declared for `--help` and so that clap accepts it).
const FLAG: &str = "--env-file";

/// What a line of an env file can get wrong. Never quotes the value: an
/// env file holds secrets.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Problem {
    Unreadable(String),
    NoEquals,
    BadName,
    UnclosedQuote,
    TextAfterQuote,
}

impl std::fmt::Display for Problem {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Problem::Unreadable(why) => write!(f, "cannot be read ({why})"),
            Problem::NoEquals => f.write_str("is not NAME=VALUE"),
            // Not the text itself: on a line missing its `=` (`KEY abc==`)
            // it would be the value.
            Problem::BadName => {
                f.write_str("does not start with a variable name (letters, digits and _)")
            }
            Problem::UnclosedQuote => f.write_str("has a quote that is never closed"),
            Problem::TextAfterQuote => f.write_str("has text after its closing quote"),
        }
    }
}

/// The file loaded in this process and the names it set (those not already
/// in the environment): `orca doctor` says where each setting came from.
#[derive(Debug)]
pub struct Loaded {
    pub path: PathBuf,
    pub names: BTreeSet<String>,
}

static LOADED: OnceLock<Loaded> = OnceLock::new();

/// The env file this process read, if any.
pub fn loaded() -> Option<&'static Loaded> {
    LOADED.get()
}

/// Whether `name` was set by the env file (rather than the environment).
pub fn set_by_file(name: &str) -> Option<&'static Path> {
    loaded()
        .filter(|l| l.names.contains(name))
        .map(|l| l.path.as_path())
}

/// Finds `--env-file FILE` (or `=FILE`) among the arguments, reads the file
/// and sets each variable the environment does not already have.
///
/// # Safety
/// No other thread may exist: it sets process environment.
pub unsafe fn load_from_args(args: impl IntoIterator<Item = OsString>) -> Result<()> {
    let Some(path) = find_flag(args) else {
        return Ok(());
    };
    let fail = |line, problem| Error::EnvFile {
        path: path.clone(),
        line,
        problem,
    };
    let text = std::fs::read_to_string(&path)
        .map_err(|e| fail(None, Problem::Unreadable(e.to_string())))?;
    let pairs = parse(&text).map_err(|(line, problem)| fail(Some(line), problem))?;
    // A name given twice takes its last value (as dotenv does), so the
    // environment is looked at once, before the file sets anything.
    let file: BTreeMap<String, String> = pairs.into_iter().collect();
    // An empty value is unset, as orca reads the environment everywhere
    // (a template's `TEMPORAL_API_KEY=` must not turn TLS on).
    let names: BTreeSet<String> = file
        .iter()
        .filter(|(name, value)| !value.is_empty() && std::env::var_os(name).is_none())
        .map(|(name, _)| name)
        .cloned()
        .collect();
    for name in &names {
        // SAFETY: the caller guarantees no other thread exists yet
        // (`prepare_environment`'s contract), so nothing reads the
        // environment concurrently.
        unsafe { std::env::set_var(name, &file[name]) };
    }
    let _ = LOADED.set(Loaded { path, names });
    Ok(())
}

/// The value of the last `--env-file` before a `--` (clap's rule: the last
/// occurrence of a flag wins; after `--` nothing is a flag).
fn find_flag(args: impl IntoIterator<Item = OsString>) -> Option<PathBuf> {
    let mut found = None;
    let mut args = args.into_iter().skip(1);
    while let Some(arg) = args.next() {
        let Some(text) = arg.to_str() else { continue };
        if text == "--" {
            break;
        }
        if text == FLAG {
            found = args.next().map(PathBuf::from);
        } else if let Some(value) = text.strip_prefix(FLAG).and_then(|t| t.strip_prefix('=')) {
            found = Some(PathBuf::from(value));
        }
    }
    found
}

/// `NAME=VALUE` lines, the dotenv way: blank lines and `#` comments skipped,
/// an optional `export `, values bare (a ` #` starts a comment), in single
/// quotes (taken as written) or double quotes (`\n`, `\t`, `\r`, `\"`, `\'`,
/// `\\` escapes). `${VAR}` is not expanded: a value is taken as written.
/// An error names the 1-based line.
pub fn parse(text: &str) -> std::result::Result<Vec<(String, String)>, (usize, Problem)> {
    let mut pairs = Vec::new();
    // Notepad and PowerShell 5 start a UTF-8 file with a byte-order mark.
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    for (index, raw) in text.lines().enumerate() {
        let line = raw.trim();
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        let line = line.strip_prefix("export ").unwrap_or(line).trim_start();
        let (name, value) = line.split_once('=').ok_or((index + 1, Problem::NoEquals))?;
        let name = name.trim();
        if !is_name(name) {
            return Err((index + 1, Problem::BadName));
        }
        let value = parse_value(value.trim()).map_err(|p| (index + 1, p))?;
        pairs.push((name.to_string(), value));
    }
    Ok(pairs)
}

fn is_name(name: &str) -> bool {
    let mut chars = name.chars();
    matches!(chars.next(), Some(c) if c.is_ascii_alphabetic() || c == '_')
        && chars.all(|c| c.is_ascii_alphanumeric() || c == '_')
}

fn parse_value(value: &str) -> std::result::Result<String, Problem> {
    let Some(quote) = value.chars().next().filter(|c| *c == '"' || *c == '\'') else {
        // A bare value ends at a comment; `a#b` keeps its `#`.
        let bare = value.split(" #").next().unwrap_or_default();
        return Ok(bare.trim_end().to_string());
    };
    let body = &value[1..];
    let mut out = String::new();
    let mut chars = body.char_indices();
    while let Some((at, c)) = chars.next() {
        match c {
            '\\' if quote == '"' => match chars.next() {
                Some((_, escaped)) => unescape(escaped, &mut out),
                None => return Err(Problem::UnclosedQuote),
            },
            c if c == quote => {
                let rest = body[at + 1..].trim_start();
                return match rest.is_empty() || rest.starts_with('#') {
                    true => Ok(out),
                    false => Err(Problem::TextAfterQuote),
                };
            }
            c => out.push(c),
        }
    }
    Err(Problem::UnclosedQuote)
}

/// python-dotenv's escapes in double quotes; any other backslash is kept
/// as written (`"C:\certs\k.pem"` stays a Windows path).
fn unescape(escaped: char, out: &mut String) {
    match escaped {
        'n' => out.push('\n'),
        't' => out.push('\t'),
        'r' => out.push('\r'),
        '\\' | '"' | '\'' => out.push(escaped),
        other => {
            out.push('\\');
            out.push(other);
        }
    }
}

#[cfg(test)]
#[path = "env_file_tests.rs"]
mod tests;
