//! `http` steps: templated requests with secret headers kept out of every
//! output, unexpected statuses, and a closed port after its retries.

use serde_json::json;

use crate::common::{http::HttpRecorder, *};

#[test]
fn http_step_sends_templated_requests_with_secret_headers() {
    let env = Env::new();
    let canary = "orca-http-canary-91d2";
    let server = HttpRecorder::start();
    server.reply("/status", 200, r#"{"version": "2.0", "healthy": true}"#);
    server.reply("/missing", 404, "no such thing");
    let mut worker_command = env.worker_command(&[]);
    worker_command
        .env("RUST_LOG", "debug")
        .env("HOOK_TOKEN", canary);
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
    assert_eq!(step(&env.status("closed-run"), "get")["attempts"], 2);
}
