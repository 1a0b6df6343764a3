//! Continue-as-new, invisible to the user: before a run's history nears
//! Temporal's limits (51,200 events, 50 MB), the run hands everything it
//! knows to a fresh run of the same workflow ID, which goes on where it
//! left off.
//!
//! A hand-over happens only at a point where nothing is in flight: between
//! top-level steps, or once every lane of every loop has drained (items
//! already started finish first; none starts after the flag is up), or
//! while a gate waits with no notification pending. Each step that was cut
//! short leaves a checkpoint here, keyed by where it runs (`suffix` + id),
//! and picks it up again in the next run.

mod early;
mod outputs;

pub use early::{EarlyControls, PATCH as EARLY_CONTROLS_PATCH};

pub(super) use outputs::{LoopOutputs, fit_outputs};

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};
use temporalio_sdk::{ApplicationFailure, ContinueAsNewOptions, WorkflowTermination};

use super::{
    activities::SigningPolicy,
    status::*,
    steps::{Ctx, Scope},
};
use crate::{pipeline::PipelineSpec, signing::AllowedSigner};

/// Marks runs that may hand over: a run recorded before hand-overs
/// existed replays without ever doing one.
pub(super) const PATCH: &str = "orca-continue-as-new";
/// Events after which a run hands over, unless the worker says otherwise
/// (`--continue-as-new-after`). Far below the 51,200 Temporal allows: a
/// loop drains its lanes after the bound (up to `concurrency` items more),
/// and a gate waits for its pending notification.
pub const DEFAULT_BOUND: u32 = 10_000;
/// Run IDs of the chain a signature may name (a client signs for the run
/// it saw, which may have handed over since).
const CHAIN_KEPT: usize = 50;
/// Bytes the next run's input may take: under Temporal's 2 MB per payload,
/// with room for the event's own fields.
const CARRY_LIMIT: usize = 2_000_000 - 64 * 1024;

/// What a run knows about handing over, kept in the workflow's state.
#[derive(Debug, Clone, Default)]
pub(super) struct Handover {
    /// The run may hand over (see `PATCH`).
    pub enabled: bool,
    /// Events after which it does.
    pub bound: u32,
    /// Something was recorded since this run began: a run never hands over
    /// before it has moved, so a bound below its first events cannot loop.
    pub progressed: bool,
    /// The flag is up: loops take no further item, gates yield.
    pub handing_over: bool,
    pub checkpoints: Checkpoints,
}

/// Where the steps cut short by a hand-over stand; carried to the next run.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub(super) struct Checkpoints {
    /// Unfinished loops, by `suffix` + id.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub loops: BTreeMap<String, LoopCheckpoint>,
    /// Steps of a parallel group that finished before the hand-over (their
    /// output; null for a skipped one), by `suffix` + id.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub settled: BTreeMap<String, Value>,
    /// The open gate's timers.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub gate: Option<GateCheckpoint>,
    /// Deadlines (ms since the epoch) of groups with a `timeout` under
    /// way, by `suffix` + id.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub deadlines: BTreeMap<String, u64>,
}

/// A loop cut short: which items are finished, and what they returned.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub(super) struct LoopCheckpoint {
    pub total: usize,
    /// Every item below `next` that is not in `redo` is finished.
    pub next: usize,
    /// Items started that did not finish (they nest a step that was itself
    /// cut short): run again first, resuming their own checkpoints.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub redo: Vec<usize>,
    pub finished: usize,
    pub outputs: LoopOutputs,
}

/// An open gate's clocks, as absolute times (ms since the epoch).
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub(super) struct GateCheckpoint {
    pub step: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub deadline_ms: Option<u64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub next_reminder_ms: Option<u64>,
    /// Reminders sent so far.
    #[serde(default)]
    pub ticks: u32,
}

/// Everything the next run needs, in the `continued` field of its input.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub(super) struct Carry {
    pub spec: PipelineSpec,
    pub status: RunStatus,
    pub outputs: Map<String, Value>,
    #[serde(default)]
    pub published_phase: Option<Phase>,
    #[serde(default)]
    pub groups: BTreeMap<String, Vec<String>>,
    #[serde(default)]
    pub default_step_timeout_ms: Option<u64>,
    #[serde(default)]
    pub signing: SigningPolicy,
    #[serde(default)]
    pub trusted: Vec<AllowedSigner>,
    #[serde(default)]
    pub openings: BTreeMap<String, u32>,
    #[serde(default)]
    pub rounds: BTreeMap<String, Vec<ChangeRound>>,
    /// The top-level step to go on with.
    pub next_step: usize,
    #[serde(default)]
    pub checkpoints: Checkpoints,
    /// Earlier runs of the chain, oldest first (at most `CHAIN_KEPT`).
    #[serde(default)]
    pub run_ids: Vec<String>,
    pub bound: u32,
}

/// Where a step's checkpoint is kept: its place in the run.
pub(super) fn key(scope: &Scope, id: &str) -> String {
    format!("{}{id}", scope.suffix)
}

/// Workflow time in ms since the epoch.
pub(super) fn epoch_ms(ctx: &Ctx) -> u64 {
    ctx.workflow_time()
        .and_then(|t| t.duration_since(std::time::UNIX_EPOCH).ok())
        .map_or(0, |d| d.as_millis() as u64)
}

