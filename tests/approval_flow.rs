//! The sample flow end to end: policy, human gate, agent work.

use std::time::Duration;

use crate::common::*;

const LONG: Duration = Duration::from_secs(60);

#[test]
fn approved_run_completes_with_exit_0() {
    let env = Env::new();
    let _worker = env.worker();
    let waiting = env
        .orca([
            "start",
            "sample",
            "--input",
            "task=write the report",
            "--wait",
            "--id",
        ])
        .arg("approve-me")
        .spawn();
    let status = env.wait_phase("approve-me", "awaiting_approval");
    assert_eq!(status["approval"]["prompt"], "Run task 'write the report'?");
    assert_eq!(step(&status, "policy")["state"], "completed");
    assert_eq!(step(&status, "approval")["state"], "waiting");

    let decided = env
        .orca([
            "approve",
            "approve-me",
            "--comment",
            "go",
            "--as",
            "alice",
            "-o",
            "json",
        ])
        .ok()
        .json();
    assert_eq!(decided["decision"], "approved");
    assert_eq!(decided["by"], "alice");
    assert_eq!(decided["comment"], "go");

    let done = waiting.finish(LONG);
    assert_eq!(done.code, 0, "{done}");
    assert!(done.stdout.starts_with("approve-me\n"), "{done}");
    done.stdout_has("approve-me: completed");
    done.stdout_has("simulated agent completed: carry out: write the report");

    let status = env.status("approve-me");
    assert_eq!(status["phase"], "completed");
    assert_eq!(status["outcome"], "completed");
    assert_eq!(status["temporal_status"], "completed");
    assert_eq!(status["approval"]["decision"]["by"], "alice");
    assert_eq!(step(&status, "work")["state"], "completed");
}

#[test]
fn rejected_run_exits_3_with_outcome_rejected() {
    let env = Env::new();
    let _worker = env.worker();
    let waiting = env
        .orca([
            "start",
            "sample",
            "--input",
            "task=x",
            "--wait",
            "-o",
            "json",
            "--id",
            "reject-me",
        ])
        .spawn();
    env.wait_phase("reject-me", "awaiting_approval");
    env.orca([
        "reject",
        "reject-me",
        "--reason",
        "not today",
        "--as",
        "bob",
    ])
    .ok()
    .stdout_has("rejected reject-me at step `approval` as bob: not today");

    let done = waiting.finish(LONG);
    assert_eq!(done.code, 3, "{done}");
    let result = done.json();
    assert_eq!(result["outcome"], "rejected");
    assert_eq!(result["workflow_id"], "reject-me");
    assert_eq!(result["steps"]["approval"]["decision"], "rejected");
    assert_eq!(result["steps"]["approval"]["comment"], "not today");
    assert!(
        result["steps"].get("work").is_none(),
        "work must not run: {result}"
    );
    done.clean_error()
        .stderr_has("ended rejected (by bob: not today)");
}

#[test]
fn forbidden_task_is_denied_without_waiting_for_approval() {
    let env = Env::new();
    let _worker = env.worker();
    let done = env
        .orca([
            "start",
            "sample",
            "--input",
            "task=forbidden: drop the database",
            "--wait",
            "--id",
            "deny-me",
        ])
        .run_within(Duration::from_secs(30));
    assert_eq!(done.code, 3, "{done}");
    done.stdout_has("deny-me: denied");
    done.stdout_has("\"rule\":\"(?i)^forbidden\"");

    let status = env.status("deny-me");
    assert_eq!(status["phase"], "denied");
    assert!(
        status["approval"].is_null(),
        "never asked for approval: {status}"
    );
    assert_eq!(step(&status, "policy")["state"], "refused");
    assert_eq!(step(&status, "approval")["state"], "skipped");

    // Nothing to approve: the refusal says why.
    env.orca(["approve", "deny-me"])
        .code(7)
        .clean_error()
        .stderr_has("already finished (denied)");
}

#[test]
fn second_decision_is_refused_with_exit_7() {
    let env = Env::new();
    let _worker = env.worker();
    let id = env.start(&["sample", "--input", "task=once"]);
    env.wait_phase(&id, "awaiting_approval");
    env.orca(["approve", &id, "--as", "alice"]).ok();
    // Whichever state the run is in by now (approved gate, or finished),
    // the second decision is a conflict with the reason in words.
    let second = env.orca(["approve", &id, "--as", "bob"]).code(7);
    second.clean_error();
    assert!(
        second.stderr.contains("already approved by alice")
            || second.stderr.contains("already finished (completed)"),
        "{second}"
    );
    let reject = env.orca(["reject", &id, "--as", "bob"]).code(7);
    reject.clean_error();
}

#[test]
fn named_approvers_are_enforced_and_early_decisions_refused() {
    let env = Env::new();
    let _worker = env.worker();
    let id = env.start(&["tests/fixtures/gated.toml"]);
    // The first step takes 4 s: the run is not waiting yet.
    env.orca(["approve", &id, "--as", "alice"])
        .code(7)
        .clean_error()
        .stderr_has("not awaiting approval (phase: running)");

    let status = env.wait_phase(&id, "awaiting_approval");
    assert_eq!(
        status["approval"]["approvers"],
        serde_json::json!(["alice", "carol"])
    );
    env.orca(["approve", &id, "--as", "mallory"])
        .code(7)
        .clean_error()
        .stderr_has("mallory may not decide step `gate` (approvers: alice, carol)");
    // The refusal recorded nothing: the gate is still open.
    assert!(env.status(&id)["approval"]["decision"].is_null());

    env.orca(["approve", &id, "--as", "carol"]).ok();
    env.wait_phase(&id, "completed");
}

