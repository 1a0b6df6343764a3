//! Whether a worker polls a run's task queue: why nobody answers, said to
//! a person waiting for a decision to be recorded.

use crate::client::{Orca, task_queue_of};

/// The task queue of run `id` when no worker polls it; `None` when one
/// does, or when that cannot be told.
pub async fn unpolled_queue(orca: &Orca, id: &str) -> Option<String> {
    let description = orca.describe(id).await.ok()?;
    let queue = task_queue_of(&description)?;
    orca.nobody_polls(queue).await.then(|| queue.to_string())
}
