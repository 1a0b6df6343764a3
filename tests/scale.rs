//! Built-ins at the scale of the runs they replace: `long-running-task`
//! takes any number of steps and `model-training` a `num_steps`, both with a
//! `step_duration` so many steps can be short; `pipelines show` documents
//! the inputs.

use std::time::Duration;

use serde_json::json;

use crate::common::*;

#[test]
fn long_running_task_runs_many_short_steps() {
    let env = Env::new();
    let _worker = env.worker();
    let done = env.run_to_end(
        "long-running-task",
        &["--input", "steps=40", "--input", "step_duration=10ms"],
    );
    assert_eq!(done.code, 0, "{done}");
    let parts = done.json()["steps"]["work"].as_array().unwrap().clone();
    assert_eq!(parts.len(), 40);
    assert_eq!(parts[39]["action"], "part 40 of 40");
    assert_eq!(parts[39]["duration_ms"], 10);
}

#[test]
fn model_training_takes_num_steps_and_scales_its_accuracy_to_them() {
    let env = Env::new();
    let _worker = env.worker();
    // 0.5 + 0.5 * step / 40 reaches 0.6 at step 8 of 40.
    let args = [
        "--input",
        "num_steps=40",
        "--input",
        "target_accuracy=0.6",
        "--input",
        "step_duration=10ms",
        "--id",
    ];
    let done = env.run_to_end("model-training", &[&args[..], &["training-40"]].concat());
    assert_eq!(done.code, 0, "{done}");
    let status = env.status("training-40");
    assert_eq!(status["progress"], json!({"done": 8, "total": 40}));

    let id = env.start(&[
        "model-training",
        "--input",
        "num_steps=1000",
        "--input",
        "step_duration=10ms",
    ]);
    env.wait_status(&id, Duration::from_secs(30), |s| {
        s["progress"]["total"] == 1000 && s["progress"]["done"].as_u64() >= Some(3)
    });
    env.orca(["stop", &id]).ok();
    env.wait_phase(&id, "stopped");
}

#[test]
fn pipelines_show_documents_the_scale_inputs() {
    let env = Env::offline();
    let shown = env
        .orca(["pipelines", "show", "long-running-task"])
        .ok()
        .stdout;
    for text in ["[inputs.steps]", "[inputs.step_duration]", "10ms"] {
        assert!(shown.contains(text), "{text}:\n{shown}");
    }
    let shown = env
        .orca(["pipelines", "show", "model-training"])
        .ok()
        .stdout;
    for text in [
        "[inputs.num_steps]",
        "[inputs.epochs]",
        "[inputs.step_duration]",
    ] {
        assert!(shown.contains(text), "{text}:\n{shown}");
    }
}
