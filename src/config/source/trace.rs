//! The trace itself: for each setting, the rungs `Settings::resolve`
//! climbs, in its order, and the first that holds. A rung is a flag, a
//! variable (the official name, then the seeds'), the profile's key.

use temporalio_client::envconfig::DataSource;
use temporalio_common::envconfig::{ClientConfigProfile, ClientConfigTLS};

use super::{Setting, Source, Sources, Traced};
use crate::{
    cli::GlobalArgs,
    config::{DEFAULT_ADDRESS, DEFAULT_NAMESPACE, env_file, os_user, seeds::bool_word},
};

/// What the trace reads: the flags, the profile as the file gave it
/// (before the environment's own names and the flags), the profile as
/// resolved, whether the connection uses TLS, and the environment.
pub(in crate::config) struct Inputs<'a> {
    pub global: &'a GlobalArgs,
    pub loaded: &'a ClientConfigProfile,
    pub resolved: &'a ClientConfigProfile,
    pub tls_on: bool,
    pub var: &'a dyn Fn(&str) -> Option<String>,
}

impl Inputs<'_> {
    /// `name`, when set (non-empty): from the environment or the env file.
    fn var(&self, name: &'static str) -> Option<Source> {
        (self.var)(name)?;
        Some(match env_file::set_by_file(name) {
            Some(file) => Source::EnvFile {
                name,
                file: file.to_path_buf(),
            },
            None => Source::Env { name },
        })
    }

    /// The setting's flag, or the variable clap reads into its field.
    /// Without the matches (a `Cli` not made by `cli::parse`), a value the
    /// variable did not give is the flag's.
    fn flag_or_var(&self, setting: Setting) -> Option<Source> {
        let (flag, var) = setting.flag()?;
        match self.global.given.has(setting) {
            true => Some(Source::Flag { name: flag }),
            false => self.var(var).or(self
                .flag_field_set(setting)
                .then_some(Source::Flag { name: flag })),
        }
    }

    /// Whether the flag's field holds a value (the task queue always
    /// does: clap's default, which is not a flag).
    fn flag_field_set(&self, setting: Setting) -> bool {
        let g = self.global;
        match setting {
            Setting::Address => g.address.is_some(),
            Setting::Namespace => g.namespace.is_some(),
            Setting::Tls => g.tls,
            Setting::TlsCa => g.tls_ca_path.is_some(),
            Setting::TlsCert => g.tls_cert_path.is_some(),
            Setting::TlsKey => g.tls_key_path.is_some(),
            Setting::TlsServerName => g.tls_server_name.is_some(),
            Setting::Identity => g.identity.is_some(),
            Setting::TaskQueue | Setting::ApiKey => false,
        }
    }

    /// The profile, when `set` says it holds the value.
    fn profile(&self, set: bool) -> Option<Source> {
        let name = self.global.profile.clone();
        let name = name.or_else(|| (self.var)("TEMPORAL_PROFILE"));
        set.then(|| Source::Profile {
            profile: name.unwrap_or_else(|| "default".into()),
        })
    }

    fn loaded_tls(&self) -> Option<&ClientConfigTLS> {
        self.loaded.tls.as_ref()
    }
}

/// The first rung that holds, else the default.
fn first(rungs: impl IntoIterator<Item = Option<Source>>) -> Source {
    rungs
        .into_iter()
        .flatten()
        .next()
        .unwrap_or(Source::Default)
}

pub(in crate::config) fn trace(inputs: &Inputs) -> Sources {
    let (global, loaded, resolved) = (inputs.global, inputs.loaded, inputs.resolved);
    let mut sources = Sources::new();
    let address = resolved.address.clone();
    let address_from = first([
        inputs.flag_or_var(Setting::Address),
        inputs.var("TEMPORAL_HOST"),
        inputs.profile(loaded.address.is_some()),
        inputs.var("TEMPORAL_CLOUD_NAMESPACE"),
    ]);
    let address = address.unwrap_or(DEFAULT_ADDRESS.into());
    sources.insert(Setting::Address, Traced::new(address, address_from));
    let namespace_from = first([
        inputs.flag_or_var(Setting::Namespace),
        inputs.var("TEMPORAL_CLOUD_NAMESPACE"),
        inputs.profile(loaded.namespace.is_some()),
    ]);
    let namespace = resolved
        .namespace
        .clone()
        .unwrap_or(DEFAULT_NAMESPACE.into());
    sources.insert(Setting::Namespace, Traced::new(namespace, namespace_from));
    let queue_from = first([inputs.flag_or_var(Setting::TaskQueue)]);
    sources.insert(
        Setting::TaskQueue,
        Traced::new(&global.task_queue, queue_from),
    );
    let files = tls_files(inputs);
    let on = if inputs.tls_on { "on" } else { "off" };
    sources.insert(Setting::Tls, Traced::new(on, tls_source(inputs, &files)));
    sources.extend(files);
    if resolved.api_key.is_some() {
        let source = first([
            inputs.var("TEMPORAL_API_KEY"),
            inputs.profile(loaded.api_key.is_some()),
        ]);
        // Never the key, not even a part of it.
        sources.insert(Setting::ApiKey, Traced::new("set", source));
    }
    let identity = global.identity.clone().unwrap_or_else(os_user);
    let identity_from = first([inputs.flag_or_var(Setting::Identity)]);
    sources.insert(Setting::Identity, Traced::new(identity, identity_from));
    sources
}

