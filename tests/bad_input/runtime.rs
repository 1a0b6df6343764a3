//! Refused while the run runs: the worker's own refusals fail the run
//! with the reason, and a step's output is bounded however much it prints.

use crate::common::*;

#[test]
fn run_time_refusals_fail_the_run_with_the_reason() {
    let env = Env::new();
    let _worker = env.worker();
    let port = free_port();
    let http = env.pipeline(
        "closed",
        &format!("name = \"closed\"\n[[steps]]\nid = \"h\"\nkind = \"http\"\nurl = \"http://127.0.0.1:{port}/\"\nretry = {{ attempts = 1 }}\n"),
    );
    let done = env.run_to_end(&http, &[]);
    assert_eq!(done.code, 4, "{done}");
    done.clean_error().stderr_has("Connection refused");
    let done = env.run_to_end("a-pipeline-no-worker-knows", &[]);
    assert_eq!(done.code, 2, "{done}");
    done.clean_error()
        .stderr_has("unknown pipeline `a-pipeline-no-worker-knows`")
        .stderr_has("known pipelines: agent-task");
}

#[test]
fn a_command_printing_100_mb_is_bounded() {
    let env = Env::new();
    let _worker = env.worker_with(&["--allow-commands"]);
    let file = env.pipeline(
        "flood",
        "name = \"flood\"\n[[steps]]\nid = \"flood\"\nkind = \"command\"\nshell = \"head -c 104857600 /dev/zero | tr '\\\\0' 'x'; echo; echo the end\"\ntimeout = \"2m\"\n",
    );
    let done = env.run_to_end(&file, &["--id", "flood-run"]);
    assert_eq!(done.code, 0, "{done}");
    let output = &done.json()["steps"]["flood"];
    let stdout = output["stdout"].as_str().unwrap();
    assert!(stdout.len() <= 64 * 1024, "kept {} bytes", stdout.len());
    assert!(stdout.ends_with("the end\n"), "kept the tail");
    assert!(output["stdout_cut_bytes"].as_u64().unwrap() > 100_000_000);
    env.status_text("flood-run").stdout_has("output cut");
}
