//! A TLS test bed: throw-away certificates (a CA, server and client
//! certificates, made with rcgen) and Debian's nginx in front of the dev
//! server, terminating TLS and passing gRPC on in plain text. The dev
//! server speaks plain gRPC only, so this is how orca's TLS, mTLS and API
//! key paths meet a real handshake and a real refusal.

use std::{
    fs::File,
    path::{Path, PathBuf},
    process::{Child, Command, Stdio},
    time::{Duration, SystemTime, UNIX_EPOCH},
};

use rcgen::{
    BasicConstraints, CertificateParams, DnType, ExtendedKeyUsagePurpose as Eku, IsCa, Issuer,
    KeyPair, KeyUsagePurpose, date_time_ymd,
};
use wait_timeout::ChildExt;

use super::{free_port, poll_for};

/// When a leaf certificate is valid. The fixed instants are whole seconds
/// in UTC, so tests can assert the date orca prints.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Validity {
    /// From an hour ago (for clock skew) to a day ahead.
    Current,
    /// From 2025-01-01T00:00:00Z to 2025-01-02T03:04:05Z.
    Expired,
    /// From 2099-01-01T00:00:00Z to 2099-12-31T00:00:00Z.
    NotYetValid,
}

impl Validity {
    /// Sets `not_before`/`not_after` in place: rcgen's date type comes from
    /// the `time` crate, which the tests then need not name.
    fn apply(self, params: &mut CertificateParams) {
        match self {
            Validity::Current => around_now(params, 1, 24),
            Validity::Expired => {
                let time_of_day = Duration::from_secs(3 * 3600 + 4 * 60 + 5);
                params.not_before = date_time_ymd(2025, 1, 1);
                params.not_after = date_time_ymd(2025, 1, 2) + time_of_day;
            }
            Validity::NotYetValid => {
                params.not_before = date_time_ymd(2099, 1, 1);
                params.not_after = date_time_ymd(2099, 12, 31);
            }
        }
    }
}

/// Valid from `hours_before` now to `hours_after` it.
fn around_now(params: &mut CertificateParams, hours_before: u32, hours_after: u32) {
    let hour = Duration::from_secs(3600);
    let now = SystemTime::now().duration_since(UNIX_EPOCH).expect("clock");
    params.not_before = date_time_ymd(1970, 1, 1) + (now - hours_before * hour);
    params.not_after = date_time_ymd(1970, 1, 1) + (now + hours_after * hour);
}

/// A certificate and its private key, as PEM files.
#[derive(Clone, Debug)]
pub struct CertFiles {
    pub cert: PathBuf,
    pub key: PathBuf,
}

/// A throw-away certificate authority (ECDSA P-256, like every key here),
/// writing what it makes as PEM files into `dir`.
pub struct Pki {
    pub dir: PathBuf,
    ca_name: String,
    issuer: Issuer<'static, KeyPair>,
}

impl Pki {
    /// A self-signed CA named `ca_name`, valid from an hour ago to two days
    /// ahead (whatever its leaves' validity), written to `<ca_name>.pem`.
    pub fn new(dir: &Path, ca_name: &str) -> Pki {
        let key = KeyPair::generate().expect("CA key");
        let mut params = CertificateParams::default();
        params.distinguished_name = rcgen::DistinguishedName::new();
        params.distinguished_name.push(DnType::CommonName, ca_name);
        params.is_ca = IsCa::Ca(BasicConstraints::Unconstrained);
        params.key_usages = vec![
            KeyUsagePurpose::KeyCertSign,
            KeyUsagePurpose::CrlSign,
            KeyUsagePurpose::DigitalSignature,
        ];
        around_now(&mut params, 1, 48);
        let cert = params.self_signed(&key).expect("self-signed CA");
        let pki = Pki {
            dir: dir.to_path_buf(),
            ca_name: ca_name.to_string(),
            issuer: Issuer::new(params, key),
        };
        std::fs::write(pki.ca_path(), cert.pem()).expect("write the CA certificate");
        pki
    }

