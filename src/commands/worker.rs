//! `orca worker`: poll the task queue and run pipelines until told to stop.

use std::{future::Future, path::PathBuf, time::Duration};

use clap::Args;
use temporalio_client::{
    Client,
    grpc::OperatorService,
    tonic::{self, Code},
};
use temporalio_common::protos::temporal::api::{
    enums::v1::IndexedValueType,
    operatorservice::v1::{AddSearchAttributesRequest, ListSearchAttributesRequest},
};
use temporalio_sdk::{
    Runtime, Worker, WorkerOptions,
    runtime::{
        PollerBehavior, RuntimeOptions,
        worker_tuner::{FixedSizeSlotSupplier, TunerHolder},
    },
};

use crate::{
    Error, Result,
    cli::parse_duration,
    config::Settings,
    connect,
    engine::{
        NoopWorkflow, PipelineWorkflow,
        activities::PipelineActivities,
        status::{SA_APPROVERS, SA_PHASE, SA_PIPELINE},
    },
    pipeline::Catalogue,
};

#[derive(Debug, Clone, Args)]
pub struct WorkerArgs {
    #[command(flatten)]
    pub tuning: WorkerTuning,
}

/// Worker options shared by `orca worker` and `orca dev`.
#[derive(Debug, Clone, Args)]
pub struct WorkerTuning {
    /// Workflow tasks processed at once
    #[arg(long, env = "TEMPORAL_MAX_CONCURRENT_WORKFLOWS", default_value_t = 100)]
    pub max_concurrent_workflows: usize,

    /// Activities (step executions) run at once
    #[arg(
        long,
        env = "TEMPORAL_MAX_CONCURRENT_ACTIVITIES",
        default_value_t = 100
    )]
    pub max_concurrent_activities: usize,

    /// Polls for workflow tasks kept open at once (at least 2)
    #[arg(long, env = "ORCA_WORKFLOW_POLLERS", default_value_t = 5, value_parser = clap::value_parser!(u16).range(2..))]
    pub workflow_pollers: u16,

    /// Polls for activity tasks (steps) kept open at once
    #[arg(long, env = "ORCA_ACTIVITY_POLLERS", default_value_t = 5, value_parser = clap::value_parser!(u16).range(1..))]
    pub activity_pollers: u16,

    /// Runs kept in memory between their tasks (more: less replaying from history)
    #[arg(long, env = "ORCA_MAX_CACHED_RUNS", default_value_t = 1000)]
    pub max_cached_runs: usize,

    /// On SIGINT/SIGTERM, let running steps finish for this long before cancelling them
    #[arg(long, value_name = "DURATION", default_value = "30s", value_parser = parse_duration)]
    pub shutdown_grace: Duration,

    /// Log format on stderr (level from RUST_LOG, default info)
    #[arg(long, value_enum, default_value_t = LogFormat::Text)]
    pub log_format: LogFormat,

    /// Also load pipelines from *.toml files in this directory
    #[arg(long, value_name = "DIR", env = "ORCA_PIPELINES")]
    pub pipelines: Option<PathBuf>,

    /// Timeout of each attempt of command, http and agent steps that set none
    /// [default: 10m]
    #[arg(
        long,
        value_name = "DURATION",
        env = "TEMPORAL_ACTIVITY_START_TO_CLOSE_TIMEOUT",
        value_parser = crate::cli::parse_duration_or_seconds
    )]
    pub default_step_timeout: Option<Duration>,

    /// Serve Prometheus metrics (the SDK's and orca's) at http://HOST:PORT/metrics
    #[arg(long, value_name = "HOST:PORT", env = "ORCA_METRICS_ADDRESS")]
    pub metrics_address: Option<std::net::SocketAddr>,

    /// Approver groups for gates (`group:NAME`): a TOML file with a [groups] table
    #[arg(long, value_name = "FILE", env = "ORCA_APPROVERS_FILE")]
    pub approvers_file: Option<PathBuf>,

    /// Run `command` steps (off by default: a pipeline can then run any program as this user)
    #[arg(long, env = "ORCA_ALLOW_COMMANDS")]
    pub allow_commands: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum LogFormat {
    Text,
    Json,
}

