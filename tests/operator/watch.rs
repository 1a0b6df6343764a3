//! `watch` (and `start --follow`): JSONL events of a whole run, plain lines
//! off a terminal, a finished run summarised at once, and `--timeout`'s
//! exit 8 that leaves the run alone.

use std::time::Duration;

use serde_json::Value;

use crate::common::*;

#[test]
fn watch_streams_jsonl_events_of_a_full_run_and_exits_with_the_outcome() {
    let env = Env::new();
    let _worker = env.worker();
    let id = env.start(&["sample", "--input", "task=stream me"]);
    let watching = env.orca(["watch", &id, "-o", "jsonl"]).spawn();
    env.wait_phase(&id, "awaiting_approval");
    env.orca(["approve", &id, "--as", "alice", "--comment", "go"])
        .ok();
    let done = watching.finish(Duration::from_secs(30));
    assert_eq!(done.code, 0, "{done}");
    let events: Vec<Value> = done
        .stdout
        .lines()
        .map(|l| serde_json::from_str(l).expect(l))
        .collect();
    let kinds: Vec<&str> = events
        .iter()
        .map(|e| e["event"].as_str().unwrap())
        .collect();
    let position = |kind: &str| {
        kinds
            .iter()
            .position(|k| *k == kind)
            .unwrap_or_else(|| panic!("no {kind} in {kinds:?}"))
    };
    assert_eq!(kinds[0], "run");
    assert!(
        position("approval_requested") < position("approval_decided"),
        "{kinds:?}"
    );
    assert!(
        position("approval_decided") < kinds.iter().rposition(|k| *k == "step_finished").unwrap()
    );
    assert_eq!(*kinds.last().unwrap(), "outcome");
    let decided = &events[position("approval_decided")];
    assert_eq!(decided["by"], "alice");
    assert_eq!(decided["comment"], "go");
    let finished: Vec<&str> = events
        .iter()
        .filter(|e| e["event"] == "step_finished")
        .map(|e| e["step"].as_str().unwrap())
        .collect();
    assert_eq!(finished, ["policy", "approval", "work"]);
    for event in &events {
        assert_eq!(event["workflow_id"], id.as_str());
        assert!(event["time"].is_string());
    }
    assert_eq!(events.last().unwrap()["outcome"], "completed");
}

#[test]
fn watch_without_a_terminal_prints_plain_lines_and_a_finished_run_at_once() {
    let env = Env::new();
    let _worker = env.worker();
    let watching = env
        .orca([
            "start",
            "sample",
            "--input",
            "task=plain",
            "--follow",
            "--id",
            "follow-1",
        ])
        .spawn();
    env.wait_phase("follow-1", "awaiting_approval");
    env.orca(["reject", "follow-1", "--reason", "no"]).ok();
    let done = watching.finish(Duration::from_secs(30));
    assert_eq!(done.code, 3, "{done}");
    done.stdout_has("awaiting approval at approval: Run task 'plain'?");
    done.stdout_has("rejected by tester: no");
    done.stdout_has("follow-1: rejected");

    // Watching a finished run: the summary at once, with the outcome's code.
    let again = env
        .orca(["watch", "follow-1"])
        .run_within(Duration::from_secs(10));
    assert_eq!(again.code, 3, "{again}");
    again.stdout_has("follow-1: rejected");
    assert!(
        again.elapsed < Duration::from_secs(8),
        "{:?}",
        again.elapsed
    );
}

#[test]
fn watch_timeout_is_exit_8_and_leaves_the_run_alone() {
    let env = Env::new();
    let _worker = env.worker();
    let id = env.start(&["sample", "--input", "task=slow decision"]);
    env.wait_phase(&id, "awaiting_approval");
    let done = env
        .orca(["watch", &id, "--timeout", "2s"])
        .run_within(Duration::from_secs(15));
    assert_eq!(done.code, 8, "{done}");
    done.clean_error().stderr_has("still awaiting_approval");
    assert_eq!(env.status(&id)["phase"], "awaiting_approval");
    let done = env
        .orca([
            "start",
            "sample",
            "--input",
            "task=x",
            "--wait",
            "--timeout",
            "1s",
        ])
        .run_within(Duration::from_secs(15));
    assert_eq!(done.code, 8, "{done}");
}

/// The run that ended, in `-o json`: `watch` and `wait` name it as `start
/// --wait` does, so a script can tell this run from a later one of the ID.
fn ended_run_id_of(command: &str) {
    let env = Env::new();
    let _worker = env.worker();
    let id = env.start(&["sample", "--input", "task=which run"]);
    env.wait_phase(&id, "awaiting_approval");
    let following = env.orca([command, &id, "-o", "json"]).spawn();
    env.orca(["approve", &id, "--as", "alice"]).ok();
    let done = following.finish(Duration::from_secs(30));
    assert_eq!(done.code, 0, "{done}");
    let run_id = env.status(&id)["run_id"].clone();
    assert!(run_id.is_string(), "{run_id}");
    assert_eq!(done.json()["run_id"], run_id, "{done}");
}

#[test]
fn watch_json_names_the_run_that_ended() {
    ended_run_id_of("watch");
}

#[test]
fn wait_json_names_the_run_that_ended() {
    ended_run_id_of("wait");
}
