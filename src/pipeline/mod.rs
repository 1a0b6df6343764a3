//! Pipelines as data: parsing, validation, built-ins and input resolution.
//! Used by the CLI (to refuse a bad spec before anything starts) and by the
//! worker's resolve activity (so a spec sent by any client is checked the same way).

pub mod fields;
mod location;
pub mod spec;
pub mod template;
mod validate;

use std::path::{Path, PathBuf};

use serde_json::{Map, Value};

pub use location::{SpecPath, line_col, locate};
pub use spec::{PipelineSpec, Step, StepKind};
pub use validate::{NOTIFY_ROOTS, validate};

/// Pipelines embedded in the binary: (name, TOML text).
pub const BUILTINS: &[(&str, &str)] = &[
    ("sample", include_str!("builtin/sample.toml")),
    ("agent-task", include_str!("builtin/agent-task.toml")),
    (
        "feed-publisher",
        include_str!("builtin/feed-publisher.toml"),
    ),
    ("learning", include_str!("builtin/learning.toml")),
    ("data-analysis", include_str!("builtin/data-analysis.toml")),
    (
        "long-running-task",
        include_str!("builtin/long-running-task.toml"),
    ),
    (
        "image-generation",
        include_str!("builtin/image-generation.toml"),
    ),
    (
        "memory-expansion",
        include_str!("builtin/memory-expansion.toml"),
    ),
    ("code-analysis", include_str!("builtin/code-analysis.toml")),
    (
        "self-improvement",
        include_str!("builtin/self-improvement.toml"),
    ),
    (
        "model-training",
        include_str!("builtin/model-training.toml"),
    ),
];

pub fn builtin_names() -> Vec<String> {
    BUILTINS.iter().map(|(name, _)| name.to_string()).collect()
}

/// The TOML text of a built-in pipeline.
pub fn builtin_source(name: &str) -> Option<&'static str> {
    BUILTINS
        .iter()
        .find(|(n, _)| *n == name)
        .map(|(_, text)| *text)
}

/// A built-in pipeline, parsed and validated.
pub fn builtin(name: &str) -> Option<PipelineSpec> {
    let text = builtin_source(name)?;
    // Built-ins are checked by a unit test; a broken one is a build bug.
    Some(parse_toml(text).unwrap_or_else(|e| panic!("built-in pipeline {name}: {e}")))
}

/// The pipelines a worker can run by name: the built-ins plus any loaded from
/// files. Ordered by name so listings are stable.
#[derive(Debug, Clone, Default)]
pub struct Catalogue {
    pipelines: std::collections::BTreeMap<String, PipelineSpec>,
    /// The file each pipeline loaded from a directory came from.
    files: std::collections::BTreeMap<String, PathBuf>,
}

impl Catalogue {
    pub fn builtins() -> Self {
        let mut catalogue = Catalogue::default();
        for (name, _) in BUILTINS {
            if let Some(spec) = builtin(name) {
                catalogue.insert(spec);
            }
        }
        catalogue
    }

    /// Adds or replaces a pipeline under its own name.
    pub fn insert(&mut self, spec: PipelineSpec) {
        self.pipelines.insert(spec.name.clone(), spec);
    }

    pub fn get(&self, name: &str) -> Option<&PipelineSpec> {
        self.pipelines.get(name)
    }

    pub fn names(&self) -> Vec<String> {
        self.pipelines.keys().cloned().collect()
    }

    /// The built-ins plus the `*.toml` pipelines of `dir` (as a worker
    /// started with `--pipelines DIR` knows them). A file that does not
    /// load is left out and handed back, so one bad file does not take the
    /// good ones down with it; what to say about it is the caller's choice.
    pub fn load(dir: Option<&Path>) -> std::io::Result<(Catalogue, Vec<(PathBuf, LoadError)>)> {
        let mut catalogue = Catalogue::builtins();
        let mut skipped = Vec::new();
        if let Some(dir) = dir {
            for path in toml_files(dir)? {
                match load_file(&path) {
                    Ok(spec) => {
                        catalogue.files.insert(spec.name.clone(), path);
                        catalogue.insert(spec);
                    }
                    Err(e) => skipped.push((path, e)),
                }
            }
        }
        Ok((catalogue, skipped))
    }

    /// The file a pipeline came from; `None` for a built-in.
    pub fn file(&self, name: &str) -> Option<&Path> {
        self.files.get(name).map(PathBuf::as_path)
    }

    /// Known names `name` is probably a typo of (see `typos`).
    pub fn typos(&self, name: &str) -> Vec<String> {
        typos(name, self.pipelines.keys())
    }
}

