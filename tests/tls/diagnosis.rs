//! Each way a production connection fails says why in one `error:` line and
//! names the flag or file that fixes it in one `hint:`: exit 6 for the
//! connection, 2 for a local file. No hint suggests `orca dev` for an
//! address that is not this machine.

use std::time::Duration;

use super::*;

/// A failed connection, said cleanly, exit `code`, hint never `orca dev`.
#[track_caller]
fn refused(run: Run, code: i32) -> Done {
    let done = run.args(["list"]).code(code);
    done.clean_error();
    assert!(!done.stderr.contains("orca dev"), "{done}");
    done
}

#[test]
fn no_client_certificate_where_the_proxy_requires_one() {
    let bed = Bed::new(Guard::MutualTls);
    refused(bed.orca(bed.trust()), 6)
        .stderr_has("wants a client certificate (mTLS), and none was given")
        .stderr_has("hint: pass one: --tls-cert-path FILE --tls-key-path FILE");
}

#[test]
fn a_client_certificate_from_another_ca_is_not_accepted() {
    let bed = Bed::new(Guard::MutualTls);
    std::fs::create_dir_all(bed.env.path("other")).unwrap();
    let stranger = Pki::new(&bed.env.path("other"), "other-ca");
    let rogue = stranger.client_cert("rogue", Validity::Current);
    refused(bed.orca(bed.trust()).args(identity_of(&rogue)), 6)
        .stderr_has("did not accept the client certificate")
        .stderr_has("hint: check --tls-cert-path");
}

#[test]
fn an_expired_client_certificate_is_not_accepted() {
    let bed = Bed::new(Guard::MutualTls);
    let old = bed.pki.client_cert("old", Validity::Expired);
    refused(bed.orca(bed.trust()).args(identity_of(&old)), 6)
        .stderr_has("did not accept the client certificate")
        .stderr_has("--tls-cert-path");
}

#[test]
fn a_server_certificate_from_an_unknown_ca_asks_for_the_ca_path() {
    let bed = Bed::new(Guard::Tls);
    refused(bed.orca(["--tls", "--tls-server-name", NAME]), 6)
        .stderr_has("certificate is not signed by a CA this client trusts")
        .stderr_has("hint: pass the CA that signed the server's certificate: --tls-ca-path");
}

#[test]
fn a_name_the_certificate_does_not_carry_offers_the_names_it_does() {
    let bed = Bed::new(Guard::Tls);
    refused(bed.orca(["--tls-ca-path"]).arg(bed.pki.ca_path()), 6)
        .stderr_has(&format!(
            "not valid for the name `127.0.0.1`; it names {NAME}"
        ))
        .stderr_has(&format!("--tls-server-name {NAME}"));
}

#[test]
fn an_expired_server_certificate_says_when_it_expired() {
    let bed = Bed::serving(Guard::Tls, Validity::Expired);
    refused(bed.orca(bed.trust()), 6)
        .stderr_has("the server's certificate expired on 2025-01-02 03:04:05 UTC");
}

#[test]
fn a_server_certificate_not_yet_valid_says_from_when() {
    let bed = Bed::serving(Guard::Tls, Validity::NotYetValid);
    refused(bed.orca(bed.trust()), 6)
        .stderr_has("is not valid until 2099-01-01 00:00:00 UTC")
        .stderr_has("check this machine's clock");
}

#[test]
fn tls_against_a_plain_server_says_it_speaks_plain_grpc() {
    let env = Env::new();
    refused(env.orca(["--tls"]), 6)
        .stderr_has("the server speaks plain gRPC, not TLS")
        .stderr_has("drop --tls");
}

#[test]
fn plain_grpc_against_a_tls_server_says_it_speaks_tls() {
    let bed = Bed::new(Guard::Tls);
    refused(bed.orca(Vec::<String>::new()), 6)
        .stderr_has("the server speaks TLS, but TLS is off")
        .stderr_has("hint: add --tls");
}

#[test]
fn a_refused_api_key_is_said() {
    let bed = Bed::new(Guard::ApiKey("the-right-key".into()));
    refused(bed.orca(bed.trust()).env("TEMPORAL_API_KEY", KEY), 6)
        .stderr_has("refused the API key (HTTP 403)")
        .stderr_has("hint: check TEMPORAL_API_KEY");
}

#[test]
fn a_refused_api_key_is_never_shown_even_in_a_trace() {
    let bed = Bed::new(Guard::ApiKey("the-right-key".into()));
    let done = bed
        .orca(bed.trust())
        .args(["list"])
        .env("TEMPORAL_API_KEY", KEY)
        .env("RUST_LOG", "trace")
        .code(6);
    assert_no_key("a refused key", &format!("{}{}", done.stdout, done.stderr));
    assert_no_key("nginx's error log", &bed.proxy.error_log());
}

