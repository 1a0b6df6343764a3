//! `command` steps: output captured and parsed, env/cwd/stdin, retries with
//! backoff, non-retryable exits, and timeouts that kill the command's
//! children. Which workers run them: `fleet.rs`.

use std::time::Duration;

use serde_json::json;

use crate::common::*;

#[test]
fn command_captures_output_parses_json_and_sees_env_cwd_stdin() {
    let env = Env::new();
    let _worker = env.worker_with(&["--allow-commands"]);
    let workdir = env.path("work");
    std::fs::create_dir_all(&workdir).unwrap();
    let file = env.pipeline(
        "cmd",
        &format!(
            r#"
name = "cmd"
[inputs.who]
default = "world"

[[steps]]
id = "json"
kind = "command"
argv = ["sh", "-c", "printf '{{\"greeting\": \"hello %s\", \"n\": 2}}' \"$WHO\""]
env = {{ WHO = "{{{{ input.who }}}}" }}

[[steps]]
id = "text"
kind = "command"
shell = "pwd; cat; echo to-stderr >&2"
cwd = "{dir}"
stdin = "piped {{{{ steps.json.output.greeting }}}}"
"#,
            dir = workdir.display()
        ),
    );
    let done = env.run_to_end(&file, &["--input", "who=orca"]);
    assert_eq!(done.code, 0, "{done}");
    let result = done.json();
    assert_eq!(
        result["steps"]["json"],
        json!({"greeting": "hello orca", "n": 2})
    );
    let text = &result["steps"]["text"];
    assert_eq!(text["exit_code"], 0);
    assert_eq!(
        text["stdout"],
        format!("{}\npiped hello orca", workdir.display())
    );
    assert_eq!(text["stderr"], "to-stderr\n");
}

#[test]
fn failing_command_is_retried_with_backoff_then_succeeds() {
    let env = Env::new();
    let _worker = env.worker_with(&["--allow-commands"]);
    let counter = env.path("attempts");
    let file = env.pipeline(
        "flaky",
        &format!(
            r#"
name = "flaky"
[[steps]]
id = "flaky"
kind = "command"
# Fails on the first two attempts, succeeds on the third.
shell = "echo x >> {c}; test $(wc -l < {c}) -ge 3 || {{ echo not yet >&2; exit 1; }}"
retry = {{ attempts = 3, initial = "1s", backoff = 2.0 }}
"#,
            c = counter.display()
        ),
    );
    let done = env.run_to_end(&file, &["--id", "flaky-run"]);
    assert_eq!(done.code, 0, "{done}");
    // Backoff: 1 s before the second attempt, 2 s before the third.
    assert!(done.elapsed >= Duration::from_secs(3), "{:?}", done.elapsed);
    assert_eq!(
        std::fs::read_to_string(&counter).unwrap().lines().count(),
        3
    );
    assert_eq!(step(&env.status("flaky-run"), "flaky")["attempts"], 3);
}

#[test]
fn exhausted_retries_fail_the_run_and_non_retryable_exits_stop_at_once() {
    let env = Env::new();
    let _worker = env.worker_with(&["--allow-commands"]);
    let file = env.pipeline(
        "fails",
        r#"
name = "fails"
[[steps]]
id = "always"
kind = "command"
shell = "echo broken pipe fitting >&2; exit 3"
retry = { attempts = 2, initial = "200ms" }
"#,
    );
    let done = env.run_to_end(&file, &["--id", "fails-run"]);
    assert_eq!(done.code, 4, "{done}");
    done.stderr_has("step `always` failed: `sh` exited with code 3: broken pipe fitting");
    let status = env.status("fails-run");
    assert_eq!(status["phase"], "failed");
    assert_eq!(step(&status, "always")["state"], "failed");
    assert_eq!(step(&status, "always")["attempts"], 2);

    let file = env.pipeline(
        "final",
        r#"
name = "final"
[[steps]]
id = "once"
kind = "command"
shell = "exit 3"
retry = { attempts = 5, initial = "30s", non_retryable = ["exit:3"] }
"#,
    );
    let done = env.run_to_end(&file, &["--id", "final-run"]);
    assert_eq!(done.code, 4, "{done}");
    assert!(
        done.elapsed < Duration::from_secs(25),
        "no retry (the first one would wait 30 s): {:?}",
        done.elapsed
    );
    assert_eq!(step(&env.status("final-run"), "once")["attempts"], 1);
}

#[test]
fn a_timed_out_command_is_killed_with_its_children() {
    let env = Env::new();
    let _worker = env.worker_with(&["--allow-commands"]);
    let marker = format!("{}.4242", 600 + std::process::id() % 300);
    let file = env.pipeline(
        "slow",
        &format!(
            r#"
name = "slow"
[[steps]]
id = "hang"
kind = "command"
shell = "sleep {marker} & sleep {marker}"
timeout = "2s"
retry = {{ attempts = 1 }}
"#
        ),
    );
    let done = env.run_to_end(&file, &[]);
    assert_eq!(done.code, 4, "{done}");
    done.stderr_has("timed out");
    eventually(
        Duration::from_secs(5),
        &format!("every `sleep {marker}` gone with its step"),
        || processes_with(&format!("sleep {marker}")).is_empty(),
    );
}
