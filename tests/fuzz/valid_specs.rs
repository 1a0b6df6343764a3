//! Valid pipeline specs, generated from the spec's own types: every step
//! kind, `parallel` and `foreach` nesting, retries, timeouts, `if`, gates
//! with approvers and quorums, templates that read inputs, earlier steps and
//! loop items. Each is valid by construction, so each must validate.

use std::{collections::BTreeMap, time::Duration};

use orca::pipeline::{
    PipelineSpec, Step, StepKind,
    spec::{
        AgentStep, ApprovalStep, CommandStep, Count, DurationSpec, ForeachStep, HttpStep,
        InputSpec, Items, OnTimeout, ParallelStep, PolicyStep, RetrySpec, SleepStep,
    },
};
use proptest::prelude::*;
use serde_json::json;

/// A spec of 1 to 6 top-level steps `s0`…, each of any kind.
pub fn spec() -> impl Strategy<Value = PipelineSpec> {
    prop::collection::vec(top_shape(), 1..7).prop_map(|shapes| {
        let steps = shapes
            .iter()
            .enumerate()
            .map(|(index, shape)| shape.build(index))
            .collect();
        PipelineSpec {
            name: "generated".into(),
            description: Some("a generated pipeline".into()),
            inputs: BTreeMap::from([
                (
                    "task".to_string(),
                    InputSpec {
                        required: true,
                        ..InputSpec::default()
                    },
                ),
                (
                    "n".to_string(),
                    InputSpec {
                        default: Some(json!(3)),
                        ..InputSpec::default()
                    },
                ),
            ]),
            groups: BTreeMap::from([("ops".to_string(), vec!["olga".into(), "omar".into()])]),
            steps,
        }
    })
}

/// What a top-level step is, before its position (and so its ID) is known.
#[derive(Debug, Clone)]
enum Shape {
    Simple(Simple),
    Gate {
        named: u32,
        timeout: bool,
        required: u32,
    },
    Parallel(Vec<Simple>),
    Foreach {
        body: Simple,
        concurrency: u32,
        listed: bool,
    },
}

/// A step that runs as an activity (or in the workflow: policy, sleep),
/// with optional retry and `if`.
#[derive(Debug, Clone, Copy)]
struct Simple {
    kind: u8,
    retry: bool,
    condition: bool,
}

fn simple() -> impl Strategy<Value = Simple> {
    (0u8..5, any::<bool>(), any::<bool>()).prop_map(|(kind, retry, condition)| Simple {
        kind,
        retry,
        condition,
    })
}

fn top_shape() -> impl Strategy<Value = Shape> {
    prop_oneof![
        simple().prop_map(Shape::Simple),
        (0u32..3, any::<bool>(), 1u32..3).prop_map(|(named, timeout, required)| Shape::Gate {
            named,
            timeout,
            required
        }),
        prop::collection::vec(simple(), 1..4).prop_map(Shape::Parallel),
        (simple(), 1u32..5, any::<bool>()).prop_map(|(body, concurrency, listed)| {
            Shape::Foreach {
                body,
                concurrency,
                listed,
            }
        }),
    ]
}

impl Shape {
    fn build(&self, i: usize) -> Step {
        match self {
            Shape::Simple(simple) => simple.build(i),
            Shape::Gate {
                named,
                timeout,
                required,
            } => gate(i, *named, *timeout, *required),
            Shape::Parallel(children) => {
                let steps = children
                    .iter()
                    .enumerate()
                    .map(|(j, child)| Step {
                        id: format!("s{i}c{j}"),
                        ..child.build(i)
                    })
                    .collect();
                step(
                    i,
                    StepKind::Parallel(ParallelStep {
                        steps,
                        fail_fast: i.is_multiple_of(2),
                    }),
                )
            }
            Shape::Foreach {
                body,
                concurrency,
                listed,
            } => {
                let (items, count) = match listed {
                    true => (Some(Items::List(vec![json!("a"), json!(2)])), None),
                    false => (None, Some(Count::Number(3))),
                };
                let mut inner = body.build(i);
                inner.id = String::new();
                step(
                    i,
                    StepKind::Foreach(ForeachStep {
                        items,
                        count,
                        concurrency: *concurrency,
                        until: None,
                        step: Box::new(inner),
                    }),
                )
            }
        }
    }
}

impl Simple {
    fn build(&self, i: usize) -> Step {
        let earlier = match i {
            0 => "{{ input.task }}".to_string(),
            _ => format!("{{{{ steps.s{}.output }}}}", i - 1),
        };
        let kind = match self.kind {
            0 => StepKind::Agent(AgentStep {
                action: format!("do {earlier}"),
                duration: DurationSpec(Duration::from_millis(100)).into(),
                returns: Some(json!({"n": "{{ input.n }}"})),
                fail_first: 0,
            }),
            1 => StepKind::Command(CommandStep {
                argv: vec!["echo".into(), earlier],
                shell: None,
                env: BTreeMap::from([("N".into(), "{{ input.n }}".into())]),
                cwd: None,
                stdin: None,
            }),
            2 => StepKind::Http(HttpStep {
                method: "POST".into(),
                url: "http://example.invalid/{{ input.n }}".into(),
                headers: BTreeMap::new(),
                json: Some(json!({"task": "{{ input.task }}"})),
                body: None,
                expect: vec![200, 201],
            }),
            3 => StepKind::Policy(PolicyStep {
                subject: earlier,
                deny: vec!["^forbidden".into()],
                allow: Vec::new(),
            }),
            _ => StepKind::Sleep(SleepStep {
                duration: DurationSpec(Duration::from_secs(1)),
            }),
        };
        let activity = kind.is_activity();
        Step {
            id: format!("s{i}"),
            timeout: activity.then(|| DurationSpec(Duration::from_secs(30))),
            retry: (activity && self.retry).then(|| RetrySpec {
                attempts: 2,
                initial: Some(DurationSpec(Duration::from_secs(1))),
                backoff: Some(2.0),
                max: None,
                non_retryable: vec!["exit:2".into()],
            }),
            condition: self.condition.then(|| "{{ input.n > 1 }}".to_string()),
            kind,
        }
    }
}

/// A gate: open to anyone, or to `named` people (and the `ops` group),
/// with a quorum it can reach; optionally a timeout that approves.
fn gate(i: usize, named: u32, timeout: bool, required: u32) -> Step {
    let mut approvers: Vec<String> = (0..named).map(|n| format!("person{n}")).collect();
    if named > 0 {
        approvers.push("group:ops".into());
    }
    let gate = ApprovalStep {
        prompt: "Ship {{ input.task }} for {{ run.id }}?".into(),
        required: if named as usize >= 2 { required } else { 1 },
        approvers,
        reject_quorum: 1,
        allow_self_approval: named == 2,
        signed: false,
        on_timeout: if timeout {
            OnTimeout::Approve
        } else {
            OnTimeout::Reject
        },
        escalate_to: Vec::new(),
        escalation_timeout: None,
        notify: Vec::new(),
        remind_every: None,
        fields: Default::default(),
        reject_fields: Default::default(),
        on_changes: None,
        max_rounds: 3,
        allow_delegation: named > 0,
    };
    Step {
        timeout: timeout.then(|| DurationSpec(Duration::from_secs(3600))),
        ..step(i, StepKind::Approval(gate))
    }
}

fn step(i: usize, kind: StepKind) -> Step {
    Step {
        id: format!("s{i}"),
        timeout: None,
        retry: None,
        condition: None,
        kind,
    }
}
