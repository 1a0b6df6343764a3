//! The local dev server: the official `temporal server start-dev` as a
//! child process in its own process group, awaited until it answers, and a
//! worker served beside it. Ctrl-C/SIGTERM stops the worker, then the
//! server; the server also dies with orca if orca is killed outright.

use std::{
    net::TcpListener,
    path::{Path, PathBuf},
    process::Stdio,
    time::{Duration, Instant},
};

use tokio::{process::Command, sync::oneshot};

use crate::{
    Error, Result,
    cli::worker::WorkerOptions,
    config::Settings,
    connect,
    engine::status::{SA_APPROVERS, SA_PHASE, SA_PIPELINE},
    ops::worker::{serve, shutdown_signal},
};

/// How long the dev server may take to answer its first call.
const READY_TIMEOUT: Duration = Duration::from_secs(60);

/// Where and how the dev server runs.
pub struct ServerPlan {
    pub port: u16,
    pub ui_port: u16,
    pub headless: bool,
    /// None: in memory.
    pub db: Option<PathBuf>,
    pub namespace: String,
}

/// The running dev server.
pub struct DevServer {
    child: tokio::process::Child,
    pid: i32,
}

impl DevServer {
    /// Starts `temporal server start-dev` with orca's search attributes.
    pub fn spawn(temporal: &Path, plan: &ServerPlan) -> Result<DevServer> {
        let mut command = Command::new(temporal);
        command
            .args(["server", "start-dev", "--ip", "127.0.0.1"])
            .args(["--log-level", "error"])
            .args(["--port", &plan.port.to_string()])
            .args(["--ui-port", &plan.ui_port.to_string()])
            .args(["--search-attribute", &format!("{SA_PIPELINE}=Keyword")])
            .args(["--search-attribute", &format!("{SA_PHASE}=Keyword")])
            .args(["--search-attribute", &format!("{SA_APPROVERS}=KeywordList")])
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::inherit());
        if plan.headless {
            command.arg("--headless");
        }
        if let Some(db) = &plan.db {
            command.arg("--db-filename").arg(db);
        }
        if plan.namespace != crate::config::DEFAULT_NAMESPACE {
            command.args(["--namespace", &plan.namespace]);
        }
        // SAFETY: only async-signal-safe calls between fork and exec.
        unsafe {
            command.pre_exec(|| {
                // Its own process group, so the terminal's Ctrl-C reaches orca
                // first and orca stops the worker before the server.
                libc::setpgid(0, 0);
                // If orca dies without cleaning up (SIGKILL), take the server along.
                libc::prctl(libc::PR_SET_PDEATHSIG, libc::SIGTERM);
                Ok(())
            });
        }
        let child = command.spawn().map_err(|source| Error::Io {
            path: temporal.to_path_buf(),
            source,
        })?;
        let pid = child.id().unwrap_or_default() as i32;
        Ok(DevServer { child, pid })
    }

    /// Connects as soon as the server answers; fails (and stops it) if it
    /// exits or stays silent.
    pub async fn ready(&mut self, settings: &Settings) -> Result<temporalio_client::Client> {
        let started = Instant::now();
        let quick = settings.with_connect_timeout(Duration::from_secs(2));
        let failed = loop {
            if let Ok(Some(status)) = self.child.try_wait() {
                break Error::DevServerNotReady {
                    waited: started.elapsed(),
                    cause: format!("`temporal server start-dev` exited ({status})"),
                };
            }
            match connect::attempt(&quick).await {
                Ok(client) => return Ok(client),
                Err(e) if started.elapsed() > READY_TIMEOUT => {
                    break Error::DevServerNotReady {
                        waited: started.elapsed(),
                        cause: e.to_string(),
                    };
                }
                Err(_) => tokio::time::sleep(Duration::from_millis(200)).await,
            }
        };
        self.stop().await;
        Err(failed)
    }

    /// SIGTERM to the server's process group, then SIGKILL if it lingers.
    async fn stop(&mut self) {
        let pid = self.pid;
        if pid > 0 {
            // SAFETY: signalling a process group we created.
            unsafe { libc::kill(-pid, libc::SIGTERM) };
        }
        if tokio::time::timeout(Duration::from_secs(10), self.child.wait())
            .await
            .is_err()
        {
            if pid > 0 {
                // SAFETY: as above.
                unsafe { libc::kill(-pid, libc::SIGKILL) };
            }
            let _ = self.child.wait().await;
        }
    }

    /// Serves a worker until Ctrl-C/SIGTERM (or the server dies), then stops
    /// the worker, then the server.
    pub async fn serve_worker(
        mut self,
        client: temporalio_client::Client,
        settings: &Settings,
        options: &WorkerOptions,
        activities: crate::engine::activities::PipelineActivities,
    ) -> Result<()> {
        // The server's lifetime is owned by one task: it reports an
        // unexpected exit, and it stops the server when asked.
        let (gone_tx, gone_rx) = oneshot::channel::<String>();
        let (stop_tx, stop_rx) = oneshot::channel::<()>();
        let server = tokio::spawn(async move {
            tokio::select! {
                status = self.child.wait() => {
                    let text = status.map_or_else(|e| e.to_string(), |s| s.to_string());
                    let _ = gone_tx.send(text);
                }
                _ = stop_rx => self.stop().await,
            }
        });
        let (died_tx, mut died_rx) = oneshot::channel::<String>();
        let shutdown = async move {
            tokio::select! {
                _ = shutdown_signal() => {}
                status = gone_rx => {
                    if let Ok(status) = status {
                        let _ = died_tx.send(status);
                    }
                }
            }
        };
        let served = serve(client, settings, options, activities, shutdown).await;
        let _ = stop_tx.send(());
        let _ = server.await;
        if let Ok(status) = died_rx.try_recv() {
            return Err(Error::Unreachable {
                address: settings.address.clone(),
                cause: format!("the dev server exited unexpectedly ({status})"),
            });
        }
        served
    }
}

