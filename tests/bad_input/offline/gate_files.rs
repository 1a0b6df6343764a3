//! Gate options that do not make sense, refused by `orca pipelines
//! validate` with exit 2 and the `file:line:column` of the option: a form's
//! field declarations, where request-changes goes back to, reminders
//! without webhooks, delegation on a gate anyone may decide.

use crate::{bad_input::refused, common::Env};

/// A pipeline whose only step is a gate with `options` (TOML lines).
fn bad_gate(file: &str, options: &str, stderr: &str) {
    let env = Env::offline();
    let text = format!(
        "name = \"x\"\n[[steps]]\nid = \"first\"\nkind = \"sleep\"\nduration = \"1s\"\n\n[[steps]]\nid = \"gate\"\nkind = \"approval\"\nprompt = \"ok?\"\n{options}"
    );
    let path = env.write(file, &text).to_string_lossy().into_owned();
    refused(&env, &["pipelines", "validate", &path], &[], 2, stderr);
}

#[test]
fn a_field_of_an_unknown_type() {
    bad_gate(
        "unknown-type.toml",
        "[steps.fields.when]\ntype = \"date\"\n",
        "unknown-type.toml:12:1: step `gate`: field `when`: unknown type `date`",
    );
}

#[test]
fn a_default_outside_the_range() {
    bad_gate(
        "default-range.toml",
        "[steps.fields.replicas]\ntype = \"integer\"\nmax = 20\ndefault = 30\n",
        "default-range.toml:14:1: step `gate`: field `replicas`: the default does not fit: 30 is above the maximum 20",
    );
}

#[test]
fn a_choice_without_choices() {
    bad_gate(
        "no-choices.toml",
        "[steps.fields.window]\ntype = \"choice\"\nchoices = []\n",
        "no-choices.toml:13:1: step `gate`: field `window`: a choice field needs `choices = [...]`",
    );
}

#[test]
fn a_reject_field_with_min_above_max() {
    bad_gate(
        "min-max.toml",
        "[steps.reject_fields.severity]\ntype = \"number\"\nmin = 5\nmax = 1\n",
        "min-max.toml:13:1: step `gate`: field `severity`: `min = 5` is above `max = 1`",
    );
}

#[test]
fn on_changes_must_name_an_earlier_step() {
    bad_gate(
        "on-changes.toml",
        "on_changes = \"later\"\n",
        "on-changes.toml:11:1: step `gate`: `on_changes = \"later\"` is not an earlier top-level step",
    );
}

#[test]
fn max_rounds_needs_on_changes() {
    bad_gate(
        "max-rounds.toml",
        "max_rounds = 5\n",
        "max-rounds.toml:11:1: step `gate`: `max_rounds` needs `on_changes`",
    );
}

#[test]
fn reminders_need_a_webhook() {
    bad_gate(
        "remind.toml",
        "remind_every = \"1h\"\n",
        "remind.toml:11:1: step `gate`: `remind_every` re-sends the gate's notifications, and it has no `notify`",
    );
}

#[test]
fn reminders_need_a_timeout() {
    bad_gate(
        "remind-forever.toml",
        "remind_every = \"1h\"\nnotify = [{ url = \"http://127.0.0.1:9/\" }]\n",
        "remind-forever.toml:11:1: step `gate`: `remind_every` needs a `timeout` on the gate",
    );
}

#[test]
fn reminders_at_most_five_hundred() {
    bad_gate(
        "remind-often.toml",
        "timeout = \"1h\"\nremind_every = \"1s\"\nnotify = [{ url = \"http://127.0.0.1:9/\" }]\n",
        "step `gate`: `remind_every = \"1s\"` would send more than 500 reminders",
    );
}

#[test]
fn on_changes_must_name_a_step_not_a_later_gate() {
    bad_gate(
        "later-gate.toml",
        "on_changes = \"last\"\n\n[[steps]]\nid = \"last\"\nkind = \"approval\"\nprompt = \"?\"\non_changes = \"first\"\n",
        "later-gate.toml:11:1: step `gate`: `on_changes = \"last\"` is not an earlier top-level step",
    );
}

#[test]
fn delegation_needs_named_approvers() {
    bad_gate(
        "delegation.toml",
        "allow_delegation = true\n",
        "delegation.toml:11:1: step `gate`: delegation needs `approvers`",
    );
}
