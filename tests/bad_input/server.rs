//! Refused by what the server or the workflow says: not found (5), a
//! conflict (7), a query or schedule the server judges (2). The runs they
//! refer to are made once (`world`); a refused decision records nothing.

use super::{refused, world};

macro_rules! case {
    ($name:ident, $code:expr, $stderr:expr, |$w:ident| [$($arg:expr),* $(,)?]) => {
        #[test]
        fn $name() {
            let $w = world();
            refused(&$w.env, &[$($arg),*], &[], $code, $stderr);
        }
    };
}

// Judged by the server (2).
case!(
    bad_visibility_query,
    2,
    "the server refused the query",
    |w| ["list", "--query", "this is ( not a query"]
);
case!(schedule_bad_cron, 2, "Minute is not in range", |w| [
    "schedule",
    "create",
    "s1",
    "sample",
    "-i",
    "task=x",
    "--cron",
    "61 * * * *"
]);
case!(schedule_bad_time_zone, 2, "unknown time zone", |w| [
    "schedule",
    "create",
    "s1",
    "sample",
    "-i",
    "task=x",
    "--at",
    "09:00",
    "--tz",
    "Mars/Base"
]);

// Not found (5).
case!(
    status_of_an_unknown_run,
    5,
    "no run with ID `no-such-run`",
    |w| ["status", "no-such-run"]
);
case!(approve_an_unknown_run, 5, "no run with ID", |w| [
    "approve",
    "no-such-run",
    "--as",
    "alice"
]);
case!(history_of_an_unknown_run, 5, "no run with ID", |w| [
    "history",
    "no-such-run"
]);
case!(wait_for_an_unknown_run, 5, "no run with ID", |w| [
    "wait",
    "no-such-run"
]);
case!(watch_an_unknown_run, 5, "no run with ID", |w| [
    "watch",
    "no-such-run"
]);
case!(pause_an_unknown_run, 5, "no run with ID", |w| [
    "pause",
    "no-such-run"
]);
case!(resume_an_unknown_run, 5, "no run with ID", |w| [
    "resume",
    "no-such-run"
]);
case!(stop_an_unknown_run, 5, "no run with ID", |w| [
    "stop",
    "no-such-run"
]);
case!(cancel_an_unknown_run, 5, "no run with ID", |w| [
    "cancel",
    "no-such-run"
]);
case!(terminate_an_unknown_run, 5, "no run with ID", |w| [
    "terminate",
    "no-such-run",
    "--yes"
]);
case!(replay_an_unknown_run, 5, "no run with ID", |w| [
    "replay",
    "--id",
    "no-such-run"
]);
case!(
    describe_an_unknown_schedule,
    5,
    "no schedule `no-such-schedule`",
    |w| ["schedule", "describe", "no-such-schedule"]
);
case!(
    a_namespace_that_does_not_exist,
    5,
    "namespace `no-such-namespace` does not exist",
    |w| ["status", "x", "--namespace", "no-such-namespace"]
);
case!(
    inbox_in_a_namespace_that_does_not_exist,
    5,
    "namespace `no-such-namespace` does not exist",
    |w| ["inbox", "--namespace", "no-such-namespace"]
);

// Conflicts (7).
case!(
    approve_a_finished_run,
    7,
    "already finished (denied)",
    |w| ["approve", &w.finished, "--as", "alice"]
);
case!(
    approve_a_decided_run,
    7,
    "already finished (completed)",
    |w| ["approve", &w.decided, "--as", "bob"]
);
case!(
    reject_a_run_that_is_not_waiting,
    7,
    "not awaiting approval",
    |w| ["reject", &w.busy, "--as", "alice"]
);
case!(pause_a_finished_run, 7, "already finished (denied)", |w| [
    "pause",
    &w.finished
]);
case!(
    cancel_a_finished_run,
    7,
    "already finished (completed)",
    |w| ["cancel", &w.decided]
);
case!(start_with_an_id_in_use, 7, "already exists", |w| [
    "start", "sample", "-i", "task=x", "--id", &w.gated
]);
case!(schedule_name_in_use, 7, "already exists", |w| [
    "schedule",
    "create",
    &w.schedule,
    "sample",
    "-i",
    "task=x",
    "--every",
    "1h"
]);

#[test]
fn an_approver_not_on_the_list_is_refused_and_nothing_is_recorded() {
    let w = world();
    refused(
        &w.env,
        &["approve", &w.gated, "--as", "mallory"],
        &[],
        7,
        "mallory may not decide",
    );
    let status = w.env.status(&w.gated);
    assert_eq!(
        status["approval"]["votes"],
        serde_json::json!([]),
        "{status:#}"
    );
    assert_eq!(status["temporal_status"], "running");
}

#[test]
fn a_refused_rejection_says_why_in_its_own_words() {
    let w = world();
    let done = refused(
        &w.env,
        &["reject", &w.gated, "--as", "mallory"],
        &[],
        7,
        "may not decide",
    );
    assert!(!done.stderr.contains("approve failed"), "{done}");
}