/// Whether the run should hand over now (and, if so, raises the flag).
pub(super) fn due(ctx: &Ctx) -> bool {
    let (enabled, bound, progressed, up) = ctx.state(|s| {
        let h = &s.handover;
        (h.enabled, h.bound, h.progressed, h.handing_over)
    });
    if up {
        return true;
    }
    if !enabled || !progressed {
        return false;
    }
    let due = ctx.history_length() >= bound || ctx.continue_as_new_suggested();
    if due {
        ctx.state_mut(|s| s.handover.handing_over = true);
    }
    due
}

/// The flag is up (a lane or a gate saw the bound).
pub(super) fn raised(ctx: &Ctx) -> bool {
    ctx.state(|s| s.handover.handing_over)
}

/// Something was recorded: from now on this run may hand over.
pub(super) fn progressed(ctx: &Ctx) {
    ctx.state_mut(|s| s.handover.progressed = true);
}

/// Hands the run over to a fresh one that goes on at top-level step
/// `next_step`: the same request, plus everything carried.
pub(super) async fn hand_over(
    ctx: &Ctx,
    spec: &PipelineSpec,
    next_step: usize,
) -> WorkflowTermination {
    // Updates are handled synchronously, so none is ever half done; the
    // wait keeps it so should one become asynchronous.
    let view = ctx.clone();
    if let Err(e) = ctx
        .wait_condition(move |_| view.all_handlers_finished())
        .await
    {
        return e.into();
    }
    let run_id = ctx.run_id().to_string();
    let (request, carry) = ctx.state(|s| {
        let mut run_ids = s.run_ids.clone();
        run_ids.push(run_id);
        let drop = run_ids.len().saturating_sub(CHAIN_KEPT);
        run_ids.drain(..drop);
        let mut status = s.status.clone();
        status.continued += 1;
        let carry = Carry {
            spec: spec.clone(),
            status,
            outputs: fit_outputs(s.outputs.clone()),
            published_phase: s.published_phase,
            groups: s.groups.clone(),
            default_step_timeout_ms: s.default_step_timeout.map(|d| d.as_millis() as u64),
            signing: s.signing.clone(),
            trusted: s.trusted.clone(),
            openings: s.openings.clone(),
            rounds: s.rounds.clone(),
            next_step,
            checkpoints: s.handover.checkpoints.clone(),
            run_ids,
            bound: s.handover.bound,
        };
        (s.request.clone(), carry)
    });
    let request = next_request(request, &carry);
    let size = outputs::json_size(&request);
    if size > CARRY_LIMIT {
        return WorkflowTermination::failed_application(ApplicationFailure::non_retryable(
            format!(
                "the run cannot continue as new: its state is {size} bytes, over the {CARRY_LIMIT} \
                 a payload may be (its inputs, outputs and unfinished loops together)"
            ),
        ));
    }
    match ctx.continue_as_new(request, ContinueAsNewOptions::default()) {
        Err(termination) => termination,
        Ok(never) => match never {},
    }
}

/// The next run's input: who asked and how (name, requester, signed
/// start), and the carried state. The input values and an inline spec are
/// in the carry already: they are not sent twice.
fn next_request(request: Value, carry: &Carry) -> Value {
    let mut next = Map::new();
    let pipeline = match request.get("pipeline") {
        Some(Value::String(name)) => name.clone(),
        _ => carry.spec.name.clone(),
    };
    next.insert("pipeline".into(), Value::String(pipeline));
    for kept in ["requested_by", "signed"] {
        if let Some(value) = request.get(kept) {
            next.insert(kept.into(), value.clone());
        }
    }
    next.insert(
        CONTINUED.into(),
        serde_json::to_value(carry).unwrap_or(Value::Null),
    );
    Value::Object(next)
}

/// The field of the input that carries a run's state to the next.
pub(super) const CONTINUED: &str = "continued";

/// This run's carried state, if it is a continuation. A carry is taken
/// only from a run Temporal started as a continuation of this workflow: a
/// client starting a run with a forged one (an approved gate, keys of its
/// own) is refused.
pub(super) fn carried(ctx: &Ctx, request: &Value) -> Result<Option<Carry>, String> {
    let Some(carry) = request.get(CONTINUED).filter(|v| !v.is_null()) else {
        return Ok(None);
    };
    if ctx.info().continued_from_run_id().is_none() {
        return Err(format!(
            "the input's `{CONTINUED}` field is the state a run hands to its own continuation; a new run cannot start with one"
        ));
    }
    serde_json::from_value(carry.clone())
        .map(Some)
        .map_err(|e| format!("the carried state does not read: {e}"))
}

/// The workflow's state restored from a carry.
pub(super) fn restore(ctx: &Ctx, carry: Carry) {
    ctx.state_mut(|s| {
        s.status = carry.status;
        s.outputs = carry.outputs;
        s.published_phase = carry.published_phase;
        s.groups = carry.groups;
        s.default_step_timeout = carry
            .default_step_timeout_ms
            .map(std::time::Duration::from_millis);
        s.signing = carry.signing;
        s.trusted = carry.trusted;
        s.openings = carry.openings;
        s.rounds = carry.rounds;
        s.run_ids = carry.run_ids;
        s.handover = Handover {
            enabled: true,
            bound: carry.bound,
            progressed: false,
            handing_over: false,
            checkpoints: carry.checkpoints,
        };
    });
}

#[cfg(test)]
mod tests;
