//! The events between two views of a run, in the order they happened.

use serde_json::Map;

use super::{RunEvent, changes};
use crate::{
    client::{RunPhase, TemporalStatus},
    engine::status::{ApprovalStatus, Decision, DecisionKind, Phase, StepState, StepStatus},
    ops::run::RunView,
};

fn row(id: &str, kind: &str, state: StepState) -> StepStatus {
    StepStatus {
        id: id.into(),
        kind: kind.into(),
        state,
        attempts: 0,
        started_at: None,
        finished_at: None,
        summary: None,
        error: None,
        parent: None,
        progress: None,
    }
}

fn view(phase: Phase, steps: Vec<StepStatus>, approval: Option<ApprovalStatus>) -> RunView {
    RunView {
        workflow_id: "r".into(),
        run_id: "1".into(),
        workflow_type: "Pipeline".into(),
        temporal_status: TemporalStatus::Running,
        pipeline: Some("sample".into()),
        phase: Some(RunPhase::Orca(phase)),
        outcome: None,
        started_at: None,
        closed_at: None,
        requested_by: None,
        current_step: None,
        input: Map::new(),
        steps,
        progress: None,
        approval,
        paused: false,
        stop_requested: false,
        requester_key: None,
        scheduled_by: None,
        continued: 0,
        live: true,
        pending: Vec::new(),
        task_queue: None,
        result: None,
        failure: None,
        terminated: None,
    }
}

fn gate(decided: bool) -> ApprovalStatus {
    ApprovalStatus {
        step: "approval".into(),
        prompt: "ok?".into(),
        decision: decided.then(|| Decision {
            step: "approval".into(),
            decision: DecisionKind::Approved,
            approved: true,
            by: Some("alice".into()),
            comment: None,
            at: String::new(),
            votes: Vec::new(),
            fields: Default::default(),
        }),
        ..ApprovalStatus::default()
    }
}

fn names(events: &[RunEvent]) -> Vec<String> {
    events
        .iter()
        .map(|e| {
            serde_json::to_value(e).unwrap()["event"]
                .as_str()
                .unwrap()
                .to_string()
        })
        .collect()
}

#[test]
fn the_first_view_tells_everything_that_already_happened_in_step_order() {
    let now = view(
        Phase::AwaitingApproval,
        vec![
            row("policy", "policy", StepState::Completed),
            row("approval", "approval", StepState::Waiting),
        ],
        Some(gate(false)),
    );
    assert_eq!(
        names(&changes(None, &now)),
        ["run", "step_finished", "step_waiting", "approval_requested"]
    );
}

#[test]
fn a_decision_comes_before_the_gate_step_finishes_and_after_earlier_steps() {
    let before = view(
        Phase::AwaitingApproval,
        vec![
            row("policy", "policy", StepState::Completed),
            row("approval", "approval", StepState::Waiting),
            row("work", "agent", StepState::Pending),
        ],
        Some(gate(false)),
    );
    let now = view(
        Phase::Running,
        vec![
            row("policy", "policy", StepState::Completed),
            row("approval", "approval", StepState::Completed),
            row("work", "agent", StepState::Running),
        ],
        Some(gate(true)),
    );
    assert_eq!(
        names(&changes(Some(&before), &now)),
        ["phase", "approval_decided", "step_finished", "step_started"]
    );
}

#[test]
fn a_view_no_worker_answered_adds_nothing() {
    let before = view(
        Phase::Running,
        vec![row("work", "agent", StepState::Running)],
        None,
    );
    let mut now = view(Phase::Running, Vec::new(), None);
    now.live = false;
    assert!(changes(Some(&before), &now).is_empty());
}

