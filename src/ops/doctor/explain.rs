//! `orca doctor --run ID`: where one run waits and why — for a person (the
//! gate, who may decide), for a worker (none polls its queue, or none with
//! the capability a step needs), for a step that keeps failing, for a
//! timer, or paused — with its attempts and last failure. Read from the
//! run model every command shares (`ops::run::RunView`: describe plus the
//! status query), and from who polls its queues.

use serde::Serialize;
use temporalio_common::protos::temporal::api::enums::v1::TaskQueueType;

use super::stuck::{Why, why};
use crate::{
    Result,
    client::{Orca, QUERY_DEADLINE, RunPhase, TemporalStatus, start_one},
    engine::{
        capability::Capability,
        status::{Phase, StepState, StepStatus, names_or_anyone},
    },
    ops::run::{RunView, view},
    pipeline::spec::Kind,
};

/// What the run waits for.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "for", rename_all = "snake_case")]
pub enum Waiting {
    /// A decision at a gate. `may_decide` empty: anyone may.
    Person {
        step: String,
        prompt: String,
        may_decide: Vec<String>,
        still_to_vote: Vec<String>,
        deadline: Option<String>,
        signed: bool,
    },
    /// A worker: none polls the run's task queue.
    Worker { task_queue: String },
    /// A worker with a capability: a step waits on that capability's
    /// queue, which no worker polls.
    CapableWorker {
        step: String,
        task_queue: String,
        capability: Capability,
    },
    /// A worker polls, but none answered the status query in time (busy,
    /// or stuck on this run's workflow task).
    Answer { task_queue: String },
    /// A step's next attempt: it failed (or timed out) and is retried.
    Retry {
        step: String,
        attempt: i32,
        last_failure: Option<String>,
    },
    /// A durable timer (`sleep` step).
    Timer { step: String },
    /// `orca resume`: paused between steps.
    Paused,
    /// A step under way on a worker (of a kind this build may not know).
    Step { step: String, kind: Option<Kind> },
    /// Nothing: the run moves between steps.
    Nothing,
    /// Nothing any more: the run has ended.
    Ended { phase: RunPhase },
}

/// `orca doctor --run ID -o json`.
#[derive(Debug, Clone, Serialize)]
pub struct Explanation {
    pub workflow_id: String,
    pub run_id: String,
    pub pipeline: Option<String>,
    pub phase: Option<RunPhase>,
    pub temporal_status: TemporalStatus,
    pub paused: bool,
    /// False when no worker answered the status query (the server's view only).
    pub live: bool,
    pub waiting: Waiting,
    /// The current (or last failed) step's attempts.
    pub attempts: Option<i32>,
    pub last_failure: Option<String>,
    pub fix: Option<String>,
}

/// The run as it is, explained.
pub async fn explain(orca: &Orca, id: &str) -> Result<Explanation> {
    let run = view(orca, id).await?;
    let queue = run
        .task_queue
        .clone()
        .unwrap_or(orca.settings.task_queue.clone());
    let commands = Capability::Commands.queue(&queue);
    let (polled, commands) = tokio::join!(
        orca.polling(&queue, TaskQueueType::Workflow),
        orca.polling(&commands, TaskQueueType::Activity),
    );
    let waiting = waiting(&run, &queue, polled, commands);
    let fix = fix(orca, &run, &waiting);
    let (attempts, last_failure) = attempts(&run, &waiting);
    Ok(Explanation {
        workflow_id: run.workflow_id,
        run_id: run.run_id,
        pipeline: run.pipeline,
        phase: run.phase,
        temporal_status: run.temporal_status,
        paused: run.paused,
        live: run.live,
        waiting,
        attempts,
        last_failure,
        fix,
    })
}

/// What `run` waits for, given whether a worker polls its task queue and
/// the commands queue now (`None`: the server would not say). The first
/// that holds wins: what no one is there to do goes before what someone is.
pub fn waiting(
    run: &RunView,
    queue: &str,
    polled: Option<bool>,
    commands: Option<bool>,
) -> Waiting {
    if !run.is_running() {
        let phase = run.phase.unwrap_or(run.temporal_status.into());
        return Waiting::Ended { phase };
    }
    if let Some(missing) = missing(run, queue, polled, commands) {
        return missing;
    }
    if let Some(gate) = run.approval.as_ref().filter(|g| !g.is_closed())
        && run.phase == Some(RunPhase::Orca(Phase::AwaitingApproval))
    {
        let allowed = if gate.allowed.is_empty() {
            &gate.approvers
        } else {
            &gate.allowed
        };
        return Waiting::Person {
            step: gate.step.clone(),
            prompt: gate.prompt.clone(),
            may_decide: allowed.clone(),
            still_to_vote: gate.waiting_on.clone(),
            deadline: gate.deadline.clone(),
            signed: gate.signed,
        };
    }
    if run.paused {
        return Waiting::Paused;
    }
    let under_way = |s: &&StepStatus| matches!(s.state, StepState::Running | StepState::Waiting);
    let Some(step) = run.steps.iter().rev().find(under_way) else {
        return Waiting::Nothing;
    };
    match Kind::parse(&step.kind) {
        Some(Kind::Sleep) => Waiting::Timer {
            step: step.id.clone(),
        },
        kind => Waiting::Step {
            step: step.id.clone(),
            kind,
        },
    }
}

