//! Activities: every side effect of a pipeline runs here, never in the
//! workflow. Each step activity returns a `StepOutput` envelope so the
//! workflow learns the attempt that succeeded along with the output.

mod agent;
mod command;
mod http;
mod notify;
mod resolve;
#[cfg(test)]
mod tests;

use std::sync::Arc;

use serde::{Deserialize, Serialize};
use serde_json::Value;
use temporalio_macros::activities;
use temporalio_sdk::activities::{ActivityContext, ActivityError};

pub use agent::AgentRequest;
pub use command::{CommandRequest, kill_running_commands};
pub use http::{HeaderSource, HttpRequest};
pub use notify::NotifyRequest;
pub use resolve::{ResolveRequest, ResolvedPipeline};

use crate::pipeline::Catalogue;

/// Failure type names the workflow and users can rely on (and list in
/// `retry.non_retryable`).
pub mod failure_type {
    pub const UNKNOWN_PIPELINE: &str = "UnknownPipeline";
    pub const INVALID_SPEC: &str = "InvalidSpec";
    pub const INVALID_INPUT: &str = "InvalidInput";
}

/// A failure that retrying cannot fix, typed so a pipeline (and orca)
/// can tell it apart.
fn final_failure(type_name: &str, message: String) -> ActivityError {
    temporalio_sdk::ApplicationFailure::builder(message)
        .type_name(type_name.to_string())
        .non_retryable(true)
        .build()
        .into()
}

/// What a step activity hands back to the workflow.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct StepOutput {
    pub output: Value,
    /// The attempt that produced it (1 = first try).
    pub attempt: u32,
    /// One line for `orca status`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub summary: Option<String>,
}

/// Shared state of the worker's activities.
pub struct PipelineActivities {
    pub catalogue: Catalogue,
    /// Approver groups from the worker's `--approvers-file`.
    pub groups: std::collections::BTreeMap<String, Vec<String>>,
    /// `command` steps run only when the worker opted in (`--allow-commands`).
    pub allow_commands: bool,
    /// The worker's default step timeout, handed to runs through resolve.
    pub default_step_timeout: Option<std::time::Duration>,
    pub http: reqwest::Client,
}

impl PipelineActivities {
    pub fn new(
        catalogue: Catalogue,
        groups: std::collections::BTreeMap<String, Vec<String>>,
        allow_commands: bool,
        default_step_timeout: Option<std::time::Duration>,
    ) -> Self {
        PipelineActivities {
            catalogue,
            groups,
            allow_commands,
            default_step_timeout,
            http: http::client(),
        }
    }
}

#[activities]
impl PipelineActivities {
    /// Turns the workflow's `pipeline` field (a name or an inline spec) and its
    /// input into a validated spec with defaults applied. Runs as a local
    /// activity: its result is recorded in history, so replay never re-resolves.
    #[activity(name = "orca.resolve")]
    pub async fn resolve(
        self: Arc<Self>,
        _ctx: ActivityContext,
        request: ResolveRequest,
    ) -> Result<ResolvedPipeline, ActivityError> {
        let mut resolved = resolve::resolve(&self.catalogue, &self.groups, request)?;
        resolved.default_step_timeout_ms = self.default_step_timeout.map(|d| d.as_millis() as u64);
        Ok(resolved)
    }

    /// The simulated agent step (see `AgentStep`).
    #[activity(name = "orca.agent")]
    pub async fn agent(
        ctx: ActivityContext,
        request: AgentRequest,
    ) -> Result<StepOutput, ActivityError> {
        agent::run(ctx, request).await
    }

    /// A `command` step (see `CommandStep`).
    #[activity(name = "orca.command")]
    pub async fn command(
        self: Arc<Self>,
        ctx: ActivityContext,
        request: CommandRequest,
    ) -> Result<StepOutput, ActivityError> {
        command::run(ctx, request, self.allow_commands).await
    }

    /// Tells a webhook that an approval gate opened (or was escalated).
    #[activity(name = "orca.notify")]
    pub async fn notify(
        self: Arc<Self>,
        ctx: ActivityContext,
        request: NotifyRequest,
    ) -> Result<(), ActivityError> {
        notify::run(ctx, &self.http, request).await
    }

    /// An `http` step (see `HttpStep`).
    #[activity(name = "orca.http")]
    pub async fn http(
        self: Arc<Self>,
        ctx: ActivityContext,
        request: HttpRequest,
    ) -> Result<StepOutput, ActivityError> {
        http::run(ctx, &self.http, request).await
    }
}
