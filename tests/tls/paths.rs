//! Every way of saying "TLS" reaches the server through the proxy: flags,
//! the official variables, a profile written by `temporal config set`, the
//! seed setups' names, API keys, and the worker as well as the clients.

use std::time::Duration;

use serde_json::Value;

use super::*;

/// `orca list -o json` through the bed: the proof a connection worked.
#[track_caller]
fn lists(run: Run) -> Done {
    let done = run.args(["list", "-o", "json"]).code(0);
    assert!(done.json().is_array(), "{done}");
    done
}

#[test]
fn server_tls_with_a_ca_path_and_a_server_name() {
    let bed = Bed::new(Guard::Tls);
    lists(bed.orca(["--tls"]).args(bed.trust()));
}

#[test]
fn mtls_with_flags() {
    let bed = Bed::new(Guard::MutualTls);
    lists(bed.orca(bed.trust()).args(bed.identity()));
}

#[test]
fn mtls_from_the_temporal_tls_variables() {
    let bed = Bed::new(Guard::MutualTls);
    let run = bed
        .orca(Vec::<String>::new())
        .env("TEMPORAL_TLS", "true")
        .env("TEMPORAL_TLS_SERVER_CA_CERT_PATH", bed.pki.ca_path())
        .env("TEMPORAL_TLS_SERVER_NAME", NAME)
        .env("TEMPORAL_TLS_CLIENT_CERT_PATH", &bed.client.cert)
        .env("TEMPORAL_TLS_CLIENT_KEY_PATH", &bed.client.key);
    lists(run);
}

#[test]
fn mtls_from_a_profile_written_by_temporal_config_set() {
    let bed = Bed::new(Guard::MutualTls);
    let ca = bed.pki.ca_path().display().to_string();
    let cert = bed.client.cert.display().to_string();
    let key = bed.client.key.display().to_string();
    for (prop, value) in [
        ("address", bed.proxy.address()),
        ("tls.server_ca_cert_path", ca),
        ("tls.server_name", NAME.to_string()),
        ("tls.client_cert_path", cert),
        ("tls.client_key_path", key),
    ] {
        bed.temporal_config_set("bed", prop, &value);
    }
    let run = bed
        .orca(["--profile", "bed"])
        .env_remove("TEMPORAL_ADDRESS")
        .env("TEMPORAL_CONFIG_FILE", bed.env.path("temporal.toml"));
    lists(run);
}

#[test]
fn mtls_from_the_seed_setups_tls_names() {
    let bed = Bed::new(Guard::MutualTls);
    let run = bed
        .orca(Vec::<String>::new())
        .env("TEMPORAL_TLS_ENABLED", "true")
        .env("TEMPORAL_TLS_CERT", &bed.client.cert)
        .env("TEMPORAL_TLS_KEY", &bed.client.key)
        .env("TEMPORAL_TLS_SERVER_CA_CERT_PATH", bed.pki.ca_path())
        .env("TEMPORAL_TLS_SERVER_NAME", NAME);
    lists(run);
}

#[test]
fn mtls_from_the_seed_setups_cloud_names() {
    let bed = Bed::new(Guard::MutualTls);
    let run = bed
        .orca(bed.trust())
        .env("TEMPORAL_CLOUD_CERT_PATH", &bed.client.cert)
        .env("TEMPORAL_CLOUD_KEY_PATH", &bed.client.key);
    lists(run);
}

#[test]
fn an_api_key_from_the_environment_is_accepted_and_never_shown() {
    let bed = Bed::new(Guard::ApiKey(KEY.into()));
    let run = bed
        .orca(bed.trust())
        .env("TEMPORAL_API_KEY", KEY)
        .env("RUST_LOG", "trace");
    let done = lists(run);
    assert_no_key("list", &format!("{}{}", done.stdout, done.stderr));
}

