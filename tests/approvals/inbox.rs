//! `orca inbox`: only the gates a person may decide, newest first, and a
//! gate leaves it once they voted.

use std::time::Duration;

use super::gate_pipeline;
use crate::common::*;

/// Four runs waiting at gates, started in this order: `a` (alice or bob),
/// `c` (carol), `q` (alice and carol, both needed) and `o` (any two).
struct Gates<'e> {
    env: &'e Env,
    a: String,
    c: String,
    q: String,
    o: String,
}

impl Gates<'_> {
    /// Starts the four runs and waits until every inbox shows them.
    fn start(env: &Env) -> Gates<'_> {
        let run = |tag: &str, gate: &str| {
            let file = gate_pipeline(env, &format!("inbox-{tag}-{}", env.task_queue), gate, "");
            let id = env.start(&[&file]);
            env.wait_phase(&id, "awaiting_approval");
            id
        };
        let gates = Gates {
            env,
            a: run("ab", "approvers = [\"alice\", \"bob\"]"),
            c: run("c", "approvers = [\"carol\"]"),
            q: run("2", "approvers = [\"alice\", \"carol\"]\nrequired = 2"),
            o: run("any", "required = 2"),
        };
        eventually(Duration::from_secs(30), "in the inboxes", || {
            gates.inbox("alice").len() == 3 && gates.inbox("carol").len() == 3
        });
        gates
    }

    /// `who`'s inbox, as these runs' IDs in its order.
    fn inbox(&self, who: &str) -> Vec<String> {
        let rows = self
            .env
            .orca(["inbox", "--as", who, "--limit", "0", "-o", "json"])
            .ok()
            .json();
        rows.as_array()
            .unwrap()
            .iter()
            .map(|r| r["workflow_id"].as_str().unwrap().to_string())
            .filter(|id| [&self.a, &self.c, &self.q, &self.o].contains(&id))
            .collect()
    }

    fn terminate(&self) {
        for id in [&self.a, &self.c, &self.q, &self.o] {
            self.env.orca(["terminate", id, "--yes"]).ok();
        }
    }
}

#[test]
fn inbox_shows_only_the_gates_a_person_may_decide() {
    let env = Env::new();
    let _worker = env.worker();
    let g = Gates::start(&env);
    let (a, c, q, o) = (&g.a, &g.c, &g.q, &g.o);
    assert_eq!(
        g.inbox("alice"),
        vec![o.clone(), q.clone(), a.clone()],
        "newest first"
    );
    assert_eq!(g.inbox("bob"), vec![o.clone(), a.clone()]);
    assert_eq!(g.inbox("carol"), vec![o.clone(), q.clone(), c.clone()]);
    assert_eq!(g.inbox("mallory"), vec![o.clone()], "open to anyone");
    g.terminate();
}

/// After alice's vote on the 2-of-2 gate, it leaves her inbox but stays in
/// carol's, with one approval of two.
#[test]
fn a_vote_takes_the_gate_out_of_the_voters_inbox_only() {
    let env = Env::new();
    let _worker = env.worker();
    let g = Gates::start(&env);
    let (a, c, q, o) = (&g.a, &g.c, &g.q, &g.o);
    env.orca(["approve", q, "--as", "alice"]).ok();
    eventually_eq(
        Duration::from_secs(30),
        || g.inbox("alice"),
        vec![o.clone(), a.clone()],
    );
    assert_eq!(g.inbox("carol"), vec![o.clone(), q.clone(), c.clone()]);
    let rows = env
        .orca(["inbox", "--as", "carol", "--limit", "0", "-o", "json"])
        .ok()
        .json();
    let row = rows
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["workflow_id"] == q.as_str())
        .unwrap();
    assert_eq!(row["approvals"], "1/2");
    env.orca(["inbox", "--as", "carol"])
        .ok()
        .stdout_has(q)
        .stdout_has("1/2");
    g.terminate();
}

/// The same on a gate open to anyone: once alice voted, it is not hers to
/// decide, and still anyone else's.
#[test]
fn a_vote_takes_a_gate_open_to_anyone_out_of_the_voters_inbox() {
    let env = Env::new();
    let _worker = env.worker();
    let g = Gates::start(&env);
    let (a, q, o) = (&g.a, &g.q, &g.o);
    env.orca(["approve", o, "--as", "alice"]).ok();
    eventually_eq(
        Duration::from_secs(30),
        || g.inbox("alice"),
        vec![q.clone(), a.clone()],
    );
    assert_eq!(g.inbox("mallory"), vec![o.clone()]);
    g.terminate();
}
