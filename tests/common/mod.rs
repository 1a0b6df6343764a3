//! The test harness: one real Temporal dev server per test binary (started on
//! first use, on a free port), a unique task queue per test, real `orca
//! worker` processes, and the built `orca` binary driven like a user would.

#![allow(dead_code)]

pub mod http;

use std::{
    io::{BufRead, BufReader, Read},
    net::TcpListener,
    path::{Path, PathBuf},
    process::{Child, Command, Stdio},
    sync::{
        Arc, Mutex, OnceLock,
        atomic::{AtomicU32, Ordering},
        mpsc,
    },
    time::{Duration, Instant},
};

use serde_json::Value;

pub const ORCA: &str = env!("CARGO_BIN_EXE_orca");

/// Upper bound for any single orca command in tests; nothing should hang.
pub const COMMAND_TIMEOUT: Duration = Duration::from_secs(60);

pub const SECOND_NAMESPACE: &str = "orca-second";

pub struct Server {
    pub address: String,
    pub port: u16,
    pub dir: PathBuf,
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
            let mut child = spawn_dev_server(port, &db, None);
            let status = child.wait();
            let _ = exited_tx.send(format!("{status:?}"));
        });
        if await_server(port, || exited.try_recv().ok()) {
            let address = format!("127.0.0.1:{port}");
            return Server { address, port, dir };
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
    let mut child = dev_server(port, db, None, search_attributes);
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
    let started = Instant::now();
    loop {
        if let Some(status) = exited() {
            eprintln!(
                "dev server on port {port} exited before it answered ({status}); trying again"
            );
            return false;
        }
        if server_answers(port) {
            return true;
        }
        assert!(
            started.elapsed() < Duration::from_secs(60),
            "the dev server on port {port} did not answer within 60 s"
        );
        std::thread::sleep(Duration::from_millis(200));
    }
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

/// Starts `temporal server start-dev` with orca's search attributes.
pub fn spawn_dev_server(port: u16, db: &Path, log: Option<&Path>) -> Child {
    dev_server(port, db, log, true)
}

fn dev_server(port: u16, db: &Path, log: Option<&Path>, search_attributes: bool) -> Child {
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
        .stdout(Stdio::null());
    if search_attributes {
        command
            .args(["--search-attribute", "OrcaPipeline=Keyword"])
            .args(["--search-attribute", "OrcaPhase=Keyword"])
            .args(["--search-attribute", "OrcaApprovers=KeywordList"]);
    }
    match log {
        Some(path) => command.stderr(std::fs::File::create(path).expect("server log")),
        None => command.stderr(Stdio::null()),
    };
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

/// One test's world: the shared server, its own task queue and temp dir.
pub struct Env {
    pub address: String,
    pub task_queue: String,
    pub dir: tempfile::TempDir,
}

impl Env {
    pub fn new() -> Env {
        static NEXT: AtomicU32 = AtomicU32::new(0);
        let server = server();
        let task_queue = format!(
            "test-{}-{}",
            std::process::id(),
            NEXT.fetch_add(1, Ordering::SeqCst)
        );
        Env {
            address: server.address.clone(),
            task_queue,
            dir: tempfile::tempdir().expect("temp dir"),
        }
    }

    /// An `orca` command aimed at this env's server and task queue, with no
    /// connection settings leaking in from the machine running the tests.
    pub fn orca<I, S>(&self, args: I) -> Run
    where
        I: IntoIterator<Item = S>,
        S: AsRef<std::ffi::OsStr>,
    {
        let mut command = Command::new(ORCA);
        isolate(&mut command, &self.dir);
        command
            .env("TEMPORAL_ADDRESS", &self.address)
            .env("TEMPORAL_TASK_QUEUE", &self.task_queue)
            .env("ORCA_IDENTITY", "tester")
            .args(args);
        Run { command }
    }

    /// Starts `orca worker` for this env and waits until it polls.
    pub fn worker(&self) -> Worker {
        self.worker_with(&[])
    }

    pub fn worker_with(&self, extra: &[&str]) -> Worker {
        let mut command = Command::new(ORCA);
        isolate(&mut command, &self.dir);
        command
            .env("TEMPORAL_ADDRESS", &self.address)
            .env("TEMPORAL_TASK_QUEUE", &self.task_queue)
            .env("RUST_LOG", "info")
            .arg("worker")
            .args(extra);
        Worker::spawn(command, "worker started")
    }

    /// When each step's activity ran, in ms from the run's start, read from
    /// the server's event times (`orca history`): step → (first start, last
    /// end). Unlike a wall clock around the whole run, this does not count
    /// process start-up or a busy machine's scheduling, so overlap and
    /// duration checks hold on a loaded CI machine.
    pub fn step_windows(&self, id: &str) -> std::collections::HashMap<String, (u64, u64)> {
        let entries = self.orca(["history", id, "-o", "json"]).ok().json();
        let mut windows = std::collections::HashMap::new();
        for entry in entries.as_array().unwrap() {
            let (Some(step), Some(at)) = (entry["step"].as_str(), entry["offset_ms"].as_u64())
            else {
                continue;
            };
            let window = windows.entry(step.to_string()).or_insert((u64::MAX, 0));
            match entry["event"].as_str().unwrap_or_default() {
                "step_started" => window.0 = window.0.min(at),
                "step_completed" | "step_failed" => window.1 = window.1.max(at),
                _ => {}
            }
        }
        windows
    }

    /// The run's history as the official CLI exports it
    /// (`temporal workflow show -o json`).
    pub fn temporal_history(&self, id: &str) -> String {
        let export = Command::new(temporal_bin())
            .args(["workflow", "show", "-w", id, "-o", "json"])
            .args(["--address", &self.address])
            .output()
            .expect("run temporal");
        assert!(
            export.status.success(),
            "{}",
            String::from_utf8_lossy(&export.stderr)
        );
        String::from_utf8_lossy(&export.stdout).into_owned()
    }

    pub fn path(&self, name: &str) -> PathBuf {
        self.dir.path().join(name)
    }

    /// Writes a file into the env's temp dir and returns its path.
    pub fn write(&self, name: &str, text: &str) -> PathBuf {
        let path = self.path(name);
        std::fs::write(&path, text).expect("write test file");
        path
    }

    /// `orca start ... ` → the workflow ID it printed.
    pub fn start(&self, args: &[&str]) -> String {
        let mut all = vec!["start"];
        all.extend_from_slice(args);
        self.orca(all).ok().stdout.trim().to_string()
    }

    /// `orca status ID -o json`, parsed, as the worker reports it. A query
    /// unanswered within orca's deadline (a loaded machine) gives the
    /// server's view only, without steps or decisions: asked again then.
    /// Tests of that view call `orca status` themselves.
    pub fn status(&self, id: &str) -> Value {
        self.wait_status(id, Duration::from_secs(30), |s| s["live"] == true)
    }

    /// Polls `status` until `predicate` holds (or panics after `limit`).
    #[track_caller]
    pub fn wait_status(
        &self,
        id: &str,
        limit: Duration,
        predicate: impl Fn(&Value) -> bool,
    ) -> Value {
        let started = Instant::now();
        loop {
            // A run started by another process may not exist yet (exit 5).
            let done = self.orca(["status", id, "-o", "json"]).run();
            let status = match done.code {
                0 => done.json(),
                5 => Value::Null,
                _ => panic!("status failed while waiting:\n{done}"),
            };
            if predicate(&status) {
                return status;
            }
            assert!(
                started.elapsed() < limit,
                "status of {id} did not reach the expected state within {limit:?}; last: {status:#}"
            );
            std::thread::sleep(Duration::from_millis(150));
        }
    }

    /// Waits until `orca list --awaiting-approval --pipeline PIPELINE`
    /// shows `id`. The inbox and the pickers read visibility, which trails
    /// the run's own state (most on a loaded machine).
    #[track_caller]
    pub fn wait_in_inbox(&self, pipeline: &str, id: &str) {
        eventually(Duration::from_secs(30), "in the inbox", || {
            self.orca(["list", "--awaiting-approval", "--limit", "0", "-o", "json"])
                .arg("--pipeline")
                .arg(pipeline)
                .ok()
                .json()
                .as_array()
                .is_some_and(|runs| runs.iter().any(|r| r["workflow_id"] == id))
        });
    }

    /// `orca status ID` as text, once the worker answered its query (the
    /// text says "live detail unavailable" otherwise, without steps or the
    /// gate): asked again then, for up to 30 s.
    #[track_caller]
    pub fn status_text(&self, id: &str) -> Done {
        let started = Instant::now();
        loop {
            let done = self.orca(["status", id]).ok();
            if !done.stdout.contains("live detail unavailable")
                || started.elapsed() > Duration::from_secs(30)
            {
                return done;
            }
            std::thread::sleep(Duration::from_millis(250));
        }
    }

    /// Polls until the worker itself reports `phase`. A status whose query
    /// went unanswered in time (a loaded machine) shows the server's view
    /// only, with the phase but no steps or decisions, so it does not count.
    #[track_caller]
    pub fn wait_phase(&self, id: &str, phase: &str) -> Value {
        self.wait_status(id, Duration::from_secs(30), |s| {
            s["phase"] == phase && s["live"] == true
        })
    }
}

/// Polls `check` every 250 ms until it holds; fails naming `what` after
/// `limit`. For anything read from visibility (`list`, `inbox`,
/// `schedule list`), which is eventually consistent and lags most on a busy
/// CI machine.
pub fn eventually(limit: Duration, what: &str, mut check: impl FnMut() -> bool) {
    poll(limit, || {
        check().then_some(()).ok_or_else(|| format!("not {what}"))
    });
}

/// Polls `probe` until it returns `expected`; on failure says what it saw last.
pub fn eventually_eq<T: PartialEq + std::fmt::Debug>(
    limit: Duration,
    mut probe: impl FnMut() -> T,
    expected: T,
) {
    poll(limit, || {
        let seen = probe();
        if seen == expected {
            Ok(())
        } else {
            Err(format!("still {seen:?}, expected {expected:?}"))
        }
    });
}

fn poll(limit: Duration, mut attempt: impl FnMut() -> Result<(), String>) {
    let started = std::time::Instant::now();
    while let Err(why) = attempt() {
        assert!(started.elapsed() < limit, "{why} after {limit:?}");
        std::thread::sleep(Duration::from_millis(250));
    }
}

/// Clears the machine's Temporal settings so tests see only what they set.
pub fn isolate(command: &mut Command, dir: &tempfile::TempDir) {
    for (key, _) in std::env::vars() {
        if key.starts_with("TEMPORAL_") || (key.starts_with("ORCA_") && key != "ORCA_TEMPORAL_BIN")
        {
            command.env_remove(key);
        }
    }
    command
        .env("XDG_CONFIG_HOME", dir.path().join("config"))
        .env("HOME", dir.path())
        .env("NO_COLOR", "1")
        .env_remove("RUST_LOG");
}

/// A finished command's result, with assertions that print everything on failure.
pub struct Done {
    pub code: i32,
    pub stdout: String,
    pub stderr: String,
    pub elapsed: Duration,
}

impl Done {
    #[track_caller]
    pub fn json(&self) -> Value {
        serde_json::from_str(&self.stdout)
            .unwrap_or_else(|e| panic!("stdout is not JSON ({e}):\n{self}"))
    }

    #[track_caller]
    pub fn stderr_has(&self, text: &str) -> &Self {
        assert!(self.stderr.contains(text), "stderr lacks {text:?}:\n{self}");
        self
    }

    #[track_caller]
    pub fn stdout_has(&self, text: &str) -> &Self {
        assert!(self.stdout.contains(text), "stdout lacks {text:?}:\n{self}");
        self
    }

    /// The `error:` line is one line, with at most a `hint:` after it, and
    /// nothing that looks like a panic or a backtrace.
    #[track_caller]
    pub fn clean_error(&self) -> &Self {
        let lines: Vec<&str> = self
            .stderr
            .lines()
            .filter(|l| !l.trim().is_empty())
            .collect();
        assert!(
            lines.first().is_some_and(|l| l.starts_with("error: ")),
            "stderr does not start with `error:`:\n{self}"
        );
        assert!(
            lines.iter().skip(1).all(|l| l.starts_with("hint: ")),
            "stderr has more than `error:` + `hint:`:\n{self}"
        );
        assert!(!self.stderr.contains("panicked"), "panic:\n{self}");
        self
    }
}

impl std::fmt::Display for Done {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "exit code: {}\n--- stdout ---\n{}\n--- stderr ---\n{}",
            self.code, self.stdout, self.stderr
        )
    }
}

