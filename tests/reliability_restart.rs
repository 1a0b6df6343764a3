//! Reliability: the server goes away. A `foreach` of real commands survives
//! the dev server killed with SIGKILL and restarted on its database file; the
//! worker reconnects by itself, and clients fail fast (exit 6) meanwhile.

use std::time::Duration;

use crate::{
    common::*,
    reliability_crash::{ITEMS, assert_each_item_once, foreach_pipeline, wait_mid_item},
};

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
    let starts = env.path("starts.log");
    let file = foreach_pipeline(&env, &out, &starts);
    let worker = env.worker_with(&["--allow-commands"]);
    let id = env.start(&[&file]);
    wait_mid_item(&env, &id, &out, &starts);
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
    let status = env.wait_status(&id, Duration::from_secs(90), |s| {
        s["phase"] == "completed" && s["live"] == true
    });
    assert_eq!(status["progress"]["done"], ITEMS);
    assert_each_item_once(&out);
    assert!(alive(worker.pid()), "the worker survived the outage");
    let _ = server.kill();
    let _ = server.wait();
}
