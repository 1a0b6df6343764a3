//! Approvals beyond a single yes/no: quorum, four eyes, groups, timeouts and
//! escalation, notifications, the personal inbox, and waits CI can trust.
//! Every rule is enforced by the workflow, so the official CLI is held to it too.

use std::time::{Duration, Instant};

use serde_json::{Value, json};

use crate::common::{http::HttpRecorder, *};

fn gate_pipeline(env: &Env, name: &str, gate: &str, after: &str) -> String {
    env.pipeline(
        name,
        &format!(
            "name = \"{name}\"\n[groups]\nrelease = [\"rita\", \"rob\"]\n\n[[steps]]\nid = \"gate\"\nkind = \"approval\"\nprompt = \"Ship {name}?\"\n{gate}\n{after}"
        ),
    )
}

fn update_via_temporal(env: &Env, id: &str, name: &str, by: &str) -> (bool, String) {
    let out = std::process::Command::new(temporal_bin())
        .args([
            "workflow",
            "update",
            "execute",
            "--workflow-id",
            id,
            "--name",
            name,
        ])
        .args([
            "--input",
            &json!({"by": by}).to_string(),
            "--address",
            &env.address,
        ])
        .output()
        .expect("run temporal");
    (
        out.status.success(),
        String::from_utf8_lossy(&out.stdout).to_string() + &String::from_utf8_lossy(&out.stderr),
    )
}

#[test]
fn quorum_of_two_out_of_three() {
    let env = Env::new();
    let _worker = env.worker();
    let file = gate_pipeline(
        &env,
        "quorum",
        "approvers = [\"alice\", \"bob\", \"carol\"]\nrequired = 2",
        "",
    );
    let id = env.start(&[&file]);
    env.wait_phase(&id, "awaiting_approval");

    let first = env
        .orca(["approve", &id, "--as", "alice", "-o", "json"])
        .ok()
        .json();
    assert_eq!(
        first["decision"],
        Value::Null,
        "one approval leaves it open: {first}"
    );
    assert_eq!(
        (first["approvals"].as_u64(), first["required"].as_u64()),
        (Some(1), Some(2))
    );
    let status = env.status(&id);
    assert_eq!(status["phase"], "awaiting_approval");
    assert_eq!(status["approval"]["waiting_on"], json!(["bob", "carol"]));
    env.status_text(&id)
        .stdout_has("1 of 2 (alice); still allowed: bob, carol");

    env.orca(["approve", &id, "--as", "alice"])
        .code(7)
        .clean_error()
        .stderr_has("already approved by alice");
    // The official CLI gets the same answer.
    let (ok, text) = update_via_temporal(&env, &id, "approve", "alice");
    assert!(!ok && text.contains("already approved by alice"), "{text}");

    let second = env
        .orca(["approve", &id, "--as", "carol", "--comment", "lgtm"])
        .ok();
    second.stdout_has("(2 of 2 approvals)");
    let status = env.wait_phase(&id, "completed");
    let decision = &status["approval"]["decision"];
    assert_eq!(decision["decision"], "approved");
    assert_eq!(decision["votes"].as_array().unwrap().len(), 2);
    assert_eq!(decision["votes"][0]["by"], "alice");
    assert_eq!(decision["votes"][1]["comment"], "lgtm");
}

#[test]
fn a_rejection_closes_the_gate_unless_a_reject_quorum_is_set() {
    let env = Env::new();
    let _worker = env.worker();
    let file = gate_pipeline(
        &env,
        "rejectq",
        "approvers = [\"alice\", \"bob\", \"carol\"]\nrequired = 2\nreject_quorum = 2",
        "",
    );
    let id = env.start(&[&file]);
    env.wait_phase(&id, "awaiting_approval");
    env.orca(["reject", &id, "--as", "alice", "--reason", "no"])
        .ok()
        .stdout_has("1 of 2 rejections");
    assert_eq!(env.status(&id)["phase"], "awaiting_approval");
    env.orca(["reject", &id, "--as", "bob", "--reason", "no"])
        .ok();
    let status = env.wait_phase(&id, "rejected");
    assert_eq!(status["approval"]["decision"]["decision"], "rejected");
}

