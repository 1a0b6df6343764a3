//! Runs of any size: a run continues as new (the worker's
//! `--continue-as-new-after` set tiny here) and goes on where it stood,
//! under the same workflow ID, with nothing lost and nothing run twice.

mod chain;
mod control;
mod crash;
mod forged;
mod gates;
mod heavy;
mod loops;
