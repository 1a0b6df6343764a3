//! The gate's rules hold for the verified principal: a quorum needs that
//! many keys, four eyes needs a verified requester, and a signed gate
//! takes nothing unsigned.

use super::*;

/// A worker trusting alice, bob and carol (and `extra` entries).
fn three(env: &Env) -> (Key, Key, Key, Worker) {
    let alice = Key::new(env, "alice", "ed25519");
    let bob = Key::new(env, "bob", "ecdsa");
    let carol = Key::new(env, "carol", "ed25519");
    let signers = allowed_signers(env, &[("alice", &alice), ("bob", &bob), ("carol", &carol)]);
    let worker = env.worker_with(&["--allowed-signers", signers.to_str().unwrap()]);
    (alice, bob, carol, worker)
}

#[test]
fn a_quorum_of_two_is_met_by_two_keys() {
    let env = Env::new();
    let (alice, bob, _carol, _worker) = three(&env);
    let id = at_gate(&env, "quorum", SIGNED_QUORUM, &[]);
    approve(&env, &id, &alice, "alice", &[])
        .ok()
        .stdout_has("1 of 2 approvals; the gate stays open");
    approve(&env, &id, &bob, "bob", &[]).ok();
    env.wait_phase(&id, "completed");
}

#[test]
fn one_key_under_two_names_is_one_vote() {
    let env = Env::new();
    let alice = Key::new(&env, "alice", "ed25519");
    let signers = allowed_signers(&env, &[("alice,carol", &alice)]);
    let _worker = env.worker_with(&["--allowed-signers", signers.to_str().unwrap()]);
    let id = at_gate(&env, "quorum", SIGNED_QUORUM, &[]);
    approve(&env, &id, &alice, "alice", &[]).ok();
    approve(&env, &id, &alice, "carol", &[])
        .code(7)
        .stderr_has(&format!(
            "key {} already voted at this gate as alice",
            alice.fingerprint()
        ));
    let status = env.status(&id);
    assert_eq!(status["phase"], "awaiting_approval");
    assert_eq!(status["approval"]["votes"].as_array().unwrap().len(), 1);
}

#[test]
fn a_name_typed_with_someone_elses_key_is_refused() {
    let env = Env::new();
    let (alice, _bob, _carol, _worker) = three(&env);
    let id = at_gate(&env, "quorum", SIGNED_QUORUM, &[]);
    approve(&env, &id, &alice, "carol", &[])
        .code(7)
        .stderr_has(&format!(
            "bad signature: key {} is not carol's (allowed signers list it for alice)",
            alice.fingerprint()
        ));
    assert!(no_votes(&env, &id));
}

#[test]
fn a_signed_gate_refuses_an_unsigned_decision() {
    let env = Env::new();
    let (_alice, _bob, _carol, _worker) = three(&env);
    let id = at_gate(&env, "quorum", SIGNED_QUORUM, &[]);
    env.orca(["approve", &id, "--as", "alice"])
        .code(7)
        .stderr_has("gate `gate` takes only signed decisions, and this one is not signed")
        .stderr_has("hint: sign it: --signing-key KEY");
    assert!(no_votes(&env, &id));
}

#[test]
fn a_verified_requester_lets_the_others_decide_a_four_eyes_gate() {
    let env = Env::new();
    let (alice, bob, _carol, _worker) = three(&env);
    let id = four_eyes_started_by(&env, &alice, "alice");
    assert_eq!(
        env.status(&id)["requester_key"],
        alice.fingerprint().as_str()
    );
    approve(&env, &id, &bob, "bob", &[]).ok();
    env.wait_phase(&id, "completed");
}

#[test]
fn a_verified_requester_cannot_approve_their_own_four_eyes_gate() {
    let env = Env::new();
    let (alice, _bob, _carol, _worker) = three(&env);
    let id = four_eyes_started_by(&env, &alice, "alice");
    approve(&env, &id, &alice, "alice", &[])
        .code(7)
        .stderr_has("alice started this run and may not approve");
}

#[test]
fn an_unverified_requester_blocks_a_signed_four_eyes_gate() {
    let env = Env::new();
    let (alice, _bob, _carol, _worker) = three(&env);
    // Anyone can type `--identity dave`; nobody can then show they are not dave.
    let id = at_gate(&env, "four-eyes", SIGNED_FOUR_EYES, &["--identity", "dave"]);
    approve(&env, &id, &alice, "alice", &[])
        .code(7)
        .stderr_has("the run's requester (dave) is not verified")
        .stderr_has("orca start --signing-key KEY");
}

#[test]
fn a_start_signed_with_another_persons_key_fails_the_run() {
    let env = Env::new();
    let (alice, _bob, _carol, _worker) = three(&env);
    let file = env.pipeline("four-eyes", SIGNED_FOUR_EYES);
    env.orca([
        "start",
        &file,
        "--identity",
        "bob",
        "--signing-key",
        alice.path(),
    ])
    .code(7)
    .stderr_has(&format!(
        "the start's signature does not verify: key {} is not bob's",
        alice.fingerprint()
    ));
}

#[test]
fn approve_all_signs_each_run_for_its_own_gate() {
    let env = Env::new();
    let (alice, _bob, _carol, _worker) = three(&env);
    // A pipeline name of this test's own: `--all` decides whatever matches.
    let name = format!("bulk-{}", env.task_queue);
    let toml = SIGNED_QUORUM
        .replace("required = 2", "required = 1")
        .replace("signed-quorum", &name);
    let first = at_gate(&env, "bulk", &toml, &[]);
    let second = at_gate(&env, "bulk", &toml, &[]);
    for id in [&first, &second] {
        env.wait_in_inbox(&name, id);
    }
    let tally = env
        .orca([
            "approve",
            "--all",
            "--yes",
            "--pipeline",
            &name,
            "--as",
            "alice",
        ])
        .args(["--signing-key", alice.path(), "-o", "json"])
        .ok()
        .json();
    assert_eq!(tally["decided"].as_array().unwrap().len(), 2, "{tally:#}");
    for id in [&first, &second] {
        let status = env.wait_phase(id, "completed");
        let vote = &status["approval"]["decision"]["votes"][0];
        assert_eq!(vote["key"], alice.fingerprint().as_str(), "{status:#}");
    }
}
