//! Every built-in pipeline runs to its documented outcome on a real server.

use std::time::Duration;

use serde_json::json;

use crate::common::*;

#[test]
fn agent_task_plans_waits_for_the_plan_to_be_accepted_then_runs_every_batch() {
    let env = Env::new();
    let _worker = env.worker();
    let waiting = env
        .orca([
            "start",
            "agent-task",
            "--input",
            "title=quarterly report",
            "--wait",
            "-o",
            "json",
            "--id",
            "agent-1",
        ])
        .spawn();
    let status = env.wait_phase("agent-1", "awaiting_approval");
    assert!(
        status["approval"]["prompt"]
            .as_str()
            .unwrap()
            .contains("research quarterly report, draft quarterly report"),
        "{status:#}"
    );
    env.orca(["approve", "agent-1", "--comment", "RFC accepted"])
        .ok();
    // Progress is visible while the batches run.
    env.wait_status("agent-1", Duration::from_secs(30), |s| {
        step_is(s, "execute", "running") && s["progress"]["total"] == 4
    });
    let done = waiting.finish(Duration::from_secs(60));
    assert_eq!(done.code, 0, "{done}");
    let result = done.json();
    assert_eq!(result["steps"]["execute"].as_array().unwrap().len(), 4);
    assert_eq!(
        result["steps"]["execute"][3]["action"],
        "batch 4: publish quarterly report"
    );
    assert_eq!(
        env.status("agent-1")["progress"],
        json!({"done": 4, "total": 4})
    );
}

#[test]
fn agent_task_stop_ends_after_the_current_batch() {
    let env = Env::new();
    let _worker = env.worker();
    let id = env.start(&["agent-task", "--input", "title=t", "--id", "agent-stop"]);
    env.wait_phase(&id, "awaiting_approval");
    env.orca(["approve", &id]).ok();
    // Stop lands after batch 1 or 2 has finished (a poll may miss "1").
    env.wait_status(&id, Duration::from_secs(30), |s| {
        matches!(s["progress"]["done"].as_u64(), Some(1 | 2))
    });
    env.orca(["stop", &id]).ok();
    let status = env.wait_phase(&id, "stopped");
    let done = status["progress"]["done"].as_u64().unwrap();
    assert!(
        (1..4).contains(&done),
        "stopped after the current batch, not before or at the end: {status:#}"
    );
    assert_eq!(
        step(&status, "done")["state"],
        "skipped",
        "`done` never ran"
    );
    assert_eq!(status["outcome"], "stopped");
}

#[test]
fn agent_task_pause_holds_batches_until_resume() {
    let env = Env::new();
    let _worker = env.worker();
    let id = env.start(&["agent-task", "--input", "title=t", "--id", "agent-pause"]);
    env.wait_phase(&id, "awaiting_approval");
    env.orca(["approve", &id]).ok();
    env.wait_status(&id, Duration::from_secs(30), |s| {
        matches!(s["progress"]["done"].as_u64(), Some(1 | 2))
    });
    env.orca(["pause", &id]).ok();
    let paused = env.wait_phase(&id, "paused");
    let held = paused["progress"]["done"].as_u64().unwrap();
    holds_for(Duration::from_secs(3), "the batches held", || {
        env.status(&id)["progress"]["done"].as_u64() == Some(held)
    });
    env.orca(["resume", &id]).ok();
    let status = env.wait_phase(&id, "completed");
    assert_eq!(status["progress"], json!({"done": 4, "total": 4}));
}

#[test]
fn feed_publisher_publishes_to_both_networks_in_parallel() {
    let env = Env::new();
    let _worker = env.worker();
    let done = env.run_to_end(
        "feed-publisher",
        &["--input", "brand=pomandi", "--id", "feed-1"],
    );
    assert_eq!(done.code, 0, "{done}");
    let steps = done.json()["steps"].clone();
    assert_eq!(steps["get_photo"]["photo"], "pomandi/photos/today.jpg");
    assert!(steps["publish"]["facebook"]["simulated"].as_bool().unwrap());
    assert!(
        steps["publish"]["instagram"]["action"]
            .as_str()
            .unwrap()
            .contains("Instagram for pomandi")
    );
    let status = env.status("feed-1");
    let rows: Vec<_> = status["steps"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["id"].as_str().unwrap())
        .collect();
    assert_eq!(
        rows,
        [
            "get_photo",
            "view_image",
            "caption",
            "publish",
            "facebook",
            "instagram",
            "report"
        ]
    );
    // In parallel: the two posts' activities overlap in the server's time.
    let windows = env.step_windows("feed-1");
    let (facebook, instagram) = (windows["facebook"], windows["instagram"]);
    assert!(
        facebook.0 < instagram.1 && instagram.0 < facebook.1,
        "they ran one after the other: {facebook:?} {instagram:?}"
    );
}

