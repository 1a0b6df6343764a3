//! A definition as the Temporal Schedule it describes, and back: the
//! definition travels in the action's memo (`orca_schedule`).

use serde_json::Value;
use temporalio_common::protos::temporal::api::{
    common::v1::{Memo, Payload, Payloads, SearchAttributes, WorkflowType},
    enums::v1::ScheduleOverlapPolicy,
    schedule::v1::{
        CalendarSpec, IntervalSpec, Schedule, ScheduleAction, SchedulePolicies, ScheduleSpec,
        ScheduleState, schedule_action,
    },
    taskqueue::v1::TaskQueue,
    workflow::v1::NewWorkflowExecutionInfo,
};

use super::{MEMO_DEFINITION, Overlap, ScheduleDef, parse_hh_mm};
use crate::engine::status::{Phase, RunRequest, SA_PHASE, SA_PIPELINE, WORKFLOW_TYPE};

impl ScheduleDef {
    /// The Temporal Schedule this definition describes. `with_attributes`
    /// sets orca's search attributes on each run from its start, so `orca
    /// list` shows a scheduled run's pipeline before its first workflow task
    /// (a namespace without them refuses the schedule: the caller retries
    /// without).
    pub fn to_proto(&self, task_queue: &str, with_attributes: bool) -> Result<Schedule, String> {
        Ok(Schedule {
            spec: Some(self.spec_proto()),
            action: Some(ScheduleAction {
                action: Some(schedule_action::Action::StartWorkflow(
                    self.action_proto(task_queue, with_attributes)?,
                )),
            }),
            policies: Some(SchedulePolicies {
                overlap_policy: self.overlap.to_proto() as i32,
                catchup_window: self.catchup_window.and_then(|d| d.0.try_into().ok()),
                pause_on_failure: self.pause_on_failure,
                ..Default::default()
            }),
            state: Some(ScheduleState {
                notes: self.note.clone().unwrap_or_default(),
                paused: self.paused,
                ..Default::default()
            }),
        })
    }

    /// When it fires: an interval, daily times (calendars) or cron.
    fn spec_proto(&self) -> ScheduleSpec {
        ScheduleSpec {
            interval: self
                .every
                .map(|every| IntervalSpec {
                    interval: every.0.try_into().ok(),
                    phase: self.offset.and_then(|o| o.0.try_into().ok()),
                })
                .into_iter()
                .collect(),
            calendar: self
                .at
                .iter()
                .map(|time| {
                    let (hour, minute) = parse_hh_mm(time).unwrap_or_default();
                    CalendarSpec {
                        second: "0".into(),
                        minute: minute.to_string(),
                        hour: hour.to_string(),
                        day_of_month: "*".into(),
                        month: "*".into(),
                        day_of_week: "*".into(),
                        ..Default::default()
                    }
                })
                .collect(),
            cron_string: self.cron.clone(),
            timezone_name: self.tz.clone(),
            ..Default::default()
        }
    }

    /// What it starts: a `Pipeline` run, with the definition in its memo.
    fn action_proto(
        &self,
        task_queue: &str,
        with_attributes: bool,
    ) -> Result<NewWorkflowExecutionInfo, String> {
        // A signed schedule's runs are requested by whoever signed it.
        let request = RunRequest {
            pipeline: Value::String(self.pipeline.clone()),
            input: self.input.clone(),
            requested_by: Some(match &self.signed {
                Some(signature) => signature.requester.clone(),
                None => format!("schedule:{}", self.name),
            }),
            signed: self.signed.as_ref().map(|s| s.signed.clone()),
        };
        let definition = serde_json::to_value(self).map_err(|e| e.to_string())?;
        Ok(NewWorkflowExecutionInfo {
            workflow_id: self.workflow_id_prefix(),
            workflow_type: Some(WorkflowType {
                name: WORKFLOW_TYPE.to_string(),
            }),
            task_queue: Some(TaskQueue {
                name: task_queue.to_string(),
                ..Default::default()
            }),
            input: Some(Payloads {
                payloads: vec![json_payload(
                    &serde_json::to_value(&request).map_err(|e| e.to_string())?,
                )],
            }),
            memo: Some(Memo {
                fields: [(MEMO_DEFINITION.to_string(), json_payload(&definition))].into(),
            }),
            workflow_execution_timeout: self.execution_timeout.and_then(|d| d.0.try_into().ok()),
            search_attributes: with_attributes.then(|| SearchAttributes {
                indexed_fields: [
                    (SA_PIPELINE, self.pipeline.clone()),
                    (SA_PHASE, Phase::Running.to_string()),
                ]
                .into_iter()
                .map(|(key, value)| (key.to_string(), json_payload(&Value::String(value))))
                .collect(),
            }),
            ..Default::default()
        })
    }
}

impl Overlap {
    pub(super) fn to_proto(self) -> ScheduleOverlapPolicy {
        match self {
            Overlap::Skip => ScheduleOverlapPolicy::Skip,
            Overlap::BufferOne => ScheduleOverlapPolicy::BufferOne,
            Overlap::BufferAll => ScheduleOverlapPolicy::BufferAll,
            Overlap::CancelOther => ScheduleOverlapPolicy::CancelOther,
            Overlap::TerminateOther => ScheduleOverlapPolicy::TerminateOther,
            Overlap::AllowAll => ScheduleOverlapPolicy::AllowAll,
        }
    }

    pub fn from_proto(value: i32) -> Option<Overlap> {
        Some(match ScheduleOverlapPolicy::try_from(value).ok()? {
            ScheduleOverlapPolicy::Skip | ScheduleOverlapPolicy::Unspecified => Overlap::Skip,
            ScheduleOverlapPolicy::BufferOne => Overlap::BufferOne,
            ScheduleOverlapPolicy::BufferAll => Overlap::BufferAll,
            ScheduleOverlapPolicy::CancelOther => Overlap::CancelOther,
            ScheduleOverlapPolicy::TerminateOther => Overlap::TerminateOther,
            ScheduleOverlapPolicy::AllowAll => Overlap::AllowAll,
        })
    }

    pub fn client_policy(self) -> temporalio_client::schedules::ScheduleOverlapPolicy {
        use temporalio_client::schedules::ScheduleOverlapPolicy as P;
        match self {
            Overlap::Skip => P::Skip,
            Overlap::BufferOne => P::BufferOne,
            Overlap::BufferAll => P::BufferAll,
            Overlap::CancelOther => P::CancelOther,
            Overlap::TerminateOther => P::TerminateOther,
            Overlap::AllowAll => P::AllowAll,
        }
    }
}

/// The definition stored on a schedule's action, if orca created it.
pub fn definition_of(schedule: &Schedule) -> Option<ScheduleDef> {
    let Some(schedule_action::Action::StartWorkflow(action)) =
        schedule.action.as_ref()?.action.as_ref()
    else {
        return None;
    };
    let payload = action.memo.as_ref()?.fields.get(MEMO_DEFINITION)?;
    serde_json::from_slice(&payload.data).ok()
}

fn json_payload(value: &Value) -> Payload {
    Payload {
        metadata: [("encoding".to_string(), b"json/plain".to_vec())].into(),
        data: serde_json::to_vec(value).unwrap_or_default(),
        ..Default::default()
    }
}
