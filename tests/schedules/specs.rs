//! When a schedule fires: daily times and cron at exactly those UTC times;
//! and the specs, pipelines, inputs and names refused with the documented
//! exit codes.

use crate::common::*;

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
