//! Replaying recorded histories on this build (`orca replay`): reading a
//! history in either JSON form (the SDK's, or the protobuf JSON of
//! `temporal workflow show -o json`), and the SDK replayer's verdict.

use prost_reflect::{DescriptorPool, DeserializeOptions, DynamicMessage};
use temporalio_client::WorkflowHistory;
use temporalio_common::protos::temporal::api::history::v1::History;
use temporalio_sdk::workflow_replayer::{
    WorkflowReplayError, WorkflowReplayFailure, WorkflowReplayer, WorkflowReplayerOptions,
};

use crate::{Error, Result, engine::PipelineWorkflow};

static DESCRIPTORS: &[u8] = include_bytes!(env!("ORCA_TEMPORAL_DESCRIPTORS"));

/// Replays one history; `source` names it in messages.
pub async fn replay(history: History, source: &str) -> Result<()> {
    replay_with(&replayer()?, history, source).await
}

pub fn replayer() -> Result<WorkflowReplayer> {
    let options = WorkflowReplayerOptions::new()
        .register_workflow::<PipelineWorkflow>()
        .map_err(|e| Error::Unexpected(anyhow::anyhow!("{e}")))?
        .build();
    WorkflowReplayer::new(options).map_err(|e| Error::Unexpected(anyhow::anyhow!("{e}")))
}

pub async fn replay_with(
    replayer: &WorkflowReplayer,
    history: History,
    source: &str,
) -> Result<()> {
    match replayer
        .replay_workflow(WorkflowHistory::from(history))
        .await
    {
        Ok(()) => Ok(()),
        Err(WorkflowReplayError::Replay(WorkflowReplayFailure::Nondeterminism { message })) => {
            Err(Error::ReplayDiverged {
                source_name: source.to_string(),
                event: first_event(&message),
                message: short(&message),
            })
        }
        Err(WorkflowReplayError::Replay(failure)) => Err(Error::ReplayDiverged {
            source_name: source.to_string(),
            event: None,
            message: short(&failure.to_string()),
        }),
        Err(other) => Err(Error::Unexpected(anyhow::anyhow!(
            "replay of {source}: {other}"
        ))),
    }
}

/// orca's own JSON form (the SDK's), or the protobuf JSON the official CLI writes.
pub fn parse_history(bytes: &[u8]) -> std::result::Result<History, String> {
    if let Ok(history) = serde_json::from_slice::<History>(bytes) {
        return Ok(history);
    }
    // Decoded once per process: a corpus of files replays with one pool.
    static POOL: std::sync::LazyLock<std::result::Result<DescriptorPool, String>> =
        std::sync::LazyLock::new(|| {
            DescriptorPool::decode(DESCRIPTORS).map_err(|e| format!("protobuf descriptors: {e}"))
        });
    let pool = POOL.as_ref().map_err(Clone::clone)?;
    let descriptor = pool
        .get_message_by_name("temporal.api.history.v1.History")
        .ok_or("protobuf descriptors lack temporal.api.history.v1.History")?;
    let mut json = serde_json::Deserializer::from_slice(bytes);
    let message = DynamicMessage::deserialize_with_options(descriptor, &mut json, &DeserializeOptions::new())
        .map_err(|e| {
            format!(
                "not a workflow history ({e}); export one with: temporal workflow show -w ID -o json --no-json-shorthand-payloads"
            )
        })?;
    let history: History = message
        .transcode_to()
        .map_err(|e| format!("not a workflow history: {e}"))?;
    if history.events.is_empty() {
        return Err("the history has no events".into());
    }
    Ok(history)
}

/// `HistoryEvent(id: 12, …)` in Temporal's message names the event.
fn first_event(message: &str) -> Option<u64> {
    let at = message.find("HistoryEvent(id: ")? + "HistoryEvent(id: ".len();
    message[at..]
        .split(|c: char| !c.is_ascii_digit())
        .next()?
        .parse()
        .ok()
}

/// The nondeterminism detail without the surrounding debug dump.
fn short(message: &str) -> String {
    let text = match message.find("Nondeterminism error: ") {
        Some(at) => &message[at + "Nondeterminism error: ".len()..],
        None => message,
    };
    let text = text.split("\", ").next().unwrap_or(text);
    text.chars().take(300).collect()
}
