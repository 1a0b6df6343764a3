//! Why a connection failed, from what the probe saw: one cause, said so a
//! person at 2 a.m. knows which flag or file to fix. Pure: every case is a
//! unit test below; the end-to-end cases run through a TLS proxy in
//! tests/tls.

use std::time::{Duration, SystemTime};

use rustls::{AlertDescription, CertificateError, pki_types::UnixTime};

use super::probe::{Answer, Ended, Facts, Handshake};

/// What the connection was set up with (never the secrets themselves).
#[derive(Debug, Clone, Copy, Default)]
pub struct Asked {
    pub ca: bool,
    pub client_cert: bool,
    pub api_key: bool,
}

/// One cause of a failed connection.
#[derive(Debug, Clone, PartialEq)]
pub enum Problem {
    /// TLS was asked for; the server speaks plain gRPC.
    PlainServer,
    /// TLS was not asked for; the server speaks TLS.
    TlsServer,
    /// The server's certificate is not signed by a CA this client trusts.
    Untrusted {
        ca: bool,
    },
    /// The server's certificate does not carry the name connected to.
    WrongName {
        expected: String,
        names: Vec<String>,
    },
    Expired {
        not_after: SystemTime,
    },
    NotYetValid {
        not_before: SystemTime,
    },
    /// Any other fault of the server's certificate, as rustls says it.
    BadServerCertificate(String),
    /// The server wants a client certificate; none was given.
    ClientCertNeeded,
    /// The server did not accept the client certificate given.
    ClientCertRefused {
        alert: Option<String>,
    },
    /// The server refused the API key (HTTP 401/403 or its gRPC codes).
    ApiKeyRefused {
        answer: String,
    },
    /// The server wants credentials and none were given.
    CredentialsNeeded {
        answer: String,
    },
    /// A proxy answers that the Temporal behind it is down or busy.
    Upstream {
        status: u16,
    },
    /// Something answers, but not as a Temporal frontend.
    NotTemporal {
        answer: String,
    },
}

/// The cause, when the facts show one; `None` leaves the SDK's error.
pub fn diagnose(asked: Asked, facts: &Facts) -> Option<Problem> {
    if facts.unreachable.is_some() {
        return None;
    }
    if let Some(handshake) = &facts.tls {
        if let Some(failed) = &handshake.failed {
            return handshake_failed(asked, handshake, failed);
        }
        if let Some(verdict) = &handshake.verdict {
            return Some(server_certificate(asked, handshake, verdict));
        }
    } else if facts.speaks_tls {
        return Some(Problem::TlsServer);
    }
    let asked_for_cert = facts.tls.as_ref().is_some_and(|t| t.asked_for_client_cert);
    answered(asked, asked_for_cert, facts.answer.as_ref()?)
}

fn handshake_failed(asked: Asked, handshake: &Handshake, failed: &Ended) -> Option<Problem> {
    match failed {
        Ended::Tls(
            rustls::Error::InvalidMessage(_) | rustls::Error::InappropriateMessage { .. },
        ) => Some(Problem::PlainServer),
        Ended::Tls(rustls::Error::AlertReceived(alert)) => {
            client_alert(asked, handshake.asked_for_client_cert, alert)
        }
        _ => None,
    }
}

/// An alert about the client's certificate (or its absence). Only after
/// the server asked for one: a TLS 1.2 server without a cipher suite in
/// common, or a proxy routing by SNI, sends `handshake_failure` too.
fn client_alert(asked: Asked, asked_for_cert: bool, alert: &AlertDescription) -> Option<Problem> {
    use AlertDescription as A;
    match alert {
        A::CertificateRequired => Some(Problem::ClientCertNeeded),
        _ if !asked_for_cert => None,
        A::BadCertificate
        | A::UnsupportedCertificate
        | A::CertificateRevoked
        | A::CertificateExpired
        | A::CertificateUnknown
        | A::UnknownCA
        | A::AccessDenied
        | A::DecryptError
        | A::HandshakeFailure => match asked.client_cert {
            true => Some(Problem::ClientCertRefused {
                alert: Some(alert_text(alert)),
            }),
            false => Some(Problem::ClientCertNeeded),
        },
        _ => None,
    }
}

