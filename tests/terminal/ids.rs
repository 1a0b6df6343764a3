//! IDs at the terminal: an ID whose run has finished is not silently
//! started again (`--id-reuse` asks for it), `status`/`history --run-id`
//! show an earlier run of an ID, `list` is newest first across open and
//! closed runs, and `start` says when no worker polls its task queue.

use std::time::Duration;

use serde_json::Value;

use crate::common::*;

/// A pipeline of one short step: a run of it finishes on its own.
fn quick(env: &Env, name: &str) -> String {
    env.pipeline(
        name,
        &format!(
            "name = \"{name}\"\n\n[[steps]]\nid = \"work\"\nkind = \"agent\"\naction = \"work\"\nduration = \"50ms\"\n"
        ),
    )
}

/// A pipeline that waits at a gate: a run of it stays open.
fn gated(env: &Env, name: &str) -> String {
    env.pipeline(
        name,
        &format!(
            "name = \"{name}\"\n\n[[steps]]\nid = \"gate\"\nkind = \"approval\"\nprompt = \"Go?\"\n"
        ),
    )
}

/// Runs `quick` under `id` to its end and returns the run's run ID.
fn finished_run(env: &Env, id: &str) -> String {
    let file = quick(env, &format!("quick-{}", env.task_queue));
    let done = env
        .orca(["start", &file, "--id", id, "--wait", "-o", "json"])
        .ok()
        .json();
    assert_eq!(done["outcome"], "completed", "{done:#}");
    done["run_id"].as_str().expect("run_id").to_string()
}

/// A finished run under `id`, then an open one started again under it with
/// `--id-reuse allow-duplicate`: the first run's run ID.
fn reused_id(env: &Env, id: &str) -> String {
    let first = finished_run(env, id);
    let file = gated(env, &format!("gated-{}", env.task_queue));
    env.orca(["start", &file, "--id", id, "--id-reuse", "allow-duplicate"])
        .ok();
    env.wait_phase(id, "awaiting_approval");
    first
}

/// The runs `orca list` shows for these workflow IDs, in its order.
fn listed(env: &Env, ids: &[&str]) -> Vec<Value> {
    let query = ids
        .iter()
        .map(|id| format!("WorkflowId = '{id}'"))
        .collect::<Vec<_>>()
        .join(" OR ");
    env.list(&["--query", &query])
}

#[test]
fn a_finished_runs_id_is_refused_with_exit_7() {
    let env = Env::new();
    let _worker = env.worker();
    let id = format!("reused-{}", env.task_queue);
    finished_run(&env, &id);

    let refused = env
        .orca(["start", "sample", "--input", "task=x", "--id", &id])
        .code(7);
    refused
        .clean_error()
        .stderr_has(&format!(
            "error: ID `{id}` was already used by a run that finished (completed)"
        ))
        .stderr_has("--id-reuse allow-duplicate");
    assert_eq!(refused.stdout, "", "{refused}");
    eventually(Duration::from_secs(30), "the first run listed", || {
        listed(&env, &[&id]).len() == 1
    });
    assert_eq!(listed(&env, &[&id]).len(), 1, "no second run of {id}");
}

#[test]
fn id_reuse_allow_duplicate_starts_a_second_run() {
    let env = Env::new();
    let _worker = env.worker();
    let id = format!("again-{}", env.task_queue);
    let first = finished_run(&env, &id);

    let started = env
        .orca(["start", "sample", "--input", "task=x", "--id", &id])
        .args(["--id-reuse", "allow-duplicate", "-o", "json"])
        .ok()
        .json();
    assert_eq!(started["workflow_id"], id.as_str());
    assert_ne!(
        started["run_id"],
        first.as_str(),
        "a second run: {started:#}"
    );
    eventually(Duration::from_secs(30), "both runs listed", || {
        listed(&env, &[&id]).len() == 2
    });
}

#[test]
fn status_run_id_shows_an_earlier_run_of_the_id() {
    let env = Env::new();
    let _worker = env.worker();
    let id = format!("status-run-{}", env.task_queue);
    let first = reused_id(&env, &id);

    let earlier = env
        .orca(["status", &id, "--run-id", &first, "-o", "json"])
        .ok()
        .json();
    assert_eq!(earlier["run_id"], first.as_str(), "{earlier:#}");
    assert_eq!(earlier["phase"], "completed", "{earlier:#}");
    assert_eq!(earlier["outcome"], "completed", "{earlier:#}");
    let latest = env.status(&id);
    assert_eq!(latest["phase"], "awaiting_approval", "{latest:#}");
}