#[test]
fn no_api_key_where_one_is_required_asks_for_credentials() {
    let bed = Bed::new(Guard::ApiKey(KEY.into()));
    refused(bed.orca(bed.trust()), 6)
        .stderr_has("wants credentials (an API key or a client certificate)")
        .stderr_has("hint: set TEMPORAL_API_KEY");
}

#[test]
fn an_address_that_is_not_a_temporal_frontend_says_so() {
    let bed = Bed::new(Guard::NotFound);
    refused(bed.orca(bed.trust()), 6)
        .stderr_has("answers, but is not a Temporal frontend (HTTP 404")
        .stderr_has("hint: check --address");
}

#[test]
fn a_key_that_is_not_the_certificates_is_a_local_error() {
    let bed = Bed::new(Guard::MutualTls);
    let other = bed.pki.client_cert("other", Validity::Current);
    refused(
        bed.orca(bed.trust())
            .args(["--tls-cert-path"])
            .arg(&bed.client.cert)
            .arg("--tls-key-path")
            .arg(&other.key),
        2,
    )
    .stderr_has("is not the key of the client certificate")
    .stderr_has("hint: it is set by --tls-key-path");
}

#[test]
fn a_ca_file_that_holds_no_certificate_is_a_local_error() {
    let bed = Bed::new(Guard::Tls);
    refused(
        bed.orca(["--tls-server-name", NAME, "--tls-ca-path"])
            .arg(&bed.client.key),
        2,
    )
    .stderr_has("server CA certificate")
    .stderr_has("holds no certificate")
    .stderr_has("hint: it is set by --tls-ca-path");
}

#[test]
fn an_unreachable_remote_address_names_the_address_not_a_dev_server() {
    let env = Env::offline();
    let done = env
        .orca([
            "list",
            "--address",
            "10.255.255.1:7233",
            "--connect-timeout",
            "1s",
        ])
        .run_within(Duration::from_secs(15));
    assert_eq!(done.code, 6, "{done}");
    done.clean_error().stderr_has("hint: check --address");
    assert!(!done.stderr.contains("orca dev"), "{done}");
}

#[test]
fn the_api_key_is_never_sent_to_a_server_whose_certificate_does_not_verify() {
    let bed = Bed::new(Guard::ApiKey(KEY.into()));
    // No --tls-ca-path: the proxy's certificate is from a CA not trusted here.
    refused(
        bed.orca(["--tls-server-name", NAME])
            .env("TEMPORAL_API_KEY", KEY),
        6,
    )
    .stderr_has("not signed by a CA this client trusts");
    // nginx logs a request once answered; stopped, it has logged them all.
    let Bed {
        env: _env, proxy, ..
    } = bed;
    let log = proxy.prefix.join("access.log");
    drop(proxy);
    let requests = std::fs::read_to_string(&log).expect("nginx writes its access log");
    assert!(
        requests.trim().is_empty(),
        "a request reached a server that did not prove who it is:\n{requests}"
    );
}

#[test]
fn a_proxy_whose_temporal_is_down_says_so_not_a_wrong_address() {
    let env = Env::new();
    let pki = Pki::new(env.dir.path(), "ca");
    let server = pki.server_cert("server", &[NAME], Validity::Current);
    let nowhere = format!("127.0.0.1:{}", free_port());
    let proxy = Proxy::start(env.dir.path(), &nowhere, &server, None, Guard::Tls);
    let done = env
        .orca(["list", "--tls-server-name", NAME, "--tls-ca-path"])
        .arg(pki.ca_path())
        .env("TEMPORAL_ADDRESS", proxy.address())
        .code(6);
    done.clean_error()
        .stderr_has("a proxy answers (HTTP 502), but the Temporal server behind it does not");
}

#[test]
fn an_http_address_with_tls_is_refused_before_a_key_goes_out_in_clear() {
    let bed = Bed::new(Guard::ApiKey(KEY.into()));
    let address = format!("http://{}", bed.proxy.address());
    refused(
        bed.orca(["--address", &address])
            .env("TEMPORAL_API_KEY", KEY),
        2,
    )
    .stderr_has("the address says http://, which is plaintext, but TLS is on");
}

#[test]
fn a_server_name_that_is_no_name_is_a_local_error() {
    let bed = Bed::new(Guard::Tls);
    refused(
        bed.orca(["--tls-server-name", "https://temporal.example.com:7233"]),
        2,
    )
    .stderr_has("is not a host name or IP address");
}

#[test]
fn a_worker_without_a_client_certificate_is_told_why() {
    let bed = Bed::new(Guard::MutualTls);
    let mut command = bed.env.worker_command(&[]);
    command
        .env("TEMPORAL_ADDRESS", bed.proxy.address())
        .env("TEMPORAL_TLS_SERVER_CA_CERT_PATH", bed.pki.ca_path())
        .env("TEMPORAL_TLS_SERVER_NAME", NAME);
    let done = Run { command }.code(6);
    done.stderr_has("wants a client certificate (mTLS), and none was given")
        .stderr_has("hint: pass one: --tls-cert-path");
    assert!(!done.stderr.contains("orca dev"), "{done}");
}
