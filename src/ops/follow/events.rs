//! What changed between two views of a run, as typed events in the order
//! they happened: the `watch -o jsonl` stream and the plain `watch` lines.

use std::collections::HashMap;

use serde::Serialize;
use serde_json::{Map, Value};

use crate::{
    client::RunPhase,
    engine::status::{
        ApprovalStatus, DecisionKind, Round, StepState, StepStatus, names_or_anyone, step_detail,
    },
    human::{comment_suffix, proof},
    ops::run::RunView,
};

#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "event", rename_all = "snake_case")]
pub enum RunEvent {
    /// The first view: what the run is.
    Run {
        pipeline: Option<String>,
        phase: Option<RunPhase>,
        requested_by: Option<String>,
        input: Map<String, Value>,
    },
    Phase {
        phase: Option<RunPhase>,
    },
    /// The run continued as new: a fresh run of the same ID goes on where
    /// it stood (`continued`: hand-overs so far).
    Continued {
        continued: u32,
    },
    StepStarted {
        step: String,
        kind: String,
    },
    StepWaiting {
        step: String,
        kind: String,
    },
    StepFinished {
        step: String,
        kind: String,
        state: StepState,
        attempts: u32,
        summary: Option<String>,
        error: Option<String>,
    },
    Progress {
        step: String,
        done: u64,
        total: u64,
    },
    Retry {
        step: String,
        attempt: i32,
        last_failure: Option<String>,
    },
    ApprovalRequested {
        step: String,
        prompt: String,
        approvers: Vec<String>,
        deadline: Option<String>,
        /// Which round this is, for a gate that can send the run back.
        #[serde(skip_serializing_if = "Option::is_none")]
        round: Option<Round>,
    },
    /// An approver sent the run back to an earlier step with feedback.
    ChangesRequested {
        step: String,
        by: String,
        feedback: String,
        /// The round that ended, of how many.
        round: Round,
        back_to: Option<String>,
    },
    /// An approver handed their decision to someone else.
    Delegated {
        step: String,
        by: String,
        to: String,
        comment: Option<String>,
    },
    ApprovalDecided {
        step: String,
        decision: DecisionKind,
        approved: bool,
        by: Option<String>,
        comment: Option<String>,
        /// The deciding vote's verified key; absent when unverified.
        #[serde(skip_serializing_if = "Option::is_none")]
        key: Option<String>,
    },
}

/// The events between `before` (the last live view, if any) and `now`. A
/// view the worker did not answer carries no steps, so after the first one
/// it tells nothing new: no events.
pub fn changes(before: Option<&RunView>, now: &RunView) -> Vec<RunEvent> {
    let mut events = Vec::new();
    match before {
        None => events.push(the_run(now)),
        Some(_) if !now.live => return events,
        Some(before) => {
            if before.phase != now.phase {
                events.push(RunEvent::Phase { phase: now.phase });
            }
            if before.run_id != now.run_id && now.continued > before.continued {
                events.push(RunEvent::Continued {
                    continued: now.continued,
                });
            }
        }
    }
    let old_steps = before.map(|b| b.steps.as_slice()).unwrap_or_default();
    let old_gate = before.and_then(|b| b.approval.as_ref());
    let mut gate_told = false;
    for step in &now.steps {
        let was = old_steps.iter().find(|s| s.id == step.id);
        let gate = now.approval.as_ref().filter(|g| g.step == step.id);
        events.extend(step_events(step, was, gate, old_gate));
        gate_told |= gate.is_some();
    }
    // A gate with no row of its own (inside a loop) is told after the steps.
    if !gate_told && let Some(gate) = &now.approval {
        events.extend(gate_events(gate, old_gate));
    }
    events.extend(retries(before, now));
    events
}

/// The `run` event: what the run is, who asked, with what input.
pub(super) fn the_run(now: &RunView) -> RunEvent {
    RunEvent::Run {
        pipeline: now.pipeline.clone(),
        phase: now.phase,
        requested_by: now.requested_by.clone(),
        input: now.input.clone(),
    }
}

