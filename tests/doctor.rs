//! `orca doctor`: the setup checked end to end against the real dev
//! server — settings and where each came from, the server, the namespace,
//! search attributes, workers (and which run commands), stuck runs, the
//! clock — exit 0/1/6; and `--run ID`, where one run waits and why (`run`).

use std::time::Duration;

use serde_json::Value;

use crate::{
    common::{tls::Guard, *},
    tls::Bed,
};

mod run;

/// The line of check `label` in the text report (it starts with its mark).
#[track_caller]
fn line<'a>(done: &'a Done, label: &str) -> &'a str {
    // `✓ workers   …`: a mark, a space, the label padded with spaces.
    done.stdout
        .lines()
        .find(|l| {
            l.split_once(' ').is_some_and(|(mark, rest)| {
                !mark.is_empty() && rest.starts_with(&format!("{label} "))
            })
        })
        .unwrap_or_else(|| panic!("no `{label}` check:\n{done}"))
}

/// The check named `name` in `orca doctor -o json`.
#[track_caller]
fn check<'a>(report: &'a Value, name: &str) -> &'a Value {
    report["checks"]
        .as_array()
        .and_then(|checks| checks.iter().find(|c| c["name"] == name))
        .unwrap_or_else(|| panic!("no `{name}` check: {report:#}"))
}

#[test]
fn a_healthy_stack_is_all_green() {
    let env = Env::new();
    let _worker = env.worker();
    let done = env.orca(["doctor"]).ok();
    for label in [
        "settings",
        "server",
        "namespace",
        "search attributes",
        "workers",
        "stuck runs",
        "clock",
    ] {
        assert!(line(&done, label).starts_with('✓'), "{label}:\n{done}");
    }
    // Not applicable here: plaintext, no commands worker, no signers file.
    for label in ["TLS", "command steps", "allowed signers"] {
        assert!(line(&done, label).starts_with('–'), "{label}:\n{done}");
    }
    let workers = line(&done, "workers");
    assert!(
        workers.contains(&format!("1 worker polls task queue {}", env.task_queue)),
        "{done}"
    );
    done.stdout_has(&format!("answers at {}", env.address));
}

#[test]
fn with_no_worker_it_names_the_command_that_starts_one() {
    let env = Env::new();
    let done = env.orca(["doctor"]).code(1);
    let workers = line(&done, "workers");
    assert!(workers.starts_with('✗'), "{done}");
    done.stdout_has(&format!("no worker polls task queue {}", env.task_queue))
        // The whole fix: not `orca dev`, which would start a second server
        // rather than give this one a worker.
        .stdout_has(&format!(
            "fix: orca worker --address {} --task-queue {}\n",
            env.address, env.task_queue
        ))
        .stderr_has("error: 1 check failed");
}

#[test]
fn with_no_worker_an_open_run_is_not_a_second_failure() {
    let env = Env::new();
    let id = env.start(&["sample", "--input", "task=unworked"]);
    let report = env.orca(["doctor", "-o", "json"]).code(1).json();
    let failed: Vec<&str> = report["checks"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|c| c["state"] == "failed")
        .map(|c| c["name"].as_str().unwrap())
        .collect();
    assert_eq!(failed, ["workers"], "{id}: {report:#}");
    let stuck = check(&report, "stuck_runs");
    assert_eq!(stuck["state"], "skipped", "{report:#}");
    assert!(
        stuck["finding"].as_str().unwrap().contains("(see workers)"),
        "{report:#}"
    );
}

#[test]
fn settings_that_do_not_resolve_fail_the_settings_check_and_exit_1() {
    let env = Env::new();
    let done = env
        .orca(["doctor", "--tls-ca-path", "/no/such/ca.pem"])
        .code(1);
    assert!(line(&done, "settings").starts_with('✗'), "{done}");
    done.stdout_has("/no/such/ca.pem")
        .stdout_has("fix: it is set by --tls-ca-path");
    assert!(
        line(&done, "server").contains("not checked: needs the settings check"),
        "{done}"
    );
}

