//! Trust lives on the worker: the allowed signers as they are when a gate
//! opens, their validity dates, the worker-wide requirement, and whether a
//! requester may send the rules of their own gate.

use super::*;

fn worker_trusting(env: &Env, entries: &[(&str, &Key)], extra: &[&str]) -> Worker {
    let signers = allowed_signers(env, entries);
    let mut args = vec!["--allowed-signers", signers.to_str().unwrap()];
    args.extend_from_slice(extra);
    env.worker_with(&args)
}

#[test]
fn a_key_removed_before_the_gate_opened_is_refused() {
    let env = Env::new();
    let alice = Key::new(&env, "alice", "ed25519");
    let bob = Key::new(&env, "bob", "ed25519");
    let _worker = worker_trusting(&env, &[("alice", &alice), ("bob", &bob)], &[]);
    // The worker started trusting alice; she is gone from the file before the run.
    allowed_signers(&env, &[("bob", &bob)]);
    let id = at_gate(&env, "quorum", SIGNED_QUORUM, &[]);
    approve(&env, &id, &alice, "alice", &[])
        .code(7)
        .stderr_has(&format!(
            "key {} is not in the allowed signers",
            alice.fingerprint()
        ));
}

#[test]
fn a_key_removed_after_the_gate_opened_is_honoured_at_that_gate() {
    let env = Env::new();
    let alice = Key::new(&env, "alice", "ed25519");
    let bob = Key::new(&env, "bob", "ed25519");
    let _worker = worker_trusting(&env, &[("alice", &alice), ("bob", &bob)], &[]);
    let id = at_gate(&env, "quorum", SIGNED_QUORUM, &[]);
    allowed_signers(&env, &[("bob", &bob)]);
    approve(&env, &id, &alice, "alice", &[])
        .ok()
        .stdout_has(&format!("verified {}", alice.fingerprint()));
}

#[test]
fn a_key_past_its_valid_before_is_refused() {
    let env = Env::new();
    let alice = Key::new(&env, "alice", "ed25519");
    let _worker = worker_trusting(&env, &[("alice valid-before=\"20200101\"", &alice)], &[]);
    let id = at_gate(&env, "quorum", SIGNED_QUORUM, &[]);
    approve(&env, &id, &alice, "alice", &[])
        .code(7)
        .stderr_has("is not trusted now: it expired at 2020-01-01T00:00:00Z (valid-before)");
}

#[test]
fn require_signed_approvals_covers_every_gate() {
    let env = Env::new();
    let alice = Key::new(&env, "alice", "ed25519");
    let _worker = worker_trusting(&env, &[("alice", &alice)], &["--require-signed-approvals"]);
    let id = env.start(&["sample", "--input", "task=x"]);
    env.wait_phase(&id, "awaiting_approval");
    env.orca(["approve", &id])
        .code(7)
        .stderr_has("takes only signed decisions");
    approve(&env, &id, &alice, "alice", &[]).ok();
    env.wait_phase(&id, "completed");
}

#[test]
fn require_signed_approvals_without_allowed_signers_is_a_usage_error() {
    let env = Env::new();
    env.orca(["worker", "--require-signed-approvals"])
        .code(2)
        .stderr_has("--require-signed-approvals needs --allowed-signers FILE");
}

#[test]
fn a_bad_allowed_signers_file_stops_the_worker() {
    let env = Env::new();
    let file = env.write("allowed_signers", "alice ssh-ed25519 not-a-key\n");
    env.orca(["worker", "--allowed-signers", file.to_str().unwrap()])
        .code(2)
        .stderr_has("line 1: not a public key");
}

#[test]
fn a_signed_gate_on_a_worker_that_trusts_no_keys_fails_its_step() {
    let env = Env::new();
    let _worker = env.worker();
    let file = env.pipeline("quorum", SIGNED_QUORUM);
    env.orca(["start", &file, "--wait"])
        .code(4)
        .stderr_has("this worker has no --allowed-signers to check them");
}

#[test]
fn inline_pipelines_deny_refuses_a_spec_sent_with_the_start() {
    let env = Env::new();
    let _worker = env.worker_with(&["--inline-pipelines", "deny"]);
    let file = env.pipeline("quorum", SIGNED_QUORUM);
    env.orca(["start", &file])
        .code(2)
        .stderr_has("this worker runs only the pipelines it knows (--inline-pipelines deny)");
}

#[test]
fn inline_pipelines_deny_still_runs_built_ins() {
    let env = Env::new();
    let _worker = env.worker_with(&["--inline-pipelines", "deny"]);
    let id = env.start(&["sample", "--input", "task=x"]);
    env.wait_phase(&id, "awaiting_approval");
}