pub(super) fn alert_text(alert: &AlertDescription) -> String {
    use AlertDescription as A;
    match alert {
        A::CertificateExpired => "certificate expired".into(),
        A::UnknownCA => "unknown CA".into(),
        A::CertificateRevoked => "certificate revoked".into(),
        A::BadCertificate => "bad certificate".into(),
        A::AccessDenied => "access denied".into(),
        other => format!("{other:?}"),
    }
}

fn server_certificate(asked: Asked, handshake: &Handshake, verdict: &rustls::Error) -> Problem {
    use CertificateError as C;
    let rustls::Error::InvalidCertificate(error) = verdict else {
        return Problem::BadServerCertificate(verdict.to_string());
    };
    match error {
        C::UnknownIssuer | C::BadSignature | C::ApplicationVerificationFailure => {
            Problem::Untrusted { ca: asked.ca }
        }
        C::NotValidForName => Problem::WrongName {
            expected: handshake.expected.clone(),
            names: handshake.names.clone(),
        },
        C::NotValidForNameContext { expected, .. } => Problem::WrongName {
            expected: expected.to_str().into_owned(),
            names: handshake.names.clone(),
        },
        C::ExpiredContext { not_after, .. } => Problem::Expired {
            not_after: system_time(*not_after),
        },
        C::NotValidYetContext { not_before, .. } => Problem::NotYetValid {
            not_before: system_time(*not_before),
        },
        other => Problem::BadServerCertificate(format!("{other:?}")),
    }
}

fn system_time(time: UnixTime) -> SystemTime {
    SystemTime::UNIX_EPOCH + Duration::from_secs(time.as_secs())
}

/// The server's answer to a gRPC call, TLS (if any) having gone through.
fn answered(asked: Asked, asked_for_cert: bool, answer: &Answer) -> Option<Problem> {
    const OK: i32 = 0;
    const UNIMPLEMENTED: i32 = 12;
    const UNAUTHENTICATED: i32 = 16;
    const PERMISSION_DENIED: i32 = 7;
    let refused = |answer: String| match (asked.api_key, asked.client_cert) {
        (true, _) => Problem::ApiKeyRefused { answer },
        (false, true) => Problem::ClientCertRefused { alert: None },
        (false, false) => Problem::CredentialsNeeded { answer },
    };
    match answer {
        Answer::Grpc(OK) => None,
        Answer::Grpc(UNAUTHENTICATED) => Some(refused("Unauthenticated".into())),
        Answer::Grpc(PERMISSION_DENIED) => Some(refused("PermissionDenied".into())),
        Answer::Grpc(UNIMPLEMENTED) => Some(Problem::NotTemporal {
            answer: "a gRPC server without Temporal's WorkflowService".into(),
        }),
        Answer::Grpc(_) => None,
        // A proxy that asked for a client certificate answers 400 when it
        // got none or did not accept it (nginx's default), as an HTML page.
        Answer::Http(400) if asked_for_cert => Some(match asked.client_cert {
            true => Problem::ClientCertRefused { alert: None },
            false => Problem::ClientCertNeeded,
        }),
        Answer::Http(status @ (401 | 403)) => Some(refused(format!("HTTP {status}"))),
        // A proxy whose Temporal is down or busy: not a wrong address.
        Answer::Http(status @ (429 | 502 | 503 | 504)) => {
            Some(Problem::Upstream { status: *status })
        }
        Answer::Http(status) => Some(Problem::NotTemporal {
            answer: format!("HTTP {status}, not gRPC"),
        }),
        Answer::Tls(rustls::Error::AlertReceived(alert)) => {
            client_alert(asked, asked_for_cert, alert)
        }
        Answer::Tls(_) | Answer::Silent | Answer::Unsent => None,
        Answer::NotHttp2(_) => Some(Problem::NotTemporal {
            answer: "not HTTP/2".into(),
        }),
    }
}

