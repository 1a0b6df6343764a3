//! `orca pipelines list|show|validate`: the pipelines this binary knows, and
//! checking files before a worker or `orca start` sees them.

use std::path::{Path, PathBuf};

use clap::Subcommand;
use serde_json::json;

use crate::{
    Error, Result,
    cli::args::PipelinesDirArg,
    ops::pipelines::load_warning,
    output::{Cell, Printer},
    pipeline,
};

#[derive(Debug, Clone, Subcommand)]
pub enum PipelinesCommand {
    /// List built-in pipelines (and those in --pipelines DIR)
    List {
        #[command(flatten)]
        pipelines: PipelinesDirArg,
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
        PipelinesCommand::List { pipelines } => list(pipelines.pipelines.as_deref(), printer),
        PipelinesCommand::Show { name } => show(&name, printer),
        PipelinesCommand::Validate { files } => validate(&files, printer),
    }
}

fn list(dir: Option<&Path>, printer: &Printer) -> Result<()> {
    let catalogue = load_warning(dir)?;
    let entries: Vec<_> = catalogue
        .names()
        .into_iter()
        .filter_map(|name| catalogue.get(&name).cloned())
        .map(|spec| {
            let source = catalogue
                .file(&spec.name)
                .map_or("built-in".to_string(), |f| f.display().to_string());
            json!({"name": spec.name, "source": source, "description": spec.description.unwrap_or_default()})
        })
        .collect();
    printer.list(&entries, "no pipelines", |p| {
        let text = |entry: &serde_json::Value, key: &str| {
            Cell::from(entry[key].as_str().unwrap_or_default())
        };
        p.table(
            &["name", "source", "description"],
            entries
                .iter()
                .map(|e| vec![text(e, "name"), text(e, "source"), text(e, "description")])
                .collect(),
        )
    });
    Ok(())
}

fn show(name: &str, printer: &Printer) -> Result<()> {
    let text = match pipeline::builtin_source(name) {
        Some(text) => text.to_string(),
        None if pipeline::is_path(name) => {
            std::fs::read_to_string(name).map_err(|source| Error::Io {
                path: name.into(),
                source,
            })?
        }
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
        let spec = pipeline::parse_toml(&text).map_err(|e| Error::InvalidSpec {
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
