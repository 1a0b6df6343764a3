//! TLS material, read once: certificates and keys parsed from PEM (so a
//! malformed file, or a key that is not its certificate's, is a local error
//! naming the file), and the rustls configuration the connection probe
//! handshakes with, which records what the handshake showed instead of
//! stopping at the first thing wrong.

use std::sync::{
    Arc, Mutex,
    atomic::{AtomicBool, Ordering},
};

use rustls::{
    ClientConfig, DigitallySignedStruct, RootCertStore, SignatureScheme,
    client::{
        ResolvesClientCert, WebPkiServerVerifier,
        danger::{HandshakeSignatureValid, ServerCertVerified, ServerCertVerifier},
    },
    crypto::CryptoProvider,
    pki_types::{CertificateDer, PrivateKeyDer, ServerName, UnixTime, pem::PemObject},
    sign::CertifiedKey,
};

/// Why a PEM file cannot be used; the caller names the file.
pub type Problem = String;

/// What is wrong with PEM text, in words of our own: the parser's message
/// quotes the bytes it choked on, which in a key file are the key.
fn pem_problem(error: &rustls::pki_types::pem::Error) -> &'static str {
    use rustls::pki_types::pem::Error as E;
    match error {
        E::MissingSectionEnd { .. } => {
            "has a -----BEGIN line and no -----END line (newlines lost?)"
        }
        E::IllegalSectionStart { .. } => "has a malformed -----BEGIN line",
        E::Base64Decode(_) => "has a body that is not base64",
        E::NoItemsFound => "holds nothing of the kind",
        E::SectionTooLarge => "has a section over 256 MB",
        _ => "cannot be read as PEM",
    }
}

/// Every certificate in a PEM file; at least one.
pub fn certificates(pem: &[u8]) -> Result<Vec<CertificateDer<'static>>, Problem> {
    let certs = CertificateDer::pem_slice_iter(pem)
        .collect::<Result<Vec<_>, _>>()
        .map_err(|e| format!("is not a PEM certificate: it {}", pem_problem(&e)))?;
    match certs.is_empty() {
        true => Err("holds no certificate (no -----BEGIN CERTIFICATE----- block)".into()),
        false => Ok(certs),
    }
}

/// The private key in a PEM file (PKCS#8, PKCS#1 or SEC1).
pub fn private_key(pem: &[u8]) -> Result<PrivateKeyDer<'static>, Problem> {
    PrivateKeyDer::from_pem_slice(pem).map_err(|e| match e {
        rustls::pki_types::pem::Error::NoItemsFound => {
            "holds no private key (no -----BEGIN … PRIVATE KEY----- block)".to_string()
        }
        other => format!("is not a PEM private key: it {}", pem_problem(&other)),
    })
}

fn provider() -> Arc<CryptoProvider> {
    Arc::new(rustls::crypto::ring::default_provider())
}

/// A client certificate with its key, checked to belong together: a key
/// from another pair fails every handshake with a message about neither.
pub fn certified_key(cert: &[u8], key: &[u8]) -> Result<CertifiedKey, KeyError> {
    let chain = certificates(cert).map_err(KeyError::Certificate)?;
    let key = private_key(key).map_err(KeyError::Key)?;
    let signer = provider()
        .key_provider
        .load_private_key(key)
        .map_err(|e| KeyError::Key(format!("is not a key this client can sign with ({e})")))?;
    let pair = CertifiedKey::new(chain, signer);
    match pair.keys_match() {
        Ok(()) => Ok(pair),
        Err(rustls::Error::InconsistentKeys(_)) => Err(KeyError::Mismatch),
        // A key type whose public half rustls cannot compare: let the server judge.
        Err(_) => Ok(pair),
    }
}

/// What is wrong with a client certificate and key, file by file.
#[derive(Debug, PartialEq)]
pub enum KeyError {
    Certificate(Problem),
    Key(Problem),
    Mismatch,
}

/// What the probe's handshake saw; filled in while it runs.
#[derive(Debug, Default)]
pub struct Record {
    /// What verifying the server's certificate said (the probe goes on
    /// regardless, to learn what else the server wants).
    pub verdict: Mutex<Option<rustls::Error>>,
    /// The server's own certificate, for the names it carries.
    pub leaf: Mutex<Option<CertificateDer<'static>>>,
    /// Whether the server asked for a client certificate.
    pub asked_for_client_cert: AtomicBool,
}

impl Record {
    /// Whether the server's certificate verified as the real connection
    /// would verify it (and the handshake got that far).
    pub fn verified(&self) -> bool {
        let verdict = self.verdict.lock().expect("not poisoned");
        let seen = self.leaf.lock().expect("not poisoned").is_some();
        seen && verdict.is_none()
    }

    pub fn asked(&self) -> bool {
        self.asked_for_client_cert.load(Ordering::SeqCst)
    }
}

/// The material a connection uses: the CA to trust (else the system's
/// roots, as the SDK does) and the client certificate, if any.
#[derive(Clone, Default)]
pub struct Material {
    pub ca: Option<Vec<u8>>,
    pub client: Option<(Vec<u8>, Vec<u8>)>,
}

