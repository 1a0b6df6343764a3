//! Every client command follows a run across its hand-overs: to the user a
//! run that continued as new (twice or more here, the worker's bound set
//! tiny) is one run, listed once, told whole, followed to its end.

use std::{collections::HashSet, time::Duration};

use serde_json::{Value, json};

use super::loops::worker;
use crate::{
    common::*,
    signed::{Key, Message, allowed_signers, update_via_temporal, verify_with},
};

/// Events after which the test workers hand a run over.
const BOUND: u32 = 60;

/// A loop long enough for several hand-overs, each item lasting `item`;
/// `gate` (when not empty) waits after it.
fn pipeline(env: &Env, name: &str, item: &str, gate: &str) -> String {
    let agent = |id: &str| {
        format!(r#"{{ id = "{id}", kind = "agent", action = "{id}", duration = "10ms" }}"#)
    };
    let items = format!(
        r#"{{ id = "items", kind = "foreach", count = 40, concurrency = 1, step = {{ kind = "agent", action = "item {{{{ item }}}}", duration = "{item}" }} }}"#
    );
    let steps = [agent("before"), items, gate.to_string(), agent("after")];
    let steps: Vec<&str> = steps
        .iter()
        .map(String::as_str)
        .filter(|s| !s.is_empty())
        .collect();
    let toml = format!(
        "name = \"{name}\"\nsteps = [\n  {}\n]\n",
        steps.join(",\n  ")
    );
    env.pipeline(name, &toml)
}

/// A gate alice may decide, with `extra` options.
fn gate(extra: &str) -> String {
    format!(
        r#"{{ id = "gate", kind = "approval", prompt = "ship?", approvers = ["alice"], allow_self_approval = true{extra} }}"#
    )
}

fn continued(status: &Value) -> u64 {
    status["continued"].as_u64().unwrap_or(0)
}

/// Runs `file` to its end as `id` (`start --wait`), handed over at least
/// twice on the way; the final status.
#[track_caller]
fn handed_over_run(env: &Env, file: &str, id: &str) -> Value {
    let done = env.run_to_end(file, &["--id", id]);
    assert_eq!(done.code, 0, "{done}");
    let status = env.status(id);
    assert!(continued(&status) >= 2, "{status:#}");
    status
}

/// Starts `file` as `id` and waits at its gate, handed over twice or more.
#[track_caller]
fn at_gate_after_hand_overs(env: &Env, file: &str, id: &str, extra: &[&str]) -> Value {
    let mut args = vec![file, "--id", id];
    args.extend_from_slice(extra);
    env.start(&args);
    let status = env.wait_status(id, Duration::from_secs(60), |s| {
        s["live"] == true && s["phase"] == "awaiting_approval"
    });
    assert!(continued(&status) >= 2, "{status:#}");
    status
}

/// How many rows of a JSON listing are about run `id`.
fn count(listed: &Value, id: &str) -> usize {
    let rows = listed.as_array().map(|rows| rows.iter());
    rows.map_or(0, |rows| rows.filter(|r| r["workflow_id"] == id).count())
}

/// The rows of `orca list ARGS` for run `id`.
fn rows_of(env: &Env, id: &str, args: &[&str]) -> usize {
    let listed = env.orca(["list", "--limit", "0", "-o", "json"]).args(args);
    count(&listed.ok().json(), id)
}

fn jsonl(done: &Done) -> Vec<Value> {
    done.stdout
        .lines()
        .map(|l| serde_json::from_str(l).unwrap_or_else(|e| panic!("{e}: {l}")))
        .collect()
}

#[test]
fn a_continued_run_is_listed_once_and_its_earlier_runs_only_by_their_status() {
    let env = Env::new();
    let _worker = worker(&env, BOUND);
    let file = pipeline(&env, "listed-once", "10ms", "");
    let status = handed_over_run(&env, &file, "listed-once-1");
    let by_pipeline = ["--pipeline", "listed-once"];
    eventually(Duration::from_secs(30), "listed once", || {
        rows_of(&env, "listed-once-1", &by_pipeline) == 1
            && rows_of(&env, "listed-once-1", &[]) == 1
    });
    let earlier = ["--pipeline", "listed-once", "--status", "continued-as-new"];
    eventually_eq(
        Duration::from_secs(30),
        || rows_of(&env, "listed-once-1", &earlier) as u64,
        continued(&status),
    );
}

#[test]
fn a_gate_after_hand_overs_is_in_the_inbox_once_and_decided_by_approve_all() {
    let env = Env::new();
    let _worker = worker(&env, BOUND);
    let file = pipeline(&env, "inbox-once", "10ms", &gate(""));
    at_gate_after_hand_overs(&env, &file, "inbox-once-1", &[]);
    env.wait_in_inbox("inbox-once", "inbox-once-1");
    assert_eq!(rows_of(&env, "inbox-once-1", &["--awaiting-approval"]), 1);
    assert_eq!(rows_of(&env, "inbox-once-1", &[]), 1);
    let inbox = env.orca(["inbox", "--as", "alice", "-o", "json"]).ok();
    assert_eq!(count(&inbox.json(), "inbox-once-1"), 1);
    let tally = env
        .orca([
            "approve",
            "--all",
            "--pipeline",
            "inbox-once",
            "--as",
            "alice",
        ])
        .args(["--yes", "-o", "json"])
        .ok()
        .json();
    assert_eq!(tally["decided"], json!(["inbox-once-1"]), "{tally:#}");
    env.wait_phase("inbox-once-1", "completed");
}

#[test]
fn history_tells_every_run_of_the_chain_oldest_first() {
    let env = Env::new();
    let _worker = worker(&env, BOUND);
    let file = pipeline(&env, "told-whole", "10ms", "");
    let status = handed_over_run(&env, &file, "told-whole-1");
    let entries = env
        .orca(["history", "told-whole-1", "-o", "json"])
        .ok()
        .json();
    let entries = entries.as_array().unwrap();
    let kinds: Vec<&str> = entries
        .iter()
        .map(|e| e["event"].as_str().unwrap())
        .collect();
    assert_eq!(kinds.first(), Some(&"started"), "{kinds:?}");
    assert_eq!(kinds.last(), Some(&"completed"), "{kinds:?}");
    assert_eq!(kinds.iter().filter(|k| **k == "started").count(), 1);
    let handovers: Vec<&Value> = entries
        .iter()
        .filter(|e| e["event"] == "continued")
        .collect();
    assert_eq!(handovers.len() as u64, continued(&status), "{kinds:?}");
    assert_eq!(handovers.last().unwrap()["run_id"], status["run_id"]);
    assert_eq!(
        handovers[0]["detail"],
        "continued as new: run 2 goes on where run 1 stopped, under the same ID"
    );
    let offsets: Vec<u64> = entries
        .iter()
        .map(|e| e["offset_ms"].as_u64().unwrap())
        .collect();
    assert!(offsets.windows(2).all(|w| w[0] <= w[1]), "{offsets:?}");
    // Each step and item once, whatever run it ran in.
    let completed: Vec<&str> = entries
        .iter()
        .filter(|e| e["event"] == "step_completed")
        .map(|e| e["step"].as_str().unwrap())
        .collect();
    let once: HashSet<&str> = completed.iter().copied().collect();
    assert_eq!(once.len(), completed.len(), "{completed:?}");
    assert_eq!(completed.len(), 42, "{completed:?}");
    assert!(once.contains("before") && once.contains("after") && once.contains("item[39]"));
    let lines = env.orca(["history", "told-whole-1", "-o", "jsonl"]).ok();
    assert_eq!(jsonl(&lines).len(), entries.len());
    env.orca(["history", "told-whole-1"])
        .ok()
        .stdout_has("continued as new: run 2 goes on where run 1 stopped")
        .stdout_has("continued as new: run 3 goes on where run 2 stopped");
}

#[test]
fn watch_jsonl_follows_the_chain_telling_each_event_once() {
    let env = Env::new();
    let _worker = worker(&env, BOUND);
    let file = pipeline(&env, "watched", "100ms", "");
    let id = env.start(&[&file, "--id", "watched-1"]);
    let done = env
        .orca(["watch", &id, "-o", "jsonl"])
        .run_within(Duration::from_secs(90));
    assert_eq!(done.code, 0, "{done}");
    let events = jsonl(&done);
    let kinds: Vec<&str> = events
        .iter()
        .map(|e| e["event"].as_str().unwrap())
        .collect();
    assert_eq!(
        kinds.iter().filter(|k| **k == "run").count(),
        1,
        "{kinds:?}"
    );
    let runs: HashSet<&str> = events
        .iter()
        .map(|e| e["run_id"].as_str().unwrap())
        .collect();
    assert!(runs.len() >= 2, "one run seen: {}", done.stdout);
    let handed: Vec<u64> = events
        .iter()
        .filter(|e| e["event"] == "continued")
        .map(|e| e["continued"].as_u64().unwrap())
        .collect();
    assert!(
        !handed.is_empty() && handed.windows(2).all(|w| w[0] < w[1]),
        "{handed:?}"
    );
    let mut told = HashSet::new();
    for e in events
        .iter()
        .filter(|e| e["step"].is_string() && e["event"] != "progress")
    {
        let key = (e["event"].as_str().unwrap(), e["step"].as_str().unwrap());
        assert!(told.insert(key), "{key:?} told twice:\n{}", done.stdout);
    }
    for step in ["before", "items", "after"] {
        assert!(
            told.contains(&("step_finished", step)),
            "{step}:\n{}",
            done.stdout
        );
    }
    let done_items: Vec<u64> = events
        .iter()
        .filter(|e| e["event"] == "progress")
        .map(|e| e["done"].as_u64().unwrap())
        .collect();
    assert!(done_items.windows(2).all(|w| w[0] < w[1]), "{done_items:?}");
    let end = events.last().unwrap();
    assert_eq!(end["event"], "outcome");
    assert_eq!(end["outcome"], "completed");
    assert_eq!(end["run_id"], env.status(&id)["run_id"], "{end:#}");
}

#[test]
fn watch_in_plain_lines_keeps_going_to_the_end_of_the_last_run() {
    let env = Env::new();
    let _worker = worker(&env, BOUND);
    let file = pipeline(&env, "watched-plain", "100ms", "");
    let id = env.start(&[&file, "--id", "watched-plain-1"]);
    let done = env.orca(["watch", &id]).run_within(Duration::from_secs(90));
    assert_eq!(done.code, 0, "{done}");
    done.stdout_has("continued as new: run ");
    let lines: Vec<&str> = done.stdout.lines().collect();
    let after = lines
        .iter()
        .position(|l| l.ends_with("step after completed: simulated: after"));
    let end = lines
        .iter()
        .position(|l| *l == "watched-plain-1: completed");
    assert!(after.is_some() && after < end, "{done}");
}

#[test]
fn start_wait_ends_with_the_last_runs_outcome_and_names_that_run() {
    let env = Env::new();
    let _worker = worker(&env, BOUND);
    let file = pipeline(&env, "awaited", "10ms", "");
    let done = env.run_to_end(&file, &["--id", "awaited-1"]);
    assert_eq!(done.code, 0, "{done}");
    let status = env.status("awaited-1");
    assert!(continued(&status) >= 2, "{status:#}");
    let end = done.json();
    assert_eq!(end["outcome"], "completed", "{end:#}");
    assert_eq!(end["steps"]["items"].as_array().map(Vec::len), Some(40));
    assert_eq!(end["run_id"], status["run_id"], "{end:#}");
    let again = env.orca(["wait", "awaited-1", "-o", "json"]).ok().json();
    assert_eq!(again["run_id"], status["run_id"], "{again:#}");
}

#[test]
fn wait_exits_with_the_outcome_of_a_rejection_after_hand_overs() {
    let env = Env::new();
    let _worker = worker(&env, BOUND);
    let file = pipeline(&env, "awaited-no", "10ms", &gate(""));
    at_gate_after_hand_overs(&env, &file, "awaited-no-1", &[]);
    let waiting = env.orca(["wait", "awaited-no-1"]).spawn();
    env.orca(["reject", "awaited-no-1", "--as", "alice", "--reason", "no"])
        .ok();
    let done = waiting.finish(Duration::from_secs(30));
    assert_eq!(done.code, 3, "{done}");
}

#[test]
fn status_says_how_often_the_run_continued_and_when_it_began() {
    let env = Env::new();
    let _worker = worker(&env, BOUND);
    let file = pipeline(&env, "counted", "10ms", "");
    let status = handed_over_run(&env, &file, "counted-1");
    let text = env.status_text("counted-1");
    text.stdout_has(&format!("{} times as new", continued(&status)));
    let history = env.orca(["history", "counted-1", "-o", "json"]).ok().json();
    let began = history[0]["time"].as_str().unwrap();
    let started = status["started_at"].as_str().unwrap();
    assert_eq!(started[..19], began[..19], "{status:#}");
}

#[test]
fn replay_checks_each_run_of_the_chain_and_saves_one_history_per_run() {
    let env = Env::new();
    let _worker = worker(&env, BOUND);
    let file = pipeline(&env, "replayed", "10ms", "");
    let status = handed_over_run(&env, &file, "replayed-1");
    let runs = continued(&status) as usize + 1;
    let saved = env.path("replayed.json");
    let report = env
        .orca(["replay", "--id", "replayed-1", "-o", "json", "--save"])
        .arg(&saved)
        .ok()
        .json();
    assert_eq!(report["compatible"], true, "{report:#}");
    assert_eq!(
        report["runs"].as_array().map(Vec::len),
        Some(runs),
        "{report:#}"
    );
    let files: Vec<_> = (1..=runs)
        .map(|n| env.path(&format!("replayed-{n}.json")))
        .collect();
    // A later run's history replays on its own: it starts from what it was handed.
    let corpus = files
        .iter()
        .fold(env.orca(["replay"]), |run, f| run.arg(f))
        .ok();
    for file in &files {
        corpus.stdout_has(&format!("{}: compatible", file.display()));
    }
    env.orca(["replay", "--id", "replayed-1"])
        .ok()
        .stdout_has(&format!("of its {runs} runs the same way"));
}

#[test]
fn verify_accepts_a_decision_signed_for_an_earlier_run_of_the_chain() {
    let env = Env::new();
    let alice = Key::new(&env, "alice", "ed25519");
    let signers = allowed_signers(&env, &[("alice", &alice)]);
    let signers = signers.to_str().unwrap();
    let _worker = env.worker_with(&[
        "--continue-as-new-after",
        &BOUND.to_string(),
        "--allowed-signers",
        signers,
    ]);
    let file = pipeline(&env, "signed-chain", "10ms", &gate(", signed = true"));
    let signing = ["--identity", "alice", "--signing-key", alice.path()];
    let status = at_gate_after_hand_overs(&env, &file, "signed-chain-1", &signing);
    // The chain's first run, as the official CLI describes it.
    let described = env.temporal(["workflow", "describe", "-w", "signed-chain-1", "-o", "json"]);
    let described: Value = serde_json::from_str(&described.ok().stdout).unwrap();
    let first_run = described["workflowExecutionInfo"]["firstRunId"]
        .as_str()
        .unwrap()
        .to_string();
    assert_ne!(status["run_id"], first_run.as_str());
    // Signed for the first run, as a client that looked before the hand-overs.
    let message = Message {
        workflow_id: "signed-chain-1",
        run_id: &first_run,
        gate: "gate",
        opening: status["approval"]["opening"].as_u64().unwrap(),
        decision: "approve",
        principal: "alice",
        comment: "",
        signed_at: std::time::SystemTime::now(),
    }
    .text();
    let signature = alice.sign(&message);
    let request = json!({"by": "alice", "signed": {"message": message, "signature": signature}});
    let sent = update_via_temporal(&env, "signed-chain-1", "approve", &request);
    assert_eq!(sent.code, 0, "{sent}");
    env.wait_phase("signed-chain-1", "completed");
    let audit = verify_with(&env, "signed-chain-1", signers)
        .args(["-o", "json"])
        .ok()
        .json();
    assert_eq!(audit["verified"], true, "{audit:#}");
    let checks = audit["checks"].as_array().unwrap().iter();
    let acts: Vec<&Value> = checks.map(|c| &c["action"]).collect();
    assert_eq!(acts, [&json!("start"), &json!("approve")], "{audit:#}");
    assert!(audit["runs"].as_array().unwrap().len() >= 3, "{audit:#}");
}