pub struct Run {
    pub command: Command,
}

impl Run {
    pub fn env(mut self, key: &str, value: impl AsRef<std::ffi::OsStr>) -> Self {
        self.command.env(key, value);
        self
    }

    pub fn env_remove(mut self, key: &str) -> Self {
        self.command.env_remove(key);
        self
    }

    pub fn arg(mut self, arg: impl AsRef<std::ffi::OsStr>) -> Self {
        self.command.arg(arg);
        self
    }

    /// Runs to the end (bounded by COMMAND_TIMEOUT).
    pub fn run(self) -> Done {
        self.run_within(COMMAND_TIMEOUT)
    }

    #[track_caller]
    pub fn run_within(mut self, limit: Duration) -> Done {
        let started = Instant::now();
        let mut child = self
            .command
            .stdin(Stdio::null())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .expect("spawn orca");
        let out = drain(child.stdout.take());
        let err = drain(child.stderr.take());
        let status = loop {
            if let Some(status) = child.try_wait().expect("wait for orca") {
                break status;
            }
            if started.elapsed() > limit {
                let _ = child.kill();
                let _ = child.wait();
                panic!(
                    "orca {:?} did not finish within {limit:?}\nstdout: {}\nstderr: {}",
                    self.command.get_args().collect::<Vec<_>>(),
                    out.join().unwrap_or_default(),
                    err.join().unwrap_or_default()
                );
            }
            std::thread::sleep(Duration::from_millis(20));
        };
        Done {
            code: status.code().unwrap_or(-1),
            stdout: out.join().unwrap_or_default(),
            stderr: err.join().unwrap_or_default(),
            elapsed: started.elapsed(),
        }
    }