#[test]
fn a_variable_set_to_nothing_is_not_the_profiles() {
    let env = Env::new();
    let _worker = env.worker();
    // No temporal.toml exists: blank variables are unset, not the profile's.
    let report = env
        .orca(["doctor", "-o", "json"])
        .env("TEMPORAL_API_KEY", "")
        .env("TEMPORAL_TLS_SERVER_CA_CERT_DATA", "")
        .ok()
        .json();
    let settings = &report["settings"];
    assert!(settings.get("api_key").is_none(), "{settings:#}");
    assert!(settings.get("tls_ca").is_none(), "{settings:#}");
    assert_eq!(settings["tls"]["value"], "off", "{settings:#}");
    assert_eq!(settings["tls"]["from"], "default", "{settings:#}");
}

#[test]
fn json_never_contains_the_api_key() {
    let env = Env::new();
    let canary = "doctor-json-canary-7c2e";
    let done = env
        .orca(["doctor", "-o", "json", "--connect-timeout", "5s"])
        .env("TEMPORAL_API_KEY", canary)
        .env("RUST_LOG", "trace")
        .code(6);
    assert_eq!(done.json()["settings"]["api_key"]["value"], "set");
    assert!(
        !done.stdout.contains(canary) && !done.stderr.contains(canary),
        "canary leaked:\n{done}"
    );
}

#[test]
fn with_no_server_it_exits_6_with_the_diagnosis_every_command_gives() {
    let env = Env::offline();
    let done = env.orca(["doctor", "--connect-timeout", "3s"]).code(6);
    let server = line(&done, "server");
    assert!(server.starts_with('✗'), "{done}");
    // The same words as any other command's error, not a second diagnosis.
    let list = env.orca(["list", "--connect-timeout", "3s"]).code(6);
    let said = list
        .stderr
        .lines()
        .next()
        .unwrap()
        .trim_start_matches("error: ");
    assert!(server.ends_with(said), "doctor: {server}\nlist: {said}");
    let hint = list
        .stderr
        .lines()
        .nth(1)
        .unwrap()
        .trim_start_matches("hint: ");
    done.stdout_has(&format!("fix: {hint}"));
    assert!(
        line(&done, "namespace").contains("not checked: needs the server check"),
        "{done}"
    );
    // The diagnosis is said once, in the report; stderr only counts.
    assert!(!done.stderr.contains(said), "said twice:\n{done}");
    done.stderr_has("error: 1 check failed");
}

#[test]
fn json_has_the_settings_and_every_check_in_order() {
    let env = Env::new();
    let _worker = env.worker();
    let report = env.orca(["doctor", "-o", "json"]).ok().json();
    assert_eq!(report["ok"], true, "{report:#}");
    let names: Vec<&str> = report["checks"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["name"].as_str().unwrap())
        .collect();
    assert_eq!(
        names,
        [
            "settings",
            "server",
            "tls",
            "namespace",
            "search_attributes",
            "workers",
            "command_workers",
            "stuck_runs",
            "clock",
            "allowed_signers"
        ]
    );
    let workers = check(&report, "workers");
    assert_eq!(
        (workers["ok"].as_bool(), workers["state"].as_str()),
        (Some(true), Some("ok"))
    );
    assert!(
        workers["finding"]
            .as_str()
            .unwrap()
            .contains(&env.task_queue)
    );
    assert_eq!(report["settings"]["address"]["value"], env.address.as_str());
    assert_eq!(
        report["settings"]["task_queue"]["value"],
        env.task_queue.as_str()
    );
}

#[test]
fn each_setting_says_whether_a_flag_a_variable_the_env_file_or_the_default_set_it() {
    let env = Env::new();
    let file = env.write(".env.temporal", "TEMPORAL_NAMESPACE=default\n");
    let done = env
        .orca(["doctor", "--task-queue", &env.task_queue, "-o", "json"])
        .args(["--env-file", &file.display().to_string()])
        .env_remove("ORCA_IDENTITY")
        .code(1);
    let settings = &done.json()["settings"];
    assert_eq!(settings["address"]["from"], "env", "{settings:#}");
    assert_eq!(settings["address"]["name"], "TEMPORAL_ADDRESS");
    assert_eq!(settings["namespace"]["from"], "env_file");
    assert_eq!(settings["namespace"]["name"], "TEMPORAL_NAMESPACE");
    assert_eq!(settings["namespace"]["file"], file.display().to_string());
    assert_eq!(settings["task_queue"]["from"], "flag");
    assert_eq!(settings["task_queue"]["name"], "--task-queue");
    assert_eq!(settings["identity"]["from"], "default");
    assert_eq!(settings["tls"]["value"], "off");
    let text = env
        .orca(["doctor", "--env-file", &file.display().to_string()])
        .run();
    text.stdout_has(&format!("from TEMPORAL_NAMESPACE in {}", file.display()))
        .stdout_has("from TEMPORAL_ADDRESS");
}