#[test]
fn learning_denies_black_vault_content_and_learns_from_the_rest() {
    let env = Env::new();
    let _worker = env.worker();
    let done = env.run_to_end(
        "learning",
        &["--input", "content=notes on the Black Vault project"],
    );
    assert_eq!(done.code, 3, "{done}");
    assert_eq!(done.json()["outcome"], "denied");

    let waiting = env
        .orca([
            "start",
            "learning",
            "--input",
            "content=how to bake bread",
            "--wait",
            "-o",
            "json",
            "--id",
            "learn-1",
        ])
        .spawn();
    env.wait_phase("learn-1", "awaiting_approval");
    env.orca(["approve", "learn-1"]).ok();
    let done = waiting.finish(Duration::from_secs(30));
    assert_eq!(done.code, 0, "{done}");
    assert_eq!(
        done.json()["steps"]["store"]["action"],
        "store 3 facts from manual"
    );
}

#[test]
fn data_analysis_runs_on_data_files_and_refuses_others() {
    let env = Env::new();
    let _worker = env.worker();
    let done = env.run_to_end("data-analysis", &["--input", "file=sales.csv"]);
    assert_eq!(done.code, 0, "{done}");
    assert_eq!(
        done.json()["steps"]["visualise"]["charts"],
        json!(["trend.png", "outliers.png"])
    );
    let done = env.run_to_end("data-analysis", &["--input", "file=payload.exe"]);
    assert_eq!(done.code, 3, "{done}");
    done.stderr_has("matches no allow rule");
}

