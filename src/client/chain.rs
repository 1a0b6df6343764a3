//! A workflow ID's chain of runs. A run whose history grows large continues
//! as new: it closes, and a fresh run of the same workflow ID goes on where
//! it stood. `Orca::chain` is the one walk through it, oldest run first,
//! for every command that reads history (`history`, `replay`, `verify`), so
//! none of them shows only the latest run.

use temporalio_client::{
    HistoryEventFilterType, UntypedWorkflow, WorkflowDescribeOptions, WorkflowExecutionDescription,
    WorkflowExecutionInfo, WorkflowFetchHistoryOptions, WorkflowHandle,
};
use temporalio_common::protos::temporal::api::{
    enums::v1::ContinueAsNewInitiator,
    history::v1::{History, WorkflowExecutionStartedEventAttributes, history_event::Attributes},
};

use super::Orca;
use crate::{Error, Result};

/// One run of a chain and its event history.
#[derive(Debug, Clone)]
pub struct RunHistory {
    pub run_id: String,
    pub history: History,
}

/// The runs of one workflow ID's chain, oldest first; the last is the run
/// the ID names now.
#[derive(Debug, Clone)]
pub struct Chain {
    pub runs: Vec<RunHistory>,
}

impl Chain {
    /// The run the oldest one held here continued from, when the server no
    /// longer has it (closed runs go after the namespace's retention).
    pub fn lost_before(&self) -> Option<String> {
        self.runs
            .first()
            .and_then(|first| continued_from(&first.history))
    }

    /// How many events its runs hold in all.
    pub fn event_count(&self) -> usize {
        self.runs.iter().map(|r| r.history.events.len()).sum()
    }
}

/// `--run-id`: a Temporal run ID is a UUID (`run_id` in `orca status -o
/// json`); anything else is a usage error here, not a server's refusal.
pub fn temporal_run_id(text: &str) -> std::result::Result<String, String> {
    let groups: Vec<&str> = text.split('-').collect();
    let shaped = groups.iter().map(|g| g.len()).eq([8, 4, 4, 4, 12])
        && groups
            .iter()
            .all(|g| g.chars().all(|c| c.is_ascii_hexdigit()));
    match shaped {
        true => Ok(text.to_ascii_lowercase()),
        false => Err(format!(
            "`{text}` is not a run ID: a UUID, as `orca status ID -o json` shows in run_id"
        )),
    }
}

/// The run `history` continued from, if it is a continuation.
pub fn continued_from(history: &History) -> Option<String> {
    history
        .events
        .iter()
        .find_map(|event| match &event.attributes {
            Some(Attributes::WorkflowExecutionStartedEventAttributes(a)) => handed_over_from(a),
            _ => None,
        })
}

/// The run a run started by this event continued from, when the workflow
/// handed over to it (not a retry, nor a cron's next run).
pub fn handed_over_from(started: &WorkflowExecutionStartedEventAttributes) -> Option<String> {
    (!started.continued_execution_run_id.is_empty()
        && started.initiator == ContinueAsNewInitiator::Workflow as i32)
        .then(|| started.continued_execution_run_id.clone())
}

/// The run `history` handed over to, if it ended that way.
pub fn continued_as(history: &History) -> Option<String> {
    history
        .events
        .iter()
        .rev()
        .find_map(|event| match &event.attributes {
            Some(Attributes::WorkflowExecutionContinuedAsNewEventAttributes(a))
                if !a.new_execution_run_id.is_empty() =>
            {
                Some(a.new_execution_run_id.clone())
            }
            _ => None,
        })
}

impl Orca {
    /// Every run of `id`'s chain that the server still has, oldest first:
    /// back from the run the ID names now, then on to any run it handed
    /// over to meanwhile.
    pub async fn chain(&self, id: &str) -> Result<Chain> {
        // Describe first: it tells a missing run from a bad namespace.
        let latest = self.describe(id).await?.run_id().to_string();
        let history = self.run_history(id, &latest).await?;
        self.chain_through(id, latest, history).await
    }

    /// The chain run `run_id` of `id` belongs to, whole (`--run-id`): an ID
    /// started again after its run finished has one chain per start, and
    /// any run of a chain names all of it.
    pub async fn chain_of(&self, id: &str, run_id: &str) -> Result<Chain> {
        let history = self
            .run_history(id, run_id)
            .await
            .map_err(|e| self.no_such_run(id, run_id, e))?;
        self.chain_through(id, run_id.to_string(), history).await
    }

    /// The last run of the chain run `run_id` belongs to: the run the ID
    /// named while that chain went on (`status --run-id`).
    pub async fn last_run_of(&self, id: &str, run_id: &str) -> Result<String> {
        let mut runs = vec![run_id.to_string()];
        loop {
            let run = &runs[runs.len() - 1];
            let next = match self.handed_over_to(id, run).await {
                // The run asked for is not the ID's: exit 5, naming both.
                Err(e) if runs.len() == 1 => return Err(self.no_such_run(id, run_id, e)),
                next => next?,
            };
            match next {
                Some(next) if !runs.contains(&next) => runs.push(next),
                _ => return Ok(run.clone()),
            }
        }
    }

