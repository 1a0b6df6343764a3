//! One test's world: the shared server, its own task queue and temp dir,
//! and the ways a test drives orca in it.

use std::{
    path::PathBuf,
    process::Command,
    sync::{
        atomic::{AtomicU32, Ordering},
        mpsc,
    },
    time::Duration,
};

use serde_json::Value;

use super::{
    Done, ORCA, Run, Worker, eventually, free_port, isolate, poll_for, server, temporal_bin,
};

/// One test's world: the shared server, its own task queue and temp dir.
pub struct Env {
    pub address: String,
    pub task_queue: String,
    pub dir: tempfile::TempDir,
}

impl Env {
    /// On the shared dev server (started on first use).
    pub fn new() -> Env {
        Env::at(server().address.clone())
    }

    /// For commands that must never connect: the address is a closed port,
    /// and no dev server is started for it.
    pub fn offline() -> Env {
        Env::at(format!("127.0.0.1:{}", free_port()))
    }

    fn at(address: String) -> Env {
        static NEXT: AtomicU32 = AtomicU32::new(0);
        let task_queue = format!(
            "test-{}-{}",
            std::process::id(),
            NEXT.fetch_add(1, Ordering::SeqCst)
        );
        Env {
            address,
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
        Worker::spawn(self.worker_command(extra), "worker started")
    }

    /// `orca worker` for this env, not yet started: for a test that sets
    /// more of its environment (a later `RUST_LOG` wins).
    pub fn worker_command(&self, extra: &[&str]) -> Command {
        let mut command = Command::new(ORCA);
        isolate(&mut command, &self.dir);
        command
            .env("TEMPORAL_ADDRESS", &self.address)
            .env("TEMPORAL_TASK_QUEUE", &self.task_queue)
            .env("RUST_LOG", "info")
            .arg("worker")
            .args(extra);
        command
    }

    /// A worker for fixtures many tests share (a `OnceLock`): it lives as
    /// long as the test binary. PR_SET_PDEATHSIG fires when the *thread*
    /// that spawned a process exits, so it is spawned from a thread that
    /// never ends: it dies with the binary, not with the first test.
    pub fn lasting_worker(&self) {
        use std::os::unix::process::CommandExt;
        let mut command = self.worker_command(&[]);
        unsafe {
            command.pre_exec(|| {
                libc::prctl(libc::PR_SET_PDEATHSIG, libc::SIGKILL);
                Ok(())
            });
        }
        let (ready_tx, ready) = mpsc::channel();
        std::thread::spawn(move || {
            let worker = Worker::spawn(command, "worker started");
            let _ = ready_tx.send(());
            let _kept = worker;
            loop {
                std::thread::park();
            }
        });
        ready
            .recv_timeout(Duration::from_secs(90))
            .expect("the lasting worker started");
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

    /// The official `temporal` CLI (a second, independent client) aimed at
    /// this env's server, with no settings of the machine's leaking in.
    pub fn temporal<I, S>(&self, args: I) -> Run
    where
        I: IntoIterator<Item = S>,
        S: AsRef<std::ffi::OsStr>,
    {
        let mut command = Command::new(temporal_bin());
        isolate(&mut command, &self.dir);
        command.args(args).args(["--address", &self.address]);
        Run { command }
    }

    /// `temporal workflow <verb>` (`signal`, `update execute`) of message
    /// `name` with `{"by": by}`, as any client may send it: whether it
    /// succeeded, and what it printed.
    pub fn decide_via_temporal(
        &self,
        verb: &[&str],
        id: &str,
        name: &str,
        by: &str,
    ) -> (bool, String) {
        let input = serde_json::json!({ "by": by }).to_string();
        let mut args = vec!["workflow"];
        args.extend(verb);
        args.extend(["--workflow-id", id, "--name", name, "--input", &input]);
        let done = self.temporal(args).run();
        (done.code == 0, done.stdout + &done.stderr)
    }

    /// The run's history as the official CLI exports it
    /// (`temporal workflow show -o json`).
    pub fn temporal_history(&self, id: &str) -> String {
        self.temporal(["workflow", "show", "-w", id, "-o", "json"])
            .ok()
            .stdout
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
        poll_for(limit, || {
            // A run started by another process may not exist yet (exit 5).
            let done = self.orca(["status", id, "-o", "json"]).run();
            let status = match done.code {
                0 => done.json(),
                5 => Value::Null,
                _ => panic!("status failed while waiting:\n{done}"),
            };
            match predicate(&status) {
                true => Ok(status),
                false => Err(format!(
                    "status of {id} did not reach the expected state; last: {status:#}"
                )),
            }
        })
    }

    /// Waits until `orca history` has an entry of `event`, and returns it.
    #[track_caller]
    pub fn history_entry(&self, id: &str, event: &str) -> Value {
        poll_for(Duration::from_secs(30), || {
            let history = self.orca(["history", id, "-o", "json"]).ok().json();
            history
                .as_array()
                .and_then(|entries| entries.iter().find(|e| e["event"] == event).cloned())
                .ok_or_else(|| format!("no `{event}` in {history:#}"))
        })
    }

    /// The runs `orca list ARGS -o json` shows.
    #[track_caller]
    pub fn list(&self, args: &[&str]) -> Vec<Value> {
        let listed = self
            .orca(["list"])
            .args(args)
            .args(["-o", "json"])
            .ok()
            .json();
        match listed {
            Value::Array(runs) => runs,
            other => panic!("`orca list` printed no list: {other:#}"),
        }
    }

    /// Waits until `orca list --awaiting-approval --pipeline PIPELINE`
    /// shows `id`. The inbox and the pickers read visibility, which trails
    /// the run's own state (most on a loaded machine).
    #[track_caller]
    pub fn wait_in_inbox(&self, pipeline: &str, id: &str) {
        eventually(Duration::from_secs(30), "in the inbox", || {
            self.list(&[
                "--awaiting-approval",
                "--limit",
                "0",
                "--pipeline",
                pipeline,
            ])
            .iter()
            .any(|r| r["workflow_id"] == id)
        });
    }

    /// `orca status ID` as text, once the worker answered its query (the
    /// text says "live detail unavailable" otherwise, without steps or the
    /// gate): asked again then, for up to 30 s.
    #[track_caller]
    pub fn status_text(&self, id: &str) -> Done {
        poll_for(Duration::from_secs(30), || {
            let done = self.orca(["status", id]).ok();
            match done.stdout.contains("live detail unavailable") {
                false => Ok(done),
                true => Err(format!("no worker answered for {id}:\n{done}")),
            }
        })
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

/// A step's row in a status document, by its ID (never by position).
#[track_caller]
pub fn step<'a>(status: &'a Value, id: &str) -> &'a Value {
    status["steps"]
        .as_array()
        .and_then(|steps| steps.iter().find(|s| s["id"] == id))
        .unwrap_or_else(|| panic!("no step `{id}` in {status:#}"))
}

/// Whether step `id` is in `state`: for predicates, so a status without
/// the step's row yet (the run's spec not yet resolved) is simply `false`.
pub fn step_is(status: &Value, id: &str, state: &str) -> bool {
    status["steps"]
        .as_array()
        .is_some_and(|steps| steps.iter().any(|s| s["id"] == id && s["state"] == state))
}

impl Env {
    /// Waits until step `step` of run `id` is in `state`.
    #[track_caller]
    pub fn wait_step(&self, id: &str, step: &str, state: &str, limit: Duration) -> Value {
        self.wait_status(id, limit, |s| step_is(s, step, state))
    }

    /// The attempt a closed step ended on, from `orca history` (the server
    /// records only an activity's last attempt in the history).
    pub fn final_attempt(&self, id: &str, step: &str) -> u64 {
        let entries = self.orca(["history", id, "-o", "json"]).ok().json();
        entries
            .as_array()
            .unwrap()
            .iter()
            .filter(|e| e["event"] == "step_started" && e["step"] == step)
            .filter_map(|e| e["attempt"].as_u64())
            .max()
            .unwrap_or_else(|| panic!("step `{step}` of {id} never started: {entries:#}"))
    }
}
