//! The operations layer (cargo's `ops`): what commands do, apart from how
//! they are asked for. A command file is its clap arguments plus a thin
//! call into here and its printing; what two commands share lives here,
//! never in one of them.
//!
//! `run`: one typed view of a run; `control`: what pause, resume or stop
//! did, in words; `follow`: the loop behind `watch`,
//! `wait` and `start --wait`; `query`: every visibility query; `pick`: the
//! pickers; `start`, `decide`, `sign`: starting runs, deciding gates, signing both;
//! `gate`: every act at a gate (vote, request changes, delegate), signed
//! and sent; `form`: a gate's form filled in, asked for and shown;
//! `json_arg`: a JSON object given inline, as @FILE or on stdin;
//! `history_fixtures` (tests only): histories built by hand;
//! `pipelines`: the catalogue a client or worker knows; `timeline`: a
//! history as a readable timeline; `replay`: replaying histories on this
//! build; `schedules`: schedule plans and views; `worker`, `dev`: running a
//! worker and a dev server; `doctor`: checking a setup and explaining where
//! a run waits; `tone`: what each state word means to a reader.

pub mod audit;
pub mod control;
pub mod decide;
pub mod dev;
pub mod doctor;
pub mod follow;
pub mod form;
pub mod gate;
#[cfg(test)]
pub mod history_fixtures;
pub mod json_arg;
pub mod pick;
pub mod pipelines;
pub mod query;
pub mod replay;
pub mod run;
pub mod schedules;
pub mod sign;
pub mod start;
pub mod timeline;
mod tone;
pub mod worker;
