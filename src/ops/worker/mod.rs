//! Running a worker: the SDK workers with orca's workflow and activities
//! (one per task queue it polls: `queues.rs`), their tuning, metrics,
//! pipelines and approver groups, the search attributes it needs
//! (`attributes.rs`), and a graceful shutdown on SIGINT/SIGTERM.

mod attributes;
pub mod queues;

use attributes::ensure_search_attributes;

use std::{future::Future, path::Path, time::Duration};

use temporalio_client::Client;
use temporalio_sdk::{Runtime, Worker, runtime::RuntimeOptions};

use crate::{
    Error, Result,
    cli::worker::{InlinePipelines, LogFormat, WorkerOptions},
    config::Settings,
    connect,
    engine::activities::{PipelineActivities, WorkerTrust},
    ops::query::RunQuery,
    pipeline::Catalogue,
};

/// The worker's activities, with the pipelines and approver groups its
/// files define: read before anything connects, so a bad file is exit 2.
pub fn activities(options: &WorkerOptions) -> Result<PipelineActivities> {
    let mut activities = PipelineActivities::new(
        load_catalogue(options.pipelines.pipelines.as_deref())?,
        load_groups(options)?,
        options.allow_commands,
        options.default_step_timeout.map(|t| t.0),
    );
    activities.trust = load_trust(options)?;
    activities.history_bound = options.continue_as_new_after;
    Ok(activities)
}

/// Whom the worker trusts. The allowed signers are read now so a bad file
/// is exit 2 at start (gates read it again when they open).
fn load_trust(options: &WorkerOptions) -> Result<WorkerTrust> {
    if options.require_signed_approvals && options.allowed_signers.is_none() {
        return Err(Error::usage_with_hint(
            "--require-signed-approvals needs --allowed-signers FILE: the keys to check signatures with",
            "one line per person: NAME ssh-ed25519 AAAA… (git's allowed_signers format)",
        ));
    }
    let trust = WorkerTrust {
        allowed_signers: options.allowed_signers.clone(),
        require_signed: options.require_signed_approvals,
        window: Some(options.signature_window),
        deny_inline: options.inline_pipelines == InlinePipelines::Deny,
    };
    if options.require_signed_approvals && !trust.deny_inline {
        tracing::warn!(
            "inline pipelines are allowed: a requester can send a gate that lets themselves decide (allow_self_approval, their own name); production workers use --inline-pipelines deny"
        );
    }
    if let Some(path) = &options.allowed_signers {
        let signers = trust.read_signers().map_err(|problem| Error::InvalidFile {
            what: "allowed signers file",
            path: path.clone(),
            problem,
        })?;
        tracing::info!(keys = signers.len(), file = %path.display(), "loaded allowed signers");
    }
    Ok(trust)
}

/// Runs a worker on `client` until `shutdown` resolves, then drains it:
/// one SDK worker per task queue it polls (`queues`), all stopped together.
pub async fn serve(
    client: Client,
    settings: &Settings,
    options: &WorkerOptions,
    mut activities: PipelineActivities,
    shutdown: impl Future<Output = ()> + Send + 'static,
) -> Result<()> {
    ensure_search_attributes(&client, settings).await;
    activities.client = Some(client.clone());
    let runtime = Runtime::from_current_tokio(runtime_options(&client, settings, options)?)
        .map_err(|e| Error::Unexpected(anyhow::anyhow!("cannot start the worker runtime: {e}")))?;
    let mut workers = queues::workers(&runtime, &client, settings, options, activities)?;
    let stops: Vec<_> = workers.iter().map(Worker::shutdown_handle).collect();
    drain_on(
        shutdown,
        move || stops.iter().for_each(|stop| stop()),
        options.shutdown_grace,
    );
    let polls = queues::describe(&queues::polled(&settings.task_queue, options));
    // Said once at start, so a setting read from the environment (the
    // seeds' TEMPORAL_MAX_CONCURRENT_*) can be seen to have taken effect.
    let slots = format!(
        "{} workflow tasks, {} activities",
        options.max_concurrent_workflows, options.max_concurrent_activities
    );
    tokio::spawn(announce_once_polling(
        client.clone(),
        settings.clone(),
        polls,
        slots,
    ));
    futures::future::try_join_all(workers.iter_mut().map(Worker::run))
        .await
        .map_err(|e| worker_error(settings, e))?;
    tracing::info!("worker stopped");
    Ok(())
}

