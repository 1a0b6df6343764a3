//! `orca worker`: start-up failures. (Shutdown is in reliability_shutdown.rs.)

use std::time::Duration;

use crate::common::*;

#[test]
fn a_worker_without_a_server_is_exit_6() {
    let env = Env::new();
    let done = env
        .orca(["worker", "--address", &format!("127.0.0.1:{}", free_port())])
        .run_within(Duration::from_secs(15));
    assert_eq!(done.code, 6, "{done}");
    done.stderr_has("error: cannot reach Temporal");
}

/// The tuning flags take effect: with room for one cached run, five runs
/// waiting at their gates evict each other and are replayed from history
/// each time they move, and every one still completes exactly as it should.
#[test]
fn a_worker_with_a_tiny_cache_and_few_pollers_finishes_every_run() {
    let env = Env::new();
    let _worker = env.worker_with(&[
        "--workflow-pollers",
        "2",
        "--activity-pollers",
        "1",
        "--max-cached-runs",
        "1",
    ]);
    let ids: Vec<String> = (0..5)
        .map(|n| env.start(&["sample", "--input", &format!("task=t{n}")]))
        .collect();
    for id in &ids {
        env.wait_phase(id, "awaiting_approval");
    }
    for id in &ids {
        env.orca(["approve", id, "--as", "alice"]).ok();
    }
    for id in &ids {
        let done = env.wait_phase(id, "completed");
        assert_eq!(done["outcome"], "completed", "{done:#}");
        assert_eq!(done["approval"]["decision"]["by"], "alice", "{done:#}");
    }
}

#[test]
fn worker_tuning_out_of_range_is_a_usage_error() {
    let env = Env::new();
    for (flag, value) in [("--workflow-pollers", "1"), ("--activity-pollers", "0")] {
        env.orca(["worker", flag, value])
            .code(2)
            .clean_error()
            .stderr_has(flag);
    }
}
