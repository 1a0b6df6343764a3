//! Command-line types only: the global options and the subcommand enum. Each
//! subcommand's own arguments live next to its `run` in `src/commands/`;
//! flags several commands share are in `args.rs` and `worker.rs`.

pub mod args;
pub mod examples;
mod usage;
pub mod worker;

pub use crate::output::{ColorChoice, OutputFormat};
pub use usage::print_clap_error;

use std::time::Duration;

use clap::{Args, CommandFactory, FromArgMatches, Parser, Subcommand};

use crate::commands;

/// Durable, human-approved pipelines on Temporal.
///
/// orca is the worker and the client: `orca dev` runs a local Temporal dev
/// server with a worker, `orca start sample --input task=hello` starts a run,
/// `orca approve ID` lets it through, `orca status ID` shows where it is.
#[derive(Debug, Parser)]
// `-V` is orca's alone: no `propagate_version`, so `orca start -V` is a
// usage error rather than a second way to ask for the same thing.
#[command(name = "orca", version, max_term_width = 100)]
#[command(
    after_help = "Exit codes: 0 ok, 1 unexpected error, 2 usage or invalid input, \
3 run rejected/denied/stopped, 4 run failed/timed out/cancelled/terminated, 5 not found, \
6 cannot reach Temporal, 7 conflict (not awaiting approval, already decided, not allowed, \
already exists, an ID a finished run used), 8 a wait timed out while the run goes on, \
130 cancelled at a prompt or Ctrl-C while following a run (the run goes on)."
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
    /// Check the setup: settings, server, TLS, namespace, workers, stuck runs, clock
    Doctor(commands::doctor::DoctorArgs),
    /// Print shell completions (bash, zsh, fish, powershell, elvish)
    Completions(commands::completions::CompletionsArgs),
    /// Print the man page (roff)
    Man,
}

/// The command tree orca parses with and documents from: the derived
/// definitions plus each command's examples (`examples.rs`). `--help`, the
/// man page and the completions all come from it.
pub fn command() -> clap::Command {
    examples::attach(Cli::command(), "")
}

/// The command line, parsed with `command()` (so `--help` shows the examples).
pub fn parse() -> Result<Cli, clap::Error> {
    let matches = command().try_get_matches()?;
    let mut cli = Cli::from_arg_matches(&matches).map_err(|e| e.format(&mut command()))?;
    cli.global.given = crate::config::source::Given::from_matches(&matches);
    Ok(cli)
}

/// The heading the global options are listed under, after the command's own.
pub const GLOBAL_OPTIONS: &str = "Global options";

/// Options shared by every command. Connection options follow the official
/// `temporal` CLI: same flag names, same `TEMPORAL_*` variables, same
/// `temporal.toml` profiles. Precedence: flag > environment > profile > default.
///
/// They are listed under a heading of their own: being global, clap would
/// otherwise interleave them with each command's flags.
#[derive(Debug, Clone, Args)]
#[command(next_help_heading = GLOBAL_OPTIONS)]
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

    /// Read variables from FILE (NAME=VALUE lines) as if set in the
    /// environment; a variable already set there wins. No .env is read unless named here.
    #[arg(long, global = true, value_name = "FILE")]
    pub env_file: Option<std::path::PathBuf>,

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

    /// Which of these were flags on the command line, not variables
    /// (filled in by `parse`; `orca doctor` says where each setting came from).
    #[arg(skip)]
    pub given: crate::config::source::Given,
}

/// A duration, or a bare number of seconds (what `TEMPORAL_*_TIMEOUT`
/// variables hold in existing deployments).
pub fn parse_duration_or_seconds(text: &str) -> Result<Duration, String> {
    match text.trim().parse::<u64>() {
        Ok(seconds) => Ok(Duration::from_secs(seconds)),
        Err(_) => parse_duration(text),
    }
}

/// Parses durations such as `500ms`, `10s`, `5m`, `1h 30m`. A bare number
/// is refused with the unit it most likely lacks: seconds, as elsewhere in
/// Temporal's tools.
pub fn parse_duration(text: &str) -> Result<Duration, String> {
    humantime::parse_duration(text).map_err(|e| {
        let trimmed = text.trim();
        match trimmed.parse::<u64>() {
            Ok(_) => format!("`{trimmed}` has no unit — did you mean `{trimmed}s`?"),
            Err(_) => format!("`{text}` is not a duration ({e}); try 30s, 5m or 1h"),
        }
    })
}

#[cfg(test)]
mod tests {
    use super::parse_duration;

    #[test]
    fn cli_definition_is_consistent() {
        super::command().debug_assert();
    }

    /// The unit is suggested for a bare number only; other bad input keeps
    /// the plain message.
    #[test]
    fn a_bare_number_is_asked_for_its_unit() {
        assert_eq!(
            parse_duration("2").unwrap_err(),
            "`2` has no unit — did you mean `2s`?"
        );
        let error = parse_duration("soon").unwrap_err();
        assert!(error.starts_with("`soon` is not a duration ("), "{error}");
        assert!(error.ends_with("; try 30s, 5m or 1h"), "{error}");
    }

    #[test]
    fn global_options_are_listed_after_the_commands_own() {
        let mut command = super::command();
        // Global options reach subcommands when the tree is built.
        command.build();
        let start = command.find_subcommand_mut("start").unwrap();
        let help = start.render_long_help().to_string();
        let heading = help.find("\nGlobal options:\n").expect("the heading");
        assert!(help.find("--wait").unwrap() < heading, "{help}");
        assert!(help.find("--address").unwrap() > heading, "{help}");
    }
}
