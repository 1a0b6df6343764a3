//! Production connections for real (README "Running on a Temporal cluster
//! or Temporal Cloud"): nginx terminates TLS, mTLS or an API-key check in
//! front of the dev server (tests/common/tls.rs), and orca connects through
//! it from every source of settings (`paths`), is told why when it cannot
//! (`diagnosis`), and runs what the README shows (`readme`). Any API key in
//! these tests is `KEY`, asserted absent from every output and log.

use std::process::Command;

use crate::common::{
    tls::{CertFiles, Guard, Pki, Proxy, Validity},
    *,
};

mod diagnosis;
mod paths;
mod readme;

/// The name the proxy's certificate carries: connecting to 127.0.0.1 by it
/// takes `--tls-server-name` (or `TEMPORAL_TLS_SERVER_NAME`).
pub const NAME: &str = "temporal.example.com";

/// The API key the `ApiKey` proxy accepts; never to be seen in output.
pub const KEY: &str = "orca-tls-canary-key-3c9d";

/// One test's proxy: a CA, a server certificate for `NAME`, a client
/// certificate from the same CA, and nginx with `guard` in front of the
/// shared dev server.
pub struct Bed {
    pub env: Env,
    pub pki: Pki,
    pub client: CertFiles,
    pub proxy: Proxy,
}

impl Bed {
    pub fn new(guard: Guard) -> Bed {
        Bed::serving(guard, Validity::Current)
    }

    /// A bed whose server certificate is valid as `validity` says.
    pub fn serving(guard: Guard, validity: Validity) -> Bed {
        let env = Env::new();
        let pki = Pki::new(env.dir.path(), "ca");
        let server = pki.server_cert("server", &[NAME], validity);
        let client = pki.client_cert("client", Validity::Current);
        let client_ca = (guard == Guard::MutualTls).then(|| pki.ca_path());
        let proxy = Proxy::start(
            env.dir.path(),
            &env.address,
            &server,
            client_ca.as_deref(),
            guard,
        );
        Bed {
            env,
            pki,
            client,
            proxy,
        }
    }

    /// `orca ARGS` aimed at the proxy, with no TLS setting of its own.
    pub fn orca<I, S>(&self, args: I) -> Run
    where
        I: IntoIterator<Item = S>,
        S: AsRef<std::ffi::OsStr>,
    {
        let mut run = self
            .env
            .orca(args)
            .env("TEMPORAL_ADDRESS", self.proxy.address());
        run.command.current_dir(self.env.dir.path());
        run
    }

    /// The CA and server name as flags: what every TLS connection here needs.
    pub fn trust(&self) -> Vec<String> {
        vec![
            "--tls-ca-path".into(),
            self.pki.ca_path().display().to_string(),
            "--tls-server-name".into(),
            NAME.into(),
        ]
    }

    /// The client certificate as flags.
    pub fn identity(&self) -> Vec<String> {
        identity_of(&self.client)
    }

    /// `orca worker` through the proxy, trusting it by `TEMPORAL_TLS_*`
    /// variables plus `extra` environment.
    pub fn worker(&self, extra: &[(&str, &str)]) -> Worker {
        let mut command = self.env.worker_command(&[]);
        command
            .env("TEMPORAL_ADDRESS", self.proxy.address())
            .env("TEMPORAL_TLS_SERVER_CA_CERT_PATH", self.pki.ca_path())
            .env("TEMPORAL_TLS_SERVER_NAME", NAME)
            .env("RUST_LOG", "debug");
        for (key, value) in extra {
            command.env(key, value);
        }
        Worker::spawn(command, "worker started")
    }

    /// The official CLI writing a profile into `temporal.toml` here.
    pub fn temporal_config_set(&self, profile: &str, prop: &str, value: &str) {
        let mut command = Command::new(temporal_bin());
        isolate(&mut command, &self.env.dir);
        let done = Run { command }
            .env("TEMPORAL_CONFIG_FILE", self.env.path("temporal.toml"))
            .args([
                "config",
                "set",
                "--profile",
                profile,
                "--prop",
                prop,
                "--value",
                value,
            ])
            .run();
        assert_eq!(done.code, 0, "temporal config set {prop}:\n{done}");
    }
}

/// A client certificate and key as flags.
pub fn identity_of(files: &CertFiles) -> Vec<String> {
    vec![
        "--tls-cert-path".into(),
        files.cert.display().to_string(),
        "--tls-key-path".into(),
        files.key.display().to_string(),
    ]
}

/// The API key is not in `text`.
#[track_caller]
pub fn assert_no_key(what: &str, text: &str) {
    assert!(!text.contains(KEY), "{what} shows the API key:\n{text}");
}
