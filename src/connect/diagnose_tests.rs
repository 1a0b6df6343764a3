use rustls::{
    AlertDescription as A, CertificateError as C,
    pki_types::{ServerName, UnixTime},
};

use super::*;

fn tls(failed: Option<rustls::Error>, verdict: Option<rustls::Error>, asked: bool) -> Facts {
    Facts {
        tls: Some(Handshake {
            failed: failed.map(Ended::Tls),
            expected: "127.0.0.1".into(),
            verdict,
            names: vec!["temporal.test".into()],
            asked_for_client_cert: asked,
            leaf: None,
        }),
        ..Facts::default()
    }
}

fn answering(mut facts: Facts, answer: Answer) -> Facts {
    facts.answer = Some(answer);
    facts
}

const TLS: Asked = Asked {
    ca: true,
    client_cert: false,
    api_key: false,
};
const MTLS: Asked = Asked {
    client_cert: true,
    ..TLS
};

#[test]
fn an_unreachable_address_is_left_to_the_connection_error() {
    let facts = Facts {
        unreachable: Some("Connection refused".into()),
        ..Facts::default()
    };
    assert_eq!(diagnose(TLS, &facts), None);
}

#[test]
fn a_plain_server_answering_a_handshake_is_named() {
    let failed = rustls::Error::InvalidMessage(rustls::InvalidMessage::InvalidContentType);
    assert_eq!(
        diagnose(TLS, &tls(Some(failed), None, false)),
        Some(Problem::PlainServer)
    );
}

#[test]
fn a_tls_server_reached_without_tls_is_named() {
    let facts = Facts {
        answer: Some(Answer::NotHttp2("frame with invalid size".into())),
        speaks_tls: true,
        ..Facts::default()
    };
    assert_eq!(diagnose(Asked::default(), &facts), Some(Problem::TlsServer));
}

#[test]
fn an_unknown_issuer_asks_for_the_ca() {
    let verdict = rustls::Error::InvalidCertificate(C::UnknownIssuer);
    let problem = diagnose(TLS, &tls(None, Some(verdict), false)).unwrap();
    assert_eq!(problem, Problem::Untrusted { ca: true });
    assert!(problem.hint().contains("--tls-ca-path"));
}

#[test]
fn a_wrong_name_offers_the_names_the_certificate_carries() {
    let verdict = rustls::Error::InvalidCertificate(C::NotValidForNameContext {
        expected: ServerName::try_from("127.0.0.1").unwrap(),
        presented: vec![],
    });
    let problem = diagnose(TLS, &tls(None, Some(verdict), false)).unwrap();
    assert!(
        problem
            .message()
            .contains("`127.0.0.1`; it names temporal.test")
    );
    assert!(problem.hint().contains("--tls-server-name temporal.test"));
}

#[test]
fn an_expired_certificate_says_when() {
    let verdict = rustls::Error::InvalidCertificate(C::ExpiredContext {
        time: UnixTime::since_unix_epoch(Duration::from_secs(1_800_000_000)),
        not_after: UnixTime::since_unix_epoch(Duration::from_secs(1_735_787_045)),
    });
    let problem = diagnose(TLS, &tls(None, Some(verdict), false)).unwrap();
    assert!(
        problem
            .message()
            .ends_with("expired on 2025-01-02 03:04:05 UTC"),
        "{}",
        problem.message()
    );
}

#[test]
fn a_certificate_required_alert_asks_for_one() {
    let failed = rustls::Error::AlertReceived(A::CertificateRequired);
    let problem = diagnose(TLS, &tls(Some(failed), None, true)).unwrap();
    assert_eq!(problem, Problem::ClientCertNeeded);
    assert!(problem.hint().contains("--tls-cert-path"));
}

#[test]
fn an_alert_after_the_handshake_refuses_the_certificate_given() {
    let facts = answering(
        tls(None, None, true),
        Answer::Tls(rustls::Error::AlertReceived(A::UnknownCA)),
    );
    assert_eq!(
        diagnose(MTLS, &facts),
        Some(Problem::ClientCertRefused {
            alert: Some("unknown CA".into())
        })
    );
}

#[test]
fn a_proxys_400_after_asking_for_a_certificate_wants_one() {
    let facts = answering(tls(None, None, true), Answer::Http(400));
    assert_eq!(diagnose(TLS, &facts), Some(Problem::ClientCertNeeded));
}

#[test]
fn a_proxys_400_after_asking_for_a_certificate_refuses_the_one_given() {
    let facts = answering(tls(None, None, true), Answer::Http(400));
    assert_eq!(
        diagnose(MTLS, &facts),
        Some(Problem::ClientCertRefused { alert: None })
    );
}

#[test]
fn a_handshake_failure_before_any_certificate_request_is_not_about_certificates() {
    let failed = rustls::Error::AlertReceived(A::HandshakeFailure);
    assert_eq!(diagnose(MTLS, &tls(Some(failed), None, false)), None);
}

#[test]
fn a_handshake_failure_after_a_certificate_request_wants_one() {
    let failed = rustls::Error::AlertReceived(A::HandshakeFailure);
    assert_eq!(
        diagnose(TLS, &tls(Some(failed), None, true)),
        Some(Problem::ClientCertNeeded)
    );
}

