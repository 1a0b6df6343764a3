//! A second, instrumented look at an address the SDK could not connect to.
//! The SDK's error hides what happened behind text ("invalid compression
//! flag: 60 … 400 Bad Request"); the probe makes one TCP connection, the TLS
//! handshake with every fact recorded (the server's certificate and whether
//! it verifies, whether the server asked for a client certificate, any
//! alert), and one gRPC call over HTTP/2 whose HTTP status and grpc-status
//! it reads as they come. `diagnose` turns the facts into a cause and a fix.

use std::{sync::Arc, time::Duration};

use bytes::Bytes;
use tokio::{
    io::{AsyncRead, AsyncWrite},
    net::TcpStream,
    time::timeout,
};
use tokio_rustls::TlsConnector;

use super::{
    diagnose::alert_text,
    tls::{Material, Record, dns_names, probe_config},
};

/// Where and how to connect, as the real connection would.
pub struct Target {
    pub host: String,
    pub port: u16,
    /// `Some` when TLS is on.
    pub tls: Option<Material>,
    /// The name the server's certificate must carry (`--tls-server-name`,
    /// else the host).
    pub server_name: String,
    /// The `:authority` the SDK sends: `--tls-server-name` when set (the
    /// SDK's origin), else `host:port`. A proxy may route on it.
    pub authority: String,
    pub api_key: Option<String>,
    /// gRPC metadata the connection sends (a proxy may require some).
    pub headers: Vec<(String, String)>,
}

/// Everything the probe learned.
#[derive(Debug, Default)]
pub struct Facts {
    /// `Some(cause)` when not even TCP connected.
    pub unreachable: Option<String>,
    /// What the TLS handshake showed, when TLS was on.
    pub tls: Option<Handshake>,
    pub answer: Option<Answer>,
    /// With TLS off and no HTTP/2 answer: whether TLS is spoken there.
    pub speaks_tls: bool,
}

#[derive(Default)]
pub struct Handshake {
    /// The handshake itself failed (an alert, or a peer that is not TLS).
    pub failed: Option<Ended>,
    /// The name the certificate was checked for.
    pub expected: String,
    /// What verifying the server's certificate said.
    pub verdict: Option<rustls::Error>,
    /// The DNS names the server's certificate carries.
    pub names: Vec<String>,
    pub asked_for_client_cert: bool,
    /// The server's own certificate (`orca doctor` reads its expiry).
    pub leaf: Option<rustls::pki_types::CertificateDer<'static>>,
}

// The leaf certificate's DER is kilobytes of bytes in a debug log
// (`connect` logs the facts): its length says whether there was one.
impl std::fmt::Debug for Handshake {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Handshake")
            .field("failed", &self.failed)
            .field("expected", &self.expected)
            .field("verdict", &self.verdict)
            .field("names", &self.names)
            .field("asked_for_client_cert", &self.asked_for_client_cert)
            .field("leaf_bytes", &self.leaf.as_ref().map(|leaf| leaf.len()))
            .finish()
    }
}

/// How a handshake ended early.
#[derive(Debug, Clone, PartialEq)]
pub enum Ended {
    /// As TLS says: an alert, or bytes that are not TLS.
    Tls(rustls::Error),
    /// The connection failed underneath (reset, closed).
    Io(String),
    NoAnswer,
}

/// As a person reads it, after "the handshake failed: ".
impl std::fmt::Display for Ended {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Ended::Tls(rustls::Error::AlertReceived(alert)) => {
                write!(f, "the server sent a TLS alert: {}", alert_text(alert))
            }
            Ended::Tls(error) => write!(f, "{error}"),
            Ended::Io(cause) => write!(f, "the connection failed: {cause}"),
            Ended::NoAnswer => f.write_str("no answer"),
        }
    }
}

