//! Loops cut short by a hand-over go on in the next run.

use std::time::Duration;

use serde_json::Value;

use crate::common::*;

/// A worker that hands runs over after `bound` events.
pub fn worker(env: &Env, bound: u32) -> Worker {
    env.worker_with(&["--continue-as-new-after", &bound.to_string()])
}

fn loop_pipeline(env: &Env, count: u32, concurrency: u32) -> String {
    env.pipeline(
        "big-loop",
        &format!(
            r#"
name = "big-loop"
[[steps]]
id = "before"
kind = "agent"
action = "prepare"
duration = "10ms"
[[steps]]
id = "items"
kind = "foreach"
count = {count}
concurrency = {concurrency}
[steps.step]
kind = "agent"
action = "item {{{{ item }}}}"
duration = "10ms"
[[steps]]
id = "after"
kind = "agent"
action = "sum up {{{{ steps.items.output | length }}}}"
duration = "10ms"
"#
        ),
    )
}

#[test]
fn a_loop_longer_than_the_bound_completes_every_item_once() {
    let env = Env::new();
    let _worker = worker(&env, 60);
    let file = loop_pipeline(&env, 40, 3);
    let done = env.run_to_end(&file, &["--id", "loop-run"]);
    assert_eq!(done.code, 0, "{done}");
    let result = done.json();
    let outputs = result["steps"]["items"]
        .as_array()
        .unwrap_or_else(|| panic!("no item outputs: {result:#}"))
        .clone();
    assert_eq!(outputs.len(), 40);
    assert!(outputs.iter().all(|o| !o.is_null()), "{outputs:?}");
    let status = env.status("loop-run");
    assert!(status["continued"].as_u64().unwrap_or(0) >= 2, "{status:#}");
    assert_eq!(step(&status, "items")["progress"]["done"], 40);
    assert_eq!(step(&status, "after")["state"], "completed");
    let _ = (Duration::ZERO, Value::Null);
}
