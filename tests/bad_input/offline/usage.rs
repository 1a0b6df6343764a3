//! Usage errors (exit 2) about the command line itself: what clap refuses
//! (unknown flags and values, bad durations and numbers), an empty run ID,
//! and a command that would need a terminal to ask on.

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
case!(missing_argument_is_named, 2, "missing <NAME>", ["pipelines", "show"], env ["TEMPORAL_ADDRESS" => "127.0.0.1:1"]);
case!(status_without_an_id_off_a_terminal_needs_one, 2, "status needs a run ID", ["status"], env ["TEMPORAL_ADDRESS" => "127.0.0.1:1"]);
case!(history_without_an_id_off_a_terminal_needs_one, 2, "history needs a run ID", ["history"], env ["TEMPORAL_ADDRESS" => "127.0.0.1:1"]);
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
