//! Each kind of SSH key signs a decision the workflow verifies, and the
//! vote names the key that made it.

use super::*;

/// One signed approval with a key of `kind` opens a gate that needs one.
fn signs_and_verifies(kind: &str) {
    let env = Env::new();
    let alice = Key::new(&env, "alice", kind);
    let signers = allowed_signers(&env, &[("alice", &alice)]);
    let _worker = env.worker_with(&["--allowed-signers", signers.to_str().unwrap()]);
    let toml = SIGNED_QUORUM.replace("required = 2", "required = 1");
    let id = at_gate(&env, "one", &toml, &[]);
    let done = approve(&env, &id, &alice, "alice", &["-o", "json"]).ok();
    assert_eq!(done.json()["key"], alice.fingerprint().as_str(), "{done}");
    let status = env.wait_phase(&id, "completed");
    let vote = &status["approval"]["decision"]["votes"][0];
    assert_eq!(vote["by"], "alice");
    assert_eq!(vote["key"], alice.fingerprint().as_str(), "{status:#}");
}

#[test]
fn an_ed25519_key_signs_a_verified_approval() {
    signs_and_verifies("ed25519");
}

#[test]
fn an_ecdsa_key_signs_a_verified_approval() {
    signs_and_verifies("ecdsa");
}

#[test]
fn an_rsa_key_signs_a_verified_approval() {
    signs_and_verifies("rsa");
}

#[test]
fn status_marks_each_vote_verified_or_not() {
    let env = Env::new();
    let alice = Key::new(&env, "alice", "ed25519");
    let signers = allowed_signers(&env, &[("alice", &alice)]);
    let _worker = env.worker_with(&["--allowed-signers", signers.to_str().unwrap()]);
    let toml = SIGNED_QUORUM
        .replace("signed = true\n", "")
        .replace("required = 2", "required = 3");
    let id = at_gate(&env, "mixed", &toml, &[]);
    approve(&env, &id, &alice, "alice", &[]).ok();
    env.orca(["approve", &id, "--as", "bob"]).ok();
    let text = env.status_text(&id);
    text.stdout_has(&format!(
        "alice approved, verified ({})",
        alice.fingerprint()
    ))
    .stdout_has("bob approved, unverified");
}

#[test]
fn watch_tells_a_verified_decision() {
    let env = Env::new();
    let alice = Key::new(&env, "alice", "ed25519");
    let signers = allowed_signers(&env, &[("alice", &alice)]);
    let _worker = env.worker_with(&["--allowed-signers", signers.to_str().unwrap()]);
    let toml = SIGNED_QUORUM.replace("required = 2", "required = 1");
    let id = at_gate(&env, "one", &toml, &[]);
    approve(&env, &id, &alice, "alice", &[]).ok();
    env.orca(["watch", &id]).ok().stdout_has(&format!(
        "approved by alice, verified ({})",
        alice.fingerprint()
    ));
}

#[test]
fn history_tells_a_verified_decision() {
    let env = Env::new();
    let alice = Key::new(&env, "alice", "ed25519");
    let signers = allowed_signers(&env, &[("alice", &alice)]);
    let _worker = env.worker_with(&["--allowed-signers", signers.to_str().unwrap()]);
    let id = at_gate(&env, "quorum", SIGNED_QUORUM, &[]);
    approve(&env, &id, &alice, "alice", &["-c", "fine"]).ok();
    let entry = env.history_entry(&id, "approve");
    assert_eq!(
        entry["detail"],
        format!("by alice: fine — verified ({})", alice.fingerprint()).as_str()
    );
}

#[test]
fn the_inbox_counts_verified_approvals() {
    let env = Env::new();
    let alice = Key::new(&env, "alice", "ed25519");
    let signers = allowed_signers(&env, &[("alice", &alice)]);
    let _worker = env.worker_with(&["--allowed-signers", signers.to_str().unwrap()]);
    let id = at_gate(&env, "quorum", SIGNED_QUORUM, &[]);
    approve(&env, &id, &alice, "alice", &[]).ok();
    eventually(
        std::time::Duration::from_secs(30),
        "1/2 (1 verified) in bob's inbox",
        || {
            let inbox = env.orca(["inbox", "--as", "bob", "-o", "json"]).ok().json();
            inbox
                .as_array()
                .unwrap()
                .iter()
                .any(|r| r["workflow_id"] == id.as_str() && r["approvals"] == "1/2 (1 verified)")
        },
    );
}
