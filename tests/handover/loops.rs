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

#[test]
fn a_loop_inside_a_parallel_group_goes_on_after_a_hand_over() {
    let env = Env::new();
    let _worker = worker(&env, 10);
    let file = env.pipeline(
        "nested-par",
        r#"
name = "nested-par"
[[steps]]
id = "both"
kind = "parallel"
[[steps.steps]]
id = "items"
kind = "foreach"
count = 12
concurrency = 2
[steps.steps.step]
kind = "agent"
action = "item {{ item }}"
duration = "10ms"
[[steps.steps]]
id = "side"
kind = "agent"
action = "side"
duration = "10ms"
"#,
    );
    let done = env.run_to_end(&file, &["--id", "nested-par-run"]);
    assert_eq!(done.code, 0, "{done}");
    let result = done.json();
    let items = result["steps"]["both"]["items"].as_array().cloned();
    let items = items.unwrap_or_else(|| panic!("{result:#}"));
    assert_eq!(items.len(), 12);
    assert!(items.iter().all(|o| !o.is_null()), "{items:?}");
    assert_eq!(result["steps"]["both"]["side"]["action"], "side");
    let status = env.status("nested-par-run");
    assert!(status["continued"].as_u64().unwrap_or(0) >= 1, "{status:#}");
}

#[test]
fn a_loop_of_loops_goes_on_inside_the_item_it_stood_in() {
    let env = Env::new();
    let _worker = worker(&env, 10);
    let file = env.pipeline(
        "loop-of-loops",
        r#"
name = "loop-of-loops"
[[steps]]
id = "outer"
kind = "foreach"
count = 3
[steps.step]
kind = "foreach"
count = 4
[steps.step.step]
kind = "agent"
action = "cell {{ index }}"
duration = "10ms"
"#,
    );
    let done = env.run_to_end(&file, &["--id", "loops-run"]);
    assert_eq!(done.code, 0, "{done}");
    let result = done.json();
    let rows = result["steps"]["outer"].as_array().cloned();
    let rows = rows.unwrap_or_else(|| panic!("{result:#}"));
    assert_eq!(rows.len(), 3, "{result:#}");
    for row in &rows {
        let cells = row.as_array().unwrap_or_else(|| panic!("{result:#}"));
        assert_eq!(cells.len(), 4, "{result:#}");
        assert!(cells.iter().all(|c| !c.is_null()), "{result:#}");
    }
}

#[test]
fn a_loop_past_its_output_budget_keeps_both_ends_and_says_what_it_cut() {
    let env = Env::new();
    let _worker = worker(&env, 200);
    // Each item's output is about 3 KB: 200 of them are well past 256 KB.
    let pad = "x".repeat(3000);
    let file = env.pipeline(
        "wide-loop",
        &format!(
            r#"
name = "wide-loop"
[inputs.pad]
default = "{pad}"
[[steps]]
id = "items"
kind = "foreach"
count = 200
concurrency = 20
[steps.step]
kind = "agent"
action = "{{{{ input.pad }}}} {{{{ item }}}}"
duration = "1ms"
[[steps]]
id = "after"
kind = "agent"
action = "kept {{{{ steps.items.output.kept }}}} of {{{{ steps.items.output.items }}}}"
duration = "1ms"
"#
        ),
    );
    let done = env.run_to_end(&file, &["--id", "wide-run"]);
    assert_eq!(done.code, 0, "{done}");
    let result = done.json();
    let output = &result["steps"]["items"];
    assert_eq!(output["truncated"], true, "{output:#}");
    assert_eq!(output["items"], 200);
    assert_eq!(output["first"][0]["index"], 0);
    assert_eq!(
        output["last"]
            .as_array()
            .and_then(|l| l.last())
            .map(|e| e["index"].clone()),
        Some(serde_json::json!(199))
    );
    let said = result["steps"]["after"]["action"].as_str().unwrap_or("");
    assert!(
        said.starts_with("kept ") && said.ends_with(" of 200"),
        "{said}"
    );
}
