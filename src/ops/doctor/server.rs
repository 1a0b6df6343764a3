//! The server itself: its version, the namespace, and orca's search
//! attributes in it. Connecting (and why it failed) is `connect`'s, the one
//! diagnosis every command gives.

use std::time::Instant;

use temporalio_client::{
    grpc::{OperatorService, WorkflowService},
    tonic::{self, Code},
};
use temporalio_common::protos::temporal::api::{
    enums::v1::{IndexedValueType, NamespaceState},
    operatorservice::v1::ListSearchAttributesRequest,
    workflowservice::v1::{DescribeNamespaceRequest, GetSystemInfoRequest},
};

use super::{Check, CheckName, State};
use crate::{
    client::Orca,
    connect::status_error,
    engine::status::{SA_APPROVERS, SA_PHASE, SA_PIPELINE},
};

/// The search attributes orca's runs keep and the types they must have
/// (the worker registers them so at start: `ops::worker`).
const ATTRIBUTES: [(&str, IndexedValueType); 3] = [
    (SA_PIPELINE, IndexedValueType::Keyword),
    (SA_PHASE, IndexedValueType::Keyword),
    (SA_APPROVERS, IndexedValueType::KeywordList),
];

/// The server answered the connection's GetSystemInfo; asked again here
/// for its version (the SDK keeps only the capabilities) and the time a
/// round trip takes.
pub(super) async fn version(orca: &Orca) -> Check {
    let mut service = orca.client.clone();
    let asked = Instant::now();
    let answer = WorkflowService::get_system_info(
        &mut service,
        tonic::Request::new(GetSystemInfoRequest::default()),
    )
    .await;
    let took = asked.elapsed().as_millis();
    let address = &orca.settings.address;
    match answer {
        Ok(info) => {
            let version = info.into_inner().server_version;
            let version = match version.is_empty() {
                true => "(version not said)".to_string(),
                false => version,
            };
            let finding = format!("Temporal {version} answers at {address} ({took} ms)");
            Check::new(CheckName::Server, State::Ok, finding)
        }
        Err(status) => {
            let error = status_error(&orca.settings, "GetSystemInfo", &status);
            Check::from_error(CheckName::Server, &error)
        }
    }
}

/// The namespace exists and takes new runs.
pub(super) async fn namespace(orca: &Orca) -> Check {
    let namespace = &orca.settings.namespace;
    let mut service = orca.client.clone();
    let request = DescribeNamespaceRequest {
        namespace: namespace.clone(),
        ..Default::default()
    };
    let answer =
        WorkflowService::describe_namespace(&mut service, tonic::Request::new(request)).await;
    let described = match answer {
        Ok(answer) => answer.into_inner(),
        Err(status) if status.code() == Code::NotFound => {
            return Check::new(
                CheckName::Namespace,
                State::Failed,
                format!("namespace `{namespace}` does not exist"),
            )
            .with_fix(format!(
                "check --namespace / TEMPORAL_NAMESPACE; create it: temporal operator namespace create --namespace {namespace}"
            ));
        }
        Err(status) => {
            let error = status_error(&orca.settings, "DescribeNamespace", &status);
            return Check::from_error(CheckName::Namespace, &error);
        }
    };
    let state = described
        .namespace_info
        .as_ref()
        .map_or(NamespaceState::Unspecified, |info| info.state());
    let retention = described
        .config
        .as_ref()
        .and_then(|config| config.workflow_execution_retention_ttl.as_ref())
        .map(|ttl| {
            crate::human::short_duration(std::time::Duration::from_secs(ttl.seconds.max(0) as u64))
        });
    match state {
        NamespaceState::Deprecated | NamespaceState::Deleted => Check::new(
            CheckName::Namespace,
            State::Failed,
            format!(
                "namespace `{namespace}` is {}: it takes no new runs",
                state.as_str_name()
            ),
        )
        .with_fix("use another namespace: --namespace / TEMPORAL_NAMESPACE"),
        _ => Check::new(
            CheckName::Namespace,
            State::Ok,
            format!(
                "`{namespace}` exists{}",
                retention
                    .map(|r| format!(" (closed runs kept {r})"))
                    .unwrap_or_default()
            ),
        ),
    }
}

/// `OrcaPipeline`, `OrcaPhase` and `OrcaApprovers`, registered with their
/// types: without them `orca list --awaiting-approval` and `inbox` find
/// nothing. Not checkable without the operator API's permission (Temporal
/// Cloud API keys usually lack it): then skipped, not failed.
pub(super) async fn search_attributes(orca: &Orca) -> Check {
    let mut service = orca.client.clone();
    let request = ListSearchAttributesRequest {
        namespace: orca.settings.namespace.clone(),
    };
    let listed =
        OperatorService::list_search_attributes(&mut service, tonic::Request::new(request)).await;
    let existing = match listed {
        Ok(answer) => answer.into_inner().custom_attributes,
        Err(status) => {
            return Check::new(
                CheckName::SearchAttributes,
                State::Skipped,
                format!("cannot list them: {}", status.message()),
            );
        }
    };
    let wrong: Vec<String> = ATTRIBUTES
        .iter()
        .filter_map(|(name, kind)| match existing.get(*name) {
            Some(found) if *found == *kind as i32 => None,
            Some(found) => Some(format!(
                "{name} is {} (not {})",
                type_name(*found),
                type_name(*kind as i32)
            )),
            None => Some(format!("{name} is missing")),
        })
        .collect();
    let names: Vec<&str> = ATTRIBUTES.iter().map(|(name, _)| *name).collect();
    if wrong.is_empty() {
        let finding = format!("{} registered", names.join(", "));
        return Check::new(CheckName::SearchAttributes, State::Ok, finding);
    }
    let create: Vec<String> = ATTRIBUTES
        .iter()
        .filter(|(name, _)| !existing.contains_key(*name))
        .map(|(name, kind)| {
            format!(
                "temporal operator search-attribute create --namespace {} --name {name} --type {}",
                orca.settings.namespace,
                type_name(*kind as i32)
            )
        })
        .collect();
    let fix = match create.is_empty() {
        true => "an attribute of another type must be removed and added again by the namespace's operator".to_string(),
        false => format!("start a worker (it registers them), or: {}", create.join("; ")),
    };
    Check::new(CheckName::SearchAttributes, State::Failed, wrong.join("; ")).with_fix(fix)
}

/// `Keyword`, `KeywordList`: the names `temporal operator` takes.
fn type_name(kind: i32) -> String {
    let name = IndexedValueType::try_from(kind).map_or("unknown", |kind| kind.as_str_name());
    let word = name
        .trim_start_matches("INDEXED_VALUE_TYPE_")
        .to_ascii_lowercase();
    word.split('_')
        .map(|part| {
            let mut chars = part.chars();
            chars
                .next()
                .map(|c| c.to_ascii_uppercase().to_string() + chars.as_str())
                .unwrap_or_default()
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_type_is_named_as_temporal_operator_takes_it() {
        assert_eq!(type_name(IndexedValueType::Keyword as i32), "Keyword");
        assert_eq!(
            type_name(IndexedValueType::KeywordList as i32),
            "KeywordList"
        );
        assert_eq!(type_name(IndexedValueType::Datetime as i32), "Datetime");
    }
}