    /// The CA certificate (PEM): what a client trusts, or what nginx checks
    /// client certificates against.
    pub fn ca_path(&self) -> PathBuf {
        self.dir.join(format!("{}.pem", self.ca_name))
    }

    /// A server certificate for `sans` (DNS names, or IP addresses where
    /// one parses as such), written to `<name>.pem` and `<name>.key`.
    pub fn server_cert(&self, name: &str, sans: &[&str], validity: Validity) -> CertFiles {
        let sans: Vec<String> = sans.iter().map(|s| s.to_string()).collect();
        self.leaf(name, sans, Eku::ServerAuth, validity)
    }

    /// A client certificate for mTLS, with `name` as its DNS name, written
    /// to `<name>.pem` and `<name>.key`.
    pub fn client_cert(&self, name: &str, validity: Validity) -> CertFiles {
        let sans = vec![name.to_string()];
        self.leaf(name, sans, Eku::ClientAuth, validity)
    }

    fn leaf(&self, name: &str, sans: Vec<String>, eku: Eku, validity: Validity) -> CertFiles {
        let key = KeyPair::generate().expect("leaf key");
        let mut params = CertificateParams::new(sans).expect("subject alt names");
        params.distinguished_name = rcgen::DistinguishedName::new();
        params.distinguished_name.push(DnType::CommonName, name);
        params.key_usages = vec![KeyUsagePurpose::DigitalSignature];
        params.extended_key_usages = vec![eku];
        // Lets a verifier find the issuing CA by key, as real chains do.
        params.use_authority_key_identifier_extension = true;
        validity.apply(&mut params);
        let cert = params.signed_by(&key, &self.issuer).expect("sign leaf");
        let files = CertFiles {
            cert: self.dir.join(format!("{name}.pem")),
            key: self.dir.join(format!("{name}.key")),
        };
        std::fs::write(&files.cert, cert.pem()).expect("write a certificate");
        std::fs::write(&files.key, key.serialize_pem()).expect("write a key");
        files
    }
}

/// What nginx asks of a client before it passes the call on.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Guard {
    /// Server TLS only.
    Tls,
    /// A client certificate signed by `Proxy::start`'s `client_ca` too.
    MutualTls,
    /// `authorization: Bearer <key>` too, refused as Temporal Cloud does:
    /// 401 without an `authorization` header, 403 with a wrong one.
    ApiKey(String),
    /// Every call answers 404: an address that speaks TLS and HTTP/2 but is
    /// not a Temporal frontend.
    NotFound,
}

/// nginx in front of the dev server, terminating TLS on `127.0.0.1:port`
/// and passing gRPC on in plain text. Its config, logs, pid file and temp
/// dirs are in `prefix`, a fresh subdirectory of the caller's dir. Dropping
/// it stops nginx, workers included.
pub struct Proxy {
    pub port: u16,
    pub prefix: PathBuf,
    child: Child,
}

impl Proxy {
    /// Starts nginx with `server` as its certificate, passing calls on to
    /// `upstream` (`host:port` of a plain-gRPC server), and waits until it
    /// accepts connections. A `client_ca` with a guard other than
    /// `MutualTls` makes a client certificate optional (checked if sent).
    #[track_caller]
    pub fn start(
        dir: &Path,
        upstream: &str,
        server: &CertFiles,
        client_ca: Option<&Path>,
        guard: Guard,
    ) -> Proxy {
        assert!(
            guard != Guard::MutualTls || client_ca.is_some(),
            "Guard::MutualTls needs a client_ca to check client certificates against"
        );
        let prefix = tempfile::Builder::new()
            .prefix("nginx-")
            .tempdir_in(dir)
            .expect("nginx dir")
            .keep();
        // free_port() only finds a port that was free a moment ago; another
        // process may take it first, so a clash is tried again on another.
        for attempt in 1..=3 {
            let port = free_port();
            let conf = config(&prefix, port, upstream, server, client_ca, &guard);
            std::fs::write(prefix.join("nginx.conf"), conf).expect("nginx.conf");
            let mut proxy = Proxy {
                port,
                prefix: prefix.clone(),
                child: spawn(&prefix),
            };
            match proxy.await_listening() {
                Ok(()) => return proxy,
                Err(why) if attempt < 3 && why.contains("Address already in use") => continue,
                Err(why) => panic!("{why}"),
            }
        }
        unreachable!("the last attempt returns or panics")
    }

