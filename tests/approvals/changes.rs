//! Request changes: an approver sends the run back to the gate's
//! `on_changes` step with feedback; the steps run again reading it, and
//! the gate opens again (a new opening, a new round, no votes) until
//! `max_rounds`. Refused where the gate has no `on_changes`, without
//! feedback, and past the last round.

use std::{sync::OnceLock, time::Duration};

use serde_json::{Value, json};

use super::{gate_pipeline, history_has, no_votes, parked, refused, refused_via_temporal, shared};
use crate::common::*;

/// A draft step reading the review's feedback, a 2-of-3 review that sends
/// the run back to it (two rounds at most), and a step after.
const CHANGES: &str = r#"name = "changes"
[[steps]]
id = "draft"
kind = "agent"
action = "draft (feedback: {{ steps.review.output.feedback }}, round {{ steps.review.output.round }})"
duration = "100ms"

[[steps]]
id = "review"
kind = "approval"
prompt = "Accept the draft?"
approvers = ["alice", "bob", "carol"]
required = 2
on_changes = "draft"
max_rounds = 2

[[steps]]
id = "ship"
kind = "agent"
action = "ship after round {{ steps.review.output.round }}: {{ steps.review.output.feedback }}"
duration = "100ms"
"#;

/// A run of `CHANGES` parked in its first round, for refusals.
fn first_round() -> &'static str {
    static RUN: OnceLock<String> = OnceLock::new();
    RUN.get_or_init(|| parked("changes-parked", CHANGES))
}

/// `orca request-changes ID --as BY --comment TEXT`.
fn request_changes(env: &Env, id: &str, by: &str, comment: &str) -> Done {
    env.orca(["request-changes", id, "--as", by, "--comment", comment])
        .ok()
}

/// Waits until run `id` waits at its gate's `opening`-th opening.
fn reopened(env: &Env, id: &str, opening: u64) -> Value {
    env.wait_status(id, Duration::from_secs(30), |s| {
        s["phase"] == "awaiting_approval" && s["approval"]["opening"] == opening
    })
}

#[test]
fn request_changes_sends_the_run_back_with_the_feedback() {
    let env = shared();
    let id = parked("changes-back", CHANGES);
    let first = env.status(&id);
    assert_eq!(first["approval"]["round"], 1, "{first:#}");
    assert_eq!(first["approval"]["max_rounds"], 2, "{first:#}");
    request_changes(env, &id, "bob", "split batch 3");
    let status = reopened(env, &id, 2);
    assert_eq!(status["approval"]["round"], 2, "{status:#}");
    let draft = step(&status, "draft")["summary"]
        .as_str()
        .unwrap_or_default();
    assert!(
        draft.contains("draft (feedback: split batch 3, round 2)"),
        "the draft did not run again with the feedback: {status:#}"
    );
    env.orca(["approve", &id, "--as", "alice"]).ok();
    env.orca(["approve", &id, "--as", "carol"]).ok();
    let result = env
        .orca(["wait", &id, "-o", "json"])
        .run_within(Duration::from_secs(30))
        .json();
    let steps = &result["steps"];
    assert_eq!(
        steps["ship"]["action"], "ship after round 2: split batch 3",
        "{result:#}"
    );
    let review = &steps["review"];
    assert_eq!(review["feedback"], "split batch 3", "{result:#}");
    assert_eq!(review["round"], 2, "{result:#}");
    let rounds = review["rounds"].as_array().unwrap();
    assert_eq!(rounds.len(), 1, "{result:#}");
    assert_eq!(
        (&rounds[0]["by"], &rounds[0]["round"]),
        (&json!("bob"), &json!(1))
    );
}

/// `orca history` shows the request for changes (where the run went
/// back to) and the round the gate opened in again.
#[test]
fn history_shows_the_request_and_the_round() {
    let env = shared();
    let id = parked("changes-history", CHANGES);
    request_changes(env, &id, "bob", "split batch 3");
    reopened(env, &id, 2);
    history_has(
        env,
        &id,
        "request_changes",
        "by bob: split batch 3 — back to `draft` (round 1 of 2)",
    );
    history_has(env, &id, "round", "round 2 of 2");
    env.orca(["terminate", &id, "--yes"]).ok();
}

