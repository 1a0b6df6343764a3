//! `make run-server` / `setup_temporal.py start` and `make run-worker` /
//! `python -m worker.worker` / `setup_temporal.py worker`.

use super::*;

pub const DEV: &str = "orca dev";
pub const WORKER: &str = "orca worker";

/// `orca dev` on free ports (the test's addresses, appended to the README's
/// command), started again if its server lost a race for a port it picks
/// itself; its address.
fn start_dev(env: &Env) -> (Worker, String) {
    for _ in 0..3 {
        let port = free_port().to_string();
        let dev = shell(env, DEV, "")
            .env_remove("TEMPORAL_ADDRESS")
            .env_remove("TEMPORAL_TASK_QUEUE")
            .args(["--port", &port, "--ui-port", &free_port().to_string()]);
        let dev = Worker::launch(dev.command);
        match dev.ready("worker started", Duration::from_secs(60)) {
            Ok(()) => return (dev, format!("127.0.0.1:{port}")),
            Err(log) if log.contains("address already in use") => continue,
            Err(log) => panic!("orca dev exited before it was ready:\n{log}"),
        }
    }
    panic!("orca dev did not start (3 tries)");
}

/// The seed's server kept its runs in `app.db`; `orca dev` serves runs with
/// its own worker and keeps them in the data directory.
#[test]
fn make_run_server_is_orca_dev() {
    let env = Env::new();
    let (mut dev, address) = start_dev(&env);
    let at_dev = |args: &[&str]| {
        env.orca(args)
            .env("TEMPORAL_ADDRESS", &address)
            .env("TEMPORAL_TASK_QUEUE", "orca")
    };
    let id = at_dev(&["start", "sample", "--input", "task=on dev"])
        .ok()
        .stdout
        .trim()
        .to_string();
    poll_for(Duration::from_secs(60), || {
        let status = at_dev(&["status", &id, "-o", "json"]).ok().json();
        match status["phase"] == "awaiting_approval" && status["live"] == true {
            true => Ok(()),
            false => Err(format!(
                "the run on orca dev is not at its gate: {status:#}"
            )),
        }
    });
    dev.signal(libc::SIGTERM);
    assert_eq!(dev.wait_exit(Duration::from_secs(30)), 0, "{}", dev.log());
    let db = env.path("data").join("orca").join("dev.db");
    assert!(db.exists(), "no database at {}", db.display());
}

/// The worker the seed ran with `python -m worker.worker` runs pipelines
/// from the task queue: a run reaches its gate, past its policy step.
#[test]
fn make_run_worker_is_orca_worker() {
    let env = Env::new();
    let _worker = Worker::spawn(shell(&env, WORKER, "").command, "worker started");
    let id = env.start(&["sample", "--input", "task=worked"]);
    let status = wait_for(&env, &id, |s| s["phase"] == "awaiting_approval");
    assert_eq!(step(&status, "policy")["state"], "completed", "{status:#}");
}