    /// `127.0.0.1:PORT`, for `--address`.
    pub fn address(&self) -> String {
        format!("127.0.0.1:{}", self.port)
    }

    /// nginx's error log so far, at level `info`: TLS handshake failures
    /// and refused client certificates are logged at that level. Its
    /// readiness probe (a bare TCP connect) leaves one "client closed
    /// connection while SSL handshaking" line.
    pub fn error_log(&self) -> String {
        std::fs::read_to_string(self.prefix.join("error.log")).unwrap_or_default()
    }

    /// Waits (10 s at most) until the port accepts TCP connections. `Err`
    /// with nginx's output if it exits first; a panic after 10 s.
    #[track_caller]
    fn await_listening(&mut self) -> Result<(), String> {
        poll_for(Duration::from_secs(10), || {
            let exited = self.child.try_wait().expect("nginx status");
            let listening = std::net::TcpStream::connect(("127.0.0.1", self.port)).is_ok();
            match (exited, listening) {
                (Some(status), _) => Ok(Err(format!("nginx exited ({status})\n{}", self.output()))),
                (None, true) => Ok(Ok(())),
                (None, false) => Err(format!("no nginx on port {}\n{}", self.port, self.output())),
            }
        })
    }

    /// nginx's stderr and error log, for a failure message.
    fn output(&self) -> String {
        let stderr = std::fs::read_to_string(self.prefix.join("stderr.log")).unwrap_or_default();
        format!(
            "--- nginx stderr ---\n{stderr}\n--- error.log ---\n{}",
            self.error_log()
        )
    }
}

impl Drop for Proxy {
    /// SIGTERM is nginx's fast shutdown: the master stops its workers and
    /// waits for them before it exits. Should it hang, the whole process
    /// group (nginx runs in its own) is killed while the master is still
    /// unreaped, so its id cannot yet belong to anyone else.
    fn drop(&mut self) {
        if let Ok(Some(_)) = self.child.try_wait() {
            return;
        }
        let master = self.child.id() as i32;
        unsafe { libc::kill(master, libc::SIGTERM) };
        let stopped = self.child.wait_timeout(Duration::from_secs(10));
        if !matches!(stopped, Ok(Some(_))) {
            unsafe { libc::kill(-master, libc::SIGKILL) };
            let _ = self.child.wait();
        }
    }
}

/// nginx itself: on PATH, else where Debian puts it.
fn nginx_bin() -> PathBuf {
    let path = std::env::var_os("PATH").unwrap_or_default();
    std::env::split_paths(&path)
        .map(|dir| dir.join("nginx"))
        .chain([PathBuf::from("/usr/sbin/nginx")])
        .find(|candidate| candidate.is_file())
        .unwrap_or_else(|| panic!("nginx not found: run `just setup` (it installs nginx-light)"))
}

/// Starts nginx on the config in `prefix`, in a process group of its own
/// (its workers too) and told to stop should the thread that started it
/// (the test's) end without dropping the `Proxy`.
fn spawn(prefix: &Path) -> Child {
    use std::os::unix::process::CommandExt;
    let stderr = File::create(prefix.join("stderr.log")).expect("nginx stderr file");
    // A new attempt's failure is judged by its own log only.
    let _ = std::fs::remove_file(prefix.join("error.log"));
    let mut command = Command::new(nginx_bin());
    command
        .arg("-c")
        .arg(prefix.join("nginx.conf"))
        .arg("-p")
        .arg(prefix)
        .arg("-e")
        .arg(prefix.join("error.log"))
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(stderr)
        .process_group(0);
    unsafe {
        command.pre_exec(|| {
            libc::prctl(libc::PR_SET_PDEATHSIG, libc::SIGTERM);
            Ok(())
        });
    }
    command.spawn().expect("spawn nginx")
}

