//! Connection settings. Precedence: flag > environment > `temporal.toml`
//! profile > default, with the official `temporal` CLI's names throughout.
//!
//! The profile file and the `TEMPORAL_*` variables are read by the SDK's
//! envconfig (the same loader every Temporal SDK uses), so a profile written
//! by `temporal config set` works unchanged. Flags are applied on top.

use std::{collections::HashMap, time::Duration};

use temporalio_client::ConnectionOptions;

pub mod env_file;
mod seeds;
pub mod source;
mod tls;

/// What runs before the command line is parsed (clap reads variables while
/// parsing): blank variables unset, `--env-file`, then the seeds' names for
/// worker variables.
///
/// # Safety
/// No other thread may exist yet: it sets process environment.
pub unsafe fn prepare_environment(
    args: impl IntoIterator<Item = std::ffi::OsString>,
) -> Result<()> {
    // SAFETY: passed on to our caller.
    unsafe {
        unset_blank_variables();
        env_file::load_from_args(args)?;
        seeds::alias_variables();
    }
    Ok(())
}

/// A `TEMPORAL_*` or `ORCA_*` variable set to nothing (a `.env` template's
/// `TEMPORAL_TLS_SERVER_NAME=`) is unset, as everywhere else orca reads the
/// environment; clap would take it as an empty flag value. Blank
/// `TEMPORAL_GRPC_META_*` stay: there "" removes a header.
///
/// # Safety
/// No other thread may exist yet.
unsafe fn unset_blank_variables() {
    let blank: Vec<_> = std::env::vars_os()
        .filter(|(_, value)| value.is_empty())
        .filter_map(|(name, _)| name.into_string().ok())
        .filter(|name| name.starts_with("TEMPORAL_") || name.starts_with("ORCA_"))
        .filter(|name| !name.starts_with("TEMPORAL_GRPC_META_"))
        .collect();
    for name in blank {
        // SAFETY: the caller guarantees no other thread exists yet.
        unsafe { std::env::remove_var(name) };
    }
}

use temporalio_common::envconfig::{
    ClientConfigProfile, LoadClientConfigProfileOptions, load_client_config_profile,
};
pub use tls::TlsFile;

use crate::{Error, Result, cli::GlobalArgs};

/// Temporal's frontend port.
const DEFAULT_PORT: u16 = 7233;
pub const DEFAULT_ADDRESS: &str = "localhost:7233";
pub const DEFAULT_NAMESPACE: &str = "default";

/// Everything needed to connect, resolved once per process.
#[derive(Clone)]
pub struct Settings {
    /// What the user would recognise in a message: `host:port` or the URL.
    pub address: String,
    pub namespace: String,
    pub task_queue: String,
    /// The person: recorded as requester and approver.
    pub identity: String,
    pub connect_timeout: Duration,
    /// The SDK's connection options (TLS material and API key included).
    pub connection: ConnectionOptions,
}

impl Settings {
    /// These settings with another connect timeout: orca's own bound on
    /// the first connection and the SDK's, which must agree.
    pub fn with_connect_timeout(&self, timeout: Duration) -> Settings {
        let mut settings = self.clone();
        settings.connect_timeout = timeout;
        settings.connection.connect_timeout = Some(timeout);
        settings
    }
}

// The API key must never be printed, not even by `{:?}` in a debug log.
impl std::fmt::Debug for Settings {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Settings")
            .field("address", &self.address)
            .field("namespace", &self.namespace)
            .field("task_queue", &self.task_queue)
            .field("identity", &self.identity)
            .field("tls", &self.connection.tls_options.is_some())
            .field(
                "api_key",
                &self.connection.api_key.as_ref().map(|_| "<redacted>"),
            )
            .finish()
    }
}

impl Settings {
    pub fn resolve(global: &GlobalArgs) -> Result<Settings> {
        Settings::resolve_with(global, false).map(|(settings, _)| settings)
    }

    /// The settings and where each came from (`orca doctor`; secrets only
    /// as `set`). Kept out of `resolve`: the trace reads the profile file a
    /// second time, which no other command needs.
    pub fn resolve_traced(global: &GlobalArgs) -> Result<(Settings, source::Sources)> {
        let (settings, sources) = Settings::resolve_with(global, true)?;
        Ok((settings, sources.unwrap_or_default()))
    }