pub async fn run(args: WorkerArgs, settings: Settings) -> Result<()> {
    init_logging(args.tuning.log_format);
    let client = connect::connect(&settings).await?;
    serve(client, &settings, &args.tuning, shutdown_signal()).await
}

/// Runs a worker on `client` until `shutdown` resolves, then drains it.
pub async fn serve(
    client: Client,
    settings: &Settings,
    tuning: &WorkerTuning,
    shutdown: impl Future<Output = ()> + Send + 'static,
) -> Result<()> {
    ensure_search_attributes(&client, settings).await;
    let catalogue = load_catalogue(tuning)?;
    let groups = load_groups(tuning)?;

    let runtime = Runtime::from_current_tokio(runtime_options(&client, settings, tuning)?)
        .map_err(|e| Error::Unexpected(anyhow::anyhow!("cannot start the worker runtime: {e}")))?;
    let options = WorkerOptions::new(settings.task_queue.clone())
        .register_workflow::<PipelineWorkflow>()
        .and_then(|options| options.register_workflow::<NoopWorkflow>())
        .map_err(|e| Error::Unexpected(anyhow::anyhow!("{e}")))?
        .register_activities(PipelineActivities::new(
            catalogue,
            groups,
            tuning.allow_commands,
            tuning.default_step_timeout,
        ))
        .tuner(
            TunerHolder::builder()
                .workflow_task_slot_supplier(FixedSizeSlotSupplier::new(
                    tuning.max_concurrent_workflows.max(1),
                ))
                .activity_task_slot_supplier(FixedSizeSlotSupplier::new(
                    tuning.max_concurrent_activities.max(1),
                ))
                .local_activity_task_slot_supplier(FixedSizeSlotSupplier::new(
                    tuning.max_concurrent_activities.max(1),
                ))
                .nexus_task_slot_supplier(FixedSizeSlotSupplier::new(1))
                .build(),
        )
        .workflow_task_poller_behavior(PollerBehavior::SimpleMaximum(
            tuning.workflow_pollers.into(),
        ))
        .activity_task_poller_behavior(PollerBehavior::SimpleMaximum(
            tuning.activity_pollers.into(),
        ))
        .max_cached_workflows(tuning.max_cached_runs)
        .graceful_shutdown_period(tuning.shutdown_grace)
        .build();
    let mut worker = Worker::new(&runtime, client, options)
        .map_err(|e| Error::Unexpected(anyhow::anyhow!("cannot create the worker: {e}")))?;

    let stop = worker.shutdown_handle();
    let grace = tuning.shutdown_grace;
    tokio::spawn(async move {
        shutdown.await;
        tracing::info!(
            grace = %humantime::format_duration(grace),
            "shutting down: no new work is taken; running steps may finish"
        );
        stop();
        // A second signal, or the grace period plus a margin for the last
        // completions to reach the server, ends the process at once.
        tokio::select! {
            _ = shutdown_signal() => tracing::warn!("second signal: exiting now"),
            _ = tokio::time::sleep(grace + Duration::from_secs(5)) => {
                tracing::warn!("grace period over: exiting now")
            }
        }
        std::process::exit(130);
    });

    tracing::info!(
        address = %settings.address,
        namespace = %settings.namespace,
        task_queue = %settings.task_queue,
        "worker started"
    );
    worker.run().await.map_err(|e| worker_error(settings, e))?;
    tracing::info!("worker stopped");
    Ok(())
}

