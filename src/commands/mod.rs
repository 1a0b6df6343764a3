//! One module per command group. Each holds its clap `Args` and one `run`;
//! this file holds the single dispatch and the choice of async runtime.

pub mod changes;
pub mod completions;
pub mod control;
pub mod decide;
pub mod delegate;
pub mod dev;
pub mod doctor;
pub mod history;
pub mod inbox;
pub mod list;
pub mod pipelines;
pub mod replay;
pub mod schedule;
pub mod start;
pub mod status;
pub mod verify;
pub mod wait;
pub mod watch;
pub mod worker;

use std::future::Future;

use crate::{
    Result,
    cli::{Cli, Command},
    client::Control,
    config::Settings,
    output::Printer,
};

pub fn run(cli: Cli) -> Result<()> {
    let printer = Printer::new(cli.global.output, cli.global.color);
    let global = cli.global;
    match cli.command {
        // Long-running processes: a multi-threaded runtime for the worker.
        Command::Dev(args) => block_on_worker(dev::run(args, &global, &printer)),
        Command::Worker(args) => {
            let settings = Settings::resolve(&global)?;
            block_on_worker(worker::run(args, settings))
        }
        // Resolves its settings itself: settings that do not resolve are
        // its first finding.
        Command::Doctor(args) => block_on_client(async move {
            init_client_logging();
            doctor::run(args, &global, &printer).await
        }),
        // No server needed.
        Command::Pipelines(command) => pipelines::run(command, &printer),
        Command::Completions(args) => completions::completions(args),
        Command::Man => completions::man(),
        // Client commands: one connection, one thread, nothing else started.
        // Each validates its arguments before it connects.
        command => {
            let settings = Settings::resolve(&global)?;
            block_on_client(async move {
                init_client_logging();
                match command {
                    Command::Start(args) => start::run(args, settings, &printer).await,
                    Command::Approve(args) => decide::approve(args, settings, &printer).await,
                    Command::Reject(args) => decide::reject(args, settings, &printer).await,
                    Command::RequestChanges(args) => changes::run(args, settings, &printer).await,
                    Command::Delegate(args) => delegate::run(args, settings, &printer).await,
                    Command::Status(args) => status::run(args, settings, &printer).await,
                    Command::Watch(args) => watch::run(args, settings, &printer).await,
                    Command::List(args) => list::run(args, settings, &printer).await,
                    Command::Inbox(args) => inbox::run(args, settings, &printer).await,
                    Command::Wait(args) => wait::run(args, settings, &printer).await,
                    Command::History(args) => history::run(args, settings, &printer).await,
                    Command::Replay(args) => replay::run(args, settings, &printer).await,
                    Command::Verify(args) => verify::run(args, settings, &printer).await,
                    Command::Cancel(args) => control::cancel(args, settings, &printer).await,
                    Command::Schedule(command) => schedule::run(command, settings, &printer).await,
                    Command::Terminate(args) => control::terminate(args, settings, &printer).await,
                    Command::Pause(args) => {
                        control::run(args, Control::Pause, settings, &printer).await
                    }
                    Command::Resume(args) => {
                        control::run(args, Control::Resume, settings, &printer).await
                    }
                    Command::Stop(args) => {
                        control::run(args, Control::Stop, settings, &printer).await
                    }
                    Command::Dev(_)
                    | Command::Worker(_)
                    | Command::Doctor(_)
                    | Command::Pipelines(_)
                    | Command::Completions(_)
                    | Command::Man => {
                        unreachable!("dispatched above")
                    }
                }
            })
        }
    }
}

fn block_on_worker<F: Future<Output = Result<()>>>(future: F) -> Result<()> {
    tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .map_err(|e| crate::Error::Unexpected(e.into()))?
        .block_on(future)
}

fn block_on_client<F: Future<Output = Result<()>>>(future: F) -> Result<()> {
    tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .map_err(|e| crate::Error::Unexpected(e.into()))?
        .block_on(future)
}

/// Client commands log only what RUST_LOG asks for (default: warnings).
fn init_client_logging() {
    use tracing_subscriber::{EnvFilter, fmt};
    // The SDK's own warnings (a replay check failing a workflow task, client
    // retries) are noise for a one-shot command; its errors are not.
    let filter = EnvFilter::try_from_default_env()
        .unwrap_or_else(|_| EnvFilter::new("warn,temporalio_sdk_core=error,temporalio_sdk=error"));
    let ansi = std::io::IsTerminal::is_terminal(&std::io::stderr());
    let _ = fmt()
        .with_env_filter(filter)
        .with_writer(std::io::stderr)
        .with_ansi(ansi)
        .try_init();
}