/// A gate sent back and reached again is a new opening: the request for
/// changes is told, then the gate again, with its round.
#[test]
fn a_gate_sent_back_is_told_again_in_its_next_round() {
    use crate::engine::status::{ChangeRound, Delegation};
    let round = |round, opening| ApprovalStatus {
        opening,
        round,
        max_rounds: 3,
        on_changes: Some("plan".into()),
        ..gate(false)
    };
    let waiting = |approval| {
        view(
            Phase::AwaitingApproval,
            vec![row("approval", "approval", StepState::Waiting)],
            Some(approval),
        )
    };
    let before = waiting(round(1, 1));
    let mut sent_back = round(1, 1);
    sent_back.delegations.push(Delegation {
        by: "alice".into(),
        to: "dave".into(),
        comment: None,
        at: String::new(),
        key: None,
    });
    sent_back.changes_requested = Some(ChangeRound {
        round: 1,
        by: "dave".into(),
        feedback: "split it".into(),
        at: String::new(),
        key: None,
    });
    let now = waiting(sent_back.clone());
    assert_eq!(
        names(&changes(Some(&before), &now)),
        ["delegated", "changes_requested"]
    );
    let again = waiting(round(2, 2));
    let events = changes(Some(&now), &again);
    assert_eq!(names(&events), ["approval_requested"]);
    assert_eq!(
        super::describe(&events[0], "r"),
        "awaiting approval at approval, round 2 of 3: ok? (approvers: anyone; orca approve r)"
    );
}

/// A hand-over is told once, where a later run takes over; what the new
/// run carried over is not told again.
#[test]
fn a_run_that_continued_as_new_is_told_once_and_nothing_again() {
    let steps = |loop_state| {
        vec![
            row("before", "agent", StepState::Completed),
            row("items", "foreach", loop_state),
        ]
    };
    let before = view(Phase::Running, steps(StepState::Running), None);
    let mut now = view(Phase::Running, steps(StepState::Completed), None);
    now.run_id = "2".into();
    now.continued = 1;
    let events = changes(Some(&before), &now);
    assert_eq!(names(&events), ["continued", "step_finished"]);
    assert_eq!(
        super::describe(&events[0], "r"),
        "continued as new: run 2 goes on where the run before it stopped, under the same ID"
    );
}

/// A first view no worker answered tells nothing yet (it lacks the input
/// and requester); the first one answered tells the run, once, with its
/// steps.
#[test]
fn the_run_is_told_once_when_the_first_view_had_no_worker() {
    let mut unanswered = view(Phase::Running, Vec::new(), None);
    unanswered.live = false;
    let answered = view(
        Phase::AwaitingApproval,
        vec![
            row("policy", "policy", StepState::Completed),
            row("approval", "approval", StepState::Waiting),
        ],
        Some(gate(false)),
    );
    let mut teller = super::Teller::default();
    assert!(names(&teller.changes(None, &unanswered)).is_empty());
    let mut unresolved = view(Phase::Running, Vec::new(), None);
    unresolved.live = true;
    assert!(names(&teller.changes(None, &unresolved)).is_empty());
    assert_eq!(
        names(&teller.changes(None, &answered)),
        ["run", "step_finished", "step_waiting", "approval_requested"]
    );
    assert!(names(&teller.changes(Some(&answered), &answered)).is_empty());
}

/// The run is told once it is resolved, even when an earlier live view
/// (before resolution) was already the watcher's `before`.
#[test]
fn the_run_is_told_when_it_is_resolved() {
    let unresolved = view(Phase::Running, Vec::new(), None);
    let resolved = view(
        Phase::Running,
        vec![row("a", "agent", StepState::Running)],
        None,
    );
    let mut teller = super::Teller::default();
    assert!(names(&teller.changes(None, &unresolved)).is_empty());
    assert_eq!(
        names(&teller.changes(Some(&unresolved), &resolved)),
        ["run", "step_started"]
    );
}

/// A closed run no worker answers for is still told, from the server's view.
#[test]
fn a_closed_run_with_no_worker_is_told() {
    let mut closed = view(Phase::Completed, Vec::new(), None);
    closed.live = false;
    closed.temporal_status = crate::state::TemporalStatus::Completed;
    let mut teller = super::Teller::default();
    assert_eq!(names(&teller.changes(None, &closed)), ["run"]);
}
