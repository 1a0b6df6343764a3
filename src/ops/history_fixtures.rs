//! Histories built by hand for the unit tests of what reads them (the
//! timeline, the audit): payloads as the SDK encodes them, events, and an
//! update's accepted and completed pair.

use std::time::SystemTime;

use prost_wkt_types::Timestamp;
use serde_json::Value;
use temporalio_common::protos::temporal::api::{
    common::v1::{Payload, Payloads},
    history::v1::{
        HistoryEvent, WorkflowExecutionUpdateAcceptedEventAttributes,
        WorkflowExecutionUpdateCompletedEventAttributes, history_event::Attributes,
    },
    update::v1::{Input, Meta, Outcome, Request, outcome},
};

/// `value` as a JSON payload.
pub fn payload(value: Value) -> Payload {
    Payload {
        metadata: [("encoding".to_string(), b"json/plain".to_vec())].into(),
        data: serde_json::to_vec(&value).unwrap(),
        ..Default::default()
    }
}

/// `value` as the one payload of a message.
pub fn payloads(value: Value) -> Option<Payloads> {
    Some(Payloads {
        payloads: vec![payload(value)],
    })
}

/// Event `id` at `time`.
pub fn event_at(id: i64, time: SystemTime, attributes: Attributes) -> HistoryEvent {
    HistoryEvent {
        event_id: id,
        event_time: Some(Timestamp::from(time)),
        attributes: Some(attributes),
        ..Default::default()
    }
}

/// Update `name` with `arg`, accepted as event `id` and completed with
/// `outcome` as event `id + 1`, both at `time`.
pub fn update(
    id: i64,
    time: SystemTime,
    name: &str,
    arg: Value,
    outcome: outcome::Value,
) -> Vec<HistoryEvent> {
    let meta = Meta {
        update_id: format!("u{id}"),
        ..Default::default()
    };
    let request = Request {
        meta: Some(meta.clone()),
        input: Some(Input {
            name: name.into(),
            args: payloads(arg),
            ..Default::default()
        }),
        ..Default::default()
    };
    let accepted = WorkflowExecutionUpdateAcceptedEventAttributes {
        accepted_request: Some(request),
        ..Default::default()
    };
    let completed = WorkflowExecutionUpdateCompletedEventAttributes {
        meta: Some(meta),
        outcome: Some(Outcome {
            value: Some(outcome),
        }),
        ..Default::default()
    };
    vec![
        event_at(
            id,
            time,
            Attributes::WorkflowExecutionUpdateAcceptedEventAttributes(accepted),
        ),
        event_at(
            id + 1,
            time,
            Attributes::WorkflowExecutionUpdateCompletedEventAttributes(completed),
        ),
    ]
}
