//! Security: secrets (the API key, TLS key files, header values and webhook
//! URLs taken from the environment) never appear in output, logs, status or
//! history, even at trace level. (The approver rules hold for clients that
//! bypass orca: see approvals.rs and approval_flow.rs; `command` steps stay
//! off unless the worker opts in: see steps.rs.)

use std::time::Duration;

use crate::common::{http::HttpRecorder, *};

const CANARY: &str = "orca-secret-canary-7f3a";

#[track_caller]
fn assert_clean(what: &str, text: &str) {
    assert!(!text.contains(CANARY), "{what} leaked the secret:\n{text}");
}

#[test]
fn the_api_key_is_never_printed_or_logged() {
    let env = Env::new();
    for args in [
        vec!["status", "x"],
        vec!["list", "-o", "json"],
        vec!["approve", "x", "--as", "a"],
    ] {
        let done = env
            .orca(&args)
            .env("TEMPORAL_API_KEY", CANARY)
            .env("RUST_LOG", "trace")
            .run_within(Duration::from_secs(20));
        assert_eq!(done.code, 6, "{done}");
        assert_clean(
            "a client command",
            &format!("{}{}", done.stdout, done.stderr),
        );
    }
    let done = env
        .orca(["worker"])
        .env("TEMPORAL_API_KEY", CANARY)
        .env("RUST_LOG", "trace")
        .run_within(Duration::from_secs(20));
    assert_eq!(done.code, 6, "{done}");
    assert_clean("the worker", &format!("{}{}", done.stdout, done.stderr));
}

#[test]
fn tls_key_files_are_never_echoed() {
    let env = Env::new();
    let key = env.write(
        "key.pem",
        &format!("-----BEGIN PRIVATE KEY-----\n{CANARY}\n-----END PRIVATE KEY-----\n"),
    );
    let cert = env.write(
        "cert.pem",
        &format!("-----BEGIN CERTIFICATE-----\n{CANARY}\n-----END CERTIFICATE-----\n"),
    );
    let done = env
        .orca(["status", "x", "--tls-cert-path"])
        .arg(&cert)
        .arg("--tls-key-path")
        .arg(&key)
        .env("RUST_LOG", "trace")
        .run_within(Duration::from_secs(20));
    // Not PEM inside: refused before connecting, naming the file only.
    assert_eq!(done.code, 2, "{done}");
    assert_clean("a TLS failure", &format!("{}{}", done.stdout, done.stderr));
}

#[test]
fn secrets_from_the_worker_environment_stay_on_the_worker() {
    let env = Env::new();
    let hook = HttpRecorder::start();
    let dead_with_token = format!("http://127.0.0.1:{}/services/{CANARY}", free_port());
    let mut worker = env.worker_command(&[]);
    worker
        .env("RUST_LOG", "trace")
        .env("API_TOKEN", CANARY)
        .env("DEAD_HOOK", &dead_with_token);
    let worker = Worker::spawn(worker, "worker started");
    let file = env.pipeline(
        "secrets",
        &format!(
            r#"
name = "secrets"
[[steps]]
id = "call"
kind = "http"
method = "POST"
url = "{url}/api"
headers = {{ Authorization = {{ env = "API_TOKEN" }} }}
json = {{ hello = "world" }}

[[steps]]
id = "gate"
kind = "approval"
prompt = "ok?"
[[steps.notify]]
url_env = "DEAD_HOOK"
"#,
            url = hook.url
        ),
    );
    let id = env.start(&[&file]);
    // The webhook's retries are spent, its failure recorded; then decide.
    env.wait_status(&id, Duration::from_secs(40), |s| {
        s["approval"]["notifications"]
            .as_array()
            .is_some_and(|n| !n.is_empty())
    });
    env.orca(["approve", &id]).ok();
    env.wait_phase(&id, "completed");
    let api = hook
        .requests()
        .into_iter()
        .find(|r| r.path == "/api")
        .expect("api called");
    assert_eq!(
        api.headers["authorization"], CANARY,
        "the secret reached its destination"
    );

    for args in [
        vec!["status", &id],
        vec!["status", &id, "-o", "json"],
        vec!["history", &id, "-o", "json"],
        vec!["watch", &id, "-o", "jsonl"],
    ] {
        // Each command must work: one that failed would print nothing, and so
        // leak nothing, proving nothing.
        let done = env.orca(&args).ok();
        assert_clean(
            &format!("orca {}", args.join(" ")),
            &format!("{}{}", done.stdout, done.stderr),
        );
    }
    let temporal_history = env.temporal_history(&id);
    assert_clean("the event history", &temporal_history);
    assert_clean("the worker's trace log", &worker.log());
}
