//! `orca doctor --run ID`: where one run waits and why, against the real
//! dev server.

use crate::common::*;

#[test]
fn a_run_awaiting_approval_waits_for_a_person() {
    let env = Env::new();
    let _worker = env.worker();
    let id = env.start(&["sample", "--input", "task=doctor"]);
    env.wait_phase(&id, "awaiting_approval");
    let done = env.orca(["doctor", "--run", &id]).ok();
    done.stdout_has("Waiting for:  a person: the gate at step `approval`")
        .stdout_has("anyone may decide")
        .stdout_has(&format!(
            "Fix:          orca approve {id} (or orca reject {id})"
        ));
    let explained = env.orca(["doctor", "--run", &id, "-o", "json"]).ok().json();
    assert_eq!(explained["waiting"]["for"], "person", "{explained:#}");
    assert_eq!(explained["waiting"]["step"], "approval");
}

#[test]
fn a_run_with_no_worker_waits_for_one() {
    let env = Env::new();
    let id = env.start(&["sample", "--input", "task=alone"]);
    let done = env.orca(["doctor", "--run", &id]).ok();
    done.stdout_has(&format!(
        "a worker: none polls task queue {}",
        env.task_queue
    ))
    .stdout_has(&format!(
        "orca worker --address {} --task-queue {}",
        env.address, env.task_queue
    ));
    let explained = env.orca(["doctor", "--run", &id, "-o", "json"]).ok().json();
    assert_eq!(explained["waiting"]["for"], "worker", "{explained:#}");
    assert_eq!(explained["live"], false);
}

#[test]
fn a_paused_run_waits_for_resume() {
    let env = Env::new();
    let _worker = env.worker();
    let id = env.start(&["sample", "--input", "task=hold"]);
    env.wait_phase(&id, "awaiting_approval");
    env.orca(["pause", &id]).ok();
    env.orca(["approve", &id]).ok();
    env.wait_phase(&id, "paused");
    let done = env.orca(["doctor", "--run", &id]).ok();
    done.stdout_has("Waiting for:  a resume: the run is paused")
        .stdout_has(&format!("Fix:          orca resume {id}"));
}
