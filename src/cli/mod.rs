//! Command-line types only: the global options and the subcommand enum. Each
//! subcommand's own arguments live next to its `run` in `src/commands/`;
//! flags several commands share are in `args.rs` and `worker.rs`.

pub mod args;
mod usage;
pub mod worker;

pub use crate::output::{ColorChoice, OutputFormat};
pub use usage::print_clap_error;

use std::time::Duration;

use clap::{Args, Parser, Subcommand};

use crate::commands;

/// Durable, human-approved pipelines on Temporal.
///
/// orca is the worker and the client: `orca dev` runs a local Temporal dev
/// server with a worker, `orca start sample --input task=hello` starts a run,
/// `orca approve ID` lets it through, `orca status ID` shows where it is.
#[derive(Debug, Parser)]
#[command(name = "orca", version, propagate_version = true, max_term_width = 100)]
#[command(
    after_help = "Exit codes: 0 ok, 1 unexpected error, 2 usage or invalid input, \
3 run rejected/denied/stopped, 4 run failed/timed out/cancelled/terminated, 5 not found, \
6 cannot reach Temporal, 7 conflict (not awaiting approval, already decided, not allowed, \
already exists), 8 a wait timed out while the run goes on."
)]
pub struct Cli {
    #[command(flatten)]
    pub global: GlobalArgs,

    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Run a local Temporal dev server and a worker in one process
    Dev(commands::dev::DevArgs),
    /// Run a worker that executes pipelines from the task queue
    Worker(commands::worker::WorkerArgs),
    /// Start a pipeline run
    Start(commands::start::StartArgs),
    /// Approve a run that is waiting at an approval gate
    Approve(commands::decide::ApproveArgs),
    /// Reject a run that is waiting at an approval gate
    Reject(commands::decide::RejectArgs),
    /// Send a run back to an earlier step with feedback on what to change
    RequestChanges(commands::changes::RequestChangesArgs),
    /// Hand your decision at a gate to someone else, for this opening of the gate
    Delegate(commands::delegate::DelegateArgs),
    /// Show where a run is: phase, steps, approval
    Status(commands::status::StatusArgs),
    /// Follow a run live until it ends; exits with its outcome (0/3/4)
    Watch(commands::watch::WatchArgs),
    /// Wait for a run's approval or end; exit 0/3/4, or 8 on --timeout
    Wait(commands::wait::WaitArgs),
    /// List recent runs; --awaiting-approval shows every gate waiting
    List(commands::list::ListArgs),
    /// The gates you (or --as NAME) may decide right now
    Inbox(commands::inbox::InboxArgs),
    /// A run's timeline: steps, attempts, approvals, signals, outcome
    History(commands::history::HistoryArgs),
    /// Re-check a run's signed decisions and requester from its history (exit 4 if any fail)
    Verify(commands::verify::VerifyArgs),
    /// Check that this build replays a recorded run exactly (before rolling out workers)
    Replay(commands::replay::ReplayArgs),
    /// Pause a run: no new step starts until `orca resume`
    Pause(commands::control::ControlArgs),
    /// Resume a paused run
    Resume(commands::control::ControlArgs),
    /// Stop a run after its current step; it ends with outcome `stopped`
    Stop(commands::control::ControlArgs),
    /// Cancel a run (Temporal cancellation: running steps are cancelled)
    Cancel(commands::control::CancelArgs),
    /// Terminate a run at once (asks first on a terminal)
    Terminate(commands::control::TerminateArgs),
    /// Start pipelines on a schedule: every N seconds, daily times, cron
    #[command(subcommand)]
    Schedule(commands::schedule::ScheduleCommand),
    /// List and show the pipelines this binary knows
    #[command(subcommand)]
    Pipelines(commands::pipelines::PipelinesCommand),
    /// Print shell completions (bash, zsh, fish, powershell, elvish)
    Completions(commands::completions::CompletionsArgs),
    /// Print the man page (roff)
    Man,
}

