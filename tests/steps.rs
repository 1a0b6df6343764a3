//! Every step kind: success and failure paths, retries, timeouts, `if`.

use std::time::{Duration, Instant};

use serde_json::json;

use crate::common::{http::HttpRecorder, *};

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
    let started = Instant::now();
    let done = env.run_to_end(&file, &["--id", "flaky-run"]);
    assert_eq!(done.code, 0, "{done}");
    // Backoff: 1 s before the second attempt, 2 s before the third.
    assert!(
        started.elapsed() >= Duration::from_secs(3),
        "{:?}",
        started.elapsed()
    );
    assert_eq!(
        std::fs::read_to_string(&counter).unwrap().lines().count(),
        3
    );
    assert_eq!(env.status("flaky-run")["steps"][0]["attempts"], 3);
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
    assert_eq!(status["steps"][0]["state"], "failed");
    assert_eq!(status["steps"][0]["attempts"], 2);

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
    let started = Instant::now();
    let done = env.run_to_end(&file, &["--id", "final-run"]);
    assert_eq!(done.code, 4, "{done}");
    assert!(
        started.elapsed() < Duration::from_secs(25),
        "no retry (the first one would wait 30 s): {:?}",
        started.elapsed()
    );
    assert_eq!(env.status("final-run")["steps"][0]["attempts"], 1);
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
    let started = Instant::now();
    while !processes_with(&format!("sleep {marker}")).is_empty() {
        assert!(
            started.elapsed() < Duration::from_secs(5),
            "a `sleep {marker}` outlived its step"
        );
        std::thread::sleep(Duration::from_millis(100));
    }
}

#[test]
fn commands_are_refused_without_allow_commands() {
    let env = Env::new();
    let _worker = env.worker();
    let file = env.pipeline(
        "cmd",
        "name = \"cmd\"\n[[steps]]\nid = \"c\"\nkind = \"command\"\nargv = [\"true\"]\n",
    );
    let done = env.run_to_end(&file, &["--id", "no-commands-run"]);
    assert_eq!(done.code, 4, "{done}");
    done.stderr_has("start it with --allow-commands");
    assert_eq!(env.final_attempt("no-commands-run", "c"), 1, "not retried");
}

#[test]
fn if_skips_steps_and_later_steps_see_earlier_outputs() {
    let env = Env::new();
    let _worker = env.worker();
    let file = env.pipeline(
        "branch",
        r#"
name = "branch"
[inputs.mode]
default = "fast"

[[steps]]
id = "probe"
kind = "agent"
action = "probe"
duration = "100ms"
returns = { healthy = true }

[[steps]]
id = "slow_path"
kind = "agent"
action = "slow"
duration = "100ms"
if = "{{ input.mode == 'slow' }}"

[[steps]]
id = "fast_path"
kind = "agent"
action = "fast, healthy={{ steps.probe.output.healthy }}"
duration = "100ms"
if = "{{ steps.probe.output.healthy and input.mode == 'fast' }}"
"#,
    );
    let done = env.run_to_end(&file, &["--id", "branch-run"]);
    assert_eq!(done.code, 0, "{done}");
    let result = done.json();
    assert!(result["steps"]["slow_path"].is_null(), "{result}");
    assert_eq!(result["steps"]["fast_path"]["action"], "fast, healthy=true");
    let status = env.status("branch-run");
    assert_eq!(status["steps"][1]["state"], "skipped");
    assert_eq!(status["steps"][2]["state"], "completed");
}

#[test]
fn parallel_steps_overlap_and_fail_fast_cancels_the_rest() {
    let env = Env::new();
    let _worker = env.worker_with(&["--allow-commands"]);
    let file = env.pipeline(
        "par",
        r#"
name = "par"
[[steps]]
id = "both"
kind = "parallel"
[[steps.steps]]
id = "a"
kind = "command"
argv = ["sleep", "2"]
[[steps.steps]]
id = "b"
kind = "command"
argv = ["sleep", "2"]
"#,
    );
    let done = env.run_to_end(&file, &["--id", "par-run"]);
    assert_eq!(done.code, 0, "{done}");
    // The two 2 s commands ran at the same time: together under 4 s.
    let windows = env.step_windows("par-run");
    let (a, b) = (windows["a"], windows["b"]);
    assert!(a.0 < b.1 && b.0 < a.1, "no overlap: a {a:?}, b {b:?}");
    let span = a.1.max(b.1) - a.0.min(b.0);
    assert!((2000..4000).contains(&span), "two 2 s steps took {span} ms");
    let status = env.status("par-run");
    assert_eq!(status["steps"][1]["parent"], "both");
    assert_eq!(status["steps"][2]["state"], "completed");

    let marker = format!("{}.777", 700 + std::process::id() % 200);
    let file = env.pipeline(
        "fast-fail",
        &format!(
            r#"
name = "fast-fail"
[[steps]]
id = "group"
kind = "parallel"
[[steps.steps]]
id = "broken"
kind = "command"
shell = "sleep 0.5; exit 1"
retry = {{ attempts = 1 }}
[[steps.steps]]
id = "long"
kind = "command"
argv = ["sleep", "{marker}"]
"#
        ),
    );
    let started = Instant::now();
    let done = env.run_to_end(&file, &["--id", "fast-fail-run"]);
    assert_eq!(done.code, 4, "{done}");
    done.stderr_has("`broken`");
    assert!(
        started.elapsed() < Duration::from_secs(15),
        "{:?}",
        started.elapsed()
    );
    // The cancel reaches the command with its next heartbeat.
    let deadline = Instant::now() + Duration::from_secs(15);
    while !processes_with(&format!("sleep {marker}")).is_empty() {
        assert!(
            Instant::now() < deadline,
            "the cancelled sibling kept running"
        );
        std::thread::sleep(Duration::from_millis(100));
    }
}

