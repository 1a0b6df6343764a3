//! pause / resume / stop: the control signals and their effect.

use std::time::Duration;

use crate::common::*;

#[test]
fn pause_holds_the_next_step_until_resume() {
    let env = Env::new();
    let _worker = env.worker();
    let id = env.start(&["sample", "--input", "task=p"]);
    env.wait_phase(&id, "awaiting_approval");
    let paused = env.orca(["pause", &id, "-o", "json"]).ok().json();
    assert_eq!(paused["paused"], true);
    env.orca(["approve", &id]).ok();
    // The gate opened, but the paused run does not start its next step.
    let status = env.wait_phase(&id, "paused");
    assert_eq!(step(&status, "work")["state"], "pending");
    holds_for(
        Duration::from_secs(2),
        "`work` still pending while paused",
        || step(&env.status(&id), "work")["state"] == "pending",
    );

    env.orca(["resume", &id])
        .ok()
        .stdout_has(&format!("resumed {id}"));
    let status = env.wait_phase(&id, "completed");
    assert_eq!(step(&status, "work")["state"], "completed");
    assert_eq!(status["paused"], false);
}

#[test]
fn stop_while_waiting_ends_the_run_as_stopped() {
    let env = Env::new();
    let _worker = env.worker();
    let waiting = env
        .orca([
            "start", "sample", "--input", "task=s", "--wait", "--id", "stop-me",
        ])
        .spawn();
    env.wait_phase("stop-me", "awaiting_approval");
    env.orca(["stop", "stop-me"])
        .ok()
        .stdout_has("stopped stop-me: it was awaiting approval");
    let done = waiting.finish(Duration::from_secs(30));
    assert_eq!(done.code, 3, "{done}");
    done.stdout_has("stop-me: stopped");
    let status = env.status("stop-me");
    assert_eq!(status["outcome"], "stopped");
    assert_eq!(step(&status, "work")["state"], "skipped");
    // A finished run refuses further control with exit 7.
    env.orca(["resume", "stop-me"])
        .code(7)
        .clean_error()
        .stderr_has("already finished (stopped)");
}

#[test]
fn stop_during_a_step_lets_it_finish_first() {
    let env = Env::new();
    let _worker = env.worker();
    // A step long enough that `stop` surely lands while it runs.
    let file = env.pipeline(
        "slow-then-gate",
        "name = \"slow-then-gate\"\n[[steps]]\nid = \"prepare\"\nkind = \"agent\"\naction = \"prepare\"\nduration = \"8s\"\n\n[[steps]]\nid = \"gate\"\nkind = \"approval\"\nprompt = \"go?\"\n",
    );
    let id = env.start(&[&file]);
    env.wait_step(&id, "prepare", "running", Duration::from_secs(20));
    env.orca(["stop", &id]).ok();
    let status = env.wait_phase(&id, "stopped");
    assert_eq!(
        step(&status, "prepare")["state"],
        "completed",
        "the running step finished: {status:#}"
    );
    assert_eq!(
        step(&status, "gate")["state"],
        "skipped",
        "no later step started: {status:#}"
    );
}
