//! The interactive pickers: on a terminal, a command that needs a run ID
//! and was given none offers the runs it could mean. One picker, several
//! lists (the person's inbox, the running runs).

use crate::{
    Result,
    client::{Orca, RunSummary},
    human::ago,
    ops::query::RunQuery,
    prompt,
};

/// The hint for a command that needs an ID and has no terminal to pick on.
pub const PICK_HINT: &str =
    "pass the ID, or run it on a terminal to pick one; recent runs: orca list";

/// Offers the runs `query` finds (the newest `limit`), each shown in the
/// columns `line` makes, padded so they line up; the chosen run's ID, or
/// `None` when there is none (said on stderr as `none`). Backing out
/// cancels the command (`Error::Cancelled`).
async fn pick(
    orca: &Orca,
    query: &RunQuery,
    question: &str,
    none: &str,
    line: fn(&RunSummary) -> Vec<String>,
) -> Result<Option<String>> {
    let runs = orca.list_newest(&query.text(), 100).await?;
    if runs.is_empty() {
        eprintln!("{none}");
        return Ok(None);
    }
    let rows: Vec<Vec<String>> = runs.iter().map(line).collect();
    let chosen = prompt::select(question, &aligned(&rows))?;
    Ok(Some(runs[chosen].workflow_id.clone()))
}

/// The run ID `given`, else the one picked from what `query` finds (see
/// `pick`); `None` when there was nothing to pick.
pub async fn given_or_pick(
    orca: &Orca,
    given: Option<String>,
    query: &RunQuery,
    question: &str,
    none: &str,
    line: fn(&RunSummary) -> Vec<String>,
) -> Result<Option<String>> {
    match given {
        Some(id) => Ok(Some(id)),
        None => pick(orca, query, question, none, line).await,
    }
}

/// The run ID `given`, else one picked from the recent runs (any phase;
/// of `pipeline` only, when given): for `status` and `history`, which look
/// at a run whatever its state. `None` when there are no runs.
pub async fn given_or_recent(
    orca: &Orca,
    given: Option<String>,
    pipeline: Option<String>,
    verb: &str,
) -> Result<Option<String>> {
    let question = format!("Which run's {verb}?");
    let query = RunQuery::default().narrowed(pipeline, None);
    given_or_pick(orca, given, &query, &question, "no runs yet", recent_line).await
}

/// Rows as lines, each column padded to its widest cell (by display
/// width) and two spaces between; the last column is not padded.
fn aligned(rows: &[Vec<String>]) -> Vec<String> {
    let columns = rows.iter().map(Vec::len).max().unwrap_or(0);
    let widths: Vec<usize> = (0..columns)
        .map(|c| {
            let cells = rows.iter().filter_map(|row| row.get(c));
            cells
                .map(|cell| console::measure_text_width(cell))
                .max()
                .unwrap_or(0)
        })
        .collect();
    rows.iter()
        .map(|row| {
            let last = row.len().saturating_sub(1);
            let cells = row.iter().enumerate().map(|(c, cell)| match c == last {
                true => cell.clone(),
                false => {
                    console::pad_str(cell, widths[c], console::Alignment::Left, None).into_owned()
                }
            });
            cells.collect::<Vec<_>>().join("  ")
        })
        .collect()
}

/// A gate waiting for a decision: ID, pipeline, age, prompt (last: a long
/// prompt is what gets cut to the terminal's width).
pub fn gate_line(run: &RunSummary) -> Vec<String> {
    vec![
        run.workflow_id.clone(),
        run.pipeline.clone().unwrap_or_else(|| "-".into()),
        ago(run.started),
        run.prompt_and_round(),
    ]
}

/// A run still going: ID, pipeline, phase.
pub fn running_line(run: &RunSummary) -> Vec<String> {
    vec![
        run.workflow_id.clone(),
        run.pipeline.clone().unwrap_or_else(|| "-".into()),
        run.shown_phase().to_string(),
    ]
}

/// Any run: ID, pipeline, phase, age.
pub fn recent_line(run: &RunSummary) -> Vec<String> {
    let mut line = running_line(run);
    line.push(ago(run.started));
    line
}

#[cfg(test)]
mod tests {
    use super::aligned;

    fn row(cells: &[&str]) -> Vec<String> {
        cells.iter().map(|c| c.to_string()).collect()
    }

    #[test]
    fn columns_line_up_by_display_width() {
        let lines = aligned(&[row(&["a", "sample", "x"]), row(&["long-id", "界", "y"])]);
        assert_eq!(lines, ["a        sample  x", "long-id  界      y"]);
    }
}