#[test]
fn a_400_from_a_server_that_asked_for_no_certificate_is_not_temporal() {
    let facts = answering(tls(None, None, false), Answer::Http(400));
    assert!(matches!(
        diagnose(TLS, &facts),
        Some(Problem::NotTemporal { .. })
    ));
}

const WITH_KEY: Asked = Asked {
    api_key: true,
    ..TLS
};

fn refusal(asked: Asked, answer: Answer) -> Option<Problem> {
    diagnose(asked, &answering(tls(None, None, false), answer))
}

#[test]
fn http_401_with_an_api_key_refuses_the_key() {
    let problem = refusal(WITH_KEY, Answer::Http(401));
    assert!(
        matches!(problem, Some(Problem::ApiKeyRefused { .. })),
        "{problem:?}"
    );
}

#[test]
fn http_401_without_credentials_asks_for_them() {
    let problem = refusal(TLS, Answer::Http(401));
    assert!(
        matches!(problem, Some(Problem::CredentialsNeeded { .. })),
        "{problem:?}"
    );
}

#[test]
fn http_403_with_an_api_key_refuses_the_key() {
    let problem = refusal(WITH_KEY, Answer::Http(403));
    assert!(
        matches!(problem, Some(Problem::ApiKeyRefused { .. })),
        "{problem:?}"
    );
}

#[test]
fn http_403_without_credentials_asks_for_them() {
    let problem = refusal(TLS, Answer::Http(403));
    assert!(
        matches!(problem, Some(Problem::CredentialsNeeded { .. })),
        "{problem:?}"
    );
}

#[test]
fn unauthenticated_with_an_api_key_refuses_the_key() {
    let problem = refusal(WITH_KEY, Answer::Grpc(16));
    assert!(
        matches!(problem, Some(Problem::ApiKeyRefused { .. })),
        "{problem:?}"
    );
}

#[test]
fn unauthenticated_without_credentials_asks_for_them() {
    let problem = refusal(TLS, Answer::Grpc(16));
    assert!(
        matches!(problem, Some(Problem::CredentialsNeeded { .. })),
        "{problem:?}"
    );
}

#[test]
fn permission_denied_with_an_api_key_refuses_the_key() {
    let problem = refusal(WITH_KEY, Answer::Grpc(7));
    assert!(
        matches!(problem, Some(Problem::ApiKeyRefused { .. })),
        "{problem:?}"
    );
}

#[test]
fn permission_denied_without_credentials_asks_for_them() {
    let problem = refusal(TLS, Answer::Grpc(7));
    assert!(
        matches!(problem, Some(Problem::CredentialsNeeded { .. })),
        "{problem:?}"
    );
}

#[test]
fn an_http_404_is_not_temporal() {
    let problem = refusal(TLS, Answer::Http(404));
    assert!(
        matches!(problem, Some(Problem::NotTemporal { .. })),
        "{problem:?}"
    );
}

#[test]
fn a_grpc_server_without_the_workflow_service_is_not_temporal() {
    let problem = refusal(TLS, Answer::Grpc(12));
    assert!(
        matches!(problem, Some(Problem::NotTemporal { .. })),
        "{problem:?}"
    );
}

#[test]
fn a_peer_that_is_not_http2_is_not_temporal() {
    let problem = refusal(TLS, Answer::NotHttp2("x".into()));
    assert!(
        matches!(problem, Some(Problem::NotTemporal { .. })),
        "{problem:?}"
    );
}

#[test]
fn a_proxys_502_is_its_upstream_down_not_a_wrong_address() {
    assert_eq!(
        refusal(TLS, Answer::Http(502)),
        Some(Problem::Upstream { status: 502 })
    );
}

#[test]
fn a_proxys_503_is_its_upstream_down_not_a_wrong_address() {
    assert_eq!(
        refusal(TLS, Answer::Http(503)),
        Some(Problem::Upstream { status: 503 })
    );
}

#[test]
fn no_answer_to_the_call_is_left_to_the_connection_error() {
    assert_eq!(refusal(TLS, Answer::Silent), None);
}

#[test]
fn a_healthy_answer_is_no_problem() {
    let facts = answering(tls(None, None, false), Answer::Grpc(0));
    assert_eq!(diagnose(TLS, &facts), None);
}

#[test]
fn no_hint_suggests_a_dev_server() {
    let problems = [
        Problem::PlainServer,
        Problem::TlsServer,
        Problem::Untrusted { ca: false },
        Problem::Untrusted { ca: true },
        Problem::ClientCertNeeded,
        Problem::ClientCertRefused { alert: None },
        Problem::Upstream { status: 502 },
        Problem::NotTemporal { answer: "x".into() },
        Problem::ApiKeyRefused { answer: "x".into() },
        Problem::CredentialsNeeded { answer: "x".into() },
    ];
    let dev = problems.iter().filter(|p| p.hint().contains("orca dev"));
    assert_eq!(dev.collect::<Vec<_>>(), Vec::<&Problem>::new());
}
