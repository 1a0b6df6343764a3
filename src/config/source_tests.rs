use std::collections::HashMap;

use clap::FromArgMatches;
use temporalio_client::envconfig::DataSource;
use temporalio_common::envconfig::{ClientConfigProfile, ClientConfigTLS};

use super::*;
use crate::cli::{Cli, GlobalArgs};

/// The global options of `orca list ARGS`, parsed as `cli::parse` does.
fn global(args: &[&str]) -> GlobalArgs {
    let argv = ["orca", "list"].iter().chain(args);
    let matches = crate::cli::command().try_get_matches_from(argv).unwrap();
    let mut cli = Cli::from_arg_matches(&matches).unwrap();
    cli.global.given = Given::from_matches(&matches);
    cli.global
}

fn traced(
    global: &GlobalArgs,
    loaded: &ClientConfigProfile,
    resolved: &ClientConfigProfile,
    tls_on: bool,
    vars: &[(&str, &str)],
) -> Sources {
    let vars: HashMap<String, String> = vars
        .iter()
        .map(|(k, v)| (k.to_string(), v.to_string()))
        .collect();
    let var = move |name: &str| vars.get(name).cloned();
    trace(&Inputs {
        global,
        loaded,
        resolved,
        tls_on,
        var: &var,
    })
}

fn with_address(address: &str) -> ClientConfigProfile {
    let mut profile = ClientConfigProfile::default();
    profile.address = Some(address.into());
    profile
}

#[test]
fn a_flag_after_the_command_is_a_flag() {
    let global = global(&["--address", "flag:7233"]);
    let sources = traced(
        &global,
        &Default::default(),
        &with_address("flag:7233"),
        false,
        &[],
    );
    let address = &sources[&Setting::Address];
    assert_eq!(address.value, "flag:7233");
    assert_eq!(address.source, Source::Flag { name: "--address" });
}

#[test]
fn a_variable_is_named_the_seeds_alias_too() {
    let global = global(&[]);
    let vars = [("TEMPORAL_HOST", "seed"), ("TEMPORAL_NAMESPACE", "ns")];
    let sources = traced(
        &global,
        &Default::default(),
        &with_address("seed:7233"),
        false,
        &vars,
    );
    let address = &sources[&Setting::Address];
    assert_eq!(
        address.source,
        Source::Env {
            name: "TEMPORAL_HOST"
        }
    );
    let namespace = &sources[&Setting::Namespace].source;
    assert_eq!(
        namespace,
        &Source::Env {
            name: "TEMPORAL_NAMESPACE"
        }
    );
}

/// The sources of `orca list --profile prod` whose file sets only the address.
fn from_prod_file() -> Sources {
    let global = global(&["--profile", "prod"]);
    let loaded = with_address("file:7233");
    traced(&global, &loaded, &loaded, false, &[])
}

#[test]
fn a_value_from_the_file_is_the_profiles() {
    let address = &from_prod_file()[&Setting::Address].source;
    assert_eq!(
        address,
        &Source::Profile {
            profile: "prod".into()
        }
    );
}

#[test]
fn a_value_nothing_set_is_the_default() {
    let sources = from_prod_file();
    let namespace = &sources[&Setting::Namespace];
    assert_eq!(
        (namespace.value.as_str(), &namespace.source),
        ("default", &Source::Default)
    );
    assert_eq!(sources[&Setting::TaskQueue].source, Source::Default);
}

#[test]
fn tls_nothing_turned_on_is_off_by_default() {
    let tls = &from_prod_file()[&Setting::Tls];
    assert_eq!((tls.value.as_str(), &tls.source), ("off", &Source::Default));
}

#[test]
fn an_api_key_or_tls_file_nothing_set_is_absent() {
    let sources = from_prod_file();
    assert!(!sources.contains_key(&Setting::ApiKey));
    assert!(!sources.contains_key(&Setting::TlsCa));
}

/// A profile with a TLS table (empty unless `ca` is given).
fn with_tls(ca: Option<&str>) -> ClientConfigProfile {
    let mut profile = ClientConfigProfile::default();
    let mut tls = ClientConfigTLS::default();
    tls.server_ca_cert = ca.map(|path| DataSource::Path(path.into()));
    profile.tls = Some(tls);
    profile
}

