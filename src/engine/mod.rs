//! The engine: the `Pipeline` workflow, its activities, and the status
//! document it shares with clients. The engine never prints and never reads
//! the environment; the worker command hands it everything it needs.

pub mod activities;
mod begin;
pub mod capability;
mod gate;
mod handover;
pub mod metrics;
mod noop;
pub mod refusal;
mod run;
pub mod status;
mod steps;
mod trust;
pub mod workflow;

pub use noop::NoopWorkflow;
pub use workflow::PipelineWorkflow;
