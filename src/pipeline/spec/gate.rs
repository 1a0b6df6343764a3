//! The approval gate's options, as a pipeline file declares them.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use super::DurationSpec;
use crate::pipeline::fields::FieldSpec;

/// A human gate. With `approvers` (names, or `group:NAME`), only they may
/// decide, and never the person who started the run unless
/// `allow_self_approval`; without, anyone may. Every rule is enforced by the
/// workflow's update validator.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ApprovalStep {
    pub prompt: String,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub approvers: Vec<String>,
    /// Distinct approvals needed to open the gate.
    #[serde(default = "one", skip_serializing_if = "is_one")]
    pub required: u32,
    /// Rejections needed to close it as rejected.
    #[serde(default = "one", skip_serializing_if = "is_one")]
    pub reject_quorum: u32,
    /// Let the person who started the run decide a gate that names approvers.
    #[serde(default, skip_serializing_if = "is_false")]
    pub allow_self_approval: bool,
    /// Every decision must be signed with a key the worker's allowed
    /// signers list for the approver (README "Verified approvals").
    #[serde(default, skip_serializing_if = "is_false")]
    pub signed: bool,
    /// What a gate that times out (step `timeout`) does.
    #[serde(default)]
    pub on_timeout: OnTimeout,
    /// With `on_timeout = "escalate"`: who else may decide after the timeout.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub escalate_to: Vec<String>,
    /// With `on_timeout = "escalate"`: how long the escalated gate waits.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub escalation_timeout: Option<DurationSpec>,
    /// Webhooks told when the gate opens (and again on escalation).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub notify: Vec<Notify>,
    /// Re-send the notifications this often while the gate waits.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub remind_every: Option<DurationSpec>,
    /// The form an approval fills in (`[steps.fields.NAME]`).
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub fields: BTreeMap<String, FieldSpec>,
    /// The form a rejection fills in (structured reasons).
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub reject_fields: BTreeMap<String, FieldSpec>,
    /// An earlier top-level step the run goes back to when an approver
    /// requests changes (`orca request-changes`); none: the gate has only
    /// approve and reject.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub on_changes: Option<String>,
    /// Rounds a gate with `on_changes` may take, the first included.
    #[serde(default = "three", skip_serializing_if = "is_three")]
    pub max_rounds: u32,
    /// An approver may hand their decision to someone else (`orca delegate`).
    #[serde(default, skip_serializing_if = "is_false")]
    pub allow_delegation: bool,
}

fn three() -> u32 {
    3
}

fn is_three(n: &u32) -> bool {
    *n == 3
}

fn one() -> u32 {
    1
}

fn is_one(n: &u32) -> bool {
    *n == 1
}

fn is_false(b: &bool) -> bool {
    !*b
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum OnTimeout {
    #[default]
    Reject,
    Approve,
    Escalate,
    Fail,
}

/// A webhook posted when a gate opens. The URL may come from the worker's
/// environment (`url_env`), so a secret URL is never in a pipeline file or
/// in Temporal.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Notify {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url_env: Option<String>,
    /// The body (a template; JSON is sent as JSON). Default: a JSON object with
    /// `text` (what Slack and Teams incoming webhooks show) and the details.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub body: Option<String>,
}
