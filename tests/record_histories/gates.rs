//! Recordings of the sample pipeline's outcomes and of approval gates:
//! approved, rejected, denied, stopped, paused and resumed; timed out,
//! decided by a quorum, escalated, a signal from someone who may not
//! decide ignored; signed; a form filled in, changes requested, a decision
//! delegated.

use std::time::Duration;

use super::*;

#[test]
#[ignore = "regenerates tests/histories: run with `just record-histories`"]
fn sample_approved() {
    approved_by_alice("sample-approved", &["sample", "--input", "task=approved"]);
}

#[test]
#[ignore = "regenerates tests/histories: run with `just record-histories`"]
fn sample_rejected() {
    let (env, _worker) = recorder();
    let id = env.start(&["sample", "--input", "task=rejected"]);
    env.wait_phase(&id, "awaiting_approval");
    env.orca(["reject", &id, "--as", "bob", "--reason", "recorded"])
        .ok();
    finish(&env, &id);
    save(&env, &id, "sample-rejected");
}

#[test]
#[ignore = "regenerates tests/histories: run with `just record-histories`"]
fn sample_denied() {
    ends_by_itself(
        "sample-denied",
        &["sample", "--input", "task=forbidden: recorded"],
    );
}

#[test]
#[ignore = "regenerates tests/histories: run with `just record-histories`"]
fn sample_stopped() {
    let (env, _worker) = recorder();
    let id = env.start(&["sample", "--input", "task=stopped"]);
    env.wait_phase(&id, "awaiting_approval");
    env.orca(["stop", &id]).ok();
    finish(&env, &id);
    save(&env, &id, "sample-stopped");
}

#[test]
#[ignore = "regenerates tests/histories: run with `just record-histories`"]
fn sample_paused_resumed() {
    let (env, _worker) = recorder();
    let id = env.start(&["sample", "--input", "task=paused"]);
    env.wait_phase(&id, "awaiting_approval");
    env.orca(["pause", &id]).ok();
    env.orca(["approve", &id]).ok();
    env.wait_phase(&id, "paused");
    env.orca(["resume", &id]).ok();
    finish(&env, &id);
    save(&env, &id, "sample-paused-resumed");
}

#[test]
#[ignore = "regenerates tests/histories: run with `just record-histories`"]
fn gate_timed_out() {
    let (env, _worker) = recorder();
    let id = env.start(&[&gate_file(&env, "timed-out", "timeout = \"1s\"")]);
    finish(&env, &id);
    save(&env, &id, "gate-timed-out");
}

#[test]
#[ignore = "regenerates tests/histories: run with `just record-histories`"]
fn gate_quorum() {
    let (env, _worker) = recorder();
    let id = env.start(&[&gate_file(
        &env,
        "quorum",
        "approvers = [\"alice\", \"bob\", \"carol\"]\nrequired = 2",
    )]);
    approve(&env, &id, "alice");
    approve(&env, &id, "carol");
    finish(&env, &id);
    save(&env, &id, "gate-quorum");
}

#[test]
#[ignore = "regenerates tests/histories: run with `just record-histories`"]
fn gate_escalated() {
    let (env, _worker) = recorder();
    let escalate = "approvers = [\"alice\"]\ntimeout = \"1s\"\non_timeout = \"escalate\"\nescalate_to = [\"group:release\"]\nescalation_timeout = \"1m\"";
    let id = env.start(&[&gate_file(&env, "escalated", escalate)]);
    env.wait_status(&id, Duration::from_secs(20), |s| {
        s["approval"]["escalated"] == true
    });
    env.orca(["approve", &id, "--as", "rob"]).ok();
    finish(&env, &id);
    save(&env, &id, "gate-escalated");
}

/// An `approve` signal from mallory, who may not decide, is ignored (the
/// `orca-ignored-signal-memo` patch marker and the `orca_ignored` memo);
/// then carol approves and the run completes.
#[test]
#[ignore = "regenerates tests/histories: run with `just record-histories`"]
fn gate_signal_ignored() {
    let (env, _worker) = recorder();
    let file = gate_file(&env, "signal-ignored", "approvers = [\"alice\", \"carol\"]");
    let id = env.start(&[&file]);
    env.wait_phase(&id, "awaiting_approval");
    let (sent, text) = env.decide_via_temporal(&["signal"], &id, "approve", "mallory");
    assert!(sent, "{text}");
    env.history_entry(&id, "signal_ignored");
    approve(&env, &id, "carol");
    let status = finish(&env, &id);
    assert_eq!(status["outcome"], "completed", "{status:#}");
    assert_eq!(status["approval"]["decision"]["by"], "carol", "{status:#}");
    save(&env, &id, "gate-signal-ignored");
}