/// Telemetry for the worker's runtime: with `--metrics-address`, a Prometheus
/// endpoint for the SDK's metrics and orca's (and a refresher for the gauge
/// of runs awaiting approval, which is a count over the namespace).
fn runtime_options(
    client: &Client,
    settings: &Settings,
    tuning: &WorkerTuning,
) -> Result<RuntimeOptions> {
    use temporalio_common::telemetry::{
        PrometheusExporterOptions, TelemetryOptions, start_prometheus_metric_exporter,
    };
    let Some(address) = tuning.metrics_address else {
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
    use crate::engine::status::{Phase, SA_PHASE, WORKFLOW_TYPE};
    tokio::spawn(async move {
        let query = format!(
            "WorkflowType = '{WORKFLOW_TYPE}' AND {SA_PHASE} = '{}' AND ExecutionStatus = 'Running' AND TaskQueue = '{}'",
            Phase::AwaitingApproval,
            settings.task_queue.replace('\'', "\\'")
        );
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

/// Built-ins plus `--pipelines DIR`. A bad file is reported and skipped; it
/// does not take the good ones down with it.
fn load_catalogue(tuning: &WorkerTuning) -> Result<Catalogue> {
    let mut catalogue = Catalogue::builtins();
    if let Some(dir) = &tuning.pipelines {
        let paths = crate::pipeline::toml_files(dir).map_err(|source| Error::Io {
            path: dir.clone(),
            source,
        })?;
        for path in paths {
            match crate::pipeline::load_file(&path) {
                Ok(spec) => {
                    tracing::info!(pipeline = %spec.name, file = %path.display(), "loaded pipeline");
                    catalogue.insert(spec);
                }
                Err(e) => tracing::error!(file = %path.display(), "skipping invalid pipeline: {e}"),
            }
        }
    }
    Ok(catalogue)
}

/// `[groups]` of the approvers file: group name → members. A bad file stops
/// the worker: running gates with the wrong people would be worse.
fn load_groups(tuning: &WorkerTuning) -> Result<std::collections::BTreeMap<String, Vec<String>>> {
    #[derive(serde::Deserialize)]
    #[serde(deny_unknown_fields)]
    struct ApproversFile {
        #[serde(default)]
        groups: std::collections::BTreeMap<String, Vec<String>>,
    }
    let Some(path) = &tuning.approvers_file else {
        return Ok(Default::default());
    };
    let text = std::fs::read_to_string(path).map_err(|source| Error::Io {
        path: path.clone(),
        source,
    })?;
    let file: ApproversFile = toml::from_str(&text)
        .map_err(|e| Error::usage(format!("{}: {}", path.display(), e.message().trim())))?;
    tracing::info!(groups = file.groups.len(), file = %path.display(), "loaded approver groups");
    Ok(file.groups)
}

/// Registers orca's search attributes when they are missing. Without
/// permission (Temporal Cloud API keys usually lack it) this is a warning:
/// the attributes may already exist, or an operator must add them.
pub async fn ensure_search_attributes(client: &Client, settings: &Settings) {
    let mut service = client.clone();
    let wanted = [
        (SA_PIPELINE, IndexedValueType::Keyword),
        (SA_PHASE, IndexedValueType::Keyword),
        (SA_APPROVERS, IndexedValueType::KeywordList),
    ];
    let listed = OperatorService::list_search_attributes(
        &mut service,
        tonic::Request::new(ListSearchAttributesRequest {
            namespace: settings.namespace.clone(),
        }),
    )
    .await;
    let missing: Vec<(&str, IndexedValueType)> = match listed {
        Ok(response) => {
            let existing = response.into_inner().custom_attributes;
            wanted
                .into_iter()
                .filter(|(name, _)| !existing.contains_key(*name))
                .collect()
        }
        Err(status) => {
            warn_search_attributes(&status);
            return;
        }
    };
    if missing.is_empty() {
        return;
    }
    let request = AddSearchAttributesRequest {
        namespace: settings.namespace.clone(),
        search_attributes: missing
            .iter()
            .map(|(name, kind)| (name.to_string(), *kind as i32))
            .collect(),
    };
    match OperatorService::add_search_attributes(&mut service, tonic::Request::new(request)).await {
        Ok(_) => tracing::info!(attributes = ?missing, "registered search attributes"),
        Err(status) if status.code() == Code::AlreadyExists => {}
        Err(status) => warn_search_attributes(&status),
    }
}

fn warn_search_attributes(status: &tonic::Status) {
    tracing::warn!(
        "cannot check or register search attributes {SA_PIPELINE}/{SA_PHASE}/{SA_APPROVERS} ({}); \
         if they are missing, add them: temporal operator search-attribute create \
         --name {SA_PIPELINE} --type Keyword; ... --name {SA_PHASE} --type Keyword; \
         ... --name {SA_APPROVERS} --type KeywordList",
        status.message()
    );
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
