//! orca's own Prometheus metrics, recorded into the SDK's registry so one
//! `/metrics` endpoint serves both. Workflow code records only when it is not
//! replaying (`ctx.is_replaying()`), so a run replayed after a worker restart
//! or a cache eviction is never counted twice.

use std::{sync::Arc, sync::OnceLock, time::Duration};

use super::refusal::RefusalKind;
use temporalio_common::telemetry::metrics::{
    CoreMeter, Counter, Gauge, HistogramDuration, MetricKeyValue, MetricParameters, NewAttributes,
};

pub struct Metrics {
    meter: Arc<dyn CoreMeter>,
    runs_finished: Counter,
    step_executions: Counter,
    step_duration: HistogramDuration,
    step_attempts: Counter,
    step_retries: Counter,
    awaiting_approval: Gauge,
    decisions: Counter,
    decisions_refused: Counter,
}

static METRICS: OnceLock<Metrics> = OnceLock::new();

/// Names and labels, documented in the README ("Metrics").
pub const RUNS_FINISHED: &str = "orca_runs_finished";
pub const STEP_EXECUTIONS: &str = "orca_step_executions";
pub const STEP_DURATION: &str = "orca_step_duration";
pub const STEP_ATTEMPTS: &str = "orca_step_attempts";
pub const STEP_RETRIES: &str = "orca_step_retries";
pub const AWAITING_APPROVAL: &str = "orca_runs_awaiting_approval";
pub const DECISIONS: &str = "orca_decisions";
pub const DECISIONS_REFUSED: &str = "orca_decisions_refused";

/// Makes the metrics live for this process (the worker calls it once).
pub fn install(meter: Arc<dyn CoreMeter>) {
    let param = |name: &'static str, description: &'static str, unit: &'static str| {
        MetricParameters::builder()
            .name(name)
            .description(description)
            .unit(unit)
            .build()
    };
    let counter = |name, description| meter.counter(param(name, description, ""));
    let metrics = Metrics {
        runs_finished: counter(RUNS_FINISHED, "Runs that ended, by pipeline and outcome"),
        step_executions: counter(
            STEP_EXECUTIONS,
            "Step executions that ended, by pipeline, kind and result",
        ),
        step_duration: meter.histogram_duration(param(
            STEP_DURATION,
            "How long steps took, by pipeline and kind",
            "duration",
        )),
        step_attempts: counter(
            STEP_ATTEMPTS,
            "Attempts made by finished steps, by pipeline and kind",
        ),
        step_retries: counter(
            STEP_RETRIES,
            "Retries (attempts after the first) of finished steps",
        ),
        awaiting_approval: meter.gauge(param(
            AWAITING_APPROVAL,
            "Runs waiting at an approval gate in the namespace",
            "",
        )),
        decisions: counter(
            DECISIONS,
            "Votes recorded at gates, by pipeline and whether a signature verified them",
        ),
        decisions_refused: counter(
            DECISIONS_REFUSED,
            "Decisions a gate refused, by pipeline and refusal type",
        ),
        meter,
    };
    let _ = METRICS.set(metrics);
}

pub fn get() -> Option<&'static Metrics> {
    METRICS.get()
}

impl Metrics {
    fn labels(
        &self,
        pairs: &[(&'static str, &str)],
    ) -> temporalio_common::telemetry::metrics::MetricAttributes {
        self.meter.new_attributes(NewAttributes::from(
            pairs
                .iter()
                .map(|(k, v)| MetricKeyValue::new(*k, v.to_string()))
                .collect::<Vec<_>>(),
        ))
    }

    pub fn run_finished(&self, pipeline: &str, outcome: &str) {
        self.runs_finished.add(
            1,
            &self.labels(&[("pipeline", pipeline), ("outcome", outcome)]),
        );
    }

    pub fn step_finished(
        &self,
        pipeline: &str,
        kind: &str,
        result: &str,
        took: Option<Duration>,
        attempts: u32,
    ) {
        self.step_executions.add(
            1,
            &self.labels(&[("pipeline", pipeline), ("kind", kind), ("result", result)]),
        );
        let by_kind = self.labels(&[("pipeline", pipeline), ("kind", kind)]);
        if let Some(took) = took {
            self.step_duration.record(took, &by_kind);
        }
        if attempts > 0 {
            self.step_attempts.add(u64::from(attempts), &by_kind);
            self.step_retries
                .add(u64::from(attempts.saturating_sub(1)), &by_kind);
        }
    }

    pub fn set_awaiting_approval(&self, runs: u64) {
        self.awaiting_approval.record(runs, &self.labels(&[]));
    }

    /// A vote recorded (count once: never while replaying).
    pub fn decision_recorded(&self, pipeline: &str, verified: bool) {
        let verified = if verified { "true" } else { "false" };
        self.decisions.add(
            1,
            &self.labels(&[("pipeline", pipeline), ("verified", verified)]),
        );
    }

    /// A decision refused by the update validator (which never replays).
    pub fn decision_refused(&self, pipeline: &str, refusal: RefusalKind) {
        self.decisions_refused.add(
            1,
            &self.labels(&[("pipeline", pipeline), ("refusal", refusal.as_str())]),
        );
    }
}