#[test]
fn an_api_key_from_a_profile_is_accepted_and_never_shown() {
    let bed = Bed::new(Guard::ApiKey(KEY.into()));
    bed.temporal_config_set("cloud", "api_key", KEY);
    let run = bed
        .orca(bed.trust())
        .args(["--profile", "cloud"])
        .env("TEMPORAL_CONFIG_FILE", bed.env.path("temporal.toml"))
        .env("RUST_LOG", "trace");
    let done = lists(run);
    assert_no_key("list", &format!("{}{}", done.stdout, done.stderr));
}

/// The sample, start to end, with the worker and every client command
/// going through the proxy: start, status, list, approve, watch.
fn sample_runs_to_completion(bed: &Bed, client: &[String], id: &str) -> String {
    let client = |args: &[&str]| bed.orca(client).args(args);
    client(&["start", "sample", "--input", "task=ship", "--id", id]).code(0);
    poll_for(Duration::from_secs(30), || {
        let done = client(&["status", id, "-o", "json"]).run();
        let status: Value = serde_json::from_str(&done.stdout).map_err(|_| done.to_string())?;
        (status["phase"] == "awaiting_approval")
            .then_some(())
            .ok_or_else(|| format!("phase {}", status["phase"]))
    });
    let listed = client(&["list", "-o", "json"]).code(0).json();
    assert!(
        listed
            .as_array()
            .unwrap()
            .iter()
            .any(|r| r["workflow_id"] == id),
        "{listed:#}"
    );
    client(&["approve", id, "--as", "alice"]).code(0);
    let watched = client(&["watch", id]).code(0);
    assert!(watched.stdout.contains("completed"), "{watched}");
    format!("{}{}", watched.stdout, watched.stderr)
}

#[test]
fn a_worker_over_mtls_runs_the_sample_to_completion() {
    let bed = Bed::new(Guard::MutualTls);
    let cert = bed.client.cert.display().to_string();
    let key = bed.client.key.display().to_string();
    let _worker = bed.worker(&[
        ("TEMPORAL_TLS_CLIENT_CERT_PATH", &cert),
        ("TEMPORAL_TLS_CLIENT_KEY_PATH", &key),
    ]);
    let client: Vec<String> = [bed.trust(), bed.identity()].concat();
    sample_runs_to_completion(&bed, &client, "tls-mtls-sample");
}

#[test]
fn a_worker_with_an_api_key_runs_the_sample_and_never_logs_the_key() {
    let bed = Bed::new(Guard::ApiKey(KEY.into()));
    let worker = bed.worker(&[("TEMPORAL_API_KEY", KEY)]);
    let client = bed.trust();
    let run = |args: &[&str]| bed.orca(&client).args(args).env("TEMPORAL_API_KEY", KEY);
    run(&[
        "start",
        "sample",
        "--input",
        "task=ship",
        "--id",
        "tls-key-sample",
    ])
    .code(0);
    run(&["approve", "tls-key-sample", "--as", "alice"]).code(0);
    let watched = run(&["watch", "tls-key-sample"]).code(0);
    assert!(watched.stdout.contains("completed"), "{watched}");
    assert_no_key("watch", &format!("{}{}", watched.stdout, watched.stderr));
    assert_no_key("the worker's log", &worker.log());
}

#[test]
fn schedule_create_through_the_proxy() {
    let bed = Bed::new(Guard::ApiKey(KEY.into()));
    let run = |args: &[&str]| {
        bed.orca(bed.trust())
            .args(args)
            .env("TEMPORAL_API_KEY", KEY)
            .env("RUST_LOG", "trace")
    };
    let name = format!("tls-{}", bed.env.task_queue);
    let created = run(&[
        "schedule",
        "create",
        &name,
        "sample",
        "--every",
        "1h",
        "--input",
        "task=nightly",
    ])
    .code(0);
    assert_no_key(
        "schedule create",
        &format!("{}{}", created.stdout, created.stderr),
    );
    let listed = run(&["schedule", "list", "-o", "json"]).code(0);
    assert!(listed.stdout.contains(&name), "{listed}");
    run(&["schedule", "delete", &name, "--yes"]).code(0);
}