    fn resolve_with(
        global: &GlobalArgs,
        traced: bool,
    ) -> Result<(Settings, Option<source::Sources>)> {
        let (mut profile, loaded) = load_profile(global, traced)?;
        let var = |name: &str| env_nonempty(name);
        seeds::apply(&mut profile, &var)?;

        // Flags (clap already folded in TEMPORAL_ADDRESS etc.) beat the profile.
        if let Some(address) = &global.address {
            profile.address = Some(address.clone());
        } else if let Some(host) = env_nonempty("TEMPORAL_HOST") {
            // Older deployments set host and port separately, and some put
            // the port in TEMPORAL_HOST too (`temporal:7233`).
            profile.address = Some(host_address(&host, env_nonempty("TEMPORAL_PORT"))?);
        }
        seeds::cloud_address(&mut profile, &var);
        if let Some(namespace) = &global.namespace {
            profile.namespace = Some(namespace.clone());
        }
        tls::apply_tls_flags(global, &mut profile)?;

        let address = profile
            .address
            .clone()
            .unwrap_or_else(|| DEFAULT_ADDRESS.to_string());
        let namespace = profile
            .namespace
            .clone()
            .unwrap_or_else(|| DEFAULT_NAMESPACE.to_string());
        let identity = global.identity.clone().unwrap_or_else(os_user);

        let resolved = profile.clone();
        let mut connection =
            ConnectionOptions::try_from(profile).map_err(|e| Error::ConnectionConfig {
                message: e.to_string(),
            })?;
        let sources = loaded.map(|loaded| {
            source::trace(&source::Inputs {
                global,
                loaded: &loaded,
                resolved: &resolved,
                tls_on: connection.tls_options.is_some(),
                var: &var,
            })
        });
        tls::check_connection(&connection)?;
        connection.identity = format!("orca:{identity}@{}", hostname());
        // Compressing small messages on loopback only costs CPU; keep gzip
        // for real networks, where histories can be large.
        if is_loopback(&address) {
            connection.grpc_compression = temporalio_client::GrpcCompression::None;
        }
        // Resolve names once and connect eagerly, so an unreachable server
        // fails fast instead of on the first call after a lazy connect.
        connection.dns_load_balancing = None;

        connection.connect_timeout = Some(global.connect_timeout);
        let settings = Settings {
            address,
            namespace,
            task_queue: global.task_queue.clone(),
            identity,
            connect_timeout: global.connect_timeout,
            connection,
        };
        Ok((settings, sources))
    }
}

/// The profile as envconfig loads it: the file's, the environment's
/// official names over it; and, when `traced`, the file's alone, to tell
/// the two apart when tracing sources.
fn load_profile(
    global: &GlobalArgs,
    traced: bool,
) -> Result<(ClientConfigProfile, Option<ClientConfigProfile>)> {
    if let Some(path) = &global.config_file
        && let Err(source) = std::fs::metadata(path)
    {
        return Err(Error::LocalFile {
            what: "config file",
            path: path.clone(),
            source,
        });
    }
    let vars = env_set();
    // Without the environment envconfig would not read TEMPORAL_PROFILE.
    let profile = global
        .profile
        .clone()
        .or_else(|| vars.get("TEMPORAL_PROFILE").cloned());
    let load = |disable_env: bool| {
        let options = LoadClientConfigProfileOptions::builder()
            .maybe_config_source(global.config_file.as_deref().map(tls::path_source))
            .maybe_config_file_profile(profile.clone())
            .disable_env(disable_env)
            .build();
        load_client_config_profile(options, Some(&vars)).map_err(|e| Error::ConnectionConfig {
            message: e.to_string(),
        })
    };
    let file_alone = match traced {
        true => Some(load(true)?),
        false => None,
    };
    Ok((load(false)?, file_alone))
}

/// The environment as envconfig should see it: a variable set to "" is
/// unset, as everywhere else in orca (`env_nonempty`) — envconfig alone
/// would count it (a blank `TEMPORAL_API_KEY=` in an env file would turn
/// TLS on). Except `TEMPORAL_GRPC_META_*`, where "" removes a header the
/// profile sets.
fn env_set() -> HashMap<String, String> {
    std::env::vars_os()
        .filter_map(|(name, value)| Some((name.into_string().ok()?, value.into_string().ok()?)))
        .filter(|(name, value)| !value.is_empty() || name.starts_with("TEMPORAL_GRPC_META_"))
        .collect()
}

