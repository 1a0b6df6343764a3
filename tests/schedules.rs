//! Schedules on a real server: every N seconds, daily times and cron,
//! the lifecycle, and declarative `apply`.

use std::time::Duration;

use crate::common::*;

/// Runs a schedule has started so far, as the schedule itself counts them
/// (read from the schedule, so it does not lag like visibility does).
fn runs_of(env: &Env, name: &str) -> i64 {
    env.orca(["schedule", "describe", name, "-o", "json"])
        .ok()
        .json()["action_count"]
        .as_i64()
        .unwrap()
}

/// Runs `orca list --schedule NAME` finds. Visibility is eventually
/// consistent and lags further on a busy 2-core CI machine, so callers poll.
fn listed_runs_of(env: &Env, name: &str) -> Vec<serde_json::Value> {
    env.orca(["list", "--schedule", name, "--limit", "0", "-o", "json"])
        .ok()
        .json()
        .as_array()
        .cloned()
        .unwrap_or_default()
}

#[test]
fn every_two_seconds_then_pause_unpause_trigger_delete() {
    let env = Env::new();
    let _worker = env.worker();
    let name = format!("every-{}", env.task_queue);
    env.orca([
        "schedule",
        "create",
        &name,
        "data-analysis",
        "--input",
        "file=s.csv",
        "--every",
        "2s",
    ])
    .ok()
    .stdout_has(&format!(
        "created schedule {name}: every 2s runs data-analysis"
    ));

    // Every 2 s: two runs soon (bounded loosely: the server's scheduler
    // runs late on a loaded machine).
    eventually(Duration::from_secs(30), "2 runs started", || {
        runs_of(&env, &name) >= 2
    });
    // The runs are real runs of the pipeline, marked with the schedule, and
    // `orca list --schedule` finds them once visibility has caught up.
    let mut runs = Vec::new();
    eventually(Duration::from_secs(30), "2 runs listed", || {
        runs = listed_runs_of(&env, &name);
        runs.len() >= 2
    });
    assert_eq!(runs[0]["pipeline"], "data-analysis");
    assert!(runs[0]["workflow_id"].as_str().unwrap().starts_with(&name));

    env.orca(["schedule", "pause", &name, "--note", "maintenance"])
        .ok();
    // A fire already under way as the pause arrived may still land.
    std::thread::sleep(Duration::from_millis(2500));
    let paused_at = runs_of(&env, &name);
    std::thread::sleep(Duration::from_secs(5));
    assert_eq!(runs_of(&env, &name), paused_at, "no run while paused");
    let described = env
        .orca(["schedule", "describe", &name, "-o", "json"])
        .ok()
        .json();
    assert_eq!(described["paused"], true);
    assert_eq!(described["note"], "maintenance");

    // Trigger starts one at once, even while paused.
    env.orca(["schedule", "trigger", &name]).ok();
    eventually(Duration::from_secs(30), "trigger started a run", || {
        runs_of(&env, &name) > paused_at
    });
    env.orca(["schedule", "unpause", &name]).ok();
    let resumed = runs_of(&env, &name);
    eventually(Duration::from_secs(30), "a run after unpause", || {
        runs_of(&env, &name) > resumed
    });

    env.orca(["schedule", "delete", &name])
        .code(2)
        .clean_error()
        .stderr_has("add --yes");
    env.orca(["schedule", "delete", &name, "--yes"]).ok();
    env.orca(["schedule", "describe", &name])
        .code(5)
        .clean_error()
        .stderr_has(&format!("no schedule `{name}`"));
}

#[test]
fn daily_times_and_cron_fire_at_exactly_those_utc_times() {
    let env = Env::new();
    let at = format!("at-{}", env.task_queue);
    let cron = format!("cron-{}", env.task_queue);
    env.orca([
        "schedule",
        "create",
        &at,
        "sample",
        "--input",
        "task=x",
        "--at",
        "09:00,18:00",
        "--tz",
        "UTC",
    ])
    .ok();
    env.orca([
        "schedule",
        "create",
        &cron,
        "sample",
        "--input",
        "task=x",
        "--cron",
        "0 9,18 * * *",
    ])
    .ok();
    for name in [&at, &cron] {
        let described = env
            .orca(["schedule", "describe", name, "-o", "json"])
            .ok()
            .json();
        let next: Vec<&str> = described["next_runs"]
            .as_array()
            .unwrap()
            .iter()
            .map(|t| t.as_str().unwrap())
            .collect();
        assert_eq!(next.len(), 5, "{described:#}");
        for time in &next {
            assert!(
                time.ends_with("T09:00:00Z") || time.ends_with("T18:00:00Z"),
                "{name}: {time}"
            );
        }
        let mornings = next.iter().filter(|t| t.ends_with("T09:00:00Z")).count();
        assert!(
            (2..=3).contains(&mornings),
            "alternating 09:00 and 18:00: {next:?}"
        );
        env.orca(["schedule", "delete", name, "--yes"]).ok();
    }
}

