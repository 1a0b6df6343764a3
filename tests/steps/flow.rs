//! Steps that shape the run rather than do work: `if` skips a step on
//! earlier outputs, and `sleep` is a durable timer on the server.

use std::time::Duration;

use crate::common::*;

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
    assert_eq!(step(&status, "slow_path")["state"], "skipped");
    assert_eq!(step(&status, "fast_path")["state"], "completed");
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
    env.wait_step(&id, "nap", "running", Duration::from_secs(20));
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