#[test]
fn long_running_task_counts_its_steps_and_stops_between_them() {
    let env = Env::new();
    let _worker = env.worker();
    let done = env.run_to_end("long-running-task", &["--input", "steps=2"]);
    assert_eq!(done.code, 0, "{done}");
    assert_eq!(done.json()["steps"]["work"].as_array().unwrap().len(), 2);

    let id = env.start(&["long-running-task", "--input-json", r#"{"steps": 20}"#]);
    env.wait_status(&id, Duration::from_secs(30), |s| {
        s["progress"]["done"].as_u64() >= Some(2)
    });
    env.orca(["pause", &id]).ok();
    env.wait_phase(&id, "paused");
    env.orca(["resume", &id]).ok();
    env.wait_status(&id, Duration::from_secs(30), |s| s["phase"] == "running");
    env.orca(["stop", &id]).ok();
    let status = env.wait_phase(&id, "stopped");
    assert!(
        status["progress"]["done"].as_u64().unwrap() < 20,
        "{status:#}"
    );
}

#[test]
fn pipelines_from_the_worker_directory_start_by_name() {
    let env = Env::new();
    let dir = env.path("pipelines");
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(
        dir.join("hello.toml"),
        "name = \"hello\"\n[[steps]]\nid = \"hi\"\nkind = \"agent\"\naction = \"say hi\"\nduration = \"100ms\"\n",
    )
    .unwrap();
    std::fs::write(dir.join("broken.toml"), "name = \"broken\"\nsteps = 3\n").unwrap();
    let worker = env.worker_with(&["--pipelines", dir.to_str().unwrap()]);
    assert!(
        worker.log().contains("skipping invalid pipeline"),
        "{}",
        worker.log()
    );
    let done = env.run_to_end("hello", &[]);
    assert_eq!(done.code, 0, "{done}");
    assert_eq!(done.json()["steps"]["hi"]["action"], "say hi");
    // A name no worker knows is refused, with the worker's list, once the
    // worker has said so.
    let done = env.run_to_end("nobody-knows", &[]);
    assert_eq!(done.code, 2, "{done}");
    done.clean_error()
        .stderr_has("unknown pipeline `nobody-knows`")
        .stderr_has("hello");
}

#[test]
fn image_generation_checks_content_then_generates() {
    let env = Env::new();
    let _worker = env.worker();
    let done = env.run_to_end(
        "image-generation",
        &["--input", "prompt=a lighthouse at dawn", "--id", "img-1"],
    );
    assert_eq!(done.code, 0, "{done}");
    let steps = done.json()["steps"].clone();
    assert_eq!(steps["generate"]["image"], "images/img-1.png");
    assert_eq!(steps["store"]["stored"], "images/img-1.png.json");
    let done = env.run_to_end("image-generation", &["--input", "prompt=graphic violence"]);
    assert_eq!(done.code, 3, "{done}");
    assert_eq!(done.json()["outcome"], "denied");
}

#[test]
fn memory_expansion_extracts_stores_and_indexes() {
    let env = Env::new();
    let _worker = env.worker();
    let done = env.run_to_end(
        "memory-expansion",
        &[
            "--input",
            "conversation=prefers green tea",
            "--input",
            "user=ana",
        ],
    );
    assert_eq!(done.code, 0, "{done}");
    let steps = done.json()["steps"].clone();
    assert_eq!(steps["store"].as_array().unwrap().len(), 3);
    assert_eq!(
        steps["index"]["action"],
        "update the memory indexes of ana with 3 memories"
    );
}

#[test]
fn code_analysis_runs_three_analyses_at_once() {
    let env = Env::new();
    let _worker = env.worker();
    let done = env.run_to_end(
        "code-analysis",
        &["--input", "repository=github.com/acme/app"],
    );
    assert_eq!(done.code, 0, "{done}");
    // Three 1 s analyses in parallel, not 3 s in a row.
    let windows = env.step_windows(done.json()["workflow_id"].as_str().unwrap());
    let analyses: Vec<(u64, u64)> = ["static", "security", "complexity"]
        .iter()
        .map(|step| windows[*step])
        .collect();
    let span =
        analyses.iter().map(|w| w.1).max().unwrap() - analyses.iter().map(|w| w.0).min().unwrap();
    assert!((1000..3000).contains(&span), "{span} ms: {analyses:?}");
    assert_eq!(
        done.json()["steps"]["summary"]["action"],
        "summarise github.com/acme/app: 4 static and 1 security findings, complexity 6.5"
    );
}

#[test]
fn self_improvement_asks_unless_confident_and_auto_applying() {
    let env = Env::new();
    let _worker = env.worker();
    let done = env.run_to_end(
        "self-improvement",
        &["--input", "repository=r", "--input", "auto_apply=true"],
    );
    assert_eq!(done.code, 0, "{done}");
    assert!(
        done.json()["steps"]["approval"].is_null(),
        "confidence 0.85 ≥ 0.8: no approval"
    );

    // A higher threshold than the confidence: a person decides.
    let id = env.start(&[
        "self-improvement",
        "--input",
        "repository=r",
        "--input",
        "auto_apply=true",
        "--input-json",
        r#"{"confidence_threshold": 0.9}"#,
    ]);
    let status = env.wait_phase(&id, "awaiting_approval");
    assert_eq!(
        status["approval"]["prompt"],
        "Apply 2 changes to r (confidence 0.85)?"
    );
    env.orca(["approve", &id]).ok();
    let status = env.wait_phase(&id, "completed");
    assert_eq!(step(&status, "test")["state"], "completed");
}

#[test]
fn model_training_reports_accuracy_and_stops_at_the_target() {
    let env = Env::new();
    let _worker = env.worker();
    let id = env.start(&[
        "model-training",
        "--input",
        "epochs=10",
        "--input",
        "target_accuracy=0.7",
    ]);
    let status = env.wait_status(&id, Duration::from_secs(30), |s| {
        s["progress"]["done"].as_u64() >= Some(2)
    });
    assert!(
        step(&status, "train")["summary"]
            .as_str()
            .unwrap()
            .contains("accuracy"),
        "{status:#}"
    );
    let status = env.wait_phase(&id, "completed");
    // 0.55, 0.60, 0.65, 0.70: four epochs of ten, then the target was reached.
    assert_eq!(status["progress"], json!({"done": 4, "total": 10}));
    assert!(
        step(&status, "train")["summary"]
            .as_str()
            .unwrap()
            .contains("stopped early"),
        "{status:#}"
    );

    // Pause and resume between epochs.
    let id = env.start(&[
        "model-training",
        "--input",
        "epochs=6",
        "--input",
        "target_accuracy=0.99",
    ]);
    env.wait_status(&id, Duration::from_secs(30), |s| {
        matches!(s["progress"]["done"].as_u64(), Some(1 | 2))
    });
    env.orca(["pause", &id]).ok();
    let paused = env.wait_phase(&id, "paused");
    let held = paused["progress"]["done"].clone();
    holds_for(Duration::from_secs(2), "the epochs held", || {
        env.status(&id)["progress"]["done"] == held
    });
    env.orca(["resume", &id]).ok();
    let status = env.wait_phase(&id, "completed");
    assert_eq!(status["progress"], json!({"done": 6, "total": 6}));
}
