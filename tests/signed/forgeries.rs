//! A hostile client holds a real signature, or none, and tries to make it
//! count where it was not given. Each attempt goes through the official
//! `temporal` CLI (or the Python SDK), so it is the workflow, not orca's
//! client, that refuses it; nothing is recorded.

use std::time::{Duration, SystemTime};

use base64::Engine;
use serde_json::{Value, json};

use super::*;

struct Gate {
    env: Env,
    alice: Key,
    _worker: Worker,
    id: String,
}

/// A worker trusting alice, and a run at its signed gate.
fn gate() -> Gate {
    let env = Env::new();
    let alice = Key::new(&env, "alice", "ed25519");
    let signers = allowed_signers(&env, &[("alice", &alice)]);
    let worker = env.worker_with(&["--allowed-signers", signers.to_str().unwrap()]);
    let id = at_gate(&env, "quorum", SIGNED_QUORUM, &[]);
    Gate {
        env,
        alice,
        _worker: worker,
        id,
    }
}

impl Gate {
    /// alice approves with a message changed by `edit`, signed with her
    /// key: refused with `reason`.
    fn edited_refused(&self, edit: impl FnOnce(&mut Message), reason: &str) {
        let message = self.message(edit);
        let signature = self.alice.sign(&message);
        self.refused("approve", "alice", None, &message, &signature, reason);
    }

    /// A message for this run's gate as alice, changed by `edit`.
    fn message(&self, edit: impl FnOnce(&mut Message)) -> String {
        let (run_id, opening) = gate_of(&self.env, &self.id);
        let mut message = Message {
            workflow_id: &self.id,
            run_id: &run_id,
            gate: "gate",
            opening,
            decision: "approve",
            principal: "alice",
            comment: "",
            signed_at: SystemTime::now(),
        };
        edit(&mut message);
        message.text()
    }

    /// Sends `{by, comment, signed}` as update `name`; it must be refused
    /// with `reason`, typed `BadSignature`, and leave the gate untouched.
    fn refused(
        &self,
        name: &str,
        by: &str,
        comment: Option<&str>,
        message: &str,
        signature: &str,
        reason: &str,
    ) {
        let mut request = json!({"by": by, "signed": {"message": message, "signature": signature}});
        if let Some(comment) = comment {
            request["comment"] = json!(comment);
        }
        refused_with(&self.env, &self.id, name, &request, reason);
    }
}

/// The first decision request the run's history recorded, as the
/// official CLI exports it: what anyone with read access can copy.
fn recorded_request(env: &Env, id: &str) -> Value {
    let history: Value = serde_json::from_str(&env.temporal_history(id)).unwrap();
    let accepted = history["events"]
        .as_array()
        .unwrap()
        .iter()
        .find_map(|e| e.get("workflowExecutionUpdateAcceptedEventAttributes"))
        .expect("an accepted update");
    let data = accepted["acceptedRequest"]["input"]["args"]["payloads"][0]["data"]
        .as_str()
        .unwrap();
    serde_json::from_slice(
        &base64::engine::general_purpose::STANDARD
            .decode(data)
            .unwrap(),
    )
    .unwrap()
}

/// `request` sent to `id` as update `name` is refused with `reason`, typed
/// `BadSignature`, and records nothing.
fn refused_with(env: &Env, id: &str, name: &str, request: &Value, reason: &str) {
    let done = update_via_temporal(env, id, name, request);
    assert_ne!(done.code, 0, "{done}");
    let text = done.stdout + &done.stderr;
    assert!(text.contains("BadSignature"), "{text}");
    assert!(text.contains(reason), "expected `{reason}` in:\n{text}");
    assert!(no_votes(env, id));
}

#[test]
fn a_signature_copied_from_another_runs_history_is_refused() {
    let g = gate();
    let other = at_gate(&g.env, "quorum", SIGNED_QUORUM, &[]);
    approve(&g.env, &other, &g.alice, "alice", &[]).ok();
    let request = recorded_request(&g.env, &other);
    refused_with(
        &g.env,
        &g.id,
        "approve",
        &request,
        &format!("the signature is for workflow {other}"),
    );
}

