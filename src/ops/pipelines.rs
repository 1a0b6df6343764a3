//! The pipelines known here: the built-ins and a `--pipelines DIR`, as a
//! worker started with the same flag knows them. One loader for `start`,
//! `schedule`, `pipelines list` and the worker; each says in its own way
//! that a file in DIR did not load.

use std::path::{Path, PathBuf};

use crate::{
    Error, Result,
    pipeline::{Catalogue, LoadError},
};

/// The catalogue, and the files of `dir` that did not load (with why).
pub fn load(dir: Option<&Path>) -> Result<(Catalogue, Vec<(PathBuf, LoadError)>)> {
    Catalogue::load(dir).map_err(|source| Error::LocalFile {
        what: "pipelines directory",
        path: dir.map(Path::to_path_buf).unwrap_or_default(),
        source,
    })
}

/// The catalogue, each file that did not load told on stderr as a
/// warning (for a command a person runs).
pub fn load_warning(dir: Option<&Path>) -> Result<Catalogue> {
    let (catalogue, skipped) = load(dir)?;
    for (file, e) in skipped {
        eprintln!("warning: skipping {}: {e}", file.display());
    }
    Ok(catalogue)
}
