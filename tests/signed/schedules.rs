//! A schedule is never a person, but whoever made it is: a signed
//! four-eyes gate lets an approver decide a scheduled run when the schedule
//! was signed (its signer is then the verified requester) and the schedule
//! itself confirms it started the run. The `TemporalScheduledById` search
//! attribute is no proof: any client may set it when it starts a workflow.

use super::*;

/// A worker trusting alice that knows the signed four-eyes pipeline by name.
fn setup(env: &Env) -> (Key, Worker, String) {
    let alice = Key::new(env, "alice", "ed25519");
    let signers = allowed_signers(env, &[("alice", &alice)]);
    let (worker, dir) = worker_with_pipelines(env, &signers);
    (alice, worker, dir)
}

#[test]
fn a_run_that_only_claims_a_schedule_keeps_an_unverified_requester() {
    let env = Env::new();
    let (alice, _worker, _dir) = setup(&env);
    let id = format!("claims-{}", env.task_queue);
    let input =
        r#"{"pipeline": "signed-four-eyes", "input": {}, "requested_by": "schedule:nightly"}"#;
    start_via_temporal(
        &env,
        &id,
        input,
        &["--search-attribute", "TemporalScheduledById=\"nightly\""],
    );
    env.wait_phase(&id, "awaiting_approval");
    assert_eq!(env.status(&id)["scheduled_by"], Value::Null);
    approve(&env, &id, &alice, "alice", &[])
        .code(7)
        .stderr_has("is not verified");
}

/// Creates schedule NAME of the four-eyes pipeline (`extra`: signing),
/// triggers it once, and returns the run it started, waiting at its gate.
fn scheduled_run(env: &Env, name: &str, dir: &str, extra: &[&str]) -> String {
    env.orca([
        "schedule",
        "create",
        name,
        "signed-four-eyes",
        "--every",
        "1h",
        "--paused",
    ])
    .args(["--pipelines", dir])
    .args(extra)
    .ok();
    env.orca(["schedule", "trigger", name]).ok();
    let id = poll_for(std::time::Duration::from_secs(30), || {
        env.list(&["--schedule", name])
            .first()
            .and_then(|run| run["workflow_id"].as_str().map(str::to_string))
            .ok_or_else(|| "the schedule started nothing yet".to_string())
    });
    env.wait_phase(&id, "awaiting_approval");
    id
}

#[test]
fn a_run_of_a_signed_schedule_is_requested_by_its_signer() {
    let env = Env::new();
    let (alice, _worker, dir) = setup(&env);
    let bob = Key::new(&env, "bob", "ed25519");
    // bob may sign schedules too (the worker reads the file when a run starts).
    let signers = allowed_signers(&env, &[("alice", &alice), ("bob", &bob)]);
    let name = format!("signed-{}", env.task_queue);
    let id = scheduled_run(
        &env,
        &name,
        &dir,
        &["--identity", "bob", "--signing-key", bob.path()],
    );
    let status = env.status(&id);
    assert_eq!(status["scheduled_by"], name.as_str(), "{status:#}");
    assert_eq!(status["requested_by"], "bob");
    assert_eq!(status["requester_key"], bob.fingerprint().as_str());
    approve(&env, &id, &alice, "alice", &[]).ok();
    env.wait_phase(&id, "completed");
    env.orca([
        "verify",
        &id,
        "--allowed-signers",
        signers.to_str().unwrap(),
    ])
    .ok()
    .stdout_has(&format!("signed schedule {name}, which started the run"));
    env.orca(["schedule", "delete", &name, "--yes"]).run();
}

#[test]
fn a_run_of_an_unsigned_schedule_has_no_verified_requester() {
    let env = Env::new();
    let (alice, _worker, dir) = setup(&env);
    let name = format!("unsigned-{}", env.task_queue);
    let id = scheduled_run(&env, &name, &dir, &[]);
    assert_eq!(env.status(&id)["scheduled_by"], name.as_str());
    approve(&env, &id, &alice, "alice", &[])
        .code(7)
        .stderr_has(&format!(
            "schedule {name}, which started the run, is not signed"
        ));
    env.orca(["schedule", "delete", &name, "--yes"]).run();
}
