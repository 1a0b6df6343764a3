//! Which worker may run which step. A step kind that needs something only
//! some workers have (a capability, switched on by a worker flag) has its
//! activities scheduled on a task queue of their own, `<task queue><suffix>`,
//! which only workers with that capability poll: a worker never receives a
//! step it may not run, and such a step waits until a worker that may run it
//! polls. One table, read by the workflow (where to schedule), the worker
//! (what to poll) and `orca status` (what a waiting step waits for).

use serde::Serialize;
use temporalio_sdk::WorkflowContext;

use super::workflow::PipelineWorkflow;
use crate::pipeline::StepKind;

/// Something a worker must be started with to run some steps.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Capability {
    /// Running programs: `command` steps (`--allow-commands`).
    Commands,
}

/// Step kind → the capability its activities need. Kinds not listed run on
/// the run's own task queue, on any worker.
const ROUTES: &[(&str, Capability)] = &[("command", Capability::Commands)];

impl Capability {
    pub const ALL: &[Capability] = &[Capability::Commands];

    /// What its task queue's name adds to the run's: `orca` → `orca-commands`.
    pub fn suffix(self) -> &'static str {
        match self {
            Capability::Commands => "-commands",
        }
    }

    /// The worker flag that gives a worker this capability.
    pub fn flag(self) -> &'static str {
        match self {
            Capability::Commands => "--allow-commands",
        }
    }

    /// What its queue serves, in words (the worker's startup line).
    pub fn serves(self) -> &'static str {
        match self {
            Capability::Commands => "command steps",
        }
    }

    /// The patch marker of the engine change that routed this capability's
    /// steps to their own queue: runs recorded before it keep scheduling
    /// them on the run's task queue when they replay.
    pub fn patch(self) -> &'static str {
        match self {
            Capability::Commands => "orca-command-queue",
        }
    }

    /// The task queue of this capability for runs on `task_queue`.
    pub fn queue(self, task_queue: &str) -> String {
        format!("{task_queue}{}", self.suffix())
    }

    /// The capability needed by a step of `kind` (`StepKind::name`).
    pub fn required_by(kind: &str) -> Option<Capability> {
        ROUTES
            .iter()
            .find(|(routed, _)| *routed == kind)
            .map(|(_, capability)| *capability)
    }

    /// The capability whose queue `queue` is, for a run on `task_queue`.
    pub fn of_queue(task_queue: &str, queue: &str) -> Option<Capability> {
        Capability::ALL
            .iter()
            .copied()
            .find(|capability| capability.queue(task_queue) == queue)
    }
}

/// Decides, in the run's first activation (before any activity), whether
/// this run routes steps to capability queues: a new run does (and records
/// the patch markers), a run recorded before the routing replays as it ran.
/// Decided here and not at the step, because a patch asked for right after
/// a local activity (the pipeline's resolution) replays wrongly when a
/// query split the run's first workflow task: the marker then lies in a
/// later task than the replay looks in. The SDK keeps the answer for the
/// run, so `routed_queue` reads the same one later.
pub fn decide_routes(ctx: &WorkflowContext<PipelineWorkflow>) {
    for capability in Capability::ALL {
        ctx.patched(capability.patch());
    }
}

/// The task queue of a step that needs a capability, which only workers
/// with it poll; `None`: the run's own (any step of a run from before the
/// routing, and every step no capability is needed for).
pub fn routed_queue(ctx: &WorkflowContext<PipelineWorkflow>, kind: &StepKind) -> Option<String> {
    let capability = Capability::required_by(kind.name())?;
    ctx.patched(capability.patch())
        .then(|| capability.queue(ctx.task_queue()))
}

impl std::fmt::Display for Capability {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "a worker with {}", self.flag())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn command_steps_need_the_commands_capability_and_nothing_else_does() {
        assert_eq!(
            Capability::required_by("command"),
            Some(Capability::Commands)
        );
        let anywhere = [
            "policy", "approval", "agent", "http", "sleep", "parallel", "foreach",
        ];
        for kind in anywhere {
            assert_eq!(Capability::required_by(kind), None, "{kind}");
        }
    }

    #[test]
    fn every_capability_has_a_queue_a_flag_and_a_patch_of_its_own() {
        assert_eq!(Capability::Commands.queue("orca"), "orca-commands");
        assert_eq!(Capability::Commands.flag(), "--allow-commands");
        let distinct = |of: fn(Capability) -> &'static str| {
            let names: std::collections::HashSet<_> =
                Capability::ALL.iter().map(|c| of(*c)).collect();
            names.len()
        };
        assert_eq!(distinct(Capability::suffix), Capability::ALL.len());
        assert_eq!(distinct(Capability::flag), Capability::ALL.len());
        assert_eq!(distinct(Capability::patch), Capability::ALL.len());
        for (_, capability) in ROUTES {
            assert!(Capability::ALL.contains(capability), "{capability:?}");
        }
    }

    #[test]
    fn a_queue_is_read_back_as_its_capability_only_for_the_run_s_own_queue() {
        assert_eq!(
            Capability::of_queue("orca", "orca-commands"),
            Some(Capability::Commands)
        );
        assert_eq!(Capability::of_queue("orca", "orca"), None);
        assert_eq!(Capability::of_queue("other", "orca-commands"), None);
        assert_eq!(
            Capability::Commands.to_string(),
            "a worker with --allow-commands"
        );
    }
}
