//! All integration tests compile into one binary, so they share one real
//! Temporal dev server (see `common`). Each file is one area of behaviour.

mod common;

mod approval_flow;
mod approvals;
mod builtins;
mod cli;
mod connection;
mod control;
mod dev;
mod durability;
mod examples;
mod operator;
mod prompts;
mod schedules;
mod steps;
mod worker;
