//! The pipeline model: what a `*.toml` file (or an inline JSON spec in the
//! workflow input) describes, and the checks it must pass before a run starts.
//!
//! The same types deserialize from TOML (files, built-ins) and JSON (the
//! workflow input), so a spec means the same thing whichever client sent it.

use std::{collections::BTreeMap, fmt, time::Duration};

use serde::{Deserialize, Deserializer, Serialize, Serializer};
use serde_json::Value;

mod duration;
mod gate;

pub use duration::StepDuration;
pub use gate::{ApprovalStep, Notify, OnTimeout};

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PipelineSpec {
    pub name: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub inputs: BTreeMap<String, InputSpec>,
    /// Approver groups, named in gates as `group:NAME`.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub groups: BTreeMap<String, Vec<String>>,
    pub steps: Vec<Step>,
}

#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct InputSpec {
    #[serde(default)]
    pub required: bool,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub default: Option<Value>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
}

/// One step: the fields every kind shares, plus the kind's own fields.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Step {
    /// Required, except on the `step` of a `foreach` (where it defaults to `item`).
    #[serde(default)]
    pub id: String,
    /// Give up on the step after this long: per attempt for command, http
    /// and agent steps; the whole gate, group or loop for approval, parallel
    /// and foreach.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub timeout: Option<DurationSpec>,
    /// Retries for command, http and agent steps.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub retry: Option<RetrySpec>,
    /// A template; the step runs only when it renders true.
    #[serde(default, rename = "if", skip_serializing_if = "Option::is_none")]
    pub condition: Option<String>,
    #[serde(flatten)]
    pub kind: StepKind,
}

/// A step's kind alone, as a run's status names it (`StepKind::name`):
/// parsed once where a status is read, so no caller compares text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Kind {
    Policy,
    Approval,
    Agent,
    Command,
    Http,
    Sleep,
    Parallel,
    Foreach,
}

impl Kind {
    const ALL: [Kind; 8] = [
        Kind::Policy,
        Kind::Approval,
        Kind::Agent,
        Kind::Command,
        Kind::Http,
        Kind::Sleep,
        Kind::Parallel,
        Kind::Foreach,
    ];

    pub fn name(self) -> &'static str {
        match self {
            Kind::Policy => "policy",
            Kind::Approval => "approval",
            Kind::Agent => "agent",
            Kind::Command => "command",
            Kind::Http => "http",
            Kind::Sleep => "sleep",
            Kind::Parallel => "parallel",
            Kind::Foreach => "foreach",
        }
    }

    /// The kind a status names; `None` for one this build does not know
    /// (a newer worker's).
    pub fn parse(name: &str) -> Option<Kind> {
        Kind::ALL.into_iter().find(|kind| kind.name() == name)
    }
}

impl std::fmt::Display for Kind {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.name())
    }
}

/// The kind-specific part of a step, tagged by `kind = "..."`. Each variant
/// rejects keys it does not know, so a typo is an error, not a silent no-op.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum StepKind {
    Policy(PolicyStep),
    Approval(ApprovalStep),
    Agent(AgentStep),
    Command(CommandStep),
    Http(HttpStep),
    Sleep(SleepStep),
    Parallel(ParallelStep),
    Foreach(ForeachStep),
}

impl StepKind {
    pub fn name(&self) -> &'static str {
        self.kind().name()
    }

    /// Which kind, without its settings.
    pub fn kind(&self) -> Kind {
        match self {
            StepKind::Policy(_) => Kind::Policy,
            StepKind::Approval(_) => Kind::Approval,
            StepKind::Agent(_) => Kind::Agent,
            StepKind::Command(_) => Kind::Command,
            StepKind::Http(_) => Kind::Http,
            StepKind::Sleep(_) => Kind::Sleep,
            StepKind::Parallel(_) => Kind::Parallel,
            StepKind::Foreach(_) => Kind::Foreach,
        }
    }

    /// Kinds that run as an activity (and so take `retry`).
    pub fn is_activity(&self) -> bool {
        matches!(
            self,
            StepKind::Agent(_) | StepKind::Command(_) | StepKind::Http(_)
        )
    }
}

/// Allow/deny rules (regular expressions) matched against a rendered subject.
/// A deny rule that matches ends the run with outcome `denied`; when `allow`
/// is not empty, the subject must also match one of them.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PolicyStep {
    pub subject: String,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub deny: Vec<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub allow: Vec<String>,
}

