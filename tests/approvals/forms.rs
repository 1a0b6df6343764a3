//! Forms: a gate declares typed fields, a decision fills them in, and the
//! values (defaults filled in) are recorded, shown, and read by later
//! steps; a signature covers them. The refusals are in `form_refusals`.

use std::time::Duration;

use serde_json::{Value, json};

use super::{parked, shared};
use crate::{common::http::HttpRecorder, common::*};

/// A gate with one field of each type, a rejection form, and two steps
/// after it that branch on the approval's `window`.
pub(super) const FORM: &str = r#"name = "form"
[[steps]]
id = "gate"
kind = "approval"
prompt = "Roll out?"
[steps.fields.replicas]
type = "integer"
min = 1
max = 20
default = 3
description = "how many replicas to roll out"
[steps.fields.window]
type = "choice"
choices = ["now", "tonight"]
required = true
[steps.fields.ratio]
type = "number"
min = 0
max = 1
[steps.fields.canary]
type = "boolean"
default = false
[steps.fields.ticket]
type = "string"
pattern = "OPS-[0-9]+"
[steps.fields.regions]
type = "list"
choices = ["eu", "us", "ap"]
max = 2
[steps.reject_fields.cause]
type = "choice"
choices = ["risk", "timing"]
required = true

[[steps]]
id = "now"
kind = "agent"
action = "roll out {{ steps.gate.output.fields.replicas }} replicas now"
duration = "100ms"
if = "{{ steps.gate.output.fields.window == 'now' }}"

[[steps]]
id = "tonight"
kind = "agent"
action = "roll out {{ steps.gate.output.fields.replicas }} replicas tonight"
duration = "100ms"
if = "{{ steps.gate.output.fields.window == 'tonight' }}"
"#;

/// The run's result, once it has ended (`orca wait -o json`).
fn result(env: &Env, id: &str) -> Value {
    env.orca(["wait", id, "-o", "json"])
        .run_within(Duration::from_secs(30))
        .json()
}

#[test]
fn an_approval_records_its_form_with_defaults_filled_in() {
    let env = shared();
    let id = parked("form-recorded", FORM);
    let fields = ["window=now", "ratio=0.25", "regions=eu,us", "ticket=OPS-12"];
    let mut args = vec!["approve", id.as_str(), "--as", "alice", "-o", "json"];
    for field in &fields {
        args.extend(["--field", field]);
    }
    let answer = env.orca(&args).ok().json();
    let expected = json!({
        "canary": false,
        "ratio": 0.25,
        "regions": ["eu", "us"],
        "replicas": 3,
        "ticket": "OPS-12",
        "window": "now",
    });
    assert_eq!(answer["fields"], expected, "{answer:#}");
    let status = env.wait_phase(&id, "completed");
    let decision = &status["approval"]["decision"];
    assert_eq!(decision["fields"], expected, "{status:#}");
    assert_eq!(decision["votes"][0]["fields"], expected, "{status:#}");
}

/// `--fields-json @FILE`; `steps.gate.output.fields` in a later step's `if`
/// and action.
#[test]
fn a_later_step_branches_on_a_field_and_reads_it() {
    let env = shared();
    let id = parked("form-branch", FORM);
    let file = env.write(
        "form-branch.json",
        r#"{"window": "tonight", "replicas": 7, "canary": true}"#,
    );
    let from_file = format!("@{}", file.display());
    env.orca(["approve", &id, "--as", "alice", "--fields-json", &from_file])
        .ok();
    let steps = result(env, &id)["steps"].clone();
    assert_eq!(
        steps["tonight"]["action"], "roll out 7 replicas tonight",
        "{steps:#}"
    );
    assert!(steps["now"].is_null(), "the `now` branch ran: {steps:#}");
    assert_eq!(steps["gate"]["fields"]["canary"], true, "{steps:#}");
}

#[test]
fn a_rejection_records_its_own_form() {
    let env = shared();
    let id = parked("form-rejected", FORM);
    env.orca(["reject", &id, "--as", "bob", "--reason", "not today"])
        .args(["--field", "cause=timing"])
        .ok();
    let status = env.wait_phase(&id, "rejected");
    let decision = &status["approval"]["decision"];
    assert_eq!(decision["fields"], json!({"cause": "timing"}), "{status:#}");
    assert_eq!(decision["comment"], "not today", "{status:#}");
}

/// What the gate asks is in its status, for any client to render.
#[test]
fn the_open_gate_shows_its_form() {
    let env = shared();
    let id = parked("form-shown", FORM);
    let status = env.status(&id);
    let fields = &status["approval"]["fields"];
    assert_eq!(
        fields["window"],
        json!({"type": "choice", "required": true, "choices": ["now", "tonight"]}),
        "{status:#}"
    );
    assert_eq!(
        fields["replicas"],
        json!({"type": "integer", "default": 3, "description": "how many replicas to roll out", "min": 1, "max": 20}),
        "{status:#}"
    );
    assert_eq!(
        status["approval"]["reject_fields"]["cause"]["choices"],
        json!(["risk", "timing"]),
        "{status:#}"
    );
    env.orca(["terminate", &id, "--yes"]).ok();
}

/// `orca inbox -o json` carries the form of each gate, for a client that
/// asks for it.
#[test]
fn the_inbox_shows_the_form() {
    let env = shared();
    let id = parked("form-inbox", FORM);
    let row = poll_for(Duration::from_secs(30), || {
        let rows = env
            .orca(["inbox", "--as", "bob", "--limit", "0", "-o", "json"])
            .ok()
            .json();
        let rows = rows.as_array().cloned().unwrap_or_default();
        let row = rows.into_iter().find(|r| r["workflow_id"] == id.as_str());
        row.ok_or_else(|| format!("{id} not in bob's inbox"))
    });
    assert_eq!(
        row["fields"]["window"]["choices"],
        json!(["now", "tonight"]),
        "{row:#}"
    );
    env.orca(["terminate", &id, "--yes"]).ok();
}

