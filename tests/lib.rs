//! All integration tests compile into one binary, so they share one real
//! Temporal dev server (see `common`). Each file or directory is one area of
//! behaviour.

mod common;

mod approval_flow;
mod approvals;
mod bad_input;
mod builtins;
mod cli;
mod connection;
mod control;
mod defaults;
mod deploy;
mod dev;
mod examples;
mod fleet;
mod handover;
mod histories;
mod metrics;
mod operator;
mod prompts;
mod record_histories;
mod refusals;
mod reliability_crash;
mod reliability_load;
mod reliability_partition;
mod reliability_restart;
mod reliability_shutdown;
mod scale;
mod schedules;
mod security;
mod signed;
mod steps;
mod terminal;
mod tls;
mod typed_core;
mod worker;
