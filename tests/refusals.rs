//! Refusals are typed: the update validator fails with an application
//! failure whose type names the refusal (`NotAllowed`, `SelfApproval`, …),
//! and clients in any language classify by that type, never by the words.
//! The same rules hold for the `approve`/`reject` *signals*: a refused one
//! records nothing, and `orca history` shows it as ignored, with why.

use std::{process::Command, time::Duration};

use serde_json::{Value, json};

use crate::common::*;

/// A run of the gated fixture (alice and carol may decide), at its gate.
fn at_the_gate(env: &Env) -> String {
    let id = env.start(&["tests/fixtures/gated.toml"]);
    env.wait_phase(&id, "awaiting_approval");
    id
}

/// `approve` by `by` through the official Python SDK.
pub fn python_decides(env: &Env, id: &str, by: &str) -> Value {
    let out = Command::new("python3")
        .args([
            "tests/fixtures/py_decide.py",
            &env.address,
            id,
            "approve",
            by,
        ])
        .output()
        .expect("run python3");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).expect("one JSON line")
}

#[test]
fn the_python_sdk_sees_the_refusal_type() {
    let env = Env::new();
    let _worker = env.worker();
    let id = at_the_gate(&env);
    let answer = python_decides(&env, &id, "mallory");
    assert_eq!(answer["ok"], false, "{answer}");
    let types = answer["types"].as_array().unwrap();
    assert!(types.contains(&json!("NotAllowed")), "{answer}");
    assert!(
        answer["message"]
            .as_str()
            .unwrap()
            .contains("mallory may not decide"),
        "{answer}"
    );
}

#[test]
fn the_official_cli_sees_the_refusal_type() {
    let env = Env::new();
    let _worker = env.worker();
    let id = at_the_gate(&env);
    let (ok, text) = env.decide_via_temporal(&["update", "execute"], &id, "approve", "mallory");
    assert!(!ok, "{text}");
    assert!(text.contains("type: NotAllowed"), "{text}");
}

/// A two-of-three gate, then a long step, so the run is still going after
/// the gate is decided.
const QUORUM: &str = "name = \"quorum\"\n[[steps]]\nid = \"gate\"\nkind = \"approval\"\nprompt = \"ok?\"\napprovers = [\"alice\", \"bob\", \"carol\"]\nrequired = 2\n\n[[steps]]\nid = \"work\"\nkind = \"agent\"\naction = \"work\"\nduration = \"1m\"\n";

#[test]
fn each_rule_has_its_own_type() {
    let env = Env::new();
    let _worker = env.worker();
    let file = env.pipeline("quorum", QUORUM);
    // Started by alice, so alice deciding is four eyes' business.
    let id = env
        .orca(["start", &file, "--identity", "alice"])
        .ok()
        .stdout
        .trim()
        .to_string();
    env.wait_phase(&id, "awaiting_approval");
    let refused = |by: &str| {
        let answer = python_decides(&env, &id, by);
        assert_eq!(answer["ok"], false, "{by}: {answer}");
        answer["types"].as_array().unwrap().clone()
    };
    assert!(refused("alice").contains(&json!("SelfApproval")));
    assert!(refused("").contains(&json!("NoApprover")));
    assert!(refused("mallory").contains(&json!("NotAllowed")));
    assert_eq!(python_decides(&env, &id, "bob")["ok"], true);
    assert!(refused("bob").contains(&json!("AlreadyVoted")));
    assert_eq!(python_decides(&env, &id, "carol")["ok"], true);
    assert!(refused("bob").contains(&json!("AlreadyDecided")));
    env.orca(["terminate", &id, "--yes"]).ok();
}

#[test]
fn a_run_not_at_a_gate_refuses_with_not_awaiting() {
    let env = Env::new();
    let _worker = env.worker();
    let file = env.pipeline(
        "busy",
        "name = \"busy\"\n[[steps]]\nid = \"work\"\nkind = \"agent\"\naction = \"work\"\nduration = \"1m\"\n",
    );
    let id = env.start(&[&file]);
    env.wait_step(&id, "work", "running", Duration::from_secs(20));
    let answer = python_decides(&env, &id, "alice");
    assert!(
        answer["types"]
            .as_array()
            .unwrap()
            .contains(&json!("NotAwaiting")),
        "{answer}"
    );
    env.orca(["terminate", &id, "--yes"]).ok();
}

#[test]
fn a_signal_from_someone_who_may_not_decide_is_ignored_and_shown_so() {
    let env = Env::new();
    let _worker = env.worker();
    let id = at_the_gate(&env);
    let (ok, text) = env.decide_via_temporal(&["signal"], &id, "approve", "mallory");
    assert!(ok, "a signal is fire and forget: {text}");
    let history = env.history_entry(&id, "signal_ignored");
    let detail = history["detail"].as_str().unwrap();
    assert!(
        detail.contains("approve by mallory ignored (NotAllowed): mallory may not decide"),
        "{detail}"
    );
    let status = env.status(&id);
    assert_eq!(status["approval"]["votes"], json!([]), "{status:#}");
    assert_eq!(status["phase"], "awaiting_approval");
}

#[test]
fn a_signal_from_an_approver_decides_the_gate() {
    let env = Env::new();
    let _worker = env.worker();
    let id = at_the_gate(&env);
    let (ok, text) = env.decide_via_temporal(&["signal"], &id, "approve", "carol");
    assert!(ok, "{text}");
    let status = env.wait_phase(&id, "completed");
    assert_eq!(status["approval"]["decision"]["by"], "carol", "{status:#}");
    let history = env.orca(["history", &id, "-o", "json"]).ok().json();
    assert!(
        !history
            .as_array()
            .unwrap()
            .iter()
            .any(|e| e["event"] == "signal_ignored"),
        "{history:#}"
    );
}

#[test]
fn a_huge_name_in_a_refused_signal_does_not_break_the_run() {
    let env = Env::new();
    let _worker = env.worker();
    let id = at_the_gate(&env);
    // A 1.2 MB name: under the server's 2 MB payload limit, but noted twice
    // (name and reason) it would pass the memo's limit and fail every
    // workflow task of the run from then on.
    let huge = "m".repeat(1_200_000);
    let input = env.path("huge.json");
    std::fs::write(&input, json!({ "by": huge }).to_string()).unwrap();
    env.temporal([
        "workflow",
        "signal",
        "--workflow-id",
        &id,
        "--name",
        "approve",
    ])
    .arg("--input-file")
    .arg(&input)
    .ok();
    let ignored = env.history_entry(&id, "signal_ignored");
    let detail = ignored["detail"].as_str().unwrap();
    assert!(detail.contains("(NotAllowed)"), "{detail}");
    assert!(detail.len() < 2_000, "{} bytes", detail.len());
    env.orca(["approve", &id, "--as", "carol"]).ok();
    env.wait_phase(&id, "completed");
}
