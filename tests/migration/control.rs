//! The seed's client calls: a `pause` signal, the `get_progress` query,
//! `handle.cancel()` and `terminate_workflow(id, reason)`, on runs in
//! flight.

use super::*;

pub const PAUSE: &str = "orca pause ID";
pub const STATUS: &str = "orca status ID -o json";
pub const CANCEL: &str = "orca cancel ID";
pub const TERMINATE: &str = r#"orca terminate ID --reason "stuck" --yes"#;

/// A `long-running-task` of 60 one-second steps, some of them done.
fn under_way(env: &Env) -> String {
    let id = env.start(&["long-running-task", "--input", "steps=60"]);
    wait_for(env, &id, |s| {
        s["phase"] == "running" && s["progress"]["done"].as_u64() > Some(0)
    });
    id
}

#[test]
fn a_pause_signal_is_orca_pause() {
    let env = Env::new();
    let _worker = env.worker();
    let id = under_way(&env);
    shell(&env, PAUSE, &id)
        .ok()
        .stdout_has(&format!("paused {id} at step work"));
    let paused = wait_for(&env, &id, |s| s["phase"] == "paused");
    assert_eq!(paused["paused"], true, "{paused:#}");
    assert_eq!(paused["temporal_status"], "running", "{paused:#}");
    env.orca(["terminate", &id, "--yes"]).ok();
}

/// `get_progress` answered how far the run was: `progress` does.
#[test]
fn a_progress_query_is_orca_status_as_json() {
    let env = Env::new();
    let _worker = env.worker();
    let id = env.start(&["long-running-task", "--input", "steps=60"]);
    let status = poll_for(Duration::from_secs(60), || {
        let status = shell(&env, STATUS, &id).ok().json();
        let moved = status["progress"]["done"].as_u64() > Some(0);
        match status["live"] == true && moved {
            true => Ok(status),
            false => Err(format!("no progress yet: {status:#}")),
        }
    });
    assert_eq!(status["progress"]["total"], 60, "{status:#}");
    assert_eq!(status["phase"], "running");
    assert_eq!(status["current_step"], "work");
    assert_eq!(step(&status, "work")["state"], "running", "{status:#}");
    env.orca(["terminate", &id, "--yes"]).ok();
}

#[test]
fn handle_cancel_is_orca_cancel() {
    let env = Env::new();
    let _worker = env.worker();
    let id = under_way(&env);
    shell(&env, CANCEL, &id)
        .ok()
        .stdout_has(&format!("{id}: cancelled"));
    wait_for(&env, &id, |s| s["temporal_status"] == "cancelled");
}

#[test]
fn terminate_workflow_is_orca_terminate() {
    let env = Env::new();
    let _worker = env.worker();
    let id = under_way(&env);
    shell(&env, TERMINATE, &id)
        .ok()
        .stdout_has(&format!("{id}: terminated (stuck)"));
    let status = env.orca(["status", &id, "-o", "json"]).ok().json();
    assert_eq!(status["temporal_status"], "terminated", "{status:#}");
    assert_eq!(status["terminated"]["reason"], "stuck", "{status:#}");
}
