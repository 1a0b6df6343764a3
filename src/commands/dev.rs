//! `orca dev`: the official Temporal dev server as a child process, plus a
//! worker in this process. Ctrl-C/SIGTERM stops the worker, then the server;
//! the server also dies with orca if orca is killed outright.

use std::{
    net::TcpListener,
    path::PathBuf,
    process::Stdio,
    time::{Duration, Instant},
};

use clap::Args;
use tokio::{process::Command, sync::oneshot};

use crate::{
    Error, Result,
    cli::GlobalArgs,
    commands::worker::{self, WorkerTuning},
    config::Settings,
    connect,
    engine::status::{SA_APPROVERS, SA_PHASE, SA_PIPELINE},
    output::Printer,
};

#[derive(Debug, Clone, Args)]
pub struct DevArgs {
    /// gRPC port of the dev server
    #[arg(long, default_value_t = 7233)]
    pub port: u16,

    /// Port of the Temporal web UI
    #[arg(long, default_value_t = 8233)]
    pub ui_port: u16,

    /// Do not start the web UI
    #[arg(long)]
    pub headless: bool,

    /// Database file that keeps runs across restarts
    /// [default: <data dir>/orca/dev.db, e.g. ~/.local/share/orca/dev.db]
    #[arg(long, value_name = "PATH", conflicts_with = "ephemeral")]
    pub db: Option<PathBuf>,

    /// Keep everything in memory: runs are gone when the server stops
    #[arg(long)]
    pub ephemeral: bool,

    #[command(flatten)]
    pub tuning: WorkerTuning,
}

/// How long the dev server may take to answer its first call.
const READY_TIMEOUT: Duration = Duration::from_secs(60);

pub async fn run(args: DevArgs, global: &GlobalArgs, printer: &Printer) -> Result<()> {
    worker::init_logging(args.tuning.log_format);
    let temporal = find_temporal_cli()?;
    ensure_port_free(args.port)?;
    let db = if args.ephemeral {
        None
    } else {
        Some(database_path(args.db.clone())?)
    };

    // The dev server listens on loopback; the worker in here connects to it.
    let mut global = global.clone();
    global.address = Some(format!("127.0.0.1:{}", args.port));
    let settings = Settings::resolve(&global)?;

    let mut command = Command::new(&temporal);
    command
        .args([
            "server",
            "start-dev",
            "--ip",
            "127.0.0.1",
            "--log-level",
            "error",
        ])
        .args(["--port", &args.port.to_string()])
        .args(["--ui-port", &args.ui_port.to_string()])
        .args(["--search-attribute", &format!("{SA_PIPELINE}=Keyword")])
        .args(["--search-attribute", &format!("{SA_PHASE}=Keyword")])
        .args(["--search-attribute", &format!("{SA_APPROVERS}=KeywordList")])
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::inherit());
    if args.headless {
        command.arg("--headless");
    }
    if let Some(db) = &db {
        command.arg("--db-filename").arg(db);
    }
    if settings.namespace != crate::config::DEFAULT_NAMESPACE {
        command.args(["--namespace", &settings.namespace]);
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
    let mut child = command.spawn().map_err(|source| Error::Io {
        path: temporal.clone(),
        source,
    })?;
    let server_pid = child.id().unwrap_or_default() as i32;

    let client = match wait_until_ready(&settings, &mut child).await {
        Ok(client) => client,
        Err(e) => {
            stop_server(server_pid, &mut child).await;
            return Err(e);
        }
    };

    if printer.is_text() {
        let db_text = db
            .as_deref()
            .map_or("in memory (--ephemeral)".to_string(), |p| {
                p.display().to_string()
            });
        let ui = if args.headless {
            "off (--headless)".to_string()
        } else {
            format!("http://localhost:{}", args.ui_port)
        };
        printer.card(&[
            (
                "Temporal",
                format!("127.0.0.1:{} (namespace {})", args.port, settings.namespace),
            ),
            ("Web UI", ui),
            ("Database", db_text),
            ("Worker", format!("task queue {}", settings.task_queue)),
        ]);
        printer.line(&printer.dim(&format!(
            "Try: orca start sample --input task=hello --address 127.0.0.1:{}    (Ctrl-C stops everything)",
            args.port
        )));
    } else {
        printer.json(&serde_json::json!({
            "address": format!("127.0.0.1:{}", args.port),
            "namespace": settings.namespace,
            "task_queue": settings.task_queue,
            "ui": (!args.headless).then(|| format!("http://localhost:{}", args.ui_port)),
            "database": db,
        }));
    }

    // The server's lifetime is owned by one task: it reports an unexpected
    // exit, and it stops the server when asked.
    let (gone_tx, gone_rx) = oneshot::channel::<String>();
    let (stop_tx, stop_rx) = oneshot::channel::<()>();
    let server = tokio::spawn(async move {
        tokio::select! {
            status = child.wait() => {
                let text = status.map_or_else(|e| e.to_string(), |s| s.to_string());
                let _ = gone_tx.send(text);
            }
            _ = stop_rx => stop_server(server_pid, &mut child).await,
        }
    });
    let (died_tx, mut died_rx) = oneshot::channel::<String>();
    let shutdown = async move {
        tokio::select! {
            _ = worker::shutdown_signal() => {}
            status = gone_rx => {
                if let Ok(status) = status {
                    let _ = died_tx.send(status);
                }
            }
        }
    };

    let served = worker::serve(client, &settings, &args.tuning, shutdown).await;
    let _ = stop_tx.send(());
    let _ = server.await;
    if let Ok(status) = died_rx.try_recv() {
        return Err(Error::Unreachable {
            address: settings.address,
            cause: format!("the dev server exited unexpectedly ({status})"),
        });
    }
    served
}