#[test]
fn apply_plans_creates_updates_and_prunes_idempotently() {
    let env = Env::new();
    let ns = ["-n", SECOND_NAMESPACE];
    let file = env.path("schedules.toml");
    let write = |every: &str| {
        std::fs::write(
            &file,
            format!(
                r#"
[[schedules]]
name = "posts"
pipeline = "feed-publisher"
input = {{ brand = "pomandi" }}
at = ["09:00", "18:00"]

[[schedules]]
name = "tick"
pipeline = "sample"
input = {{ task = "tick" }}
every = "{every}"
paused = true
"#
            ),
        )
        .unwrap();
    };
    let apply = |extra: &[&str]| {
        let mut args = vec!["schedule", "apply", file.to_str().unwrap()];
        args.extend_from_slice(&ns);
        args.extend_from_slice(extra);
        env.orca(args).ok()
    };
    let names = || {
        let mut args = vec!["schedule", "list", "-o", "json"];
        args.extend_from_slice(&ns);
        let list = env.orca(args).ok().json();
        let mut names: Vec<String> = list
            .as_array()
            .unwrap()
            .iter()
            .map(|s| s["name"].as_str().unwrap().to_string())
            .collect();
        names.sort();
        names
    };
    // `schedule list` is served from visibility, which lags; wait for it.
    let names_become = |expected: &[&str]| {
        let expected: Vec<String> = expected.iter().map(|n| n.to_string()).collect();
        eventually_eq(Duration::from_secs(30), names, expected);
    };
    // A schedule made with the official CLI, not orca: never pruned.
    let made = std::process::Command::new(temporal_bin())
        .args([
            "schedule",
            "create",
            "--schedule-id",
            "made-by-hand",
            "--interval",
            "1h",
            "--paused",
        ])
        .args([
            "--type",
            "Pipeline",
            "--task-queue",
            &env.task_queue,
            "--address",
            &env.address,
        ])
        .args(["--namespace", SECOND_NAMESPACE])
        .output()
        .unwrap();
    assert!(
        made.status.success(),
        "{}",
        String::from_utf8_lossy(&made.stderr)
    );

    write("15s");
    let plan = apply(&["--dry-run"]);
    plan.stdout_has("+ create posts (feed-publisher, daily at 09:00, 18:00 UTC)");
    plan.stdout_has("+ create tick (sample, every 15s)");
    for name in ["posts", "tick"] {
        let mut describe = vec!["schedule", "describe", name];
        describe.extend_from_slice(&ns);
        env.orca(describe).code(5); // --dry-run created nothing
    }

    apply(&[]).stdout_has("applied: 2 to create");
    names_become(&["made-by-hand", "posts", "tick"]);
    let second = apply(&[]);
    second
        .stdout_has("= unchanged posts")
        .stdout_has("= unchanged tick");
    second.stdout_has("0 to create, 0 to update, 2 unchanged");

    write("20s");
    let changed = apply(&["-o", "json"]).json();
    let tick = changed["plan"]
        .as_array()
        .unwrap()
        .iter()
        .find(|p| p["name"] == "tick")
        .unwrap()
        .clone();
    assert_eq!(tick["action"], "update");
    assert_eq!(
        tick["changes"][0],
        serde_json::json!({"field": "every", "from": "15s", "to": "20s"})
    );
    let mut describe = vec!["schedule", "describe", "tick", "-o", "json"];
    describe.extend_from_slice(&ns);
    assert_eq!(env.orca(describe).ok().json()["spec"], "every 20s");

    // Drop `tick` from the file: only --prune deletes it, and only orca's own.
    std::fs::write(&file, "[[schedules]]\nname = \"posts\"\npipeline = \"feed-publisher\"\ninput = { brand = \"pomandi\" }\nat = [\"09:00\", \"18:00\"]\n").unwrap();
    apply(&[]).stdout_has("1 unchanged, 0 to delete");
    names_become(&["made-by-hand", "posts", "tick"]);
    apply(&["--prune"]).stdout_has("- delete tick");
    names_become(&["made-by-hand", "posts"]);
}

