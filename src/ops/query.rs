//! Visibility queries, built in one place: `list`, `inbox`, the pickers,
//! `approve --all` and the worker's gauge all describe what they want as a
//! `RunQuery`, and only `text()` writes Temporal's query language.
//!
//! A run that continued as new is one run to the user, though visibility
//! keeps a row per run of its chain: the closed ones (status
//! `ContinuedAsNew`) are left out unless asked for by that status.

use crate::{
    client::TemporalStatus,
    engine::status::{
        OPEN_TO_ANYONE, Phase, SA_APPROVERS, SA_PHASE, SA_PIPELINE, VOTED_PREFIX, WORKFLOW_TYPE,
    },
};

/// Which runs to list.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct RunQuery {
    pub pipeline: Option<String>,
    /// Only runs waiting at an approval gate (the inbox).
    pub awaiting_approval: bool,
    /// Only runs whose open gate this person may decide now.
    pub decidable_by: Option<String>,
    /// Only runs started by this schedule.
    pub schedule: Option<String>,
    pub phase: Option<Phase>,
    pub status: Option<TemporalStatus>,
    /// Only runs on this task queue.
    pub task_queue: Option<String>,
    /// Also this raw visibility query. One that names a `WorkflowType`
    /// lifts the "orca runs only" clause, so runs of other workflows (a
    /// migration) can be listed too.
    pub raw: Option<String>,
}

impl RunQuery {
    /// Runs waiting at a gate.
    pub fn awaiting() -> RunQuery {
        RunQuery {
            awaiting_approval: true,
            ..RunQuery::default()
        }
    }

    /// The gates `name` may decide right now: their inbox.
    pub fn inbox(name: &str) -> RunQuery {
        RunQuery {
            decidable_by: Some(name.to_string()),
            ..RunQuery::awaiting()
        }
    }

    /// Runs still going.
    pub fn running() -> RunQuery {
        RunQuery {
            status: Some(TemporalStatus::Running),
            ..RunQuery::default()
        }
    }

    /// Also only runs of `pipeline` and matching `raw`: a picker's or
    /// `--all`'s `--pipeline` and `--query`.
    pub fn narrowed(self, pipeline: Option<String>, raw: Option<String>) -> RunQuery {
        RunQuery {
            pipeline,
            raw,
            ..self
        }
    }

    /// The query in Temporal's visibility language.
    pub fn text(&self) -> String {
        let mut clauses = Vec::new();
        if !self.raw.as_deref().is_some_and(names_workflow_type) {
            clauses.push(format!("WorkflowType = '{WORKFLOW_TYPE}'"));
        }
        if self.awaiting_approval {
            clauses.push(format!("{SA_PHASE} = '{}'", Phase::AwaitingApproval));
            clauses.push(format!(
                "ExecutionStatus = '{}'",
                TemporalStatus::Running.query_value()
            ));
        }
        if let Some(pipeline) = &self.pipeline {
            clauses.push(format!("{SA_PIPELINE} = '{}'", quote(pipeline)));
        }
        if let Some(name) = &self.decidable_by {
            // A gate open to anyone, unless this person voted on it already;
            // `!=` on a keyword list means "does not contain".
            clauses.push(format!(
                "({SA_APPROVERS} = '{name}' OR {SA_APPROVERS} = '{OPEN_TO_ANYONE}') AND {SA_APPROVERS} != '{VOTED_PREFIX}{name}'",
                name = quote(name)
            ));
        }
        if let Some(schedule) = &self.schedule {
            // The server marks every run a schedule starts with its ID.
            clauses.push(format!("TemporalScheduledById = '{}'", quote(schedule)));
        }
        if let Some(phase) = self.phase {
            clauses.push(format!("{SA_PHASE} = '{phase}'"));
        }
        match self.status {
            Some(status) => clauses.push(format!("ExecutionStatus = '{}'", status.query_value())),
            // Only the current run of each chain (a raw query that names
            // a status chooses its own).
            None if !self.awaiting_approval && !self.raw.as_deref().is_some_and(names_status) => {
                clauses.push(format!(
                    "ExecutionStatus != '{}'",
                    TemporalStatus::ContinuedAsNew.query_value()
                ))
            }
            None => {}
        }
        if let Some(queue) = &self.task_queue {
            clauses.push(format!("TaskQueue = '{}'", quote(queue)));
        }
        if let Some(raw) = &self.raw {
            clauses.push(format!("({raw})"));
        }
        clauses.join(" AND ")
    }
}

/// Does a raw query choose its own workflow type?
fn names_workflow_type(raw: &str) -> bool {
    raw.to_ascii_lowercase().contains("workflowtype")
}

/// Does a raw query choose which statuses to list?
fn names_status(raw: &str) -> bool {
    raw.to_ascii_lowercase().contains("executionstatus")
}

/// Single quotes inside a value are escaped the SQL way.
fn quote(value: &str) -> String {
    value.replace('\\', "\\\\").replace('\'', "\\'")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_empty_query_lists_orca_runs_once_each() {
        assert_eq!(
            RunQuery::default().text(),
            "WorkflowType = 'Pipeline' AND ExecutionStatus != 'ContinuedAsNew'"
        );
    }

    #[test]
    fn the_runs_a_chain_closed_are_listed_when_asked_for() {
        let by_status = RunQuery {
            status: Some(TemporalStatus::ContinuedAsNew),
            ..RunQuery::default()
        };
        assert_eq!(
            by_status.text(),
            "WorkflowType = 'Pipeline' AND ExecutionStatus = 'ContinuedAsNew'"
        );
        let raw = RunQuery {
            raw: Some("ExecutionStatus = 'ContinuedAsNew'".into()),
            ..RunQuery::default()
        };
        assert_eq!(
            raw.text(),
            "WorkflowType = 'Pipeline' AND (ExecutionStatus = 'ContinuedAsNew')"
        );
    }

    #[test]
    fn the_inbox_is_one_query_on_the_approvers() {
        assert_eq!(
            RunQuery::inbox("o'brien").text(),
            "WorkflowType = 'Pipeline' AND OrcaPhase = 'awaiting_approval' AND ExecutionStatus = 'Running' \
             AND (OrcaApprovers = 'o\\'brien' OR OrcaApprovers = '*') AND OrcaApprovers != 'voted:o\\'brien'"
        );
    }

    #[test]
    fn a_raw_query_naming_a_workflow_type_lists_other_workflows() {
        let query = RunQuery {
            raw: Some("WorkflowType='GreetingWorkflow'".into()),
            ..RunQuery::default()
        };
        assert_eq!(
            query.text(),
            "ExecutionStatus != 'ContinuedAsNew' AND (WorkflowType='GreetingWorkflow')"
        );
    }

    #[test]
    fn filters_are_anded_in_a_fixed_order() {
        let query = RunQuery {
            pipeline: Some("sample".into()),
            phase: Some(Phase::Paused),
            status: Some(TemporalStatus::Cancelled),
            task_queue: Some("q".into()),
            schedule: Some("nightly".into()),
            ..RunQuery::default()
        };
        assert_eq!(
            query.text(),
            "WorkflowType = 'Pipeline' AND OrcaPipeline = 'sample' AND TemporalScheduledById = 'nightly' \
             AND OrcaPhase = 'paused' AND ExecutionStatus = 'Canceled' AND TaskQueue = 'q'"
        );
    }
}