#[test]
fn an_api_key_is_said_to_be_set_and_never_shown() {
    let env = Env::new();
    let secret = "doctor-secret-key-5f1c";
    // A key turns TLS on; the dev server speaks plain gRPC: exit 6, said why.
    let done = env
        .orca(["doctor", "--connect-timeout", "5s"])
        .env("TEMPORAL_API_KEY", secret)
        .code(6);
    let key = done
        .stdout
        .lines()
        .find(|l| l.trim_start().starts_with("API key"))
        .unwrap();
    assert!(
        key.contains("set") && key.contains("from TEMPORAL_API_KEY"),
        "{done}"
    );
    let tls = done
        .stdout
        .lines()
        .find(|l| l.trim_start().starts_with("TLS "))
        .unwrap();
    assert!(
        tls.contains("on") && tls.contains("from TEMPORAL_API_KEY"),
        "{done}"
    );
    done.stdout_has("speaks plain gRPC, not TLS");
    assert!(
        !done.stdout.contains(secret) && !done.stderr.contains(secret),
        "{done}"
    );
}

#[test]
fn a_worker_without_allow_commands_runs_no_command_steps() {
    let env = Env::new();
    let _worker = env.worker();
    let done = env.orca(["doctor"]).ok();
    let commands = line(&done, "command steps");
    assert!(commands.starts_with('–'), "{done}");
    done.stdout_has(&format!(
        "no worker started with --allow-commands polls {}-commands",
        env.task_queue
    ))
    .stdout_has(&format!("--task-queue {} --allow-commands", env.task_queue));
}

#[test]
fn a_worker_with_allow_commands_is_listed_for_command_steps() {
    let env = Env::new();
    let _worker = env.worker_with(&["--allow-commands"]);
    let done = env.orca(["doctor"]).ok();
    let commands = line(&done, "command steps");
    assert!(commands.starts_with('✓'), "{done}");
    assert!(
        commands.contains(&format!(
            "1 worker polls {}-commands (--allow-commands)",
            env.task_queue
        )),
        "{done}"
    );
}

#[test]
fn a_command_step_no_worker_may_take_is_a_stuck_run() {
    let env = Env::new();
    let _worker = env.worker();
    let file = env.pipeline(
        "needs-commands",
        "name = \"needs-commands\"\n[[steps]]\nid = \"build\"\nkind = \"command\"\nargv = [\"true\"]\n",
    );
    let id = env.start(&[&file]);
    let report = poll_for(Duration::from_secs(30), || {
        let report = env.orca(["doctor", "-o", "json"]).run().json();
        match check(&report, "stuck_runs")["state"] == "failed" {
            true => Ok(report),
            false => Err(format!("no stuck run yet: {report:#}")),
        }
    });
    let stuck = check(&report, "stuck_runs");
    assert_eq!(
        stuck["details"][0],
        format!("{id}: step `build` waits for a worker with --allow-commands")
    );
    assert_eq!(
        stuck["fix"],
        format!("see where one waits and why: orca doctor --run {id}")
    );
}

#[test]
fn over_tls_the_server_certificate_and_its_days_left_are_checked() {
    // The test bed's server certificate is valid for one more day.
    let bed = Bed::new(Guard::Tls);
    let _worker = bed.worker(&[]);
    // A warning is not a failure: with a worker every other check passes.
    let done = bed.orca(["doctor"]).args(bed.trust()).ok();
    let tls = line(&done, "TLS");
    assert!(tls.starts_with('!'), "a day left is a warning:\n{done}");
    assert!(
        tls.contains("handshake ok; the server's certificate for temporal.example.com")
            && tls.ends_with("(expires within a day)"),
        "{done}"
    );
    done.stdout_has("fix: the server's operator must renew its certificate")
        .stdout_has("--tls-ca-path");
    assert!(line(&done, "server").starts_with('✓'), "{done}");
    assert!(line(&done, "workers").starts_with('✓'), "{done}");
    // The clock probe's poll goes through the proxy like any worker's.
    assert!(line(&done, "clock").starts_with('✓'), "{done}");
}
