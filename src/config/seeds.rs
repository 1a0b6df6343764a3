//! The names Python Temporal setups read, honoured as they are so a team's
//! environment works unchanged (README "Global options" lists each with the
//! official name that wins over it). They rank with the environment: over a
//! profile, under the official `TEMPORAL_*` name and any flag.

use temporalio_client::envconfig::DataSource;
use temporalio_common::envconfig::{ClientConfigProfile, ClientConfigTLS};

use crate::{Error, Result};

/// Seed names of variables clap reads itself (worker tuning), each beside
/// orca's name; the Python SDK's `max_concurrent_workflow_tasks` is the
/// seeds' spelling.
const CLAP_ALIASES: &[(&str, &str)] = &[(
    "TEMPORAL_MAX_CONCURRENT_WORKFLOW_TASKS",
    "TEMPORAL_MAX_CONCURRENT_WORKFLOWS",
)];

/// Gives each seed alias's value to orca's name when that is unset (so
/// orca's name wins), before clap reads the environment.
///
/// # Safety
/// No other thread may exist yet: it sets process environment.
pub unsafe fn alias_variables() {
    for (alias, name) in CLAP_ALIASES {
        if std::env::var_os(name).is_none()
            && let Some(value) = std::env::var_os(alias)
        {
            // SAFETY: the caller guarantees no other thread exists yet.
            unsafe { std::env::set_var(name, value) };
        }
    }
}

/// Temporal Cloud's endpoint for a namespace (`<ns>.<account>`), the one
/// the seeds connect to when only `TEMPORAL_CLOUD_NAMESPACE` is set.
pub fn cloud_endpoint(namespace: &str) -> String {
    format!("{namespace}.tmprl.cloud:7233")
}

/// Applies the seed names found by `var` to `profile`.
pub fn apply(
    profile: &mut ClientConfigProfile,
    var: &dyn Fn(&str) -> Option<String>,
) -> Result<()> {
    if var("TEMPORAL_NAMESPACE").is_none()
        && let Some(namespace) = var("TEMPORAL_CLOUD_NAMESPACE")
    {
        profile.namespace = Some(namespace);
    }
    if var("TEMPORAL_TLS").is_none()
        && let Some(enabled) = var("TEMPORAL_TLS_ENABLED")
    {
        let on = parse_bool("TEMPORAL_TLS_ENABLED", &enabled)?;
        profile
            .tls
            .get_or_insert_with(ClientConfigTLS::default)
            .disabled = Some(!on);
    }
    let official =
        |name: &str| var(&format!("{name}_PATH")).or_else(|| var(&format!("{name}_DATA")));
    let cert = var("TEMPORAL_TLS_CERT").or_else(|| var("TEMPORAL_CLOUD_CERT_PATH"));
    if official("TEMPORAL_TLS_CLIENT_CERT").is_none()
        && let Some(path) = cert
    {
        profile
            .tls
            .get_or_insert_with(ClientConfigTLS::default)
            .client_cert = Some(DataSource::Path(path));
    }
    let key = var("TEMPORAL_TLS_KEY").or_else(|| var("TEMPORAL_CLOUD_KEY_PATH"));
    if official("TEMPORAL_TLS_CLIENT_KEY").is_none()
        && let Some(path) = key
    {
        profile
            .tls
            .get_or_insert_with(ClientConfigTLS::default)
            .client_key = Some(DataSource::Path(path));
    }
    Ok(())
}

/// With no address from any source, `TEMPORAL_CLOUD_NAMESPACE` names the
/// Cloud endpoint, over TLS (unless TLS was turned off by name).
pub fn cloud_address(profile: &mut ClientConfigProfile, var: &dyn Fn(&str) -> Option<String>) {
    if profile.address.is_some() {
        return;
    }
    let Some(namespace) = var("TEMPORAL_CLOUD_NAMESPACE") else {
        return;
    };
    profile.address = Some(cloud_endpoint(&namespace));
    profile.tls.get_or_insert_with(ClientConfigTLS::default);
}

