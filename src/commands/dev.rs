//! `orca dev`: the official Temporal dev server as a child process, plus a
//! worker in this process (`ops::dev`).

use std::path::PathBuf;

use clap::Args;

use crate::{
    Result,
    cli::{GlobalArgs, worker::WorkerOptions},
    config::Settings,
    ops::{
        dev::{DevServer, ServerPlan, database_path, ensure_ports_free, find_temporal_cli},
        worker::{
            activities, init_logging,
            queues::{describe, polled},
        },
    },
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
    pub worker: WorkerOptions,
}

pub async fn run(args: DevArgs, global: &GlobalArgs, printer: &Printer) -> Result<()> {
    init_logging(args.worker.log_format);
    let activities = activities(&args.worker)?;
    let temporal = find_temporal_cli()?;
    let db = match args.ephemeral {
        true => None,
        false => Some(database_path(args.db.clone())?),
    };
    // The dev server listens on loopback; the worker in here connects to it.
    let mut global = global.clone();
    global.address = Some(format!("127.0.0.1:{}", args.port));
    let settings = Settings::resolve(&global)?;
    let plan = ServerPlan {
        port: args.port,
        ui_port: args.ui_port,
        headless: args.headless,
        db,
        namespace: settings.namespace.clone(),
    };
    ensure_ports_free(&plan)?;
    let mut server = DevServer::spawn(&temporal, &plan)?;
    let client = server.ready(&settings).await?;
    print_ready(printer, &plan, &settings, &args.worker);
    server
        .serve_worker(client, &settings, &args.worker, activities)
        .await
}

fn print_ready(printer: &Printer, plan: &ServerPlan, settings: &Settings, worker: &WorkerOptions) {
    let queues = polled(&settings.task_queue, worker);
    let address = format!("127.0.0.1:{}", plan.port);
    let ui = (!plan.headless).then(|| format!("http://localhost:{}", plan.ui_port));
    let report = serde_json::json!({
        "address": address,
        "namespace": settings.namespace,
        "task_queue": settings.task_queue,
        "queues": queues.iter().map(|q| &q.name).collect::<Vec<_>>(),
        "ui": ui,
        "database": plan.db,
    });
    printer.emit(&report, |p| {
        let db = plan
            .db
            .as_deref()
            .map_or("in memory (--ephemeral)".to_string(), |p| {
                p.display().to_string()
            });
        p.card(&[
            (
                "Temporal",
                format!("{address} (namespace {})", settings.namespace),
            ),
            ("Web UI", ui.clone().unwrap_or_else(|| "off (--headless)".into())),
            ("Database", db),
            ("Worker", format!("polls {}", describe(&queues))),
        ]);
        p.line(&p.dim(&format!(
            "Try: orca start sample --input task=hello --address {address}    (Ctrl-C stops everything)"
        )));
    });
}
