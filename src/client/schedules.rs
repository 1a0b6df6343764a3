//! Schedule operations. Create and update send the whole Schedule message
//! (the SDK's high-level options have no memo, catch-up window or
//! pause-on-failure); everything else goes through the SDK's schedule handle.

use std::time::SystemTime;

use futures_util::StreamExt;
use temporalio_client::{
    RpcOptions,
    grpc::WorkflowService,
    schedules::{
        BackfillScheduleOptions, DeleteScheduleOptions, ListSchedulesOptions, PauseScheduleOptions,
        ScheduleBackfill, ScheduleError, TriggerScheduleOptions, UnpauseScheduleOptions,
    },
    tonic::{self, Code},
};
use temporalio_common::protos::temporal::api::{
    schedule::v1::Schedule,
    workflowservice::v1::{CreateScheduleRequest, DescribeScheduleResponse, UpdateScheduleRequest},
};

use super::Orca;
use crate::{
    Error, Result, connect,
    schedule::{Overlap, ScheduleDef},
};

impl Orca {
    pub async fn create_schedule(&self, def: &ScheduleDef, trigger_now: bool) -> Result<()> {
        let initial_patch = trigger_now.then(|| {
            temporalio_common::protos::temporal::api::schedule::v1::SchedulePatch {
                trigger_immediately: Some(
                    temporalio_common::protos::temporal::api::schedule::v1::TriggerImmediatelyRequest {
                        overlap_policy: 0,
                        scheduled_time: None,
                    },
                ),
                ..Default::default()
            }
        });
        // The same request id on the retry without attributes: the server
        // treats it as one create.
        let request_id = format!("orca-create-{}-{}", def.name, nanos());
        self.with_attributes_if_known(def, |schedule| {
            let request = CreateScheduleRequest {
                namespace: self.settings.namespace.clone(),
                schedule_id: def.name.clone(),
                schedule: Some(schedule),
                initial_patch: initial_patch.clone(),
                identity: self.settings.connection.identity.clone(),
                request_id: request_id.clone(),
                ..Default::default()
            };
            let mut service = self.client.clone();
            async move {
                WorkflowService::create_schedule(&mut service, tonic::Request::new(request))
                    .await
                    .map(drop)
            }
        })
        .await
        .map_err(|status| self.schedule_status(&def.name, "create", &status))
    }

    /// Replaces the schedule's definition (its run history stays).
    pub async fn update_schedule(&self, def: &ScheduleDef) -> Result<()> {
        let current = self.describe_schedule(&def.name).await?;
        self.with_attributes_if_known(def, |schedule| {
            let request = UpdateScheduleRequest {
                namespace: self.settings.namespace.clone(),
                schedule_id: def.name.clone(),
                schedule: Some(schedule),
                conflict_token: current.conflict_token.clone(),
                identity: self.settings.connection.identity.clone(),
                request_id: format!("orca-update-{}-{}", def.name, nanos()),
                ..Default::default()
            };
            let mut service = self.client.clone();
            async move {
                WorkflowService::update_schedule(&mut service, tonic::Request::new(request))
                    .await
                    .map(drop)
            }
        })
        .await
        .map_err(|status| self.schedule_status(&def.name, "update", &status))
    }

    /// Sends `def` with orca's search attributes on its runs; a namespace
    /// that lacks them refuses, and then it goes without (the worker
    /// registers them, or says how to), as `orca start` does.
    async fn with_attributes_if_known<F, Fut>(
        &self,
        def: &ScheduleDef,
        send: F,
    ) -> std::result::Result<(), tonic::Status>
    where
        F: Fn(Schedule) -> Fut,
        Fut: std::future::Future<Output = std::result::Result<(), tonic::Status>>,
    {
        let schedule = |with_attributes| {
            def.to_proto(&self.settings.task_queue, with_attributes)
                .map_err(tonic::Status::invalid_argument)
        };
        match send(schedule(true)?).await {
            Err(status)
                if status.code() == Code::InvalidArgument
                    && status.message().contains("search attribute") =>
            {
                send(schedule(false)?).await
            }
            other => other,
        }
    }

