//! Reliability: worker crashes. A worker killed with SIGKILL loses nothing and
//! repeats nothing: a `foreach` of real commands (each item appends one line
//! to a file) finishes with every item exactly once, an approval once given is
//! not asked again, and a second worker takes over every run in flight.

use std::{
    path::Path,
    time::{Duration, Instant},
};

use crate::common::*;

pub const ITEMS: usize = 12;

/// A `foreach` of real commands, two at a time: each item notes in `starts`
/// that it began, sleeps 2 s, then appends its line to `out` (the side
/// effect that must happen exactly once).
pub fn foreach_pipeline(env: &Env, out: &Path, starts: &Path) -> String {
    env.pipeline(
        "batch",
        &format!(
            r#"
name = "batch"
[[steps]]
id = "items"
kind = "foreach"
count = {ITEMS}
concurrency = 2
[steps.step]
kind = "command"
shell = "echo {{{{ index }}}} >> {starts} && sleep 2 && echo item-{{{{ index }}}} >> {out}"
"#,
            out = out.display(),
            starts = starts.display(),
        ),
    )
}

pub fn lines(path: &Path) -> Vec<String> {
    std::fs::read_to_string(path)
        .unwrap_or_default()
        .lines()
        .map(str::to_string)
        .collect()
}

/// Waits for a moment worth crashing in: at least 4 items done, every line
/// written so far recorded by the server as a finished item, and the next two
/// items begun but still sleeping. Returns how many were done.
///
/// Killing just after an item wrote its line but before its completion
/// reached the server would make the retry write it again: that is Temporal's
/// at-least-once contract for activities, not something a worker can avoid,
/// so the test must not crash there.
#[track_caller]
pub fn wait_mid_item(env: &Env, id: &str, out: &Path, starts: &Path) -> usize {
    // Looked at every 20 ms: the quiet moment lasts the 2 s an item sleeps.
    poll_every(Duration::from_secs(60), Duration::from_millis(20), || {
        let written = lines(out).len();
        if (4..ITEMS - 2).contains(&written) && lines(starts).len() == written + 2 {
            let status = env.status(id);
            let recorded = status["progress"]["done"].as_u64().unwrap_or(0) as usize;
            if recorded == written && lines(out).len() == written {
                return Ok(written);
            }
        }
        Err(format!(
            "no quiet moment: {} started, {} written",
            lines(starts).len(),
            lines(out).len()
        ))
    })
}

/// After the run, each item's line is there exactly once.
#[track_caller]
pub fn assert_each_item_once(path: &Path) {
    let mut seen = lines(path);
    let total = seen.len();
    seen.sort();
    seen.dedup();
    assert_eq!(seen.len(), ITEMS, "distinct items: {seen:?}");
    assert_eq!(total, ITEMS, "an item ran twice: {:?}", lines(path));
}

#[test]
fn foreach_survives_a_worker_killed_with_sigkill() {
    let env = Env::new();
    let out = env.path("items.log");
    let starts = env.path("starts.log");
    let file = foreach_pipeline(&env, &out, &starts);
    let mut first = env.worker_with(&["--allow-commands"]);
    let id = env.start(&[&file]);
    let done = wait_mid_item(&env, &id, &out, &starts);
    first.kill9();
    // The two items it was running die with it: their lines never appear
    // (they would have within the 2.5 s, had they lived).
    holds_for(Duration::from_millis(2500), "the line count held", || {
        lines(&out).len() == done
    });

    let _second = env.worker_with(&["--allow-commands"]);
    let status = env.wait_status(&id, Duration::from_secs(60), |s| {
        s["phase"] == "completed" && s["live"] == true
    });
    assert_eq!(status["progress"]["done"], ITEMS);
    assert_each_item_once(&out);
    // Exactly the two interrupted items began a second time.
    assert_eq!(lines(&starts).len(), ITEMS + 2, "{:?}", lines(&starts));
}

#[test]
fn an_approval_given_is_not_asked_again_after_a_crash() {
    let env = Env::new();
    let file = env.pipeline(
        "approve-then-crash",
        "name = \"approve-then-crash\"\n[[steps]]\nid = \"gate\"\nkind = \"approval\"\nprompt = \"go?\"\n\n[[steps]]\nid = \"work\"\nkind = \"agent\"\naction = \"work\"\nduration = \"8s\"\n",
    );
    let mut first = env.worker();
    let id = env.start(&[&file]);
    env.wait_phase(&id, "awaiting_approval");
    // Killed while waiting: the decision is taken by the next worker.
    first.kill9();
    let mut approving = env
        .orca(["approve", &id, "--as", "alice", "--comment", "once"])
        .spawn();
    // Sent while no worker runs: it waits (no worker can answer it yet).
    holds_for(Duration::from_millis(500), "the decision waiting", || {
        matches!(approving.child.try_wait(), Ok(None))
    });
    let mut second = env.worker();
    let approved = approving.finish(Duration::from_secs(40));
    assert_eq!(approved.code, 0, "{approved}");
    env.wait_step(&id, "work", "running", Duration::from_secs(20));
    // Killed again mid-work: the third worker resumes without a new gate.
    second.kill9();
    let _third = env.worker();
    let status = env.wait_phase(&id, "completed");
    assert_eq!(status["approval"]["decision"]["by"], "alice");
    assert_eq!(
        status["approval"]["votes"].as_array().map(Vec::len),
        Some(1),
        "{status:#}"
    );
    let history = env.orca(["history", &id, "-o", "json"]).ok().json();
    let asks = history
        .as_array()
        .unwrap()
        .iter()
        .filter(|e| e["event"] == "approval_requested")
        .count();
    assert_eq!(asks, 1, "the gate opened once: {history:#}");
}

#[test]
fn two_workers_forty_runs_one_killed_all_complete() {
    let env = Env::new();
    let file = env.pipeline(
        "failover",
        "name = \"failover\"\n[inputs.n]\ndefault = \"0\"\n\n[[steps]]\nid = \"parts\"\nkind = \"foreach\"\ncount = 3\n[steps.step]\nkind = \"agent\"\naction = \"part {{ index }} of run {{ input.n }}\"\nduration = \"1s\"\n",
    );
    let mut first = env.worker();
    let _second = env.worker();
    let ids: Vec<String> = (0..40)
        .map(|n| {
            env.start(&[
                &file,
                "--input",
                &format!("n={n}"),
                "--id",
                &format!("failover-{}-{n}", env.task_queue),
            ])
        })
        .collect();
    // Killed with runs in flight: the last one started is running its items.
    let last = ids.last().unwrap();
    env.wait_step(last, "parts", "running", Duration::from_secs(60));
    first.kill9();
    let started = Instant::now();
    for id in &ids {
        let remaining = Duration::from_secs(120).saturating_sub(started.elapsed());
        let status = env.wait_status(id, remaining.max(Duration::from_secs(1)), |s| {
            s["temporal_status"] != "running" && s["live"] == true
        });
        assert_eq!(status["phase"], "completed", "{id}: {status:#}");
        assert_eq!(status["progress"]["done"], 3, "{id}");
    }
}
