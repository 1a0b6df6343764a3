use clap::Command;

use super::{EXAMPLES, of};

/// Every command path of the tree orca parses with (`""` for orca itself),
/// without clap's own `help` subcommands.
fn paths(command: &Command, path: &str, into: &mut Vec<String>) {
    into.push(path.to_string());
    for sub in command.get_subcommands().filter(|s| s.get_name() != "help") {
        let sub_path = match path {
            "" => sub.get_name().to_string(),
            _ => format!("{path} {}", sub.get_name()),
        };
        paths(sub, &sub_path, into);
    }
}

fn all_paths() -> Vec<String> {
    let mut all = Vec::new();
    paths(&crate::cli::command(), "", &mut all);
    all
}

/// An example line as a shell would split it (quotes, no expansion), up to
/// a redirection or a pipe: the words orca itself receives.
fn words(line: &str) -> Vec<String> {
    let mut words = Vec::new();
    let mut word: Option<String> = None;
    let mut quote = None;
    for c in line.chars() {
        match (quote, c) {
            (Some(q), c) if c == q => quote = None,
            (Some(_), c) => word.get_or_insert_default().push(c),
            (None, '"' | '\'') => {
                quote = Some(c);
                word.get_or_insert_default();
            }
            (None, ' ') => words.extend(word.take()),
            (None, c) => word.get_or_insert_default().push(c),
        }
    }
    words.extend(word);
    let end = words
        .iter()
        .position(|w| w == ">" || w == "|")
        .unwrap_or(words.len());
    words.truncate(end);
    words
}

#[test]
fn every_command_has_examples() {
    let missing: Vec<String> = all_paths()
        .into_iter()
        .filter(|path| of(path).is_none_or(|examples| examples.is_empty()))
        .map(|path| format!("`orca {path}`"))
        .collect();
    assert!(
        missing.is_empty(),
        "no examples for {} (add them to EXAMPLES in src/cli/examples.rs)",
        missing.join(", ")
    );
}

#[test]
fn every_example_table_entry_is_a_command() {
    let known = all_paths();
    for (path, _) in EXAMPLES {
        assert!(
            known.iter().any(|k| k == path),
            "EXAMPLES has `{path}`, which is no command"
        );
    }
}

#[test]
fn every_example_parses_as_its_own_command() {
    for (path, examples) in EXAMPLES {
        for example in *examples {
            let words = words(example.line);
            let expected: Vec<&str> = std::iter::once("orca")
                .chain(path.split_whitespace())
                .collect();
            assert!(
                words.starts_with(&expected.iter().map(|w| w.to_string()).collect::<Vec<_>>()),
                "the example `{}` is listed under `orca {path}`",
                example.line
            );
            if let Err(e) = crate::cli::command().try_get_matches_from(&words) {
                panic!("the example `{}` does not parse:\n{e}", example.line);
            }
        }
    }
}

#[test]
fn help_shows_the_examples_of_the_command() {
    let mut command = crate::cli::command();
    let schedule = command.find_subcommand_mut("schedule").unwrap();
    let help = schedule
        .find_subcommand_mut("create")
        .unwrap()
        .render_long_help()
        .to_string();
    assert!(help.contains("Examples:\n  # "), "{help}");
    assert!(help.contains("\n  orca schedule create nightly"), "{help}");
}

#[test]
fn examples_come_before_the_exit_codes_in_the_top_level_help() {
    let help = crate::cli::command().render_long_help().to_string();
    let examples = help.find("Examples:").expect("examples");
    let exit_codes = help.find("Exit codes:").expect("exit codes");
    assert!(examples < exit_codes, "{help}");
}

#[test]
fn words_split_like_a_shell() {
    assert_eq!(
        words(r#"orca approve x --comment "looks good" > out"#),
        ["orca", "approve", "x", "--comment", "looks good"]
    );
    assert_eq!(words("orca man | man -l -"), ["orca", "man"]);
}
