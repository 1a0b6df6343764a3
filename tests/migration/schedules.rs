//! `make schedule-workflow` (a run every 15 s, overlapping) and the
//! `RUN_MODE=scheduler` container's schedules, declared in a file.

use super::*;

pub const EVERY_15S: &str = r#"orca schedule create sample-every-15s sample --input task="scheduled sample" --every 15s --overlap allow-all"#;
pub const APPLY: &str = "orca schedule apply schedules.toml";

/// `orca schedule describe NAME -o json`.
fn describe(env: &Env, name: &str) -> Value {
    env.orca(["schedule", "describe", name, "-o", "json"])
        .ok()
        .json()
}

/// As the seed's: a new run every 15 s while the earlier ones still wait
/// at their gate.
#[test]
fn make_schedule_workflow_is_orca_schedule_create_allowing_overlap() {
    let env = Env::new();
    let _worker = env.worker();
    shell(&env, EVERY_15S, "")
        .ok()
        .stdout_has("created schedule sample-every-15s");
    let schedule = describe(&env, "sample-every-15s");
    assert_eq!(schedule["overlap"], "allow-all", "{schedule:#}");
    assert_eq!(schedule["spec"], "every 15s", "{schedule:#}");
    let runs: Vec<String> = poll_for(Duration::from_secs(90), || {
        let schedule = describe(&env, "sample-every-15s");
        let runs: Vec<String> = schedule["recent_runs"]
            .as_array()
            .into_iter()
            .flatten()
            .filter_map(|run| run["workflow_id"].as_str().map(str::to_string))
            .collect();
        match runs.len() >= 2 {
            true => Ok(runs),
            false => Err(format!("fewer than two runs started: {schedule:#}")),
        }
    });
    assert_eq!(describe(&env, "sample-every-15s")["overlap_skipped"], 0);
    env.orca(["schedule", "delete", "sample-every-15s", "--yes"])
        .ok();
    for id in &runs {
        let status = wait_for(&env, id, |s| s["phase"] == "awaiting_approval");
        assert_eq!(status["input"]["task"], "scheduled sample");
        assert!(id.starts_with("sample-every-15s-"), "{id}");
    }
    for id in &runs {
        env.orca(["terminate", id, "--yes"]).ok();
    }
}

/// What the scheduler container set up at each start, applied from the
/// README's file: created once, unchanged when applied again.
#[test]
fn run_mode_scheduler_is_orca_schedule_apply() {
    let env = Env::new();
    let file = readme_file("schedules.toml");
    std::fs::write(env.path("schedules.toml"), &file).unwrap();
    let declared: toml::Table = toml::from_str(&file).expect("the README's file is TOML");
    let names: Vec<&str> = declared["schedules"]
        .as_array()
        .expect("[[schedules]]")
        .iter()
        .map(|s| s["name"].as_str().expect("a name"))
        .collect();
    assert_eq!(names, ["pomandi-daily-posts", "costume-daily-posts"]);

    let first = shell(&env, APPLY, "").ok();
    for name in &names {
        first.stdout_has(&format!("+ create {name}"));
    }
    let again = shell(&env, APPLY, "").ok();
    for name in &names {
        again.stdout_has(&format!("= unchanged {name}"));
    }
    again.stdout_has("0 to create, 0 to update, 2 unchanged");

    let pomandi = describe(&env, "pomandi-daily-posts");
    assert_eq!(pomandi["spec"], "daily at 09:00, 18:00 UTC", "{pomandi:#}");
    assert_eq!(pomandi["pipeline"], "feed-publisher");
    assert_eq!(pomandi["input"]["brand"], "pomandi");
    assert_eq!(pomandi["catchup_window"], "10m");
    assert_eq!(pomandi["overlap"], "skip");
    let costume = describe(&env, "costume-daily-posts");
    assert_eq!(costume["spec"], "daily at 10:00, 19:00 UTC", "{costume:#}");
    for name in names {
        env.orca(["schedule", "delete", name, "--yes"]).ok();
    }
}
