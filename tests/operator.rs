//! The operator's tools: watch, list (the inbox), bulk approval, history,
//! cancel/terminate, foreign workflows, completions and output formats.

use std::time::{Duration, Instant};

use serde_json::{Value, json};

use crate::common::*;

/// A pipeline name no other test uses, so listings can be exact.
fn unique_gate(env: &Env, name: &str) -> String {
    env.pipeline(
        name,
        &format!(
            "name = \"{name}\"\n[inputs.n]\ndefault = \"0\"\n\n[[steps]]\nid = \"gate\"\nkind = \"approval\"\nprompt = \"Item {{{{ input.n }}}}?\"\n\n[[steps]]\nid = \"after\"\nkind = \"agent\"\naction = \"done {{{{ input.n }}}}\"\nduration = \"100ms\"\n"
        ),
    )
}

#[test]
fn watch_streams_jsonl_events_of_a_full_run_and_exits_with_the_outcome() {
    let env = Env::new();
    let _worker = env.worker();
    let id = env.start(&["sample", "--input", "task=stream me"]);
    let watching = env.orca(["watch", &id, "-o", "jsonl"]).spawn();
    env.wait_phase(&id, "awaiting_approval");
    env.orca(["approve", &id, "--as", "alice", "--comment", "go"])
        .ok();
    let done = watching.finish(Duration::from_secs(30));
    assert_eq!(done.code, 0, "{done}");
    let events: Vec<Value> = done
        .stdout
        .lines()
        .map(|l| serde_json::from_str(l).expect(l))
        .collect();
    let kinds: Vec<&str> = events
        .iter()
        .map(|e| e["event"].as_str().unwrap())
        .collect();
    let position = |kind: &str| {
        kinds
            .iter()
            .position(|k| *k == kind)
            .unwrap_or_else(|| panic!("no {kind} in {kinds:?}"))
    };
    assert_eq!(kinds[0], "run");
    assert!(
        position("approval_requested") < position("approval_decided"),
        "{kinds:?}"
    );
    assert!(
        position("approval_decided") < kinds.iter().rposition(|k| *k == "step_finished").unwrap()
    );
    assert_eq!(*kinds.last().unwrap(), "outcome");
    let decided = &events[position("approval_decided")];
    assert_eq!(decided["by"], "alice");
    assert_eq!(decided["comment"], "go");
    let finished: Vec<&str> = events
        .iter()
        .filter(|e| e["event"] == "step_finished")
        .map(|e| e["step"].as_str().unwrap())
        .collect();
    assert_eq!(finished, ["policy", "approval", "work"]);
    for event in &events {
        assert_eq!(event["workflow_id"], id.as_str());
        assert!(event["time"].is_string());
    }
    assert_eq!(events.last().unwrap()["outcome"], "completed");
}

#[test]
fn watch_without_a_terminal_prints_plain_lines_and_a_finished_run_at_once() {
    let env = Env::new();
    let _worker = env.worker();
    let watching = env
        .orca([
            "start",
            "sample",
            "--input",
            "task=plain",
            "--follow",
            "--id",
            "follow-1",
        ])
        .spawn();
    env.wait_phase("follow-1", "awaiting_approval");
    env.orca(["reject", "follow-1", "--reason", "no"]).ok();
    let done = watching.finish(Duration::from_secs(30));
    assert_eq!(done.code, 3, "{done}");
    done.stdout_has("awaiting approval at approval: Run task 'plain'?");
    done.stdout_has("rejected by tester: no");
    done.stdout_has("follow-1: rejected");

    // Watching a finished run: the summary at once, with the outcome's code.
    let again = env
        .orca(["watch", "follow-1"])
        .run_within(Duration::from_secs(10));
    assert_eq!(again.code, 3, "{again}");
    again.stdout_has("follow-1: rejected");
    assert!(
        again.elapsed < Duration::from_secs(8),
        "{:?}",
        again.elapsed
    );
}

#[test]
fn watch_timeout_is_exit_8_and_leaves_the_run_alone() {
    let env = Env::new();
    let _worker = env.worker();
    let id = env.start(&["sample", "--input", "task=slow decision"]);
    env.wait_phase(&id, "awaiting_approval");
    let done = env
        .orca(["watch", &id, "--timeout", "2s"])
        .run_within(Duration::from_secs(15));
    assert_eq!(done.code, 8, "{done}");
    done.clean_error().stderr_has("still awaiting_approval");
    assert_eq!(env.status(&id)["phase"], "awaiting_approval");
    let done = env
        .orca([
            "start",
            "sample",
            "--input",
            "task=x",
            "--wait",
            "--timeout",
            "1s",
        ])
        .run_within(Duration::from_secs(15));
    assert_eq!(done.code, 8, "{done}");
}

