//! Following a run: one loop for `watch`, `wait` and `start --wait /
//! --follow`, with one poll interval, one timeout (exit 8, the run goes on),
//! one way of handling a run that closes while followed, and one answer to
//! Ctrl-C (the follower stops, the run goes on). What is shown meanwhile is
//! the display's business (`show.rs`).

mod board;
pub mod events;
mod show;
mod status_line;
mod teller;
pub mod workers;

use std::{
    convert::Infallible,
    time::{Duration, Instant},
};

pub use show::Display;
pub use status_line::StatusLine;

use crate::{
    Error, Result,
    client::{Orca, RunEnd, StartedRun},
    engine::status::Decision,
    ops::run::{self, RunView},
    output::Printer,
};

/// How often a followed run is looked at.
const POLL: Duration = Duration::from_millis(500);

/// How often the server is asked whether a worker polls, while none answers.
const POLLERS_EVERY: Duration = Duration::from_secs(5);

/// How a follow ended: `stop` said so (with what it saw), or the run ended.
#[derive(Debug)]
pub enum Followed<T> {
    Stopped(T),
    Ended(Ended),
}

/// A run's end, and which run of the workflow ID it was.
#[derive(Debug)]
pub struct Ended {
    pub end: RunEnd,
    pub run_id: Option<String>,
}

/// Follows run `id` until its end, at most `timeout`.
pub async fn to_end(
    orca: &Orca,
    id: &str,
    timeout: Option<Duration>,
    display: &mut Display<'_>,
) -> Result<Ended> {
    if !display.watches() {
        // Nothing to show on the way: the server's long poll says when;
        // then which run that was (best effort: the end is what counts).
        let Some(end) = unless_interrupted(orca.wait(id, timeout)).await else {
            return Err(stopped_watching(id, display));
        };
        let run_id = orca.describe(id).await.ok().map(|d| d.run_id().to_string());
        return Ok(Ended { end: end?, run_id });
    }
    let never = |_: &RunView| None::<Infallible>;
    match until(orca, id, never, timeout, display).await? {
        Followed::Ended(ended) => Ok(ended),
        Followed::Stopped(never) => match never {},
    }
}

/// Follows run `id` until its gate is decided (or the run ends).
pub async fn to_decision(
    orca: &Orca,
    id: &str,
    timeout: Option<Duration>,
    display: &mut Display<'_>,
) -> Result<Followed<Decision>> {
    let decided = |view: &RunView| view.approval.as_ref().and_then(|g| g.decision.clone());
    until(orca, id, decided, timeout, display).await
}

/// `follow`, unless Ctrl-C comes first (`None`). Through tokio's handler,
/// so the signal does not end the process: the caller says what happened.
async fn unless_interrupted<T>(follow: impl Future<Output = T>) -> Option<T> {
    let interrupted = async {
        if tokio::signal::ctrl_c().await.is_err() {
            // No handler could be installed: Ctrl-C ends the process as before.
            std::future::pending::<()>().await;
        }
    };
    tokio::select! {
        done = follow => Some(done),
        () = interrupted => None,
    }
}

/// Ctrl-C while following: the display tidied, and the note a person
/// needs (they may fear they cancelled the run). Exit 130, as a shell
/// reports an interrupted command.
fn stopped_watching(id: &str, display: &mut Display<'_>) -> Error {
    display.interrupt();
    Error::Cancelled {
        note: format!("stopped watching; the run goes on — orca watch {id}"),
    }
}

/// The loop, unless Ctrl-C stops it first.
async fn until<T>(
    orca: &Orca,
    id: &str,
    stop: impl Fn(&RunView) -> Option<T>,
    timeout: Option<Duration>,
    display: &mut Display<'_>,
) -> Result<Followed<T>> {
    match unless_interrupted(look_until(orca, id, stop, timeout, display)).await {
        Some(followed) => followed,
        None => Err(stopped_watching(id, display)),
    }
}

