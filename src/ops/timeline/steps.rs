//! The timeline's lines for steps (activities: scheduled, started, how each
//! attempt ended) and durable timers.

use std::time::{Duration, SystemTime};

use temporalio_common::protos::temporal::api::{
    failure::v1::Failure,
    history::v1::{HistoryEvent, history_event::Attributes},
};

use super::{EntryKind, Line, Memory, failure_text, line};
use crate::human::human_duration;

/// Steps (activities) and durable timers; `None` for any other event.
pub(super) fn lines(
    event: &HistoryEvent,
    attributes: &Attributes,
    time: SystemTime,
    memory: &mut Memory,
) -> Option<Vec<Line>> {
    use Attributes as A;
    if let Some((scheduled, kind, failure)) = activity_ended(attributes) {
        return Some(activity_end(memory, scheduled, time, kind, failure));
    }
    Some(match attributes {
        A::ActivityTaskScheduledEventAttributes(a) => {
            let activity = a.activity_type.as_ref().map(|t| t.name.clone());
            memory.activities.insert(
                event.event_id,
                (a.activity_id.clone(), activity.unwrap_or_default(), time),
            );
            Vec::new()
        }
        A::ActivityTaskStartedEventAttributes(a) => {
            let (step, activity) = memory
                .activities
                .get(&a.scheduled_event_id)
                .map(|(step, activity, _)| (step.clone(), activity.clone()))
                .unwrap_or_default();
            let mut detail = format!("started ({activity})");
            if let Some(failure) = &a.last_failure {
                detail.push_str(&format!(
                    " after failed attempts; last: {}",
                    failure.message
                ));
            }
            vec![(
                EntryKind::StepStarted,
                Some(step),
                Some(a.attempt as u64),
                detail,
            )]
        }
        A::TimerStartedEventAttributes(a) => {
            let duration = a
                .start_to_fire_timeout
                .as_ref()
                .map(|d| {
                    human_duration(Duration::new(
                        d.seconds.max(0) as u64,
                        d.nanos.max(0) as u32,
                    ))
                })
                .unwrap_or_default();
            memory.timers.insert(a.timer_id.clone(), duration.clone());
            line(EntryKind::TimerStarted, duration)
        }
        A::TimerFiredEventAttributes(a) => {
            let duration = memory.timers.get(&a.timer_id).cloned().unwrap_or_default();
            line(EntryKind::TimerFired, format!("after {duration}"))
        }
        _ => return None,
    })
}

/// A step's attempt ended: its scheduled event, how, the failure.
fn activity_ended(attributes: &Attributes) -> Option<(i64, EntryKind, Option<&Failure>)> {
    use Attributes as A;
    Some(match attributes {
        A::ActivityTaskCompletedEventAttributes(a) => {
            (a.scheduled_event_id, EntryKind::StepCompleted, None)
        }
        A::ActivityTaskFailedEventAttributes(a) => (
            a.scheduled_event_id,
            EntryKind::StepFailed,
            a.failure.as_ref(),
        ),
        A::ActivityTaskTimedOutEventAttributes(a) => (
            a.scheduled_event_id,
            EntryKind::StepTimedOut,
            a.failure.as_ref(),
        ),
        A::ActivityTaskCanceledEventAttributes(a) => {
            (a.scheduled_event_id, EntryKind::StepCancelled, None)
        }
        _ => return None,
    })
}

fn activity_end(
    memory: &Memory,
    scheduled: i64,
    time: SystemTime,
    kind: EntryKind,
    failure: Option<&Failure>,
) -> Vec<Line> {
    let (step, scheduled_at) = match memory.activities.get(&scheduled) {
        Some((step, _, at)) => (step.clone(), *at),
        None => (String::new(), time),
    };
    let took = time.duration_since(scheduled_at).unwrap_or_default();
    let took = format!("{:.1}s", took.as_secs_f64());
    let failure = failure_text(failure);
    let detail = match kind {
        EntryKind::StepCompleted => format!("completed after {took}"),
        EntryKind::StepFailed => format!("failed after {took}: {failure}"),
        EntryKind::StepTimedOut => format!("timed out after {took}: {failure}"),
        _ => format!("cancelled after {took}"),
    };
    vec![(kind, Some(step), None, detail)]
}
