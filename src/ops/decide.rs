//! Deciding every matching run (`approve --all`), with the refusals sorted
//! by their type: a gate that no longer waits for you is skipped (so `--all`
//! can be run again), one you may not decide is refused. A refusal without a
//! type (a worker older than typed refusals) counts as refused.

use std::{io::IsTerminal, time::Duration};

use futures_util::{StreamExt, stream};
use serde::Serialize;

use crate::{
    Error, Result,
    client::{Orca, RunSummary, start_one},
    engine::status::{DecisionRequest, VoteKind},
    ops::{
        follow::{StatusLine, workers::unpolled_queue},
        form,
        gate::cast,
    },
    signing::sign::SigningKey,
};

/// Decisions in flight at once during `--all`.
const BULK_CONCURRENCY: usize = 32;

/// How long a decision goes unanswered before a person hears why.
const QUIET_FOR: Duration = Duration::from_secs(1);

/// Awaits `act`, an update to run `id` that a worker must record. On a
/// terminal, a line on stderr says so after `QUIET_FOR` without an answer,
/// and as soon as the server tells that no worker polls the run's task
/// queue, how to start one; cleared when the answer comes. Off a terminal,
/// nothing meanwhile. Either way, an act no worker answered in time says
/// in its hint that none polls, when the server says so.
pub async fn awaiting_worker<T>(
    orca: &Orca,
    id: &str,
    act: impl Future<Output = Result<T>>,
) -> Result<T> {
    if !std::io::stderr().is_terminal() {
        return with_no_poller(orca, act.await).await;
    }
    tokio::pin!(act);
    let unpolled = unpolled_queue(orca, id);
    let quiet = tokio::time::sleep(QUIET_FOR);
    tokio::pin!(unpolled, quiet);
    let (mut line, mut asked) = (StatusLine::default(), false);
    let answer = loop {
        tokio::select! {
            answer = &mut act => break answer,
            queue = &mut unpolled, if !asked => {
                asked = true;
                if let Some(queue) = queue {
                    line.show(&format!(
                        "waiting for a worker to record the decision: none polls task queue `{queue}` → {}",
                        start_one(&queue, None, None)
                    ));
                }
            }
            () = &mut quiet, if line.is_blank() => {
                line.show("waiting for a worker to record the decision…");
            }
        }
    };
    line.clear();
    with_no_poller(orca, answer).await
}

/// An act no worker answered: `NoPoller` when none polls the run's queue.
async fn with_no_poller<T>(orca: &Orca, answer: Result<T>) -> Result<T> {
    let Err(Error::NoWorker { id, waited, .. }) = answer else {
        return answer;
    };
    match unpolled_queue(orca, &id).await {
        Some(task_queue) => Err(Error::NoPoller {
            id,
            task_queue,
            waited,
        }),
        None => Err(Error::NoWorker {
            task_queue: orca.settings.task_queue.clone(),
            id,
            waited,
        }),
    }
}

/// What `--all` did with each run it listed. `skipped`: the gate no longer
/// waited for this person when the decision arrived (decided by someone
/// else, already voted, the run moved on or ended); visibility can list such
/// a run for a moment after it changed. Only `refused` (may not decide) and
/// `failed` make the exit code non-zero, so `--all` can be run again safely.
#[derive(Debug, Default, Serialize)]
pub struct Tally {
    pub decided: Vec<String>,
    pub skipped: Vec<Unmade>,
    pub refused: Vec<Unmade>,
    pub failed: Vec<Unmade>,
}

/// A decision `--all` did not make, and why.
#[derive(Debug, Serialize)]
pub struct Unmade {
    pub workflow_id: String,
    pub reason: String,
}

impl Tally {
    /// Files one run's answer under decided, skipped, refused or failed.
    pub fn record(&mut self, id: String, answer: Result<()>) {
        let unmade = |reason: String| Unmade {
            workflow_id: id.clone(),
            reason,
        };
        match answer {
            Ok(()) => self.decided.push(id),
            Err(Error::Refused {
                kind: Some(kind),
                reason,
                ..
            }) if kind.no_longer_waiting() => self.skipped.push(unmade(reason)),
            Err(Error::RunClosed { phase, .. }) => self.skipped.push(unmade(match phase {
                Some(phase) => format!("already finished ({phase})"),
                None => "already finished".to_string(),
            })),
            Err(Error::Refused { reason, .. }) => self.refused.push(unmade(reason)),
            Err(e) => self.failed.push(unmade(e.to_string())),
        }
    }

    /// Exit 0 when everything was decided or skipped.
    pub fn into_result(self) -> Result<()> {
        if self.refused.is_empty() && self.failed.is_empty() {
            return Ok(());
        }
        Err(Error::BulkIncomplete {
            decided: self.decided.len(),
            refused: self.refused.len(),
            failed: self.failed.len(),
        })
    }
}

/// Decides every run in `runs`, `BULK_CONCURRENCY` at a time; `progress`
/// is called after each answer. Every run gets the same `fields`, each
/// `--field` typed by that run's own form.
pub async fn decide_all(
    orca: &Orca,
    runs: &[RunSummary],
    kind: VoteKind,
    request: &DecisionRequest,
    fields: &form::Given,
    key: Option<&SigningKey>,
    progress: impl Fn(),
) -> Tally {
    let mut tally = Tally::default();
    let mut answers = stream::iter(runs.iter().map(|run| {
        let mut request = request.clone();
        async move {
            let id = run.workflow_id.clone();
            let answer = async {
                // Asks nothing: `--all` confirms once, before any run.
                request.fields = form::fill(orca, &id, kind, fields, false).await?;
                cast(orca, &id, kind, request, key).await.map(drop)
            };
            let answer = answer.await;
            (id, answer)
        }
    }))
    .buffer_unordered(BULK_CONCURRENCY);
    while let Some((id, answer)) = answers.next().await {
        tally.record(id, answer);
        progress();
    }
    tally
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{client::RunPhase, engine::status::RefusalKind};

    fn refused(kind: Option<RefusalKind>) -> Result<()> {
        Err(Error::Refused {
            id: "r".into(),
            kind,
            reason: "why".into(),
        })
    }

    #[test]
    fn refusals_are_sorted_by_their_type_not_their_words() {
        let mut tally = Tally::default();
        tally.record("a".into(), Ok(()));
        tally.record("b".into(), refused(Some(RefusalKind::AlreadyVoted)));
        tally.record("c".into(), refused(Some(RefusalKind::NotAllowed)));
        tally.record("d".into(), refused(None));
        tally.record(
            "e".into(),
            Err(Error::RunClosed {
                id: "e".into(),
                phase: Some(RunPhase::COMPLETED),
            }),
        );
        tally.record("f".into(), Err(Error::usage("boom")));
        let ids = |list: &[Unmade]| {
            list.iter()
                .map(|u| u.workflow_id.clone())
                .collect::<Vec<_>>()
        };
        assert_eq!(tally.decided, ["a"]);
        assert_eq!(ids(&tally.skipped), ["b", "e"]);
        assert_eq!(ids(&tally.refused), ["c", "d"]);
        assert_eq!(ids(&tally.failed), ["f"]);
        assert!(matches!(
            tally.into_result(),
            Err(Error::BulkIncomplete {
                refused: 2,
                failed: 1,
                ..
            })
        ));
    }
}