/// The names among `known` that `name` is probably a typo of, closest
/// first: at most two edits away (one for a short name), and neither an
/// extension of the other (`sample-v2` is a name of its own, not a typo of
/// `sample`).
pub fn typos<'a>(name: &str, known: impl IntoIterator<Item = &'a String>) -> Vec<String> {
    let allowed = if name.chars().count() <= 4 { 1 } else { 2 };
    let mut close: Vec<(usize, &String)> = known
        .into_iter()
        .filter(|k| !k.starts_with(name) && !name.starts_with(k.as_str()))
        .map(|k| (strsim::damerau_levenshtein(name, k), k))
        .filter(|(distance, _)| *distance <= allowed)
        .collect();
    close.sort();
    close.into_iter().map(|(_, k)| k.clone()).collect()
}

/// What is wrong with a spec, and where, as one line.
#[derive(Debug, Clone, PartialEq)]
pub struct SpecError {
    /// What the problem is about, in the spec (`steps[2].retry`).
    pub path: SpecPath,
    /// `line:column` in the source file, when known (found from `path`, or
    /// where the TOML parser stopped).
    pub location: Option<String>,
    pub message: String,
}

impl std::fmt::Display for SpecError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match &self.location {
            Some(at) => write!(f, "{at}: {}", self.message),
            // An inline spec has no lines: say where in it.
            None if !self.path.is_root() => write!(f, "{}: {}", self.path, self.message),
            None => f.write_str(&self.message),
        }
    }
}

/// Parses and validates a TOML spec; a problem says where, as `line:column`.
pub fn parse_toml(text: &str) -> Result<PipelineSpec, SpecError> {
    let at = |(line, column): (usize, usize)| format!("{line}:{column}");
    let spec: PipelineSpec = toml::from_str(text).map_err(|e| {
        // A gate's options are read through its step's `kind` tag, which
        // loses where in the step a bad field type was: find it ourselves.
        if let Some(mut err) = fields::unknown_type(text) {
            err.location = locate(text, &err.path).map(at);
            return err;
        }
        SpecError {
            path: SpecPath::root(),
            location: e.span().map(|span| at(line_col(text, span.start))),
            message: e.message().trim().to_string(),
        }
    })?;
    validate(&spec).map_err(|mut err| {
        err.location = locate(text, &err.path).map(at);
        err
    })?;
    Ok(spec)
}

#[derive(Debug)]
pub enum LoadError {
    Io(std::io::Error),
    /// The spec is invalid; its location starts with the file path.
    Spec(SpecError),
}

impl std::fmt::Display for LoadError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            LoadError::Io(e) => e.fmt(f),
            LoadError::Spec(e) => e.fmt(f),
        }
    }
}

/// The `*.toml` files of a directory, sorted by name.
pub fn toml_files(dir: &Path) -> std::io::Result<Vec<PathBuf>> {
    let mut paths: Vec<PathBuf> = std::fs::read_dir(dir)?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "toml"))
        .collect();
    paths.sort();
    Ok(paths)
}

/// Whether a pipeline argument names a file (a `.toml` name or a path)
/// rather than a pipeline by its name.
pub fn is_path(pipeline: &str) -> bool {
    pipeline.ends_with(".toml") || pipeline.contains('/')
}

/// Reads, parses and validates a pipeline file.
pub fn load_file(path: &Path) -> Result<PipelineSpec, LoadError> {
    let text = std::fs::read_to_string(path).map_err(LoadError::Io)?;
    parse_toml(&text).map_err(|mut e| {
        e.location = Some(match e.location.take() {
            Some(at) => format!("{}:{at}", path.display()),
            None => path.display().to_string(),
        });
        LoadError::Spec(e)
    })
}

/// Parses and validates a spec sent as JSON (the workflow input's inline form).
pub fn parse_json(value: &Value) -> Result<PipelineSpec, SpecError> {
    let spec: PipelineSpec = serde_json::from_value(value.clone()).map_err(|e| SpecError {
        path: SpecPath::root(),
        location: None,
        message: e.to_string(),
    })?;
    validate(&spec)?;
    Ok(spec)
}

/// The inputs a run gets: given values, then declared defaults; required ones
/// must be present and undeclared ones are refused (they are usually typos).
pub fn resolve_inputs(
    spec: &PipelineSpec,
    given: &Map<String, Value>,
) -> Result<Map<String, Value>, InputError> {
    if let Some(unknown) = given.keys().find(|k| !spec.inputs.contains_key(*k)) {
        return Err(InputError::Unknown {
            name: unknown.clone(),
            declared: spec.inputs.keys().cloned().collect(),
        });
    }
    let mut resolved = Map::new();
    for (name, declared) in &spec.inputs {
        match given.get(name).or(declared.default.as_ref()) {
            Some(value) => {
                resolved.insert(name.clone(), value.clone());
            }
            None if declared.required => {
                return Err(InputError::Missing { name: name.clone() });
            }
            None => {}
        }
    }
    Ok(resolved)
}

