//! One error type for the whole binary. Each variant carries typed fields and
//! answers three questions exhaustively: its exit code (the table in the
//! README), its one-line message (`Display`) and an optional `hint:` line.
//! A new variant does not compile until it has all three.

mod hint;

use std::{path::PathBuf, time::Duration};

use crate::{
    client::Termination,
    engine::status::{Outcome, RefusalKind},
    human::human_duration,
    state::{RunPhase, TemporalStatus},
};

/// The documented exit codes. `main` maps every error to exactly one of these.
pub mod exit {
    pub const OK: u8 = 0;
    pub const UNEXPECTED: u8 = 1;
    pub const USAGE: u8 = 2;
    pub const BUSINESS_REFUSAL: u8 = 3;
    pub const RUN_FAILED: u8 = 4;
    pub const NOT_FOUND: u8 = 5;
    pub const UNREACHABLE: u8 = 6;
    pub const CONFLICT: u8 = 7;
    pub const STILL_RUNNING: u8 = 8;
    /// Cancelled by the person (Ctrl-C, Esc): as a shell reports SIGINT.
    pub const CANCELLED: u8 = 130;
}

pub type Result<T, E = Error> = std::result::Result<T, E>;

#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// Bad arguments that clap could not catch (inputs, durations, JSON).
    #[error("{message}")]
    Usage {
        message: String,
        hint: Option<String>,
    },

    /// A pipeline spec (built-in, file or inline) failed validation.
    /// `message` leads with where: `deploy.toml:8:1: step `a`: …`.
    #[error("invalid pipeline: {message}")]
    InvalidSpec { message: String },

    /// `orca pipelines validate`: some files did not pass (each was reported).
    #[error("{bad} of {total} files did not validate")]
    FilesInvalid { bad: usize, total: usize },

    /// A required pipeline input was not given.
    #[error("pipeline `{pipeline}` needs input `{input}`")]
    MissingInput { pipeline: String, input: String },

    /// `pipelines show NAME` and friends: no pipeline by that name here.
    #[error("unknown pipeline `{name}`")]
    UnknownPipeline { name: String, known: Vec<String> },

    /// The run ended with a business outcome other than `completed`
    /// (rejected, denied, stopped).
    #[error("run {id} ended {outcome}{}", detail.as_deref().map(|d| format!(" ({d})")).unwrap_or_default())]
    RunRefused {
        id: String,
        outcome: Outcome,
        detail: Option<String>,
    },

    /// The run failed, timed out, was cancelled or terminated.
    #[error("run {id} {}{}", status_words(*status), why_failed(message.as_deref(), terminated.as_ref()))]
    RunFailed {
        id: String,
        status: TemporalStatus,
        message: Option<String>,
        /// Terminated: the reason and who gave it.
        terminated: Option<Termination>,
    },

    #[error("no run with ID `{id}` in namespace `{namespace}`")]
    RunNotFound { id: String, namespace: String },

    #[error("no schedule `{name}` in namespace `{namespace}`")]
    ScheduleNotFound { name: String, namespace: String },

    #[error("a schedule named `{name}` already exists")]
    ScheduleExists { name: String },

    #[error("namespace `{namespace}` does not exist at {address}")]
    NamespaceNotFound { namespace: String, address: String },

    #[error("cannot reach Temporal at {address}: {cause}")]
    Unreachable { address: String, cause: String },

    #[error("cannot connect to Temporal at {address}: {}", problem.message())]
    Connect {
        address: String,
        problem: crate::connect::Problem,
    },

    #[error("Temporal at {address} refused the credentials: {cause}")]
    Unauthenticated { address: String, cause: String },

    #[error("bad connection settings: {message}")]
    ConnectionConfig { message: String },

    #[error("the Temporal CLI (`temporal`) was not found{}", tried.as_ref().map(|p| format!(" at {}", p.display())).unwrap_or_else(|| " on PATH".into()))]
    TemporalCliMissing { tried: Option<PathBuf> },

    #[error("the dev server did not become ready within {}: {cause}", human_duration(*waited))]
    DevServerNotReady { waited: Duration, cause: String },

    /// The workflow refused a decision (its update validator said no);
    /// `kind` is the refusal's type when the contract names it.
    #[error("{id}: {reason}")]
    Refused {
        id: String,
        kind: Option<RefusalKind>,
        reason: String,
    },

    /// The run exists but has already closed, so it cannot take the
    /// message; `phase` says how it ended, when that is known.
    #[error("run {id} has already finished{}", phase.map(|p| format!(" ({p})")).unwrap_or_default())]
    RunClosed { id: String, phase: Option<RunPhase> },

    #[error("a run with ID `{id}` already exists")]
    RunExists { id: String },

    /// `start --id ID` where ID's run has finished: IDs are not reused
    /// unless asked (`--id-reuse`); `phase` says how it ended, when known.
    #[error("ID `{id}` was already used by a run that finished{}", phase.map(|p| format!(" ({p})")).unwrap_or_default())]
    IdUsed { id: String, phase: Option<RunPhase> },

    /// `--run-id`: the ID exists, but no run of it has this run ID.
    #[error("no run `{run_id}` of ID `{id}` in namespace `{namespace}`")]
    RunIdNotFound {
        id: String,
        run_id: String,
        namespace: String,
    },

    /// `approve --all` / `reject --all`: not every run was decided.
    #[error("{decided} decided, {refused} refused, {failed} failed")]
    BulkIncomplete {
        decided: usize,
        refused: usize,
        failed: usize,
    },

    /// `--timeout` of a wait passed while the run is still going.
    #[error("run {id} is still {phase} after {}", human_duration(*waited))]
    StillRunning {
        id: String,
        phase: RunPhase,
        waited: Duration,
    },

    /// The run exists but no worker picked up a message to it in time.
    #[error("no worker answered for run {id} within {}", human_duration(*waited))]
    NoWorker {
        id: String,
        task_queue: String,
        waited: Duration,
    },

    /// As `NoWorker`, and the server saw no worker poll the run's task queue.
    #[error("no worker answered for run {id} within {}: none polls task queue `{task_queue}`", human_duration(*waited))]
    NoPoller {
        id: String,
        task_queue: String,
        waited: Duration,
    },

    /// The run's outcome (rejected, denied, stopped), already shown as the
    /// outcome to someone watching it: no error of theirs, so nothing more
    /// is printed; the exit code is the outcome's.
    #[error("{0}")]
    Told(Box<Error>),

    /// `orca replay`: this build does not reproduce a recorded run.
    #[error("{source_name}: not compatible with this build{}: {message}", event.map(|e| format!(" (first diverging event: {e})")).unwrap_or_default())]
    ReplayDiverged {
        source_name: String,
        event: Option<u64>,
        message: String,
    },

    /// `orca replay FILE...`: some histories did not replay or could not be
    /// read (each was reported). Exit 4 if any diverged, else 2.
    #[error("{} of {total} histories did not replay on this build", diverged + unreadable)]
    ReplaysFailed {
        diverged: usize,
        unreadable: usize,
        total: usize,
    },

    /// The server answered with an error we did not expect.
    #[error("{operation} failed: {message}")]
    Server { operation: String, message: String },

    /// A file the user named (a pipeline, an input, a certificate) that
    /// is missing or unreadable: invalid input, exit 2.
    #[error("cannot read {what} {}: {source}", path.display())]
    LocalFile {
        what: &'static str,
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },

    /// A file the user named that is there but not what it must be (a
    /// certificate that is not PEM): invalid input, exit 2.
    #[error("{what} {} {problem}", path.display())]
    InvalidFile {
        what: &'static str,
        path: PathBuf,
        problem: String,
    },

    /// A TLS certificate or key that is missing, not PEM, or not the
    /// certificate's key: exit 2, naming the file (never its content).
    #[error("{file} {}{problem}", path.as_ref().map(|p| format!("{} ", p.display())).unwrap_or_else(|| "(given as data) ".into()))]
    TlsFile {
        file: crate::config::TlsFile,
        path: Option<PathBuf>,
        problem: String,
    },

    /// `--env-file FILE`: missing, or a line that is not `NAME=VALUE`
    /// (exit 2, naming the line, never its value).
    #[error("env file {}{} {problem}", path.display(), line.map(|n| format!(": line {n}")).unwrap_or_default())]
    EnvFile {
        path: PathBuf,
        line: Option<usize>,
        problem: crate::config::env_file::Problem,
    },

    /// `--signing-key`: the key could not sign (missing, not in the
    /// agent, wrong passphrase, ssh-keygen absent).
    #[error("cannot sign with {key}: {message}")]
    Signing { key: String, message: String },

    /// `orca verify`: some recorded decisions (or the requester) did not
    /// verify (each was reported).
    #[error("{failed} of {total} signatures in the audit trail did not verify")]
    Unverified { failed: usize, total: usize },

    /// `orca doctor`: some checks failed (each was reported, with its fix);
    /// `unreachable` when one failed as a command exits 6 (the server not
    /// reached, the credentials refused), which is then doctor's code too.
    #[error("{failed} {} failed", if *failed == 1 { "check" } else { "checks" })]
    DoctorFound { failed: usize, unreachable: bool },

    #[error("{}: {source}", path.display())]
    Io {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },

    /// The person backed out of a prompt (Esc, `q`, end of input); Ctrl-C
    /// says the same from the prompt's signal handler. Not an error of
    /// orca's: printed as the note alone.
    #[error("{note}")]
    Cancelled { note: String },

    #[error("{0:#}")]
    Unexpected(#[from] anyhow::Error),
}

