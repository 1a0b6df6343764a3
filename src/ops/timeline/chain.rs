//! One timeline for a run that continued as new: each run's entries in
//! turn, oldest first, offsets counted from the first run's start, and a
//! line where one run handed over to the next.

use super::{Entry, EntryKind, first_time, timeline_since};
use crate::client::Chain;

/// The timeline of every run of `chain`.
pub fn chain_timeline(chain: &Chain) -> Vec<Entry> {
    let Some(first) = chain.runs.first() else {
        return Vec::new();
    };
    let start = first_time(&first.history);
    // Runs are numbered only when the chain is whole: runs past the
    // namespace's retention would make the numbers wrong.
    let numbered = chain.lost_before().is_none();
    let mut entries: Vec<Entry> = Vec::new();
    for (index, run) in chain.runs.iter().enumerate() {
        let next = chain.runs.get(index + 1).map(|r| r.run_id.clone());
        for mut entry in timeline_since(&run.history, start) {
            if entry.event == EntryKind::Continued {
                entry.detail = handed_over(numbered.then_some(index + 1));
                entry.run_id = next.clone();
            }
            // A run that goes on publishes its loop's progress again.
            if entry.event == EntryKind::Progress && told_progress(&entries) == Some(&entry.detail)
            {
                continue;
            }
            entries.push(entry);
        }
    }
    entries
}

/// The loop progress the timeline told last.
fn told_progress(entries: &[Entry]) -> Option<&String> {
    entries
        .iter()
        .rev()
        .find(|e| e.event == EntryKind::Progress)
        .map(|e| &e.detail)
}

/// The hand-over line, for a person: nothing to do, nothing lost.
fn handed_over(run: Option<usize>) -> String {
    match run {
        Some(n) => format!(
            "continued as new: run {} goes on where run {n} stopped, under the same ID",
            n + 1
        ),
        None => "continued as new: the next run goes on where this one stopped, under the same ID"
            .into(),
    }
}

#[cfg(test)]
mod tests {
    use std::time::{Duration, UNIX_EPOCH};

    use serde_json::json;
    use temporalio_common::protos::temporal::api::{
        common::v1::Memo,
        enums::v1::ContinueAsNewInitiator,
        history::v1::{
            History, WorkflowExecutionCompletedEventAttributes,
            WorkflowExecutionContinuedAsNewEventAttributes,
            WorkflowExecutionStartedEventAttributes, WorkflowPropertiesModifiedEventAttributes,
            history_event::Attributes as A,
        },
    };

    use super::*;
    use crate::{
        client::RunHistory,
        ops::history_fixtures::{event_at, payload, payloads},
    };

    fn at(seconds: u64) -> std::time::SystemTime {
        UNIX_EPOCH + Duration::from_secs(1_800_000_000 + seconds)
    }

    fn started(from: &str) -> A {
        A::WorkflowExecutionStartedEventAttributes(WorkflowExecutionStartedEventAttributes {
            input: payloads(json!({"pipeline": "sample", "requested_by": "bob"})),
            continued_execution_run_id: from.into(),
            initiator: ContinueAsNewInitiator::Workflow as i32,
            ..Default::default()
        })
    }

    fn progress(done: &str) -> A {
        A::WorkflowPropertiesModifiedEventAttributes(WorkflowPropertiesModifiedEventAttributes {
            upserted_memo: Some(Memo {
                fields: [("orca_progress".to_string(), payload(json!(done)))].into(),
            }),
            ..Default::default()
        })
    }

    fn handed_over(to: &str) -> A {
        A::WorkflowExecutionContinuedAsNewEventAttributes(
            WorkflowExecutionContinuedAsNewEventAttributes {
                new_execution_run_id: to.into(),
                ..Default::default()
            },
        )
    }

    /// Run `run_id` of a chain: events at `seconds` after the first's start.
    fn run(run_id: &str, events: Vec<(u64, A)>) -> RunHistory {
        let events = events
            .into_iter()
            .enumerate()
            .map(|(i, (seconds, a))| event_at(i as i64 + 1, at(seconds), a))
            .collect();
        RunHistory {
            run_id: run_id.into(),
            history: History { events },
        }
    }

    fn chain() -> Chain {
        let completed = A::WorkflowExecutionCompletedEventAttributes(
            WorkflowExecutionCompletedEventAttributes {
                result: payloads(json!({"outcome": "completed", "steps": {}})),
                ..Default::default()
            },
        );
        Chain {
            runs: vec![
                run(
                    "r1",
                    vec![
                        (0, started("")),
                        (1, progress("1/2")),
                        (2, handed_over("r2")),
                    ],
                ),
                run(
                    "r2",
                    vec![
                        (3, started("r1")),
                        (3, progress("1/2")),
                        (4, progress("2/2")),
                        (5, completed),
                    ],
                ),
            ],
        }
    }

    #[test]
    fn the_runs_are_told_as_one_with_a_line_where_one_handed_over() {
        let entries = chain_timeline(&chain());
        let kinds: Vec<EntryKind> = entries.iter().map(|e| e.event).collect();
        assert_eq!(
            kinds,
            [
                EntryKind::Started,
                EntryKind::Progress,
                EntryKind::Continued,
                EntryKind::Progress,
                EntryKind::Completed,
            ]
        );
        let handed = &entries[2];
        assert_eq!(
            handed.detail,
            "continued as new: run 2 goes on where run 1 stopped, under the same ID"
        );
        assert_eq!(handed.run_id.as_deref(), Some("r2"));
        let offsets: Vec<u64> = entries.iter().map(|e| e.offset_ms).collect();
        assert_eq!(offsets, [0, 1000, 2000, 4000, 5000]);
    }

    #[test]
    fn a_chain_missing_its_first_runs_is_not_numbered() {
        let mut chain = chain();
        chain.runs[0].history.events[0] = event_at(1, at(0), started("r0"));
        let entries = chain_timeline(&chain);
        assert!(entries[0].event == EntryKind::Progress, "{entries:?}");
        assert_eq!(
            entries[1].detail,
            "continued as new: the next run goes on where this one stopped, under the same ID"
        );
    }
}
