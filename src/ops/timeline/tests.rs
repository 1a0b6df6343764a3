//! The timeline of a history built by hand, event by event.

use prost_wkt_types::Timestamp;
use serde_json::json;
use temporalio_common::protos::temporal::api::{
    common::v1::{ActivityType, Memo, Payload, Payloads},
    history::v1::{
        ActivityTaskCompletedEventAttributes, ActivityTaskScheduledEventAttributes,
        ActivityTaskStartedEventAttributes, History, HistoryEvent,
        WorkflowExecutionCompletedEventAttributes, WorkflowExecutionSignaledEventAttributes,
        WorkflowExecutionStartedEventAttributes, WorkflowPropertiesModifiedEventAttributes,
        history_event::Attributes,
    },
};

use super::{EntryKind, timeline};

fn payload(value: serde_json::Value) -> Payload {
    Payload {
        metadata: [("encoding".to_string(), b"json/plain".to_vec())].into(),
        data: serde_json::to_vec(&value).unwrap(),
        ..Default::default()
    }
}

fn payloads(value: serde_json::Value) -> Option<Payloads> {
    Some(Payloads {
        payloads: vec![payload(value)],
    })
}

fn event(id: i64, millis: i64, attributes: Attributes) -> HistoryEvent {
    HistoryEvent {
        event_id: id,
        event_time: Some(Timestamp {
            seconds: 1_800_000_000 + millis / 1000,
            nanos: (millis % 1000) as i32 * 1_000_000,
        }),
        attributes: Some(attributes),
        ..Default::default()
    }
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
