//! Waiting and watching at a terminal: what a run waits for while `start
//! --wait` and `wait` wait, Ctrl-C that stops the follower and not the
//! run, a decision no worker is there to record, and the picture `watch`
//! leaves behind.

use serde_json::Value;

use crate::common::*;

#[test]
fn start_wait_on_a_terminal_says_the_run_waits_for_approval_and_how_to_give_it() {
    let env = Env::new();
    let _worker = env.worker();
    let id = format!("waits-{}", env.task_queue);
    let mut session = on_terminal(
        &env,
        &[
            "start", "sample", "--input", "task=t", "--wait", "--id", &id,
        ],
    );
    // rexpect reads bytes as Latin-1: the arrow between is not matched.
    session
        .exp_string("waiting for approval at step approval ")
        .unwrap();
    session.exp_string(&format!("orca approve {id}")).unwrap();
    env.orca(["approve", &id]).ok();
    // The outcome may be coloured: its word is matched on its own.
    session.exp_string(&format!("{id}: ")).unwrap();
    session.exp_string("completed").unwrap();
    assert_eq!(exit_code(&session), 0);
}

/// Ctrl-C in `follow` (on a run awaiting approval) says the run goes on,
/// exits 130, and leaves the run as it was.
fn ctrl_c_stops_only_the_follower(follow: &str) {
    let env = Env::new();
    let _worker = env.worker();
    let id = env.start(&["sample", "--input", "task=t"]);
    env.wait_phase(&id, "awaiting_approval");
    let mut session = on_terminal(&env, &[follow, &id]);
    session.exp_string(&format!("orca approve {id}")).unwrap();
    session.send_control('c').unwrap();
    // rexpect reads bytes as Latin-1: the dash between is not matched.
    session
        .exp_string("stopped watching; the run goes on ")
        .unwrap();
    session.exp_string(&format!("orca watch {id}")).unwrap();
    assert_eq!(exit_code(&session), 130);
    assert_eq!(env.status(&id)["phase"], "awaiting_approval");
}

#[test]
fn ctrl_c_in_watch_says_the_run_goes_on_and_exits_130() {
    ctrl_c_stops_only_the_follower("watch");
}

#[test]
fn ctrl_c_in_wait_says_the_run_goes_on_and_exits_130() {
    ctrl_c_stops_only_the_follower("wait");
}

#[test]
fn approve_with_no_worker_says_it_waits_for_one_and_how_to_start_it() {
    let env = Env::new();
    // No worker has ever polled this env's task queue.
    let id = env.start(&["sample", "--input", "task=t"]);
    let mut session = on_terminal(&env, &["approve", &id]);
    session
        .exp_string(&format!(
            "waiting for a worker to record the decision: none polls task queue `{}`",
            env.task_queue
        ))
        .unwrap();
    session
        .exp_string(&format!("orca worker --task-queue {}", env.task_queue))
        .unwrap();
}

/// The board `watch` leaves for a loop stopped part way: the count
/// `status` gives, not a full bar.
#[test]
fn a_stopped_loop_is_drawn_where_status_says_it_stopped() {
    let env = Env::new();
    let _worker = env.worker();
    let id = env.start(&[
        "long-running-task",
        "--input",
        "steps=60",
        "--input",
        "step_duration=200ms",
    ]);
    let mut session = on_terminal(&env, &["watch", &id]);
    session.exp_string("/60").unwrap();
    env.orca(["stop", &id]).ok();
    // The board, up to the outcome's line (its word may be coloured).
    let drawn = session.exp_string(&format!("{id}: ")).unwrap();
    assert_eq!(exit_code(&session), 3);
    let status = env.status(&id);
    let progress = &status["progress"];
    let told = format!("{}/{}", progress["done"], progress["total"]);
    assert_ne!(progress["done"], Value::from(60), "{status}");
    let last_bar = plain_text(&drawn)
        .lines()
        .rfind(|line| line.contains("work ") && line.contains("/60"))
        .map(str::to_string)
        .unwrap_or_default();
    assert!(
        last_bar.contains(&format!("] {told} ")),
        "{last_bar:?}, status {told}"
    );
    assert!(last_bar.contains("stopped after"), "{last_bar:?}");
}
