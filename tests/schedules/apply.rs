//! `orca schedule apply`: a file of schedules planned, created, updated and
//! pruned idempotently (never a schedule orca did not make), and the
//! shipped `examples/schedules.toml` applies.

use std::time::Duration;

use crate::common::*;

/// Two schedules, `tick` firing `every`.
fn posts_and_tick(every: &str) -> String {
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
    )
}

/// The file with `tick` dropped.
const POSTS_ONLY: &str = "[[schedules]]\nname = \"posts\"\npipeline = \"feed-publisher\"\ninput = { brand = \"pomandi\" }\nat = [\"09:00\", \"18:00\"]\n";

/// A schedules file applied to the second namespace.
struct SchedulesFile<'a> {
    env: &'a Env,
    path: std::path::PathBuf,
}

impl SchedulesFile<'_> {
    fn write(&self, text: &str) {
        std::fs::write(&self.path, text).unwrap();
    }

    /// `orca ARGS -n SECOND_NAMESPACE`.
    fn orca(&self, args: &[&str]) -> Run {
        self.env.orca(args).arg("-n").arg(SECOND_NAMESPACE)
    }

    /// `orca schedule apply FILE` plus `extra`, which must succeed.
    fn apply(&self, extra: &[&str]) -> Done {
        let mut args = vec!["schedule", "apply", self.path.to_str().unwrap()];
        args.extend_from_slice(extra);
        self.orca(&args).ok()
    }

    /// The schedules' names in the namespace, sorted.
    fn names(&self) -> Vec<String> {
        let list = self.orca(&["schedule", "list", "-o", "json"]).ok().json();
        let mut names: Vec<String> = list
            .as_array()
            .unwrap()
            .iter()
            .map(|s| s["name"].as_str().unwrap().to_string())
            .collect();
        names.sort();
        names
    }

    /// `schedule list` is served from visibility, which lags; wait for it.
    #[track_caller]
    fn names_become(&self, expected: &[&str]) {
        let expected: Vec<String> = expected.iter().map(|n| n.to_string()).collect();
        eventually_eq(Duration::from_secs(30), || self.names(), expected);
    }
}

/// A schedule made with the official CLI, not orca.
fn make_by_hand(env: &Env, id: &str) {
    env.temporal(["schedule", "create", "--schedule-id", id])
        .args(["--interval", "1h", "--paused", "--type", "Pipeline"])
        .args(["--task-queue", &env.task_queue])
        .args(["--namespace", SECOND_NAMESPACE])
        .ok();
}

#[test]
fn apply_plans_creates_updates_and_prunes_idempotently() {
    let env = Env::new();
    let file = SchedulesFile {
        env: &env,
        path: env.path("schedules.toml"),
    };
    // Made by hand, not by orca: never pruned.
    make_by_hand(&env, "made-by-hand");

    file.write(&posts_and_tick("15s"));
    let plan = file.apply(&["--dry-run"]);
    plan.stdout_has("+ create posts (feed-publisher, daily at 09:00, 18:00 UTC)");
    plan.stdout_has("+ create tick (sample, every 15s)");
    for name in ["posts", "tick"] {
        // --dry-run created nothing
        file.orca(&["schedule", "describe", name]).code(5);
    }

    file.apply(&[]).stdout_has("applied: 2 to create");
    file.names_become(&["made-by-hand", "posts", "tick"]);
    let second = file.apply(&[]);
    second
        .stdout_has("= unchanged posts")
        .stdout_has("= unchanged tick");
    second.stdout_has("0 to create, 0 to update, 2 unchanged");

    file.write(&posts_and_tick("20s"));
    let changed = file.apply(&["-o", "json"]).json();
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
    let described = file.orca(&["schedule", "describe", "tick", "-o", "json"]);
    assert_eq!(described.ok().json()["spec"], "every 20s");

    // Drop `tick` from the file: only --prune deletes it, and only orca's own.
    file.write(POSTS_ONLY);
    file.apply(&[]).stdout_has("1 unchanged, 0 to delete");
    file.names_become(&["made-by-hand", "posts", "tick"]);
    file.apply(&["--prune"]).stdout_has("- delete tick");
    file.names_become(&["made-by-hand", "posts"]);
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
