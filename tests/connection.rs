//! Connection settings: flags, TEMPORAL_* variables and temporal.toml
//! profiles, with the precedence flag > environment > profile > default.

use std::time::Duration;

use crate::common::*;

/// A command aimed at the shared server only through what the test sets.
fn bare(env: &Env) -> Run {
    env.orca(["status", "no-such-run"])
        .env_remove("TEMPORAL_ADDRESS")
}

fn closed_address() -> String {
    format!("127.0.0.1:{}", free_port())
}

#[test]
fn profile_from_the_default_config_file_is_used() {
    let env = Env::new();
    let dir = env.path("config/temporalio");
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(
        dir.join("temporal.toml"),
        format!("[profile.default]\naddress = \"{}\"\n", env.address),
    )
    .unwrap();
    // Reaching the server means "no such run" (5), not "unreachable" (6).
    bare(&env).code(5);
}

#[test]
fn named_profile_and_config_file_variable() {
    let env = Env::new();
    let file = env.write(
        "custom.toml",
        &format!(
            "[profile.default]\naddress = \"{}\"\n\n[profile.staging]\naddress = \"{}\"\nnamespace = \"default\"\n",
            closed_address(),
            env.address
        ),
    );
    bare(&env).env("TEMPORAL_CONFIG_FILE", &file).code(6);
    bare(&env)
        .env("TEMPORAL_CONFIG_FILE", &file)
        .arg("--profile")
        .arg("staging")
        .code(5);
    bare(&env)
        .env("TEMPORAL_CONFIG_FILE", &file)
        .env("TEMPORAL_PROFILE", "staging")
        .code(5);
    bare(&env)
        .arg("--config-file")
        .arg(&file)
        .arg("--profile")
        .arg("staging")
        .code(5);
    bare(&env)
        .arg("--config-file")
        .arg(&file)
        .arg("--profile")
        .arg("nope")
        .code(2)
        .clean_error()
        .stderr_has("nope");
}

#[test]
fn flag_beats_environment_beats_profile() {
    let env = Env::new();
    let file = env.write(
        "p.toml",
        &format!("[profile.default]\naddress = \"{}\"\n", env.address),
    );
    // Environment over profile: the env's closed port wins.
    bare(&env)
        .env("TEMPORAL_CONFIG_FILE", &file)
        .env("TEMPORAL_ADDRESS", closed_address())
        .code(6);
    // Flag over environment: the flag's good address wins.
    bare(&env)
        .env("TEMPORAL_CONFIG_FILE", &file)
        .env("TEMPORAL_ADDRESS", closed_address())
        .arg("--address")
        .arg(&env.address)
        .code(5);
}

#[test]
fn temporal_host_and_port_are_accepted() {
    let env = Env::new();
    let (host, port) = env.address.split_once(':').unwrap();
    bare(&env)
        .env("TEMPORAL_HOST", host)
        .env("TEMPORAL_PORT", port)
        .code(5);
    // TEMPORAL_ADDRESS wins over the older pair.
    bare(&env)
        .env("TEMPORAL_HOST", host)
        .env("TEMPORAL_PORT", free_port().to_string())
        .env("TEMPORAL_ADDRESS", &env.address)
        .code(5);
}

#[test]
fn namespace_from_flag_env_and_profile() {
    let env = Env::new();
    env.orca(["status", "x", "--namespace", "nope"])
        .code(5)
        .clean_error()
        .stderr_has("namespace `nope` does not exist");
    env.orca(["status", "x"])
        .env("TEMPORAL_NAMESPACE", "nope2")
        .code(5)
        .stderr_has("namespace `nope2`");
    let file = env.write(
        "ns.toml",
        &format!(
            "[profile.default]\naddress = \"{}\"\nnamespace = \"nope3\"\n",
            env.address
        ),
    );
    bare(&env)
        .env("TEMPORAL_CONFIG_FILE", &file)
        .code(5)
        .stderr_has("namespace `nope3`");
}