/// `ORCA_TEMPORAL_BIN`, else `temporal` on PATH.
pub fn find_temporal_cli() -> Result<PathBuf> {
    if let Some(path) = std::env::var_os("ORCA_TEMPORAL_BIN").filter(|p| !p.is_empty()) {
        let path = PathBuf::from(path);
        return if path.is_file() {
            Ok(path)
        } else {
            Err(Error::TemporalCliMissing { tried: Some(path) })
        };
    }
    std::env::var_os("PATH")
        .iter()
        .flat_map(std::env::split_paths)
        .map(|dir| dir.join("temporal"))
        .find(|candidate| candidate.is_file())
        .ok_or(Error::TemporalCliMissing { tried: None })
}

/// A port `orca dev` hands the dev server, named with the flag that sets
/// it: a taken port is refused before the server starts (whose own error
/// would name neither).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DevPort {
    /// `--port`: the gRPC frontend clients and the worker connect to.
    Frontend(u16),
    /// `--ui-port`: the web UI (none with `--headless`).
    Ui(u16),
}

impl DevPort {
    /// The ports `plan` needs, in the order they are checked.
    pub fn of(plan: &ServerPlan) -> Vec<DevPort> {
        let ui = (!plan.headless).then_some(DevPort::Ui(plan.ui_port));
        std::iter::once(DevPort::Frontend(plan.port))
            .chain(ui)
            .collect()
    }

    pub fn number(self) -> u16 {
        match self {
            DevPort::Frontend(port) | DevPort::Ui(port) => port,
        }
    }

    fn role(self) -> &'static str {
        match self {
            DevPort::Frontend(_) => "the Temporal frontend",
            DevPort::Ui(_) => "the web UI",
        }
    }

    fn flag(self) -> &'static str {
        match self {
            DevPort::Frontend(_) => "--port",
            DevPort::Ui(_) => "--ui-port",
        }
    }

    /// Exit 2 naming the port, what it is for and the flag to pick another.
    fn ensure_free(self, taken: &[u16]) -> Result<()> {
        let port = self.number();
        let error = match TcpListener::bind(("127.0.0.1", port)) {
            Ok(_) => return Ok(()),
            Err(e) => e,
        };
        let (role, flag) = (self.role(), self.flag());
        if error.kind() != std::io::ErrorKind::AddrInUse {
            return Err(Error::usage_with_hint(
                format!("port {port} ({role}) cannot be used: {error}"),
                format!("pick another with {flag} PORT"),
            ));
        }
        let other = free_port_after(port, taken);
        let hint = match self {
            DevPort::Frontend(_) => format!(
                "another Temporal server may be running there (use it with --address 127.0.0.1:{port}), \
                 or pick another with {flag} {other}"
            ),
            DevPort::Ui(_) => {
                format!("pick another with {flag} {other}, or run without the UI: --headless")
            }
        };
        Err(Error::usage_with_hint(
            format!("port {port} ({role}) is in use"),
            hint,
        ))
    }
}

/// Refuses the plan if a port it needs is taken, naming that port.
pub fn ensure_ports_free(plan: &ServerPlan) -> Result<()> {
    let ports = DevPort::of(plan);
    let numbers: Vec<u16> = ports.iter().map(|p| p.number()).collect();
    // Each port alone binds; the server could not have both on one.
    if let [frontend, ui] = numbers[..]
        && frontend == ui
    {
        return Err(Error::usage_with_hint(
            format!("--port and --ui-port are both {frontend}"),
            format!(
                "give the web UI a port of its own: --ui-port {}",
                free_port_after(ui, &numbers)
            ),
        ));
    }
    ports.iter().try_for_each(|port| port.ensure_free(&numbers))
}

/// A port after `port` that is free now and not one of `taken`, to suggest
/// (a suggestion that is itself taken would only send the reader round
/// again); `port + 1` if none of the next hundred is.
fn free_port_after(port: u16, taken: &[u16]) -> u16 {
    let next = |n: u16| port.checked_add(n);
    (1..=100)
        .filter_map(next)
        .filter(|p| !taken.contains(p))
        .find(|p| TcpListener::bind(("127.0.0.1", *p)).is_ok())
        .or_else(|| next(1))
        .unwrap_or(port)
}

/// The database file: `explicit`, else `<data dir>/orca/dev.db`; its
/// directory is created.
pub fn database_path(explicit: Option<PathBuf>) -> Result<PathBuf> {
    let path = match explicit {
        Some(path) => path,
        None => dirs::data_dir()
            .unwrap_or_else(std::env::temp_dir)
            .join("orca")
            .join("dev.db"),
    };
    if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
        std::fs::create_dir_all(dir).map_err(|source| Error::Io {
            path: dir.to_path_buf(),
            source,
        })?;
    }
    Ok(path)
}
