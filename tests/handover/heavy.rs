//! Runs of the seeds' size (`just test-heavy`): a loop of 100,000 items,
//! and `long-running-task` of 10,000 steps one at a time (seed 004's own
//! example), each item run exactly once, no run of the chain near
//! Temporal's history limit.

use std::{collections::HashSet, time::Duration};

use serde_json::Value;

use crate::common::*;

/// Events a run may have past the bound: the lanes drain (a few events per
/// item in flight) before it hands over.
const DRAIN_SLACK: usize = 50 * 8;

fn big_loop(env: &Env, count: u32, concurrency: u32) -> String {
    env.pipeline(
        "huge-loop",
        &format!(
            r#"
name = "huge-loop"
[[steps]]
id = "items"
kind = "foreach"
count = {count}
concurrency = {concurrency}
[steps.step]
kind = "agent"
action = "item {{{{ item }}}}"
duration = "1ms"
"#
        ),
    )
}

/// Each run of the chain's events, oldest first, read with the official CLI.
fn chain_histories(env: &Env, id: &str) -> Vec<Vec<Value>> {
    let query = format!("WorkflowId = '{id}'");
    let runs = env
        .temporal(["workflow", "list", "-q", &query, "-o", "json"])
        .ok()
        .json();
    let runs = runs.as_array().cloned().unwrap_or_default();
    runs.iter()
        .map(|run| {
            let run_id = run["execution"]["runId"].as_str().unwrap_or_default();
            let history = env
                .temporal(["workflow", "show", "-w", id, "-r", run_id, "-o", "json"])
                .ok()
                .json();
            history["events"].as_array().cloned().unwrap_or_default()
        })
        .collect()
}

/// Every item's activity completed exactly once across the chain, and no
/// run's history went past the bound (plus the drain).
#[track_caller]
fn assert_each_item_once(env: &Env, id: &str, count: usize, bound: usize) {
    let mut scheduled = std::collections::HashMap::new();
    let mut completed = Vec::new();
    for events in chain_histories(env, id) {
        assert!(
            events.len() <= bound + DRAIN_SLACK,
            "a run of {} events",
            events.len()
        );
        for event in &events {
            let attrs = &event["activityTaskScheduledEventAttributes"];
            if let Some(activity) = attrs["activityId"].as_str() {
                scheduled.insert(event["eventId"].clone(), activity.to_string());
            }
            let done = &event["activityTaskCompletedEventAttributes"]["scheduledEventId"];
            if !done.is_null() {
                completed.push(scheduled.get(done).cloned().unwrap_or_default());
            }
        }
        scheduled.clear();
    }
    let distinct: HashSet<&String> = completed.iter().collect();
    assert_eq!(distinct.len(), count, "items completed");
    assert_eq!(completed.len(), count, "an item completed twice");
}

#[test]
#[ignore = "heavy: 100,000 items (a few minutes); just test-heavy"]
fn a_loop_of_a_hundred_thousand_items_completes_each_once() {
    let env = Env::new();
    let _worker = env.worker();
    let file = big_loop(&env, 100_000, 50);
    let done = env
        .orca(["start", &file, "--id", "huge-run", "--wait", "-o", "json"])
        .run_within(Duration::from_secs(1800));
    assert_eq!(done.code, 0, "{done}");
    assert_eq!(done.json()["steps"]["items"]["items"], 100_000);
    assert_each_item_once(&env, "huge-run", 100_000, 10_000);
}

#[test]
#[ignore = "heavy: long-running-task of 10,000 steps, one at a time (a few minutes); just test-heavy"]
fn long_running_task_of_ten_thousand_steps_completes_each_once() {
    let env = Env::new();
    let _worker = env.worker();
    let done = env
        .orca([
            "start",
            "long-running-task",
            "--id",
            "serial-run",
            "--wait",
            "-o",
            "json",
        ])
        .args(["--input", "steps=10000", "--input", "step_duration=1ms"])
        .run_within(Duration::from_secs(1800));
    assert_eq!(done.code, 0, "{done}");
    // The loop's 10,000 items and its wrap-up step.
    assert_each_item_once(&env, "serial-run", 10_001, 10_000);
}
