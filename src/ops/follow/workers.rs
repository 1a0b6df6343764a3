//! Whether a worker polls a run's task queue: why nobody answers, said to
//! a person following the run or waiting for a decision to be recorded.

use crate::client::{Orca, Poller};

/// Whether the server saw no worker poll `task_queue` lately. False when
/// it would not say (a permission, a blip): then nothing is claimed.
pub async fn nobody_polls(orca: &Orca, task_queue: &str) -> bool {
    matches!(orca.pollers(task_queue).await, Ok(pollers) if !pollers.iter().any(Poller::is_recent))
}

/// The task queue of run `id` when no worker polls it; `None` when one
/// does, or when that cannot be told.
pub async fn unpolled_queue(orca: &Orca, id: &str) -> Option<String> {
    let description = orca.describe(id).await.ok()?;
    let queue = description
        .raw()
        .execution_config
        .as_ref()
        .and_then(|config| config.task_queue.as_ref())
        .map(|queue| queue.name.clone())
        .filter(|name| !name.is_empty())?;
    nobody_polls(orca, &queue).await.then_some(queue)
}

pub use crate::client::start_one;
