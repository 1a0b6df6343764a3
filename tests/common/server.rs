//! Dev servers for tests: the shared one (one per test binary), and private
//! ones for tests that crash or restart theirs.

use std::{
    net::TcpListener,
    path::{Path, PathBuf},
    process::{Child, Command, Stdio},
    sync::{OnceLock, mpsc},
    time::Duration,
};

use super::{SECOND_NAMESPACE, poll_for};

pub struct Server {
    pub address: String,
}

/// The shared dev server, started once per test binary.
pub fn server() -> &'static Server {
    static SERVER: OnceLock<Server> = OnceLock::new();
    SERVER.get_or_init(start_shared_server)
}

fn start_shared_server() -> Server {
    let dir = tempfile::Builder::new()
        .prefix("orca-test-server-")
        .tempdir()
        .expect("temp dir")
        .keep();
    // A dev server picks some of its ports itself; another process can take
    // one first, and then it exits at once. Such a start is tried again.
    for attempt in 1..=3 {
        let port = free_port();
        let db = dir.join(format!("temporal-{attempt}.db"));
        let (exited_tx, exited) = mpsc::channel();
        // The server is spawned from a thread that never ends while it runs:
        // PR_SET_PDEATHSIG fires when the spawning *thread* exits, and we
        // want it to fire only when the whole test process does.
        std::thread::spawn(move || {
            let mut child = dev_server(port, &db, true);
            let status = child.wait();
            let _ = exited_tx.send(format!("{status:?}"));
        });
        if await_server(port, || exited.try_recv().ok()) {
            let address = format!("127.0.0.1:{port}");
            return Server { address };
        }
    }
    panic!("the shared Temporal dev server did not start (3 tries)");
}

/// Starts a dev server on a port of its own for one test, retried (on a new
/// port) if it exits before it answers; returns it and its port.
pub fn start_private_server(db: &Path, search_attributes: bool) -> (Child, u16) {
    for _ in 0..3 {
        let port = free_port();
        if let Some(child) = launch_answering(port, db, search_attributes) {
            return (child, port);
        }
    }
    panic!("a dev server did not start (3 tries)");
}

/// Starts a dev server again on `port` and `db` (as after a crash), retried
/// if it exits before it answers.
pub fn restart_private_server(port: u16, db: &Path) -> Child {
    for _ in 0..3 {
        if let Some(child) = launch_answering(port, db, true) {
            return child;
        }
    }
    panic!("the dev server did not start again on port {port} (3 tries)");
}

/// Spawns a dev server and waits until it answers; `None` if it exited
/// first (a port it picked itself was taken).
fn launch_answering(port: u16, db: &Path, search_attributes: bool) -> Option<Child> {
    let mut child = dev_server(port, db, search_attributes);
    let answered = await_server(port, || {
        child.try_wait().ok().flatten().map(|s| s.to_string())
    });
    answered.then_some(child)
}

/// Waits (60 s at most) until the dev server on `port` answers for its
/// default namespace: its port opens before it is ready to serve, and on a
/// loaded machine the gap is long enough for a worker started then to give
/// up. False if `exited` reports the server gone first.
fn await_server(port: u16, mut exited: impl FnMut() -> Option<String>) -> bool {
    poll_for(Duration::from_secs(60), || {
        if let Some(status) = exited() {
            eprintln!(
                "dev server on port {port} exited before it answered ({status}); trying again"
            );
            return Ok(false);
        }
        match server_answers(port) {
            true => Ok(true),
            false => Err(format!("the dev server on port {port} did not answer")),
        }
    })
}

fn server_answers(port: u16) -> bool {
    std::net::TcpStream::connect(("127.0.0.1", port)).is_ok()
        && Command::new(temporal_bin())
            .args([
                "operator",
                "namespace",
                "describe",
                "--namespace",
                "default",
            ])
            .args(["--address", &format!("127.0.0.1:{port}")])
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .status()
            .is_ok_and(|s| s.success())
}

/// Starts `temporal server start-dev` (with orca's search attributes, or
/// as a server no orca worker has seen).
fn dev_server(port: u16, db: &Path, search_attributes: bool) -> Child {
    use std::os::unix::process::CommandExt;
    let mut command = Command::new(temporal_bin());
    command
        .args([
            "server",
            "start-dev",
            "--headless",
            "--ip",
            "127.0.0.1",
            "--log-level",
            "error",
        ])
        .args(["--port", &port.to_string()])
        .args(["--http-port", &free_port().to_string()])
        .args(["--metrics-port", &free_port().to_string()])
        .arg("--db-filename")
        .arg(db)
        // A second namespace, for tests that act on a whole namespace.
        .args(["--namespace", SECOND_NAMESPACE])
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::null());
    if search_attributes {
        command
            .args(["--search-attribute", "OrcaPipeline=Keyword"])
            .args(["--search-attribute", "OrcaPhase=Keyword"])
            .args(["--search-attribute", "OrcaApprovers=KeywordList"]);
    }
    unsafe {
        command.pre_exec(|| {
            libc::prctl(libc::PR_SET_PDEATHSIG, libc::SIGKILL);
            Ok(())
        });
    }
    command
        .spawn()
        .expect("spawn `temporal server start-dev`; is temporal-bin installed?")
}

pub fn temporal_bin() -> PathBuf {
    std::env::var_os("ORCA_TEMPORAL_BIN")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from("temporal"))
}

pub fn free_port() -> u16 {
    TcpListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .map(|a| a.port())
        .expect("free port")
}
