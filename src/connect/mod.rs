//! Settings → a connected Temporal `Client`, and the translation of gRPC
//! failures into orca's errors (so "cannot reach" is always exit 6, whichever
//! call noticed it). When the first connection fails, `probe` looks again
//! and `diagnose` says why (`Error::Connect`).

mod diagnose;
mod probe;
pub mod tls;

pub use diagnose::Problem;
pub use probe::{Ended, Handshake};

use temporalio_client::{
    Client, ClientOptions, Connection, errors::ClientConnectError, tonic::Code, tonic::Status,
};

use std::time::Duration;

use crate::{Error, Result, config::Settings};

/// Connects within `settings.connect_timeout` (one connection per process);
/// a failure is looked into, within what is left of that time, and said
/// with its cause.
pub async fn connect(settings: &Settings) -> Result<Client> {
    let deadline = tokio::time::Instant::now() + settings.connect_timeout;
    match attempt(settings).await {
        Ok(client) => Ok(client),
        Err(error @ (Error::Unreachable { .. } | Error::Unauthenticated { .. })) => {
            Err(explain(settings, error, deadline).await)
        }
        Err(error) => Err(error),
    }
}

/// The cause the probe finds by `deadline`, else `error` as it was.
async fn explain(settings: &Settings, error: Error, deadline: tokio::time::Instant) -> Error {
    let Some((target, asked)) = probe_target(settings) else {
        return error;
    };
    // A silent address has used the whole time: there is nothing to learn.
    let left = deadline.saturating_duration_since(tokio::time::Instant::now());
    if left < Duration::from_millis(200) {
        return error;
    }
    let stage = left.min(Duration::from_secs(5));
    let Ok(facts) = tokio::time::timeout_at(deadline, probe::probe(&target, stage)).await else {
        return error;
    };
    tracing::debug!(?facts, "connection probe");
    match diagnose::diagnose(asked, &facts) {
        Some(problem) => Error::Connect {
            address: settings.address.clone(),
            problem,
        },
        None => error,
    }
}

/// The TLS handshake a connection with `settings` makes, looked at as
/// the probe looks (the server's certificate, whether it verifies), within
/// `limit`: `orca doctor` reads the certificate's expiry from it. `None`
/// with TLS off, or when not even TCP connects.
pub async fn tls_handshake(settings: &Settings, limit: Duration) -> Option<Handshake> {
    let (target, _) = probe_target(settings)?;
    target.tls.as_ref()?;
    probe::probe(&target, limit).await.tls
}

/// Where the real connection goes and with what, for the probe.
fn probe_target(settings: &Settings) -> Option<(probe::Target, diagnose::Asked)> {
    let options = &settings.connection;
    let host = options.target.host_str()?.to_string();
    let port = options.target.port_or_known_default().unwrap_or(7233);
    let tls = options.tls_options.as_ref();
    let material = tls.map(|tls| tls::Material {
        ca: tls.server_root_ca_cert.clone(),
        client: tls
            .client_tls_options
            .as_ref()
            .map(|c| (c.client_cert.clone(), c.client_private_key.clone())),
    });
    let asked = diagnose::Asked {
        ca: tls.is_some_and(|t| t.server_root_ca_cert.is_some()),
        client_cert: tls.is_some_and(|t| t.client_tls_options.is_some()),
        api_key: options.api_key.is_some(),
    };
    let domain = tls.and_then(|t| t.domain.clone());
    // The SDK's origin is the TLS server name when one is set.
    // (`host_str` keeps an IPv6 address's brackets.)
    let authority = match &domain {
        Some(domain) => domain.clone(),
        None => format!("{host}:{port}"),
    };
    let target = probe::Target {
        server_name: domain.unwrap_or_else(|| host.clone()),
        authority,
        host,
        port,
        tls: material,
        api_key: options.api_key.clone(),
        headers: options
            .headers
            .iter()
            .flatten()
            .map(|(k, v)| (k.clone(), v.clone()))
            .collect(),
    };
    Some((target, asked))
}

/// One connection attempt, its failure mapped but not looked into (for
/// `orca dev`, which polls a server it is starting).
pub async fn attempt(settings: &Settings) -> Result<Client> {
    let attempt = Connection::connect(settings.connection.clone());
    let connection = match tokio::time::timeout(settings.connect_timeout, attempt).await {
        Err(_) => {
            return Err(Error::Unreachable {
                address: settings.address.clone(),
                cause: format!(
                    "no answer within {}",
                    crate::human::human_duration(settings.connect_timeout)
                ),
            });
        }
        Ok(result) => result.map_err(|e| connect_error(settings, e))?,
    };
    let options = ClientOptions::new(settings.namespace.clone()).build();
    Client::new(connection, options).map_err(|e| Error::Unexpected(anyhow::anyhow!("{e}")))
}

fn connect_error(settings: &Settings, error: ClientConnectError) -> Error {
    let address = settings.address.clone();
    match error {
        // Whatever answered was not a usable Temporal frontend.
        ClientConnectError::SystemInfoCallError(status) => {
            match status_error(settings, "connect", &status) {
                Error::Server { message, .. } => Error::Unreachable {
                    address,
                    cause: format!("not a Temporal frontend? {message}"),
                },
                other => other,
            }
        }
        ClientConnectError::InvalidUri(e) => Error::ConnectionConfig {
            message: format!("`{address}` is not a valid address: {e}"),
        },
        ClientConnectError::InvalidHeaders(e) => Error::ConnectionConfig {
            message: format!("invalid gRPC metadata: {e}"),
        },
        // What went wrong underneath is looked into by `explain`.
        other => Error::Unreachable {
            address,
            cause: root_cause(&other),
        },
    }
}

/// Maps a gRPC status from any call to the error a user should see.
/// `NotFound` is left to the caller, who knows what was not found.
pub fn status_error(settings: &Settings, operation: &str, status: &Status) -> Error {
    let address = settings.address.clone();
    let cause = status.message().to_string();
    match status.code() {
        Code::Unavailable => Error::Unreachable {
            address,
            cause: if cause.is_empty() {
                "service unavailable".into()
            } else {
                cause
            },
        },
        Code::Unauthenticated | Code::PermissionDenied => Error::Unauthenticated { address, cause },
        Code::DeadlineExceeded => Error::Unreachable {
            address,
            cause: format!("{operation} timed out"),
        },
        Code::Cancelled if cause.contains("Timeout expired") => Error::Unreachable {
            address,
            cause: format!("{operation} timed out"),
        },
        _ => Error::Server {
            operation: operation.to_string(),
            message: format!("{} ({:?})", cause, status.code()),
        },
    }
}

/// The innermost error's text ("Connection refused (os error 111)"): the
/// outer layers of a transport error only repeat it in Debug form.
pub fn root_cause(error: &dyn std::error::Error) -> String {
    let mut current = error;
    while let Some(source) = current.source() {
        current = source;
    }
    current.to_string()
}

/// `a: b: c` from an error and its sources, without repeating a level.
pub fn error_chain(error: &dyn std::error::Error) -> String {
    let mut parts: Vec<String> = vec![error.to_string()];
    let mut source = error.source();
    while let Some(e) = source {
        let text = e.to_string();
        if !parts.iter().any(|p| p.contains(&text)) {
            parts.push(text);
        }
        source = e.source();
    }
    parts.join(": ")
}
