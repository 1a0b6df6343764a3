//! `--env-file FILE` and the seeds' worker variables: a file of the
//! seeds' variables (`.env.temporal`) read as if set in the environment,
//! the environment winning over it; no `.env` read unless named.

use crate::common::*;

/// Writes `text` as `name` in the env's directory and returns its path.
fn write(env: &Env, name: &str, text: &str) -> String {
    env.write(name, text).display().to_string()
}

/// An address nothing listens on.
fn nowhere() -> String {
    format!("127.0.0.1:{}", free_port())
}

#[test]
fn the_address_comes_from_the_env_file() {
    let env = Env::new();
    let file = write(
        &env,
        ".env.temporal",
        &format!("TEMPORAL_ADDRESS={}\n", env.address),
    );
    env.orca(["list", "--limit", "1", "--env-file", &file])
        .env_remove("TEMPORAL_ADDRESS")
        .ok();
}

#[test]
fn the_seeds_host_form_is_read_from_the_env_file() {
    let env = Env::new();
    let (host, port) = env.address.rsplit_once(':').unwrap();
    let text =
        format!("# seeds\nexport TEMPORAL_HOST=\"{host}\"\nTEMPORAL_PORT={port} # frontend\n");
    let file = write(&env, ".env.temporal", &text);
    env.orca(["list", "--limit", "1", "--env-file", &file])
        .env_remove("TEMPORAL_ADDRESS")
        .ok();
}

#[test]
fn the_environment_wins_over_the_env_file() {
    let env = Env::new();
    let file = write(
        &env,
        "bad.env",
        &format!("TEMPORAL_ADDRESS={}\n", nowhere()),
    );
    env.orca(["list", "--limit", "1", "--env-file", &file]).ok();
}

#[test]
fn a_flag_wins_over_the_env_file() {
    let env = Env::new();
    let file = write(
        &env,
        "bad.env",
        &format!("TEMPORAL_ADDRESS={}\n", nowhere()),
    );
    env.orca(["list", "--limit", "1", "--address", &env.address])
        .args(["--env-file", &file])
        .env_remove("TEMPORAL_ADDRESS")
        .ok();
}

#[test]
fn an_address_from_the_env_file_is_used_when_it_is_wrong_too() {
    let env = Env::new();
    let file = write(
        &env,
        "bad.env",
        &format!("TEMPORAL_ADDRESS={}\n", nowhere()),
    );
    env.orca(["list", "--connect-timeout", "2s", "--env-file", &file])
        .env_remove("TEMPORAL_ADDRESS")
        .code(6)
        .stderr_has("cannot reach Temporal");
}

#[test]
fn a_dot_env_in_the_working_directory_is_not_read() {
    let env = Env::new();
    // A name the test's environment does not set, which would fail if read.
    write(&env, ".env", "TEMPORAL_NAMESPACE=no-such-namespace\n");
    env.orca(["list", "--limit", "1"])
        .current_dir(env.dir.path())
        .ok();
}

#[test]
fn a_name_given_twice_takes_its_last_value() {
    let env = Env::new();
    let text = format!(
        "TEMPORAL_ADDRESS={}\nTEMPORAL_ADDRESS={}\n",
        nowhere(),
        env.address
    );
    let file = write(&env, "twice.env", &text);
    env.orca(["list", "--limit", "1", "--env-file", &file])
        .env_remove("TEMPORAL_ADDRESS")
        .ok();
}

#[test]
fn an_empty_namespace_in_the_env_file_reads_as_unset() {
    let env = Env::new();
    let file = write(&env, "blank.env", "TEMPORAL_NAMESPACE=\n");
    env.orca(["list", "--limit", "1", "--env-file", &file]).ok();
}

#[test]
fn a_missing_env_file_is_exit_2() {
    let env = Env::new();
    env.orca(["list", "--env-file", "no-such.env"])
        .code(2)
        .clean_error()
        .stderr_has("env file no-such.env cannot be read");
}

#[test]
fn a_bad_line_is_exit_2_naming_the_line_not_its_value() {
    let env = Env::new();
    let file = write(
        &env,
        "bad.env",
        "TEMPORAL_NAMESPACE=x\nTEMPORAL_API_KEY=\"s3cret-canary\n",
    );
    let done = env.orca(["list", "--env-file", &file]).code(2);
    done.clean_error()
        .stderr_has(": line 2 has a quote that is never closed")
        .stderr_has("hint: each line is NAME=VALUE");
    assert!(!done.stderr.contains("s3cret-canary"), "{done}");
}

/// The slots a worker started with `args` and `vars` says it took (its
/// `worker started` line).
fn slots_of(env: &Env, args: &[&str], vars: &[(&str, &str)]) -> String {
    let mut command = env.worker_command(args);
    command.envs(vars.iter().copied());
    let worker = Worker::spawn(command, "worker started");
    let log = worker.log();
    let line = log.lines().find(|l| l.contains("worker started"));
    let slots = line.and_then(|l| l.split("slots=").nth(1));
    slots
        .map(str::to_string)
        .unwrap_or_else(|| panic!("no slots in:\n{log}"))
}

#[test]
fn the_worker_reads_its_tuning_from_the_env_file() {
    let env = Env::new();
    let file = write(&env, "worker.env", "TEMPORAL_MAX_CONCURRENT_ACTIVITIES=3\n");
    let slots = slots_of(&env, &["--env-file", &file], &[]);
    assert!(
        slots.starts_with("100 workflow tasks, 3 activities"),
        "{slots}"
    );
}

#[test]
fn the_python_sdks_workflow_task_name_sets_the_workflow_slots() {
    let env = Env::new();
    let slots = slots_of(
        &env,
        &[],
        &[("TEMPORAL_MAX_CONCURRENT_WORKFLOW_TASKS", "7")],
    );
    assert!(
        slots.starts_with("7 workflow tasks, 100 activities"),
        "{slots}"
    );
}

#[test]
fn orcas_workflow_slot_name_wins_over_the_python_sdks() {
    let env = Env::new();
    let vars = [
        ("TEMPORAL_MAX_CONCURRENT_WORKFLOW_TASKS", "7"),
        ("TEMPORAL_MAX_CONCURRENT_WORKFLOWS", "9"),
    ];
    let slots = slots_of(&env, &[], &vars);
    assert!(slots.starts_with("9 workflow tasks"), "{slots}");
}

#[test]
fn the_activity_slots_come_from_the_environment() {
    let env = Env::new();
    let slots = slots_of(&env, &[], &[("TEMPORAL_MAX_CONCURRENT_ACTIVITIES", "4")]);
    assert!(
        slots.starts_with("100 workflow tasks, 4 activities"),
        "{slots}"
    );
}

#[test]
fn an_empty_api_key_in_the_env_file_does_not_turn_tls_on() {
    let env = Env::new();
    let file = write(
        &env,
        "template.env",
        "TEMPORAL_API_KEY=\nTEMPORAL_TLS_CERT=\n",
    );
    env.orca(["list", "--limit", "1", "--env-file", &file]).ok();
}
