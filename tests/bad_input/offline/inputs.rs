//! Usage errors (exit 2) about a run's inputs, checked before anything
//! starts: malformed or misplaced JSON, NAME=VALUE, missing, unknown,
//! repeated and oversized inputs.

use crate::{bad_input::refused, common::Env};

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
    "cannot read --input-json file /no/such.json",
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

#[test]
fn oversized_input() {
    let env = Env::offline();
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
