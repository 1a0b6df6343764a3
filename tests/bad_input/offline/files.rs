//! Usage errors (exit 2) about pipelines and the local files commands
//! read: a missing or mistyped pipeline, a pipeline file that does not
//! validate (naming where and what), and malformed schedules, histories and
//! approver files.

use crate::{bad_input::refused, common::Env};

// Usage (2): pipelines.
case!(
    missing_pipeline_file,
    2,
    "cannot read pipeline file no-such-file.toml",
    ["start", "no-such-file.toml"]
);
case!(
    a_typo_of_a_built_in,
    2,
    "did you mean `sample`?",
    ["start", "sampel", "-i", "task=x"]
);
case!(
    pipelines_show_unknown,
    2,
    "unknown pipeline `nope`",
    ["pipelines", "show", "nope"]
);
case!(
    pipelines_list_of_a_missing_dir,
    2,
    "cannot read",
    ["pipelines", "list", "--pipelines", "/no/such/dir"]
);
case!(
    schedule_two_kinds_of_spec,
    2,
    "only one of",
    [
        "schedule",
        "create",
        "s1",
        "sample",
        "-i",
        "task=x",
        "--every",
        "5s",
        "--cron",
        "0 9 * * *"
    ]
);
case!(
    schedule_unknown_pipeline,
    2,
    "unknown pipeline `nope`",
    ["schedule", "create", "s1", "nope", "--every", "5s"]
);
case!(
    worker_approvers_file_missing,
    2,
    "cannot read approvers file /no/groups.toml",
    ["worker", "--approvers-file", "/no/groups.toml"]
);
case!(
    worker_pipelines_dir_missing,
    2,
    "cannot read pipelines directory /no/dir",
    ["worker", "--pipelines", "/no/dir"]
);
case!(
    replay_a_missing_file,
    2,
    "cannot read history file /no/history.json",
    ["replay", "/no/history.json"]
);

/// A pipeline file that does not validate, refused with `stderr` naming
/// where and what.
fn bad_file(file: &str, text: &str, stderr: &str) {
    let env = Env::offline();
    let path = env.write(file, text).to_string_lossy().into_owned();
    refused(&env, &["start", &path, "--id", "never"], &[], 2, stderr);
}

#[test]
fn malformed_toml_pipeline() {
    bad_file(
        "not-toml.toml",
        "name = \"x\n[[steps]]\n",
        "invalid pipeline",
    );
}

#[test]
fn bad_regex_in_a_policy() {
    bad_file(
        "bad-regex.toml",
        "name = \"x\"\n[[steps]]\nid = \"p\"\nkind = \"policy\"\nsubject = \"s\"\ndeny = [\"([a-z\"]\n",
        "bad-regex.toml:6:1: step `p`: rule \"([a-z\" is not a valid regular expression",
    );
}

#[test]
fn template_names_an_unknown_step() {
    bad_file(
        "unknown-step.toml",
        "name = \"x\"\n[[steps]]\nid = \"a\"\nkind = \"agent\"\naction = \"{{ steps.ghost.output }}\"\n",
        "`steps.ghost`, which is not an earlier step",
    );
}

#[test]
fn bad_duration_in_a_spec() {
    bad_file(
        "bad-duration.toml",
        "name = \"x\"\n[[steps]]\nid = \"a\"\nkind = \"sleep\"\nduration = \"a while\"\n",
        "`a while` is not a duration",
    );
}

#[test]
fn an_approver_name_orca_reserves_for_the_inbox() {
    bad_file(
        "reserved.toml",
        "name = \"x\"\n[[steps]]\nid = \"gate\"\nkind = \"approval\"\nprompt = \"ok?\"\napprovers = [\"voted:alice\"]\n",
        "reserved.toml:6:1: step `gate`: \"voted:alice\" is not an approver name",
    );
}

#[test]
fn an_escalation_name_orca_reserves_is_located_at_escalate_to() {
    bad_file(
        "reserved-escalation.toml",
        "name = \"x\"\n[[steps]]\nid = \"gate\"\nkind = \"approval\"\nprompt = \"ok?\"\napprovers = [\"alice\"]\ntimeout = \"1h\"\non_timeout = \"escalate\"\nescalate_to = [\"*\"]\nescalation_timeout = \"1h\"\n",
        "reserved-escalation.toml:9:1: step `gate`: \"*\" is not an approver name",
    );
}

#[test]
fn schedule_malformed_apply_file() {
    let env = Env::offline();
    let file = env.write(
        "schedules.toml",
        "[[schedules]]\nname = \"x\"\npipelin = \"sample\"\n",
    );
    let file = file.to_string_lossy().into_owned();
    refused(
        &env,
        &["schedule", "apply", &file],
        &[],
        2,
        "schedules.toml:3:1: unknown field `pipelin`",
    );
}

#[test]
fn replay_a_file_that_is_no_history() {
    let env = Env::offline();
    let file = env
        .write("nothing.json", "{\"hello\": 1}")
        .to_string_lossy()
        .into_owned();
    refused(&env, &["replay", &file], &[], 2, "not a workflow history");
}

#[test]
fn worker_approvers_file_that_is_not_toml() {
    let env = Env::offline();
    let file = env
        .write("groups.toml", "[groups\n")
        .to_string_lossy()
        .into_owned();
    refused(
        &env,
        &["worker", "--approvers-file", &file],
        &[],
        2,
        "groups.toml",
    );
}
