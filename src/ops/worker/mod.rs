//! Running a worker: the SDK worker with orca's workflow and activities,
//! its tuning, metrics, pipelines and approver groups, the search
//! attributes it needs, and a graceful shutdown on SIGINT/SIGTERM.

use std::{future::Future, path::Path, time::Duration};

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
    Runtime, Worker, WorkerOptions as SdkWorkerOptions,
    runtime::{
        PollerBehavior, RuntimeOptions,
        worker_tuner::{FixedSizeSlotSupplier, TunerHolder},
    },
};

use crate::{
    Error, Result,
    cli::worker::{InlinePipelines, LogFormat, WorkerOptions},
    config::Settings,
    connect,
    engine::{
        NoopWorkflow, PipelineWorkflow,
        activities::{PipelineActivities, WorkerTrust},
        status::{SA_APPROVERS, SA_PHASE, SA_PIPELINE},
    },
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

/// Runs a worker on `client` until `shutdown` resolves, then drains it.
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
    let sdk_options = sdk_options(settings, options, activities)?;
    let mut worker = Worker::new(&runtime, client, sdk_options)
        .map_err(|e| Error::Unexpected(anyhow::anyhow!("cannot create the worker: {e}")))?;
    drain_on(shutdown, worker.shutdown_handle(), options.shutdown_grace);
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

/// The SDK worker's options: orca's workflows and activities, the slots
/// and pollers the flags ask for, the grace period.
fn sdk_options(
    settings: &Settings,
    options: &WorkerOptions,
    activities: PipelineActivities,
) -> Result<SdkWorkerOptions> {
    let slots = |n: usize| FixedSizeSlotSupplier::new(n.max(1));
    Ok(SdkWorkerOptions::new(settings.task_queue.clone())
        .register_workflow::<PipelineWorkflow>()
        .and_then(|sdk| sdk.register_workflow::<NoopWorkflow>())
        .map_err(|e| Error::Unexpected(anyhow::anyhow!("{e}")))?
        .register_activities(activities)
        .tuner(
            TunerHolder::builder()
                .workflow_task_slot_supplier(slots(options.max_concurrent_workflows))
                .activity_task_slot_supplier(slots(options.max_concurrent_activities))
                .local_activity_task_slot_supplier(slots(options.max_concurrent_activities))
                .nexus_task_slot_supplier(slots(1))
                .build(),
        )
        .workflow_task_poller_behavior(PollerBehavior::SimpleMaximum(
            options.workflow_pollers.into(),
        ))
        .activity_task_poller_behavior(PollerBehavior::SimpleMaximum(
            options.activity_pollers.into(),
        ))
        .max_cached_workflows(options.max_cached_runs)
        .graceful_shutdown_period(options.shutdown_grace)
        .build())
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

/// Registers orca's search attributes when they are missing. Without
/// permission (Temporal Cloud API keys usually lack it) this is a warning:
/// the attributes may already exist, or an operator must add them.
async fn ensure_search_attributes(client: &Client, settings: &Settings) {
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