/// Votes of an earlier round do not carry over: alice's approval is gone,
/// she may approve again, and a quorum needs two fresh votes.
#[test]
fn a_reopened_quorum_gate_needs_fresh_votes() {
    let env = shared();
    let id = parked("changes-fresh", CHANGES);
    env.orca(["approve", &id, "--as", "alice"]).ok();
    request_changes(env, &id, "bob", "one more pass");
    let status = reopened(env, &id, 2);
    assert_eq!(status["approval"]["votes"], json!([]), "{status:#}");
    assert_eq!(
        status["approval"]["waiting_on"],
        json!(["alice", "bob", "carol"]),
        "{status:#}"
    );
    env.orca(["approve", &id, "--as", "alice"])
        .ok()
        .stdout_has("1 of 2");
    assert_eq!(env.status(&id)["phase"], "awaiting_approval");
    env.orca(["approve", &id, "--as", "carol"]).ok();
    let status = env.wait_phase(&id, "completed");
    let votes = status["approval"]["decision"]["votes"].as_array().unwrap();
    let voters: Vec<&Value> = votes.iter().map(|v| &v["by"]).collect();
    assert_eq!(voters, [&json!("alice"), &json!("carol")], "{status:#}");
}

#[test]
fn request_changes_is_refused_in_the_last_round() {
    let env = shared();
    let id = parked("changes-last", CHANGES);
    request_changes(env, &id, "bob", "first pass");
    reopened(env, &id, 2);
    refused(
        env,
        &[
            "request-changes",
            &id,
            "--as",
            "carol",
            "--comment",
            "again",
        ],
        "gate `review` is in its last round (2 of 2): approve or reject it",
    );
    let request = json!({"by": "carol", "comment": "again"});
    refused_via_temporal(
        env,
        &id,
        "request_changes",
        &request,
        "RoundsExhausted",
        "last round",
    );
    let status = env.status(&id);
    assert_eq!(status["approval"]["round"], 2, "{status:#}");
    no_votes(env, &id);
}

#[test]
fn request_changes_is_refused_where_the_gate_sets_no_on_changes() {
    let env = shared();
    let file = gate_pipeline(env, "no-changes", "approvers = [\"alice\"]", "");
    let id = &env.start(&[&file]);
    env.wait_phase(id, "awaiting_approval");
    let reason = "gate `gate` does not take a request for changes: the step sets no on_changes";
    refused(
        env,
        &["request-changes", id, "--as", "alice", "--comment", "redo"],
        reason,
    );
    let request = json!({"by": "alice", "comment": "redo"});
    refused_via_temporal(
        env,
        id,
        "request_changes",
        &request,
        "ChangesNotAllowed",
        reason,
    );
    no_votes(env, id);
}

/// A request for changes says what to change; blank feedback is none.
#[test]
fn request_changes_without_feedback_is_refused() {
    let request = json!({"by": "bob", "comment": "  "});
    refused_via_temporal(
        shared(),
        first_round(),
        "request_changes",
        &request,
        "ChangesNotAllowed",
        "say what to change",
    );
    assert_eq!(shared().status(first_round())["approval"]["opening"], 1);
}

#[test]
fn request_changes_from_someone_not_allowed_is_refused() {
    refused(
        shared(),
        &[
            "request-changes",
            first_round(),
            "--as",
            "mallory",
            "--comment",
            "no",
        ],
        "mallory may not decide",
    );
    assert_eq!(shared().status(first_round())["approval"]["opening"], 1);
}

/// The `total` of step `id`'s progress, once it has one.
fn progress_total(status: &Value, id: &str) -> Option<u64> {
    let rows = status["steps"].as_array()?;
    let row = rows.iter().find(|row| row["id"] == id)?;
    row["progress"]["total"].as_u64()
}

/// The built-in `agent-task`: changes requested at its plan review send
/// the run back to the planner, whose new plan has a batch for the
/// feedback; the run executes that plan once it is accepted.
#[test]
fn agent_task_request_changes_yields_a_new_plan() {
    let env = shared();
    let id = env.start(&["agent-task", "--input", "title=t"]);
    let first = env.wait_phase(&id, "awaiting_approval");
    let first_plan = first["approval"]["prompt"].as_str().unwrap().to_string();
    assert!(!first_plan.contains("split batch 3"), "{first_plan}");
    request_changes(env, &id, "alice", "split batch 3");
    let second = reopened(env, &id, 2);
    let second_plan = second["approval"]["prompt"].as_str().unwrap();
    assert!(
        second_plan.contains("revise: split batch 3"),
        "the plan did not change with the feedback: {second_plan}"
    );
    env.status_text(&id).stdout_has("round 2 of 3");
    env.orca(["approve", &id, "--as", "bob"]).ok();
    let running = env.wait_status(&id, Duration::from_secs(30), |s| {
        progress_total(s, "execute").is_some()
    });
    assert_eq!(progress_total(&running, "execute"), Some(5), "{running:#}");
    env.orca(["terminate", &id, "--yes"]).ok();
}