pub use super::teller::Teller;

/// One step's events: its start, the gate it opened, the decision, its end.
fn step_events(
    step: &StepStatus,
    was: Option<&StepStatus>,
    gate: Option<&ApprovalStatus>,
    old_gate: Option<&ApprovalStatus>,
) -> Vec<RunEvent> {
    let mut events = Vec::new();
    let changed = was.is_none_or(|w| w.state != step.state);
    let (id, kind) = (step.id.clone(), step.kind.clone());
    if changed {
        match step.state {
            StepState::Pending => {}
            StepState::Running => events.push(RunEvent::StepStarted { step: id, kind }),
            StepState::Waiting => events.push(RunEvent::StepWaiting { step: id, kind }),
            _ => {}
        }
    }
    if let Some(gate) = gate {
        events.extend(gate_events(gate, old_gate));
    }
    let finished = !matches!(
        step.state,
        StepState::Pending | StepState::Running | StepState::Waiting
    );
    if changed && finished {
        events.push(RunEvent::StepFinished {
            step: step.id.clone(),
            kind: step.kind.clone(),
            state: step.state,
            attempts: step.attempts,
            summary: step.summary.clone(),
            error: step.error.clone(),
        });
    }
    if let Some(progress) = step.progress
        && was.is_none_or(|w| w.progress != step.progress)
        && progress.done > 0
    {
        events.push(RunEvent::Progress {
            step: step.id.clone(),
            done: progress.done,
            total: progress.total,
        });
    }
    events
}

/// A gate seen for the first time is announced even if it was decided
/// between two polls: the stream still tells the whole story.
/// A gate's events: its opening, then its decision, each told once.
/// A gate reached again (a new round) is a new opening: told again.
fn gate_events(gate: &ApprovalStatus, old: Option<&ApprovalStatus>) -> Vec<RunEvent> {
    let old = old.filter(|o| o.step == gate.step && o.opening == gate.opening);
    let mut events: Vec<RunEvent> = gate_opened(gate, old).into_iter().collect();
    events.extend(delegated(gate, old));
    events.extend(changes_requested(gate, old));
    events.extend(gate_decided(gate, old));
    events
}

fn gate_opened(gate: &ApprovalStatus, old: Option<&ApprovalStatus>) -> Option<RunEvent> {
    old.is_none().then(|| RunEvent::ApprovalRequested {
        step: gate.step.clone(),
        prompt: gate.prompt.clone(),
        approvers: gate.approvers.clone(),
        deadline: gate.deadline.clone(),
        round: gate.round_of(),
    })
}

/// The delegations made since `old`.
fn delegated(gate: &ApprovalStatus, old: Option<&ApprovalStatus>) -> Vec<RunEvent> {
    let told = old.map_or(0, |o| o.delegations.len());
    gate.delegations
        .iter()
        .skip(told)
        .map(|handed| RunEvent::Delegated {
            step: gate.step.clone(),
            by: handed.by.clone(),
            to: handed.to.clone(),
            comment: handed.comment.clone(),
        })
        .collect()
}

fn changes_requested(gate: &ApprovalStatus, old: Option<&ApprovalStatus>) -> Option<RunEvent> {
    let (changes, round) = (gate.changes_requested.as_ref()?, gate.sent_back()?);
    old.is_none_or(|o| o.changes_requested.is_none())
        .then(|| RunEvent::ChangesRequested {
            step: gate.step.clone(),
            by: changes.by.clone(),
            feedback: changes.feedback.clone(),
            round,
            back_to: gate.on_changes.clone(),
        })
}