#[test]
fn parallel_without_fail_fast_collects_every_failure() {
    let env = Env::new();
    let _worker = env.worker();
    let file = env.pipeline(
        "collect",
        r#"
name = "collect"
[[steps]]
id = "group"
kind = "parallel"
fail_fast = false
[[steps.steps]]
id = "one"
kind = "agent"
action = "one"
duration = "100ms"
fail_first = 5
retry = { attempts = 1 }
[[steps.steps]]
id = "two"
kind = "agent"
action = "two"
duration = "100ms"
fail_first = 5
retry = { attempts = 1 }
[[steps.steps]]
id = "fine"
kind = "agent"
action = "fine"
duration = "1s"
"#,
    );
    let done = env.run_to_end(&file, &["--id", "collect-run"]);
    assert_eq!(done.code, 4, "{done}");
    done.stderr_has("`one`: simulated failure")
        .stderr_has("`two`: simulated failure");
    // The healthy sibling ran to the end instead of being cancelled.
    let status = env.status("collect-run");
    let fine = status["steps"]
        .as_array()
        .unwrap()
        .iter()
        .find(|s| s["id"] == "fine")
        .unwrap()
        .clone();
    assert_eq!(fine["state"], "completed", "{status:#}");
}

/// The timer lives on the server: the worker that started it is killed
/// while it runs, and the next worker carries on when it fires, once.
#[test]
fn sleep_is_a_durable_timer() {
    let env = Env::new();
    let mut first = env.worker();
    let file = env.pipeline(
        "nap",
        "name = \"nap\"\n[[steps]]\nid = \"nap\"\nkind = \"sleep\"\nduration = \"4s\"\n",
    );
    let id = env.start(&[file.as_str(), "--id", "nap-run"]);
    env.wait_status(&id, Duration::from_secs(20), |s| {
        step(s, "nap")["state"] == "running"
    });
    first.kill9();
    let _second = env.worker();
    let done = env.orca(["wait", &id, "-o", "json"]).ok();
    assert_eq!(done.json()["steps"]["nap"]["slept_ms"], 4000);
    let history = env.orca(["history", &id, "-o", "json"]).ok().json();
    let count = |event: &str| {
        history
            .as_array()
            .unwrap()
            .iter()
            .filter(|e| e["event"] == event)
            .count()
    };
    assert_eq!(
        (count("timer_started"), count("timer_fired")),
        (1, 1),
        "{history:#}"
    );
}