#[test]
fn a_signature_copied_from_an_earlier_run_of_the_same_id_is_refused() {
    let g = gate();
    approve(&g.env, &g.id, &g.alice, "alice", &[]).ok();
    let first_run = g.env.status(&g.id)["run_id"].as_str().unwrap().to_string();
    let request = recorded_request(&g.env, &g.id);
    // The first run ends; its ID is reused for a new run at the same gate.
    let file = g.env.pipeline("quorum", SIGNED_QUORUM);
    g.env
        .orca(["terminate", &g.id, "--yes", "--reason", "done"])
        .ok();
    g.env
        .orca([
            "start",
            &file,
            "--id",
            &g.id,
            "--id-reuse",
            "allow-duplicate",
        ])
        .ok();
    g.env
        .wait_status(&g.id, std::time::Duration::from_secs(30), |s| {
            s["live"] == true
                && s["phase"] == "awaiting_approval"
                && s["run_id"] != first_run.as_str()
        });
    refused_with(
        &g.env,
        &g.id,
        "approve",
        &request,
        &format!("the signature is for run {first_run}"),
    );
}

#[test]
fn a_signed_approval_does_not_reject() {
    let g = gate();
    let message = g.message(|_| {});
    let signature = g.alice.sign(&message);
    g.refused(
        "reject",
        "alice",
        None,
        &message,
        &signature,
        "the signature is for approve, and this is reject",
    );
}

#[test]
fn a_signature_for_another_opening_of_the_gate_is_refused() {
    gate().edited_refused(
        |m| m.opening += 1,
        "the signature is for opening 2 of gate `gate`; this is opening 1",
    );
}

#[test]
fn a_signature_for_another_gate_is_refused() {
    gate().edited_refused(|m| m.gate = "deploy", "the signature is for gate `deploy`");
}

#[test]
fn a_stale_signature_is_refused() {
    gate().edited_refused(
        |m| m.signed_at = SystemTime::now() - Duration::from_secs(3 * 3600),
        "signed 3h ago; the window is 10m",
    );
}

#[test]
fn an_altered_message_is_refused() {
    let g = gate();
    let message = g.message(|_| {});
    let signature = g.alice.sign(&message);
    let altered = message.replace("principal: alice", "principal: alicf");
    g.refused(
        "approve",
        "alice",
        None,
        &altered,
        &signature,
        "does not match the message: it was altered",
    );
}

#[test]
fn a_comment_other_than_the_signed_one_is_refused() {
    let g = gate();
    let message = g.message(|m| m.comment = "ship it");
    let signature = g.alice.sign(&message);
    g.refused(
        "approve",
        "alice",
        Some("ship it, and drop the database"),
        &message,
        &signature,
        "the comment is not the one that was signed",
    );
}

#[test]
fn a_signature_made_for_git_is_refused() {
    let g = gate();
    let message = g.message(|_| {});
    let signature = g.alice.sign_as_namespace(&message, "git");
    g.refused(
        "approve",
        "alice",
        None,
        &message,
        &signature,
        "the signature is for namespace `git`, not `orca-approval`",
    );
}

#[test]
fn the_python_sdk_is_refused_an_unsigned_decision() {
    let g = gate();
    let answer = crate::refusals::python_decides(&g.env, &g.id, "alice");
    assert_eq!(answer["ok"], false, "{answer}");
    let types = answer["types"].as_array().unwrap();
    assert!(types.contains(&json!("SignatureRequired")), "{answer}");
}

#[test]
fn a_requester_name_padded_with_spaces_is_still_the_requester() {
    let env = Env::new();
    // alice has two keys (a laptop and a security key, say).
    let laptop = Key::new(&env, "alice", "ed25519");
    let token = Key::new(&env, "alice2", "ed25519");
    let signers = allowed_signers(&env, &[("alice", &laptop), ("alice", &token)]);
    let (_worker, _dir) = worker_with_pipelines(&env, &signers);
    let id = format!("padded-{}", env.task_queue);
    let message = format!(
        "orca-start-v1\nworkflow-id: {id}\npipeline: signed-four-eyes\ninput-sha256: {}\nrequester: alice\nsigned-at: {}\n",
        sha256("{}"),
        humantime::format_rfc3339_seconds(SystemTime::now())
    );
    let request = json!({
        "pipeline": "signed-four-eyes",
        "input": {},
        "requested_by": " alice",
        "signed": {"message": message, "signature": laptop.sign(&message)},
    });
    start_via_temporal(&env, &id, &request.to_string(), &[]);
    env.wait_phase(&id, "awaiting_approval");
    approve(&env, &id, &token, "alice", &[])
        .code(7)
        .stderr_has("alice started this run and may not approve");
}
