//! Resolving a run request into a spec the workflow can interpret.

use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};
use temporalio_sdk::{ApplicationFailure, activities::ActivityError};

use super::{failure_type, final_failure};
use std::{collections::BTreeMap, time::Duration};

use crate::{
    pipeline::{self, Catalogue, PipelineSpec, StepKind},
    signing::AllowedSigner,
};

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct ResolveRequest {
    pub pipeline: Value,
    #[serde(default)]
    pub input: Map<String, Value>,
    /// The start is signed: resolve hands back the allowed signers to check it.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub signed: bool,
}

/// How this worker trusts decisions, recorded with the resolution so a
/// replay on a worker configured otherwise decides the same.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct SigningPolicy {
    /// The worker has `--allowed-signers`: a gate reads them when it opens.
    #[serde(default)]
    pub configured: bool,
    /// `--require-signed-approvals`: every gate is signed.
    #[serde(default)]
    pub require: bool,
    /// `--signature-window` in seconds (0: the default).
    #[serde(default)]
    pub window_secs: u64,
    /// The allowed signers when the run started, to check a signed start.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub signers_at_start: Vec<AllowedSigner>,
}

impl SigningPolicy {
    /// How far a signing time may be from workflow time.
    pub const DEFAULT_WINDOW: Duration = Duration::from_secs(600);

    pub fn window(&self) -> Duration {
        match self.window_secs {
            0 => Self::DEFAULT_WINDOW,
            secs => Duration::from_secs(secs),
        }
    }

    fn is_off(&self) -> bool {
        *self == SigningPolicy::default()
    }
}

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct ResolvedPipeline {
    pub spec: PipelineSpec,
    /// Inputs with defaults applied.
    pub input: Map<String, Value>,
    /// Approver groups: the worker's, overridden by the pipeline's own.
    #[serde(default)]
    pub groups: BTreeMap<String, Vec<String>>,
    /// The worker's default per-attempt step timeout (recorded here, so a
    /// replay on a worker configured otherwise decides the same).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub default_step_timeout_ms: Option<u64>,
    /// Absent in runs resolved before signed approvals: nothing signed.
    #[serde(default, skip_serializing_if = "SigningPolicy::is_off")]
    pub signing: SigningPolicy,
    /// Events after which the run continues as new (the worker's
    /// `--continue-as-new-after`; absent: the default).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub history_bound: Option<u32>,
}

pub fn resolve(
    catalogue: &Catalogue,
    worker_groups: &BTreeMap<String, Vec<String>>,
    request: ResolveRequest,
    deny_inline: bool,
) -> Result<ResolvedPipeline, ActivityError> {
    if deny_inline && request.pipeline.is_object() {
        return Err(final_failure(
            failure_type::INLINE_DENIED,
            "this worker runs only the pipelines it knows (--inline-pipelines deny): put the file in the worker's --pipelines DIR and start it by name".into(),
        ));
    }
    let spec = match &request.pipeline {
        Value::String(name) => catalogue.get(name).cloned().ok_or_else(|| {
            // The names travel as details too: a client lists them without
            // reading the message.
            ApplicationFailure::builder(format!(
                "this worker knows no pipeline `{name}` (it knows: {})",
                catalogue.names().join(", ")
            ))
            .type_name(failure_type::UNKNOWN_PIPELINE.to_string())
            .non_retryable(true)
            .details(serde_json::json!({"known": catalogue.names()}))
            .build()
        })?,
        inline @ Value::Object(_) => pipeline::parse_json(inline).map_err(|e| {
            final_failure(
                failure_type::INVALID_SPEC,
                format!("invalid inline pipeline: {e}"),
            )
        })?,
        other => {
            return Err(final_failure(
                failure_type::INVALID_SPEC,
                format!("`pipeline` must be a name or a spec object, not {other}"),
            ));
        }
    };
    let input = pipeline::resolve_inputs(&spec, &request.input).map_err(|e| {
        final_failure(
            failure_type::INVALID_INPUT,
            format!("pipeline `{}`: {e}", spec.name),
        )
    })?;
    let mut groups = worker_groups.clone();
    groups.extend(spec.groups.clone());
    // Every group a gate names must exist now, not when someone tries to approve.
    for step in &spec.steps {
        if let StepKind::Approval(gate) = &step.kind {
            for name in gate.approvers.iter().chain(&gate.escalate_to) {
                if let Some(group) = name.strip_prefix("group:")
                    && !groups.contains_key(group)
                {
                    return Err(final_failure(
                        failure_type::INVALID_SPEC,
                        format!(
                            "gate `{}` names group `{group}`, which neither the pipeline nor the worker's --approvers-file defines",
                            step.id
                        ),
                    ));
                }
            }
        }
    }
    Ok(ResolvedPipeline {
        spec,
        input,
        groups,
        default_step_timeout_ms: None,
        signing: SigningPolicy::default(),
        history_bound: None,
    })
}