/// A client configuration that trusts what the real connection trusts,
/// but accepts any server certificate after recording the verdict.
pub fn probe_config(material: &Material, record: Arc<Record>) -> ClientConfig {
    let provider = provider();
    let roots = Arc::new(roots(material.ca.as_deref()));
    let inner = WebPkiServerVerifier::builder_with_provider(roots, provider.clone())
        .build()
        .ok();
    let verifier = Verifier {
        inner,
        provider: provider.clone(),
        record: record.clone(),
    };
    let key = material
        .client
        .as_ref()
        .and_then(|(cert, key)| certified_key(cert, key).ok())
        .map(Arc::new);
    let builder = ClientConfig::builder_with_provider(provider)
        .with_safe_default_protocol_versions()
        .expect("ring supports the default protocol versions");
    let mut config = builder
        .dangerous()
        .with_custom_certificate_verifier(Arc::new(verifier))
        .with_client_cert_resolver(Arc::new(ClientCert { key, record }));
    config.alpn_protocols = vec![b"h2".to_vec()];
    config
}

fn roots(ca: Option<&[u8]>) -> RootCertStore {
    let mut store = RootCertStore::empty();
    let certs = match ca {
        Some(pem) => certificates(pem).unwrap_or_default(),
        None => rustls_native_certs::load_native_certs().certs,
    };
    store.add_parsable_certificates(certs);
    store
}

#[derive(Debug)]
struct Verifier {
    /// `None` when there are no roots at all: nothing can verify.
    inner: Option<Arc<WebPkiServerVerifier>>,
    provider: Arc<CryptoProvider>,
    record: Arc<Record>,
}

impl ServerCertVerifier for Verifier {
    fn verify_server_cert(
        &self,
        end_entity: &CertificateDer<'_>,
        intermediates: &[CertificateDer<'_>],
        server_name: &ServerName<'_>,
        ocsp_response: &[u8],
        now: UnixTime,
    ) -> Result<ServerCertVerified, rustls::Error> {
        let verdict = match &self.inner {
            Some(inner) => inner
                .verify_server_cert(end_entity, intermediates, server_name, ocsp_response, now)
                .err(),
            None => Some(rustls::Error::InvalidCertificate(
                rustls::CertificateError::UnknownIssuer,
            )),
        };
        *self.record.verdict.lock().expect("not poisoned") = verdict;
        *self.record.leaf.lock().expect("not poisoned") = Some(end_entity.clone().into_owned());
        Ok(ServerCertVerified::assertion())
    }

    fn verify_tls12_signature(
        &self,
        message: &[u8],
        cert: &CertificateDer<'_>,
        dss: &DigitallySignedStruct,
    ) -> Result<HandshakeSignatureValid, rustls::Error> {
        let algorithms = &self.provider.signature_verification_algorithms;
        rustls::crypto::verify_tls12_signature(message, cert, dss, algorithms)
    }

    fn verify_tls13_signature(
        &self,
        message: &[u8],
        cert: &CertificateDer<'_>,
        dss: &DigitallySignedStruct,
    ) -> Result<HandshakeSignatureValid, rustls::Error> {
        let algorithms = &self.provider.signature_verification_algorithms;
        rustls::crypto::verify_tls13_signature(message, cert, dss, algorithms)
    }

    fn supported_verify_schemes(&self) -> Vec<SignatureScheme> {
        self.provider
            .signature_verification_algorithms
            .supported_schemes()
    }
}

/// Offers the configured client certificate, noting that it was asked for.
#[derive(Debug)]
struct ClientCert {
    key: Option<Arc<CertifiedKey>>,
    record: Arc<Record>,
}

impl ResolvesClientCert for ClientCert {
    fn resolve(&self, _: &[&[u8]], _: &[SignatureScheme]) -> Option<Arc<CertifiedKey>> {
        self.record
            .asked_for_client_cert
            .store(true, Ordering::SeqCst);
        self.key.clone()
    }

    fn has_certs(&self) -> bool {
        self.key.is_some()
    }
}

/// The DNS names a certificate is valid for (its subjectAltName; webpki
/// does not list its IP addresses).
pub fn dns_names(cert: &CertificateDer<'_>) -> Vec<String> {
    webpki::EndEntityCert::try_from(cert)
        .map(|cert| cert.valid_dns_names().map(str::to_string).collect())
        .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_that_is_not_pem_holds_no_certificate() {
        assert!(
            certificates(b"hello")
                .unwrap_err()
                .contains("no certificate")
        );
    }

    #[test]
    fn text_that_is_not_pem_holds_no_key() {
        assert!(
            private_key(b"hello")
                .unwrap_err()
                .contains("no private key")
        );
    }

    #[test]
    fn a_key_on_one_line_is_refused_without_quoting_it() {
        let one_line =
            b"-----BEGIN PRIVATE KEY----- c2VjcmV0LWtleS1ieXRlcw== -----END PRIVATE KEY-----";
        let problem = private_key(one_line).unwrap_err();
        assert!(!problem.contains("c2VjcmV0"), "{problem}");
        assert!(!problem.contains("99, 50"), "{problem}");
    }

    #[test]
    fn a_pem_block_with_a_broken_body_is_not_a_certificate() {
        let broken = b"-----BEGIN CERTIFICATE-----\n%%%%\n-----END CERTIFICATE-----\n";
        assert!(certificates(broken).is_err());
    }
}
