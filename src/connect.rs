//! Settings → a connected Temporal `Client`, and the translation of gRPC
//! failures into orca's errors (so "cannot reach" is always exit 6, whichever
//! call noticed it).

use temporalio_client::{
    Client, ClientOptions, Connection, errors::ClientConnectError, tonic::Code, tonic::Status,
};

use crate::{Error, Result, config::Settings};

/// Connects within `settings.connect_timeout` (one connection per process).
pub async fn connect(settings: &Settings) -> Result<Client> {
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
        other => {
            let mut cause = root_cause(&other);
            if settings.connection.tls_options.is_some()
                && (cause.contains("InvalidContentType") || cause.contains("corrupt message"))
            {
                cause.push_str(
                    " (TLS handshake failed: the server does not speak TLS; drop --tls, TEMPORAL_TLS and TLS settings for a plaintext server)",
                );
            }
            Error::Unreachable { address, cause }
        }
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
