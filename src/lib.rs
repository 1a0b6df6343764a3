//! orca: durable, human-approved pipelines on Temporal.
//!
//! Data flows one way: `cli` (clap types) → `commands` (one file per
//! command: its arguments, a call into `ops`, its printing) → `ops` (the
//! operations commands share) → `client` / `engine` → `output`. The engine
//! never prints; commands never import each other, and never build gRPC
//! requests by hand when the SDK has the call.

pub mod cli;
pub mod client;
pub mod commands;
pub mod config;
pub mod connect;
pub mod engine;
pub mod error;
pub mod failure;
pub mod human;
pub mod ops;
pub mod output;
pub mod pipeline;
pub mod prompt;
pub mod schedule;
pub mod signing;
pub mod state;

pub use error::{Error, Result};

/// Runs one parsed command line to completion.
pub fn run(cli: cli::Cli) -> Result<()> {
    commands::run(cli)
}