    /// Runs and asserts exit code 0.
    #[track_caller]
    pub fn ok(self) -> Done {
        self.code(0)
    }

    /// Runs and asserts the exit code.
    #[track_caller]
    pub fn code(self, expected: i32) -> Done {
        let done = self.run();
        assert_eq!(done.code, expected, "unexpected exit code\n{done}");
        done
    }

    /// Starts without waiting (for `--wait` runs decided meanwhile).
    pub fn spawn(mut self) -> Background {
        let mut child = self
            .command
            .stdin(Stdio::null())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .expect("spawn orca");
        Background {
            out: Some(drain(child.stdout.take())),
            err: Some(drain(child.stderr.take())),
            child,
            started: Instant::now(),
        }
    }
}

pub struct Background {
    pub child: Child,
    out: Option<std::thread::JoinHandle<String>>,
    err: Option<std::thread::JoinHandle<String>>,
    started: Instant,
}

impl Background {
    #[track_caller]
    pub fn finish(mut self, limit: Duration) -> Done {
        loop {
            if let Some(status) = self.child.try_wait().expect("wait") {
                return Done {
                    code: status.code().unwrap_or(-1),
                    stdout: self
                        .out
                        .take()
                        .and_then(|h| h.join().ok())
                        .unwrap_or_default(),
                    stderr: self
                        .err
                        .take()
                        .and_then(|h| h.join().ok())
                        .unwrap_or_default(),
                    elapsed: self.started.elapsed(),
                };
            }
            if self.started.elapsed() > limit {
                let _ = self.child.kill();
                panic!("background orca did not finish within {limit:?}");
            }
            std::thread::sleep(Duration::from_millis(20));
        }
    }
}

