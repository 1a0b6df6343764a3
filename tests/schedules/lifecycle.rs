//! A schedule's life on a real server: it starts real runs, pause holds it
//! (trigger still starts one), unpause and delete; its health counts runs
//! skipped by overlap; and a namespace without orca's search attributes
//! still takes runs and schedules.

use std::time::Duration;

use crate::common::*;

/// Runs a schedule has started so far, as the schedule itself counts them
/// (read from the schedule, so it does not lag like visibility does).
fn runs_of(env: &Env, name: &str) -> i64 {
    env.orca(["schedule", "describe", name, "-o", "json"])
        .ok()
        .json()["action_count"]
        .as_i64()
        .unwrap()
}

/// Runs `orca list --schedule NAME` finds. Visibility is eventually
/// consistent and lags further on a busy 2-core CI machine, so callers poll.
fn listed_runs_of(env: &Env, name: &str) -> Vec<serde_json::Value> {
    env.list(&["--schedule", name, "--limit", "0"])
}

#[test]
fn every_two_seconds_then_pause_unpause_trigger_delete() {
    let env = Env::new();
    let _worker = env.worker();
    let name = format!("every-{}", env.task_queue);
    env.orca([
        "schedule",
        "create",
        &name,
        "data-analysis",
        "--input",
        "file=s.csv",
        "--every",
        "2s",
    ])
    .ok()
    .stdout_has(&format!(
        "created schedule {name}: every 2s runs data-analysis"
    ));

    // Every 2 s: two runs soon (bounded loosely: the server's scheduler
    // runs late on a loaded machine).
    eventually(Duration::from_secs(30), "2 runs started", || {
        runs_of(&env, &name) >= 2
    });
    // The runs are real runs of the pipeline, marked with the schedule, and
    // `orca list --schedule` finds them once visibility has caught up.
    let mut runs = Vec::new();
    eventually(Duration::from_secs(30), "2 runs listed", || {
        runs = listed_runs_of(&env, &name);
        runs.len() >= 2
    });
    assert_eq!(runs[0]["pipeline"], "data-analysis");
    assert!(runs[0]["workflow_id"].as_str().unwrap().starts_with(&name));

    env.orca(["schedule", "pause", &name, "--note", "maintenance"])
        .ok();
    // A fire already under way as the pause arrived may still land; nothing
    // observable says none is under way, so it gets one interval and a half.
    std::thread::sleep(Duration::from_millis(2500));
    let paused_at = runs_of(&env, &name);
    holds_for(Duration::from_secs(5), "the run count held", || {
        runs_of(&env, &name) == paused_at
    });
    let described = env
        .orca(["schedule", "describe", &name, "-o", "json"])
        .ok()
        .json();
    assert_eq!(described["paused"], true);
    assert_eq!(described["note"], "maintenance");

    // Trigger starts one at once, even while paused.
    env.orca(["schedule", "trigger", &name]).ok();
    eventually(Duration::from_secs(30), "trigger started a run", || {
        runs_of(&env, &name) > paused_at
    });
    env.orca(["schedule", "unpause", &name]).ok();
    let resumed = runs_of(&env, &name);
    eventually(Duration::from_secs(30), "a run after unpause", || {
        runs_of(&env, &name) > resumed
    });

    env.orca(["schedule", "delete", &name])
        .code(2)
        .clean_error()
        .stderr_has("add --yes");
    env.orca(["schedule", "delete", &name, "--yes"]).ok();
    env.orca(["schedule", "describe", &name])
        .code(5)
        .clean_error()
        .stderr_has(&format!("no schedule `{name}`"));
}

#[test]
fn schedule_health_shows_runs_skipped_by_overlap() {
    let env = Env::new();
    let _worker = env.worker();
    let name = format!("skips-{}", env.task_queue);
    env.orca([
        "schedule",
        "create",
        &name,
        "sample",
        "--input",
        "task=slow gate",
        "--every",
        "1s",
    ])
    .ok();
    let described = poll_for(Duration::from_secs(15), || {
        let described = env
            .orca(["schedule", "describe", &name, "-o", "json"])
            .ok()
            .json();
        match described["overlap_skipped"].as_i64().unwrap_or(0) >= 2 {
            true => Ok(described),
            false => Err(format!("no skips counted: {described:#}")),
        }
    });
    assert_eq!(described["action_count"], 1, "{described:#}");
    env.orca(["schedule", "describe", &name])
        .ok()
        .stdout_has("skipped (overlap)");
    // The list is served from visibility, which catches up a little later.
    eventually(Duration::from_secs(30), "skips in schedule list", || {
        let listed = env.orca(["schedule", "list", "-o", "json"]).ok().json();
        listed
            .as_array()
            .unwrap()
            .iter()
            .any(|s| s["name"] == name.as_str() && s["overlap_skipped"].as_i64().unwrap_or(0) >= 2)
    });
    env.orca(["schedule", "delete", &name, "--yes"]).ok();
}

#[test]
fn a_namespace_without_orcas_search_attributes_still_takes_runs_and_schedules() {
    // A server no orca worker has seen: OrcaPipeline/OrcaPhase are unknown,
    // and the server refuses starts that set them. orca goes without.
    let mut env = Env::new();
    let (mut server, port) = start_private_server(&env.path("bare.db"), false);
    env.address = format!("127.0.0.1:{port}");
    let registered = || {
        env.temporal(["operator", "search-attribute", "list"])
            .run()
            .stdout
            .contains("OrcaPipeline")
    };
    assert!(!registered(), "the premise: a server without them");

    let id = env.start(&["sample", "--input", "task=bare"]);
    env.orca([
        "schedule",
        "create",
        "bare",
        "sample",
        "--input",
        "task=scheduled",
        "--every",
        "1h",
        "--trigger-now",
    ])
    .ok()
    .stdout_has("created schedule bare: every 1h runs sample");
    eventually(
        Duration::from_secs(30),
        "the schedule started a run",
        || runs_of(&env, "bare") == 1,
    );
    // The first worker registers them; the run goes on as usual.
    let _worker = env.worker();
    env.wait_phase(&id, "awaiting_approval");
    assert!(registered());
    let _ = server.kill();
    let _ = server.wait();
}
