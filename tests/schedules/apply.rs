//! `orca schedule apply`: a file of schedules planned, created, updated and
//! pruned idempotently (never a schedule orca did not make), and the
//! shipped `examples/schedules.toml` applies.

use std::time::Duration;

use crate::common::*;

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