/// How long `worker started` waits for the server to list a poller.
const ANNOUNCE_WITHIN: Duration = Duration::from_secs(10);

/// Logs `worker started` once the server lists a worker polling the task
/// queue (at most `ANNOUNCE_WITHIN` after polling began): whoever waits for
/// the line (`orca dev`'s reader, a script, the tests) may start a run at
/// once, and `orca start` then finds the queue polled rather than warning
/// that no worker is there.
async fn announce_once_polling(client: Client, settings: Settings, polls: String, slots: String) {
    let queue = &settings.task_queue;
    let seen = async {
        while !crate::client::polled(&client, &settings.namespace, queue).await {
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
    };
    let _ = tokio::time::timeout(ANNOUNCE_WITHIN, seen).await;
    tracing::info!(
        address = %settings.address,
        namespace = %settings.namespace,
        task_queue = %queue,
        polls = %polls,
        slots = %slots,
        "worker started"
    );
}

/// When `shutdown` resolves, the worker stops taking work; a second signal,
/// or the grace period plus a margin for the last completions to reach the
/// server, ends the process at once.
fn drain_on(
    shutdown: impl Future<Output = ()> + Send + 'static,
    stop: impl FnOnce() + Send + 'static,
    grace: Duration,
) {
    tokio::spawn(async move {
        shutdown.await;
        tracing::info!(
            grace = %crate::human::human_duration(grace),
            "shutting down: no new work is taken; running steps may finish"
        );
        stop();
        tokio::select! {
            _ = shutdown_signal() => tracing::warn!("second signal: exiting now"),
            _ = tokio::time::sleep(grace.saturating_add(Duration::from_secs(5))) => {
                tracing::warn!("grace period over: exiting now")
            }
        }
        crate::engine::activities::kill_running_commands();
        std::process::exit(130);
    });
}

/// Telemetry for the worker's runtime: with `--metrics-address`, a Prometheus
/// endpoint for the SDK's metrics and orca's (and a refresher for the gauge
/// of runs awaiting approval, which is a count over the namespace).
fn runtime_options(
    client: &Client,
    settings: &Settings,
    options: &WorkerOptions,
) -> Result<RuntimeOptions> {
    use temporalio_common::telemetry::{
        PrometheusExporterOptions, TelemetryOptions, start_prometheus_metric_exporter,
    };
    let Some(address) = options.metrics_address else {
        return Ok(RuntimeOptions::default());
    };
    let exporter = start_prometheus_metric_exporter(
        PrometheusExporterOptions::builder()
            .socket_addr(address)
            .counters_total_suffix(true)
            .unit_suffix(true)
            .use_seconds_for_durations(true)
            // Steps run for seconds to hours; the SDK's default buckets stop at 10 s.
            .histogram_bucket_overrides(temporalio_common::telemetry::HistogramBucketOverrides {
                overrides: [(
                    crate::engine::metrics::STEP_DURATION.to_string(),
                    vec![
                        0.1, 0.5, 1.0, 5.0, 15.0, 60.0, 300.0, 900.0, 3600.0, 14400.0,
                    ],
                )]
                .into(),
            })
            .build(),
    )
    .map_err(|e| {
        Error::usage_with_hint(
            format!("cannot serve metrics on {address}: {e}"),
            "is the port in use? choose another --metrics-address",
        )
    })?;
    tracing::info!(url = %format!("http://{}/metrics", exporter.bound_addr), "serving metrics");
    let meter: std::sync::Arc<dyn temporalio_common::telemetry::metrics::CoreMeter> =
        exporter.meter;
    crate::engine::metrics::install(meter.clone());
    refresh_awaiting_gauge(client.clone(), settings.clone());
    let telemetry = TelemetryOptions::builder().metrics(meter).build();
    RuntimeOptions::builder()
        .telemetry_options(telemetry)
        .build()
        .map_err(|e| Error::Unexpected(anyhow::anyhow!("worker telemetry: {e}")))
}

/// `orca_runs_awaiting_approval` is a fact about the namespace, not this
/// process, so it is counted from visibility (a restart cannot skew it).
fn refresh_awaiting_gauge(client: Client, settings: Settings) {
    let query = RunQuery {
        task_queue: Some(settings.task_queue.clone()),
        ..RunQuery::awaiting()
    }
    .text();
    tokio::spawn(async move {
        loop {
            if let (Some(metrics), Ok(count)) = (
                crate::engine::metrics::get(),
                client
                    .count_workflows(
                        query.clone(),
                        temporalio_client::WorkflowCountOptions::default(),
                    )
                    .await,
            ) {
                metrics.set_awaiting_approval(count.count() as u64);
            }
            tokio::time::sleep(Duration::from_secs(5)).await;
        }
    });
}

fn worker_error(settings: &Settings, error: temporalio_sdk::WorkerRunError) -> Error {
    let text = connect::error_chain(&error);
    if text.contains("Unavailable") || text.contains("transport error") || text.contains("connect")
    {
        Error::Unreachable {
            address: settings.address.clone(),
            cause: text,
        }
    } else {
        Error::Unexpected(anyhow::anyhow!("worker failed: {text}"))
    }
}

/// Built-ins plus `--pipelines DIR`. A bad file is logged and skipped; it
/// does not take the good ones down with it.
fn load_catalogue(dir: Option<&Path>) -> Result<Catalogue> {
    let (catalogue, skipped) = super::pipelines::load(dir)?;
    for (file, e) in skipped {
        tracing::error!(file = %file.display(), "skipping invalid pipeline: {e}");
    }
    if dir.is_some() {
        tracing::info!(pipelines = %catalogue.names().join(", "), "pipelines loaded");
    }
    Ok(catalogue)
}

/// `[groups]` of the approvers file: group name → members. A bad file stops
/// the worker: running gates with the wrong people would be worse.
fn load_groups(options: &WorkerOptions) -> Result<std::collections::BTreeMap<String, Vec<String>>> {
    #[derive(serde::Deserialize)]
    #[serde(deny_unknown_fields)]
    struct ApproversFile {
        #[serde(default)]
        groups: std::collections::BTreeMap<String, Vec<String>>,
    }
    let Some(path) = &options.approvers_file else {
        return Ok(Default::default());
    };
    let text = std::fs::read_to_string(path).map_err(|source| Error::LocalFile {
        what: "approvers file",
        path: path.clone(),
        source,
    })?;
    let file: ApproversFile = toml::from_str(&text)
        .map_err(|e| Error::usage(format!("{}: {}", path.display(), e.message().trim())))?;
    tracing::info!(groups = file.groups.len(), file = %path.display(), "loaded approver groups");
    Ok(file.groups)
}

/// Resolves on the first SIGINT or SIGTERM.
pub async fn shutdown_signal() {
    use tokio::signal::unix::{SignalKind, signal};
    match signal(SignalKind::terminate()) {
        Ok(mut term) => {
            tokio::select! {
                _ = term.recv() => {}
                _ = tokio::signal::ctrl_c() => {}
            }
        }
        Err(_) => {
            let _ = tokio::signal::ctrl_c().await;
        }
    }
}

/// Logs go to stderr, so stdout stays clean for data.
pub fn init_logging(format: LogFormat) {
    use tracing_subscriber::{EnvFilter, fmt};
    let filter = EnvFilter::try_from_default_env()
        .unwrap_or_else(|_| EnvFilter::new("info,temporalio_sdk_core=warn,temporalio_client=warn"));
    let ansi = std::io::IsTerminal::is_terminal(&std::io::stderr());
    let builder = fmt()
        .with_env_filter(filter)
        .with_writer(std::io::stderr)
        .with_ansi(ansi);
    let _ = match format {
        LogFormat::Json => builder.json().try_init(),
        LogFormat::Text => builder.try_init(),
    };
}