/// The TLS files and server name in force (whether TLS is on or not: a
/// file set for a connection that does not use it is worth seeing). Each:
/// its flag (or the official `_PATH` variable), the `_DATA` variable, the
/// seeds' names, the profile.
fn tls_files(inputs: &Inputs) -> Vec<(Setting, Traced)> {
    let Some(tls) = inputs.resolved.tls.as_ref() else {
        return Vec::new();
    };
    let loaded = inputs.loaded_tls();
    let in_file = |pick: fn(&ClientConfigTLS) -> bool| inputs.profile(loaded.is_some_and(pick));
    let files = [
        (
            Setting::TlsCa,
            tls.server_ca_cert.as_ref().map(shown),
            &["TEMPORAL_TLS_SERVER_CA_CERT_DATA"][..],
            in_file(|t| t.server_ca_cert.is_some()),
        ),
        (
            Setting::TlsCert,
            tls.client_cert.as_ref().map(shown),
            &[
                "TEMPORAL_TLS_CLIENT_CERT_DATA",
                "TEMPORAL_TLS_CERT",
                "TEMPORAL_CLOUD_CERT_PATH",
            ][..],
            in_file(|t| t.client_cert.is_some()),
        ),
        (
            Setting::TlsKey,
            tls.client_key.as_ref().map(shown),
            &[
                "TEMPORAL_TLS_CLIENT_KEY_DATA",
                "TEMPORAL_TLS_KEY",
                "TEMPORAL_CLOUD_KEY_PATH",
            ][..],
            in_file(|t| t.client_key.is_some()),
        ),
        (
            Setting::TlsServerName,
            tls.server_name.clone(),
            &[][..],
            in_file(|t| t.server_name.is_some()),
        ),
    ];
    files
        .into_iter()
        .filter_map(|(setting, value, vars, profile)| {
            let rungs = std::iter::once(inputs.flag_or_var(setting))
                .chain(vars.iter().map(|name| inputs.var(name)))
                .chain([profile]);
            Some((setting, Traced::new(value?, first(rungs))))
        })
        .collect()
}

/// A file's path; material given inline is never echoed (it may be a key).
fn shown(source: &DataSource) -> String {
    match source {
        DataSource::Path(path) => path.clone(),
        _ => "(given as data)".into(),
    }
}

/// What turned TLS on (or off): `--tls` or a variable saying so, else a
/// TLS file or name (which imply it), the profile's `tls` table, the API
/// key (which implies it), the seeds' Cloud namespace; off by default.
fn tls_source(inputs: &Inputs, files: &[(Setting, Traced)]) -> Source {
    let said = said_tls(inputs, inputs.tls_on);
    if !inputs.tls_on {
        let off_in_file = inputs
            .loaded_tls()
            .is_some_and(|t| t.disabled == Some(true));
        return first(said.into_iter().chain([inputs.profile(off_in_file)]));
    }
    let implied = files.iter().map(|(_, traced)| Some(traced.source.clone()));
    first(said.into_iter().chain(implied).chain([
        inputs.profile(inputs.loaded_tls().is_some()),
        inputs.var("TEMPORAL_API_KEY"),
        inputs.profile(inputs.loaded.api_key.is_some()),
        inputs.var("TEMPORAL_CLOUD_NAMESPACE"),
    ]))
}

/// The flag or variables that say TLS is `on` (or off). A variable says
/// so only when its value parses as that: a TLS path forces TLS on even
/// over `TEMPORAL_TLS=false`, and then the path turned it on.
fn said_tls(inputs: &Inputs, on: bool) -> [Option<Source>; 3] {
    let says = |name: &'static str, parse: fn(&str) -> Option<bool>| {
        let value = (inputs.var)(name)?;
        (parse(&value)? == on).then(|| inputs.var(name)).flatten()
    };
    // The seeds' name counts only when the official one is unset
    // (`seeds::apply`).
    let enabled = match (inputs.var)("TEMPORAL_TLS") {
        Some(_) => None,
        None => says("TEMPORAL_TLS_ENABLED", bool_word),
    };
    [
        (on && inputs.global.tls).then_some(Source::Flag { name: "--tls" }),
        says("TEMPORAL_TLS", envconfig_bool),
        enabled,
    ]
}

/// `TEMPORAL_TLS` as envconfig reads it: these four words, any case;
/// anything else it ignores.
fn envconfig_bool(value: &str) -> Option<bool> {
    match value.to_ascii_lowercase().as_str() {
        "true" | "1" => Some(true),
        "false" | "0" => Some(false),
        _ => None,
    }
}
