//! `orca verify`: the audit trail re-checked from the history alone.

use base64::Engine;
use serde_json::Value;

use super::*;

struct Signed {
    env: Env,
    signers: PathBuf,
    id: String,
    _worker: Worker,
}

/// A run started and approved with signatures, to its end.
fn signed_run() -> Signed {
    let env = Env::new();
    let alice = Key::new(&env, "alice", "ed25519");
    let bob = Key::new(&env, "bob", "ed25519");
    let signers = allowed_signers(&env, &[("alice", &alice), ("bob", &bob)]);
    let worker = env.worker_with(&["--allowed-signers", signers.to_str().unwrap()]);
    let id = four_eyes_started_by(&env, &alice, "alice");
    approve(&env, &id, &bob, "bob", &["-c", "looks right"]).ok();
    env.wait_phase(&id, "completed");
    Signed {
        env,
        signers,
        id,
        _worker: worker,
    }
}

#[test]
fn verify_passes_on_a_signed_run() {
    let s = signed_run();
    let done = s
        .env
        .orca([
            "verify",
            &s.id,
            "--allowed-signers",
            s.signers.to_str().unwrap(),
            "-o",
            "json",
        ])
        .ok();
    let report = done.json();
    assert_eq!(report["verified"], true, "{report:#}");
    let checks = report["checks"].as_array().unwrap();
    let who: Vec<(&str, &str)> = checks
        .iter()
        .map(|c| {
            (
                c["action"].as_str().unwrap(),
                c["principal"].as_str().unwrap(),
            )
        })
        .collect();
    assert_eq!(who, [("start", "alice"), ("approve", "bob")], "{report:#}");
}

#[test]
fn verify_fails_on_a_history_whose_signature_bytes_were_altered() {
    let s = signed_run();
    let mut history: Value = serde_json::from_str(&s.env.temporal_history(&s.id)).unwrap();
    let engine = base64::engine::general_purpose::STANDARD;
    let payload = history["events"]
        .as_array_mut()
        .unwrap()
        .iter_mut()
        .find_map(|e| e.get_mut("workflowExecutionUpdateAcceptedEventAttributes"))
        .map(|a| &mut a["acceptedRequest"]["input"]["args"]["payloads"][0]["data"])
        .expect("an accepted update");
    let mut request: Value =
        serde_json::from_slice(&engine.decode(payload.as_str().unwrap()).unwrap()).unwrap();
    // One byte of the signature itself (inside its base64 body) changed.
    let signature = request["signed"]["signature"].as_str().unwrap().to_string();
    let body_line = signature.lines().nth(3).unwrap();
    let flipped: String = body_line
        .chars()
        .enumerate()
        .map(|(i, c)| {
            if i == 10 {
                if c == 'A' { 'B' } else { 'A' }
            } else {
                c
            }
        })
        .collect();
    request["signed"]["signature"] = Value::String(signature.replacen(body_line, &flipped, 1));
    *payload = Value::String(engine.encode(request.to_string()));
    let file = s.env.write("altered.json", &history.to_string());
    s.env
        .orca([
            "verify",
            file.to_str().unwrap(),
            "--allowed-signers",
            s.signers.to_str().unwrap(),
        ])
        .code(4)
        .stdout_has("NOT VERIFIED")
        .stderr_has("1 of 2 signatures in the audit trail did not verify");
}

#[test]
fn verify_passes_on_the_history_file_the_official_cli_exports() {
    let s = signed_run();
    let file = s.env.write("history.json", &s.env.temporal_history(&s.id));
    s.env
        .orca([
            "verify",
            file.to_str().unwrap(),
            "--allowed-signers",
            s.signers.to_str().unwrap(),
        ])
        .ok()
        .stdout_has("verified");
}

#[test]
fn verify_fails_on_an_unsigned_decision() {
    let env = Env::new();
    let _worker = env.worker();
    let id = env.start(&["sample", "--input", "task=x"]);
    env.wait_phase(&id, "awaiting_approval");
    env.orca(["approve", &id]).ok();
    env.wait_phase(&id, "completed");
    let alice = Key::new(&env, "alice", "ed25519");
    let signers = allowed_signers(&env, &[("alice", &alice)]);
    verify_with(&env, &id, signers.to_str().unwrap())
        .code(4)
        .stdout_has("NOT VERIFIED: the decision was not signed");
}

#[test]
fn verify_needs_the_keys_you_trust() {
    let env = Env::offline();
    env.orca(["verify", "some-run"])
        .code(2)
        .stderr_has("orca verify needs the keys you trust");
}

const RECORDED: &str = "tests/histories/gate-signed.json";
const RECORDED_SIGNERS: &str = "tests/histories/gate-signed.allowed_signers";

#[test]
fn the_recorded_signed_run_verifies_offline() {
    let env = Env::offline();
    let report = env
        .orca([
            "verify",
            RECORDED,
            "--allowed-signers",
            RECORDED_SIGNERS,
            "-o",
            "json",
        ])
        .ok()
        .json();
    // The start and two signed approvals; the unsigned signal was ignored, so is no decision.
    let principals: Vec<&str> = report["checks"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["principal"].as_str().unwrap())
        .collect();
    assert_eq!(principals, ["dave", "alice", "bob"], "{report:#}");
}

#[test]
fn a_decision_under_a_key_the_auditor_does_not_trust_does_not_verify() {
    let env = Env::offline();
    // The auditor trusts only dave's and alice's keys, not the one bob signed with.
    let all = std::fs::read_to_string(RECORDED_SIGNERS).unwrap();
    let kept: String = all
        .lines()
        .filter(|l| !l.starts_with("bob "))
        .map(|l| format!("{l}\n"))
        .collect();
    let file = env.write("auditor", &kept);
    verify_with(&env, RECORDED, file.to_str().unwrap())
        .code(4)
        .stdout_has("is not in the allowed signers");
}

#[test]
fn the_recorded_run_of_a_signed_schedule_verifies_offline() {
    let env = Env::offline();
    verify_with(
        &env,
        "tests/histories/schedule-signed.json",
        "tests/histories/schedule-signed.allowed_signers",
    )
    .ok()
    .stdout_has("verified: signed schedule recorded-signed-");
}