/// How the server answered one gRPC call.
#[derive(Debug, Clone, PartialEq)]
pub enum Answer {
    /// A gRPC status (0 is OK).
    Grpc(i32),
    /// An HTTP response that is not gRPC (a proxy's error page).
    Http(u16),
    /// The TLS session ended with an alert (TLS 1.3 servers judge the
    /// client certificate after the client thinks the handshake is done).
    Tls(rustls::Error),
    /// Whatever answered does not speak HTTP/2.
    NotHttp2(String),
    /// No answer within the limit: slow, not foreign.
    Silent,
    /// The call could not be made (a header the API key cannot be sent in).
    Unsent,
}

/// Probes `target`, each stage bounded by `limit`.
pub async fn probe(target: &Target, limit: Duration) -> Facts {
    let mut facts = Facts::default();
    let tcp = match tcp(target, limit).await {
        Ok(tcp) => tcp,
        Err(cause) => {
            facts.unreachable = Some(cause);
            return facts;
        }
    };
    match &target.tls {
        Some(material) => {
            let record = Arc::new(Record::default());
            let connector = TlsConnector::from(Arc::new(probe_config(material, record.clone())));
            let mut handshake = Handshake {
                expected: target.server_name.clone(),
                ..Handshake::default()
            };
            match timeout(limit, connector.connect(server_name(target), tcp)).await {
                // A server whose certificate did not verify may be anyone:
                // it gets no call, and so never the API key.
                Ok(Ok(stream)) if record.verified() => {
                    facts.answer = Some(call(stream, "https", target, limit).await);
                }
                Ok(Ok(_)) => {}
                Ok(Err(e)) => handshake.failed = Some(ended(&e)),
                Err(_) => handshake.failed = Some(Ended::NoAnswer),
            }
            handshake.verdict = record.verdict.lock().expect("not poisoned").take();
            let leaf = record.leaf.lock().expect("not poisoned").take();
            handshake.names = leaf.as_ref().map(dns_names).unwrap_or_default();
            handshake.leaf = leaf;
            handshake.asked_for_client_cert = record.asked();
            facts.tls = Some(handshake);
        }
        None => {
            let answer = call(tcp, "http", target, limit).await;
            if matches!(answer, Answer::NotHttp2(_)) {
                facts.speaks_tls = speaks_tls(target, limit).await;
            }
            facts.answer = Some(answer);
        }
    }
    facts
}

async fn tcp(target: &Target, limit: Duration) -> Result<TcpStream, String> {
    let address = (target.host.trim_matches(['[', ']']), target.port);
    match timeout(limit, TcpStream::connect(address)).await {
        Ok(Ok(tcp)) => Ok(tcp),
        Ok(Err(e)) => Err(e.to_string()),
        Err(_) => Err("no answer".into()),
    }
}

fn server_name(target: &Target) -> rustls::pki_types::ServerName<'static> {
    let name = target.server_name.trim_matches(['[', ']']).to_string();
    rustls::pki_types::ServerName::try_from(name)
        .unwrap_or_else(|_| rustls::pki_types::ServerName::try_from("invalid.name").unwrap())
}

/// Whether a TLS handshake at the target gets as far as a server's answer.
async fn speaks_tls(target: &Target, limit: Duration) -> bool {
    let Ok(tcp) = tcp(target, limit).await else {
        return false;
    };
    let config = probe_config(&Material::default(), Arc::new(Record::default()));
    let connector = TlsConnector::from(Arc::new(config));
    match timeout(limit, connector.connect(server_name(target), tcp)).await {
        Ok(Ok(_)) => true,
        // An alert is a TLS server speaking (it just did not like us).
        Ok(Err(e)) => matches!(ended(&e), Ended::Tls(rustls::Error::AlertReceived(_))),
        Err(_) => false,
    }
}

/// The rustls error inside an I/O error, if that is what it is.
fn tls_error(error: &std::io::Error) -> Option<rustls::Error> {
    error
        .get_ref()
        .and_then(|inner| inner.downcast_ref::<rustls::Error>())
        .cloned()
}

