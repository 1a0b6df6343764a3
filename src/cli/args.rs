//! Flags shared by several commands, defined once and flattened into each
//! (cargo's `command_prelude`), so every command spells and documents them
//! the same way; and the value parsers they share.

use std::{path::PathBuf, time::Duration};

use clap::{Args, ValueEnum, builder::PossibleValue};

use super::parse_duration_or_seconds;
use crate::engine::status::Phase;

/// `--input NAME=VALUE` and `--input-json`: a run's inputs.
#[derive(Debug, Clone, Default, Args)]
pub struct InputArgs {
    /// An input as NAME=VALUE (a string); repeatable
    #[arg(short, long = "input", value_name = "NAME=VALUE")]
    pub inputs: Vec<String>,

    /// Inputs as a JSON object, for typed values: '{"count": 3}'; @FILE reads
    /// it from a file, - from stdin
    #[arg(long, value_name = "JSON")]
    pub input_json: Option<String>,
}

impl InputArgs {
    pub fn given(&self) -> bool {
        !self.inputs.is_empty() || self.input_json.is_some()
    }
}

/// `--field` / `--fields-json`: the gate's form filled in (approve: the
/// gate's `fields`; reject: its `reject_fields`).
#[derive(Debug, Clone, Default, Args)]
pub struct FieldArgs {
    /// A field of the gate's form (reject: its rejection form) as NAME=VALUE, typed
    /// as the gate declares it (a list: comma-separated); repeatable. On a terminal,
    /// the fields not given are asked for (not with --yes)
    #[arg(long = "field", value_name = "NAME=VALUE")]
    pub fields: Vec<String>,

    /// The form as a JSON object, sent as given: '{"replicas": 5}'; @FILE reads it
    /// from a file, - from stdin
    #[arg(long, value_name = "JSON")]
    pub fields_json: Option<String>,
}

/// `--execution-timeout`: how long a run may take in all.
#[derive(Debug, Clone, Default, Args)]
pub struct ExecutionTimeoutArg {
    /// The run fails (exit 4) if it has not ended after this long [default: no limit]
    #[arg(
        long,
        value_name = "DURATION",
        env = "TEMPORAL_WORKFLOW_EXECUTION_TIMEOUT"
    )]
    pub execution_timeout: Option<Timeout>,
}

/// A timeout from a flag or a `TEMPORAL_*_TIMEOUT` variable: a duration,
/// or a bare number of seconds (what those variables hold in existing
/// deployments).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Timeout(pub Duration);

impl std::str::FromStr for Timeout {
    type Err = String;

    fn from_str(text: &str) -> Result<Self, Self::Err> {
        parse_duration_or_seconds(text).map(Timeout)
    }
}

/// `--pipelines DIR`: pipelines defined in files, as the workers load them.
#[derive(Debug, Clone, Default, Args)]
pub struct PipelinesDirArg {
    /// The *.toml pipelines of this directory, besides the built-ins (as a
    /// worker started with the same flag knows them)
    #[arg(long, value_name = "DIR", env = "ORCA_PIPELINES")]
    pub pipelines: Option<PathBuf>,
}

/// `--signing-key` / `--no-sign`: who signs a decision or a start.
#[derive(Debug, Clone, Default, Args)]
pub struct SigningArgs {
    /// Sign with this SSH key: a key file (private, or public with the private
    /// half in ssh-agent) or `key::ssh-ed25519 AAAA…` held by ssh-agent
    /// [default: git's user.signingkey when gpg.format = ssh]
    #[arg(long, value_name = "KEY", env = "ORCA_SIGNING_KEY")]
    pub signing_key: Option<String>,

    /// Do not sign, even when git has a signing key
    #[arg(long, conflicts_with = "signing_key")]
    pub no_sign: bool,
}

impl SigningArgs {
    /// The key to sign with, if any.
    pub fn key(&self) -> Option<crate::signing::sign::SigningKey> {
        if self.no_sign {
            return None;
        }
        crate::signing::sign::SigningKey::resolve(self.signing_key.as_deref()).map(|(key, _)| key)
    }
}

/// Who acts at which gate: `approve`, `reject`, `request-changes` and
/// `delegate` name the run (or pick it), the person and the key alike.
#[derive(Debug, Clone, Args)]
pub struct GateArgs {
    /// Workflow ID of the run [default on a terminal: pick from your inbox]
    #[arg(value_parser = run_id)]
    pub id: Option<String>,

    /// Decide as NAME [default: --identity, else the OS user]
    #[arg(long = "as", value_name = "NAME")]
    pub as_name: Option<String>,

    #[command(flatten)]
    pub narrow: NarrowArgs,

    #[command(flatten)]
    pub signing: SigningArgs,
}

/// `--pipeline` / `--query`: narrow the picker, or `--all`.
#[derive(Debug, Clone, Default, Args)]
pub struct NarrowArgs {
    /// Only runs of this pipeline (the picker, --all)
    #[arg(long, value_name = "NAME", conflicts_with = "id")]
    pub pipeline: Option<String>,

    /// Only runs also matching this visibility query (the picker, --all)
    #[arg(long, value_name = "QUERY", conflicts_with = "id")]
    pub query: Option<String>,
}

/// A workflow ID as typed: never empty.
pub fn run_id(text: &str) -> Result<String, String> {
    if text.trim().is_empty() {
        return Err("a run ID must not be empty".into());
    }
    Ok(text.to_string())
}

/// `orca list --phase`: exactly the phases of the workflow contract.
impl ValueEnum for Phase {
    fn value_variants<'a>() -> &'a [Self] {
        &Phase::ALL
    }

    fn to_possible_value(&self) -> Option<PossibleValue> {
        Some(PossibleValue::new(self.as_str()))
    }
}
