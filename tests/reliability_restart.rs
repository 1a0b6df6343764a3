//! Reliability: the server goes away. A `foreach` of real commands survives
//! the dev server killed with SIGKILL and restarted on its database file; the
//! worker reconnects by itself, and clients fail fast (exit 6) meanwhile.

use std::time::Duration;

use crate::{
    common::*,
    reliability_crash::{ITEMS, foreach_pipeline, lines, wait_mid_item},
};

#[test]
fn foreach_survives_the_server_killed_and_restarted_on_its_database() {
    let env = Env::new();
    let db = env.path("server.db");
    let (mut server, port) = start_private_server(&db, true);
    let mut env = env;
    env.address = format!("127.0.0.1:{port}");

    let out = env.path("items.log");
    let starts = env.path("starts.log");
    let file = foreach_pipeline(&env, &out, &starts);
    let worker = env.worker_with(&["--allow-commands"]);
    let id = env.start(&[&file]);
    let at_kill = wait_mid_item(&env, &id, &out, &starts);
    server.kill().unwrap();
    server.wait().unwrap();

    // While the server is down, clients fail fast with exit 6 instead of hanging.
    let down = env
        .orca(["status", &id, "--connect-timeout", "2s"])
        .run_within(Duration::from_secs(15));
    assert_eq!(down.code, 6, "{down}");
    assert!(down.elapsed < Duration::from_secs(8), "{:?}", down.elapsed);

    let mut server = restart_private_server(port, &db);
    // The same worker process reconnects by itself and finishes the run.
    let status = env.wait_status(&id, Duration::from_secs(90), |s| {
        s["phase"] == "completed" && s["live"] == true
    });
    assert_eq!(status["progress"]["done"], ITEMS);
    // Every item is there, and nothing finished before the outage ran
    // again. The two in flight when the server died finished during the
    // outage; if the restarted server fired their heartbeat timeout (5 s)
    // before the worker's late completions got through, Temporal ran them
    // again: its at-least-once contract for work in flight in an outage.
    let written = lines(&out);
    let mut distinct = written.clone();
    distinct.sort();
    distinct.dedup();
    assert_eq!(distinct.len(), ITEMS, "{written:?}");
    assert!(written.len() <= ITEMS + 2, "{written:?}");
    let done_before: Vec<&String> = written[..at_kill].iter().collect();
    for line in done_before {
        assert_eq!(
            written.iter().filter(|l| *l == line).count(),
            1,
            "{line} was recorded before the outage and ran again: {written:?}"
        );
    }
    assert!(alive(worker.pid()), "the worker survived the outage");
    let _ = server.kill();
    let _ = server.wait();
}
