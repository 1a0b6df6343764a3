//! `orca worker`: graceful shutdown and the activities it runs.

use std::time::Duration;

use crate::common::*;

const SLOW: &str = r#"
name = "slow"
[[steps]]
id = "long"
kind = "agent"
action = "take a while"
duration = "3s"

[[steps]]
id = "after"
kind = "agent"
action = "finish"
duration = "100ms"
"#;

#[test]
fn sigterm_lets_the_running_step_finish_and_exits_0() {
    let env = Env::new();
    let file = env.write("slow.toml", SLOW);
    let mut worker = env.worker_with(&["--shutdown-grace", "20s"]);
    let id = env.start(&[file.to_str().unwrap()]);
    env.wait_status(&id, Duration::from_secs(20), |s| {
        s["steps"][0]["state"] == "running"
    });

    worker.signal(libc::SIGTERM);
    let code = worker.wait_exit(Duration::from_secs(20));
    assert_eq!(code, 0, "{}", worker.log());

    // A new worker finishes the run; the step the old one drained was not retried.
    let _next = env.worker();
    let status = env.wait_phase(&id, "completed");
    assert_eq!(status["steps"][0]["attempts"], 1, "{status:#}");
}

#[test]
fn a_worker_without_a_server_is_exit_6() {
    let env = Env::new();
    let done = env
        .orca(["worker", "--address", &format!("127.0.0.1:{}", free_port())])
        .run_within(Duration::from_secs(15));
    assert_eq!(done.code, 6, "{done}");
    done.stderr_has("error: cannot reach Temporal");
}
