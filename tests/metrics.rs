//! Prometheus metrics: the SDK's worker metrics and orca's own, on one
//! endpoint; a run counts once even when a restarted worker replays it.

use std::{
    io::{Read, Write},
    time::Duration,
};

use crate::common::*;

fn scrape(port: u16) -> String {
    let mut stream = std::net::TcpStream::connect(("127.0.0.1", port)).expect("metrics endpoint");
    write!(
        stream,
        "GET /metrics HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n"
    )
    .unwrap();
    let mut text = String::new();
    stream.read_to_string(&mut text).unwrap();
    text.split_once("\r\n\r\n")
        .map(|(_, body)| body.to_string())
        .unwrap_or_default()
}

/// The value of the sample whose line starts with `name{` and has all `labels`.
fn sample(text: &str, name: &str, labels: &[&str]) -> Option<f64> {
    text.lines()
        .filter(|l| l.starts_with(&format!("{name}{{")) || l.starts_with(&format!("{name} ")))
        .find(|l| labels.iter().all(|label| l.contains(label)))
        .and_then(|l| l.rsplit(' ').next())
        .and_then(|v| v.parse().ok())
}

fn metrics_worker(env: &Env, port: u16) -> Worker {
    env.worker_with(&["--metrics-address", &format!("127.0.0.1:{port}")])
}

/// A pipeline of a gate, then a short agent step, named for this test alone;
/// returns its file and the `pipeline="NAME"` label of its metrics.
fn metered(env: &Env) -> (String, String) {
    let name = format!("metered-{}", env.task_queue);
    let file = env.pipeline(
        &name,
        &format!("name = \"{name}\"\n[[steps]]\nid = \"gate\"\nkind = \"approval\"\nprompt = \"?\"\n\n[[steps]]\nid = \"work\"\nkind = \"agent\"\naction = \"w\"\nduration = \"100ms\"\n"),
    );
    (file, format!("pipeline=\"{name}\""))
}

/// Two runs of `file`: the first approved and completed, the second left
/// waiting at its gate. Returns their IDs.
fn one_done_one_waiting(env: &Env, file: &str) -> (String, String) {
    let first = env.start(&[file]);
    env.wait_phase(&first, "awaiting_approval");
    env.orca(["approve", &first]).ok();
    env.wait_phase(&first, "completed");
    let second = env.start(&[file]);
    env.wait_phase(&second, "awaiting_approval");
    (first, second)
}

#[test]
fn metrics_are_served_for_runs_steps_and_the_sdk() {
    let env = Env::new();
    let (file, pipeline) = metered(&env);
    let port = free_port();
    let _worker = metrics_worker(&env, port);
    one_done_one_waiting(&env, &file);

    let a = poll_for(Duration::from_secs(45), || {
        let text = scrape(port);
        match sample(&text, "orca_runs_awaiting_approval", &[]) == Some(1.0) {
            true => Ok(text),
            false => Err(format!("gauge never showed the waiting run:\n{text}")),
        }
    });
    let finished = sample(
        &a,
        "orca_runs_finished_total",
        &[&pipeline, "outcome=\"completed\""],
    );
    assert_eq!(finished, Some(1.0), "{a}");
    let agent = [pipeline.as_str(), "kind=\"agent\""];
    assert_eq!(
        sample(
            &a,
            "orca_step_executions_total",
            &[&pipeline, "kind=\"agent\"", "result=\"completed\""]
        ),
        Some(1.0)
    );
    assert!(sample(&a, "orca_step_duration_seconds_count", &agent).is_some());
    assert_eq!(sample(&a, "orca_step_attempts_total", &agent), Some(1.0));
    assert!(
        a.contains("temporal_workflow_task_execution_latency"),
        "the SDK's own metrics are there too"
    );
    assert!(a.contains("temporal_num_pollers"));
}

