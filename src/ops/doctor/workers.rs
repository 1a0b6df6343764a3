//! Who polls the task queue, from DescribeTaskQueue: the workers the
//! server saw ask for workflow tasks and for steps (activities) lately,
//! each by identity with when it last polled; and who polls the commands
//! queue, which only workers started with `--allow-commands` do
//! (`ops::worker::queues`).

use std::{collections::BTreeMap, time::SystemTime};

use temporalio_common::protos::temporal::api::enums::v1::TaskQueueType;

use super::{Check, CheckName, State};
use crate::{
    client::{Orca, Poller, is_recent, normal_queue, start_one},
    config::Settings,
    engine::capability::Capability,
    human::ago,
};

/// The pollers of one task queue and type (an error: why the server would not say).
type Seen = Result<Vec<Poller>, String>;

/// Who polls the run's task queues.
pub(super) struct Fleet {
    pub queue: String,
    workflows: Seen,
    steps: Seen,
    commands: Seen,
}

pub(super) async fn fleet(orca: &Orca) -> Fleet {
    let queue = orca.settings.task_queue.clone();
    let commands = Capability::Commands.queue(&queue);
    let seen = |kind, name: &str| {
        let queue = normal_queue(name);
        async move {
            orca.pollers(queue, kind)
                .await
                .map_err(|status| status.message().to_string())
        }
    };
    let (workflows, steps, commands) = tokio::join!(
        seen(TaskQueueType::Workflow, &queue),
        seen(TaskQueueType::Activity, &queue),
        seen(TaskQueueType::Activity, &commands),
    );
    Fleet {
        queue,
        workflows,
        steps,
        commands,
    }
}

impl Fleet {
    /// Whether a worker polls the task queue for workflow tasks now;
    /// `None` when the server would not say.
    pub fn polled(&self) -> Option<bool> {
        let pollers = self.workflows.as_ref().ok()?;
        Some(pollers.iter().any(Poller::is_recent))
    }

    /// Whether a worker with `--allow-commands` polls now.
    pub fn commands_polled(&self) -> Option<bool> {
        let pollers = self.commands.as_ref().ok()?;
        Some(pollers.iter().any(Poller::is_recent))
    }

    pub fn workers_check(&self, settings: &Settings) -> Check {
        let queue = &self.queue;
        let workflows = match &self.workflows {
            Ok(pollers) => pollers,
            Err(why) => {
                let finding = format!("cannot ask who polls task queue {queue}: {why}");
                return Check::new(CheckName::Workers, State::Skipped, finding);
            }
        };
        let steps = self.steps.as_deref().unwrap_or_default();
        let details = by_identity(&[("workflows", workflows), ("steps", steps)]);
        if !workflows.iter().any(Poller::is_recent) {
            let finding = format!("no worker polls task queue {queue}: runs there do not move");
            return Check::new(CheckName::Workers, State::Failed, finding)
                .with_fix(start_one(queue, Some(settings), None))
                .with_details(details);
        }
        let count = recent_identities(&[workflows, steps]);
        if !steps.iter().any(Poller::is_recent) {
            let finding = format!(
                "{} task queue {queue} for workflow tasks, but none for steps: steps wait",
                workers_poll(count)
            );
            return Check::new(CheckName::Workers, State::Warn, finding)
                .with_fix(start_one(queue, Some(settings), None))
                .with_details(details);
        }
        let finding = format!("{} task queue {queue}", workers_poll(count));
        Check::new(CheckName::Workers, State::Ok, finding).with_details(details)
    }

    pub fn commands_check(&self, settings: &Settings) -> Check {
        let name = CheckName::CommandWorkers;
        let queue = Capability::Commands.queue(&self.queue);
        let pollers = match &self.commands {
            Ok(pollers) => pollers,
            Err(why) => {
                let finding = format!("cannot ask who polls {queue}: {why}");
                return Check::new(name, State::Skipped, finding);
            }
        };
        let flag = Capability::Commands.flag();
        let count = recent_identities(&[pollers]);
        if count == 0 {
            // Not a fault: a fleet may run no commands at all. A run whose
            // command step waits is reported under stuck runs.
            let finding =
                format!("no worker started with {flag} polls {queue}: command steps wait for one");
            let fix = start_one(&self.queue, Some(settings), Some(Capability::Commands));
            return Check::new(name, State::Skipped, finding).with_fix(fix);
        }
        let details = by_identity(&[("command steps", pollers)]);
        let finding = format!("{} {queue} ({flag})", workers_poll(count));
        Check::new(name, State::Ok, finding).with_details(details)
    }
}

/// "1 worker polls", "2 workers poll".
fn workers_poll(count: usize) -> String {
    match count {
        1 => "1 worker polls".into(),
        n => format!("{n} workers poll"),
    }
}

/// How many identities polled any of these lately.
fn recent_identities(lists: &[&[Poller]]) -> usize {
    let mut names: Vec<&str> = lists
        .iter()
        .flat_map(|list| list.iter())
        .filter(|poller| poller.is_recent())
        .map(|poller| poller.identity.as_str())
        .collect();
    names.sort_unstable();
    names.dedup();
    names.len()
}

/// One line per identity: what it polls for and when it last did
/// (`orca:alice@build-1: workflows, steps; last poll 3s ago`).
fn by_identity(lists: &[(&str, &[Poller])]) -> Vec<String> {
    let mut seen: BTreeMap<&str, (Vec<&str>, Option<SystemTime>)> = BTreeMap::new();
    for (what, pollers) in lists {
        for poller in pollers.iter() {
            let entry = seen.entry(poller.identity.as_str()).or_default();
            if !entry.0.contains(what) {
                entry.0.push(what);
            }
            entry.1 = entry.1.max(poller.last_access);
        }
    }
    seen.into_iter()
        .map(|(identity, (what, last))| {
            let gone = match is_recent(last) {
                true => "",
                false => " (stopped?)",
            };
            format!(
                "{identity}: {}; last poll {}{gone}",
                what.join(", "),
                ago(last)
            )
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use std::time::Duration;

    use super::*;

    fn poller(identity: &str, ago: u64) -> Poller {
        Poller {
            identity: identity.into(),
            last_access: Some(SystemTime::now() - Duration::from_secs(ago)),
        }
    }

    #[test]
    fn each_identity_is_one_line_and_one_worker() {
        let workflows = [poller("a", 3), poller("a", 10), poller("b", 400)];
        let steps = [poller("a", 1)];
        let lines = by_identity(&[("workflows", &workflows), ("steps", &steps)]);
        assert_eq!(lines.len(), 2, "{lines:?}");
        assert!(
            lines[0].starts_with("a: workflows, steps; last poll"),
            "{lines:?}"
        );
        assert!(lines[1].ends_with("(stopped?)"), "{lines:?}");
        assert_eq!(recent_identities(&[&workflows, &steps]), 1);
    }
}
