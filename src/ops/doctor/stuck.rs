//! Open runs on the task queue that look stuck: no worker polls their
//! queue, a step waits on a capability's queue no worker polls, or a step's
//! activity keeps failing (a retry, a heartbeat or a timeout that passed).
//! Read from the server (visibility, then describe): no status query, so a
//! run with no worker to answer costs no wait.

use futures_util::{StreamExt, stream};

use super::{Check, CheckName, State, workers::Fleet};
use crate::{
    client::{Orca, TemporalStatus, task_queue_of},
    engine::capability::Capability,
    ops::{query::RunQuery, run::PendingStep},
};

/// The newest open runs looked at; a queue with more is a queue with
/// another problem.
const LOOKED_AT: usize = 100;
/// Runs named in the report; the rest are counted.
const NAMED: usize = 5;
/// Runs described at once.
const AT_ONCE: usize = 8;

/// Why a run looks stuck.
#[derive(Debug, Clone, PartialEq)]
pub enum Why {
    /// No worker polls the run's task queue.
    NoWorker,
    /// A step waits on a capability's queue that no worker polls.
    NoCapableWorker {
        step: String,
        capability: Capability,
    },
    /// A step's activity failed and is being tried again.
    Retrying {
        step: String,
        attempt: i32,
        last_failure: Option<String>,
    },
}

impl std::fmt::Display for Why {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Why::NoWorker => f.write_str("no worker polls its task queue"),
            Why::NoCapableWorker { step, capability } => write!(
                f,
                "step `{step}` waits for a worker with {}",
                capability.flag()
            ),
            Why::Retrying {
                step,
                attempt,
                last_failure,
            } => {
                write!(f, "step `{step}` is on attempt {attempt}")?;
                match last_failure {
                    Some(failure) => write!(f, "; last failure: {failure}"),
                    None => Ok(()),
                }
            }
        }
    }
}

/// Whether a run with these pending steps looks stuck, given whether its
/// task queue and the commands queue are polled (`None`: unknown, then
/// nothing is claimed).
pub fn why(pending: &[PendingStep], polled: Option<bool>, commands: Option<bool>) -> Option<Why> {
    if polled == Some(false) {
        return Some(Why::NoWorker);
    }
    let unserved = pending
        .iter()
        .find_map(|p| match (p.waiting_for, commands) {
            (Some(capability), Some(false)) => Some(Why::NoCapableWorker {
                step: p.step.clone(),
                capability,
            }),
            _ => None,
        });
    unserved.or_else(|| {
        pending
            .iter()
            .find(|p| p.attempt > 1 || p.last_failure.is_some())
            .map(|p| Why::Retrying {
                step: p.step.clone(),
                attempt: p.attempt,
                last_failure: p.last_failure.clone(),
            })
    })
}

pub(super) async fn check(orca: &Orca, fleet: &Fleet) -> Check {
    let (polled, commands) = (fleet.polled(), fleet.commands_polled());
    if polled == Some(false) {
        // Every open run would be stuck for the one reason the workers
        // check reports already: one cause, one failure.
        let finding = format!(
            "not checked: no worker polls task queue {} (see workers)",
            fleet.queue
        );
        return Check::new(CheckName::StuckRuns, State::Skipped, finding);
    }
    let query = RunQuery {
        status: Some(TemporalStatus::Running),
        task_queue: Some(fleet.queue.clone()),
        ..RunQuery::default()
    };
    let open = match orca.list(&query.text(), LOOKED_AT).await {
        Ok(open) => open,
        Err(error) => {
            let finding = format!("cannot list the open runs: {error}");
            return Check::new(CheckName::StuckRuns, State::Skipped, finding);
        }
    };
    let judged: Vec<Option<(String, Why)>> = stream::iter(&open)
        .map(|run| async move {
            // A run that closed since it was listed is not stuck.
            let description = orca.describe(&run.workflow_id).await.ok()?;
            if !TemporalStatus::from(description.status()).is_running() {
                return None;
            }
            let own = task_queue_of(&description);
            let pending: Vec<PendingStep> = description
                .raw()
                .pending_activities
                .iter()
                .map(|activity| PendingStep::of(own, activity))
                .collect();
            why(&pending, polled, commands).map(|why| (run.workflow_id.clone(), why))
        })
        .buffer_unordered(AT_ONCE)
        .collect()
        .await;
    let stuck: Vec<(String, Why)> = judged.into_iter().flatten().collect();
    report(&fleet.queue, open.len(), stuck)
}

