//! Execution defaults from the environment that existing deployments set:
//! TEMPORAL_WORKFLOW_EXECUTION_TIMEOUT and TEMPORAL_ACTIVITY_START_TO_CLOSE_TIMEOUT
//! (seconds). Precedence: step setting > flag > environment > built-in default.

use std::time::{Duration, Instant};

use crate::common::*;

#[test]
fn execution_timeout_from_flag_or_environment() {
    let env = Env::new();
    let _worker = env.worker();
    let started = Instant::now();
    let done = env
        .orca(["start", "sample", "--input", "task=x", "--wait"])
        .env("TEMPORAL_WORKFLOW_EXECUTION_TIMEOUT", "2")
        .run_within(Duration::from_secs(30));
    assert_eq!(done.code, 4, "{done}");
    done.stderr_has("timed out");
    assert!(started.elapsed() < Duration::from_secs(15));

    // The flag beats the environment: an hour, so the wait's own timeout ends it (8).
    let done = env
        .orca([
            "start",
            "sample",
            "--input",
            "task=x",
            "--wait",
            "--timeout",
            "4s",
            "--execution-timeout",
            "1h",
        ])
        .env("TEMPORAL_WORKFLOW_EXECUTION_TIMEOUT", "2")
        .run_within(Duration::from_secs(30));
    assert_eq!(done.code, 8, "{done}");
    let done = env
        .orca([
            "start",
            "sample",
            "--input",
            "task=x",
            "--wait",
            "--execution-timeout",
            "2s",
        ])
        .run_within(Duration::from_secs(30));
    assert_eq!(done.code, 4, "{done}");

    // Schedules take the same default.
    let name = format!("timeout-{}", env.task_queue);
    env.orca([
        "schedule", "create", &name, "sample", "--input", "task=x", "--every", "1h", "--paused",
    ])
    .env("TEMPORAL_WORKFLOW_EXECUTION_TIMEOUT", "300")
    .ok();
    let described = env
        .orca(["schedule", "describe", &name, "-o", "json"])
        .ok()
        .json();
    assert_eq!(described["definition"]["execution_timeout"], "5m");
    env.orca(["schedule", "delete", &name, "--yes"]).ok();
}

#[test]
fn default_step_timeout_from_worker_flag_or_environment() {
    let env = Env::new();
    let file = env.pipeline(
        "slowish",
        "name = \"slowish\"\n[inputs.step_timeout]\ndefault = \"none\"\n\n[[steps]]\nid = \"wait\"\nkind = \"command\"\nargv = [\"sleep\", \"3\"]\nretry = { attempts = 1 }\n",
    );
    let own = env.pipeline(
        "own-timeout",
        "name = \"own-timeout\"\n[[steps]]\nid = \"wait\"\nkind = \"command\"\nargv = [\"sleep\", \"3\"]\ntimeout = \"20s\"\nretry = { attempts = 1 }\n",
    );
    let worker = |extra: &[&str], seconds: Option<&str>| {
        let mut command = env.worker_command(&[&["--allow-commands"], extra].concat());
        if let Some(seconds) = seconds {
            command.env("TEMPORAL_ACTIVITY_START_TO_CLOSE_TIMEOUT", seconds);
        }
        Worker::spawn(command, "worker started")
    };

    // Environment: 1 s per attempt; a 3 s command times out.
    let first = worker(&[], Some("1"));
    let done = env.run_to_end(&file, &[]);
    assert_eq!(done.code, 4, "{done}");
    done.stderr_has("timed out");
    // The step's own timeout beats the environment.
    let done = env.run_to_end(&own, &[]);
    assert_eq!(done.code, 0, "{done}");
    drop(first);

    // The worker flag beats the environment.
    let _second = worker(&["--default-step-timeout", "30s"], Some("1"));
    let done = env.run_to_end(&file, &[]);
    assert_eq!(done.code, 0, "{done}");
}
