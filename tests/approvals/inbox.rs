//! `orca inbox`: only the gates a person may decide, newest first, and a
//! gate leaves it once they voted.

use std::time::Duration;

use super::gate_pipeline;
use crate::common::*;

#[test]
fn inbox_shows_only_the_gates_a_person_may_decide() {
    let env = Env::new();
    let _worker = env.worker();
    let alice_bob = gate_pipeline(
        &env,
        &format!("inbox-ab-{}", env.task_queue),
        "approvers = [\"alice\", \"bob\"]",
        "",
    );
    let carol = gate_pipeline(
        &env,
        &format!("inbox-c-{}", env.task_queue),
        "approvers = [\"carol\"]",
        "",
    );
    let two = gate_pipeline(
        &env,
        &format!("inbox-2-{}", env.task_queue),
        "approvers = [\"alice\", \"carol\"]\nrequired = 2",
        "",
    );
    let anyone = gate_pipeline(
        &env,
        &format!("inbox-any-{}", env.task_queue),
        "required = 2",
        "",
    );
    let a = env.start(&[&alice_bob]);
    let c = env.start(&[&carol]);
    let q = env.start(&[&two]);
    let o = env.start(&[&anyone]);
    for id in [&a, &c, &q, &o] {
        env.wait_phase(id, "awaiting_approval");
    }
    let mine = |who: &str| -> Vec<String> {
        let rows = env
            .orca(["inbox", "--as", who, "--limit", "0", "-o", "json"])
            .ok()
            .json();
        rows.as_array()
            .unwrap()
            .iter()
            .map(|r| r["workflow_id"].as_str().unwrap().to_string())
            .filter(|id| [&a, &c, &q, &o].contains(&id))
            .collect()
    };
    eventually(Duration::from_secs(30), "in the inboxes", || {
        mine("alice").len() == 3 && mine("carol").len() == 3
    });
    assert_eq!(
        mine("alice"),
        vec![o.clone(), q.clone(), a.clone()],
        "newest first"
    );
    assert_eq!(mine("bob"), vec![o.clone(), a.clone()]);
    assert_eq!(mine("carol"), vec![o.clone(), q.clone(), c.clone()]);
    assert_eq!(mine("mallory"), vec![o.clone()], "open to anyone");

    // After alice's vote on the 2-of-2 gate, it leaves her inbox but stays in carol's.
    env.orca(["approve", &q, "--as", "alice"]).ok();
    eventually_eq(
        Duration::from_secs(30),
        || mine("alice"),
        vec![o.clone(), a.clone()],
    );
    assert_eq!(mine("carol"), vec![o.clone(), q.clone(), c.clone()]);
    // The same on a gate open to anyone: once she voted, it is not hers to decide.
    env.orca(["approve", &o, "--as", "alice"]).ok();
    eventually_eq(Duration::from_secs(30), || mine("alice"), vec![a.clone()]);
    assert_eq!(mine("mallory"), vec![o.clone()]);
    let row = env
        .orca(["inbox", "--as", "carol", "--limit", "0", "-o", "json"])
        .ok()
        .json();
    let row = row
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["workflow_id"] == q.as_str())
        .unwrap()
        .clone();
    assert_eq!(row["approvals"], "1/2");
    env.orca(["inbox", "--as", "carol"])
        .ok()
        .stdout_has(&q)
        .stdout_has("1/2");
    for id in [&a, &c, &q, &o] {
        env.orca(["terminate", id, "--yes"]).ok();
    }
}
