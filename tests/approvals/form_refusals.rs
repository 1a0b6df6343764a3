//! A decision whose form breaks a rule is refused by the workflow (exit 7,
//! naming the field and the rule) and records nothing: each type's rule,
//! a missing required field, an unknown one, a rejection's own form, and
//! the same answer for the official CLI and for a signal.

use std::sync::OnceLock;

use serde_json::json;

use super::{forms::FORM, history_has, no_votes, parked, refused, refused_via_temporal, shared};

/// A run of `FORM` parked at its gate, shared by every refusal here.
fn run() -> &'static str {
    static RUN: OnceLock<String> = OnceLock::new();
    RUN.get_or_init(|| parked("form-refusals", FORM))
}

/// `orca approve` as alice with `fields` is refused naming `reason`, and
/// the gate has recorded nothing.
#[track_caller]
fn approve_refused(fields: &[&str], reason: &str) {
    let mut args = vec!["approve", run(), "--as", "alice"];
    args.extend_from_slice(fields);
    refused(shared(), &args, reason);
    no_votes(shared(), run());
}

#[test]
fn an_integer_above_its_maximum_is_refused() {
    approve_refused(
        &["--field", "replicas=21", "--field", "window=now"],
        "field `replicas`: 21 is above the maximum 20",
    );
}

#[test]
fn an_integer_below_its_minimum_is_refused() {
    approve_refused(
        &["--field", "replicas=0", "--field", "window=now"],
        "field `replicas`: 0 is below the minimum 1",
    );
}

#[test]
fn a_missing_required_field_is_refused() {
    approve_refused(&["--field", "replicas=5"], "field `window`: is required");
}

#[test]
fn a_value_of_the_wrong_type_is_refused() {
    approve_refused(
        &["--fields-json", r#"{"replicas": "five", "window": "now"}"#],
        "field `replicas`: expected an integer, got the string \"five\"",
    );
}

#[test]
fn a_number_above_its_maximum_is_refused() {
    approve_refused(
        &["--field", "window=now", "--field", "ratio=1.5"],
        "field `ratio`: 1.5 is above the maximum 1",
    );
}

#[test]
fn a_boolean_that_is_not_one_is_refused() {
    approve_refused(
        &["--field", "window=now", "--field", "canary=maybe"],
        "field `canary`: expected true or false, got the string \"maybe\"",
    );
}

#[test]
fn a_choice_outside_its_choices_is_refused() {
    approve_refused(
        &["--field", "window=later"],
        "field `window`: \"later\" is not one of the choices (now, tonight)",
    );
}

/// The pattern describes the whole value: one that only contains a match
/// misses it.
#[test]
fn a_string_that_misses_its_pattern_is_refused() {
    approve_refused(
        &["--field", "window=now", "--field", "ticket=see OPS-12"],
        "field `ticket`: \"see OPS-12\" does not match the pattern \"OPS-[0-9]+\"",
    );
}

#[test]
fn a_list_with_too_many_items_is_refused() {
    approve_refused(
        &["--field", "window=now", "--field", "regions=eu,us,ap"],
        "field `regions`: 3 is above the maximum 2 items",
    );
}

#[test]
fn a_list_item_outside_the_choices_is_refused() {
    approve_refused(
        &["--field", "window=now", "--field", "regions=eu,mars"],
        "field `regions`: \"mars\" is not one of the choices (eu, us, ap)",
    );
}

/// A typo must not vanish: the refusal lists the gate's fields.
#[test]
fn an_unknown_field_is_refused() {
    approve_refused(
        &["--field", "window=now", "--field", "replics=5"],
        "field `replics`: not a field of this gate (fields: canary, ratio, regions, replicas, ticket, window)",
    );
}

/// A gate without a form takes no fields: a value sent to it is refused,
/// not dropped.
#[test]
fn a_gate_without_a_form_takes_no_fields() {
    let id = parked(
        "no-form",
        "name = \"no-form\"\n[[steps]]\nid = \"gate\"\nkind = \"approval\"\nprompt = \"Ship?\"\n",
    );
    refused(
        shared(),
        &["approve", &id, "--as", "alice", "--field", "replicas=5"],
        "field `replicas`: this decision takes no fields",
    );
    no_votes(shared(), &id);
}

/// A rejection fills in `reject_fields`, not the approval's form.
#[test]
fn a_rejection_without_its_required_field_is_refused() {
    refused(
        shared(),
        &["reject", run(), "--as", "bob", "--reason", "not now"],
        "field `cause`: is required",
    );
    no_votes(shared(), run());
}

/// The official CLI sends `"5"` as text, which orca would have turned into
/// the declared integer: the workflow refuses it, typed.
#[test]
fn the_official_cli_gets_the_same_refusal() {
    let request = json!({"by": "alice", "fields": {"replicas": "5", "window": "now"}});
    refused_via_temporal(
        shared(),
        run(),
        "approve",
        &request,
        "FieldInvalid",
        "field `replicas`: expected an integer, got the string \"5\"",
    );
    no_votes(shared(), run());
}

/// A signal cannot be refused to its sender: it is ignored, and the run's
/// history says why.
#[test]
fn a_signal_with_a_bad_form_is_ignored_and_shown_so() {
    let env = shared();
    let input = json!({"by": "carol", "fields": {"window": "someday"}}).to_string();
    env.temporal([
        "workflow",
        "signal",
        "--workflow-id",
        run(),
        "--name",
        "approve",
    ])
    .args(["--input", &input])
    .ok();
    history_has(
        env,
        run(),
        "signal_ignored",
        "approve by carol ignored (FieldInvalid): field `window`: \"someday\" is not one of the choices",
    );
    no_votes(env, run());
}
