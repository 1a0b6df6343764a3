//! Whether anyone polls a task queue: the workers the server has seen
//! asking for tasks lately (it remembers a poller for about five minutes),
//! from DescribeTaskQueue. Why nobody answers, told to a person: `orca
//! start` warns, a follower and a decision waiting for a worker say so.

use std::time::{Duration, SystemTime};

use temporalio_client::{Client, grpc::WorkflowService, tonic};
use temporalio_common::protos::temporal::api::{
    enums::v1::{TaskQueueKind, TaskQueueType},
    taskqueue::v1::TaskQueue,
    workflowservice::v1::DescribeTaskQueueRequest,
};

use super::{Orca, system_time};
use crate::{
    config::{DEFAULT_ADDRESS, DEFAULT_NAMESPACE, Settings},
    engine::capability::Capability,
};

/// An idle worker's poll waits up to a minute at the server before it is
/// answered empty and asked again, and the server records a poller when
/// its poll arrives: a worker alive now was seen within about that long
/// (measured: 43 s on an idle dev worker). Twice that leaves room for a
/// loaded machine; a worker that stopped less than this ago still counts.
const POLL_INTERVAL: Duration = Duration::from_secs(120);

/// A worker that polled a task queue, as the server remembers it (for
/// about five minutes): who, and when it last polled.
#[derive(Debug, Clone)]
pub struct Poller {
    pub identity: String,
    pub last_access: Option<SystemTime>,
}

impl Poller {
    /// Whether it polled lately enough to be running still.
    pub fn is_recent(&self) -> bool {
        is_recent(self.last_access)
    }
}

/// Whether a poll at `last_access` is recent enough for its worker to be
/// running still (a poll the server gave no time counts).
pub fn is_recent(last_access: Option<SystemTime>) -> bool {
    last_access
        .and_then(|at| SystemTime::now().duration_since(at).ok())
        .is_none_or(|ago| ago <= POLL_INTERVAL)
}

/// A task queue by name, as workers poll it (not a sticky one).
pub fn normal_queue(name: &str) -> TaskQueue {
    TaskQueue {
        name: name.to_string(),
        kind: TaskQueueKind::Normal as i32,
        ..Default::default()
    }
}

impl Orca {
    /// The workers that polled `queue` for tasks of `kind` (workflow tasks:
    /// the runs themselves; activities: their steps) lately.
    pub async fn pollers(
        &self,
        queue: TaskQueue,
        kind: TaskQueueType,
    ) -> std::result::Result<Vec<Poller>, tonic::Status> {
        pollers(&self.client, &self.settings.namespace, queue, kind).await
    }

    /// Whether a worker polls `task_queue` for tasks of `kind` now; `None`
    /// when the server would not say (a permission, a blip).
    pub async fn polling(&self, task_queue: &str, kind: TaskQueueType) -> Option<bool> {
        let pollers = self.pollers(normal_queue(task_queue), kind).await.ok()?;
        Some(pollers.iter().any(Poller::is_recent))
    }

    /// Whether the server saw no worker poll `task_queue` for workflow
    /// tasks lately. False when it would not say: then nothing is claimed.
    pub async fn nobody_polls(&self, task_queue: &str) -> bool {
        self.polling(task_queue, TaskQueueType::Workflow).await == Some(false)
    }
}

/// Whether the server lists a worker polling `task_queue` for workflow
/// tasks now: a worker that has just begun polling is known to the server
/// once it does.
pub async fn polled(client: &Client, namespace: &str, task_queue: &str) -> bool {
    let kind = TaskQueueType::Workflow;
    let pollers = pollers(client, namespace, normal_queue(task_queue), kind).await;
    matches!(pollers, Ok(pollers) if pollers.iter().any(Poller::is_recent))
}

/// DescribeTaskQueue's pollers of `queue` for tasks of `kind`.
async fn pollers(
    client: &Client,
    namespace: &str,
    queue: TaskQueue,
    kind: TaskQueueType,
) -> std::result::Result<Vec<Poller>, tonic::Status> {
    let request = DescribeTaskQueueRequest {
        namespace: namespace.to_string(),
        task_queue: Some(queue),
        task_queue_type: kind as i32,
        ..Default::default()
    };
    let mut service = client.clone();
    let response = WorkflowService::describe_task_queue(&mut service, tonic::Request::new(request))
        .await?
        .into_inner();
    Ok(response
        .pollers
        .into_iter()
        .map(|poller| Poller {
            identity: poller.identity,
            last_access: poller.last_access_time.as_ref().and_then(system_time),
        })
        .collect())
}

/// How to give `task_queue` a worker (one with `capability`, when steps
/// wait for one): the one wording every hint uses. With `reached`, the
/// settings this command connected with, the worker is given the address
/// and namespace to reach the same server when they are not the defaults,
/// and `orca dev` is not offered: a server answers there already, and
/// `orca dev` would start another one (on its own port) rather than give
/// that one a worker.
pub fn start_one(
    task_queue: &str,
    reached: Option<&Settings>,
    capability: Option<Capability>,
) -> String {
    let flag = capability
        .map(|c| format!(" {}", c.flag()))
        .unwrap_or_default();
    let mut command = "orca worker".to_string();
    if let Some(settings) = reached {
        if settings.address != DEFAULT_ADDRESS {
            command.push_str(&format!(" --address {}", settings.address));
        }
        if settings.namespace != DEFAULT_NAMESPACE {
            command.push_str(&format!(" --namespace {}", settings.namespace));
        }
    }
    command.push_str(&format!(" --task-queue {task_queue}{flag}"));
    if reached.is_none() {
        command.push_str(&format!(" (or orca dev{flag})"));
    }
    command
}

#[cfg(test)]
mod tests {
    use super::*;

    fn seen(ago: Duration) -> Poller {
        Poller {
            identity: "w".into(),
            last_access: Some(SystemTime::now() - ago),
        }
    }

    #[test]
    fn a_poller_seen_within_a_poll_is_recent() {
        assert!(seen(Duration::from_secs(5)).is_recent());
        assert!(!seen(Duration::from_secs(200)).is_recent());
    }
}