#[test]
fn four_eyes_refuses_the_requester_unless_allowed() {
    let env = Env::new();
    let _worker = env.worker();
    // The harness runs orca as "tester", who also is a named approver.
    let file = gate_pipeline(&env, "foureyes", "approvers = [\"tester\", \"bob\"]", "");
    let id = env.start(&[&file]);
    env.wait_phase(&id, "awaiting_approval");
    env.orca(["approve", &id])
        .code(7)
        .clean_error()
        .stderr_has("tester started this run and may not approve its gate `gate` (four eyes");
    let (ok, text) = update_via_temporal(&env, &id, "approve", "tester");
    assert!(!ok && text.contains("four eyes"), "{text}");
    assert_eq!(env.status(&id)["approval"]["waiting_on"], json!(["bob"]));
    env.orca(["approve", &id, "--as", "bob"]).ok();
    env.wait_phase(&id, "completed");

    let file = gate_pipeline(
        &env,
        "selfok",
        "approvers = [\"tester\", \"bob\"]\nallow_self_approval = true",
        "",
    );
    let id = env.start(&[&file]);
    env.wait_phase(&id, "awaiting_approval");
    env.orca(["approve", &id]).ok();
    env.wait_phase(&id, "completed");

    // A gate without an approver list stays open to anyone, the requester included.
    let id = env.start(&["sample", "--input", "task=demo"]);
    env.wait_phase(&id, "awaiting_approval");
    env.orca(["approve", &id]).ok();
}

#[test]
fn groups_from_the_pipeline_and_the_worker_file() {
    let env = Env::new();
    let approvers = env.write("approvers.toml", "[groups]\nops = [\"olga\", \"oscar\"]\n");
    let _worker = env.worker_with(&["--approvers-file", approvers.to_str().unwrap()]);
    let file = gate_pipeline(
        &env,
        "groups",
        "approvers = [\"group:release\", \"group:ops\"]\nrequired = 2",
        "",
    );
    let id = env.start(&[&file]);
    let status = env.wait_phase(&id, "awaiting_approval");
    assert_eq!(
        status["approval"]["allowed"],
        json!(["rita", "rob", "olga", "oscar"])
    );
    env.orca(["approve", &id, "--as", "mallory"])
        .code(7)
        .clean_error()
        .stderr_has("mallory may not decide");
    let (ok, text) = update_via_temporal(&env, &id, "approve", "mallory");
    assert!(!ok && text.contains("may not decide"), "{text}");
    env.orca(["approve", &id, "--as", "rob"]).ok();
    env.orca(["approve", &id, "--as", "oscar"]).ok();
    env.wait_phase(&id, "completed");

    // A group nobody defines fails the run at once, naming the group.
    let file = gate_pipeline(&env, "nogroup", "approvers = [\"group:nobody\"]", "");
    let done = env.run_to_end(&file, &[]);
    assert_eq!(done.code, 4, "{done}");
    done.stderr_has("names group `nobody`");
}

