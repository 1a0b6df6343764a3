//! TLS settings: the flags applied over the profile, and every certificate
//! and key checked before connecting. A file that is missing, not PEM, or
//! a key that is not its certificate's is exit 2 naming the file; left to
//! the handshake, each would read as a server that refused us.

use std::path::{Path, PathBuf};

use temporalio_client::envconfig::DataSource;
use temporalio_common::envconfig::{ClientConfigProfile, ClientConfigTLS};

use crate::{
    Error, Result,
    cli::GlobalArgs,
    connect::tls::{self, KeyError},
};

pub(super) fn apply_tls_flags(
    global: &GlobalArgs,
    profile: &mut ClientConfigProfile,
) -> Result<()> {
    let any_flag = global.tls
        || global.tls_cert_path.is_some()
        || global.tls_key_path.is_some()
        || global.tls_ca_path.is_some()
        || global.tls_server_name.is_some();
    if any_flag {
        let tls = profile.tls.get_or_insert_with(ClientConfigTLS::default);
        tls.disabled = Some(false);
        if let Some(path) = &global.tls_cert_path {
            tls.client_cert = Some(path_source(path));
        }
        if let Some(path) = &global.tls_key_path {
            tls.client_key = Some(path_source(path));
        }
        if let Some(path) = &global.tls_ca_path {
            tls.server_ca_cert = Some(path_source(path));
        }
        if let Some(name) = &global.tls_server_name {
            tls.server_name = Some(name.clone());
        }
    }
    match &profile.tls {
        // Files a connection will not use are not its business.
        Some(tls) if tls.disabled != Some(true) => check(tls),
        _ => Ok(()),
    }
}

pub(super) fn path_source(path: &Path) -> DataSource {
    DataSource::Path(path.to_string_lossy().into_owned())
}

/// Whatever the source (flag, variable, profile), each file is read and
/// parsed now: the SDK's own message for a missing file does not say which.
fn check(tls: &ClientConfigTLS) -> Result<()> {
    if let Some(name) = &tls.server_name
        && rustls::pki_types::ServerName::try_from(name.as_str()).is_err()
    {
        return Err(Error::ConnectionConfig {
            message: format!(
                "the TLS server name `{name}` (--tls-server-name, TEMPORAL_TLS_SERVER_NAME) is not a host name or IP address"
            ),
        });
    }
    if tls.client_cert.is_some() != tls.client_key.is_some() {
        return Err(Error::ConnectionConfig {
            message: "mTLS needs both a client certificate and its key (--tls-cert-path and --tls-key-path)".into(),
        });
    }
    if let Some(ca) = &tls.server_ca_cert {
        let (bytes, named) = read(ca, TlsFile::ServerCa)?;
        tls::certificates(&bytes).map_err(|problem| named.invalid(problem))?;
    }
    if let (Some(cert), Some(key)) = (&tls.client_cert, &tls.client_key) {
        let (cert_bytes, cert_named) = read(cert, TlsFile::ClientCert)?;
        let (key_bytes, key_named) = read(key, TlsFile::ClientKey)?;
        match tls::certified_key(&cert_bytes, &key_bytes) {
            Ok(_) => {}
            Err(KeyError::Certificate(problem)) => return Err(cert_named.invalid(problem)),
            Err(KeyError::Key(problem)) => return Err(key_named.invalid(problem)),
            Err(KeyError::Mismatch) => {
                return Err(key_named.invalid(format!(
                    "is not the key of the client certificate {}",
                    cert_named.describe()
                )));
            }
        }
    }
    Ok(())
}

/// Which piece of TLS material, to name it and the setting that sets it.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum TlsFile {
    ServerCa,
    ClientCert,
    ClientKey,
}

impl std::fmt::Display for TlsFile {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(match self {
            TlsFile::ServerCa => "server CA certificate",
            TlsFile::ClientCert => "client certificate",
            TlsFile::ClientKey => "client key",
        })
    }
}

impl TlsFile {
    /// Where it is set: the `hint:` line of an error about it.
    pub fn setting(self) -> &'static str {
        match self {
            TlsFile::ServerCa => {
                "--tls-ca-path, TEMPORAL_TLS_SERVER_CA_CERT_PATH or the profile's tls.server_ca_cert_path"
            }
            TlsFile::ClientCert => {
                "--tls-cert-path, TEMPORAL_TLS_CLIENT_CERT_PATH (or TEMPORAL_TLS_CERT, TEMPORAL_CLOUD_CERT_PATH) or the profile's tls.client_cert_path"
            }
            TlsFile::ClientKey => {
                "--tls-key-path, TEMPORAL_TLS_CLIENT_KEY_PATH (or TEMPORAL_TLS_KEY, TEMPORAL_CLOUD_KEY_PATH) or the profile's tls.client_key_path"
            }
        }
    }
}

/// Where some TLS material came from, to name it in an error.
struct Named {
    file: TlsFile,
    /// `None` for inline data (TEMPORAL_TLS_*_DATA, the profile's *_data):
    /// never echoed, it may be a key.
    path: Option<PathBuf>,
}

impl Named {
    fn invalid(&self, problem: String) -> Error {
        Error::TlsFile {
            file: self.file,
            path: self.path.clone(),
            problem,
        }
    }

    fn describe(&self) -> String {
        match &self.path {
            Some(path) => path.display().to_string(),
            None => "given as data".into(),
        }
    }
}

fn read(source: &DataSource, file: TlsFile) -> Result<(Vec<u8>, Named)> {
    match source {
        DataSource::Path(path) => {
            let path = PathBuf::from(path);
            let bytes = std::fs::read(&path).map_err(|e| Error::TlsFile {
                file,
                path: Some(path.clone()),
                problem: format!("cannot be read: {e}"),
            })?;
            let path = Some(path);
            Ok((bytes, Named { file, path }))
        }
        DataSource::Data(bytes) => Ok((bytes.clone(), Named { file, path: None })),
        // A source this build does not know: the SDK reads it or says why.
        _ => Err(Error::ConnectionConfig {
            message: format!("the {file} comes from a source orca cannot read"),
        }),
    }
}

/// What the SDK would do quietly wrong with a connection: send an API key
/// in clear (TLS turned off, or an `http://` address), or drop a key a
/// header cannot carry and be refused for it.
pub(super) fn check_connection(connection: &temporalio_client::ConnectionOptions) -> Result<()> {
    if connection.api_key.is_some() && connection.tls_options.is_none() {
        return Err(Error::ConnectionConfig {
            message: "an API key is only sent over TLS, but TLS is turned off (TEMPORAL_TLS=false or the profile's tls.disabled)".into(),
        });
    }
    if connection.tls_options.is_some() && connection.target.scheme() == "http" {
        return Err(Error::ConnectionConfig {
            message: "the address says http://, which is plaintext, but TLS is on: write https://HOST:PORT or HOST:PORT".into(),
        });
    }
    if let Some(key) = &connection.api_key
        && http::HeaderValue::from_str(&format!("Bearer {key}")).is_err()
    {
        return Err(Error::ConnectionConfig {
            message: "TEMPORAL_API_KEY holds characters a header cannot carry (a trailing newline?); the key is not shown".into(),
        });
    }
    Ok(())
}