fn ended(error: &std::io::Error) -> Ended {
    match tls_error(error) {
        Some(tls) => Ended::Tls(tls),
        None => Ended::Io(error.to_string()),
    }
}

/// One `GetSystemInfo` call, the way the SDK's first call is made.
async fn call<T>(io: T, scheme: &str, target: &Target, limit: Duration) -> Answer
where
    T: AsyncRead + AsyncWrite + Unpin + Send + 'static,
{
    match timeout(limit, exchange(io, scheme, target)).await {
        Ok(Ok(answer)) => answer,
        Ok(Err(e)) => h2_answer(&e),
        Err(_) => Answer::Silent,
    }
}

async fn exchange<T>(io: T, scheme: &str, target: &Target) -> Result<Answer, h2::Error>
where
    T: AsyncRead + AsyncWrite + Unpin + Send + 'static,
{
    let (client, connection) = h2::client::handshake(io).await?;
    tokio::spawn(connection);
    let mut client = client.ready().await?;
    let authority = &target.authority;
    let path = "/temporal.api.workflowservice.v1.WorkflowService/GetSystemInfo";
    let mut request = http::Request::post(format!("{scheme}://{authority}{path}"))
        .header("content-type", "application/grpc")
        .header("te", "trailers");
    if let Some(key) = &target.api_key {
        let Ok(mut value) = http::HeaderValue::from_str(&format!("Bearer {key}")) else {
            return Ok(Answer::Unsent);
        };
        // Never entered in HPACK's tables.
        value.set_sensitive(true);
        request = request.header("authorization", value);
    }
    for (name, value) in &target.headers {
        request = request.header(name.as_str(), value.as_str());
    }
    let Ok(request) = request.body(()) else {
        return Ok(Answer::Unsent);
    };
    let (response, mut body) = client.send_request(request, false)?;
    // An empty GetSystemInfoRequest: no compression flag, zero length.
    body.send_data(Bytes::from_static(&[0, 0, 0, 0, 0]), true)?;
    let response = response.await?;
    let grpc = response
        .headers()
        .get("content-type")
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.starts_with("application/grpc"));
    if let Some(code) = grpc_status(response.headers()) {
        return Ok(Answer::Grpc(code));
    }
    let status = response.status().as_u16();
    if !grpc {
        return Ok(Answer::Http(status));
    }
    let mut body = response.into_body();
    while let Some(chunk) = body.data().await {
        let chunk = chunk?;
        let _ = body.flow_control().release_capacity(chunk.len());
    }
    let trailers = body.trailers().await?;
    Ok(match trailers.as_ref().and_then(grpc_status) {
        Some(code) => Answer::Grpc(code),
        None => Answer::Http(status),
    })
}

fn grpc_status(headers: &http::HeaderMap) -> Option<i32> {
    headers.get("grpc-status")?.to_str().ok()?.parse().ok()
}

/// An HTTP/2 failure: a TLS alert underneath, or a peer that is not HTTP/2.
fn h2_answer(error: &h2::Error) -> Answer {
    if let Some(tls) = error.get_io().and_then(tls_error) {
        return Answer::Tls(tls);
    }
    Answer::NotHttp2(error.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_alert_reads_as_the_diagnosis_words_it() {
        let alert = rustls::AlertDescription::UnknownCA;
        let ended = Ended::Tls(rustls::Error::AlertReceived(alert));
        assert_eq!(ended.to_string(), "the server sent a TLS alert: unknown CA");
    }

    #[test]
    fn a_handshake_in_a_debug_log_shows_the_certificates_length_not_its_bytes() {
        let handshake = Handshake {
            leaf: Some(vec![0xAB; 700].into()),
            ..Handshake::default()
        };
        let logged = format!("{handshake:?}");
        assert!(logged.contains("leaf_bytes: Some(700)"), "{logged}");
        assert!(!logged.contains("171"), "{logged}");
    }
}
