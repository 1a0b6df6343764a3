use rustls::{
    AlertDescription as A, CertificateError as C,
    pki_types::{ServerName, UnixTime},
};

use super::*;

fn tls(failed: Option<rustls::Error>, verdict: Option<rustls::Error>, asked: bool) -> Facts {
    Facts {
        tls: Some(Handshake {
            failed,
            verdict,
            names: vec!["temporal.test".into()],
            asked_for_client_cert: asked,
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
fn a_proxys_400_after_asking_for_a_certificate_is_about_the_certificate() {
    let facts = answering(tls(None, None, true), Answer::Http(400));
    assert_eq!(diagnose(TLS, &facts), Some(Problem::ClientCertNeeded));
    assert_eq!(
        diagnose(MTLS, &facts),
        Some(Problem::ClientCertRefused { alert: None })
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

#[test]
fn a_refusal_with_an_api_key_is_about_the_key() {
    let with_key = Asked {
        api_key: true,
        ..TLS
    };
    for answer in [
        Answer::Http(401),
        Answer::Http(403),
        Answer::Grpc(16),
        Answer::Grpc(7),
    ] {
        let facts = answering(tls(None, None, false), answer.clone());
        assert!(
            matches!(
                diagnose(with_key, &facts),
                Some(Problem::ApiKeyRefused { .. })
            ),
            "{answer:?}"
        );
        assert!(
            matches!(
                diagnose(TLS, &facts),
                Some(Problem::CredentialsNeeded { .. })
            ),
            "{answer:?}"
        );
    }
}

#[test]
fn a_404_or_a_foreign_grpc_server_is_not_temporal() {
    for answer in [
        Answer::Http(404),
        Answer::Grpc(12),
        Answer::NotHttp2("x".into()),
    ] {
        let facts = answering(tls(None, None, false), answer.clone());
        assert!(
            matches!(diagnose(TLS, &facts), Some(Problem::NotTemporal { .. })),
            "{answer:?}"
        );
    }
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
        Problem::ClientCertNeeded,
        Problem::NotTemporal { answer: "x".into() },
        Problem::ApiKeyRefused { answer: "x".into() },
    ];
    for problem in problems {
        assert!(!problem.hint().contains("orca dev"), "{problem:?}");
    }
}