/// A simulated agent action: it takes `duration`, heartbeats while it works and
/// returns a deterministic output derived from `action` (plus `returns`). It
/// calls nothing outside the worker; it exists for demos and tests and says so
/// in its output.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AgentStep {
    /// What the agent does (a template), e.g. "summarise {{ input.task }}".
    pub action: String,
    /// How long it works: a duration, or a template rendering one.
    #[serde(default = "AgentStep::default_duration")]
    pub duration: StepDuration,
    /// Extra output fields (strings are templates), e.g. a plan's batches.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub returns: Option<serde_json::Value>,
    /// Simulate a transient failure on the first N attempts (to show retries).
    #[serde(default, skip_serializing_if = "is_zero")]
    pub fail_first: u32,
}

fn is_zero(n: &u32) -> bool {
    *n == 0
}

impl AgentStep {
    fn default_duration() -> StepDuration {
        StepDuration::Fixed(DurationSpec(Duration::from_secs(1)))
    }
}

/// A program run by the worker (only when it was started with
/// `--allow-commands`). Exactly one of `argv` and `shell`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CommandStep {
    /// Program and arguments, each a template; no shell involved.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub argv: Vec<String>,
    /// A shell command line (run with `sh -c`), a template.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub shell: Option<String>,
    /// Extra environment variables; values are templates.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub env: BTreeMap<String, String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cwd: Option<String>,
    /// Text written to the program's stdin (a template).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub stdin: Option<String>,
}

/// An HTTP request made by the worker.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct HttpStep {
    #[serde(default = "HttpStep::default_method")]
    pub method: String,
    pub url: String,
    /// Header values: a template, or `{ env = "NAME" }` to read a secret from
    /// the worker's environment (never logged, never recorded).
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub headers: BTreeMap<String, HeaderValue>,
    /// A JSON body (strings inside are templates).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub json: Option<serde_json::Value>,
    /// A text body (a template).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub body: Option<String>,
    /// Status codes that count as success [default: any 2xx].
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub expect: Vec<u16>,
}

impl HttpStep {
    fn default_method() -> String {
        "GET".into()
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(untagged)]
pub enum HeaderValue {
    Text(String),
    Env { env: String },
}

/// A durable timer: survives worker and server restarts.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SleepStep {
    pub duration: DurationSpec,
}

/// Nested steps run at once.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ParallelStep {
    pub steps: Vec<Step>,
    /// On the first failure, cancel the others (true) or let all finish and
    /// report every failure (false).
    #[serde(default = "yes")]
    pub fail_fast: bool,
}

fn yes() -> bool {
    true
}

/// One nested step per item, `concurrency` at a time. Each finished item is
/// recorded in the run's history, so a crash never re-runs it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ForeachStep {
    /// A list, or a template naming one (`"{{ steps.plan.output.batches }}"`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub items: Option<Items>,
    /// Instead of items: run N times (a number or a template); `item` is the index.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub count: Option<Count>,
    #[serde(default = "ForeachStep::default_concurrency")]
    pub concurrency: u32,
    /// A template checked after each item (it also sees that item's
    /// `output`); once it renders true, no further item starts.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub until: Option<String>,
    /// The step run for each item; templates also see `item` and `index`.
    pub step: Box<Step>,
}

impl ForeachStep {
    fn default_concurrency() -> u32 {
        1
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(untagged)]
pub enum Items {
    List(Vec<serde_json::Value>),
    Template(String),
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(untagged)]
pub enum Count {
    Number(u64),
    Template(String),
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RetrySpec {
    /// Total attempts, the first included. 1 means no retry.
    pub attempts: u32,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub initial: Option<DurationSpec>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub backoff: Option<f64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max: Option<DurationSpec>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub non_retryable: Vec<String>,
}

/// A duration written the human way (`30s`, `5m`, `1h 30m`) in files and JSON.
///
/// Its serde is by hand rather than `humantime-serde`: that crate's error
/// says only `invalid value: string "soon", expected a duration`, and a
/// person fixing a pipeline file wants the reason and the forms that work.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DurationSpec(pub Duration);

impl fmt::Display for DurationSpec {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", humantime::format_duration(self.0))
    }
}

impl Serialize for DurationSpec {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for DurationSpec {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let text = String::deserialize(d)?;
        humantime::parse_duration(&text)
            .map(DurationSpec)
            .map_err(|e| {
                serde::de::Error::custom(format!(
                    "`{text}` is not a duration ({e}); write it like \"30s\", \"5m\" or \"1h\""
                ))
            })
    }
}
