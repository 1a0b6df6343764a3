//! The `command` step: a program run by the worker, its output captured and
//! bounded, heartbeating while it runs, its whole process group killed on
//! cancellation or timeout (and when the worker itself dies).

use std::{collections::BTreeMap, process::Stdio, time::Duration};

use serde::{Deserialize, Serialize};
use serde_json::{Value, json};
use temporalio_sdk::{
    ApplicationFailure,
    activities::{ActivityContext, ActivityError},
};
use tokio::io::{AsyncRead, AsyncReadExt, AsyncWriteExt};

use super::{StepOutput, final_failure};

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct CommandRequest {
    pub step: String,
    #[serde(default)]
    pub argv: Vec<String>,
    #[serde(default)]
    pub shell: Option<String>,
    #[serde(default)]
    pub env: BTreeMap<String, String>,
    #[serde(default)]
    pub cwd: Option<String>,
    #[serde(default)]
    pub stdin: Option<String>,
}

/// How much of each stream is kept: the tail, which is where errors are.
pub const OUTPUT_LIMIT: usize = 64 * 1024;
const HEARTBEAT_EVERY: Duration = Duration::from_secs(1);
/// After SIGTERM, how long the group has before SIGKILL.
const KILL_GRACE: Duration = Duration::from_secs(2);

pub async fn run(
    ctx: ActivityContext,
    request: CommandRequest,
    allowed: bool,
) -> Result<StepOutput, ActivityError> {
    // The workflow sends command steps to the commands queue, which only
    // workers with --allow-commands poll; this guards what reaches a worker
    // otherwise (a run recorded before that routing, another client).
    if !allowed {
        return Err(final_failure(
            "CommandsDisabled",
            format!(
                "step `{}` runs a command, but this worker does not run commands; start it with --allow-commands",
                request.step
            ),
        ));
    }
    let (program, args) = match (&request.shell, request.argv.split_first()) {
        (Some(line), _) => ("sh".to_string(), vec!["-c".to_string(), line.clone()]),
        (None, Some((program, args))) => (program.clone(), args.to_vec()),
        (None, None) => return Err(final_failure("InvalidCommand", "empty argv".into())),
    };
    let mut child = spawn(&program, &args, &request)?;
    let pgid = child.id().unwrap_or_default() as i32;
    let _running = Running::register(pgid);
    if let (Some(text), Some(mut stdin)) = (request.stdin.clone(), child.stdin.take()) {
        tokio::spawn(async move {
            let _ = stdin.write_all(text.as_bytes()).await;
        });
    }
    let stdout = tokio::spawn(read_tail(child.stdout.take()));
    let stderr = tokio::spawn(read_tail(child.stderr.take()));

    let started = tokio::time::Instant::now();
    let mut ticker = tokio::time::interval(HEARTBEAT_EVERY);
    let status = loop {
        tokio::select! {
            status = child.wait() => break status,
            _ = ctx.cancelled() => {
                kill_group(pgid, &mut child).await;
                return Err(ActivityError::cancelled());
            }
            _ = ticker.tick() => {
                let _ = ctx.record_heartbeat(started.elapsed().as_secs()).await;
            }
        }
    };
    let status =
        status.map_err(|e| ApplicationFailure::new(format!("waiting for `{program}`: {e}")))?;
    // Descendants that outlived the command (a background `&`) go with it.
    signal_group(pgid, libc::SIGKILL);
    let finished = Finished {
        program,
        out: stdout.await.unwrap_or_default(),
        err: stderr.await.unwrap_or_default(),
        took: started.elapsed(),
        attempt: ctx.info().attempt,
    };
    finished.into_result(status)
}

/// The program in a process group of its own, which dies with the worker.
fn spawn(
    program: &str,
    args: &[String],
    request: &CommandRequest,
) -> Result<tokio::process::Child, ActivityError> {
    let mut command = tokio::process::Command::new(program);
    command
        .args(args)
        .envs(&request.env)
        .stdin(if request.stdin.is_some() {
            Stdio::piped()
        } else {
            Stdio::null()
        })
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .kill_on_drop(true);
    if let Some(cwd) = &request.cwd {
        command.current_dir(cwd);
    }
    // SAFETY: only async-signal-safe calls between fork and exec.
    unsafe {
        command.pre_exec(|| {
            // Its own process group, so cancellation can kill everything it started.
            libc::setpgid(0, 0);
            // If the worker dies (kill -9), the command must not run on unsupervised.
            libc::prctl(libc::PR_SET_PDEATHSIG, libc::SIGKILL);
            Ok(())
        });
    }
    command.spawn().map_err(|e| match e.kind() {
        std::io::ErrorKind::NotFound => {
            final_failure("CommandNotFound", format!("`{program}`: command not found"))
        }
        std::io::ErrorKind::PermissionDenied => final_failure(
            "CommandNotExecutable",
            format!("`{program}`: permission denied"),
        ),
        _ => ApplicationFailure::new(format!("cannot start `{program}`: {e}")).into(),
    })
}

/// A command that ran to its end: what it printed (the kept tail of each
/// stream and how much was cut), how long it took, which attempt it was.
struct Finished {
    program: String,
    out: (String, u64),
    err: (String, u64),
    took: Duration,
    attempt: u32,
}

