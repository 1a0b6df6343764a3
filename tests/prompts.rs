//! Prompts, driven through a real pseudo-terminal the way a person would.
use crate::common::*;

fn gate(env: &Env, name: &str) -> String {
    env.pipeline(
        name,
        &format!("name = \"{name}\"\n[[steps]]\nid = \"gate\"\nkind = \"approval\"\nprompt = \"Deploy {name}?\"\n"),
    )
}

#[test]
fn approve_without_an_id_offers_the_runs_awaiting_approval() {
    let env = Env::new();
    let _worker = env.worker();
    let name = format!("pick-{}", env.task_queue);
    let file = gate(&env, &name);
    let id = env.start(&[&file]);
    env.wait_phase(&id, "awaiting_approval");
    env.wait_in_inbox(&name, &id);

    let mut session = on_terminal_sized(&env, 120, &["approve", "--pipeline", &name]);
    session.exp_string("Which run do you approve?").unwrap();
    session.exp_string(&format!("Deploy {name}?")).unwrap();
    session.send_line("").unwrap();
    session.exp_string(&format!("approved {id}")).unwrap();
    assert_eq!(exit_code(&session), 0);
    let status = env.wait_phase(&id, "completed");
    assert_eq!(status["approval"]["decision"]["by"], "tty-user");
}

/// The whole flow without copying an ID: start, approve (picked), watch
/// (picked). The work after the gate lasts long enough that the run is
/// still running, for the watch picker, on a loaded machine.
#[test]
fn the_sample_flow_needs_no_id_typed() {
    let env = Env::new();
    let _worker = env.worker();
    let name = format!("noid-{}", env.task_queue);
    let file = env.pipeline(
        &name,
        &format!(
            "name = \"{name}\"\n[[steps]]\nid = \"gate\"\nkind = \"approval\"\nprompt = \"Go?\"\n\n[[steps]]\nid = \"work\"\nkind = \"agent\"\naction = \"work\"\nduration = \"6s\"\n"
        ),
    );
    let id = env.start(&[&file]);
    env.wait_phase(&id, "awaiting_approval");
    env.wait_in_inbox(&name, &id);

    let mut approve = on_terminal(&env, &["approve", "--pipeline", &name]);
    approve.exp_string("Which run do you approve?").unwrap();
    approve.send_line("").unwrap();
    approve.exp_string(&format!("approved {id}")).unwrap();
    assert_eq!(exit_code(&approve), 0);

    let mut watch = on_terminal(&env, &["watch", "--pipeline", &name]);
    watch.exp_string("Which run do you watch?").unwrap();
    watch.send_line("").unwrap();
    watch.exp_string(&format!("{id}: completed")).unwrap();
    assert_eq!(exit_code(&watch), 0);
}

#[test]
fn reject_on_a_terminal_asks_for_a_reason() {
    let env = Env::new();
    let _worker = env.worker();
    let id = env.start(&["sample", "--input", "task=risky"]);
    env.wait_phase(&id, "awaiting_approval");
    let mut session = on_terminal(&env, &["reject", &id]);
    session.exp_string("Reason for rejecting").unwrap();
    session.send_line("too risky today").unwrap();
    session.exp_string(&format!("rejected {id}")).unwrap();
    assert_eq!(exit_code(&session), 0);
    let status = env.wait_phase(&id, "rejected");
    assert_eq!(status["approval"]["decision"]["comment"], "too risky today");
}

#[test]
fn terminate_on_a_terminal_asks_first() {
    let env = Env::new();
    let _worker = env.worker();
    let id = env.start(&["sample", "--input", "task=t"]);
    env.wait_phase(&id, "awaiting_approval");

    let mut session = on_terminal(&env, &["terminate", &id]);
    session.exp_string(&format!("Terminate {id}?")).unwrap();
    session.send("n").unwrap();
    session.flush().unwrap();
    assert_eq!(exit_code(&session), 0);
    assert_eq!(
        env.status(&id)["temporal_status"],
        "running",
        "answering no changed nothing"
    );

    let mut session = on_terminal(&env, &["terminate", &id]);
    session.exp_string(&format!("Terminate {id}?")).unwrap();
    session.send("y").unwrap();
    session.flush().unwrap();
    session.exp_string("terminated").unwrap();
    assert_eq!(exit_code(&session), 0);
    assert_eq!(env.status(&id)["temporal_status"], "terminated");
}

#[test]
fn the_picker_says_so_when_nothing_waits() {
    let env = Env::new();
    let mut session = on_terminal(&env, &["approve", "--pipeline", "nothing-waits-here"]);
    session.exp_string("no runs are awaiting approval").unwrap();
    assert_eq!(exit_code(&session), 0);
}

/// On a terminal, `orca approve` asks for each field of the gate's form it
/// was not given: a number typed (and asked again when the gate would
/// refuse it), a choice picked; the answers are what the gate records.
#[test]
fn approve_on_a_terminal_asks_for_the_form() {
    let env = Env::new();
    let _worker = env.worker();
    let file = env.pipeline(
        "form",
        "name = \"form\"\n[[steps]]\nid = \"gate\"\nkind = \"approval\"\nprompt = \"Roll out?\"\n[steps.fields.replicas]\ntype = \"integer\"\nmin = 1\nmax = 20\ndefault = 3\ndescription = \"how many replicas\"\n[steps.fields.window]\ntype = \"choice\"\nchoices = [\"now\", \"tonight\"]\nrequired = true\n",
    );
    let id = env.start(&[&file]);
    env.wait_phase(&id, "awaiting_approval");
    let mut session = on_terminal(&env, &["approve", &id, "--as", "alice"]);
    session
        .exp_string("replicas (integer, 1..20, default 3): how many replicas")
        .unwrap();
    session.send_line("25").unwrap();
    session.exp_string("25 is above the maximum 20").unwrap();
    session.send_line("5").unwrap();
    session
        .exp_string("window (choice, one of now | tonight, required)")
        .unwrap();
    // The second choice: arrow down, then Enter.
    session.send("\x1b[B").unwrap();
    session.send_line("").unwrap();
    session.exp_string(&format!("approved {id}")).unwrap();
    assert_eq!(exit_code(&session), 0);
    let status = env.wait_phase(&id, "completed");
    assert_eq!(
        status["approval"]["decision"]["fields"],
        serde_json::json!({"replicas": 5, "window": "tonight"}),
        "{status:#}"
    );
}
