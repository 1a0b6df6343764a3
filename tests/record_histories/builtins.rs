//! Recordings of the built-in pipelines other than `sample`, each run to its
//! usual end (and `agent-task` also stopped mid-run).

use std::time::Duration;

use super::*;

#[test]
#[ignore = "regenerates tests/histories: run with `just record-histories`"]
fn agent_task() {
    approved_by_alice("agent-task", &["agent-task", "--input", "title=recorded"]);
}

#[test]
#[ignore = "regenerates tests/histories: run with `just record-histories`"]
fn agent_task_stopped() {
    let (env, _worker) = recorder();
    let id = env.start(&["agent-task", "--input", "title=stopped"]);
    approve(&env, &id, "alice");
    env.wait_status(&id, Duration::from_secs(30), |s| s["progress"]["done"] == 1);
    env.orca(["stop", &id]).ok();
    finish(&env, &id);
    save(&env, &id, "agent-task-stopped");
}

#[test]
#[ignore = "regenerates tests/histories: run with `just record-histories`"]
fn feed_publisher() {
    ends_by_itself(
        "feed-publisher",
        &["feed-publisher", "--input", "brand=pomandi"],
    );
}

#[test]
#[ignore = "regenerates tests/histories: run with `just record-histories`"]
fn learning_denied() {
    ends_by_itself(
        "learning-denied",
        &["learning", "--input", "content=the black vault"],
    );
}

#[test]
#[ignore = "regenerates tests/histories: run with `just record-histories`"]
fn learning_approved() {
    approved_by_alice(
        "learning-approved",
        &["learning", "--input", "content=how to bake bread"],
    );
}

#[test]
#[ignore = "regenerates tests/histories: run with `just record-histories`"]
fn data_analysis() {
    ends_by_itself(
        "data-analysis",
        &["data-analysis", "--input", "file=sales.csv"],
    );
}

#[test]
#[ignore = "regenerates tests/histories: run with `just record-histories`"]
fn long_running_task() {
    ends_by_itself(
        "long-running-task",
        &["long-running-task", "--input", "steps=3"],
    );
}

#[test]
#[ignore = "regenerates tests/histories: run with `just record-histories`"]
fn image_generation() {
    ends_by_itself(
        "image-generation",
        &["image-generation", "--input", "prompt=a calm lake"],
    );
}

#[test]
#[ignore = "regenerates tests/histories: run with `just record-histories`"]
fn memory_expansion() {
    ends_by_itself(
        "memory-expansion",
        &["memory-expansion", "--input", "conversation=likes tea"],
    );
}

#[test]
#[ignore = "regenerates tests/histories: run with `just record-histories`"]
fn code_analysis() {
    ends_by_itself(
        "code-analysis",
        &["code-analysis", "--input", "repository=repo"],
    );
}

#[test]
#[ignore = "regenerates tests/histories: run with `just record-histories`"]
fn self_improvement_auto() {
    ends_by_itself(
        "self-improvement-auto",
        &[
            "self-improvement",
            "--input",
            "repository=r",
            "--input",
            "auto_apply=true",
        ],
    );
}

#[test]
#[ignore = "regenerates tests/histories: run with `just record-histories`"]
fn model_training() {
    ends_by_itself(
        "model-training",
        &[
            "model-training",
            "--input",
            "epochs=6",
            "--input",
            "target_accuracy=0.65",
        ],
    );
}