/// An address as `url` parses it. A scheme-less `host:port` gets `tcp://`,
/// which has no default port for `url` to drop (with `http://`, `host:80`
/// would lose its port).
fn parse_address(address: &str) -> Option<url::Url> {
    let with_scheme = match address.contains("://") {
        true => address.to_string(),
        false => format!("tcp://{address}"),
    };
    url::Url::parse(&with_scheme).ok()
}

/// `TEMPORAL_HOST` as `host`, `host:port` or `[ipv6]:port`; `TEMPORAL_PORT`
/// (default 7233) only when the host names no port.
fn host_address(host: &str, port: Option<String>) -> Result<String> {
    let parsed = parse_address(host)
        .filter(|url| url.host_str().is_some())
        .ok_or_else(|| Error::ConnectionConfig {
            message: format!("TEMPORAL_HOST `{host}` is not a host name or address"),
        })?;
    let name = parsed.host_str().unwrap_or_default();
    let port = match parsed.port() {
        Some(port) => port.to_string(),
        None => port.unwrap_or_else(|| DEFAULT_PORT.to_string()),
    };
    Ok(format!("{name}:{port}"))
}

/// `localhost:7233`, `127.0.0.1:7233`, `[::1]:7233`, with or without a scheme.
pub fn is_loopback(address: &str) -> bool {
    let Some(url) = parse_address(address) else {
        return false;
    };
    match url.host() {
        // A scheme without special parsing leaves an IPv4 address as text.
        Some(url::Host::Domain(name)) => {
            name == "localhost"
                || name
                    .parse::<std::net::IpAddr>()
                    .is_ok_and(|ip| ip.is_loopback())
        }
        Some(url::Host::Ipv4(ip)) => ip.is_loopback(),
        Some(url::Host::Ipv6(ip)) => ip.is_loopback(),
        None => false,
    }
}

fn env_nonempty(name: &str) -> Option<String> {
    std::env::var(name).ok().filter(|v| !v.is_empty())
}

/// The OS user: who a person at this terminal is unless `--identity` says otherwise.
pub fn os_user() -> String {
    env_nonempty("USER")
        .or_else(|| env_nonempty("LOGNAME"))
        .or_else(passwd_name)
        .unwrap_or_else(|| "unknown".into())
}

/// The login name of the current uid, for shells and containers without $USER.
fn passwd_name() -> Option<String> {
    // SAFETY: getpwuid returns a pointer into static storage or null; we copy
    // the name out before any other call could overwrite it.
    unsafe {
        let entry = libc::getpwuid(libc::getuid());
        if entry.is_null() || (*entry).pw_name.is_null() {
            return None;
        }
        let name = std::ffi::CStr::from_ptr((*entry).pw_name);
        Some(name.to_string_lossy().into_owned()).filter(|n| !n.is_empty())
    }
}

pub fn hostname() -> String {
    let mut buf = [0u8; 256];
    // SAFETY: gethostname writes at most buf.len() bytes into buf.
    let rc = unsafe { libc::gethostname(buf.as_mut_ptr().cast(), buf.len()) };
    if rc != 0 {
        return "localhost".into();
    }
    let end = buf.iter().position(|&b| b == 0).unwrap_or(buf.len());
    String::from_utf8_lossy(&buf[..end]).into_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn temporal_host_takes_a_port_of_its_own() {
        assert_eq!(
            host_address("temporal:7233", None).unwrap(),
            "temporal:7233"
        );
        assert_eq!(
            host_address("temporal:7233", Some("9999".into())).unwrap(),
            "temporal:7233"
        );
        assert_eq!(
            host_address("temporal", Some("7234".into())).unwrap(),
            "temporal:7234"
        );
        assert_eq!(host_address("temporal", None).unwrap(), "temporal:7233");
        assert_eq!(host_address("[::1]:7233", None).unwrap(), "[::1]:7233");
        assert_eq!(host_address("temporal:80", None).unwrap(), "temporal:80");
        assert_eq!(host_address("10.0.0.5:443", None).unwrap(), "10.0.0.5:443");
        assert!(host_address("bad host", None).is_err());
    }

    #[test]
    fn loopback_addresses_are_recognised() {
        for address in [
            "localhost:7233",
            "127.0.0.1:7233",
            "[::1]:7233",
            "http://localhost:1",
        ] {
            assert!(is_loopback(address), "{address}");
        }
        assert!(!is_loopback("temporal.example.com:7233"));
    }
}
