//! `orca pipelines list|show|validate`: the pipelines this binary knows, and
//! checking files before a worker or `orca start` sees them.

use std::path::PathBuf;

use clap::Subcommand;
use serde_json::json;

use crate::{
    Error, Result,
    output::Printer,
    pipeline::{self, Catalogue},
};

#[derive(Debug, Clone, Subcommand)]
pub enum PipelinesCommand {
    /// List built-in pipelines (and those in --pipelines DIR)
    List {
        /// Also list *.toml pipelines in this directory
        #[arg(long, value_name = "DIR", env = "ORCA_PIPELINES")]
        pipelines: Option<PathBuf>,
    },
    /// Print a pipeline's TOML (a built-in name or a file)
    Show {
        /// Built-in name or path to a .toml file
        name: String,
    },
    /// Check pipeline files; exit 2 naming the first problem of each bad file
    Validate {
        #[arg(required = true, value_name = "FILE")]
        files: Vec<PathBuf>,
    },
}

pub fn run(command: PipelinesCommand, printer: &Printer) -> Result<()> {
    match command {
        PipelinesCommand::List { pipelines } => list(pipelines, printer),
        PipelinesCommand::Show { name } => show(&name, printer),
        PipelinesCommand::Validate { files } => validate(&files, printer),
    }
}

fn list(dir: Option<PathBuf>, printer: &Printer) -> Result<()> {
    let mut entries: Vec<(String, String, String)> = Catalogue::builtins()
        .names()
        .into_iter()
        .filter_map(|name| pipeline::builtin(&name))
        .map(|spec| {
            (
                spec.name,
                "built-in".to_string(),
                spec.description.unwrap_or_default(),
            )
        })
        .collect();
    if let Some(dir) = dir {
        let paths = pipeline::toml_files(&dir).map_err(|source| Error::Io {
            path: dir.clone(),
            source,
        })?;
        for path in paths {
            match pipeline::load_file(&path) {
                Ok(spec) => entries.push((
                    spec.name,
                    path.display().to_string(),
                    spec.description.unwrap_or_default(),
                )),
                Err(e) => eprintln!("warning: skipping {e}"),
            }
        }
    }
    let json: Vec<_> = entries
        .iter()
        .map(|(name, source, description)| json!({"name": name, "source": source, "description": description}))
        .collect();
    printer.emit(&json, |p| {
        p.table(
            &["name", "source", "description"],
            entries
                .iter()
                .map(|(n, s, d)| vec![n.clone(), s.clone(), d.clone()])
                .collect(),
        )
    });
    Ok(())
}

fn show(name: &str, printer: &Printer) -> Result<()> {
    let text = match pipeline::builtin_source(name) {
        Some(text) => text.to_string(),
        None if name.ends_with(".toml") || name.contains('/') => std::fs::read_to_string(name)
            .map_err(|source| Error::Io {
                path: name.into(),
                source,
            })?,
        None => {
            return Err(Error::UnknownPipeline {
                name: name.to_string(),
                known: pipeline::builtin_names(),
            });
        }
    };
    if printer.is_text() {
        printer.line(text.trim_end());
    } else {
        let spec = pipeline::parse_toml(&text, name).map_err(|e| Error::InvalidSpec {
            message: format!("{name}: {e}"),
        })?;
        printer.json(&spec);
    }
    Ok(())
}

fn validate(files: &[PathBuf], printer: &Printer) -> Result<()> {
    // One file: its problem is the error, on one line.
    if let [file] = files
        && printer.is_text()
    {
        let spec = pipeline::load_file(file).map_err(|e| match e {
            pipeline::LoadError::Io(source) => Error::Io {
                path: file.clone(),
                source,
            },
            pipeline::LoadError::Spec(e) => Error::InvalidSpec {
                message: e.to_string(),
            },
        })?;
        printer.line(&format!(
            "ok {}: pipeline `{}`, {} steps",
            file.display(),
            spec.name,
            spec.steps.len()
        ));
        return Ok(());
    }
    let mut results = Vec::new();
    for file in files {
        let outcome = pipeline::load_file(file);
        results.push(match &outcome {
            Ok(spec) => {
                json!({"file": file, "ok": true, "name": spec.name, "steps": spec.steps.len()})
            }
            Err(e) => json!({"file": file, "ok": false, "error": e.to_string()}),
        });
        if printer.is_text() {
            match outcome {
                Ok(spec) => printer.line(&format!(
                    "ok {}: pipeline `{}`, {} steps",
                    file.display(),
                    spec.name,
                    spec.steps.len()
                )),
                Err(e) => eprintln!("error: {e}"),
            }
        }
    }
    if !printer.is_text() {
        printer.json(&results);
    }
    let bad = results.iter().filter(|r| r["ok"] == false).count();
    if bad > 0 {
        return Err(Error::FilesInvalid {
            bad,
            total: results.len(),
        });
    }
    Ok(())
}
