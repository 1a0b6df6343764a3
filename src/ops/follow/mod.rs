//! Following a run: one loop for `watch`, `wait` and `start --wait /
//! --follow`, with one poll interval, one timeout (exit 8, the run goes on)
//! and one way of handling a run that closes while followed. What is shown
//! meanwhile is the observer's business (`show.rs`).

pub mod events;
mod show;

use std::time::{Duration, Instant};

pub use show::{Display, print_end};

use crate::{
    Error, Result,
    client::{Orca, RunEnd, StartedRun},
    engine::status::Decision,
    ops::run::{self, RunView},
    output::Printer,
};

/// How often a followed run is looked at.
pub const POLL: Duration = Duration::from_millis(500);

/// What ends the follow (besides the run's end).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Until {
    /// The run's gate is decided (`wait --for approval`).
    Decision,
    /// The run ends.
    End,
}

/// How the follow ended.
#[derive(Debug)]
pub enum Followed {
    Decided(Decision),
    Ended(RunEnd),
}

/// Who is told about each view while the run is followed.
pub trait Observer {
    /// A new view; `before` is the last one the worker answered for.
    fn seen(&mut self, before: Option<&RunView>, now: &RunView);
    /// Something worth a word meanwhile (Temporal is away for a moment).
    fn note(&mut self, _text: &str) {}
    /// The follow is over: tidy the terminal.
    fn close(&mut self) {}
    /// Whether views are wanted at all (else only the end is awaited).
    fn watches(&self) -> bool {
        true
    }
}

/// Follows run `id` until `until` (or its end), at most `timeout`.
pub async fn follow(
    orca: &Orca,
    id: &str,
    until: Until,
    timeout: Option<Duration>,
    observer: &mut dyn Observer,
) -> Result<Followed> {
    if until == Until::End && !observer.watches() {
        // Nothing to show on the way: the server's long poll says when.
        return orca.wait(id, timeout).await.map(Followed::Ended);
    }
    let started = Instant::now();
    let mut last: Option<RunView> = None;
    let mut seen_running = false;
    loop {
        let current = match run::view(orca, id).await {
            Ok(current) => current,
            // The server is away (restarting?): keep following.
            Err(Error::Unreachable { .. }) => {
                observer.note("Temporal is unreachable; still watching");
                tokio::time::sleep(Duration::from_secs(1)).await;
                continue;
            }
            Err(e) => return Err(e),
        };
        // If it closed while we followed, the worker gets longer to answer,
        // so the last events (a decision, the final step) are not lost.
        let current = if seen_running {
            run::closed_view(orca, id, current).await?
        } else {
            current
        };
        seen_running |= current.is_running();
        observer.seen(last.as_ref(), &current);
        if until == Until::Decision
            && let Some(decision) = current.approval.as_ref().and_then(|g| g.decision.clone())
        {
            observer.close();
            return Ok(Followed::Decided(decision));
        }
        if !current.is_running() {
            observer.close();
            return orca.wait(id, None).await.map(Followed::Ended);
        }
        let phase = current.phase_or_running();
        if current.live {
            last = Some(current);
        }
        if let Some(limit) = timeout
            && started.elapsed() >= limit
        {
            observer.close();
            return Err(Error::StillRunning {
                id: id.to_string(),
                phase: last.as_ref().map_or(phase, RunView::phase_or_running),
                waited: started.elapsed(),
            });
        }
        tokio::time::sleep(POLL).await;
    }
}

/// Follows a run live to its end (`watch`, `start --follow`), shown as
/// `watch` shows it, and answers with its outcome (exit 0/3/4).
pub async fn watch(
    orca: &Orca,
    started: &StartedRun,
    printer: &Printer,
    timeout: Option<Duration>,
) -> Result<()> {
    let id = &started.workflow_id;
    let mut display = Display::for_watch(printer, id);
    match follow(orca, id, Until::End, timeout, &mut display).await? {
        Followed::Ended(end) => {
            display.finish(printer, started, &end);
            end.into_result(id)
        }
        // Not asked for: `Until::End` ends only with the run.
        Followed::Decided(_) => Ok(()),
    }
}
