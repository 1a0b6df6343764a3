//! Reliability under load (heavy; run with `just test-heavy`): 1,000 runs
//! waiting for approval at once are all listed, all decided in bulk, and all
//! complete; nothing is lost.

use std::time::{Duration, Instant};

use crate::common::*;

const RUNS: usize = 1000;

#[test]
#[ignore = "heavy: run with `just test-heavy`"]
fn a_thousand_waiting_runs_are_listed_approved_and_completed() {
    let env = Env::new();
    let _worker = env.worker_with(&["--max-concurrent-workflows", "200"]);
    let name = format!("load-{}", env.task_queue);
    let file = env.pipeline(
        &name,
        &format!("name = \"{name}\"\n[[steps]]\nid = \"gate\"\nkind = \"approval\"\nprompt = \"go?\"\n\n[[steps]]\nid = \"work\"\nkind = \"agent\"\naction = \"work\"\nduration = \"100ms\"\n"),
    );
    let started = Instant::now();
    // Eight starters at a time, as eight shells would.
    std::thread::scope(|scope| {
        for lane in 0..8 {
            let (env, file, name) = (&env, &file, &name);
            scope.spawn(move || {
                for n in (lane..RUNS).step_by(8) {
                    env.start(&[file, "--id", &format!("{name}-{n}")]);
                }
            });
        }
    });
    let started_all = started.elapsed();

    let count = |phase: &str| {
        env.orca([
            "list",
            "--pipeline",
            &name,
            "--phase",
            phase,
            "--limit",
            "0",
            "-o",
            "json",
        ])
        .ok()
        .json()
        .as_array()
        .map_or(0, Vec::len)
    };
    // Looked at every second: each look lists a thousand runs.
    poll_every(
        Duration::from_secs(300),
        Duration::from_secs(1),
        || match count("awaiting_approval") {
            n if n >= RUNS => Ok(()),
            n => Err(format!("not all runs reached the gate ({n} of {RUNS})")),
        },
    );
    let listed = env
        .orca([
            "list",
            "--awaiting-approval",
            "--pipeline",
            &name,
            "--limit",
            "0",
            "-o",
            "json",
        ])
        .ok()
        .json();
    assert_eq!(
        listed.as_array().unwrap().len(),
        RUNS,
        "the inbox lists every waiting run"
    );

    let approving = Instant::now();
    let tally = env
        .orca([
            "approve",
            "--all",
            "--pipeline",
            &name,
            "--yes",
            "-o",
            "json",
        ])
        .run_within(Duration::from_secs(300));
    assert_eq!(tally.code, 0, "{tally}");
    let approve_time = approving.elapsed();
    assert_eq!(tally.json()["decided"].as_array().unwrap().len(), RUNS);

    let completing = Instant::now();
    poll_every(
        Duration::from_secs(300),
        Duration::from_secs(1),
        || match count("completed") {
            n if n >= RUNS => Ok(()),
            n => Err(format!("not all runs completed ({n} of {RUNS})")),
        },
    );
    eprintln!(
        "load: started {RUNS} runs in {started_all:?}, approved all in {approve_time:?}, all completed {:?} later; total {:?}",
        completing.elapsed(),
        started.elapsed()
    );
}
