//! Runs newest first, open and closed together. Visibility lists open runs
//! first and closed ones by when they closed, and the dev server's store
//! (SQLite) refuses `ORDER BY`; so the open runs and the closed ones are
//! asked for apart and merged by start time here. Each query comes back in
//! an order that lets it stop early: the open runs newest first, so the
//! newest `limit` of them are the first `limit`; the closed runs by close
//! time, so once one closed before the `limit`-th newest start seen so
//! far, it and every run after it started before that too.

use std::{cmp::Reverse, collections::BinaryHeap, time::SystemTime};

use futures_util::StreamExt;

use super::{Orca, RunSummary, TemporalStatus};
use crate::Result;

impl Orca {
    /// Runs matching a visibility query, newest started first whether
    /// open or closed; `limit` 0 means all.
    pub async fn list_newest(&self, query: &str, limit: usize) -> Result<Vec<RunSummary>> {
        let running = TemporalStatus::Running.query_value();
        let mut newest = Newest::new(limit);
        let open = format!("({query}) AND ExecutionStatus = '{running}'");
        for run in self.list(&open, limit).await? {
            newest.add(run);
        }
        let closed = format!("({query}) AND ExecutionStatus != '{running}'");
        let mut stream = self.list_stream(&closed, 0);
        while let Some(item) = stream.next().await {
            let run = self.summary(&closed, item)?;
            if newest.is_past(&run) {
                break;
            }
            newest.add(run);
        }
        Ok(newest.runs())
    }
}

/// The runs read so far, and the start times of the newest `limit`.
struct Newest {
    limit: usize,
    runs: Vec<RunSummary>,
    /// The `limit` latest start times, the earliest of them on top.
    latest: BinaryHeap<Reverse<Option<SystemTime>>>,
}

impl Newest {
    fn new(limit: usize) -> Newest {
        Newest {
            limit,
            runs: Vec::new(),
            latest: BinaryHeap::new(),
        }
    }

    fn add(&mut self, run: RunSummary) {
        self.latest.push(Reverse(run.started));
        if self.limit > 0 && self.latest.len() > self.limit {
            self.latest.pop();
        }
        self.runs.push(run);
    }

    /// Whether a closed run, and every one listed after it (they closed
    /// no later), started before the newest `limit` runs seen: reading
    /// on could not change the answer.
    fn is_past(&self, run: &RunSummary) -> bool {
        let full = self.limit > 0 && self.latest.len() >= self.limit;
        match (full, run.closed, self.latest.peek()) {
            (true, Some(closed), Some(Reverse(Some(earliest)))) => closed < *earliest,
            _ => false,
        }
    }

    /// Newest started first (an open run before a closed one started at the
    /// same moment), at most `limit`.
    fn runs(mut self) -> Vec<RunSummary> {
        self.runs.sort_by_key(|run| Reverse(run.started));
        if self.limit > 0 {
            self.runs.truncate(self.limit);
        }
        self.runs
    }
}

#[cfg(test)]
mod tests {
    use std::time::Duration;

    use super::*;

    fn at(secs: u64) -> Option<SystemTime> {
        Some(SystemTime::UNIX_EPOCH + Duration::from_secs(secs))
    }

    fn run(id: &str, started: u64, closed: Option<u64>) -> RunSummary {
        RunSummary {
            workflow_id: id.into(),
            run_id: String::new(),
            workflow_type: String::new(),
            pipeline: None,
            phase: None,
            temporal_status: TemporalStatus::Running,
            started_at: None,
            closed_at: None,
            progress: None,
            prompt: None,
            approvals: None,
            deadline: None,
            fields: None,
            round: None,
            started: at(started),
            closed: closed.and_then(at),
        }
    }

    fn ids(runs: Vec<RunSummary>) -> Vec<String> {
        runs.into_iter().map(|r| r.workflow_id).collect()
    }

    #[test]
    fn an_open_run_is_listed_after_a_newer_closed_one() {
        let mut newest = Newest::new(0);
        newest.add(run("open", 18, None));
        newest.add(run("closed", 20, Some(25)));
        assert_eq!(ids(newest.runs()), ["closed", "open"]);
    }

    #[test]
    fn reading_stops_at_a_run_that_closed_before_the_newest_n_started() {
        let mut newest = Newest::new(2);
        newest.add(run("open-a", 30, None));
        newest.add(run("open-b", 10, None));
        // Closed at 40: it may have started after 10, so it counts.
        let late = run("closed-late", 35, Some(40));
        assert!(!newest.is_past(&late));
        newest.add(late);
        // The two newest now started at 35 and 30: a run that closed at
        // 29 started before either.
        assert!(newest.is_past(&run("closed-early", 20, Some(29))));
        assert_eq!(ids(newest.runs()), ["closed-late", "open-a"]);
    }

    #[test]
    fn without_a_limit_every_run_is_read() {
        let mut newest = Newest::new(0);
        newest.add(run("open", 30, None));
        assert!(!newest.is_past(&run("closed", 1, Some(2))));
    }
}
