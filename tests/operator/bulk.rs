//! Bulk decisions (`approve --all` / `reject --all`): fifty runs with a
//! tally, safe to run again (what no longer waits is skipped), and a gate
//! the person may not decide refused with exit 7.

use std::time::Duration;

use serde_json::json;

use super::unique_gate;
use crate::common::*;

#[test]
fn bulk_approval_decides_fifty_runs_with_a_tally() {
    let env = Env::new();
    let _worker = env.worker_with(&["--max-concurrent-workflows", "50"]);
    let name = format!("bulk-{}", env.task_queue);
    let file = unique_gate(&env, &name);
    for n in 0..50 {
        env.start(&[
            &file,
            "--input",
            &format!("n={n}"),
            "--id",
            &format!("{name}-{n}"),
        ]);
    }
    let count = |filter: &[&str]| {
        env.list(&[&["--pipeline", &name, "--limit", "0"], filter].concat())
            .len()
    };
    eventually_eq(
        Duration::from_secs(60),
        || count(&["--awaiting-approval"]),
        50,
    );
    // Not on a terminal, --all needs --yes.
    env.orca(["approve", "--all", "--pipeline", &name])
        .code(2)
        .clean_error()
        .stderr_has("add --yes");
    let tally = env
        .orca([
            "approve",
            "--all",
            "--pipeline",
            &name,
            "--yes",
            "--comment",
            "bulk",
            "-o",
            "json",
        ])
        .ok()
        .json();
    assert_eq!(tally["decided"].as_array().unwrap().len(), 50, "{tally}");
    assert_eq!(tally["refused"], json!([]));
    assert_eq!(tally["failed"], json!([]));
    eventually_eq(
        Duration::from_secs(60),
        || count(&["--phase", "completed"]),
        50,
    );
    // Nothing left to decide: a second --all decides nothing and says so.
    let again = env
        .orca([
            "reject",
            "--all",
            "--pipeline",
            &name,
            "--yes",
            "-o",
            "json",
        ])
        .ok()
        .json();
    assert_eq!(again["decided"], json!([]));
}

/// `approve --all --yes` for one pipeline, as `who`, with `extra` flags.
fn bulk(env: &Env, pipeline: &str, who: &str, extra: &[&str]) -> Run {
    let mut args = vec![
        "approve",
        "--all",
        "--pipeline",
        pipeline,
        "--as",
        who,
        "--yes",
    ];
    args.extend_from_slice(extra);
    env.orca(args)
}

/// Three runs of a two-of-anyone gate, alice's vote already on the first;
/// returns the pipeline's name and the runs, all listed as waiting.
fn three_gates_one_voted(env: &Env) -> (String, Vec<String>) {
    let open = format!("again-{}", env.task_queue);
    let file = env.pipeline(
        &open,
        &format!("name = \"{open}\"\n[[steps]]\nid = \"gate\"\nkind = \"approval\"\nprompt = \"Two of anyone?\"\nrequired = 2\n"),
    );
    let ids: Vec<String> = (0..3)
        .map(|n| env.start(&[&file, "--id", &format!("{open}-{n}")]))
        .collect();
    for id in &ids {
        env.wait_phase(id, "awaiting_approval");
    }
    env.orca(["approve", &ids[0], "--as", "alice"]).ok();
    let waiting = || {
        env.list(&["--awaiting-approval", "--pipeline", &open])
            .len()
    };
    eventually_eq(Duration::from_secs(30), waiting, 3);
    (open, ids)
}

/// `--all` is safe to run again: a gate that no longer waits for this
/// person (they already voted, someone decided it, the run ended) is
/// skipped, not refused.
#[test]
fn bulk_approval_skips_what_no_longer_waits() {
    let env = Env::new();
    let _worker = env.worker();
    let (open, ids) = three_gates_one_voted(&env);
    let json = ["-o", "json"];
    let tally = bulk(&env, &open, "alice", &json).ok().json();
    let mut decided: Vec<String> = serde_json::from_value(tally["decided"].clone()).unwrap();
    decided.sort();
    assert_eq!(decided, ids[1..].to_vec(), "{tally:#}");
    assert_eq!(
        tally["skipped"][0]["workflow_id"],
        ids[0].as_str(),
        "{tally:#}"
    );
    assert!(
        tally["skipped"][0]["reason"]
            .as_str()
            .unwrap()
            .contains("already approved by alice"),
        "{tally:#}"
    );
    assert_eq!(tally["refused"], json!([]));
    // Again: alice has voted on all three; nothing to do is not an error.
    let again = bulk(&env, &open, "alice", &json).ok().json();
    assert_eq!(again["decided"], json!([]), "{again:#}");
    assert_eq!(
        again["skipped"].as_array().map(Vec::len),
        Some(3),
        "{again:#}"
    );
    bulk(&env, &open, "alice", &[])
        .ok()
        .stdout_has("approved 0, skipped 3, refused 0, failed 0");
    // bob's votes close the gates; the runs complete.
    bulk(&env, &open, "bob", &[]).ok();
    for id in &ids {
        env.wait_phase(id, "completed");
    }
}

/// Only a gate the person may not decide is refused: exit 7, with the reason.
#[test]
fn bulk_approval_refuses_what_it_may_not_decide() {
    let env = Env::new();
    let _worker = env.worker();
    let named = format!("named-{}", env.task_queue);
    let file = env.pipeline(
        &named,
        &format!("name = \"{named}\"\n[[steps]]\nid = \"gate\"\nkind = \"approval\"\nprompt = \"Bob only\"\napprovers = [\"bob\"]\n"),
    );
    let id = env.start(&[&file]);
    env.wait_phase(&id, "awaiting_approval");
    env.wait_in_inbox(&named, &id);
    let refused = bulk(&env, &named, "alice", &["-o", "json"]).code(7).json();
    assert_eq!(refused["refused"][0]["workflow_id"], id.as_str());
    assert!(
        refused["refused"][0]["reason"]
            .as_str()
            .unwrap()
            .contains("alice may not decide"),
        "{refused:#}"
    );
    env.orca(["terminate", &id, "--yes"]).ok();
}
