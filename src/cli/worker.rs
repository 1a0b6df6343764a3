//! The worker's options, shared by `orca worker` and `orca dev`.

use std::{path::PathBuf, time::Duration};

use clap::Args;

use super::{
    args::{PipelinesDirArg, Timeout},
    parse_duration,
};

/// Worker options shared by `orca worker` and `orca dev`.
#[derive(Debug, Clone, Args)]
pub struct WorkerOptions {
    /// Workflow tasks processed at once
    #[arg(long, env = "TEMPORAL_MAX_CONCURRENT_WORKFLOWS", default_value_t = 100)]
    pub max_concurrent_workflows: usize,

    /// Activities (step executions) run at once
    #[arg(
        long,
        env = "TEMPORAL_MAX_CONCURRENT_ACTIVITIES",
        default_value_t = 100
    )]
    pub max_concurrent_activities: usize,

    /// Polls for workflow tasks kept open at once (at least 2)
    #[arg(long, env = "ORCA_WORKFLOW_POLLERS", default_value_t = 5, value_parser = clap::value_parser!(u16).range(2..))]
    pub workflow_pollers: u16,

    /// Polls for activity tasks (steps) kept open at once
    #[arg(long, env = "ORCA_ACTIVITY_POLLERS", default_value_t = 5, value_parser = clap::value_parser!(u16).range(1..))]
    pub activity_pollers: u16,

    /// Runs kept in memory between their tasks (more: less replaying from history)
    #[arg(long, env = "ORCA_MAX_CACHED_RUNS", default_value_t = 1000)]
    pub max_cached_runs: usize,

    /// On SIGINT/SIGTERM, let running steps finish for this long before cancelling them
    #[arg(long, value_name = "DURATION", default_value = "30s", value_parser = parse_duration)]
    pub shutdown_grace: Duration,

    /// Log format on stderr (level from RUST_LOG, default info)
    #[arg(long, value_enum, default_value_t = LogFormat::Text)]
    pub log_format: LogFormat,

    #[command(flatten)]
    pub pipelines: PipelinesDirArg,

    /// Timeout of each attempt of command, http and agent steps that set none
    /// [default: 10m]
    #[arg(
        long,
        value_name = "DURATION",
        env = "TEMPORAL_ACTIVITY_START_TO_CLOSE_TIMEOUT"
    )]
    pub default_step_timeout: Option<Timeout>,

    /// Serve Prometheus metrics (the SDK's and orca's) at http://HOST:PORT/metrics
    #[arg(long, value_name = "HOST:PORT", env = "ORCA_METRICS_ADDRESS")]
    pub metrics_address: Option<std::net::SocketAddr>,

    /// Approver groups for gates (`group:NAME`): a TOML file with a [groups] table
    #[arg(long, value_name = "FILE", env = "ORCA_APPROVERS_FILE")]
    pub approvers_file: Option<PathBuf>,

    /// A run continues as new (same workflow ID, history starting afresh)
    /// once its history has this many events [default: 10000]
    #[arg(long, value_name = "EVENTS", env = "ORCA_CONTINUE_AS_NEW_AFTER", value_parser = clap::value_parser!(u32).range(10..=40_000))]
    pub continue_as_new_after: Option<u32>,

    /// Run `command` steps (off by default: a pipeline can then run any program as this user)
    #[arg(long, env = "ORCA_ALLOW_COMMANDS")]
    pub allow_commands: bool,

    /// Keys that may sign decisions and starts, in git's allowed_signers format
    /// (README "Verified approvals"); read again each time a gate opens
    #[arg(long, value_name = "FILE", env = "ORCA_ALLOWED_SIGNERS")]
    pub allowed_signers: Option<PathBuf>,

    /// Every gate takes only signed decisions (needs --allowed-signers)
    #[arg(long, env = "ORCA_REQUIRE_SIGNED_APPROVALS")]
    pub require_signed_approvals: bool,

    /// How far a signature's time may be from the run's clock, either way
    #[arg(long, value_name = "DURATION", default_value = "10m", value_parser = parse_duration)]
    pub signature_window: Duration,

    /// Whether a start may send its own pipeline spec; with `deny` only
    /// built-ins and --pipelines DIR run, so a requester cannot write the
    /// rules of their own gate
    #[arg(long, value_enum, env = "ORCA_INLINE_PIPELINES", default_value_t = InlinePipelines::Allow)]
    pub inline_pipelines: InlinePipelines,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum InlinePipelines {
    Allow,
    Deny,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum LogFormat {
    Text,
    Json,
}
