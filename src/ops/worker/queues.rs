//! The task queues a worker polls: its own (workflows and every step any
//! worker may run) and, for each capability it was started with, that
//! capability's queue (`orca-commands` with `--allow-commands`), where the
//! workflow schedules the steps only such workers may run
//! (`engine::capability`). One SDK worker per queue, all in this process.

use std::sync::Arc;

use temporalio_common::ActivityDefinition;
use temporalio_sdk::{
    Runtime, Worker, WorkerOptions as SdkWorkerOptions,
    activities::ExecutableActivity,
    runtime::{
        PollerBehavior,
        worker_tuner::{FixedSizeSlotSupplier, TunerHolder},
    },
};

use crate::{
    Error, Result,
    cli::worker::WorkerOptions,
    config::Settings,
    engine::{
        NoopWorkflow, PipelineWorkflow, activities::PipelineActivities, capability::Capability,
    },
};

/// One task queue a worker polls, and what for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Queue {
    pub name: String,
    /// `None`: the worker's own queue (workflows and every other activity).
    pub capability: Option<Capability>,
}

/// The queues a worker with `options` polls, its own first.
pub fn polled(task_queue: &str, options: &WorkerOptions) -> Vec<Queue> {
    let own = Queue {
        name: task_queue.to_string(),
        capability: None,
    };
    let capable = capabilities(options).into_iter().map(|capability| Queue {
        name: capability.queue(task_queue),
        capability: Some(capability),
    });
    std::iter::once(own).chain(capable).collect()
}

/// The capabilities the worker's flags give it.
fn capabilities(options: &WorkerOptions) -> Vec<Capability> {
    Capability::ALL
        .iter()
        .copied()
        .filter(|capability| match capability {
            Capability::Commands => options.allow_commands,
        })
        .collect()
}

/// `orca (workflows and steps), orca-commands (command steps)`.
pub fn describe(queues: &[Queue]) -> String {
    let words: Vec<String> = queues
        .iter()
        .map(|queue| {
            let serves = queue
                .capability
                .map_or("workflows and steps", Capability::serves);
            format!("{} ({serves})", queue.name)
        })
        .collect();
    words.join(", ")
}

/// One SDK worker per queue. The worker's own queue gets orca's workflows
/// and all of its activities; a capability's queue gets only the
/// activities of the steps routed to it, so anything else sent there fails
/// loudly instead of running on the wrong worker.
pub fn workers(
    runtime: &Runtime,
    client: &temporalio_client::Client,
    settings: &Settings,
    options: &WorkerOptions,
    activities: PipelineActivities,
) -> Result<Vec<Worker>> {
    let shared = Arc::new(activities.clone());
    polled(&settings.task_queue, options)
        .into_iter()
        .map(|queue| {
            let sdk = match queue.capability {
                None => own_queue(&queue.name, options, activities.clone())?,
                Some(capability) => capable_queue(&queue.name, options, capability, &shared),
            };
            Worker::new(runtime, client.clone(), sdk).map_err(|e| {
                Error::Unexpected(anyhow::anyhow!(
                    "cannot create the worker for task queue {}: {e}",
                    queue.name
                ))
            })
        })
        .collect()
}

/// The worker's own queue: orca's workflows and every activity, with the
/// slots and pollers the flags ask for.
fn own_queue(
    name: &str,
    options: &WorkerOptions,
    activities: PipelineActivities,
) -> Result<SdkWorkerOptions> {
    let slots = |n: usize| FixedSizeSlotSupplier::new(n.max(1));
    Ok(SdkWorkerOptions::new(name.to_string())
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

/// A capability's queue: activities only (no workflow tasks, no cache),
/// the same activity slots and pollers as the worker's own queue.
fn capable_queue(
    name: &str,
    options: &WorkerOptions,
    capability: Capability,
    activities: &Arc<PipelineActivities>,
) -> SdkWorkerOptions {
    let slots = |n: usize| FixedSizeSlotSupplier::new(n.max(1));
    let sdk = SdkWorkerOptions::new(name.to_string())
        .tuner(
            TunerHolder::builder()
                .workflow_task_slot_supplier(slots(1))
                .activity_task_slot_supplier(slots(options.max_concurrent_activities))
                .local_activity_task_slot_supplier(slots(1))
                .nexus_task_slot_supplier(slots(1))
                .build(),
        )
        .activity_task_poller_behavior(PollerBehavior::SimpleMaximum(
            options.activity_pollers.into(),
        ))
        .max_cached_workflows(0)
        .graceful_shutdown_period(options.shutdown_grace)
        .build();
    match capability {
        Capability::Commands => with_activity(sdk, PipelineActivities::command, activities.clone()),
    }
}

/// Registers the one activity `_marker` names (the SDK's `#[activities]`
/// gives each a constant of its own type).
fn with_activity<AD>(
    mut sdk: SdkWorkerOptions,
    _marker: AD,
    instance: Arc<AD::Implementer>,
) -> SdkWorkerOptions
where
    AD: ActivityDefinition + ExecutableActivity,
    AD::Input: Send + Sync,
    AD::Output: Send + Sync,
{
    sdk.register_activity::<AD>(instance);
    sdk
}

#[cfg(test)]
mod tests {
    use clap::Parser;

    use super::*;

    #[derive(Parser)]
    struct Flags {
        #[command(flatten)]
        options: WorkerOptions,
    }

    fn options(args: &[&str]) -> WorkerOptions {
        let argv = std::iter::once("worker").chain(args.iter().copied());
        Flags::try_parse_from(argv).unwrap().options
    }

    #[test]
    fn a_worker_polls_its_own_queue_and_the_commands_queue_only_with_allow_commands() {
        let plain = polled("orca", &options(&[]));
        assert_eq!(
            plain,
            [Queue {
                name: "orca".into(),
                capability: None
            }]
        );
        assert_eq!(describe(&plain), "orca (workflows and steps)");
        let commands = polled("ci", &options(&["--allow-commands"]));
        assert_eq!(commands.len(), 2);
        assert_eq!(commands[1].name, "ci-commands");
        assert_eq!(commands[1].capability, Some(Capability::Commands));
        assert_eq!(
            describe(&commands),
            "ci (workflows and steps), ci-commands (command steps)"
        );
    }
}
