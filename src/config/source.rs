//! Where each connection setting in force came from — a flag, a variable
//! (set in the environment or by `--env-file`), the `temporal.toml`
//! profile, or orca's default — for `orca doctor`. Traced beside
//! `Settings::resolve`, rung by rung in the same precedence (flag >
//! environment > profile > default, the seeds' names under the official
//! ones); a secret's value is never kept, only that it is set.

use std::{collections::BTreeSet, path::PathBuf};

use serde::Serialize;

mod trace;
pub(super) use trace::{Inputs, trace};

/// A setting `orca doctor` reports, in the order it shows them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Setting {
    Address,
    Namespace,
    TaskQueue,
    Tls,
    TlsCa,
    TlsCert,
    TlsKey,
    TlsServerName,
    ApiKey,
    Identity,
}

impl Setting {
    /// Its flag and the variable clap reads into the same field, when it
    /// has a flag (the API key never does: it would show in `ps`).
    pub fn flag(self) -> Option<(&'static str, &'static str)> {
        Some(match self {
            Setting::Address => ("--address", "TEMPORAL_ADDRESS"),
            Setting::Namespace => ("--namespace", "TEMPORAL_NAMESPACE"),
            Setting::TaskQueue => ("--task-queue", "TEMPORAL_TASK_QUEUE"),
            // No variable of clap's: envconfig reads TEMPORAL_TLS.
            Setting::Tls => ("--tls", "TEMPORAL_TLS"),
            Setting::TlsCa => ("--tls-ca-path", "TEMPORAL_TLS_SERVER_CA_CERT_PATH"),
            Setting::TlsCert => ("--tls-cert-path", "TEMPORAL_TLS_CLIENT_CERT_PATH"),
            Setting::TlsKey => ("--tls-key-path", "TEMPORAL_TLS_CLIENT_KEY_PATH"),
            Setting::TlsServerName => ("--tls-server-name", "TEMPORAL_TLS_SERVER_NAME"),
            Setting::Identity => ("--identity", "ORCA_IDENTITY"),
            Setting::ApiKey => return None,
        })
    }

    /// How a person reads it.
    pub fn label(self) -> &'static str {
        match self {
            Setting::Address => "address",
            Setting::Namespace => "namespace",
            Setting::TaskQueue => "task queue",
            Setting::Tls => "TLS",
            Setting::TlsCa => "TLS server CA",
            Setting::TlsCert => "TLS client cert",
            Setting::TlsKey => "TLS client key",
            Setting::TlsServerName => "TLS server name",
            Setting::ApiKey => "API key",
            Setting::Identity => "identity",
        }
    }

    const ALL: [Setting; 10] = [
        Setting::Address,
        Setting::Namespace,
        Setting::TaskQueue,
        Setting::Tls,
        Setting::TlsCa,
        Setting::TlsCert,
        Setting::TlsKey,
        Setting::TlsServerName,
        Setting::ApiKey,
        Setting::Identity,
    ];
}

/// The settings whose flag was on the command line. clap folds a flag's
/// variable into the same field, so only its matches tell the two apart;
/// `cli::parse` fills this in from them.
#[derive(Debug, Clone, Default)]
pub struct Given(BTreeSet<Setting>);

impl Given {
    pub fn from_matches(matches: &clap::ArgMatches) -> Given {
        // clap's id of `--task-queue` is its field's name, `task_queue`.
        let on_line = |setting: &Setting| {
            setting.flag().is_some_and(|(flag, _)| {
                let id = flag.trim_start_matches("--").replace('-', "_");
                matches.value_source(&id) == Some(clap::parser::ValueSource::CommandLine)
            })
        };
        Given(Setting::ALL.into_iter().filter(on_line).collect())
    }

    pub(super) fn has(&self, setting: Setting) -> bool {
        self.0.contains(&setting)
    }
}

/// Where one setting's value came from.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "from", rename_all = "snake_case")]
pub enum Source {
    Flag {
        name: &'static str,
    },
    Env {
        name: &'static str,
    },
    /// A variable the `--env-file` set (the environment did not have it).
    EnvFile {
        name: &'static str,
        file: PathBuf,
    },
    Profile {
        profile: String,
    },
    Default,
}

impl std::fmt::Display for Source {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Source::Flag { name } | Source::Env { name } => f.write_str(name),
            Source::EnvFile { name, file } => write!(f, "{name} in {}", file.display()),
            Source::Profile { profile } => write!(f, "temporal.toml profile `{profile}`"),
            Source::Default => f.write_str("default"),
        }
    }
}

/// One setting in force: its value as shown (a secret: `set`) and its source.
#[derive(Debug, Clone, Serialize)]
pub struct Traced {
    pub value: String,
    #[serde(flatten)]
    pub source: Source,
}

impl Traced {
    pub fn new(value: impl Into<String>, source: Source) -> Traced {
        Traced {
            value: value.into(),
            source,
        }
    }
}

/// Every setting in force, keyed in display order; a TLS file or an API
/// key that is not set is absent.
pub type Sources = std::collections::BTreeMap<Setting, Traced>;

#[cfg(test)]
#[path = "source_tests.rs"]
mod tests;