/// The check from what was found: the first few stuck runs by ID.
fn report(queue: &str, open: usize, mut stuck: Vec<(String, Why)>) -> Check {
    let looked = match open >= LOOKED_AT {
        true => format!("the {LOOKED_AT} newest open runs"),
        false => format!("{open} open"),
    };
    if stuck.is_empty() {
        let finding = format!("none on task queue {queue} ({looked})");
        return Check::new(CheckName::StuckRuns, State::Ok, finding);
    }
    stuck.sort_by(|a, b| a.0.cmp(&b.0));
    let mut details: Vec<String> = stuck
        .iter()
        .take(NAMED)
        .map(|(id, why)| format!("{id}: {why}"))
        .collect();
    if stuck.len() > NAMED {
        details.push(format!("… and {} more", stuck.len() - NAMED));
    }
    let finding = format!(
        "{} of {looked} on task queue {queue} look stuck",
        stuck.len()
    );
    Check::new(CheckName::StuckRuns, State::Failed, finding)
        .with_fix(format!(
            "see where one waits and why: orca doctor --run {}",
            stuck[0].0
        ))
        .with_details(details)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pending(attempt: i32, failure: Option<&str>, waiting: Option<Capability>) -> PendingStep {
        PendingStep {
            step: "build".into(),
            attempt,
            last_failure: failure.map(str::to_string),
            task_queue: None,
            waiting_for: waiting,
        }
    }

    #[test]
    fn a_run_on_an_unpolled_queue_is_stuck_whatever_it_waits_for() {
        let failing = [pending(3, Some("exit 1"), None)];
        assert_eq!(why(&failing, Some(false), Some(true)), Some(Why::NoWorker));
    }

    #[test]
    fn nothing_is_claimed_when_the_server_would_not_say_who_polls() {
        let waiting = [pending(1, None, Some(Capability::Commands))];
        assert_eq!(why(&waiting, None, None), None);
    }

    #[test]
    fn a_first_attempt_on_a_polled_queue_is_not_stuck() {
        assert_eq!(why(&[pending(1, None, None)], Some(true), Some(true)), None);
    }

    #[test]
    fn a_command_step_a_worker_may_take_is_not_stuck() {
        let waiting = [pending(1, None, Some(Capability::Commands))];
        assert_eq!(why(&waiting, Some(true), Some(true)), None);
    }

    #[test]
    fn a_command_step_is_stuck_while_no_worker_may_take_it() {
        let waiting = [pending(1, None, Some(Capability::Commands))];
        let stuck = why(&waiting, Some(true), Some(false)).unwrap();
        assert_eq!(
            stuck.to_string(),
            "step `build` waits for a worker with --allow-commands"
        );
    }

    #[test]
    fn a_failing_step_is_stuck_with_its_attempt_and_failure() {
        let retrying = why(&[pending(3, Some("exit 1"), None)], Some(true), Some(true)).unwrap();
        assert_eq!(
            retrying.to_string(),
            "step `build` is on attempt 3; last failure: exit 1"
        );
    }

    #[test]
    fn a_few_stuck_runs_are_named_and_the_rest_counted() {
        let stuck = (0..7).map(|n| (format!("r{n}"), Why::NoWorker)).collect();
        let check = report("q", 9, stuck);
        assert_eq!(check.state, State::Failed);
        assert_eq!(check.finding, "7 of 9 open on task queue q look stuck");
        assert_eq!(check.details.len(), NAMED + 1);
        assert_eq!(check.details[NAMED], "… and 2 more");
        assert_eq!(
            check.fix.as_deref(),
            Some("see where one waits and why: orca doctor --run r0")
        );
    }
}
