//! Activities: every side effect of a pipeline runs here, never in the
//! workflow. Each step activity returns a `StepOutput` envelope so the
//! workflow learns the attempt that succeeded along with the output.

mod agent;
mod command;
mod http;
mod notify;
mod resolve;
mod schedule;
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
pub use resolve::{ResolveRequest, ResolvedPipeline, SigningPolicy};
pub use schedule::ScheduleCheck;

use crate::{
    pipeline::Catalogue,
    signing::{AllowedSigner, allowed},
};

/// Whom the worker trusts, and with what (`--allowed-signers`,
/// `--require-signed-approvals`, `--signature-window`, `--inline-pipelines`).
#[derive(Debug, Clone, Default)]
pub struct WorkerTrust {
    pub allowed_signers: Option<std::path::PathBuf>,
    pub require_signed: bool,
    pub window: Option<std::time::Duration>,
    pub deny_inline: bool,
}

impl WorkerTrust {
    /// The allowed signers as the file says now (none without a file).
    pub fn read_signers(&self) -> Result<Vec<AllowedSigner>, String> {
        let Some(path) = &self.allowed_signers else {
            return Ok(Vec::new());
        };
        let text = std::fs::read_to_string(path)
            .map_err(|e| format!("cannot read {}: {e}", path.display()))?;
        allowed::parse(&text).map_err(|e| format!("{}: {e}", path.display()))
    }

    /// The policy a run records when it starts.
    fn policy(&self, signed_start: bool) -> Result<SigningPolicy, String> {
        Ok(SigningPolicy {
            configured: self.allowed_signers.is_some(),
            require: self.require_signed,
            window_secs: self.window.map_or(0, |w| w.as_secs().max(1)),
            signers_at_start: match signed_start {
                true => self.read_signers()?,
                false => Vec::new(),
            },
        })
    }
}

/// Failure type names the workflow and users can rely on (and list in
/// `retry.non_retryable`).
pub mod failure_type {
    pub const UNKNOWN_PIPELINE: &str = "UnknownPipeline";
    pub const INVALID_SPEC: &str = "InvalidSpec";
    pub const INVALID_INPUT: &str = "InvalidInput";
    /// An inline spec sent to a worker with `--inline-pipelines deny`.
    pub const INLINE_DENIED: &str = "InlineDenied";
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

/// A failure worth retrying (a file mid-rotation, …).
fn retryable(message: String) -> ActivityError {
    temporalio_sdk::ApplicationFailure::builder(message)
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

/// Shared state of the worker's activities (cloned for each task queue the
/// worker polls).
#[derive(Clone)]
pub struct PipelineActivities {
    pub catalogue: Catalogue,
    /// Approver groups from the worker's `--approvers-file`.
    pub groups: std::collections::BTreeMap<String, Vec<String>>,
    /// `command` steps run only when the worker opted in (`--allow-commands`).
    pub allow_commands: bool,
    /// The worker's default step timeout, handed to runs through resolve.
    pub default_step_timeout: Option<std::time::Duration>,
    pub http: reqwest::Client,
    /// Signed approvals and inline pipelines (default: trust no keys, allow inline).
    pub trust: WorkerTrust,
    /// The worker's own client, to ask a schedule whether it started a run.
    pub client: Option<temporalio_client::Client>,
    /// Events after which a run continues as new (`--continue-as-new-after`).
    pub history_bound: Option<u32>,
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
            trust: WorkerTrust::default(),
            client: None,
            history_bound: None,
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
        let signed = request.signed;
        let mut resolved = resolve::resolve(
            &self.catalogue,
            &self.groups,
            request,
            self.trust.deny_inline,
        )?;
        resolved.default_step_timeout_ms = self.default_step_timeout.map(|d| d.as_millis() as u64);
        resolved.history_bound = self.history_bound;
        // A file that cannot be read now may be mid-rotation: retried.
        resolved.signing = self.trust.policy(signed).map_err(retryable)?;
        Ok(resolved)
    }

    /// The keys a gate trusts, read when it opens (a local activity: the
    /// list is recorded in history, so a replay trusts the same keys and a
    /// key removed before the gate opened is never trusted).
    #[activity(name = "orca.signers")]
    pub async fn signers(
        self: Arc<Self>,
        _ctx: ActivityContext,
        _gate: String,
    ) -> Result<Vec<AllowedSigner>, ActivityError> {
        self.trust.read_signers().map_err(retryable)
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

    /// Whether the schedule a run names really started it (see `schedule`).
    #[activity(name = "orca.schedule_started")]
    pub async fn schedule_started(
        self: Arc<Self>,
        _ctx: ActivityContext,
        check: ScheduleCheck,
    ) -> Result<bool, ActivityError> {
        match &self.client {
            Some(client) => schedule::started(client, &check).await,
            None => Ok(false),
        }
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