/// A new worker process replays the first run for a query and finishes the
/// second: only the second counts on it, never the replayed first.
#[test]
fn a_replayed_run_counts_once() {
    let env = Env::new();
    let (file, pipeline) = metered(&env);
    let mut worker_a = metrics_worker(&env, free_port());
    let (first, second) = one_done_one_waiting(&env, &file);
    worker_a.signal(libc::SIGTERM);
    worker_a.wait_exit(Duration::from_secs(20));

    let port_b = free_port();
    let _worker_b = metrics_worker(&env, port_b);
    assert_eq!(
        env.status(&first)["outcome"],
        "completed",
        "the first run was replayed for the query"
    );
    env.orca(["approve", &second]).ok();
    env.wait_phase(&second, "completed");
    let completed = [pipeline.as_str(), "outcome=\"completed\""];
    // Scraped until the second run's end is counted (a counter may trail
    // the run); then the count must be exactly one.
    let b = poll_for(Duration::from_secs(30), || {
        let text = scrape(port_b);
        match sample(&text, "orca_runs_finished_total", &completed) {
            Some(count) if count >= 1.0 => Ok(text),
            _ => Err(format!("the second run's end was never counted:\n{text}")),
        }
    });
    assert_eq!(
        sample(&b, "orca_runs_finished_total", &completed),
        Some(1.0),
        "only the second run counts on the new worker; the replayed first does not:\n{b}"
    );
    assert_eq!(
        sample(
            &b,
            "orca_step_executions_total",
            &[&pipeline, "kind=\"approval\""]
        ),
        Some(1.0),
        "{b}"
    );
}

#[test]
fn a_busy_metrics_port_is_refused() {
    let env = Env::new();
    let busy = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let port = busy.local_addr().unwrap().port();
    let done = env
        .orca(["worker", "--metrics-address", &format!("127.0.0.1:{port}")])
        .run_within(Duration::from_secs(20));
    assert_eq!(done.code, 2, "{done}");
    done.clean_error().stderr_has("cannot serve metrics");
}

/// One verified vote, one unverified, and one refusal, each counted.
#[test]
fn decisions_are_counted_verified_unverified_and_refused() {
    use crate::signed::{Key, allowed_signers};
    let env = Env::new();
    let alice = Key::new(&env, "alice", "ed25519");
    let signers = allowed_signers(&env, &[("alice", &alice)]);
    let port = free_port();
    let _worker = env.worker_with(&[
        "--metrics-address",
        &format!("127.0.0.1:{port}"),
        "--allowed-signers",
        signers.to_str().unwrap(),
    ]);
    let name = format!("counted-{}", env.task_queue);
    let file = env.pipeline(
        &name,
        &format!("name = \"{name}\"\n[[steps]]\nid = \"gate\"\nkind = \"approval\"\nprompt = \"?\"\napprovers = [\"alice\", \"bob\"]\nrequired = 2\nallow_self_approval = true\n"),
    );
    let id = env.start(&[&file]);
    env.wait_phase(&id, "awaiting_approval");
    crate::signed::approve(&env, &id, &alice, "alice", &[]).ok();
    env.orca(["approve", &id, "--as", "mallory"]).code(7);
    env.orca(["approve", &id, "--as", "bob"]).ok();
    let pipeline = format!("pipeline=\"{name}\"");
    poll_for(Duration::from_secs(30), || {
        let text = scrape(port);
        let counted = (
            sample(
                &text,
                "orca_decisions_total",
                &[&pipeline, "verified=\"true\""],
            ),
            sample(
                &text,
                "orca_decisions_total",
                &[&pipeline, "verified=\"false\""],
            ),
            sample(
                &text,
                "orca_decisions_refused_total",
                &[&pipeline, "refusal=\"NotAllowed\""],
            ),
        );
        match counted == (Some(1.0), Some(1.0), Some(1.0)) {
            true => Ok(()),
            false => Err(format!("counted {counted:?}:\n{text}")),
        }
    });
}
