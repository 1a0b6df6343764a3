//! pause, resume, stop, cancel and terminate at a terminal: each says what
//! the run actually did, the steps a run never reached read `skipped` with
//! why, and without an ID each offers the runs it applies to.

use std::time::Duration;

use crate::common::*;

/// A pipeline of its own (pickers and `--pipeline` are not scoped by task
/// queue): a gate, then work.
fn gate_then_work(env: &Env, name: &str) -> String {
    env.pipeline(
        name,
        &format!(
            "name = \"{name}\"\n[[steps]]\nid = \"gate\"\nkind = \"approval\"\nprompt = \"Go {name}?\"\n\n[[steps]]\nid = \"work\"\nkind = \"agent\"\naction = \"work\"\n"
        ),
    )
}

/// Step `id` of `status` reads `state`, with `summary`.
#[track_caller]
fn assert_row(status: &serde_json::Value, id: &str, state: &str, summary: &str) {
    let row = step(status, id);
    assert_eq!(
        (row["state"].as_str(), row["summary"].as_str()),
        (Some(state), Some(summary)),
        "{status:#}"
    );
}

/// A `sample` run waiting at its gate.
fn sample_at_the_gate(env: &Env) -> String {
    let id = env.start(&["sample", "--input", "task=control"]);
    env.wait_phase(&id, "awaiting_approval");
    id
}

#[test]
fn stop_at_a_gate_shows_the_later_steps_skipped_with_why() {
    let env = Env::new();
    let _worker = env.worker();
    let id = sample_at_the_gate(&env);
    env.orca(["stop", &id]).ok();
    let status = env.wait_phase(&id, "stopped");
    assert_row(&status, "work", "skipped", "not run: the run was stopped");
}

#[test]
fn a_denied_runs_later_steps_are_skipped_with_why() {
    let env = Env::new();
    let _worker = env.worker();
    let id = env.start(&["sample", "--input", "task=forbidden: rm -rf"]);
    let status = env.wait_phase(&id, "denied");
    assert_row(&status, "work", "skipped", "not run: denied by policy");
}

/// A run cancelled at its gate: the gate ended with it, the work never ran.
#[test]
fn cancel_at_a_gate_shows_the_gate_cut_short_and_the_rest_not_run() {
    let env = Env::new();
    let _worker = env.worker();
    let id = sample_at_the_gate(&env);
    env.orca(["cancel", &id]).ok();
    let status = env.wait_status(&id, Duration::from_secs(30), |s| s["live"] == true);
    assert_row(&status, "approval", "failed", "cancelled while waiting");
    assert_row(&status, "work", "skipped", "not run: the run was cancelled");
}

#[test]
fn stop_on_a_gate_says_the_run_ended_now() {
    let env = Env::new();
    let _worker = env.worker();
    let id = sample_at_the_gate(&env);
    env.orca(["stop", &id]).ok().stdout_has(&format!(
        "stopped {id}: it was awaiting approval at step approval, so it ended now (outcome stopped)"
    ));
}

#[test]
fn resume_on_a_run_that_is_not_paused_says_so_and_sends_nothing() {
    let env = Env::new();
    let _worker = env.worker();
    let id = sample_at_the_gate(&env);
    let done = env.orca(["resume", &id]).ok();
    done.stdout_has(&format!("{id} is not paused; nothing to resume"));
    let json = env.orca(["resume", &id, "-o", "json"]).ok().json();
    assert_eq!(json["sent"], false, "{json:#}");
    assert_eq!(json["changed"], false, "{json:#}");
    assert_eq!(json["answer"], "not_paused", "{json:#}");
}

/// `long-running-task`: 60 items of 200 ms, one at a time.
fn long_loop(env: &Env) -> String {
    env.start(&[
        "long-running-task",
        "-i",
        "steps=60",
        "-i",
        "step_duration=200ms",
    ])
}