#[test]
fn list_filters_runs_and_shows_the_inbox() {
    let env = Env::new();
    let _worker = env.worker();
    let name = format!("inbox-{}", env.task_queue);
    let file = unique_gate(&env, &name);
    let a = env.start(&[&file, "--input", "n=1"]);
    let b = env.start(&[&file, "--input", "n=2"]);
    env.wait_phase(&a, "awaiting_approval");
    env.wait_phase(&b, "awaiting_approval");
    env.orca(["approve", &a]).ok();
    env.wait_phase(&a, "completed");

    let list = |extra: &[&str]| {
        let mut args = vec!["list", "--pipeline", &name, "-o", "json"];
        args.extend_from_slice(extra);
        let runs = env.orca(args).ok().json();
        runs.as_array()
            .unwrap()
            .iter()
            .map(|r| r["workflow_id"].as_str().unwrap().to_string())
            .collect::<Vec<_>>()
    };
    eventually(Duration::from_secs(30), "listed with their phases", || {
        list(&["--phase", "completed"]) == vec![a.clone()]
            && list(&["--awaiting-approval"]) == vec![b.clone()]
    });
    assert_eq!(list(&[]), vec![b.clone(), a.clone()], "newest first");
    assert_eq!(list(&["--awaiting-approval"]), vec![b.clone()]);
    assert_eq!(list(&["--phase", "completed"]), vec![a.clone()]);
    assert_eq!(list(&["--status", "running"]), vec![b.clone()]);
    assert_eq!(list(&["--limit", "1"]), vec![b.clone()]);
    assert_eq!(
        list(&["--query", &format!("WorkflowId = '{a}'")]),
        vec![a.clone()]
    );

    let rows = env
        .orca(["list", "--pipeline", &name, "-o", "json"])
        .ok()
        .json();
    let waiting = &rows[0];
    assert_eq!(waiting["phase"], "awaiting_approval");
    assert_eq!(waiting["prompt"], "Item 2?");
    assert_eq!(waiting["pipeline"], name.as_str());
    for field in [
        "workflow_id",
        "run_id",
        "workflow_type",
        "temporal_status",
        "started_at",
        "closed_at",
        "progress",
    ] {
        assert!(waiting.get(field).is_some(), "missing {field}: {waiting}");
    }
    let lines = env.orca(["list", "--pipeline", &name, "-o", "jsonl"]).ok();
    assert_eq!(lines.stdout.lines().count(), 2);
    let text = env
        .orca(["list", "--awaiting-approval", "--pipeline", &name])
        .ok();
    text.stdout_has(&b).stdout_has("Item 2?");
    env.orca(["list", "--query", "this is not a query"])
        .code(2)
        .clean_error()
        .stderr_has("the server refused the query");
}

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
        let mut args = vec!["list", "--pipeline", &name, "--limit", "0", "-o", "json"];
        args.extend_from_slice(filter);
        env.orca(args).ok().json().as_array().unwrap().len()
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

/// `--all` is safe to run again: a gate that no longer waits for this
/// person (they already voted, someone decided it, the run ended) is
/// skipped, not refused; only a gate they may not decide is refused (exit 7).
#[test]
fn bulk_approval_skips_what_no_longer_waits_and_refuses_what_it_may_not() {
    let env = Env::new();
    let _worker = env.worker();
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
        env.orca([
            "list",
            "--awaiting-approval",
            "--pipeline",
            &open,
            "-o",
            "json",
        ])
        .ok()
        .json()
        .as_array()
        .map_or(0, Vec::len)
    };
    eventually_eq(Duration::from_secs(30), waiting, 3);

    // `approve --all --yes` for one pipeline, as `who`, with `extra` flags.
    let bulk = |pipeline: &str, who: &str, extra: &[&str]| {
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
    };
    let json = ["-o", "json"];
    let tally = bulk(&open, "alice", &json).ok().json();
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
    let again = bulk(&open, "alice", &json).ok().json();
    assert_eq!(again["decided"], json!([]), "{again:#}");
    assert_eq!(
        again["skipped"].as_array().map(Vec::len),
        Some(3),
        "{again:#}"
    );
    bulk(&open, "alice", &[])
        .ok()
        .stdout_has("approved 0, skipped 3, refused 0, failed 0");
    // bob's votes close the gates; the runs complete.
    bulk(&open, "bob", &[]).ok();
    for id in &ids {
        env.wait_phase(id, "completed");
    }

    // A gate alice may not decide is refused: exit 7, with the reason.
    let named = format!("named-{}", env.task_queue);
    let file = env.pipeline(
        &named,
        &format!("name = \"{named}\"\n[[steps]]\nid = \"gate\"\nkind = \"approval\"\nprompt = \"Bob only\"\napprovers = [\"bob\"]\n"),
    );
    let id = env.start(&[&file]);
    env.wait_phase(&id, "awaiting_approval");
    env.wait_in_inbox(&named, &id);
    let refused = bulk(&named, "alice", &json).code(7).json();
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