/// Options shared by every command. Connection options follow the official
/// `temporal` CLI: same flag names, same `TEMPORAL_*` variables, same
/// `temporal.toml` profiles. Precedence: flag > environment > profile > default.
#[derive(Debug, Clone, Args)]
pub struct GlobalArgs {
    /// Temporal frontend address, HOST:PORT [default: localhost:7233]
    ///
    /// Also read from TEMPORAL_HOST (+ TEMPORAL_PORT) when TEMPORAL_ADDRESS is unset.
    #[arg(
        long,
        global = true,
        env = "TEMPORAL_ADDRESS",
        value_name = "HOST:PORT"
    )]
    pub address: Option<String>,

    /// Temporal namespace [default: default]
    #[arg(short = 'n', long, global = true, env = "TEMPORAL_NAMESPACE")]
    pub namespace: Option<String>,

    /// Task queue of orca workers
    #[arg(
        long,
        global = true,
        env = "TEMPORAL_TASK_QUEUE",
        default_value = "orca"
    )]
    pub task_queue: String,

    /// Profile of the temporal.toml config file [default: default]
    #[arg(long, global = true, env = "TEMPORAL_PROFILE")]
    pub profile: Option<String>,

    /// Path of the temporal.toml config file [default: ~/.config/temporalio/temporal.toml]
    #[arg(long, global = true, env = "TEMPORAL_CONFIG_FILE", value_name = "PATH")]
    pub config_file: Option<std::path::PathBuf>,

    /// Use TLS (implied by an API key or any other TLS option)
    #[arg(long, global = true)]
    pub tls: bool,

    /// Client certificate for mTLS (PEM)
    #[arg(
        long,
        global = true,
        env = "TEMPORAL_TLS_CLIENT_CERT_PATH",
        value_name = "PATH"
    )]
    pub tls_cert_path: Option<std::path::PathBuf>,

    /// Client private key for mTLS (PEM)
    #[arg(
        long,
        global = true,
        env = "TEMPORAL_TLS_CLIENT_KEY_PATH",
        value_name = "PATH"
    )]
    pub tls_key_path: Option<std::path::PathBuf>,

    /// CA certificate that signed the server's certificate (PEM)
    #[arg(
        long,
        global = true,
        env = "TEMPORAL_TLS_SERVER_CA_CERT_PATH",
        value_name = "PATH"
    )]
    pub tls_ca_path: Option<std::path::PathBuf>,

    /// Server name to verify the server's certificate against
    #[arg(long, global = true, env = "TEMPORAL_TLS_SERVER_NAME")]
    pub tls_server_name: Option<String>,

    /// Who you are: recorded as requester and approver, sent as client identity
    /// [default: the OS user]
    #[arg(long, global = true, env = "ORCA_IDENTITY")]
    pub identity: Option<String>,

    /// Give up connecting to Temporal after this long
    #[arg(
        long,
        global = true,
        alias = "client-connect-timeout",
        value_name = "DURATION",
        default_value = "10s",
        value_parser = parse_duration
    )]
    pub connect_timeout: Duration,

    /// Output format
    #[arg(short = 'o', long, global = true, value_enum, default_value_t = OutputFormat::Text)]
    pub output: OutputFormat,

    /// When to use colour (NO_COLOR is honoured in `auto`)
    #[arg(long, global = true, value_enum, default_value_t = ColorChoice::Auto)]
    pub color: ColorChoice,
}

/// A duration, or a bare number of seconds (what `TEMPORAL_*_TIMEOUT`
/// variables hold in existing deployments).
pub fn parse_duration_or_seconds(text: &str) -> Result<Duration, String> {
    match text.trim().parse::<u64>() {
        Ok(seconds) => Ok(Duration::from_secs(seconds)),
        Err(_) => parse_duration(text),
    }
}

/// Parses durations such as `500ms`, `10s`, `5m`, `1h 30m`.
pub fn parse_duration(text: &str) -> Result<Duration, String> {
    humantime::parse_duration(text)
        .map_err(|e| format!("`{text}` is not a duration ({e}); try 30s, 5m or 1h"))
}

#[cfg(test)]
mod tests {
    use clap::CommandFactory;

    #[test]
    fn cli_definition_is_consistent() {
        super::Cli::command().debug_assert();
    }
}