impl Problem {
    /// The `error:` line after `cannot connect to Temporal at ADDRESS: `.
    pub fn message(&self) -> String {
        match self {
            Problem::PlainServer => "the server speaks plain gRPC, not TLS".into(),
            Problem::TlsServer => "the server speaks TLS, but TLS is off".into(),
            Problem::Untrusted { .. } => {
                "the server's certificate is not signed by a CA this client trusts".into()
            }
            Problem::WrongName { expected, names } => format!(
                "the server's certificate is not valid for the name `{expected}`; it names {}",
                match names.is_empty() {
                    true => "no DNS name".to_string(),
                    false => names.join(", "),
                }
            ),
            Problem::Expired { not_after } => format!(
                "the server's certificate expired on {}",
                crate::human::utc_seconds(*not_after)
            ),
            Problem::NotYetValid { not_before } => format!(
                "the server's certificate is not valid until {}",
                crate::human::utc_seconds(*not_before)
            ),
            Problem::BadServerCertificate(why) => {
                format!("the server's certificate cannot be used: {why}")
            }
            Problem::ClientCertNeeded => {
                "the server wants a client certificate (mTLS), and none was given".into()
            }
            Problem::ClientCertRefused { alert } => format!(
                "the server did not accept the client certificate{}",
                alert
                    .as_ref()
                    .map(|a| format!(" ({a})"))
                    .unwrap_or_default()
            ),
            Problem::ApiKeyRefused { answer } => {
                format!("the server refused the API key ({answer})")
            }
            Problem::CredentialsNeeded { answer } => format!(
                "the server wants credentials (an API key or a client certificate) and none were given ({answer})"
            ),
            Problem::Upstream { status } => format!(
                "a proxy answers (HTTP {status}), but the Temporal server behind it does not"
            ),
            Problem::NotTemporal { answer } => {
                format!("it answers, but is not a Temporal frontend ({answer})")
            }
        }
    }

    /// The `hint:` line: the flag or file that fixes it.
    pub fn hint(&self) -> String {
        const CLIENT_CERT: &str = "--tls-cert-path FILE --tls-key-path FILE (TEMPORAL_TLS_CLIENT_CERT_PATH, TEMPORAL_TLS_CLIENT_KEY_PATH)";
        match self {
            Problem::PlainServer => "point --address at the server's TLS port, or drop --tls (TEMPORAL_TLS, the TLS variables, the profile's tls section) for a plaintext server, which takes no API key".into(),
            Problem::TlsServer => "add --tls (TEMPORAL_TLS=true), and --tls-ca-path FILE if its certificate is not from a public CA".into(),
            Problem::Untrusted { ca: true } => "the CA in --tls-ca-path (TEMPORAL_TLS_SERVER_CA_CERT_PATH) did not sign it: point that at the CA that signed the server's certificate".into(),
            Problem::Untrusted { ca: false } => "pass the CA that signed the server's certificate: --tls-ca-path FILE (TEMPORAL_TLS_SERVER_CA_CERT_PATH)".into(),
            Problem::WrongName { names, .. } => match names.first() {
                Some(name) => format!("connect by a name it carries, or check it as one: --tls-server-name {name} (TEMPORAL_TLS_SERVER_NAME)"),
                None => "check it as the name it was issued for: --tls-server-name NAME (TEMPORAL_TLS_SERVER_NAME)".into(),
            },
            Problem::Expired { .. } => format!("the server's certificate must be renewed by its operator (this machine's clock reads {})", crate::human::utc_seconds(SystemTime::now())),
            Problem::NotYetValid { .. } => format!("check this machine's clock (it reads {}) or the certificate's start date", crate::human::utc_seconds(SystemTime::now())),
            Problem::BadServerCertificate(_) => "check the server's certificate with its operator; --tls-ca-path FILE names the CA to trust".into(),
            Problem::ClientCertNeeded => format!("pass one: {CLIENT_CERT}"),
            Problem::ClientCertRefused { .. } => "check --tls-cert-path (TEMPORAL_TLS_CLIENT_CERT_PATH): the server must trust the CA that signed it, and it must be current".into(),
            Problem::ApiKeyRefused { .. } => "check TEMPORAL_API_KEY (or the profile's api_key): it may be expired, revoked or for another account (the key is not shown)".into(),
            Problem::CredentialsNeeded { .. } => format!("set TEMPORAL_API_KEY, or pass a client certificate: {CLIENT_CERT}"),
            Problem::Upstream { .. } => "the server behind the proxy is down, restarting or overloaded: try again later, or ask its operator".into(),
            Problem::NotTemporal { .. } => "check --address (TEMPORAL_ADDRESS): the host and port of a Temporal frontend (gRPC, port 7233 unless yours differs)".into(),
        }
    }
}

#[cfg(test)]
#[path = "diagnose_tests.rs"]
mod tests;