impl Drop for Background {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn drain<R: Read + Send + 'static>(pipe: Option<R>) -> std::thread::JoinHandle<String> {
    std::thread::spawn(move || {
        let mut text = String::new();
        if let Some(mut pipe) = pipe {
            let _ = pipe.read_to_string(&mut text);
        }
        text
    })
}

/// A long-running orca process (worker, dev) whose stderr is collected, and
/// which is killed when dropped.
pub struct Worker {
    pub child: Child,
    pub log: Arc<Mutex<String>>,
}

impl Worker {
    /// Starts `command` and waits for `ready_line` in its output.
    #[track_caller]
    pub fn spawn(command: Command, ready_line: &str) -> Worker {
        let worker = Worker::launch(command);
        worker.wait_for_log(ready_line, Duration::from_secs(60));
        worker
    }

    /// Starts `command`, collecting its output, without waiting.
    pub fn launch(mut command: Command) -> Worker {
        let mut child = command
            .stdin(Stdio::null())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .expect("spawn orca worker");
        let log = Arc::new(Mutex::new(String::new()));
        for pipe in [
            child
                .stdout
                .take()
                .map(|p| Box::new(p) as Box<dyn Read + Send>),
            child
                .stderr
                .take()
                .map(|p| Box::new(p) as Box<dyn Read + Send>),
        ]
        .into_iter()
        .flatten()
        {
            let log = log.clone();
            std::thread::spawn(move || {
                for line in BufReader::new(pipe).lines().map_while(Result::ok) {
                    let mut log = log.lock().unwrap();
                    log.push_str(&line);
                    log.push('\n');
                }
            });
        }
        Worker { child, log }
    }