fn parse_bool(name: &str, value: &str) -> Result<bool> {
    bool_word(value).ok_or_else(|| Error::ConnectionConfig {
        message: format!("{name} is `{value}`; expected true or false"),
    })
}

/// `TEMPORAL_TLS_ENABLED`'s words as the seeds take them, any case.
pub(super) fn bool_word(value: &str) -> Option<bool> {
    match value.to_ascii_lowercase().as_str() {
        "true" | "1" | "yes" | "on" => Some(true),
        "false" | "0" | "no" | "off" => Some(false),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use std::collections::HashMap;

    use super::*;

    fn applied(vars: &[(&str, &str)]) -> ClientConfigProfile {
        let vars: HashMap<String, String> = vars
            .iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect();
        let var = move |name: &str| vars.get(name).cloned();
        let mut profile = ClientConfigProfile::default();
        apply(&mut profile, &var).unwrap();
        cloud_address(&mut profile, &var);
        profile
    }

    fn cert(profile: &ClientConfigProfile) -> Option<DataSource> {
        profile.tls.as_ref()?.client_cert.clone()
    }

    #[test]
    fn tls_enabled_turns_tls_on() {
        let profile = applied(&[("TEMPORAL_TLS_ENABLED", "true")]);
        assert_eq!(profile.tls.unwrap().disabled, Some(false));
    }

    #[test]
    fn the_official_tls_name_wins_over_tls_enabled() {
        let profile = applied(&[("TEMPORAL_TLS_ENABLED", "true"), ("TEMPORAL_TLS", "false")]);
        assert_eq!(profile.tls, None);
    }

    #[test]
    fn tls_cert_and_key_name_the_client_pair() {
        let profile = applied(&[
            ("TEMPORAL_TLS_CERT", "c.pem"),
            ("TEMPORAL_TLS_KEY", "k.pem"),
        ]);
        assert_eq!(cert(&profile), Some(DataSource::Path("c.pem".into())));
        assert_eq!(
            profile.tls.unwrap().client_key,
            Some(DataSource::Path("k.pem".into()))
        );
    }

    #[test]
    fn the_official_cert_path_wins_over_the_seed_names() {
        let profile = applied(&[
            ("TEMPORAL_TLS_CERT", "seed.pem"),
            ("TEMPORAL_TLS_CLIENT_CERT_PATH", "official.pem"),
        ]);
        assert_eq!(cert(&profile), None, "left for envconfig to read");
    }

    #[test]
    fn cloud_cert_path_is_read_when_tls_cert_is_not() {
        let profile = applied(&[("TEMPORAL_CLOUD_CERT_PATH", "cloud.pem")]);
        assert_eq!(cert(&profile), Some(DataSource::Path("cloud.pem".into())));
    }

    #[test]
    fn a_cloud_namespace_alone_names_its_endpoint_over_tls() {
        let profile = applied(&[("TEMPORAL_CLOUD_NAMESPACE", "prod.a1b2c")]);
        assert_eq!(
            profile.address.as_deref(),
            Some("prod.a1b2c.tmprl.cloud:7233")
        );
        assert_eq!(profile.namespace.as_deref(), Some("prod.a1b2c"));
        assert!(profile.tls.is_some());
    }

    #[test]
    fn a_cloud_namespace_does_not_override_the_official_namespace() {
        let profile = applied(&[
            ("TEMPORAL_CLOUD_NAMESPACE", "prod.a1b2c"),
            ("TEMPORAL_NAMESPACE", "other"),
        ]);
        assert_eq!(profile.namespace, None, "left for the flag / envconfig");
    }

    #[test]
    fn tls_enabled_that_is_not_a_boolean_is_refused() {
        let mut profile = ClientConfigProfile::default();
        let var = |name: &str| (name == "TEMPORAL_TLS_ENABLED").then(|| "maybe".to_string());
        assert!(apply(&mut profile, &var).is_err());
    }
}