    /// The run a run handed over to, from its close event alone (a run
    /// still going has none: `None`).
    async fn handed_over_to(&self, id: &str, run_id: &str) -> Result<Option<String>> {
        let options = WorkflowFetchHistoryOptions::builder()
            .event_filter_type(HistoryEventFilterType::CloseEvent)
            .build();
        let events = self
            .run_handle(id, run_id)
            .fetch_history(options)
            .into_events()
            .await
            .map_err(|e| self.interaction_error(id, "read the history", e))?;
        Ok(continued_as(&History { events }))
    }

    /// A run ID the ID has no run of: exit 5, naming both.
    fn no_such_run(&self, id: &str, run_id: &str, error: Error) -> Error {
        match error {
            Error::RunNotFound { .. } => Error::RunIdNotFound {
                id: id.to_string(),
                run_id: run_id.to_string(),
                namespace: self.settings.namespace.clone(),
            },
            other => other,
        }
    }

    /// The chain through run `run_id` (its `history` read already): back
    /// to its first run the server still has, then on to its last.
    async fn chain_through(&self, id: &str, run_id: String, history: History) -> Result<Chain> {
        let mut runs = vec![RunHistory { history, run_id }];
        while let Some(earlier) = continued_from(&runs[runs.len() - 1].history) {
            if runs.iter().any(|r| r.run_id == earlier) {
                break;
            }
            match self.run_history(id, &earlier).await {
                Ok(history) => runs.push(RunHistory {
                    run_id: earlier,
                    history,
                }),
                // Past the namespace's retention: the chain starts later.
                Err(Error::RunNotFound { .. }) => break,
                Err(e) => return Err(e),
            }
        }
        runs.reverse();
        while let Some(later) = continued_as(&runs[runs.len() - 1].history) {
            if runs.iter().any(|r| r.run_id == later) {
                break;
            }
            let history = self.run_history(id, &later).await?;
            runs.push(RunHistory {
                run_id: later,
                history,
            });
        }
        Ok(Chain { runs })
    }

    /// One run's own history (not the chain's), typed.
    async fn run_history(&self, id: &str, run_id: &str) -> Result<History> {
        let events = self
            .run_handle(id, run_id)
            .fetch_history(WorkflowFetchHistoryOptions::default())
            .into_events()
            .await
            .map_err(|e| self.interaction_error(id, "read the history", e))?;
        Ok(History { events })
    }

    /// One run of the chain as the server describes it.
    pub async fn describe_run(
        &self,
        id: &str,
        run_id: &str,
    ) -> Result<WorkflowExecutionDescription> {
        self.run_handle(id, run_id)
            .describe(WorkflowDescribeOptions::default())
            .await
            .map_err(|e| self.interaction_error(id, "describe", e))
    }

    /// A handle pinned to one run, for reading it only: every message to a
    /// run goes to the one the ID names now (`Orca::handle`).
    fn run_handle(
        &self,
        id: &str,
        run_id: &str,
    ) -> WorkflowHandle<temporalio_client::Client, UntypedWorkflow> {
        let info = WorkflowExecutionInfo::builder()
            .namespace(self.settings.namespace.clone())
            .workflow_id(id)
            .run_id(run_id)
            .build();
        WorkflowHandle::new(self.client.clone(), info)
    }
}

#[cfg(test)]
mod tests {
    use temporalio_common::protos::temporal::api::history::v1::{
        HistoryEvent, WorkflowExecutionContinuedAsNewEventAttributes,
    };

    use super::*;

    fn history(attributes: Vec<Attributes>) -> History {
        History {
            events: attributes
                .into_iter()
                .map(|a| HistoryEvent {
                    attributes: Some(a),
                    ..HistoryEvent::default()
                })
                .collect(),
        }
    }

    fn started(from: &str, initiator: ContinueAsNewInitiator) -> Attributes {
        Attributes::WorkflowExecutionStartedEventAttributes(
            WorkflowExecutionStartedEventAttributes {
                continued_execution_run_id: from.into(),
                initiator: initiator as i32,
                ..Default::default()
            },
        )
    }

    #[test]
    fn a_hand_over_links_two_runs_both_ways() {
        let first = history(vec![
            started("", ContinueAsNewInitiator::Unspecified),
            Attributes::WorkflowExecutionContinuedAsNewEventAttributes(
                WorkflowExecutionContinuedAsNewEventAttributes {
                    new_execution_run_id: "r2".into(),
                    ..Default::default()
                },
            ),
        ]);
        let second = history(vec![started("r1", ContinueAsNewInitiator::Workflow)]);
        assert_eq!(continued_from(&first), None);
        assert_eq!(continued_as(&first).as_deref(), Some("r2"));
        assert_eq!(continued_from(&second).as_deref(), Some("r1"));
        assert_eq!(continued_as(&second), None);
    }

    #[test]
    fn a_run_id_is_a_uuid() {
        assert!(temporal_run_id("0198E6F2-5a7b-7c3d-9e1f-23456789abcd").is_ok());
        assert!(temporal_run_id("sample-3f9c2a71").is_err());
        assert!(temporal_run_id("").is_err());
    }

    #[test]
    fn a_retry_is_not_a_hand_over() {
        let retried = history(vec![started("r1", ContinueAsNewInitiator::Retry)]);
        assert_eq!(continued_from(&retried), None);
    }
}
