//! Steps that run other steps: `parallel` (overlap, fail-fast cancelling the
//! rest, or every failure collected) and `foreach` (bounded concurrency and
//! progress).

use std::time::Duration;

use serde_json::json;

use crate::common::*;

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
    assert_eq!(step(&status, "a")["parent"], "both");
    assert_eq!(step(&status, "b")["state"], "completed");

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
    let done = env.run_to_end(&file, &["--id", "fast-fail-run"]);
    assert_eq!(done.code, 4, "{done}");
    done.stderr_has("`broken`");
    assert!(done.elapsed < Duration::from_secs(15), "{:?}", done.elapsed);
    // The cancel reaches the command with its next heartbeat.
    eventually(
        Duration::from_secs(15),
        "the cancelled sibling gone",
        || processes_with(&format!("sleep {marker}")).is_empty(),
    );
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
    assert_eq!(step(&status, "fine")["state"], "completed", "{status:#}");
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
        step(&status, "roll")["progress"],
        json!({"done": 4, "total": 4})
    );
    assert_eq!(status["progress"], json!({"done": 4, "total": 4}));
}

#[test]
fn a_foreach_that_times_out_takes_no_further_item() {
    let env = Env::new();
    let _worker = env.worker();
    // Items 0 and 1 take 10 ms, item 2 a minute; the rest would be
    // skipped at once. The loop times out during item 2 (with seconds to
    // spare however loaded the machine): no later item may be taken,
    // skipped or not.
    let file = env.pipeline(
        "slow-each",
        r#"
name = "slow-each"
[[steps]]
id = "roll"
kind = "foreach"
count = 20
concurrency = 1
timeout = "5s"
[steps.step]
kind = "agent"
if = "{{ index < 3 }}"
action = "roll {{ index }}"
duration = "{{ '10ms' if index < 2 else '60s' }}"
"#,
    );
    let done = env.run_to_end(&file, &["--id", "slow-each-run"]);
    assert_eq!(done.code, 4, "{done}");
    let status = env.status("slow-each-run");
    assert_eq!(
        step(&status, "roll")["progress"],
        json!({"done": 2, "total": 20}),
        "{status:#}"
    );
}
