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
mod doctor;
mod env_file;
mod examples;
mod fleet;
mod handover;
mod histories;
mod metrics;
mod migration;
mod operator;
mod packaging;
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