impl Finished {
    /// Exit 0 is the step's output (its stdout as JSON when it is JSON);
    /// another code or a signal is a failure typed `exit:N` / `signal:N`.
    fn into_result(self, status: std::process::ExitStatus) -> Result<StepOutput, ActivityError> {
        let Finished {
            program,
            out: (out, out_cut),
            err: (err, err_cut),
            took,
            attempt,
        } = self;
        let Some(code) = status.code() else {
            use std::os::unix::process::ExitStatusExt;
            let signal = status.signal().unwrap_or_default();
            return Err(ApplicationFailure::builder(format!(
                "`{program}` was killed by signal {signal}{}",
                last_line(&err)
            ))
            .type_name(format!("signal:{signal}"))
            .build()
            .into());
        };
        if code != 0 {
            return Err(ApplicationFailure::builder(format!(
                "`{program}` exited with code {code}{}",
                last_line(&err)
            ))
            .type_name(format!("exit:{code}"))
            .details(json!({"stdout": out, "stderr": err, "attempt": attempt}))
            .build()
            .into());
        }
        let mut summary = format!("exit 0 in {:.1}s", took.as_secs_f64());
        if out_cut + err_cut > 0 {
            summary.push_str(&format!(
                "; output cut: kept the last {OUTPUT_LIMIT} bytes of each stream"
            ));
        }
        // JSON on stdout becomes the step's output, so templates can read its fields.
        let parsed = (out_cut == 0)
            .then(|| serde_json::from_str::<Value>(out.trim()).ok())
            .flatten()
            .filter(|_| !out.trim().is_empty());
        let output = parsed.unwrap_or_else(|| {
            json!({
                "exit_code": code,
                "stdout": out,
                "stderr": err,
                "stdout_cut_bytes": out_cut,
                "stderr_cut_bytes": err_cut,
            })
        });
        Ok(StepOutput {
            output,
            attempt,
            summary: Some(summary),
        })
    }
}

/// Reads a stream to its end, keeping only the last OUTPUT_LIMIT bytes.
/// Returns the kept text and how many bytes were dropped.
async fn read_tail<R: AsyncRead + Unpin>(pipe: Option<R>) -> (String, u64) {
    let Some(mut pipe) = pipe else {
        return (String::new(), 0);
    };
    let mut kept: Vec<u8> = Vec::with_capacity(8 * 1024);
    let mut dropped: u64 = 0;
    let mut chunk = vec![0u8; 64 * 1024];
    loop {
        match pipe.read(&mut chunk).await {
            Ok(0) | Err(_) => break,
            Ok(n) => {
                kept.extend_from_slice(&chunk[..n]);
                if kept.len() > 2 * OUTPUT_LIMIT {
                    let excess = kept.len() - OUTPUT_LIMIT;
                    kept.drain(..excess);
                    dropped += excess as u64;
                }
            }
        }
    }
    if kept.len() > OUTPUT_LIMIT {
        let excess = kept.len() - OUTPUT_LIMIT;
        kept.drain(..excess);
        dropped += excess as u64;
    }
    (String::from_utf8_lossy(&kept).into_owned(), dropped)
}

/// SIGTERM to the group, then SIGKILL if it has not ended within KILL_GRACE.
async fn kill_group(pgid: i32, child: &mut tokio::process::Child) {
    signal_group(pgid, libc::SIGTERM);
    if tokio::time::timeout(KILL_GRACE, child.wait())
        .await
        .is_err()
    {
        signal_group(pgid, libc::SIGKILL);
        let _ = child.wait().await;
    }
    signal_group(pgid, libc::SIGKILL);
}

/// The process groups of the commands running now, so a worker that exits
/// at once (a second signal) can take them along: PR_SET_PDEATHSIG reaches
/// only the program itself, not what it started (`sh -c "a && b"`).
static RUNNING: std::sync::Mutex<Vec<i32>> = std::sync::Mutex::new(Vec::new());

/// One entry of `RUNNING`, removed when the command is done with.
struct Running(i32);

impl Running {
    fn register(pgid: i32) -> Running {
        if let Ok(mut running) = RUNNING.lock() {
            running.push(pgid);
        }
        Running(pgid)
    }
}

impl Drop for Running {
    fn drop(&mut self) {
        if let Ok(mut running) = RUNNING.lock() {
            running.retain(|pgid| *pgid != self.0);
        }
    }
}

/// Kills every running command's process group (the worker is exiting).
pub fn kill_running_commands() {
    if let Ok(running) = RUNNING.lock() {
        for pgid in running.iter() {
            signal_group(*pgid, libc::SIGKILL);
        }
    }
}

fn signal_group(pgid: i32, signal: i32) {
    if pgid > 0 {
        // SAFETY: signalling the process group this activity created.
        unsafe { libc::kill(-pgid, signal) };
    }
}

fn last_line(stderr: &str) -> String {
    stderr
        .lines()
        .rev()
        .find(|l| !l.trim().is_empty())
        .map(|l| format!(": {}", l.trim()))
        .unwrap_or_default()
}
