//! README "Coming from a Python setup" runs as written: every orca command
//! of its table (after `<!-- migration-table -->`) is run by bash, the way
//! a user types it, with `ID` replaced by a real run's ID and the test
//! server's address and task queue in the environment. Each command is a
//! constant here, and a test fails when the table has a command no test
//! runs, or a test runs a command the table lacks. The Python-worker
//! subsection is run by `operator/foreign.rs` and `typed_core.rs`.

use std::{path::Path, process::Command, time::Duration};

use serde_json::Value;

use crate::common::*;

mod control;
mod decisions;
mod schedules;
mod servers;

/// Every command of the table, with the test module that runs it.
const TESTED: &[&str] = &[
    servers::DEV,
    servers::WORKER,
    decisions::START,
    decisions::APPROVE_PICKED,
    decisions::APPROVE,
    decisions::REJECT,
    decisions::DENIED,
    schedules::EVERY_15S,
    schedules::APPLY,
    control::PAUSE,
    control::STATUS,
    control::CANCEL,
    control::TERMINATE,
];

/// Commands of the table run elsewhere: `orca doctor` by its own tests.
const RUN_ELSEWHERE: &[&str] = &["orca doctor"];

fn readme() -> &'static str {
    include_str!("../README.md")
}

/// The orca commands of the table, row by row: each `code span` of the
/// orca column that starts with `orca `.
fn table_commands() -> Vec<String> {
    let readme = readme();
    let start = readme
        .find("<!-- migration-table -->")
        .expect("the README has the migration table");
    let table = readme[start..]
        .lines()
        .skip(1)
        .take_while(|line| line.starts_with('|'));
    let mut commands = Vec::new();
    for row in table.skip(2) {
        let cells: Vec<&str> = row.split('|').collect();
        assert_eq!(cells.len(), 4, "a row of two cells: {row}");
        let spans = cells[2].split('`').skip(1).step_by(2);
        commands.extend(
            spans
                .filter(|span| span.starts_with("orca "))
                .map(str::to_string),
        );
    }
    commands
}

/// The body of the code block after `<!-- migration-file: NAME -->`.
fn readme_file(name: &str) -> String {
    let readme = readme();
    let marker = format!("<!-- migration-file: {name} -->");
    let at = readme.find(&marker).expect("the README has the file");
    let rest = &readme[at + marker.len()..];
    let body = &rest[rest.find("```toml\n").expect("a toml block follows") + 8..];
    body[..body.find("```").expect("the block ends")].to_string()
}

/// `command` from the table, run by bash from the env's directory with
/// this build's orca first on PATH, `ID` replaced by `id`, aimed at the
/// env's server and task queue; arguments added to the returned `Run` go
/// after the command's own (`orca dev`'s ports).
#[track_caller]
fn shell(env: &Env, command: &str, id: &str) -> Run {
    assert!(
        table_commands().iter().any(|c| c == command),
        "`{command}` is not in the README's migration table"
    );
    let filled: Vec<&str> = command
        .split(' ')
        .map(|word| if word == "ID" { id } else { word })
        .collect();
    let bin_dirs = [Path::new(ORCA), &temporal_bin()]
        .map(|bin| bin.parent().expect("a directory").display().to_string());
    let path = format!(
        "{}:{}",
        bin_dirs.join(":"),
        std::env::var("PATH").unwrap_or_default()
    );
    let mut bash = Command::new("bash");
    isolate(&mut bash, &env.dir);
    bash.current_dir(env.dir.path())
        .env("PATH", path)
        .env("XDG_DATA_HOME", env.path("data"))
        .env("TEMPORAL_ADDRESS", &env.address)
        .env("TEMPORAL_TASK_QUEUE", &env.task_queue)
        .env("ORCA_IDENTITY", "tester")
        .args(["-c", &format!("exec {} \"$@\"", filled.join(" ")), "bash"]);
    Run { command: bash }
}

/// `orca status ID -o json` once the worker answers and `check` holds.
#[track_caller]
fn wait_for(env: &Env, id: &str, check: impl Fn(&Value) -> bool) -> Value {
    env.wait_status(id, Duration::from_secs(60), |s| {
        s["live"] == true && check(s)
    })
}

#[test]
fn every_command_of_the_migration_table_has_a_test() {
    let mut in_table = table_commands();
    in_table.sort();
    let mut known: Vec<String> = TESTED
        .iter()
        .chain(RUN_ELSEWHERE)
        .map(|c| c.to_string())
        .collect();
    known.sort();
    assert_eq!(
        in_table, known,
        "the README's migration table and the commands tested differ: give a new row a test"
    );
}
