//! The interactive pickers: on a terminal, a command that needs a run ID
//! and was given none offers the runs it could mean. One picker, several
//! lists (the person's inbox, the running runs).

use std::time::SystemTime;

use crate::{
    Result,
    client::{Orca, RunSummary},
    human::short_duration,
    ops::query::RunQuery,
    prompt,
};

/// Offers the runs `query` finds (the newest `limit`), each shown as `line`
/// makes it; the chosen run's ID, or `None` when there is none (said on
/// stderr as `none`) or the person backs out.
async fn pick(
    orca: &Orca,
    query: &RunQuery,
    question: &str,
    none: &str,
    line: fn(&RunSummary) -> String,
) -> Result<Option<String>> {
    let runs = orca.list(&query.text(), 100).await?;
    if runs.is_empty() {
        eprintln!("{none}");
        return Ok(None);
    }
    let items: Vec<String> = runs.iter().map(line).collect();
    let chosen = prompt::select(question, &items)?;
    Ok(chosen.map(|i| runs[i].workflow_id.clone()))
}

/// The run ID `given`, else the one picked from what `query` finds (see
/// `pick`); `None` when there was nothing to pick or the person backed out.
pub async fn given_or_pick(
    orca: &Orca,
    given: Option<String>,
    query: &RunQuery,
    question: &str,
    none: &str,
    line: fn(&RunSummary) -> String,
) -> Result<Option<String>> {
    match given {
        Some(id) => Ok(Some(id)),
        None => pick(orca, query, question, none, line).await,
    }
}

/// A gate waiting for a decision: ID, pipeline, prompt, age.
pub fn gate_line(run: &RunSummary) -> String {
    let age = run
        .started
        .and_then(|t| SystemTime::now().duration_since(t).ok())
        .map_or("-".to_string(), |d| format!("{} ago", short_duration(d)));
    format!(
        "{}  {}  {}  ({age})",
        run.workflow_id,
        run.pipeline.as_deref().unwrap_or("-"),
        run.prompt_and_round()
    )
}

/// A run still going: ID, pipeline, phase.
pub fn running_line(run: &RunSummary) -> String {
    format!(
        "{}  {}  {}",
        run.workflow_id,
        run.pipeline.as_deref().unwrap_or("-"),
        run.shown_phase()
    )
}