    pub async fn describe_schedule(&self, name: &str) -> Result<DescribeScheduleResponse> {
        self.client
            .get_schedule_handle(name)
            .describe(RpcOptions::default())
            .await
            .map(|d| d.raw().clone())
            .map_err(|e| self.schedule_error(name, "describe", e))
    }

    /// All schedule IDs in the namespace.
    pub async fn schedule_names(&self) -> Result<Vec<String>> {
        let mut stream = self.client.list_schedules(ListSchedulesOptions::default());
        let mut names = Vec::new();
        while let Some(entry) = stream.next().await {
            let entry = entry.map_err(|e| self.schedule_error("", "list", e))?;
            names.push(entry.schedule_id().to_string());
        }
        names.sort();
        Ok(names)
    }

    pub async fn pause_schedule(&self, name: &str, note: Option<String>) -> Result<()> {
        let note = note.unwrap_or_else(|| format!("paused by {} via orca", self.settings.identity));
        self.client
            .get_schedule_handle(name)
            .pause(Some(note), PauseScheduleOptions::default())
            .await
            .map_err(|e| self.schedule_error(name, "pause", e))
    }

    pub async fn unpause_schedule(&self, name: &str, note: Option<String>) -> Result<()> {
        let note =
            note.unwrap_or_else(|| format!("unpaused by {} via orca", self.settings.identity));
        self.client
            .get_schedule_handle(name)
            .unpause(Some(note), UnpauseScheduleOptions::default())
            .await
            .map_err(|e| self.schedule_error(name, "unpause", e))
    }

    pub async fn trigger_schedule(&self, name: &str, overlap: Overlap) -> Result<()> {
        // The handle does not say whether the schedule exists; describe does.
        self.describe_schedule(name).await?;
        self.client
            .get_schedule_handle(name)
            .trigger(overlap.client_policy(), TriggerScheduleOptions::default())
            .await
            .map_err(|e| self.schedule_error(name, "trigger", e))
    }

    pub async fn backfill_schedule(
        &self,
        name: &str,
        start: SystemTime,
        end: SystemTime,
        overlap: Overlap,
    ) -> Result<()> {
        self.describe_schedule(name).await?;
        let backfill = ScheduleBackfill::new(start, end)
            .overlap_policy(overlap.client_policy())
            .build();
        self.client
            .get_schedule_handle(name)
            .backfill([backfill], BackfillScheduleOptions::default())
            .await
            .map_err(|e| self.schedule_error(name, "backfill", e))
    }

    pub async fn delete_schedule(&self, name: &str) -> Result<()> {
        self.client
            .get_schedule_handle(name)
            .delete(DeleteScheduleOptions::default())
            .await
            .map_err(|e| self.schedule_error(name, "delete", e))
    }

    fn schedule_error(&self, name: &str, operation: &str, error: ScheduleError) -> Error {
        match error {
            ScheduleError::Rpc(status) => self.schedule_status(name, operation, &status),
            other => Error::Unexpected(anyhow::anyhow!("{operation} schedule {name}: {other}")),
        }
    }

    fn schedule_status(&self, name: &str, operation: &str, status: &tonic::Status) -> Error {
        match status.code() {
            Code::NotFound => self.missing_or(
                status,
                Error::ScheduleNotFound {
                    name: name.to_string(),
                    namespace: self.settings.namespace.clone(),
                },
            ),
            Code::AlreadyExists => Error::ScheduleExists {
                name: name.to_string(),
            },
            // The server judges cron, time zones and the like: say which part.
            Code::InvalidArgument => Error::usage(format!(
                "the server refused schedule `{name}`: {}",
                status.message()
            )),
            _ => connect::status_error(&self.settings, operation, status),
        }
    }
}

fn nanos() -> u128 {
    SystemTime::now()
        .duration_since(SystemTime::UNIX_EPOCH)
        .map(|d| d.as_nanos())
        .unwrap_or_default()
}