#[test]
fn temporal_tls_true_is_what_turned_tls_on() {
    let vars = [("TEMPORAL_TLS", "true")];
    let sources = traced(
        &global(&[]),
        &Default::default(),
        &with_tls(None),
        true,
        &vars,
    );
    let name = "TEMPORAL_TLS";
    assert_eq!(sources[&Setting::Tls].source, Source::Env { name });
}

#[test]
fn temporal_tls_false_is_what_turned_tls_off() {
    let vars = [("TEMPORAL_TLS", "false")];
    let sources = traced(
        &global(&[]),
        &Default::default(),
        &with_tls(None),
        false,
        &vars,
    );
    let name = "TEMPORAL_TLS";
    assert_eq!(sources[&Setting::Tls].source, Source::Env { name });
}

#[test]
fn a_tls_path_flag_not_temporal_tls_false_turned_tls_on() {
    let global = global(&["--tls-ca-path", "ca.pem"]);
    let vars = [("TEMPORAL_TLS", "false")];
    let resolved = with_tls(Some("ca.pem"));
    let sources = traced(&global, &Default::default(), &resolved, true, &vars);
    let tls = &sources[&Setting::Tls];
    let name = "--tls-ca-path";
    assert_eq!(
        (tls.value.as_str(), &tls.source),
        ("on", &Source::Flag { name })
    );
}

#[test]
fn temporal_tls_enabled_counts_only_without_temporal_tls() {
    // Neither reads as anything: envconfig ignores `maybe`, and the seeds'
    // name is not read while the official one is set.
    let vars = [("TEMPORAL_TLS", "maybe"), ("TEMPORAL_TLS_ENABLED", "yes")];
    let sources = traced(
        &global(&[]),
        &Default::default(),
        &Default::default(),
        false,
        &vars,
    );
    assert_eq!(sources[&Setting::Tls].source, Source::Default);
}

#[test]
fn an_api_key_is_only_said_to_be_set_and_turns_tls_on() {
    let global = global(&[]);
    let mut resolved = with_address("cloud:7233");
    resolved.api_key = Some("secret-key-material".into());
    let vars = [("TEMPORAL_API_KEY", "secret-key-material")];
    let sources = traced(&global, &Default::default(), &resolved, true, &vars);
    let key = &sources[&Setting::ApiKey];
    assert_eq!(key.value, "set");
    assert_eq!(
        key.source,
        Source::Env {
            name: "TEMPORAL_API_KEY"
        }
    );
    let tls = &sources[&Setting::Tls];
    assert_eq!((tls.value.as_str(), &tls.source), ("on", &key.source));
    let json = serde_json::to_string(&sources).unwrap();
    assert!(!json.contains("secret"), "{json}");
}

#[test]
fn a_tls_file_names_the_seed_variable_that_set_it_and_implies_tls() {
    let global = global(&[]);
    let mut resolved = ClientConfigProfile::default();
    let mut tls = ClientConfigTLS::default();
    tls.client_cert = Some(DataSource::Path("c.pem".into()));
    tls.client_key = Some(DataSource::Data(b"-----BEGIN PRIVATE KEY-----".to_vec()));
    resolved.tls = Some(tls);
    let vars = [
        ("TEMPORAL_TLS_CERT", "c.pem"),
        ("TEMPORAL_TLS_CLIENT_KEY_DATA", "…"),
    ];
    let sources = traced(&global, &Default::default(), &resolved, true, &vars);
    let cert = &sources[&Setting::TlsCert];
    assert_eq!(
        (cert.value.as_str(), &cert.source),
        (
            "c.pem",
            &Source::Env {
                name: "TEMPORAL_TLS_CERT"
            }
        )
    );
    let key = &sources[&Setting::TlsKey];
    assert_eq!(
        key.value, "(given as data)",
        "inline key material is never shown"
    );
    assert_eq!(sources[&Setting::Tls].source, cert.source);
}

#[test]
fn a_source_reads_as_where_to_change_it() {
    let shown = [
        (Source::Flag { name: "--address" }, "--address"),
        (
            Source::Env {
                name: "TEMPORAL_ADDRESS",
            },
            "TEMPORAL_ADDRESS",
        ),
        (
            Source::EnvFile {
                name: "TEMPORAL_ADDRESS",
                file: ".env.temporal".into(),
            },
            "TEMPORAL_ADDRESS in .env.temporal",
        ),
        (
            Source::Profile {
                profile: "prod".into(),
            },
            "temporal.toml profile `prod`",
        ),
        (Source::Default, "default"),
    ];
    for (source, text) in shown {
        assert_eq!(source.to_string(), text);
    }
}