#[test]
fn history_is_a_readable_timeline() {
    let env = Env::new();
    let _worker = env.worker();
    let id = env.start(&["sample", "--input", "task=story", "--id", "history-1"]);
    env.wait_phase(&id, "awaiting_approval");
    env.orca(["pause", &id]).ok();
    env.orca(["resume", &id]).ok();
    env.orca(["approve", &id, "--as", "carol", "--comment", "ship it"])
        .ok();
    env.wait_phase(&id, "completed");
    let entries = env.orca(["history", &id, "-o", "json"]).ok().json();
    let find = |event: &str| {
        entries
            .as_array()
            .unwrap()
            .iter()
            .find(|e| e["event"] == event)
            .unwrap_or_else(|| panic!("no {event} in {entries:#}"))
            .clone()
    };
    assert_eq!(
        find("started")["detail"],
        r#"sample, requested by tester, input {"task":"story"}"#
    );
    assert_eq!(find("approval_requested")["detail"], "Run task 'story'?");
    assert_eq!(find("approve")["detail"], "by carol: ship it");
    assert!(
        find("signal")["detail"]
            .as_str()
            .unwrap()
            .starts_with("pause")
    );
    let work = find("step_completed");
    assert_eq!(work["step"], "work");
    assert_eq!(find("step_started")["attempt"], 1);
    assert_eq!(find("completed")["detail"], "outcome completed");
    let offsets: Vec<u64> = entries
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["offset_ms"].as_u64().unwrap())
        .collect();
    assert!(
        offsets.windows(2).all(|w| w[0] <= w[1]),
        "in time order: {offsets:?}"
    );
    env.orca(["history", &id])
        .ok()
        .stdout_has("approve")
        .stdout_has("by carol: ship it");
    env.orca(["history", "no-such-run"]).code(5);
}

#[test]
fn cancel_kills_running_commands_and_reports_the_end() {
    let env = Env::new();
    let _worker = env.worker_with(&["--allow-commands"]);
    let marker = format!("{}.313", 900 + std::process::id() % 90);
    let file = env.pipeline(
        "long",
        &format!("name = \"long\"\n[[steps]]\nid = \"wait\"\nkind = \"command\"\nargv = [\"sleep\", \"{marker}\"]\n"),
    );
    let id = env.start(&[&file]);
    env.wait_status(&id, Duration::from_secs(20), |s| {
        s["steps"][0]["state"] == "running"
    });
    let started = Instant::now();
    while processes_with(&format!("sleep {marker}")).is_empty() {
        assert!(
            started.elapsed() < Duration::from_secs(10),
            "command never started"
        );
        std::thread::sleep(Duration::from_millis(50));
    }
    let done = env
        .orca(["cancel", &id, "--reason", "changed my mind"])
        .run_within(Duration::from_secs(40));
    assert_eq!(done.code, 0, "{done}");
    done.stdout_has(&format!("{id}: cancelled"));
    let deadline = Instant::now() + Duration::from_secs(10);
    while !processes_with(&format!("sleep {marker}")).is_empty() {
        assert!(
            Instant::now() < deadline,
            "the command outlived the cancellation"
        );
        std::thread::sleep(Duration::from_millis(100));
    }
    assert_eq!(env.status(&id)["temporal_status"], "cancelled");
    env.orca(["cancel", &id])
        .code(7)
        .clean_error()
        .stderr_has("already finished (cancelled)");
}

