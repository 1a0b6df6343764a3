//! The shipped examples work as their comments say.

use std::time::Duration;

use crate::common::*;

/// examples/deploy.toml: start it, approve it, kill the worker during the
/// rollout, start a new one, and it finishes with each host rolled out once.
#[test]
fn deploy_example_survives_a_worker_restart_mid_rollout() {
    let env = Env::new();
    let log = env.path("deploy.log");
    let log_arg = format!("log={}", log.display());
    let mut worker = env.worker_with(&["--allow-commands"]);
    let waiting = env
        .orca([
            "start",
            "examples/deploy.toml",
            "--input",
            "version=1.4.2",
            "--input",
            &log_arg,
            "--wait",
            "--id",
            "deploy-1",
        ])
        .spawn();
    let status = env.wait_phase("deploy-1", "awaiting_approval");
    assert_eq!(
        status["approval"]["prompt"],
        "Ship app-1.4.2.tar to 4 hosts?"
    );
    env.orca(["approve", "deploy-1", "--as", "alice"]).ok();

    // First pair of hosts done and recorded by the server, second pair
    // asleep in flight: kill the worker. (Killed between a host's line and
    // its recorded completion, Temporal would rightly roll that host again.)
    let rolled = || {
        std::fs::read_to_string(&log)
            .unwrap_or_default()
            .lines()
            .filter(|l| l.contains("now runs"))
            .count()
    };
    env.wait_status("deploy-1", Duration::from_secs(30), |s| {
        s["live"] == true && s["progress"]["done"] == 2 && rolled() == 2
    });
    worker.kill9();
    let _worker = env.worker_with(&["--allow-commands"]);

    let done = waiting.finish(Duration::from_secs(90));
    assert_eq!(done.code, 0, "{done}");
    let mut lines: Vec<String> = std::fs::read_to_string(&log)
        .unwrap()
        .lines()
        .map(str::to_string)
        .collect();
    lines.sort();
    assert_eq!(
        lines,
        [
            "shipped 1.4.2",
            "web-1 now runs 1.4.2",
            "web-2 now runs 1.4.2",
            "web-3 now runs 1.4.2",
            "web-4 now runs 1.4.2"
        ]
    );
}

#[test]
fn deploy_example_refuses_a_zero_version_by_policy() {
    let env = Env::new();
    let _worker = env.worker_with(&["--allow-commands"]);
    let done = env.run_to_end("examples/deploy.toml", &["--input", "version=0.9.0"]);
    assert_eq!(done.code, 3, "{done}");
    done.stderr_has("ended denied");
}
