//! Webhooks told about an open gate (Slack-style and custom bodies); a dead
//! one does not block the gate and is reported once its retries are spent.

use std::time::Duration;

use serde_json::{Value, json};

use super::gate_pipeline;
use crate::common::{http::HttpRecorder, *};

/// A worker with `SLACK_URL` set to `hook`'s `/slack`, and a gate that
/// notifies three webhooks: `$SLACK_URL`, a dead port, and `hook`'s
/// `/custom` with a body of its own. Returns the worker and the file.
fn notifying(env: &Env, hook: &HttpRecorder) -> (Worker, String) {
    let dead = format!("http://127.0.0.1:{}/dead", free_port());
    let mut worker = env.worker_command(&[]);
    worker.env("SLACK_URL", format!("{}/slack", hook.url));
    let worker = Worker::spawn(worker, "worker started");
    let file = gate_pipeline(
        env,
        "notify",
        &format!(
            "[[steps.notify]]\nurl_env = \"SLACK_URL\"\n\n[[steps.notify]]\nurl = \"{dead}\"\n\n[[steps.notify]]\nurl = \"{}/custom\"\nbody = '{{\"msg\": \"{{{{ prompt }}}} → {{{{ approve_command }}}}\"}}'\n",
            hook.url
        ),
        "",
    );
    (worker, file)
}

/// The body `hook` received on `path`.
fn body_at(hook: &HttpRecorder, path: &str) -> Value {
    let request = hook.requests().into_iter().find(|r| r.path == path);
    let request = request.unwrap_or_else(|| panic!("nothing on {path}"));
    serde_json::from_str(&request.body).unwrap()
}

#[test]
fn webhooks_are_told_of_an_open_gate() {
    let env = Env::new();
    let hook = HttpRecorder::start();
    let (_worker, file) = notifying(&env, &hook);
    let id = env.start(&[&file]);
    env.wait_phase(&id, "awaiting_approval");
    eventually(Duration::from_secs(20), "both webhooks called", || {
        hook.requests().len() >= 2
    });
    let body = body_at(&hook, "/slack");
    assert_eq!(body["run_id"], id.as_str());
    assert_eq!(body["prompt"], "Ship notify?");
    assert_eq!(body["approve_command"], format!("orca approve {id}"));
    assert!(
        body["text"]
            .as_str()
            .unwrap()
            .contains(&format!("orca approve {id}")),
        "{body}"
    );
    assert_eq!(
        body_at(&hook, "/custom"),
        json!({"msg": format!("Ship notify? → orca approve {id}")})
    );
    env.orca(["reject", &id, "--reason", "cleanup"]).ok();
}

/// The dead webhook is still retrying (or has failed): the gate is open
/// regardless.
#[test]
fn a_dead_webhook_does_not_block_the_gate() {
    let env = Env::new();
    let hook = HttpRecorder::start();
    let (_worker, file) = notifying(&env, &hook);
    let id = env.start(&[&file]);
    env.wait_phase(&id, "awaiting_approval");
    env.orca(["approve", &id, "--as", "alice"]).ok();
    env.wait_phase(&id, "completed");
}

#[test]
fn a_dead_webhook_is_reported_once_its_retries_are_spent() {
    let env = Env::new();
    let hook = HttpRecorder::start();
    let (_worker, file) = notifying(&env, &hook);
    let id = env.start(&[&file]);
    let status = env.wait_status(&id, Duration::from_secs(40), |s| {
        s["approval"]["notifications"]
            .as_array()
            .is_some_and(|n| n.len() == 3)
    });
    let notes = status["approval"]["notifications"].as_array().unwrap();
    let failed: Vec<&Value> = notes.iter().filter(|n| n["ok"] == false).collect();
    assert_eq!(failed.len(), 1, "{notes:?}");
    assert!(
        failed[0]["target"]
            .as_str()
            .unwrap()
            .starts_with("127.0.0.1"),
        "{notes:?}"
    );
    assert!(
        notes
            .iter()
            .any(|n| n["target"] == "$SLACK_URL" && n["ok"] == true),
        "{notes:?}"
    );
    assert_eq!(status["phase"], "awaiting_approval");
    env.status_text(&id).stdout_has("FAILED");
    env.orca(["reject", &id, "--reason", "cleanup"]).ok();
}
