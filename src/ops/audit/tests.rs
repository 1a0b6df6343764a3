//! The audit of histories built by hand: which signals count as decisions.

use serde_json::{Value, json};
use temporalio_common::protos::temporal::api::{
    common::v1::{Memo, Payloads},
    history::v1::{
        History, HistoryEvent, WorkflowExecutionSignaledEventAttributes,
        WorkflowExecutionStartedEventAttributes, WorkflowPropertiesModifiedEventAttributes,
        history_event::Attributes,
    },
};

use super::*;
use crate::engine::status::DelegateRequest;
use crate::{
    engine::status::RefusalKind,
    ops::history_fixtures::{event_at, payload},
};

/// A run fetched by ID, its ID `run`.
fn trail(history: &History) -> RunTrail<'_> {
    RunTrail {
        run_id: Some("run"),
        history,
    }
}

fn event(id: i64, attributes: Attributes) -> HistoryEvent {
    let time = std::time::UNIX_EPOCH + std::time::Duration::from_secs(1_800_000_000);
    event_at(id, time, attributes)
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
        signers: &[],
        window: std::time::Duration::from_secs(600),
    };
    let history = two_signals();
    let report = audit(&[trail(&history)], &against);
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

/// One accepted update and its completion (`ok`: the handler recorded it).
fn update(
    id: i64,
    time: std::time::SystemTime,
    name: &str,
    arg: &Value,
    ok: bool,
) -> Vec<HistoryEvent> {
    use temporalio_common::protos::temporal::api::{failure::v1::Failure, update::v1::outcome};
    let outcome = match ok {
        true => outcome::Value::Success(Payloads {
            payloads: vec![payload(json!({}))],
        }),
        false => outcome::Value::Failure(Failure::default()),
    };
    crate::ops::history_fixtures::update(id, time, name, arg.clone(), outcome)
}

/// A delegation signed by alice: `ssh-keygen` makes the key, as a client's.
fn signed_delegation(dir: &std::path::Path) -> (Value, String) {
    use crate::signing::{
        DecisionMessage, Signed, bound::DecisionAt, message::now_seconds, sign::SigningKey,
    };
    let key = dir.join("alice");
    let made = std::process::Command::new("ssh-keygen")
        .args(["-q", "-t", "ed25519", "-N", "", "-f"])
        .arg(&key)
        .status()
        .unwrap();
    assert!(made.success());
    let request = DelegateRequest {
        by: "alice".into(),
        to: "dave".into(),
        comment: Some("away".into()),
        signed: None,
    };
    let at = DecisionAt {
        workflow_id: "w",
        run_id: "run",
        gate: "gate",
        opening: 1,
    };
    let claim = request.claim();
    let message = DecisionMessage::new(
        at,
        claim.act,
        "alice",
        claim.comment,
        &claim.data,
        now_seconds(),
    )
    .render();
    let signature = SigningKey::File(key.clone()).sign(&message).unwrap();
    let signed = Signed { message, signature };
    let arg = json!({"by": "alice", "to": "dave", "comment": "away", "signed": signed});
    let public = std::fs::read_to_string(key.with_extension("pub")).unwrap();
    let line: Vec<&str> = public.split_whitespace().take(2).collect();
    (arg, format!("alice {}\n", line.join(" ")))
}

/// Requests for changes and delegations are decisions too: each is checked
/// as the act it claims, so a delegation's signature does not pass for a
/// request for changes; one the handler refused is no decision.
#[test]
fn every_act_at_a_gate_is_checked_as_what_it_claims() {
    let dir = tempfile::tempdir().unwrap();
    let (delegation, signers) = signed_delegation(dir.path());
    let signers = crate::signing::allowed::parse(&signers).unwrap();
    let now = std::time::SystemTime::now();
    let mut as_changes = delegation.clone();
    as_changes.as_object_mut().unwrap().remove("to");
    let mut events = two_signals().events[..1].to_vec();
    events.extend(update(10, now, "delegate", &delegation, true));
    events.extend(update(20, now, "request_changes", &as_changes, true));
    events.extend(update(
        30,
        now,
        "request_changes",
        &json!({"by": "bob", "comment": "x"}),
        true,
    ));
    events.extend(update(
        40,
        now,
        "delegate",
        &json!({"by": "bob", "to": "erin"}),
        false,
    ));
    let against = Against {
        workflow_id: Some("w"),
        signers: &signers,
        window: std::time::Duration::from_secs(600),
    };
    let history = History { events };
    let report = audit(&[trail(&history)], &against);
    let acts: Vec<(&str, &str, bool)> = report
        .checks
        .iter()
        .skip(1)
        .map(|c| (c.action.as_str(), c.principal.as_str(), c.verified))
        .collect();
    assert_eq!(
        acts,
        [
            ("delegate", "alice", true),
            ("request_changes", "alice", false),
            ("request_changes", "bob", false),
        ],
        "{report:#?}"
    );
    assert_eq!(
        report.checks[3].reason.as_deref(),
        Some("the decision was not signed")
    );
}

/// A continuation's start: run `own`, handed over from `from`, whose
/// carried state names the earlier runs of the chain.
fn continued_start(own: &str, from: &str) -> HistoryEvent {
    use temporalio_common::protos::temporal::api::enums::v1::ContinueAsNewInitiator;
    let input = json!({"pipeline": "p", "requested_by": "bob", "continued": {"run_ids": [from]}});
    event(
        1,
        Attributes::WorkflowExecutionStartedEventAttributes(
            WorkflowExecutionStartedEventAttributes {
                original_execution_run_id: own.into(),
                continued_execution_run_id: from.into(),
                initiator: ContinueAsNewInitiator::Workflow as i32,
                input: Some(Payloads {
                    payloads: vec![payload(input)],
                }),
                ..Default::default()
            },
        ),
    )
}

/// A chain is one trail: the requester is checked in the first run only,
/// and a later run alone says where the rest is.
#[test]
fn a_chain_checks_its_requester_once_and_a_later_run_alone_says_so() {
    let against = Against {
        workflow_id: Some("w"),
        signers: &[],
        window: std::time::Duration::from_secs(600),
    };
    let first = History {
        events: two_signals().events[..1].to_vec(),
    };
    let later = History {
        events: vec![continued_start("run2", "run")],
    };
    let both = [
        trail(&first),
        RunTrail {
            run_id: Some("run2"),
            history: &later,
        },
    ];
    let report = audit(&both, &against);
    let starts = report.checks.iter().filter(|c| c.action == "start").count();
    assert_eq!(starts, 1, "{report:#?}");
    assert_eq!(report.runs, ["run", "run2"]);
    assert_eq!(report.run_id, "run2");
    assert!(!report.notes.iter().any(|n| n.contains("continued from")));
    let alone = audit(&both[1..], &against);
    assert!(
        alone.checks.iter().all(|c| c.action != "start"),
        "{alone:#?}"
    );
    assert!(
        alone
            .notes
            .iter()
            .any(|n| n.contains("continued from run run"))
    );
}
