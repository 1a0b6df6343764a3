use serde_json::Map;

use super::*;
use crate::{engine::status::ApprovalStatus, ops::run::PendingStep};

/// A running orca run the worker answered for, at no step yet.
fn running() -> RunView {
    RunView {
        workflow_id: "r1".into(),
        run_id: "run".into(),
        workflow_type: "Pipeline".into(),
        temporal_status: TemporalStatus::Running,
        pipeline: Some("sample".into()),
        phase: Some(RunPhase::RUNNING),
        outcome: None,
        started_at: None,
        closed_at: None,
        requested_by: None,
        current_step: None,
        input: Map::new(),
        steps: Vec::new(),
        progress: None,
        approval: None,
        paused: false,
        stop_requested: false,
        requester_key: None,
        scheduled_by: None,
        continued: 0,
        live: true,
        pending: Vec::new(),
        task_queue: Some("q".into()),
        result: None,
        failure: None,
        terminated: None,
    }
}

fn step(id: &str, kind: &str, state: StepState) -> StepStatus {
    StepStatus {
        id: id.into(),
        kind: kind.into(),
        state,
        attempts: 1,
        started_at: None,
        finished_at: None,
        summary: None,
        error: None,
        parent: None,
        progress: None,
    }
}

fn pending(attempt: i32, failure: Option<&str>, waiting: Option<Capability>) -> PendingStep {
    PendingStep {
        step: "build".into(),
        attempt,
        last_failure: failure.map(str::to_string),
        task_queue: Some("q-commands".into()),
        waiting_for: waiting,
    }
}

fn at_gate() -> RunView {
    let mut run = running();
    run.phase = Some(RunPhase::Orca(Phase::AwaitingApproval));
    run.approval = Some(ApprovalStatus {
        step: "approval".into(),
        prompt: "Ship it?".into(),
        allowed: vec!["alice".into(), "bob".into()],
        waiting_on: vec!["bob".into()],
        ..ApprovalStatus::default()
    });
    run
}

#[test]
fn an_open_gate_waits_for_the_people_who_may_decide() {
    let waiting = waiting(&at_gate(), "q", Some(true), Some(true));
    assert_eq!(
        waiting.words(),
        "a person: the gate at step `approval` (\"Ship it?\"); alice, bob may decide (still to vote: bob)"
    );
}

#[test]
fn no_worker_on_the_queue_goes_before_the_gate() {
    let waiting = waiting(&at_gate(), "q", Some(false), Some(true));
    assert_eq!(
        waiting,
        Waiting::Worker {
            task_queue: "q".into()
        }
    );
}

#[test]
fn a_run_no_worker_answered_for_waits_for_an_answer() {
    let mut unanswered = running();
    unanswered.live = false;
    let waiting = super::waiting(&unanswered, "q", Some(true), None);
    assert_eq!(
        waiting,
        Waiting::Answer {
            task_queue: "q".into()
        }
    );
}

/// A run whose `build` step waits on the commands queue, the step shown
/// running by the worker.
fn command_waiting() -> RunView {
    let mut run = running();
    run.pending = vec![pending(1, None, Some(Capability::Commands))];
    run.steps = vec![step("build", "command", StepState::Running)];
    run
}

#[test]
fn a_command_step_waits_for_a_worker_that_may_run_it() {
    let waiting = super::waiting(&command_waiting(), "q", Some(true), Some(false));
    assert_eq!(
        waiting.words(),
        "a worker with --allow-commands: step `build` waits on task queue q-commands, which none polls"
    );
}

#[test]
fn a_command_step_is_about_to_be_taken_when_a_worker_that_may_run_it_polls() {
    let waiting = super::waiting(&command_waiting(), "q", Some(true), Some(true));
    assert_eq!(
        waiting,
        Waiting::Step {
            step: "build".into(),
            kind: Some(Kind::Command)
        }
    );
}

#[test]
fn a_command_step_claims_nothing_when_the_server_would_not_say_who_polls() {
    let waiting = super::waiting(&command_waiting(), "q", Some(true), None);
    assert!(matches!(waiting, Waiting::Step { .. }), "{waiting:?}");
}

#[test]
fn a_step_of_a_kind_this_build_does_not_know_is_a_step() {
    let mut run = running();
    run.steps = vec![step("x", "teleport", StepState::Running)];
    let waiting = super::waiting(&run, "q", Some(true), Some(true));
    assert_eq!(waiting.words(), "step `x` to finish on a worker");
}

#[test]
fn a_failing_step_waits_for_its_next_attempt_with_its_failure() {
    let mut run = running();
    run.pending = vec![pending(4, Some("exit 1"), None)];
    let waiting = super::waiting(&run, "q", Some(true), Some(true));
    assert_eq!(attempts(&run, &waiting), (Some(4), Some("exit 1".into())));
}

#[test]
fn a_paused_run_waits_for_resume() {
    let mut run = running();
    run.paused = true;
    assert_eq!(waiting(&run, "q", Some(true), Some(true)), Waiting::Paused);
}

#[test]
fn a_sleep_step_waits_for_its_timer() {
    let mut run = running();
    run.steps = vec![step("nap", "sleep", StepState::Running)];
    assert_eq!(
        waiting(&run, "q", Some(true), Some(true)),
        Waiting::Timer { step: "nap".into() }
    );
}

#[test]
fn an_ended_run_waits_for_nothing_whoever_polls() {
    let mut run = running();
    run.temporal_status = TemporalStatus::Failed;
    run.phase = RunPhase::of(TemporalStatus::Failed, Some(Phase::Running));
    let ended = waiting(&run, "q", Some(false), None);
    assert_eq!(ended.words(), "nothing: the run has ended (failed)");
}