#[test]
fn timeouts_reject_approve_fail_or_escalate_and_later_steps_can_branch() {
    let env = Env::new();
    let _worker = env.worker();
    let branch = "\n[[steps]]\nid = \"late\"\nkind = \"agent\"\naction = \"handle a late gate\"\nduration = \"100ms\"\nif = \"{{ steps.gate.output.decision == 'timed_out' }}\"\n\n[[steps]]\nid = \"normal\"\nkind = \"agent\"\naction = \"normal path\"\nduration = \"100ms\"\nif = \"{{ steps.gate.output.decision == 'approved' }}\"\n";

    let reject = gate_pipeline(&env, "t-reject", "timeout = \"1s\"", "");
    let done = env.run_to_end(&reject, &["--id", "t-reject"]);
    assert_eq!(done.code, 3, "{done}");
    let gate = &done.json()["steps"]["gate"];
    assert_eq!(gate["decision"], "timed_out");
    assert!(
        gate.get("by").is_none(),
        "a timeout is not a person: {gate}"
    );
    env.status_text("t-reject")
        .stdout_has("no one decided in time; the gate rejected");

    let approve = gate_pipeline(
        &env,
        "t-approve",
        "timeout = \"1s\"\non_timeout = \"approve\"",
        branch,
    );
    let done = env.run_to_end(&approve, &[]);
    assert_eq!(done.code, 0, "{done}");
    let steps = done.json()["steps"].clone();
    assert_eq!(steps["gate"]["decision"], "timed_out");
    assert_eq!(steps["gate"]["approved"], true);
    assert_eq!(steps["late"]["action"], "handle a late gate");
    assert!(steps["normal"].is_null(), "{steps}");

    let fail = gate_pipeline(
        &env,
        "t-fail",
        "timeout = \"1s\"\non_timeout = \"fail\"",
        "",
    );
    let done = env.run_to_end(&fail, &[]);
    assert_eq!(done.code, 4, "{done}");
    done.stderr_has("timed out after 1s (on_timeout = \"fail\")");

    let escalate = gate_pipeline(
        &env,
        "t-escalate",
        "approvers = [\"alice\"]\ntimeout = \"1s\"\non_timeout = \"escalate\"\nescalate_to = [\"group:release\"]\nescalation_timeout = \"30s\"",
        "",
    );
    let id = env.start(&[&escalate]);
    let status = env.wait_status(&id, Duration::from_secs(20), |s| {
        s["approval"]["escalated"] == true
    });
    assert_eq!(
        status["approval"]["allowed"],
        json!(["alice", "rita", "rob"])
    );
    assert_eq!(status["phase"], "awaiting_approval");
    env.orca(["approve", &id, "--as", "rita"]).ok();
    let status = env.wait_phase(&id, "completed");
    assert_eq!(
        status["approval"]["decision"]["decision"],
        "escalated_then_approved"
    );

    let escalate_out = gate_pipeline(
        &env,
        "t-escalate-out",
        "approvers = [\"alice\"]\ntimeout = \"1s\"\non_timeout = \"escalate\"\nescalate_to = [\"bob\"]\nescalation_timeout = \"1s\"",
        "",
    );
    let done = env.run_to_end(&escalate_out, &[]);
    assert_eq!(done.code, 3, "{done}");
    assert_eq!(
        done.json()["steps"]["gate"]["decision"],
        "escalated_then_timed_out"
    );
}

#[test]
fn webhooks_are_told_and_a_dead_one_does_not_block_the_gate() {
    let env = Env::new();
    let hook = HttpRecorder::start();
    let dead = format!("http://127.0.0.1:{}/dead", free_port());
    let mut worker = std::process::Command::new(ORCA);
    isolate(&mut worker, &env.dir);
    worker
        .env("TEMPORAL_ADDRESS", &env.address)
        .env("TEMPORAL_TASK_QUEUE", &env.task_queue)
        .env("SLACK_URL", format!("{}/slack", hook.url))
        .env("RUST_LOG", "info")
        .arg("worker");
    let _worker = Worker::spawn(worker, "worker started");
    let file = gate_pipeline(
        &env,
        "notify",
        &format!(
            "[[steps.notify]]\nurl_env = \"SLACK_URL\"\n\n[[steps.notify]]\nurl = \"{dead}\"\n\n[[steps.notify]]\nurl = \"{}/custom\"\nbody = '{{\"msg\": \"{{{{ prompt }}}} → {{{{ approve_command }}}}\"}}'\n",
            hook.url
        ),
        "",
    );
    let id = env.start(&[&file]);
    env.wait_phase(&id, "awaiting_approval");
    let started = Instant::now();
    while hook.requests().len() < 2 {
        assert!(
            started.elapsed() < Duration::from_secs(20),
            "webhooks not called"
        );
        std::thread::sleep(Duration::from_millis(100));
    }
    let slack = hook
        .requests()
        .into_iter()
        .find(|r| r.path == "/slack")
        .unwrap();
    let body: Value = serde_json::from_str(&slack.body).unwrap();
    assert_eq!(body["run_id"], id.as_str());
    assert_eq!(body["prompt"], "Ship notify?");
    assert_eq!(body["approve_command"], format!("orca approve {id}"));
    assert!(
        body["text"]
            .as_str()
            .unwrap()
            .contains(&format!("orca approve {id}")),
        "{body}"
    );
    let custom = hook
        .requests()
        .into_iter()
        .find(|r| r.path == "/custom")
        .unwrap();
    assert_eq!(
        serde_json::from_str::<Value>(&custom.body).unwrap(),
        json!({"msg": format!("Ship notify? → orca approve {id}")})
    );

    // The dead webhook is still retrying (or has failed): the gate is open regardless.
    env.orca(["approve", &id, "--as", "alice"]).ok();
    env.wait_phase(&id, "completed");

    // A failing webhook is reported in the status once its retries are spent.
    let id = env.start(&[&file]);
    let status = env.wait_status(&id, Duration::from_secs(40), |s| {
        s["approval"]["notifications"]
            .as_array()
            .is_some_and(|n| n.len() == 3)
    });
    let notes = status["approval"]["notifications"].as_array().unwrap();
    let failed: Vec<&Value> = notes.iter().filter(|n| n["ok"] == false).collect();
    assert_eq!(failed.len(), 1, "{notes:?}");
    assert!(
        failed[0]["target"]
            .as_str()
            .unwrap()
            .starts_with("127.0.0.1"),
        "{notes:?}"
    );
    assert!(
        notes
            .iter()
            .any(|n| n["target"] == "$SLACK_URL" && n["ok"] == true),
        "{notes:?}"
    );
    assert_eq!(status["phase"], "awaiting_approval");
    env.status_text(&id).stdout_has("FAILED");
    env.orca(["reject", &id, "--reason", "cleanup"]).ok();
}

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

