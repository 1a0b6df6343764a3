//! What a control signal did, in words: `paused r2 at step work (15 of 60
//! items done) …`, `r2 is not paused; nothing to resume`, read from the
//! run's own status before and after the signal (`client::control`).

use crate::{
    client::{Answer, Control, ControlReport},
    engine::status::{Phase, RunStatus, StepState},
};

/// What happened, in words, from the run's own answers (`report`).
pub fn told(id: &str, control: Control, report: &ControlReport) -> String {
    let resume = format!("`orca resume {id}`");
    let (before, after) = (report.before.as_ref(), report.after.as_ref());
    match report.answer {
        Answer::Unconfirmed => format!(
            "sent {} to {id}; no worker answered, so what it did is not confirmed \
             (see `orca status {id}`)",
            control.signal_name()
        ),
        Answer::AlreadyPaused => {
            format!("{id} is already paused; nothing to do ({resume} lets it go on)")
        }
        Answer::NotPaused => format!("{id} is not paused; nothing to resume"),
        Answer::AlreadyStopping => {
            format!("{id} is already stopping{}; nothing to do", stops(before))
        }
        Answer::Paused => paused(id, after, &resume),
        Answer::Resumed => resumed(id, after),
        Answer::Stopping => format!(
            "stopping {id}{}; it then ends with outcome stopped",
            stops(after)
        ),
        Answer::Stopped => stopped(id, before, after),
        Answer::EndedFirst => format!(
            "{id} ended {} before the stop took effect",
            after.map_or("?".to_string(), |s| s.phase.to_string())
        ),
    }
}

fn paused(id: &str, after: Option<&RunStatus>, resume: &str) -> String {
    let phase = after.map(|s| s.phase);
    let held = phase == Some(Phase::Paused);
    match (phase, after.and_then(under_way)) {
        (Some(Phase::AwaitingApproval), _) => format!(
            "{id} is awaiting approval at step {}; paused: once approved, no new step starts \
             until {resume}",
            gate(after)
        ),
        // A loop held between items: its row stays running.
        (_, Some(step)) if held => format!(
            "paused {id} at {}; no new item or step starts until {resume}",
            step.words
        ),
        (_, Some(step)) if step.is_loop => format!(
            "paused {id} at {}: its current item finishes, then no new item or step starts \
             until {resume}",
            step.words
        ),
        (_, Some(step)) => format!(
            "paused {id} at {}: it finishes, then no new step starts until {resume}",
            step.words
        ),
        (_, None) if held => format!("paused {id} between steps; nothing starts until {resume}"),
        (_, None) => format!("paused {id}; no new step starts until {resume}"),
    }
}

fn resumed(id: &str, after: Option<&RunStatus>) -> String {
    let phase = after.map(|s| s.phase);
    match (phase, after.and_then(under_way)) {
        (Some(Phase::AwaitingApproval), _) => format!(
            "resumed {id}; it is awaiting approval at step {}, and goes on once approved",
            gate(after)
        ),
        (_, Some(step)) => format!("resumed {id}; {} goes on", step.words),
        (_, None) => format!("resumed {id}; its next step starts now"),
    }
}

fn stopped(id: &str, before: Option<&RunStatus>, after: Option<&RunStatus>) -> String {
    let outcome = after
        .and_then(|s| s.outcome)
        .map_or("stopped".to_string(), |o| o.to_string());
    let was = before.and_then(under_way);
    match (before.map(|s| s.phase), was) {
        (Some(Phase::AwaitingApproval), _) => format!(
            "stopped {id}: it was awaiting approval at step {}, so it ended now (outcome {outcome})",
            gate(before)
        ),
        // A loop held between items: its row stays running.
        (Some(Phase::Paused), Some(step)) => format!(
            "stopped {id}: it was paused at {}, so it ended now (outcome {outcome})",
            step.words
        ),
        (Some(Phase::Paused), None) => format!(
            "stopped {id}: it was paused between steps, so it ended now (outcome {outcome})"
        ),
        // The step under way finished before the run was asked again:
        // a loop's count is the one it stopped at.
        (_, Some(step)) if step.is_loop => {
            let words = after
                .and_then(|s| loop_words(s, &step.id))
                .unwrap_or(step.words);
            format!("stopped {id} after the current item of {words} (outcome {outcome})")
        }
        (_, Some(step)) => format!(
            "stopped {id} after its current {} (outcome {outcome})",
            step.words
        ),
        (_, None) => format!("stopped {id} (outcome {outcome})"),
    }
}

/// When a stop takes effect: ` after its current step work`, or for a
/// loop ` after the current item of step work (15 of 60 items done)`.
fn stops(status: Option<&RunStatus>) -> String {
    match status.and_then(under_way) {
        Some(step) if step.is_loop => format!(" after the current item of {}", step.words),
        Some(step) => format!(" after its current {}", step.words),
        None => " before its next step".into(),
    }
}

/// The step under way, in words.
struct UnderWay {
    id: String,
    /// `step work`, and for a loop `step work (15 of 60 items done)`.
    words: String,
    is_loop: bool,
}

/// The top-level step running now, if any (a gate waits: see `gate`).
fn under_way(status: &RunStatus) -> Option<UnderWay> {
    let id = status.current_step.as_deref()?;
    let row = status.steps.iter().find(|s| s.id == id)?;
    if row.state != StepState::Running {
        return None;
    }
    Some(UnderWay {
        id: id.to_string(),
        words: loop_words(status, id).unwrap_or_else(|| format!("step {id}")),
        is_loop: row.progress.is_some(),
    })
}

/// A loop's step in words with its count: `step work (15 of 60 items done)`.
fn loop_words(status: &RunStatus, id: &str) -> Option<String> {
    let row = status.steps.iter().find(|s| s.id == id)?;
    let p = row.progress?;
    Some(format!("step {id} ({} of {} items done)", p.done, p.total))
}

/// The gate the run waits at.
fn gate(status: Option<&RunStatus>) -> String {
    let gate = status.and_then(|s| s.approval.as_ref().map(|a| a.step.clone()));
    let current = status.and_then(|s| s.current_step.clone());
    gate.or(current).unwrap_or_else(|| "?".into())
}
