//! Reliability: graceful shutdown. SIGTERM lets running steps finish (their
//! activity completes, it is not failed or retried) and the worker exits 0;
//! a second signal, or the end of `--shutdown-grace`, stops it at once.

use std::time::{Duration, Instant};

use crate::common::*;

fn slow_command(env: &Env, seconds: &str) -> String {
    env.pipeline(
        &format!("slow-{}", seconds.replace('.', "-")),
        &format!(
            "name = \"slow\"\n[[steps]]\nid = \"long\"\nkind = \"command\"\nshell = \"sleep {seconds} && echo finished\"\nretry = {{ attempts = 2 }}\n\n[[steps]]\nid = \"after\"\nkind = \"agent\"\naction = \"after\"\nduration = \"100ms\"\n"
        ),
    )
}

#[test]
fn sigterm_lets_a_running_command_finish_and_exits_0() {
    let env = Env::new();
    let file = slow_command(&env, "8");
    let mut worker = env.worker_with(&["--allow-commands", "--shutdown-grace", "20s"]);
    let id = env.start(&[&file]);
    env.wait_status(&id, Duration::from_secs(20), |s| {
        s["steps"][0]["state"] == "running"
    });
    std::thread::sleep(Duration::from_millis(500));

    let signalled = Instant::now();
    worker.signal(libc::SIGTERM);
    let code = worker.wait_exit(Duration::from_secs(20));
    assert_eq!(code, 0, "{}", worker.log());
    assert!(
        signalled.elapsed() < Duration::from_secs(20),
        "within the grace period"
    );
    assert!(
        signalled.elapsed() >= Duration::from_secs(3),
        "it waited for the command"
    );

    // The next worker finishes the run; the drained step was not run again.
    let _next = env.worker_with(&["--allow-commands"]);
    let status = env.wait_phase(&id, "completed");
    assert_eq!(status["steps"][0]["attempts"], 1, "{status:#}");
    let history = env.orca(["history", &id, "-o", "json"]).ok().json();
    let long: Vec<&serde_json::Value> = history
        .as_array()
        .unwrap()
        .iter()
        .filter(|e| e["step"] == "long")
        .collect();
    let kinds: Vec<&str> = long.iter().map(|e| e["event"].as_str().unwrap()).collect();
    assert_eq!(kinds, ["step_started", "step_completed"], "{history:#}");
}

#[test]
fn a_second_sigterm_stops_at_once() {
    let env = Env::new();
    let file = slow_command(&env, "30");
    let mut worker = env.worker_with(&["--allow-commands", "--shutdown-grace", "60s"]);
    let id = env.start(&[&file]);
    env.wait_status(&id, Duration::from_secs(20), |s| {
        s["steps"][0]["state"] == "running"
    });
    worker.signal(libc::SIGTERM);
    worker.wait_for_log("shutting down", Duration::from_secs(5));
    let second = Instant::now();
    worker.signal(libc::SIGTERM);
    worker.wait_exit(Duration::from_secs(10));
    assert!(
        second.elapsed() < Duration::from_secs(3),
        "took {:?}",
        second.elapsed()
    );
    assert!(worker.log().contains("second signal"), "{}", worker.log());
}

#[test]
fn the_end_of_the_grace_period_stops_it_and_kills_the_command() {
    let env = Env::new();
    let marker = format!("{}.515", 500 + std::process::id() % 90);
    let file = slow_command(&env, &marker);
    let mut worker = env.worker_with(&["--allow-commands", "--shutdown-grace", "2s"]);
    let id = env.start(&[&file]);
    env.wait_status(&id, Duration::from_secs(20), |s| {
        s["steps"][0]["state"] == "running"
    });
    let signalled = Instant::now();
    worker.signal(libc::SIGTERM);
    worker.wait_exit(Duration::from_secs(15));
    assert!(
        signalled.elapsed() < Duration::from_secs(10),
        "took {:?}",
        signalled.elapsed()
    );
    let deadline = Instant::now() + Duration::from_secs(5);
    while !processes_with(&format!("sleep {marker}")).is_empty() {
        assert!(
            Instant::now() < deadline,
            "the command outlived the worker's grace period"
        );
        std::thread::sleep(Duration::from_millis(100));
    }
    // The step is retried by the next worker, not lost.
    let _next = env.worker_with(&["--allow-commands"]);
    env.wait_status(&id, Duration::from_secs(30), |s| {
        s["steps"][0]["state"] == "running"
    });
    env.orca(["terminate", &id, "--yes"]).ok();
}
