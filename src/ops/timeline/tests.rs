//! The timeline of a history built by hand, event by event.

use serde_json::json;
use temporalio_common::protos::temporal::api::{
    common::v1::{ActivityType, Memo, Payloads},
    history::v1::{
        ActivityTaskCompletedEventAttributes, ActivityTaskScheduledEventAttributes,
        ActivityTaskStartedEventAttributes, History, HistoryEvent,
        WorkflowExecutionCompletedEventAttributes, WorkflowExecutionSignaledEventAttributes,
        WorkflowExecutionStartedEventAttributes, WorkflowPropertiesModifiedEventAttributes,
        history_event::Attributes,
    },
};

use super::{EntryKind, timeline};
use crate::ops::history_fixtures::{self, event_at, payload, payloads};

/// `millis` after the histories' start.
fn at(millis: i64) -> std::time::SystemTime {
    std::time::UNIX_EPOCH + std::time::Duration::from_millis(1_800_000_000_000 + millis as u64)
}

fn event(id: i64, millis: i64, attributes: Attributes) -> HistoryEvent {
    event_at(id, at(millis), attributes)
}

fn history() -> History {
    use Attributes as A;
    History {
        events: vec![
            event(1, 0, A::WorkflowExecutionStartedEventAttributes(WorkflowExecutionStartedEventAttributes {
                input: payloads(json!({"pipeline": "sample", "input": {"task": "x"}, "requested_by": "bob"})),
                ..Default::default()
            })),
            event(5, 100, A::ActivityTaskScheduledEventAttributes(ActivityTaskScheduledEventAttributes {
                activity_id: "work".into(),
                activity_type: Some(ActivityType { name: "orca.agent".into() }),
                ..Default::default()
            })),
            event(6, 200, A::ActivityTaskStartedEventAttributes(ActivityTaskStartedEventAttributes {
                scheduled_event_id: 5,
                attempt: 2,
                ..Default::default()
            })),
            event(7, 1600, A::ActivityTaskCompletedEventAttributes(ActivityTaskCompletedEventAttributes {
                scheduled_event_id: 5,
                ..Default::default()
            })),
            event(8, 1700, A::WorkflowExecutionSignaledEventAttributes(WorkflowExecutionSignaledEventAttributes {
                signal_name: "approve".into(),
                input: payloads(json!({"by": "mallory"})),
                ..Default::default()
            })),
            event(9, 1800, A::WorkflowPropertiesModifiedEventAttributes(WorkflowPropertiesModifiedEventAttributes {
                upserted_memo: Some(Memo {
                    fields: [(
                        "orca_ignored".to_string(),
                        payload(json!({"signal": "approve", "by": "mallory", "refusal": "NotAllowed", "reason": "mallory may not decide"})),
                    )]
                    .into(),
                }),
                ..Default::default()
            })),
            event(10, 2000, A::WorkflowExecutionCompletedEventAttributes(WorkflowExecutionCompletedEventAttributes {
                result: payloads(json!({"outcome": "rejected", "detail": "by alice"})),
                ..Default::default()
            })),
        ],
    }
}

#[test]
fn each_event_becomes_one_entry_in_order() {
    let kinds: Vec<EntryKind> = timeline(&history()).iter().map(|e| e.event).collect();
    assert_eq!(
        kinds,
        [
            EntryKind::Started,
            EntryKind::StepStarted,
            EntryKind::StepCompleted,
            EntryKind::Signal,
            EntryKind::SignalIgnored,
            EntryKind::Completed,
        ]
    );
}

#[test]
fn the_start_says_what_ran_for_whom() {
    let entries = timeline(&history());
    assert_eq!(
        entries[0].detail,
        "sample, requested by bob, input {\"task\":\"x\"}"
    );
    assert_eq!(entries[0].offset_ms, 0);
}

#[test]
fn a_step_is_named_and_timed_from_its_scheduling() {
    let entries = timeline(&history());
    assert_eq!(entries[1].step.as_deref(), Some("work"));
    assert_eq!(entries[1].attempt, Some(2));
    assert_eq!(entries[1].detail, "started (orca.agent)");
    assert_eq!(entries[2].detail, "completed after 1.5s");
    assert_eq!(entries[2].offset_ms, 1600);
}

#[test]
fn an_ignored_signal_says_why() {
    let entries = timeline(&history());
    assert_eq!(entries[3].detail, "approve by mallory");
    assert_eq!(
        entries[4].detail,
        "approve by mallory ignored (NotAllowed): mallory may not decide"
    );
}

#[test]
fn the_end_gives_the_outcome_and_why() {
    let entries = timeline(&history());
    assert_eq!(entries[5].detail, "outcome rejected (by alice)");
}

/// An accepted update and its completion, with `result` as its answer.
fn update(
    id: i64,
    name: &str,
    arg: serde_json::Value,
    result: serde_json::Value,
) -> Vec<HistoryEvent> {
    use temporalio_common::protos::temporal::api::update::v1::outcome;
    let success = outcome::Value::Success(Payloads {
        payloads: vec![payload(result)],
    });
    history_fixtures::update(id, at(id * 100), name, arg, success)
}

#[test]
fn requests_for_changes_delegations_and_rounds_are_events() {
    let round = Attributes::WorkflowPropertiesModifiedEventAttributes(
        WorkflowPropertiesModifiedEventAttributes {
            upserted_memo: Some(Memo {
                fields: [("orca_round".to_string(), payload(json!("1/3")))].into(),
            }),
            ..Default::default()
        },
    );
    let mut events = vec![event(1, 0, round)];
    events.extend(update(
        2,
        "delegate",
        json!({"by": "alice", "to": "dave", "comment": "away"}),
        json!({"step": "gate", "by": "alice", "to": "dave", "at": "t"}),
    ));
    events.extend(update(
        4,
        "request_changes",
        json!({"by": "dave", "comment": "split batch 3"}),
        json!({"step": "gate", "by": "dave", "round": 1, "max_rounds": 3, "back_to": "plan", "feedback": "split batch 3"}),
    ));
    events.extend(update(
        6,
        "approve",
        json!({"by": "bob", "fields": {"replicas": 5}}),
        json!({"step": "gate", "by": "bob", "vote": "approve", "at": "t", "approvals": 1, "required": 1,
               "rejections": 0, "reject_quorum": 1, "decision": "approved", "approved": true}),
    ));
    let lines: Vec<(EntryKind, String)> = timeline(&History { events })
        .into_iter()
        .map(|e| (e.event, e.detail))
        .collect();
    assert_eq!(
        lines,
        [
            (EntryKind::Round, "round 1 of 3".to_string()),
            (EntryKind::Delegate, "by alice to dave: away".to_string()),
            (
                EntryKind::RequestChanges,
                "by dave: split batch 3 — back to `plan` (round 1 of 3)".to_string()
            ),
            (
                EntryKind::Approve,
                "by bob with replicas = 5 — unverified".to_string()
            ),
        ]
    );
}