#[test]
fn terminate_needs_confirmation_off_a_terminal() {
    let env = Env::new();
    let _worker = env.worker();
    let id = env.start(&["sample", "--input", "task=t"]);
    env.wait_phase(&id, "awaiting_approval");
    env.orca(["terminate", &id])
        .code(2)
        .clean_error()
        .stderr_has("add --yes");
    assert_eq!(env.status(&id)["temporal_status"], "running");
    env.orca(["terminate", &id, "--yes", "--reason", "cleanup"])
        .ok()
        .stdout_has("terminated");
    let status = env.status(&id);
    assert_eq!(status["temporal_status"], "terminated");
    assert_eq!(status["phase"], "terminated");
    env.orca(["approve", &id])
        .code(7)
        .stderr_has("already finished (terminated)");
}

#[test]
fn missing_ids_without_a_terminal_are_usage_errors() {
    let env = Env::new();
    for verb in ["approve", "reject"] {
        let done = env.orca([verb]).run_within(Duration::from_secs(10));
        assert_eq!(done.code, 2, "{done}");
        done.clean_error()
            .stderr_has("needs a run ID")
            .stderr_has("--all --yes");
    }
    env.orca(["status"]).code(2);
    env.orca(["watch"])
        .code(2)
        .clean_error()
        .stderr_has("watch needs a run ID");
}

#[test]
fn foreign_workflows_of_a_python_worker_are_driven_by_orca() {
    let env = Env::new();
    let mut python = std::process::Command::new("python3");
    python.args(["tests/fixtures/py_worker.py", &env.address, &env.task_queue]);
    let _python = Worker::spawn(python, "python worker ready");

    let id = env.start(&[
        "--type",
        "PyWaiter",
        "--args-json",
        "\"hello from orca\"",
        "--id",
        "py-1",
    ]);
    assert_eq!(id, "py-1");
    let status = env.orca(["status", "py-1", "-o", "json"]).ok().json();
    assert_eq!(status["workflow_type"], "PyWaiter");
    assert_eq!(status["live"], false);
    env.orca(["status", "py-1"])
        .ok()
        .stdout_has("not an orca pipeline");

    let updated = env
        .orca([
            "approve",
            "py-1",
            "--update",
            "add_note",
            "--payload-json",
            "\"first\"",
            "-o",
            "json",
        ])
        .ok()
        .json();
    assert_eq!(updated["result"], 1);
    let waiting = env.orca(["watch", "py-1", "-o", "json"]).spawn();
    env.orca([
        "approve",
        "py-1",
        "--signal",
        "approve",
        "--payload-json",
        r#"{"by": "alice"}"#,
    ])
    .ok()
    .stdout_has("sent signal `approve` to py-1");
    let done = waiting.finish(Duration::from_secs(30));
    assert_eq!(done.code, 0, "{done}");
    assert_eq!(
        done.json()["result"],
        json!({"greeting": "hello from orca", "approved_by": "alice", "notes": ["first"]})
    );
}

#[test]
fn completions_are_fresh_and_the_man_page_renders() {
    let env = Env::offline();
    for (shell, file) in [
        ("bash", "orca.bash"),
        ("zsh", "_orca"),
        ("fish", "orca.fish"),
        ("powershell", "_orca.ps1"),
        ("elvish", "orca.elv"),
    ] {
        let generated = env.orca(["completions", shell]).ok().stdout;
        let checked_in = std::fs::read_to_string(format!("completions/{file}")).unwrap_or_default();
        assert!(
            generated == checked_in,
            "completions/{file} is stale: run `just completions` and commit the result"
        );
    }
    let bash = std::fs::read_to_string("completions/orca.bash").unwrap();
    assert!(bash.contains("approve") && bash.contains("--awaiting-approval"));
    assert!(
        bash.contains("agent-task"),
        "built-in pipeline names are completed"
    );
    let man = env.orca(["man"]).ok().stdout;
    assert!(
        man.starts_with(".ie") || man.contains(".TH"),
        "{}",
        &man[..200.min(man.len())]
    );
    assert!(man.contains("approve"));
}

#[test]
fn colour_only_when_asked_and_never_with_no_color() {
    let env = Env::new();
    let _worker = env.worker();
    let id = env.start(&["sample", "--input", "task=colour"]);
    env.wait_phase(&id, "awaiting_approval");
    let plain = env.orca(["status", &id]).ok();
    assert!(!plain.stdout.contains('\x1b'), "no colour when piped");
    let forced = env.orca(["status", &id, "--color", "always"]).ok();
    assert!(forced.stdout.contains("\x1b["), "--color always colours");
    let json = env
        .orca(["status", &id, "-o", "json", "--color", "always"])
        .ok();
    assert!(!json.stdout.contains('\x1b'), "JSON is never coloured");
}
