//! Crash safety: a `foreach` of real commands survives a worker killed with
//! SIGKILL and a server killed and restarted on its database file. Every item
//! runs, and no finished item runs again (each appends one line to a file).

use std::{
    path::Path,
    time::{Duration, Instant},
};

use crate::common::*;

const ITEMS: usize = 20;

fn foreach_pipeline(env: &Env, out: &Path) -> String {
    env.pipeline(
        "batch",
        &format!(
            r#"
name = "batch"
[[steps]]
id = "items"
kind = "foreach"
count = {ITEMS}
concurrency = 2
[steps.step]
kind = "command"
shell = "sleep 0.3 && echo item-{{{{ index }}}} >> {out}"
"#,
            out = out.display()
        ),
    )
}

fn lines(path: &Path) -> Vec<String> {
    std::fs::read_to_string(path)
        .unwrap_or_default()
        .lines()
        .map(str::to_string)
        .collect()
}

#[track_caller]
fn wait_for_lines(path: &Path, at_least: usize) {
    let started = Instant::now();
    while lines(path).len() < at_least {
        assert!(
            started.elapsed() < Duration::from_secs(30),
            "only {} lines",
            lines(path).len()
        );
        std::thread::sleep(Duration::from_millis(20));
    }
}

#[track_caller]
fn assert_each_item_once(path: &Path) {
    let mut seen = lines(path);
    let total = seen.len();
    seen.sort();
    seen.dedup();
    assert_eq!(seen.len(), ITEMS, "distinct items: {seen:?}");
    assert_eq!(total, ITEMS, "an item ran twice: {:?}", lines(path));
}

#[test]
fn foreach_survives_a_worker_killed_with_sigkill() {
    let env = Env::new();
    let out = env.path("items.log");
    let file = foreach_pipeline(&env, &out);
    let mut first = env.worker_with(&["--allow-commands"]);
    let id = env.start(&[&file]);
    wait_for_lines(&out, 4);
    // Mid-way through the next pair of items: they are sleeping, not writing.
    std::thread::sleep(Duration::from_millis(150));
    first.kill9();
    let written = lines(&out).len();
    assert!(
        written < ITEMS,
        "killed too late to prove anything ({written} lines)"
    );

    let _second = env.worker_with(&["--allow-commands"]);
    let status = env.wait_status(&id, Duration::from_secs(60), |s| s["phase"] == "completed");
    assert_eq!(status["progress"]["done"], ITEMS);
    assert_each_item_once(&out);
}

#[test]
fn foreach_survives_the_server_killed_and_restarted_on_its_database() {
    let env = Env::new();
    let port = free_port();
    let db = env.path("server.db");
    let mut server = spawn_dev_server(port, &db, None);
    wait_for_port(port, Duration::from_secs(60));
    let mut env = env;
    env.address = format!("127.0.0.1:{port}");

    let out = env.path("items.log");
    let file = foreach_pipeline(&env, &out);
    let worker = env.worker_with(&["--allow-commands"]);
    let id = env.start(&[&file]);
    wait_for_lines(&out, 4);
    std::thread::sleep(Duration::from_millis(150));
    server.kill().unwrap();
    server.wait().unwrap();

    // While the server is down, clients fail fast with exit 6 instead of hanging.
    let down = env
        .orca(["status", &id, "--connect-timeout", "2s"])
        .run_within(Duration::from_secs(15));
    assert_eq!(down.code, 6, "{down}");
    assert!(down.elapsed < Duration::from_secs(5), "{:?}", down.elapsed);

    let mut server = spawn_dev_server(port, &db, None);
    wait_for_port(port, Duration::from_secs(60));
    // The same worker process reconnects by itself and finishes the run.
    let status = env.wait_status(&id, Duration::from_secs(90), |s| s["phase"] == "completed");
    assert_eq!(status["progress"]["done"], ITEMS);
    assert_each_item_once(&out);
    assert!(alive(worker.pid()), "the worker survived the outage");
    let _ = server.kill();
    let _ = server.wait();
}