#[test]
fn http_step_sends_templated_requests_with_secret_headers() {
    let env = Env::new();
    let canary = "orca-http-canary-91d2";
    let server = HttpRecorder::start();
    server.reply("/status", 200, r#"{"version": "2.0", "healthy": true}"#);
    server.reply("/missing", 404, "no such thing");
    let mut worker_command = std::process::Command::new(ORCA);
    isolate(&mut worker_command, &env.dir);
    worker_command
        .env("TEMPORAL_ADDRESS", &env.address)
        .env("TEMPORAL_TASK_QUEUE", &env.task_queue)
        .env("RUST_LOG", "debug")
        .env("HOOK_TOKEN", canary)
        .arg("worker");
    let worker = Worker::spawn(worker_command, "worker started");

    let file = env.pipeline(
        "web",
        &format!(
            r#"
name = "web"
[inputs.release]
default = "r1"

[[steps]]
id = "check"
kind = "http"
url = "{url}/status"

[[steps]]
id = "notify"
kind = "http"
method = "POST"
url = "{url}/hook"
headers = {{ Authorization = {{ env = "HOOK_TOKEN" }}, X-Release = "{{{{ input.release }}}}" }}
json = {{ text = "shipped {{{{ input.release }}}} (v{{{{ steps.check.output.version }}}})" }}
expect = [200, 201]
"#,
            url = server.url
        ),
    );
    let done = env.run_to_end(&file, &["--id", "web-run"]);
    assert_eq!(done.code, 0, "{done}");
    assert_eq!(done.json()["steps"]["check"]["version"], "2.0");
    let hook = server
        .requests()
        .into_iter()
        .find(|r| r.path == "/hook")
        .expect("hook called");
    assert_eq!(hook.method, "POST");
    assert_eq!(hook.headers["authorization"], canary);
    assert_eq!(hook.headers["x-release"], "r1");
    assert_eq!(
        serde_json::from_str::<serde_json::Value>(&hook.body).unwrap(),
        json!({"text": "shipped r1 (v2.0)"})
    );

    // The secret is nowhere: not in the status, the result, or the worker's debug log.
    let status = env.orca(["status", "web-run", "-o", "json"]).ok();
    assert!(!status.stdout.contains(canary) && !done.stdout.contains(canary));
    assert!(
        !worker.log().contains(canary),
        "the worker logged the secret"
    );

    // An unexpected status fails the step (4xx: no retry), saying what came back.
    let file = env.pipeline(
        "missing",
        &format!(
            "name = \"missing\"\n[[steps]]\nid = \"get\"\nkind = \"http\"\nurl = \"{}/missing\"\n",
            server.url
        ),
    );
    let done = env.run_to_end(&file, &["--id", "missing-run"]);
    assert_eq!(done.code, 4, "{done}");
    done.stderr_has("answered 404: no such thing");
    assert_eq!(env.final_attempt("missing-run", "get"), 1, "4xx: no retry");
}

#[test]
fn http_to_a_closed_port_fails_after_its_retries() {
    let env = Env::new();
    let _worker = env.worker();
    let port = free_port();
    let file = env.pipeline(
        "closed",
        &format!(
            "name = \"closed\"\n[[steps]]\nid = \"get\"\nkind = \"http\"\nurl = \"http://127.0.0.1:{port}/\"\nretry = {{ attempts = 2, initial = \"200ms\" }}\n"
        ),
    );
    let done = env.run_to_end(&file, &["--id", "closed-run"]);
    assert_eq!(done.code, 4, "{done}");
    done.stderr_has(&format!("http://127.0.0.1:{port}/"));
    assert_eq!(env.status("closed-run")["steps"][0]["attempts"], 2);
}

#[test]
fn foreach_runs_each_item_with_bounded_concurrency_and_progress() {
    let env = Env::new();
    let _worker = env.worker();
    let file = env.pipeline(
        "each",
        r#"
name = "each"
[[steps]]
id = "plan"
kind = "agent"
action = "plan"
duration = "100ms"
returns = { hosts = ["web-1", "web-2", "web-3", "web-4"] }

[[steps]]
id = "roll"
kind = "foreach"
items = "{{ steps.plan.output.hosts }}"
concurrency = 2
[steps.step]
kind = "agent"
action = "roll {{ item }} ({{ index }})"
duration = "1s"
"#,
    );
    let done = env.run_to_end(&file, &["--id", "each-run"]);
    assert_eq!(done.code, 0, "{done}");
    // Four 1 s items two at a time: about 2 s, never 4 s, never 1 s; and at
    // no moment more than two running.
    let windows = env.step_windows("each-run");
    let items: Vec<(u64, u64)> = (0..4)
        .map(|i| {
            *windows
                .get(&format!("item[{i}]"))
                .unwrap_or_else(|| panic!("no item {i} in {windows:?}"))
        })
        .collect();
    let span = items.iter().map(|w| w.1).max().unwrap() - items.iter().map(|w| w.0).min().unwrap();
    assert!((2000..4000).contains(&span), "{span} ms: {items:?}");
    for (start, _) in &items {
        let running = items
            .iter()
            .filter(|w| w.0 <= *start && *start < w.1)
            .count();
        assert!(running <= 2, "{running} items at once: {items:?}");
    }
    let outputs = done.json()["steps"]["roll"].clone();
    assert_eq!(outputs[0]["action"], "roll web-1 (0)");
    assert_eq!(outputs[3]["action"], "roll web-4 (3)");
    let status = env.status("each-run");
    assert_eq!(
        status["steps"][1]["progress"],
        json!({"done": 4, "total": 4})
    );
    assert_eq!(status["progress"], json!({"done": 4, "total": 4}));
}
