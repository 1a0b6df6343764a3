//! `make sample-workflow`, `make approve-workflow` (its prompt for the ID
//! and, in a script, the ID given), `make reject-workflow` and
//! `make policy-denied-workflow`, against a worker.

use super::*;

pub const START: &str = r#"orca start sample --input task="Execute important task""#;
pub const APPROVE_PICKED: &str = "orca approve";
pub const APPROVE: &str = r#"orca approve ID --comment "looks good""#;
pub const REJECT: &str = r#"orca reject ID --reason "not today""#;
pub const DENIED: &str = r#"orca start sample --input task="Forbidden task" --wait"#;

/// A sample run at its gate.
fn at_gate(env: &Env) -> String {
    let id = env.start(&["sample", "--input", "task=decide me"]);
    wait_for(env, &id, |s| s["phase"] == "awaiting_approval");
    id
}

#[test]
fn make_sample_workflow_is_orca_start() {
    let env = Env::new();
    let _worker = env.worker();
    let done = shell(&env, START, "").ok();
    let id = done.stdout.trim();
    assert!(
        id.starts_with("sample-") && !id.contains(char::is_whitespace),
        "only the run's ID is printed:\n{done}"
    );
    let status = wait_for(&env, id, |s| s["phase"] == "awaiting_approval");
    assert_eq!(status["input"]["task"], "Execute important task");
}

/// The seed asked for the workflow ID; at a terminal, `orca approve` offers
/// the runs awaiting approval instead. In a namespace of its own, so the
/// only run offered is this test's.
#[test]
fn make_approve_workflow_at_a_terminal_is_orca_approve_picking_the_run() {
    let env = Env::new();
    let in_second = |run: Run| run.env("TEMPORAL_NAMESPACE", SECOND_NAMESPACE);
    let mut worker = env.worker_command(&[]);
    worker.env("TEMPORAL_NAMESPACE", SECOND_NAMESPACE);
    let _worker = Worker::spawn(worker, "worker started");
    let started = in_second(env.orca(["start", "sample", "--input", "task=pick me"])).ok();
    let id = started.stdout.trim();
    eventually(Duration::from_secs(60), "awaiting approval, listed", || {
        let waiting = in_second(env.orca(["list", "--awaiting-approval", "-o", "json"]))
            .ok()
            .json();
        waiting
            .as_array()
            .is_some_and(|runs| runs.iter().any(|r| r["workflow_id"] == id))
    });

    let picker = in_second(shell(&env, APPROVE_PICKED, ""))
        .env("TERM", "xterm")
        .env("ORCA_IDENTITY", "tty-user");
    let mut session =
        rexpect::session::spawn_command(picker.command, Some(30_000)).expect("spawn orca on a pty");
    session.exp_string("Which run do you approve?").unwrap();
    session.exp_string(id).unwrap();
    session.send_line("").unwrap();
    session.exp_string(&format!("approved {id}")).unwrap();
    assert_eq!(exit_code(&session), 0);
    let status = poll_for(Duration::from_secs(60), || {
        let status = in_second(env.orca(["status", id, "-o", "json"]))
            .ok()
            .json();
        match status["phase"] == "completed" {
            true => Ok(status),
            false => Err(format!("not completed: {status:#}")),
        }
    });
    assert_eq!(status["approval"]["decision"]["by"], "tty-user");
}

#[test]
fn make_approve_workflow_in_a_script_is_orca_approve_with_the_id() {
    let env = Env::new();
    let _worker = env.worker();
    let id = at_gate(&env);
    shell(&env, APPROVE, &id)
        .ok()
        .stdout_has(&format!("approved {id}"));
    let status = wait_for(&env, &id, |s| s["phase"] == "completed");
    assert_eq!(status["approval"]["decision"]["comment"], "looks good");
    assert_eq!(status["outcome"], "completed");
}

#[test]
fn make_reject_workflow_is_orca_reject() {
    let env = Env::new();
    let _worker = env.worker();
    let id = at_gate(&env);
    shell(&env, REJECT, &id)
        .ok()
        .stdout_has(&format!("rejected {id}"));
    let status = wait_for(&env, &id, |s| s["phase"] == "rejected");
    assert_eq!(status["approval"]["decision"]["comment"], "not today");
    assert_eq!(step(&status, "work")["state"], "skipped", "{status:#}");
}

/// Denied by the policy step: never asked for approval, exit 3.
#[test]
fn make_policy_denied_workflow_is_orca_start_of_a_forbidden_task() {
    let env = Env::new();
    let _worker = env.worker();
    let done = shell(&env, DENIED, "").code(3);
    done.stdout_has("denied");
    let id = done
        .stdout
        .split(|c: char| c == ':' || c.is_whitespace())
        .next()
        .unwrap()
        .to_string();
    let status = wait_for(&env, &id, |s| s["phase"] == "denied");
    assert_eq!(step(&status, "approval")["state"], "skipped", "{status:#}");
    assert!(status["approval"]["decision"].is_null(), "{status:#}");
}
