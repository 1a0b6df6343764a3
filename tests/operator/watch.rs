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

/// A run denied by policy, as a watcher sees it.
fn denied_run(env: &Env) -> String {
    let id = format!("denied-{}", env.task_queue);
    env.orca([
        "start",
        "sample",
        "--input",
        "task=forbidden: drop it",
        "--id",
        &id,
        "--wait",
    ])
    .code(3);
    id
}

#[test]
fn watch_ends_with_the_outcome_and_lists_step_outputs_only_when_asked() {
    let env = Env::new();
    let _worker = env.worker();
    let id = denied_run(&env);
    let plain = env.orca(["watch", &id]).code(3);
    plain.stdout_has(&format!("{id}: denied"));
    assert!(!plain.stdout.contains("\"rule\":"), "{plain}");
    env.orca(["watch", &id, "--outputs"])
        .code(3)
        .stdout_has("  policy: {\"allowed\":false,\"rule\":\"(?i)^forbidden\"");
}

#[test]
fn watching_a_denied_run_prints_the_outcome_not_an_error() {
    let env = Env::new();
    let _worker = env.worker();
    let id = denied_run(&env);
    let done = env.orca(["watch", &id]).code(3);
    done.stdout_has(&format!(
        "{id}: denied (\"forbidden: drop it\" matches deny rule"
    ));
    assert!(!done.stderr.contains("error:"), "{done}");
}

/// A watcher started before any worker could answer for the run: the run
/// is told once, whole (its input, from the worker's answer), and the
/// steps in the order they happened. (Which views a watcher sees depends
/// on timing; `Teller`'s unit tests pin each case.)
#[test]
fn watch_jsonl_tells_the_run_once_and_each_step_in_order() {
    let env = Env::new();
    let id = env.start(&["sample", "--input", "task=in order"]);
    let mut session = on_terminal(&env, &["watch", &id, "-o", "jsonl"]);
    let _worker = env.worker();
    env.wait_phase(&id, "awaiting_approval");
    env.orca(["approve", &id]).ok();
    let rest = session.exp_eof().unwrap();
    assert_eq!(exit_code(&session), 0);
    let events: Vec<Value> = rest
        .lines()
        .filter_map(|line| serde_json::from_str(line.trim()).ok())
        .collect();
    let told: Vec<(String, String)> = events
        .iter()
        .map(|e| {
            let text = |key: &str| e[key].as_str().unwrap_or_default().to_string();
            (text("event"), text("step"))
        })
        .collect();
    let at = |event: &str, step: &str| {
        told.iter()
            .position(|(e, s)| e == event && s == step)
            .unwrap_or_else(|| panic!("no {event} {step} in {told:?}"))
    };
    let runs: Vec<&Value> = events.iter().filter(|e| e["event"] == "run").collect();
    assert_eq!(runs.len(), 1, "told once: {told:?}");
    assert_eq!(runs[0]["input"]["task"], "in order", "{:#}", runs[0]);
    assert!(
        at("step_finished", "policy") < at("approval_requested", "approval"),
        "{told:?}"
    );
}