fn gate_decided(gate: &ApprovalStatus, old: Option<&ApprovalStatus>) -> Option<RunEvent> {
    let decision = gate.decision.as_ref()?;
    old.is_none_or(|o| o.decision.is_none())
        .then(|| RunEvent::ApprovalDecided {
            step: gate.step.clone(),
            decision: decision.decision,
            approved: decision.approved,
            by: decision.by.clone(),
            comment: decision.comment.clone(),
            key: decision
                .votes
                .iter()
                .rev()
                .find(|v| Some(&v.by) == decision.by.as_ref())
                .and_then(|v| v.key.clone()),
        })
}

/// A running step's attempt went up: it is being retried.
fn retries(before: Option<&RunView>, now: &RunView) -> Vec<RunEvent> {
    let old: HashMap<&str, i32> = before
        .map(|b| {
            b.pending
                .iter()
                .map(|p| (p.step.as_str(), p.attempt))
                .collect()
        })
        .unwrap_or_default();
    now.pending
        .iter()
        .filter(|p| p.attempt > 1 && old.get(p.step.as_str()) != Some(&p.attempt))
        .map(|p| RunEvent::Retry {
            step: p.step.clone(),
            attempt: p.attempt,
            last_failure: p.last_failure.clone(),
        })
        .collect()
}

/// One line for people (plain `watch`).
pub fn describe(event: &RunEvent, id: &str) -> String {
    let or_empty = |text: &Option<String>| text.clone().unwrap_or_default();
    match event {
        RunEvent::Run {
            pipeline, phase, ..
        } => format!(
            "run {id} of {} is {}",
            pipeline.as_deref().unwrap_or("?"),
            phase.map_or("?", RunPhase::as_str)
        ),
        RunEvent::Phase { phase } => format!("phase {}", phase.map_or("?", RunPhase::as_str)),
        RunEvent::Continued { continued } => format!(
            "continued as new: run {} goes on where the run before it stopped, under the same ID",
            continued + 1
        ),
        RunEvent::StepStarted { step, kind } => format!("step {step} started ({kind})"),
        RunEvent::StepWaiting { step, .. } => format!("step {step} waiting"),
        RunEvent::StepFinished {
            step,
            state,
            summary,
            error,
            ..
        } => {
            let detail = step_detail(*state, summary.as_deref(), error.as_deref());
            format!("step {step} {state}: {}", detail.unwrap_or_default())
        }
        RunEvent::Progress { step, done, total } => format!("step {step} {done}/{total}"),
        RunEvent::Retry {
            step,
            attempt,
            last_failure,
        } => format!(
            "step {step} attempt {attempt} after: {}",
            or_empty(last_failure)
        ),
        gate => describe_gate(gate, id),
    }
}

/// One line for an event at a gate.
fn describe_gate(event: &RunEvent, id: &str) -> String {
    match event {
        RunEvent::ApprovalRequested {
            step,
            prompt,
            approvers,
            round,
            ..
        } => {
            let who = names_or_anyone(approvers);
            let round = round.map(|r| format!(", {r}")).unwrap_or_default();
            format!(
                "awaiting approval at {step}{round}: {prompt} (approvers: {who}; orca approve {id})"
            )
        }
        RunEvent::ChangesRequested {
            step,
            by,
            feedback,
            round,
            back_to,
        } => format!(
            "changes requested at {step} by {by}: {feedback} (back to {}; {round})",
            back_to.as_deref().unwrap_or("?")
        ),
        RunEvent::Delegated {
            step,
            by,
            to,
            comment,
        } => format!(
            "{by} delegated {step} to {to}{}",
            comment_suffix(comment.as_deref())
        ),
        RunEvent::ApprovalDecided {
            decision,
            by: Some(by),
            comment,
            key,
            ..
        } => format!(
            "{decision} by {by}, {}{}",
            proof(key.as_deref()),
            comment_suffix(comment.as_deref())
        ),
        RunEvent::ApprovalDecided {
            decision, comment, ..
        } => format!(
            "{decision} by timeout{}",
            comment_suffix(comment.as_deref())
        ),
        // The run's and its steps' events are `describe`'s own.
        _ => String::new(),
    }
}

#[cfg(test)]
#[path = "events_tests.rs"]
mod tests;