#[test]
fn unreachable_server_fails_within_the_connect_timeout() {
    let env = Env::new();
    let done = env
        .orca([
            "status",
            "x",
            "--address",
            &closed_address(),
            "--connect-timeout",
            "2s",
        ])
        .run_within(Duration::from_secs(10));
    assert_eq!(done.code, 6, "{done}");
    done.clean_error()
        .stderr_has("hint: is a server running? try: orca dev");
    assert!(done.elapsed < Duration::from_secs(6), "{:?}", done.elapsed);

    // A host that never answers (non-routable) is bounded by --connect-timeout.
    let done = env
        .orca([
            "status",
            "x",
            "--address",
            "10.255.255.1:7233",
            "--connect-timeout",
            "1s",
        ])
        .run_within(Duration::from_secs(10));
    assert_eq!(done.code, 6, "{done}");
    assert!(done.elapsed < Duration::from_secs(6), "{:?}", done.elapsed);
}

#[test]
fn tls_settings_are_checked_with_clear_messages() {
    let env = Env::new();
    env.orca([
        "status",
        "x",
        "--tls-cert-path",
        "/no/such/cert.pem",
        "--tls-key-path",
        "/no/such/key.pem",
    ])
    .code(2)
    .clean_error()
    .stderr_has("client certificate /no/such/cert.pem cannot be read")
    .stderr_has("hint: it is set by --tls-cert-path");
    let not_pem = env.write("cert.txt", "this is not a certificate");
    env.orca(["status", "x", "--tls-cert-path"])
        .arg(&not_pem)
        .arg("--tls-key-path")
        .arg(&not_pem)
        .code(2)
        .clean_error()
        .stderr_has("holds no certificate");
    let pem = env.write(
        "ca.pem",
        "-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n",
    );
    env.orca(["status", "x", "--tls-cert-path"])
        .arg(&pem)
        .code(2)
        .clean_error()
        .stderr_has("needs both a client certificate and its key");
    // The same checks apply to the environment variables.
    env.orca(["status", "x"])
        .env("TEMPORAL_TLS_SERVER_CA_CERT_PATH", "/no/such/ca.pem")
        .code(2)
        .stderr_has("/no/such/ca.pem");
    // TLS against a plaintext server says so.
    env.orca(["status", "x", "--tls"])
        .code(6)
        .clean_error()
        .stderr_has("speaks plain gRPC, not TLS");
}

#[test]
fn api_key_is_never_echoed() {
    let env = Env::new();
    let canary = "orca-canary-secret-5f1e";
    for args in [
        vec!["status", "x"],
        vec!["status", "x", "-o", "json"],
        vec!["approve", "x"],
    ] {
        let done = env
            .orca(&args)
            .env("TEMPORAL_API_KEY", canary)
            .env("RUST_LOG", "trace")
            .run();
        assert_eq!(
            done.code, 6,
            "an API key implies TLS, which the dev server lacks\n{done}"
        );
        assert!(
            !done.stdout.contains(canary) && !done.stderr.contains(canary),
            "canary leaked:\n{done}"
        );
    }
}

#[test]
fn a_variable_set_to_nothing_is_unset() {
    let env = Env::new();
    // A `.env.temporal` template leaves these blank: a blank API key or TLS
    // setting must not turn TLS on against a plaintext server.
    env.orca(["list"])
        .env("TEMPORAL_API_KEY", "")
        .env("TEMPORAL_TLS", "")
        .env("TEMPORAL_TLS_SERVER_CA_CERT_DATA", "")
        .ok();
}

#[test]
fn a_blank_variable_clap_reads_is_unset_too() {
    let env = Env::new();
    env.orca(["list"])
        .env("TEMPORAL_TLS_SERVER_CA_CERT_PATH", "")
        .env("TEMPORAL_TLS_SERVER_NAME", "")
        .env("ORCA_IDENTITY", "")
        .ok();
}