#[test]
fn history_run_id_shows_an_earlier_run_of_the_id() {
    let env = Env::new();
    let _worker = env.worker();
    let id = format!("history-run-{}", env.task_queue);
    let first = reused_id(&env, &id);

    let events = |extra: &[&str]| -> Vec<String> {
        let history = env
            .orca(["history", &id, "-o", "json"])
            .args(extra)
            .ok()
            .json();
        history
            .as_array()
            .expect("entries")
            .iter()
            .map(|e| e["event"].as_str().unwrap_or_default().to_string())
            .collect()
    };
    let earlier = events(&["--run-id", &first]);
    assert!(earlier.contains(&"step_completed".into()), "{earlier:?}");
    assert!(earlier.contains(&"completed".into()), "{earlier:?}");
    assert!(
        !earlier.contains(&"approval_requested".into()),
        "{earlier:?}"
    );
    let latest = events(&[]);
    assert!(latest.contains(&"approval_requested".into()), "{latest:?}");
}

#[test]
fn an_unknown_run_id_is_not_found() {
    let env = Env::new();
    let _worker = env.worker();
    let id = format!("unknown-run-{}", env.task_queue);
    finished_run(&env, &id);

    let unknown = "3f0c1b9e-1111-4222-8333-444455556666";
    for command in ["status", "history"] {
        env.orca([command, &id, "--run-id", unknown])
            .code(5)
            .clean_error()
            .stderr_has(&format!("no run `{unknown}` of ID `{id}`"));
    }
}

#[test]
fn list_puts_a_newer_closed_run_before_an_older_open_one() {
    let env = Env::new();
    let _worker = env.worker();
    let older = format!("open-{}", env.task_queue);
    let newer = format!("closed-{}", env.task_queue);
    let file = gated(&env, &format!("gated-{}", env.task_queue));
    env.orca(["start", &file, "--id", &older]).ok();
    env.wait_phase(&older, "awaiting_approval");
    finished_run(&env, &newer);

    let ids = |runs: Vec<Value>| -> Vec<String> {
        runs.iter()
            .map(|r| r["workflow_id"].as_str().unwrap().to_string())
            .collect()
    };
    eventually(
        Duration::from_secs(30),
        "the closed run listed closed",
        || {
            listed(&env, &[&older, &newer])
                .iter()
                .any(|r| r["workflow_id"] == newer.as_str() && r["phase"] == "completed")
        },
    );
    assert_eq!(
        ids(listed(&env, &[&older, &newer])),
        [newer.clone(), older.clone()],
        "newest first"
    );
    let one = env.list(&[
        "--query",
        &format!("WorkflowId = '{older}' OR WorkflowId = '{newer}'"),
        "--limit",
        "1",
    ]);
    assert_eq!(ids(one), [newer], "--limit 1 is the newest");
}

#[test]
fn start_warns_when_no_worker_polls_its_task_queue() {
    let env = Env::new();
    let id = format!("unpolled-{}", env.task_queue);
    let alone = env
        .orca(["start", "sample", "--input", "task=x", "--id", &id])
        .ok();
    assert_eq!(alone.stdout, format!("{id}\n"), "{alone}");
    let warnings: Vec<&str> = alone.stderr.lines().collect();
    assert_eq!(warnings.len(), 1, "{alone}");
    assert!(warnings[0].starts_with("warning: "), "{alone}");
    assert!(
        warnings[0].contains(&format!("task queue `{}`", env.task_queue)),
        "{alone}"
    );
    alone.stderr_has(&format!("orca worker --task-queue {}", env.task_queue));

    // Once a worker polls (it took the first run), nothing to warn of.
    let _worker = env.worker();
    env.wait_phase(&id, "awaiting_approval");
    let polled = env.orca(["start", "sample", "--input", "task=y"]).ok();
    assert_eq!(polled.stderr, "", "{polled}");
}
