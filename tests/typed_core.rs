//! Defects the typed core fixed, each as a user met it: `TEMPORAL_HOST` in
//! the form seed setups write it, listing and reading workflows that are
//! not orca's, and a failed loop saying why it failed.

use std::time::Duration;

use serde_json::json;

use crate::common::*;

#[test]
fn temporal_host_may_carry_its_port() {
    let env = Env::new();
    // `temporal:7233`, as seed setups write it; TEMPORAL_PORT is ignored then.
    env.orca(["list", "--limit", "1"])
        .env_remove("TEMPORAL_ADDRESS")
        .env("TEMPORAL_HOST", &env.address)
        .env("TEMPORAL_PORT", "1")
        .ok();
}

#[test]
fn temporal_host_without_a_port_takes_temporal_port() {
    let env = Env::new();
    let (host, port) = env.address.rsplit_once(':').unwrap();
    env.orca(["list", "--limit", "1"])
        .env_remove("TEMPORAL_ADDRESS")
        .env("TEMPORAL_HOST", host)
        .env("TEMPORAL_PORT", port)
        .ok();
}

#[test]
fn a_query_naming_a_workflow_type_lists_runs_that_are_not_orcas() {
    let env = Env::new();
    let workflow_type = format!("Greeting{}", env.task_queue.replace('-', ""));
    let id = env.start(&["--type", &workflow_type, "--args-json", "\"hi\""]);
    let query = format!("WorkflowType='{workflow_type}'");
    eventually(Duration::from_secs(30), "listed", || {
        env.list(&["--query", &query]).iter().any(|r| {
            r["workflow_id"] == id.as_str()
                && r["workflow_type"] == workflow_type.as_str()
                && r["temporal_status"] == "running"
        })
    });
    env.orca(["terminate", &id, "--yes"]).ok();
}

#[test]
fn status_of_a_finished_foreign_workflow_shows_its_result() {
    let env = Env::new();
    let mut python = std::process::Command::new("python3");
    python.args(["tests/fixtures/py_worker.py", &env.address, &env.task_queue]);
    let _python = Worker::spawn(python, "python worker ready");
    let id = env.start(&["--type", "PyWaiter", "--args-json", "\"hello\""]);
    env.orca(["approve", &id, "--signal", "approve", "--payload-json"])
        .arg(r#"{"by": "alice"}"#)
        .ok();
    env.orca(["wait", &id]).ok();
    let status = env.orca(["status", &id, "-o", "json"]).ok().json();
    assert_eq!(
        status["result"],
        json!({"greeting": "hello", "approved_by": "alice", "notes": []}),
        "{status:#}"
    );
    env.orca(["status", &id])
        .ok()
        .stdout_has("Result:")
        .stdout_has("\"approved_by\":\"alice\"");
}

#[test]
fn a_failed_loop_says_why_it_failed() {
    let env = Env::new();
    let _worker = env.worker_with(&["--allow-commands"]);
    // Item 0 succeeds (`exit 0 in …`), item 1 fails: the loop's row must
    // show item 1's failure, not item 0's summary.
    let file = env.pipeline(
        "half",
        "name = \"half\"\n[[steps]]\nid = \"each\"\nkind = \"foreach\"\ncount = 2\n[steps.step]\nkind = \"command\"\nshell = \"test {{ index }} -eq 0\"\nretry = { attempts = 1 }\n",
    );
    let done = env.run_to_end(&file, &["--id", "half-run"]);
    assert_eq!(done.code, 4, "{done}");
    let status = env.status("half-run");
    let row = step(&status, "each");
    assert_eq!(row["state"], "failed", "{status:#}");
    let text = env.status_text("half-run").stdout;
    let line = text
        .lines()
        .find(|l| l.trim_start().starts_with("each"))
        .unwrap_or_else(|| panic!("no row for `each`:\n{text}"));
    assert!(line.contains("item 1"), "{line}");
    assert!(!line.contains("exit 0"), "{line}");
}
