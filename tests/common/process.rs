//! Running orca (and other programs) the way a user would: a command to
//! its end with its exit code and output, one in the background, a
//! long-running worker whose log is collected; and what /proc says about
//! processes.

use std::{
    io::{BufRead, BufReader, Read},
    process::{Child, Command, Stdio},
    sync::{Arc, Mutex},
    time::{Duration, Instant},
};

use serde_json::Value;
use wait_timeout::ChildExt;

use super::{COMMAND_TIMEOUT, poll_every};

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

    pub fn current_dir(mut self, dir: impl AsRef<std::path::Path>) -> Self {
        self.command.current_dir(dir);
        self
    }

    pub fn arg(mut self, arg: impl AsRef<std::ffi::OsStr>) -> Self {
        self.command.arg(arg);
        self
    }

    pub fn args<I, S>(mut self, args: I) -> Self
    where
        I: IntoIterator<Item = S>,
        S: AsRef<std::ffi::OsStr>,
    {
        self.command.args(args);
        self
    }

    /// Runs to the end (bounded by COMMAND_TIMEOUT).
    pub fn run(self) -> Done {
        self.run_within(COMMAND_TIMEOUT)
    }

    /// Runs to the end, killed (and the test failed) after `limit`.
    #[track_caller]
    pub fn run_within(self, limit: Duration) -> Done {
        let started = Instant::now();
        let args: Vec<_> = self.command.get_args().map(|a| a.to_owned()).collect();
        // assert_cmd reads both pipes and kills the process at the timeout;
        // its stdin is closed at once, as a script's would be.
        let output = assert_cmd::Command::from_std(self.command)
            .timeout(limit)
            .output()
            .expect("run orca");
        let done = Done {
            code: output.status.code().unwrap_or(-1),
            stdout: String::from_utf8_lossy(&output.stdout).into_owned(),
            stderr: String::from_utf8_lossy(&output.stderr).into_owned(),
            elapsed: started.elapsed(),
        };
        assert!(
            output.status.code().is_some() || done.elapsed < limit,
            "orca {args:?} did not finish within {limit:?}\n{done}"
        );
        done
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
        let left = limit.saturating_sub(self.started.elapsed());
        let Some(status) = self.child.wait_timeout(left).expect("wait") else {
            let _ = self.child.kill();
            panic!("background orca did not finish within {limit:?}");
        };
        let text = |pipe: Option<std::thread::JoinHandle<String>>| {
            pipe.and_then(|h| h.join().ok()).unwrap_or_default()
        };
        Done {
            code: status.code().unwrap_or(-1),
            stdout: text(self.out.take()),
            stderr: text(self.err.take()),
            elapsed: self.started.elapsed(),
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
        poll_every(limit, Duration::from_millis(50), || {
            if self.log().contains(text) {
                return Ok(Ok(()));
            }
            if !alive(self.pid()) {
                // Give its last lines a moment to be read.
                std::thread::sleep(Duration::from_millis(200));
                return Ok(match self.log() {
                    log if log.contains(text) => Ok(()),
                    log => Err(log),
                });
            }
            Err(format!("`{text}` did not appear; log:\n{}", self.log()))
        })
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
        match self.child.wait_timeout(limit).expect("wait") {
            Some(status) => status.code().unwrap_or(-1),
            None => panic!(
                "process did not exit within {limit:?}; log:\n{}",
                self.log()
            ),
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