#[test]
fn the_shipped_schedules_file_applies() {
    let env = Env::new();
    let done = env
        .orca([
            "schedule",
            "apply",
            "examples/schedules.toml",
            "--dry-run",
            "-n",
            SECOND_NAMESPACE,
            "-o",
            "json",
        ])
        .ok()
        .json();
    let plan: Vec<(String, String)> = done["plan"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| {
            (
                p["name"].as_str().unwrap().to_string(),
                p["action"].as_str().unwrap().to_string(),
            )
        })
        .collect();
    let names: Vec<&str> = plan.iter().map(|(n, _)| n.as_str()).collect();
    assert_eq!(
        names,
        [
            "pomandi-daily-posts",
            "costume-daily-posts",
            "sample-every-15s"
        ]
    );
}

#[test]
fn bad_schedules_are_refused_with_the_documented_codes() {
    let env = Env::new();
    let name = format!("bad-{}", env.task_queue);
    let cases: &[(&[&str], i32, &str)] = &[
        (&["--every", "soon"], 2, "not a duration"),
        (&["--cron", "61 9 * * *"], 2, "Minute is not in range"),
        (&["--cron", "0 9 * *"], 2, "must have 5 fields"),
        (
            &["--every", "5s", "--cron", "0 9 * * *"],
            2,
            "only one of --every, --cron and --at",
        ),
        (&["--at", "25:00"], 2, "not a time of day"),
        (
            &["--at", "09:00", "--tz", "Mars/Olympus"],
            2,
            "unknown time zone",
        ),
        (&[], 2, "needs one of --every, --cron or --at"),
        (
            &["--offset", "1s", "--at", "09:00"],
            2,
            "--offset needs --every",
        ),
    ];
    for (flags, code, message) in cases {
        let mut args = vec!["schedule", "create", &name, "sample", "--input", "task=x"];
        args.extend_from_slice(flags);
        let done = env.orca(args).run();
        assert_eq!(done.code, *code, "{flags:?}\n{done}");
        assert!(
            done.stderr.contains(message),
            "{flags:?}: expected {message:?}\n{done}"
        );
        assert!(done.stderr.starts_with("error: "), "{done}");
    }
    env.orca([
        "schedule",
        "create",
        &name,
        "no-such-pipeline",
        "--every",
        "5s",
    ])
    .code(2)
    .clean_error()
    .stderr_has("unknown pipeline `no-such-pipeline`");
    env.orca(["schedule", "create", &name, "sample", "--every", "5s"])
        .code(2)
        .clean_error()
        .stderr_has("missing required input `task`");
    for verb in ["describe", "pause", "unpause", "trigger"] {
        env.orca(["schedule", verb, "no-such-schedule"])
            .code(5)
            .clean_error();
    }
    env.orca(["schedule", "update", "no-such-schedule", "--every", "5s"])
        .code(5);
    env.orca(["schedule", "delete", "no-such-schedule", "--yes"])
        .code(5);
    // An existing name is a conflict.
    env.orca([
        "schedule", "create", &name, "sample", "--input", "task=x", "--every", "1h", "--paused",
    ])
    .ok();
    env.orca([
        "schedule", "create", &name, "sample", "--input", "task=x", "--every", "1h",
    ])
    .code(7)
    .clean_error()
    .stderr_has("already exists");
    env.orca(["schedule", "delete", &name, "--yes"]).ok();
}

#[test]
fn a_namespace_without_orcas_search_attributes_still_takes_runs_and_schedules() {
    // A server no orca worker has seen: OrcaPipeline/OrcaPhase are unknown,
    // and the server refuses starts that set them. orca goes without.
    let mut env = Env::new();
    let (mut server, port) = start_private_server(&env.path("bare.db"), false);
    env.address = format!("127.0.0.1:{port}");
    let registered = || {
        let out = std::process::Command::new(temporal_bin())
            .args(["operator", "search-attribute", "list", "--address"])
            .arg(&env.address)
            .output()
            .unwrap();
        String::from_utf8_lossy(&out.stdout).contains("OrcaPipeline")
    };
    assert!(!registered(), "the premise: a server without them");

    let id = env.start(&["sample", "--input", "task=bare"]);
    env.orca([
        "schedule",
        "create",
        "bare",
        "sample",
        "--input",
        "task=scheduled",
        "--every",
        "1h",
        "--trigger-now",
    ])
    .ok()
    .stdout_has("created schedule bare: every 1h runs sample");
    eventually(
        Duration::from_secs(30),
        "the schedule started a run",
        || runs_of(&env, "bare") == 1,
    );
    // The first worker registers them; the run goes on as usual.
    let _worker = env.worker();
    env.wait_phase(&id, "awaiting_approval");
    assert!(registered());
    let _ = server.kill();
    let _ = server.wait();
}
