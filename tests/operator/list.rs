//! `orca list`: filters by pipeline, phase, status, query and limit, the
//! inbox (`--awaiting-approval`), and its JSON, JSONL and text forms.

use std::time::Duration;

use super::unique_gate;
use crate::common::*;

#[test]
fn list_filters_runs_and_shows_the_inbox() {
    let env = Env::new();
    let _worker = env.worker();
    let name = format!("inbox-{}", env.task_queue);
    let file = unique_gate(&env, &name);
    let a = env.start(&[&file, "--input", "n=1"]);
    let b = env.start(&[&file, "--input", "n=2"]);
    env.wait_phase(&a, "awaiting_approval");
    env.wait_phase(&b, "awaiting_approval");
    env.orca(["approve", &a]).ok();
    env.wait_phase(&a, "completed");

    let list = |extra: &[&str]| {
        let mut args = vec!["list", "--pipeline", &name, "-o", "json"];
        args.extend_from_slice(extra);
        let runs = env.orca(args).ok().json();
        runs.as_array()
            .unwrap()
            .iter()
            .map(|r| r["workflow_id"].as_str().unwrap().to_string())
            .collect::<Vec<_>>()
    };
    eventually(Duration::from_secs(30), "listed with their phases", || {
        list(&["--phase", "completed"]) == vec![a.clone()]
            && list(&["--awaiting-approval"]) == vec![b.clone()]
    });
    assert_eq!(list(&[]), vec![b.clone(), a.clone()], "newest first");
    assert_eq!(list(&["--awaiting-approval"]), vec![b.clone()]);
    assert_eq!(list(&["--phase", "completed"]), vec![a.clone()]);
    assert_eq!(list(&["--status", "running"]), vec![b.clone()]);
    assert_eq!(list(&["--limit", "1"]), vec![b.clone()]);
    assert_eq!(
        list(&["--query", &format!("WorkflowId = '{a}'")]),
        vec![a.clone()]
    );

    let rows = env
        .orca(["list", "--pipeline", &name, "-o", "json"])
        .ok()
        .json();
    let waiting = &rows[0];
    assert_eq!(waiting["phase"], "awaiting_approval");
    assert_eq!(waiting["prompt"], "Item 2?");
    assert_eq!(waiting["pipeline"], name.as_str());
    for field in [
        "workflow_id",
        "run_id",
        "workflow_type",
        "temporal_status",
        "started_at",
        "closed_at",
        "progress",
    ] {
        assert!(waiting.get(field).is_some(), "missing {field}: {waiting}");
    }
    let lines = env.orca(["list", "--pipeline", &name, "-o", "jsonl"]).ok();
    assert_eq!(lines.stdout.lines().count(), 2);
    let text = env
        .orca(["list", "--awaiting-approval", "--pipeline", &name])
        .ok();
    text.stdout_has(&b).stdout_has("Item 2?");
    env.orca(["list", "--query", "this is not a query"])
        .code(2)
        .clean_error()
        .stderr_has("the server refused the query");
}