#[test]
#[ignore = "regenerates tests/histories: run with `just record-histories`"]
fn gate_signed() {
    use crate::signed::{Key, allowed_signers};
    let env = Env::new();
    let (alice, bob, dave) = (
        Key::new(&env, "alice", "ed25519"),
        Key::new(&env, "bob", "ecdsa"),
        Key::new(&env, "dave", "rsa"),
    );
    let signers = allowed_signers(&env, &[("alice", &alice), ("bob", &bob), ("dave", &dave)]);
    let _worker = env.worker_with(&["--allowed-signers", signers.to_str().unwrap()]);
    let file = gate_file(
        &env,
        "signed",
        "approvers = [\"alice\", \"bob\"]\nrequired = 2\nsigned = true",
    );
    let id = env.start(&[&file, "--identity", "dave", "--signing-key", dave.path()]);
    env.wait_phase(&id, "awaiting_approval");
    // An unsigned signal is ignored (and noted); two signed updates open the gate.
    env.decide_via_temporal(&["signal"], &id, "approve", "alice");
    for (key, name) in [(&alice, "alice"), (&bob, "bob")] {
        env.orca(["approve", &id, "--as", name, "--signing-key", key.path()])
            .ok();
    }
    finish(&env, &id);
    save(&env, &id, "gate-signed");
    // The public keys, so `orca verify` can check the recording offline.
    std::fs::copy(
        &signers,
        Path::new(crate::histories::DIR).join("gate-signed.allowed_signers"),
    )
    .unwrap();
}

#[test]
#[ignore = "regenerates tests/histories: run with `just record-histories`"]
fn schedule_signed() {
    use crate::signed::{Key, allowed_signers};
    let env = Env::new();
    let (alice, dave) = (
        Key::new(&env, "alice", "ed25519"),
        Key::new(&env, "dave", "ed25519"),
    );
    let signers = allowed_signers(&env, &[("alice", &alice), ("dave", &dave)]);
    let (_worker, dir) = crate::signed::worker_with_pipelines(&env, &signers);
    let dir = dir.as_str();
    let name = format!("recorded-signed-{}", env.task_queue);
    env.orca([
        "schedule",
        "create",
        &name,
        "signed-four-eyes",
        "--every",
        "1h",
        "--paused",
    ])
    .args([
        "--pipelines",
        dir,
        "--identity",
        "dave",
        "--signing-key",
        dave.path(),
    ])
    .ok();
    env.orca(["schedule", "trigger", &name]).ok();
    let id = scheduled_run(&env, &name);
    env.wait_phase(&id, "awaiting_approval");
    crate::signed::approve(&env, &id, &alice, "alice", &[]).ok();
    finish(&env, &id);
    save(&env, &id, "schedule-signed");
    std::fs::copy(
        &signers,
        Path::new(crate::histories::DIR).join("schedule-signed.allowed_signers"),
    )
    .unwrap();
    env.orca(["schedule", "delete", &name, "--yes"]).ok();
}

/// A gate with a form: a refused form (nothing recorded), then alice
/// approves with values and a default filled in; the step after reads them.
#[test]
#[ignore = "regenerates tests/histories: run with `just record-histories`"]
fn gate_form() {
    let (env, _worker) = recorder();
    let form = "[steps.fields.replicas]\ntype = \"integer\"\nmin = 1\nmax = 20\ndefault = 3\n[steps.fields.window]\ntype = \"choice\"\nchoices = [\"now\", \"tonight\"]\nrequired = true";
    let id = env.start(&[&gate_file(&env, "form", form)]);
    env.wait_phase(&id, "awaiting_approval");
    env.orca(["approve", &id, "--as", "alice", "--field", "window=later"])
        .code(7);
    env.orca(["approve", &id, "--as", "alice", "--field", "window=now"])
        .args(["--comment", "recorded"])
        .ok();
    let status = finish(&env, &id);
    let fields = &status["approval"]["decision"]["fields"];
    assert_eq!(fields, &serde_json::json!({"replicas": 3, "window": "now"}));
    save(&env, &id, "gate-form");
}

/// A review that sends the run back to its draft once (the draft reads the
/// feedback), then is approved in its second round.
#[test]
#[ignore = "regenerates tests/histories: run with `just record-histories`"]
fn gate_changes() {
    let (env, _worker) = recorder();
    let file = env.pipeline(
        "changes",
        "name = \"changes\"\n[[steps]]\nid = \"draft\"\nkind = \"agent\"\naction = \"draft {{ steps.review.output.feedback }}\"\nduration = \"100ms\"\n\n[[steps]]\nid = \"review\"\nkind = \"approval\"\nprompt = \"Accept?\"\non_changes = \"draft\"\n",
    );
    let id = env.start(&[&file]);
    env.wait_phase(&id, "awaiting_approval");
    env.orca([
        "request-changes",
        &id,
        "--as",
        "bob",
        "--comment",
        "recorded",
    ])
    .ok();
    env.wait_status(&id, Duration::from_secs(30), |s| {
        s["phase"] == "awaiting_approval" && s["approval"]["round"] == 2
    });
    approve(&env, &id, "alice");
    let status = finish(&env, &id);
    assert_eq!(status["outcome"], "completed", "{status:#}");
    save(&env, &id, "gate-changes");
}

/// alice hands her decision to dave, who approves in her place.
#[test]
#[ignore = "regenerates tests/histories: run with `just record-histories`"]
fn gate_delegated() {
    let (env, _worker) = recorder();
    let gate = "approvers = [\"alice\", \"bob\"]\nallow_delegation = true";
    let id = env.start(&[&gate_file(&env, "delegated", gate)]);
    env.wait_phase(&id, "awaiting_approval");
    env.orca(["delegate", &id, "--as", "alice", "--to", "dave"])
        .args(["--comment", "recorded"])
        .ok();
    approve(&env, &id, "dave");
    let status = finish(&env, &id);
    let vote = &status["approval"]["decision"]["votes"][0];
    assert_eq!(vote["on_behalf_of"], "alice", "{status:#}");
    save(&env, &id, "gate-delegated");
}