/// `ORCA_TEMPORAL_BIN`, else `temporal` on PATH.
fn find_temporal_cli() -> Result<PathBuf> {
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

fn ensure_port_free(port: u16) -> Result<()> {
    TcpListener::bind(("127.0.0.1", port)).map(drop).map_err(|e| {
        Error::usage_with_hint(
            format!("port {port} is not free: {e}"),
            format!(
                "another Temporal server may be running there (use it with --address 127.0.0.1:{port}), \
                 or pick another port: orca dev --port {}",
                port.wrapping_add(1)
            ),
        )
    })
}

fn database_path(explicit: Option<PathBuf>) -> Result<PathBuf> {
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

/// Connects as soon as the server answers; fails if it exits or stays silent.
async fn wait_until_ready(
    settings: &Settings,
    child: &mut tokio::process::Child,
) -> Result<temporalio_client::Client> {
    let started = Instant::now();
    let mut quick = settings.clone();
    quick.connect_timeout = Duration::from_secs(2);
    quick.connection.connect_timeout = Some(Duration::from_secs(2));
    loop {
        if let Ok(Some(status)) = child.try_wait() {
            return Err(Error::DevServerNotReady {
                waited: started.elapsed(),
                cause: format!("`temporal server start-dev` exited ({status})"),
            });
        }
        match connect::connect(&quick).await {
            Ok(client) => return Ok(client),
            Err(e) if started.elapsed() > READY_TIMEOUT => {
                return Err(Error::DevServerNotReady {
                    waited: started.elapsed(),
                    cause: e.to_string(),
                });
            }
            Err(_) => tokio::time::sleep(Duration::from_millis(200)).await,
        }
    }
}

/// SIGTERM to the server's process group, then SIGKILL if it lingers.
async fn stop_server(pid: i32, child: &mut tokio::process::Child) {
    if pid > 0 {
        // SAFETY: signalling a process group we created.
        unsafe { libc::kill(-pid, libc::SIGTERM) };
    }
    if tokio::time::timeout(Duration::from_secs(10), child.wait())
        .await
        .is_err()
    {
        if pid > 0 {
            // SAFETY: as above.
            unsafe { libc::kill(-pid, libc::SIGKILL) };
        }
        let _ = child.wait().await;
    }
}