#[test]
fn status_json_has_the_documented_fields() {
    let env = Env::new();
    let _worker = env.worker();
    let id = env.start(&["sample", "--input", "task=fields"]);
    let status = env.wait_phase(&id, "awaiting_approval");
    for field in [
        "workflow_id",
        "run_id",
        "workflow_type",
        "temporal_status",
        "pipeline",
        "phase",
        "started_at",
        "requested_by",
        "current_step",
        "input",
        "steps",
        "approval",
        "paused",
        "stop_requested",
        "live",
    ] {
        assert!(
            status.get(field).is_some(),
            "missing `{field}` in {status:#}"
        );
    }
    assert_eq!(status["workflow_id"], id.as_str());
    assert_eq!(status["workflow_type"], "Pipeline");
    assert_eq!(status["temporal_status"], "running");
    assert_eq!(status["pipeline"], "sample");
    assert_eq!(status["requested_by"], "tester");
    assert_eq!(status["current_step"], "approval");
    assert_eq!(status["input"]["task"], "fields");
    assert_eq!(status["live"], true);
    let policy = step(&status, "policy");
    for field in [
        "id",
        "kind",
        "state",
        "attempts",
        "started_at",
        "finished_at",
        "summary",
    ] {
        assert!(
            policy.get(field).is_some(),
            "missing steps[].{field} in {policy:#}"
        );
    }

    // Text output shows the same run for people.
    let text = env.status_text(&id);
    text.stdout_has("awaiting_approval");
    text.stdout_has(&format!("orca approve {id}"));
}

#[test]
fn status_without_a_worker_shows_the_server_view_and_does_not_hang() {
    let env = Env::new();
    // No worker on this task queue: the run sits unstarted.
    let id = env.start(&["sample", "--input", "task=nobody home"]);
    let done = env
        .orca(["status", &id, "-o", "json"])
        .run_within(Duration::from_secs(10));
    assert_eq!(done.code, 0, "{done}");
    let status = done.json();
    assert_eq!(status["live"], false);
    assert_eq!(status["pipeline"], "sample");
    assert_eq!(status["phase"], "running");
    env.orca(["status", &id])
        .ok()
        .stdout_has("live detail unavailable");
}

#[test]
fn unknown_ids_are_exit_5() {
    let env = Env::new();
    for args in [
        vec!["status", "no-such-run"],
        vec!["approve", "no-such-run"],
        vec!["reject", "no-such-run"],
        vec!["pause", "no-such-run"],
    ] {
        env.orca(&args)
            .code(5)
            .clean_error()
            .stderr_has("no run with ID `no-such-run`");
    }
}

#[test]
fn gate_timeout_rejects_by_default() {
    let env = Env::new();
    let _worker = env.worker();
    let file = env.write(
        "timeout.toml",
        r#"
name = "timeout"
[[steps]]
id = "gate"
kind = "approval"
prompt = "anyone?"
timeout = "1s"
"#,
    );
    let done = env
        .orca(["start"])
        .arg(&file)
        .arg("--wait")
        .run_within(Duration::from_secs(30));
    assert_eq!(done.code, 3, "{done}");
    done.stdout_has("timed out: rejected by on_timeout");
}

/// The contract, driven by the official `temporal` CLI instead of orca: the
/// gate's rules hold whichever client sends the update.
#[test]
fn the_official_cli_can_drive_a_run_and_is_held_to_the_gate_rules() {
    let env = Env::new();
    let _worker = env.worker();
    let spec = env
        .orca([
            "pipelines",
            "show",
            "tests/fixtures/gated.toml",
            "-o",
            "json",
        ])
        .ok()
        .json();
    let input =
        serde_json::json!({"pipeline": spec, "input": {"what": "v2"}, "requested_by": "ci"});
    let temporal = |args: &[&str]| {
        let done = env.temporal(args).run();
        (done.code, done.stdout + &done.stderr)
    };
    let (code, text) = temporal(&[
        "workflow",
        "start",
        "--type",
        "Pipeline",
        "--task-queue",
        &env.task_queue,
        "--workflow-id",
        "foreign-1",
        "--input",
        &input.to_string(),
    ]);
    assert_eq!(code, 0, "{text}");
    env.wait_phase("foreign-1", "awaiting_approval");

    let (code, text) = temporal(&[
        "workflow",
        "update",
        "execute",
        "--workflow-id",
        "foreign-1",
        "--name",
        "approve",
        "--input",
        r#"{"by": "mallory"}"#,
    ]);
    assert_ne!(code, 0, "a non-approver must be refused: {text}");
    assert!(text.contains("mallory may not decide"), "{text}");
    assert!(env.status("foreign-1")["approval"]["decision"].is_null());

    let (code, text) = temporal(&[
        "workflow",
        "update",
        "execute",
        "--workflow-id",
        "foreign-1",
        "--name",
        "approve",
        "--input",
        r#"{"by": "alice", "comment": "via temporal"}"#,
    ]);
    assert_eq!(code, 0, "{text}");
    let status = env.wait_phase("foreign-1", "completed");
    assert_eq!(status["approval"]["decision"]["comment"], "via temporal");
    assert_eq!(status["requested_by"], "ci");
}