/// The whole `nginx.conf`: everything nginx writes stays in `prefix`, and
/// the timeouts and limits suit long-lived gRPC calls (a worker's long
/// polls, `--wait`) rather than web pages. The error log is at `info`, the
/// level of TLS handshake failures and refused client certificates.
fn config(
    prefix: &Path,
    port: u16,
    upstream: &str,
    server: &CertFiles,
    client_ca: Option<&Path>,
    guard: &Guard,
) -> String {
    let p = prefix.display();
    // As root, workers would run as `nobody`, who cannot use the temp dirs.
    let user = match unsafe { libc::geteuid() } {
        0 => "user root;",
        _ => "",
    };
    let (cert, key) = (server.cert.display(), server.key.display());
    let client_ca = match (client_ca, guard) {
        (None, _) => String::new(),
        (Some(ca), Guard::MutualTls) => verify_clients(ca, "on"),
        (Some(ca), _) => verify_clients(ca, "optional"),
    };
    let pass = format!("grpc_pass grpc://{upstream};");
    let (map, location) = match guard {
        Guard::Tls | Guard::MutualTls => (String::new(), pass),
        Guard::ApiKey(key) => api_key_guard(key, &pass),
        Guard::NotFound => (String::new(), "return 404;".to_string()),
    };
    format!(
        r#"daemon off;
master_process on;
worker_processes 1;
{user}
pid "{p}/nginx.pid";
error_log "{p}/error.log" info;
events {{ worker_connections 1024; }}
http {{
    access_log "{p}/access.log";
    client_body_temp_path "{p}/client_body_temp";
    proxy_temp_path "{p}/proxy_temp";
    fastcgi_temp_path "{p}/fastcgi_temp";
    uwsgi_temp_path "{p}/uwsgi_temp";
    scgi_temp_path "{p}/scgi_temp";
    grpc_read_timeout 300s;
    grpc_send_timeout 300s;
    grpc_buffer_size 1m;
    client_body_timeout 300s;
    client_max_body_size 0;
    keepalive_timeout 300s;
    keepalive_requests 100000;
    http2_max_concurrent_streams 1000;
{map}
    server {{
        listen 127.0.0.1:{port} ssl http2;
        ssl_certificate "{cert}";
        ssl_certificate_key "{key}";
{client_ca}
        location / {{
            {location}
        }}
    }}
}}
"#
    )
}

fn verify_clients(ca: &Path, verify: &str) -> String {
    format!(
        "        ssl_client_certificate \"{}\";\n        ssl_verify_client {verify};",
        ca.display()
    )
}

/// The map and the location's checks for `Guard::ApiKey`: `$orca_auth`
/// is `ok` for exactly `Bearer <key>`, `missing` without an
/// `authorization` header (401), `wrong` otherwise (403). The key is in
/// the config only: the default log format logs no headers.
fn api_key_guard(key: &str, pass: &str) -> (String, String) {
    let token = |c: char| c.is_ascii_alphanumeric() || "-._~+/=".contains(c);
    assert!(
        !key.is_empty() && key.chars().all(token),
        "an API key for nginx's map must be a token (A-Z a-z 0-9 -._~+/=)"
    );
    let map = format!(
        "    map $http_authorization $orca_auth {{\n        default wrong;\n        \
         \"\" missing;\n        \"Bearer {key}\" ok;\n    }}"
    );
    let checks = format!(
        "if ($orca_auth = missing) {{ return 401; }}\n            \
         if ($orca_auth = wrong) {{ return 403; }}\n            {pass}"
    );
    (map, checks)
}
