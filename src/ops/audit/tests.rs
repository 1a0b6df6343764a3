//! The audit of histories built by hand: which signals count as decisions.

use prost_wkt_types::Timestamp;
use serde_json::{Value, json};
use temporalio_common::protos::temporal::api::{
    common::v1::{Memo, Payload, Payloads},
    history::v1::{
        History, HistoryEvent, WorkflowExecutionSignaledEventAttributes,
        WorkflowExecutionStartedEventAttributes, WorkflowPropertiesModifiedEventAttributes,
        history_event::Attributes,
    },
};

use super::*;
use crate::engine::status::RefusalKind;

fn payload(value: Value) -> Payload {
    Payload {
        metadata: [("encoding".to_string(), b"json/plain".to_vec())].into(),
        data: serde_json::to_vec(&value).unwrap(),
        ..Default::default()
    }
}

fn event(id: i64, attributes: Attributes) -> HistoryEvent {
    HistoryEvent {
        event_id: id,
        event_time: Some(Timestamp {
            seconds: 1_800_000_000,
            nanos: 0,
        }),
        attributes: Some(attributes),
        ..Default::default()
    }
}

fn signal(id: i64, request: &Value) -> HistoryEvent {
    event(
        id,
        Attributes::WorkflowExecutionSignaledEventAttributes(
            WorkflowExecutionSignaledEventAttributes {
                signal_name: "approve".into(),
                input: Some(Payloads {
                    payloads: vec![payload(request.clone())],
                }),
                ..Default::default()
            },
        ),
    )
}

/// Two approve signals by alice in one task; the workflow ignored the
/// second (signed) one, as its memo note (with the request's digest) says.
fn two_signals() -> History {
    let unsigned = json!({"by": "alice"});
    let signed = json!({"by": "alice", "signed": {"message": "m", "signature": "s"}});
    let request: DecisionRequest = serde_json::from_value(signed.clone()).unwrap();
    let note = IgnoredSignal {
        signal: VoteKind::Approve,
        by: "alice".into(),
        refusal: RefusalKind::AlreadyVoted,
        reason: "already approved by alice".into(),
        request_sha256: Some(request.digest()),
    };
    let memo = Memo {
        fields: [(
            MEMO_IGNORED.to_string(),
            payload(serde_json::to_value(note).unwrap()),
        )]
        .into(),
    };
    History {
        events: vec![
            event(
                1,
                Attributes::WorkflowExecutionStartedEventAttributes(
                    WorkflowExecutionStartedEventAttributes {
                        original_execution_run_id: "run".into(),
                        ..Default::default()
                    },
                ),
            ),
            signal(2, &unsigned),
            signal(3, &signed),
            event(
                4,
                Attributes::WorkflowTaskCompletedEventAttributes(Default::default()),
            ),
            event(
                5,
                Attributes::WorkflowPropertiesModifiedEventAttributes(
                    WorkflowPropertiesModifiedEventAttributes {
                        upserted_memo: Some(memo),
                        ..Default::default()
                    },
                ),
            ),
        ],
    }
}

#[test]
fn an_ignored_signal_is_told_from_another_by_the_same_name() {
    let against = Against {
        workflow_id: Some("w"),
        run_id: Some("run"),
        signers: &[],
        window: std::time::Duration::from_secs(600),
    };
    let report = audit(&two_signals(), &against);
    let decisions: Vec<&Check> = report
        .checks
        .iter()
        .filter(|c| c.action == "approve")
        .collect();
    // The one recorded is the unsigned one, and it does not verify.
    assert_eq!(decisions.len(), 1, "{report:#?}");
    assert_eq!(
        decisions[0].reason.as_deref(),
        Some("the decision was not signed")
    );
    assert!(!report.verified);
}