#[test]
fn pause_on_a_running_loop_names_the_step_and_its_items() {
    let env = Env::new();
    let _worker = env.worker();
    let id = long_loop(&env);
    env.wait_step(&id, "work", "running", Duration::from_secs(30));
    let done = env.orca(["pause", &id]).ok();
    // Held between items already, or its current item still running.
    done.stdout_has(&format!("paused {id} at step work ("))
        .stdout_has(" of 60 items done)")
        .stdout_has("no new item or step starts until `orca resume");
    env.orca(["stop", &id]).ok();
}

#[test]
fn a_stopped_loop_says_how_many_items_ran() {
    let env = Env::new();
    let _worker = env.worker();
    let id = long_loop(&env);
    env.wait_status(&id, Duration::from_secs(30), |s| {
        s["progress"]["done"].as_u64().is_some_and(|done| done >= 3)
    });
    // Told while the item runs, or once it finished: either way, by item.
    env.orca(["stop", &id])
        .ok()
        .stdout_has("after the current item of step work (");
    let status = env.wait_phase(&id, "stopped");
    let done = status["progress"]["done"].as_u64().unwrap();
    assert_eq!(
        step(&status, "work")["summary"],
        format!("stopped after {done} of 60 items"),
        "{status:#}"
    );
    assert_eq!(step(&status, "wrap_up")["state"], "skipped", "{status:#}");
}

/// `orca VERB --pipeline NAME` on a terminal, a run of NAME of its own
/// waiting at its gate: the picker offers it and Enter takes it. The run's
/// ID, and the session after the pick.
fn picked_from_the_runs(env: &Env, verb: &str) -> (String, rexpect::session::PtySession) {
    let name = format!("{verb}-pick-{}", env.task_queue);
    let file = gate_then_work(env, &name);
    let id = env.start(&[&file]);
    env.wait_phase(&id, "awaiting_approval");
    env.wait_in_inbox(&name, &id);
    let mut session = on_terminal(env, &[verb, "--pipeline", &name]);
    session
        .exp_string(&format!("Which run do you {verb}?"))
        .unwrap();
    session.exp_string(&id).unwrap();
    session.send_line("").unwrap();
    (id, session)
}

#[test]
fn pause_without_an_id_offers_the_picker() {
    let env = Env::new();
    let _worker = env.worker();
    let (id, mut session) = picked_from_the_runs(&env, "pause");
    session
        .exp_string(&format!("{id} is awaiting approval at step gate; paused"))
        .unwrap();
    assert_eq!(exit_code(&session), 0);
    assert_eq!(env.status(&id)["paused"], true);
}

#[test]
fn stop_without_an_id_offers_the_picker() {
    let env = Env::new();
    let _worker = env.worker();
    let (id, mut session) = picked_from_the_runs(&env, "stop");
    session.exp_string(&format!("stopped {id}")).unwrap();
    assert_eq!(exit_code(&session), 0);
    env.wait_phase(&id, "stopped");
}

/// Off a terminal, a control command without an ID is exit 2 naming it.
macro_rules! needs_an_id {
    ($name:ident, $verb:literal $(, $extra:literal)*) => {
        #[test]
        fn $name() {
            let env = Env::new();
            let done = env.orca([$verb $(, $extra)*]).run_within(Duration::from_secs(10));
            assert_eq!(done.code, 2, "{done}");
            done.clean_error()
                .stderr_has(concat!($verb, " needs a run ID"));
        }
    };
}

needs_an_id!(pause_without_an_id_off_a_terminal_is_exit_2, "pause");
needs_an_id!(resume_without_an_id_off_a_terminal_is_exit_2, "resume");
needs_an_id!(stop_without_an_id_off_a_terminal_is_exit_2, "stop");
needs_an_id!(cancel_without_an_id_off_a_terminal_is_exit_2, "cancel");
needs_an_id!(
    terminate_without_an_id_off_a_terminal_is_exit_2,
    "terminate",
    "--yes"
);