    /// Waits for `text` in the output; `Err(log)` if the process exits
    /// first. Panics after `limit`.
    #[track_caller]
    pub fn ready(&self, text: &str, limit: Duration) -> Result<(), String> {
        let started = Instant::now();
        while !self.log().contains(text) {
            assert!(
                started.elapsed() < limit,
                "`{text}` did not appear within {limit:?}; log:\n{}",
                self.log()
            );
            if !alive(self.pid()) {
                // Give its last lines a moment to be read.
                std::thread::sleep(Duration::from_millis(200));
                return match self.log() {
                    log if log.contains(text) => Ok(()),
                    log => Err(log),
                };
            }
            std::thread::sleep(Duration::from_millis(50));
        }
        Ok(())
    }

    pub fn pid(&self) -> u32 {
        self.child.id()
    }

    pub fn log(&self) -> String {
        self.log.lock().unwrap().clone()
    }

    #[track_caller]
    pub fn wait_for_log(&self, text: &str, limit: Duration) {
        if let Err(log) = self.ready(text, limit) {
            panic!("exited before `{text}`; log:\n{log}");
        }
    }

    pub fn signal(&self, signal: i32) {
        unsafe { libc::kill(self.child.id() as i32, signal) };
    }

    /// Waits for the process to exit; returns its exit code.
    #[track_caller]
    pub fn wait_exit(&mut self, limit: Duration) -> i32 {
        let started = Instant::now();
        loop {
            if let Some(status) = self.child.try_wait().expect("wait") {
                return status.code().unwrap_or(-1);
            }
            assert!(
                started.elapsed() < limit,
                "process did not exit within {limit:?}; log:\n{}",
                self.log()
            );
            std::thread::sleep(Duration::from_millis(50));
        }
    }

    /// SIGKILL, as a crash would.
    pub fn kill9(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

impl Drop for Worker {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// Is a process with this pid still alive (and not a zombie)?
pub fn alive(pid: u32) -> bool {
    match std::fs::read_to_string(format!("/proc/{pid}/stat")) {
        Ok(stat) => !stat
            .rsplit(')')
            .next()
            .is_some_and(|rest| rest.trim_start().starts_with('Z')),
        Err(_) => false,
    }
}

/// Direct children of a process, from /proc.
pub fn children_of(pid: u32) -> Vec<u32> {
    std::fs::read_to_string(format!("/proc/{pid}/task/{pid}/children"))
        .unwrap_or_default()
        .split_whitespace()
        .filter_map(|p| p.parse().ok())
        .collect()
}

impl Env {
    /// Writes a pipeline file and returns its path as a string for `orca start`.
    pub fn pipeline(&self, name: &str, toml: &str) -> String {
        self.write(&format!("{name}.toml"), toml)
            .to_string_lossy()
            .into_owned()
    }

    /// `orca start FILE_OR_NAME --wait -o json` plus extra args.
    pub fn run_to_end(&self, pipeline: &str, extra: &[&str]) -> Done {
        let mut args = vec!["start", pipeline, "--wait", "-o", "json"];
        args.extend_from_slice(extra);
        self.orca(args).run()
    }
}

/// Processes whose command line contains `marker`.
pub fn processes_with(marker: &str) -> Vec<u32> {
    let mut found = Vec::new();
    for entry in std::fs::read_dir("/proc").into_iter().flatten().flatten() {
        let Ok(pid) = entry.file_name().to_string_lossy().parse::<u32>() else {
            continue;
        };
        let cmdline = std::fs::read(entry.path().join("cmdline")).unwrap_or_default();
        let cmdline = String::from_utf8_lossy(&cmdline).replace('\0', " ");
        if cmdline.contains(marker) && alive(pid) {
            found.push(pid);
        }
    }
    found
}