#[test]
fn wait_for_approval_and_completion_exit_codes() {
    let env = Env::new();
    let _worker = env.worker();
    // 8: nobody decides within the timeout; the run is untouched.
    let id = env.start(&["sample", "--input", "task=w"]);
    env.wait_phase(&id, "awaiting_approval");
    let done = env
        .orca(["wait", &id, "--for", "approval", "--timeout", "2s"])
        .run_within(Duration::from_secs(15));
    assert_eq!(done.code, 8, "{done}");
    assert_eq!(env.status(&id)["phase"], "awaiting_approval");

    // 0: returns as soon as the gate is approved, before the run ends.
    let waiting = env
        .orca(["wait", &id, "--for", "approval", "-o", "json"])
        .spawn();
    std::thread::sleep(Duration::from_millis(500));
    env.orca(["approve", &id, "--as", "alice"]).ok();
    let done = waiting.finish(Duration::from_secs(20));
    assert_eq!(done.code, 0, "{done}");
    assert_eq!(done.json()["decision"]["decision"], "approved");
    let done = env.orca(["wait", &id]).run_within(Duration::from_secs(20));
    assert_eq!(done.code, 0, "{done}");

    // 3: a rejection, a denial, and a gate that timed out and rejected.
    let id = env.start(&["sample", "--input", "task=w2"]);
    env.wait_phase(&id, "awaiting_approval");
    env.orca(["reject", &id, "--as", "bob"]).ok();
    assert_eq!(env.orca(["wait", &id, "--for", "approval"]).run().code, 3);
    assert_eq!(env.orca(["wait", &id, "--for", "completion"]).run().code, 3);
    let denied = env.start(&["sample", "--input", "task=forbidden"]);
    assert_eq!(
        env.orca(["wait", &denied, "--for", "approval"]).run().code,
        3
    );
    let late = gate_pipeline(&env, "w-late", "timeout = \"1s\"", "");
    let id = env.start(&[&late]);
    let done = env
        .orca(["wait", &id, "--for", "approval"])
        .run_within(Duration::from_secs(20));
    assert_eq!(done.code, 3, "{done}");
    done.stderr_has("timed_out");
}

#[test]
fn schedule_health_shows_runs_skipped_by_overlap() {
    let env = Env::new();
    let _worker = env.worker();
    let name = format!("skips-{}", env.task_queue);
    env.orca([
        "schedule",
        "create",
        &name,
        "sample",
        "--input",
        "task=slow gate",
        "--every",
        "1s",
    ])
    .ok();
    let started = Instant::now();
    loop {
        let described = env
            .orca(["schedule", "describe", &name, "-o", "json"])
            .ok()
            .json();
        if described["overlap_skipped"].as_i64().unwrap_or(0) >= 2 {
            assert_eq!(described["action_count"], 1, "{described:#}");
            break;
        }
        assert!(
            started.elapsed() < Duration::from_secs(15),
            "no skips counted: {described:#}"
        );
        std::thread::sleep(Duration::from_millis(500));
    }
    env.orca(["schedule", "describe", &name])
        .ok()
        .stdout_has("skipped (overlap)");
    // The list is served from visibility, which catches up a little later.
    eventually(Duration::from_secs(30), "skips in schedule list", || {
        let listed = env.orca(["schedule", "list", "-o", "json"]).ok().json();
        listed
            .as_array()
            .unwrap()
            .iter()
            .any(|s| s["name"] == name.as_str() && s["overlap_skipped"].as_i64().unwrap_or(0) >= 2)
    });
    env.orca(["schedule", "delete", &name, "--yes"]).ok();
}