/// What keeps the run from moving whatever it waits for: what makes a
/// run look stuck (`stuck::why`, one rule for both), else no answer from
/// the worker there is.
fn missing(
    run: &RunView,
    queue: &str,
    polled: Option<bool>,
    commands: Option<bool>,
) -> Option<Waiting> {
    let stuck = why(&run.pending, polled, commands).map(|why| match why {
        Why::NoWorker => Waiting::Worker {
            task_queue: queue.to_string(),
        },
        Why::NoCapableWorker { step, capability } => Waiting::CapableWorker {
            step,
            task_queue: capability.queue(queue),
            capability,
        },
        Why::Retrying {
            step,
            attempt,
            last_failure,
        } => Waiting::Retry {
            step,
            attempt,
            last_failure,
        },
    });
    stuck.or_else(|| {
        (!run.live).then(|| Waiting::Answer {
            task_queue: queue.to_string(),
        })
    })
}

impl Waiting {
    /// In words, for the `Waiting for` line.
    pub fn words(&self) -> String {
        match self {
            Waiting::Person {
                step,
                prompt,
                may_decide,
                still_to_vote,
                ..
            } => {
                let who = names_or_anyone(may_decide);
                let verb = if may_decide.len() == 1 {
                    "decides"
                } else {
                    "may decide"
                };
                let votes = match still_to_vote.is_empty() || still_to_vote == may_decide {
                    true => String::new(),
                    false => format!(" (still to vote: {})", still_to_vote.join(", ")),
                };
                format!("a person: the gate at step `{step}` (\"{prompt}\"); {who} {verb}{votes}")
            }
            Waiting::Worker { task_queue } => {
                format!("a worker: none polls task queue {task_queue}")
            }
            Waiting::CapableWorker {
                step,
                task_queue,
                capability,
            } => format!(
                "a worker with {}: step `{step}` waits on task queue {task_queue}, which none polls",
                capability.flag()
            ),
            Waiting::Answer { task_queue } => format!(
                "a worker's answer: one polls task queue {task_queue}, but none answered within {}s (busy, or stuck on this run)",
                QUERY_DEADLINE.as_secs()
            ),
            Waiting::Retry { step, attempt, .. } => {
                format!("step `{step}` to succeed: it failed and is retried (attempt {attempt})")
            }
            Waiting::Timer { step } => format!("a timer: step `{step}` sleeps"),
            Waiting::Paused => {
                "a resume: the run is paused, and no new step starts until then".into()
            }
            Waiting::Step {
                step,
                kind: Some(kind),
            } => format!("step `{step}` ({kind}) to finish on a worker"),
            Waiting::Step { step, kind: None } => format!("step `{step}` to finish on a worker"),
            Waiting::Nothing => "nothing: the run is moving between steps".into(),
            Waiting::Ended { phase } => format!("nothing: the run has ended ({phase})"),
        }
    }
}

/// What to run about it, when something can be.
fn fix(orca: &Orca, run: &RunView, waiting: &Waiting) -> Option<String> {
    let id = &run.workflow_id;
    let settings = &orca.settings;
    match waiting {
        Waiting::Person { signed: true, .. } => Some(format!(
            "orca approve {id} --signing-key KEY (or orca reject {id}); decisions must be signed"
        )),
        Waiting::Person { .. } => Some(format!("orca approve {id} (or orca reject {id})")),
        Waiting::Worker { task_queue } => Some(start_one(task_queue, Some(settings), None)),
        Waiting::CapableWorker { capability, .. } => {
            let queue = run.task_queue.as_deref().unwrap_or(&settings.task_queue);
            Some(start_one(queue, Some(settings), Some(*capability)))
        }
        Waiting::Answer { .. } => Some(format!(
            "see the worker's log; orca status {id} once it answers"
        )),
        Waiting::Retry { .. } => Some(format!("each attempt and its failure: orca history {id}")),
        Waiting::Paused => Some(format!("orca resume {id}")),
        Waiting::Timer { .. } | Waiting::Step { .. } | Waiting::Nothing | Waiting::Ended { .. } => {
            None
        }
    }
}

/// The attempts of the step in question and its last failure: a retried
/// step's from the server, else the running step activity's, else the
/// last failed step's (or the run's own failure).
fn attempts(run: &RunView, waiting: &Waiting) -> (Option<i32>, Option<String>) {
    if let Waiting::Retry {
        attempt,
        last_failure,
        ..
    } = waiting
    {
        return (Some(*attempt), last_failure.clone());
    }
    if let Some(pending) = run.pending.first() {
        return (Some(pending.attempt), pending.last_failure.clone());
    }
    let failed = run
        .steps
        .iter()
        .rev()
        .find(|s| s.state == StepState::Failed);
    let attempts = failed.map(|s| s.attempts as i32).filter(|n| *n > 0);
    let failure = failed.and_then(|s| s.error.clone()).or(run.failure.clone());
    (attempts, failure)
}

#[cfg(test)]
#[path = "explain_tests.rs"]
mod tests;
