//! Reliability: graceful shutdown. SIGTERM lets running steps finish (their
//! activity completes, it is not failed or retried) and the worker exits 0;
//! a second signal, or the end of `--shutdown-grace`, stops it at once.

use std::time::{Duration, Instant};

use crate::common::*;

/// A run of `sleep SECONDS`, then a short step. `seconds` doubles as a
/// marker: `sleep 8.437` is this test's process and no other's.
fn slow_command(env: &Env, seconds: &str) -> String {
    env.pipeline(
        &format!("slow-{}", seconds.replace('.', "-")),
        &format!(
            "name = \"slow\"\n[[steps]]\nid = \"long\"\nkind = \"command\"\nshell = \"sleep {seconds} && echo finished\"\nretry = {{ attempts = 2 }}\n\n[[steps]]\nid = \"after\"\nkind = \"agent\"\naction = \"after\"\nduration = \"100ms\"\n"
        ),
    )
}

/// A marker unique to this process and call: `sleep` seconds of `base`
/// plus a fraction no other test uses.
fn marker(base: u32, tag: u32) -> String {
    format!("{base}.{}{tag}", 100 + std::process::id() % 800)
}

#[test]
fn sigterm_lets_a_running_command_finish_and_exits_0() {
    let env = Env::new();
    let seconds = marker(8, 1);
    let file = slow_command(&env, &seconds);
    let mut worker = env.worker_with(&["--allow-commands", "--shutdown-grace", "20s"]);
    let id = env.start(&[&file]);
    // The command itself is running (not only its activity scheduled).
    eventually(Duration::from_secs(20), "the command running", || {
        !processes_with(&format!("sleep {seconds}")).is_empty()
    });

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
    assert_eq!(step(&status, "long")["attempts"], 1, "{status:#}");
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
fn a_second_sigterm_stops_at_once_and_kills_the_command() {
    second_sigterm_stops_at_once("60s", 2);
}

/// The longest grace a user can type: the worker still ends on a second
/// signal (no overflow reckoning when it must stop).
#[test]
fn a_second_sigterm_stops_at_once_whatever_the_grace() {
    second_sigterm_stops_at_once("18446744073709551615s", 4);
}

fn second_sigterm_stops_at_once(grace: &str, tag: u32) {
    let env = Env::new();
    let seconds = marker(30, tag);
    let file = slow_command(&env, &seconds);
    let mut worker = env.worker_with(&["--allow-commands", "--shutdown-grace", grace]);
    env.start(&[&file]);
    let command = format!("sleep {seconds}");
    eventually(Duration::from_secs(20), "the command running", || {
        !processes_with(&command).is_empty()
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
    assert!(!worker.log().contains("panicked"), "{}", worker.log());
    // The command's process group went with the worker.
    eventually(Duration::from_secs(5), "the command gone", || {
        processes_with(&command).is_empty()
    });
}

#[test]
fn the_end_of_the_grace_period_stops_it_and_kills_the_command() {
    let env = Env::new();
    let seconds = marker(500, 3);
    let file = slow_command(&env, &seconds);
    let mut worker = env.worker_with(&["--allow-commands", "--shutdown-grace", "2s"]);
    let id = env.start(&[&file]);
    let command = format!("sleep {seconds}");
    eventually(Duration::from_secs(20), "the command running", || {
        !processes_with(&command).is_empty()
    });
    let signalled = Instant::now();
    worker.signal(libc::SIGTERM);
    worker.wait_exit(Duration::from_secs(15));
    assert!(
        signalled.elapsed() < Duration::from_secs(10),
        "took {:?}",
        signalled.elapsed()
    );
    eventually(
        Duration::from_secs(5),
        "the command gone with the worker's grace period",
        || processes_with(&command).is_empty(),
    );
    // The step is retried by the next worker (its second attempt), not lost.
    let _next = env.worker_with(&["--allow-commands"]);
    env.wait_status(&id, Duration::from_secs(30), |s| {
        s["pending"]
            .as_array()
            .is_some_and(|p| p.iter().any(|a| a["step"] == "long" && a["attempt"] == 2))
    });
    env.orca(["terminate", &id, "--yes"]).ok();
}