/// Looks at the run every `POLL` until `stop` finds what it waits for,
/// the run ends, or `timeout` passes (the run goes on).
async fn look_until<T>(
    orca: &Orca,
    id: &str,
    stop: impl Fn(&RunView) -> Option<T>,
    timeout: Option<Duration>,
    display: &mut Display<'_>,
) -> Result<Followed<T>> {
    let started = Instant::now();
    let timed_out = |last: &Option<RunView>| {
        timeout
            .filter(|limit| started.elapsed() >= *limit)
            .map(|_| Error::StillRunning {
                id: id.to_string(),
                phase: last
                    .as_ref()
                    .map_or(crate::client::RunPhase::RUNNING, RunView::phase_or_running),
                waited: started.elapsed(),
            })
    };
    let mut last: Option<RunView> = None;
    let mut seen_running = false;
    let mut pollers = Pollers::default();
    loop {
        let current = match run::view(orca, id).await {
            Ok(current) => current,
            // The server is away (restarting?): keep following, within the timeout.
            Err(Error::Unreachable { .. }) => {
                display.note("Temporal is unreachable; still watching");
                if let Some(error) = timed_out(&last) {
                    display.close();
                    return Err(error);
                }
                tokio::time::sleep(Duration::from_secs(1)).await;
                continue;
            }
            Err(e) => {
                display.close();
                return Err(e);
            }
        };
        // If it closed while we followed, the worker gets longer to answer,
        // so the last events (a decision, the final step) are not lost.
        let current = match seen_running {
            true => run::closed_view(orca, id, current).await?,
            false => current,
        };
        seen_running |= current.is_running();
        let unpolled = match display.tells_workers() {
            true => pollers.unpolled(orca, &current).await,
            false => false,
        };
        display.seen(last.as_ref(), &current, unpolled);
        if let Some(found) = stop(&current) {
            display.close();
            return Ok(Followed::Stopped(found));
        }
        if !current.is_running() {
            display.close();
            let end = orca.wait(id, None).await?;
            let run_id = Some(current.run_id);
            return Ok(Followed::Ended(Ended { end, run_id }));
        }
        if current.live {
            last = Some(current);
        }
        if let Some(error) = timed_out(&last) {
            display.close();
            return Err(error);
        }
        tokio::time::sleep(POLL).await;
    }
}

/// Whether a worker polls the followed run's task queue, asked only while
/// none answers, and at most every `POLLERS_EVERY`.
#[derive(Default)]
struct Pollers {
    asked: Option<(Instant, bool)>,
}

impl Pollers {
    async fn unpolled(&mut self, orca: &Orca, view: &RunView) -> bool {
        let queue = view.task_queue.as_deref();
        let Some(queue) = queue.filter(|_| !view.live && view.is_running()) else {
            self.asked = None;
            return false;
        };
        match self.asked {
            Some((at, unpolled)) if at.elapsed() < POLLERS_EVERY => unpolled,
            _ => {
                let unpolled = orca.nobody_polls(queue).await;
                self.asked = Some((Instant::now(), unpolled));
                unpolled
            }
        }
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
    watch_with(orca, started, printer, timeout, false).await
}

/// `watch`; `outputs`: its text end lists each step's output too.
pub async fn watch_with(
    orca: &Orca,
    started: &StartedRun,
    printer: &Printer,
    timeout: Option<Duration>,
    outputs: bool,
) -> Result<()> {
    let mut display = Display::for_watch(printer, &started.workflow_id, outputs);
    let ended = to_end(orca, &started.workflow_id, timeout, &mut display).await?;
    // The watcher saw the outcome, told as the outcome: a run rejected,
    // denied or stopped is no error of theirs (still exit 3).
    ended
        .report(printer, &display, started)
        .map_err(|error| match error {
            Error::RunRefused { .. } => Error::Told(Box::new(error)),
            other => other,
        })
}

/// Awaits a run's end (`wait`, `start --wait`), on a terminal saying what
/// it waits for meanwhile, prints it, and answers with its outcome (exit
/// 0/3/4).
pub async fn await_outcome(
    orca: &Orca,
    started: &StartedRun,
    printer: &Printer,
    timeout: Option<Duration>,
) -> Result<()> {
    let mut display = Display::for_wait(printer);
    let ended = to_end(orca, &started.workflow_id, timeout, &mut display).await?;
    ended.report(printer, &display, started)
}

impl Ended {
    /// Prints the end as `display` ends a follow (naming the run that
    /// ended: the last of its chain, should it have continued as new), and
    /// answers with the outcome (exit 0/3/4).
    pub fn report(self, printer: &Printer, display: &Display, started: &StartedRun) -> Result<()> {
        let started = StartedRun {
            run_id: self.run_id.or_else(|| started.run_id.clone()),
            ..started.clone()
        };
        display.finish(printer, &started, &self.end);
        self.end.into_result(&started.workflow_id)
    }
}
