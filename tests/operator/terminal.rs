//! With and without a terminal: missing IDs are usage errors off one,
//! completions and the man page are fresh, colour only when asked.

use std::time::Duration;

use crate::common::*;

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
