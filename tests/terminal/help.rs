//! `--help` a person can learn from: examples in every command's help, the
//! global options under their own heading after the command's own, `-V`
//! for orca alone; and a duration without a unit named as such.

use crate::common::*;

/// The subcommands a help text lists under `Commands:` (clap's `help`
/// aside); continuation lines of a wrapped description are indented deeper.
fn subcommands(help: &str) -> Vec<String> {
    help.lines()
        .skip_while(|line| *line != "Commands:")
        .skip(1)
        .take_while(|line| !line.trim().is_empty())
        .filter(|line| line.starts_with("  ") && !line.starts_with("   "))
        .filter_map(|line| line.split_whitespace().next())
        .filter(|name| *name != "help")
        .map(str::to_string)
        .collect()
}

/// The help of every command path, found as a person would: from the
/// `Commands:` of `orca --help`, then of each command's own help.
fn every_help(env: &Env) -> Vec<(String, String)> {
    let mut pending = vec![Vec::<String>::new()];
    let mut helps = Vec::new();
    while let Some(path) = pending.pop() {
        let help = env.orca(&path).arg("--help").ok().stdout;
        for sub in subcommands(&help) {
            pending.push(path.iter().cloned().chain([sub]).collect());
        }
        if !path.is_empty() {
            helps.push((path.join(" "), help));
        }
    }
    helps
}

#[test]
fn every_command_has_examples_in_its_help() {
    let env = Env::offline();
    let helps = every_help(&env);
    assert!(
        helps.iter().any(|(path, _)| path == "schedule create"),
        "the walk reached nested commands: {:?}",
        helps.iter().map(|(path, _)| path).collect::<Vec<_>>()
    );
    let missing: Vec<&str> = helps
        .iter()
        .filter(|(_, help)| {
            let examples = help.split("\nExamples:\n").nth(1).unwrap_or_default();
            !examples
                .lines()
                .any(|l| l.trim_start().starts_with("orca "))
        })
        .map(|(path, _)| path.as_str())
        .collect();
    assert!(
        missing.is_empty(),
        "no examples in the help of: {missing:?}"
    );
}

#[test]
fn global_options_follow_the_commands_own_under_their_heading() {
    let env = Env::offline();
    let help = env.orca(["start", "--help"]).ok().stdout;
    let heading = help
        .find("\nGlobal options:\n")
        .unwrap_or_else(|| panic!("no `Global options:` heading:\n{help}"));
    let at = |flag: &str| help.find(flag).unwrap_or_else(|| panic!("{flag}:\n{help}"));
    assert!(
        at("--wait") < heading,
        "--wait is not before the heading:\n{help}"
    );
    assert!(
        at("--address") > heading,
        "--address is not under it:\n{help}"
    );
}

/// `orca -V` prints the version; a subcommand does not take `-V`.
#[test]
fn version_flag_is_orcas_alone() {
    let env = Env::offline();
    env.orca(["-V"])
        .ok()
        .stdout_has(&format!("orca {}", env!("CARGO_PKG_VERSION")));
    env.orca(["start", "-V"])
        .code(2)
        .clean_error()
        .stderr_has("orca --version");
}

#[test]
fn a_timeout_without_a_unit_asks_for_one() {
    let env = Env::offline();
    let done = env
        .orca(["start", "sample", "--wait", "--timeout", "2"])
        .args(["--address", "127.0.0.1:1"])
        .code(2);
    done.clean_error().stderr_has("did you mean `2s`");
    assert_eq!(
        done.stderr
            .lines()
            .filter(|l| l.starts_with("error:"))
            .count(),
        1,
        "{done}"
    );
}