/// `agent-task` takes three rounds at most: two requests for changes,
/// then only approve or reject.
#[test]
fn agent_task_takes_three_rounds_at_most() {
    let env = shared();
    let id = env.start(&["agent-task", "--input", "title=t"]);
    env.wait_phase(&id, "awaiting_approval");
    for (opening, feedback) in [(2, "split batch 3"), (3, "add tests")] {
        request_changes(env, &id, "alice", feedback);
        let status = reopened(env, &id, opening);
        let plan = status["approval"]["prompt"].as_str().unwrap_or_default();
        assert!(plan.contains(&format!("revise: {feedback}")), "{plan}");
    }
    refused(
        env,
        &[
            "request-changes",
            &id,
            "--as",
            "alice",
            "--comment",
            "once more",
        ],
        "gate `accept` is in its last round (3 of 3): approve or reject it",
    );
    no_votes(env, &id);
    env.orca(["terminate", &id, "--yes"]).ok();
}

/// The gate's webhook is dead, so its first opening's notification is
/// still retrying when the run comes back to the gate: the second opening
/// notifies again without clashing with it (activity IDs are per opening),
/// and no workflow task fails on the way.
#[test]
fn a_gate_reopened_while_its_webhook_retries_opens_again_cleanly() {
    let env = shared();
    let dead = format!("http://127.0.0.1:{}/dead", free_port());
    let toml = CHANGES.replacen(
        "max_rounds = 2",
        &format!("max_rounds = 2\nnotify = [{{ url = \"{dead}\" }}]"),
        1,
    );
    let id = parked("changes-dead-hook", &toml);
    request_changes(env, &id, "bob", "again");
    reopened(env, &id, 2);
    let history = env.orca(["history", &id, "-o", "json"]).ok().json();
    let failed: Vec<&Value> = history
        .as_array()
        .unwrap()
        .iter()
        .filter(|e| e["event"] == "task_failed")
        .collect();
    assert!(failed.is_empty(), "workflow tasks failed: {failed:#?}");
    env.orca(["terminate", &id, "--yes"]).ok();
}

/// A gate that may send the run back but is approved in its first round
/// still gives its `feedback` (null), `round` and `rounds`, which a later
/// step may read.
#[test]
fn a_gate_approved_in_its_first_round_still_says_its_round() {
    let env = shared();
    let id = parked("changes-first-round", CHANGES);
    env.orca(["approve", &id, "--as", "alice"]).ok();
    env.orca(["approve", &id, "--as", "carol"]).ok();
    let result = env
        .orca(["wait", &id, "-o", "json"])
        .run_within(Duration::from_secs(30))
        .json();
    let review = &result["steps"]["review"];
    assert_eq!(
        (&review["feedback"], &review["round"], &review["rounds"]),
        (&Value::Null, &json!(1), &json!([])),
        "{result:#}"
    );
    assert_eq!(result["steps"]["ship"]["action"], "ship after round 1: ");
}

/// Two gates send the run back to the same step, which reads the first
/// gate's feedback: a request at the second keeps the first's feedback
/// readable, and the first gate opens again.
#[test]
fn a_second_gate_sending_the_run_back_keeps_the_first_gates_feedback() {
    let env = shared();
    let twice = "name = \"twice\"\n[[steps]]\nid = \"plan\"\nkind = \"agent\"\naction = \"plan ({{ steps.first.output.feedback }})\"\nduration = \"100ms\"\n\n[[steps]]\nid = \"first\"\nkind = \"approval\"\nprompt = \"Plan ok?\"\non_changes = \"plan\"\n\n[[steps]]\nid = \"second\"\nkind = \"approval\"\nprompt = \"Build ok?\"\non_changes = \"plan\"\n";
    let id = parked("changes-twice", twice);
    env.orca(["approve", &id, "--as", "alice"]).ok();
    env.wait_status(&id, Duration::from_secs(30), |s| {
        s["phase"] == "awaiting_approval" && s["approval"]["step"] == "second"
    });
    request_changes(env, &id, "bob", "rebuild");
    let status = env.wait_status(&id, Duration::from_secs(30), |s| {
        s["phase"] == "awaiting_approval" && s["approval"]["step"] == "first"
    });
    assert_eq!(step(&status, "plan")["state"], "completed", "{status:#}");
    assert_eq!(status["approval"]["opening"], 2, "{status:#}");
    env.orca(["terminate", &id, "--yes"]).ok();
}
