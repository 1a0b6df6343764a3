//! The SDK's errors, as orca's: a NotFound about the run or the namespace,
//! a run that already closed, a server that is away.

use std::time::Duration;

use temporalio_client::{
    errors::{ClientError, WorkflowInteractionError},
    tonic::{Code, Status},
};

use super::Orca;
use crate::{Error, connect};

impl Orca {
    pub(super) fn not_found(&self, id: &str) -> Error {
        Error::RunNotFound {
            id: id.to_string(),
            namespace: self.settings.namespace.clone(),
        }
    }

    /// A NotFound status about run `id`, or about the whole namespace.
    pub(super) fn missing(&self, id: &str, status: &Status) -> Error {
        self.missing_or(status, self.not_found(id))
    }

    /// A NotFound status is about what was asked for (`otherwise`), or
    /// about the whole namespace: the server says which in the status's
    /// typed details.
    pub(super) fn missing_or(&self, status: &Status, otherwise: Error) -> Error {
        if namespace_not_found(status) {
            Error::NamespaceNotFound {
                namespace: self.settings.namespace.clone(),
                address: self.settings.address.clone(),
            }
        } else {
            otherwise
        }
    }

    pub(super) fn no_worker(&self, id: &str, waited: Duration) -> Error {
        Error::NoWorker {
            id: id.to_string(),
            task_queue: self.settings.task_queue.clone(),
            waited,
        }
    }

    /// NotFound from a message call means one of two things: no such run,
    /// or a run that has already closed. Describe tells which.
    pub(super) async fn gone(&self, id: &str) -> Error {
        match self.ensure_running(id).await {
            Ok(()) => self.not_found(id),
            Err(e) => e,
        }
    }

    pub(super) async fn rpc_error(&self, id: &str, operation: &str, status: &Status) -> Error {
        if status.message().contains("already completed") {
            return self.gone(id).await;
        }
        connect::status_error(&self.settings, operation, status)
    }

    pub(super) fn interaction_error(
        &self,
        id: &str,
        operation: &str,
        error: WorkflowInteractionError,
    ) -> Error {
        match error {
            // The server answers a closed run and a missing one alike
            // (NotFound with a NotFoundFailure); only its words tell them
            // apart, and how it ended would take a describe.
            WorkflowInteractionError::NotFound(status)
                if status.message().contains("already completed") =>
            {
                Error::RunClosed {
                    id: id.to_string(),
                    phase: None,
                }
            }
            WorkflowInteractionError::NotFound(status) => self.missing(id, &status),
            WorkflowInteractionError::Rpc(status) => {
                connect::status_error(&self.settings, operation, &status)
            }
            other => Error::Unexpected(anyhow::anyhow!("{operation} failed: {other}")),
        }
    }

    pub(super) fn list_error(&self, query: &str, error: ClientError) -> Error {
        match error {
            ClientError::Rpc(status) if status.code() == Code::InvalidArgument => {
                Error::usage_with_hint(
                    format!("the server refused the query: {}", status.message()),
                    format!("the query was: {query}"),
                )
            }
            ClientError::Rpc(status) if status.code() == Code::NotFound => {
                self.missing("", &status)
            }
            ClientError::Rpc(status) => connect::status_error(&self.settings, "list", &status),
            other => Error::Unexpected(anyhow::anyhow!("list failed: {other}")),
        }
    }
}

/// Whether the server's status details name a `NamespaceNotFoundFailure`.
fn namespace_not_found(status: &Status) -> bool {
    use prost::Message;
    use temporalio_common::protos::google::rpc::Status as Details;
    Details::decode(status.details()).is_ok_and(|details| {
        details
            .details
            .iter()
            .any(|any| any.type_url.ends_with(".NamespaceNotFoundFailure"))
    })
}
