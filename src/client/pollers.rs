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

/// An idle worker's poll waits up to a minute at the server before it is
/// answered empty and asked again, and the server records a poller when
/// its poll arrives: a worker alive now was seen within about that long
/// (measured: 43 s on an idle dev worker). Twice that leaves room for a
/// loaded machine; a worker that stopped less than this ago still counts.
const POLL_INTERVAL: Duration = Duration::from_secs(120);

/// When a worker last polled a task queue, as the server saw it.
#[derive(Debug, Clone)]
struct Poller {
    last_access: Option<SystemTime>,
}

impl Poller {
    /// Whether it polled lately enough to be running still.
    fn is_recent(&self) -> bool {
        self.last_access
            .and_then(|at| SystemTime::now().duration_since(at).ok())
            .is_none_or(|ago| ago <= POLL_INTERVAL)
    }
}

impl Orca {
    /// Whether the server saw no worker poll `task_queue` for workflow
    /// tasks lately. False when it would not say (a permission, a blip):
    /// then nothing is claimed.
    pub async fn nobody_polls(&self, task_queue: &str) -> bool {
        let pollers = pollers(&self.client, &self.settings.namespace, task_queue).await;
        matches!(pollers, Ok(pollers) if !pollers.iter().any(Poller::is_recent))
    }
}

/// Whether the server lists a worker polling `task_queue` now: a worker
/// that has just begun polling is known to the server once it does.
pub async fn polled(client: &Client, namespace: &str, task_queue: &str) -> bool {
    let pollers = pollers(client, namespace, task_queue).await;
    matches!(pollers, Ok(pollers) if pollers.iter().any(Poller::is_recent))
}

/// The workers that polled `task_queue` for workflow tasks (the runs
/// themselves) within the last few minutes.
async fn pollers(
    client: &Client,
    namespace: &str,
    task_queue: &str,
) -> std::result::Result<Vec<Poller>, tonic::Status> {
    let request = DescribeTaskQueueRequest {
        namespace: namespace.to_string(),
        task_queue: Some(TaskQueue {
            name: task_queue.to_string(),
            kind: TaskQueueKind::Normal as i32,
            ..Default::default()
        }),
        task_queue_type: TaskQueueType::Workflow as i32,
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
            last_access: poller.last_access_time.as_ref().and_then(system_time),
        })
        .collect())
}

/// How to give `task_queue` a worker: the one wording every hint uses.
pub fn start_one(task_queue: &str) -> String {
    format!("orca worker --task-queue {task_queue} (or orca dev)")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn seen(ago: Duration) -> Poller {
        Poller {
            last_access: Some(SystemTime::now() - ago),
        }
    }

    #[test]
    fn a_poller_seen_within_a_poll_is_recent() {
        assert!(seen(Duration::from_secs(5)).is_recent());
        assert!(!seen(Duration::from_secs(200)).is_recent());
    }
}