#[derive(Debug, Clone, PartialEq)]
pub enum InputError {
    Missing { name: String },
    Unknown { name: String, declared: Vec<String> },
}

impl std::fmt::Display for InputError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            InputError::Missing { name } => write!(f, "missing required input `{name}`"),
            InputError::Unknown { name, declared } if declared.is_empty() => {
                write!(f, "unknown input `{name}`: the pipeline takes no inputs")
            }
            InputError::Unknown { name, declared } => write!(
                f,
                "unknown input `{name}` (declared: {})",
                declared.join(", ")
            ),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn builtins_parse_and_validate() {
        for (name, text) in BUILTINS {
            let spec = parse_toml(text).unwrap_or_else(|e| panic!("{name}: {e}"));
            assert_eq!(&spec.name, name);
        }
    }

    #[test]
    fn unknown_keys_are_errors_with_a_location() {
        let text =
            "name = \"x\"\n[[steps]]\nid = \"a\"\nkind = \"agent\"\naction = \"x\"\nacton = 1\n";
        let err = parse_toml(text).unwrap_err();
        assert!(err.message.contains("acton"), "{err}");
        assert!(err.location.is_some(), "{err}");
    }

    #[test]
    fn semantic_errors_name_the_step_line() {
        let text = "name = \"x\"\n[[steps]]\nid = \"a\"\nkind = \"agent\"\naction = \"x\"\n\n[[steps]]\nid = \"a\"\nkind = \"agent\"\naction = \"y\"\n";
        let err = parse_toml(text).unwrap_err();
        assert!(err.message.contains("duplicate"), "{err}");
        // The second `id = "a"`, which is the duplicate.
        assert_eq!(err.location.as_deref(), Some("8:1"));

        let bad_regex = "name = \"x\"\n[[steps]]\nid = \"p\"\nkind = \"policy\"\nsubject = \"s\"\ndeny = [\"(\"]\n";
        let err = parse_toml(bad_regex).unwrap_err();
        assert!(err.message.contains("regular expression"), "{err}");
        assert_eq!(err.location.as_deref(), Some("6:1"));

        let bad_ref = "name = \"x\"\n[[steps]]\nid = \"p\"\nkind = \"agent\"\naction = \"{{ input.nope }}\"\n";
        let err = parse_toml(bad_ref).unwrap_err();
        assert!(err.message.contains("input.nope"), "{err}");
    }

    #[test]
    fn bad_durations_are_explained() {
        let text = "name = \"x\"\n[[steps]]\nid = \"a\"\nkind = \"agent\"\naction = \"x\"\nduration = \"soon\"\n";
        let err = parse_toml(text).unwrap_err();
        assert!(err.message.contains("not a duration"), "{err}");
    }

    #[test]
    fn inputs_resolve_with_defaults_and_refuse_typos() {
        let spec = builtin("sample").unwrap();
        assert_eq!(
            resolve_inputs(&spec, &Map::new()),
            Err(InputError::Missing {
                name: "task".into()
            })
        );
        let given = json!({"task": "x"}).as_object().unwrap().clone();
        assert_eq!(resolve_inputs(&spec, &given).unwrap()["task"], "x");
        let typo = json!({"tsak": "x"}).as_object().unwrap().clone();
        assert!(matches!(
            resolve_inputs(&spec, &typo),
            Err(InputError::Unknown { .. })
        ));
    }

    #[test]
    fn a_typo_is_a_few_edits_from_a_known_name_but_an_extension_is_a_name_of_its_own() {
        let known: Vec<String> = ["sample", "agent-task", "learning"]
            .map(String::from)
            .into();
        assert_eq!(typos("sampel", &known), ["sample"]);
        assert_eq!(typos("agnet-task", &known), ["agent-task"]);
        for own in ["sample-v2", "agent-task2", "learning-eu", "deploy"] {
            assert!(typos(own, &known).is_empty(), "{own}");
        }
    }

    #[test]
    fn json_and_toml_agree() {
        let spec = builtin("sample").unwrap();
        let as_json = serde_json::to_value(&spec).unwrap();
        assert_eq!(parse_json(&as_json).unwrap(), spec);
    }
}