/// `orca status` lists the form as it is asked, then the answers.
#[test]
fn status_shows_the_form_and_then_the_answers() {
    let env = shared();
    let id = parked("form-status", FORM);
    env.status_text(&id)
        .stdout_has("replicas (integer, 1..20, default 3): how many replicas to roll out")
        .stdout_has("window (choice, one of now | tonight, required)")
        .stdout_has("cause (choice, one of risk | timing, required)");
    env.orca(["approve", &id, "--as", "alice", "--field", "window=now"])
        .ok()
        .stdout_has("with canary = false, replicas = 3, window = now");
    env.wait_phase(&id, "completed");
    env.status_text(&id)
        .stdout_has("alice approved with canary = false, replicas = 3, window = now");
}

/// `orca history` shows the values each decision sent.
#[test]
fn history_shows_the_answers() {
    let env = shared();
    let id = parked("form-history", FORM);
    env.orca(["approve", &id, "--as", "alice", "--field", "window=tonight"])
        .args(["--comment", "after hours"])
        .ok();
    super::history_has(
        env,
        &id,
        "approve",
        "by alice with window = tonight: after hours",
    );
}

/// The webhook's default body carries the form, so a chat message can
/// say what the approver will be asked.
#[test]
fn the_webhook_body_carries_the_form() {
    let env = shared();
    let hook = HttpRecorder::start();
    let toml = FORM.replacen(
        "prompt = \"Roll out?\"",
        &format!(
            "prompt = \"Roll out?\"\nnotify = [{{ url = \"{}/form\" }}]",
            hook.url
        ),
        1,
    );
    let id = parked("form-notify", &toml);
    eventually(Duration::from_secs(20), "the webhook called", || {
        !hook.requests().is_empty()
    });
    let body: Value = serde_json::from_str(&hook.requests()[0].body).unwrap();
    assert_eq!(body["run_id"], id.as_str(), "{body:#}");
    assert_eq!(
        body["fields"]["window"]["choices"],
        json!(["now", "tonight"]),
        "{body:#}"
    );
    assert_eq!(body["fields"]["replicas"]["max"], 20, "{body:#}");
    env.orca(["terminate", &id, "--yes"]).ok();
}

/// A signed decision's signature covers its fields: the same signature
/// with other values is refused, and with the signed ones accepted.
#[test]
fn a_signature_covers_the_form() {
    use crate::signed::{Key, Message, allowed_signers, at_gate, gate_of, sha256};
    let env = Env::new();
    let alice = Key::new(&env, "alice", "ed25519");
    let signers = allowed_signers(&env, &[("alice", &alice)]);
    let _worker = env.worker_with(&["--allowed-signers", signers.to_str().unwrap()]);
    let toml = FORM.replacen(
        "prompt = \"Roll out?\"",
        "prompt = \"Roll out?\"\nsigned = true",
        1,
    );
    let id = at_gate(&env, "form-signed", &toml, &[]);
    let (run_id, opening) = gate_of(&env, &id);
    let message = Message {
        workflow_id: &id,
        run_id: &run_id,
        gate: "gate",
        opening,
        decision: "approve",
        principal: "alice",
        comment: "",
        signed_at: std::time::SystemTime::now(),
    }
    .text();
    // The contract's data digest: SHA-256 of the canonical JSON (keys sorted).
    let data = sha256(r#"{"fields":{"replicas":5,"window":"now"}}"#);
    let message = message.replace(&sha256("{}"), &data);
    let signed = json!({"message": message, "signature": alice.sign(&message)});
    let other =
        json!({"by": "alice", "fields": {"replicas": 20, "window": "now"}, "signed": signed});
    super::refused_via_temporal(
        &env,
        &id,
        "approve",
        &other,
        "BadSignature",
        "the decision's data is not what was signed",
    );
    super::no_votes(&env, &id);
    let same = json!({"by": "alice", "fields": {"replicas": 5, "window": "now"}, "signed": signed});
    let done = crate::signed::update_via_temporal(&env, &id, "approve", &same);
    assert_eq!(done.code, 0, "the signed fields were refused:\n{done}");
    let status = env.wait_phase(&id, "completed");
    let vote = &status["approval"]["decision"]["votes"][0];
    assert_eq!(vote["key"], alice.fingerprint().as_str(), "{status:#}");
    assert_eq!(vote["fields"]["replicas"], 5, "{status:#}");
}

/// `orca approve --signing-key` signs the fields it sends: the workflow
/// accepts the decision as verified, with its form.
#[test]
fn orca_signs_the_form_it_sends() {
    use crate::signed::{Key, allowed_signers, approve, at_gate};
    let env = Env::new();
    let alice = Key::new(&env, "alice", "ecdsa");
    let signers = allowed_signers(&env, &[("alice", &alice)]);
    let _worker = env.worker_with(&["--allowed-signers", signers.to_str().unwrap()]);
    let toml = FORM.replacen(
        "prompt = \"Roll out?\"",
        "prompt = \"Roll out?\"\nsigned = true",
        1,
    );
    let id = at_gate(&env, "form-orca-signed", &toml, &[]);
    approve(
        &env,
        &id,
        &alice,
        "alice",
        &["--field", "replicas=5", "--field", "window=now"],
    )
    .ok();
    let status = env.wait_phase(&id, "completed");
    let vote = &status["approval"]["decision"]["votes"][0];
    assert_eq!(vote["key"], alice.fingerprint().as_str(), "{status:#}");
    assert_eq!(vote["fields"]["replicas"], 5, "{status:#}");
}