/// "failed", "cancelled", "terminated", "timed out".
fn status_words(status: TemporalStatus) -> &'static str {
    match status {
        TemporalStatus::TimedOut => "timed out",
        other => other.as_str(),
    }
}

/// ": the message", else ": the termination's reason (by who)", else nothing.
fn why_failed(message: Option<&str>, terminated: Option<&Termination>) -> String {
    match (message, terminated) {
        (Some(message), _) => format!(": {message}"),
        (None, Some(terminated)) => format!(": {terminated}"),
        (None, None) => String::new(),
    }
}

impl Error {
    pub fn usage(message: impl Into<String>) -> Self {
        Error::Usage {
            message: message.into(),
            hint: None,
        }
    }

    pub fn usage_with_hint(message: impl Into<String>, hint: impl Into<String>) -> Self {
        Error::Usage {
            message: message.into(),
            hint: Some(hint.into()),
        }
    }

    /// The process exit code for this error (README "Exit codes").
    pub fn code(&self) -> u8 {
        use exit::*;
        match self {
            Error::Usage { .. }
            | Error::LocalFile { .. }
            | Error::InvalidFile { .. }
            | Error::TlsFile { .. }
            | Error::EnvFile { .. }
            | Error::ConnectionConfig { .. }
            | Error::InvalidSpec { .. }
            | Error::FilesInvalid { .. }
            | Error::MissingInput { .. }
            | Error::UnknownPipeline { .. }
            | Error::Signing { .. } => USAGE,
            Error::RunRefused { .. } => BUSINESS_REFUSAL,
            Error::ReplaysFailed { diverged: 0, .. } => USAGE,
            Error::RunFailed { .. }
            | Error::Unverified { .. }
            | Error::ReplayDiverged { .. }
            | Error::ReplaysFailed { .. } => RUN_FAILED,
            Error::RunNotFound { .. }
            | Error::RunIdNotFound { .. }
            | Error::NamespaceNotFound { .. }
            | Error::ScheduleNotFound { .. } => NOT_FOUND,
            Error::Unreachable { .. }
            | Error::DoctorFound {
                unreachable: true, ..
            }
            | Error::Connect { .. }
            | Error::Unauthenticated { .. }
            | Error::TemporalCliMissing { .. }
            | Error::DevServerNotReady { .. } => UNREACHABLE,
            Error::Refused { .. }
            | Error::RunClosed { .. }
            | Error::RunExists { .. }
            | Error::IdUsed { .. }
            | Error::ScheduleExists { .. } => CONFLICT,
            Error::StillRunning { .. } => STILL_RUNNING,
            Error::Cancelled { .. } => CANCELLED,
            // Refusals alone are conflicts; any other failure is unexpected.
            Error::BulkIncomplete { failed: 0, .. } => CONFLICT,
            Error::BulkIncomplete { .. } => UNEXPECTED,
            Error::Told(outcome) => outcome.code(),
            Error::NoWorker { .. }
            | Error::NoPoller { .. }
            | Error::DoctorFound { .. }
            | Error::Server { .. }
            | Error::Io { .. }
            | Error::Unexpected(_) => UNEXPECTED,
        }
    }
}
