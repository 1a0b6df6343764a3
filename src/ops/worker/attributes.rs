//! The search attributes a worker needs, registered when missing.

use temporalio_client::{
    Client,
    grpc::OperatorService,
    tonic::{self, Code},
};
use temporalio_common::protos::temporal::api::{
    enums::v1::IndexedValueType,
    operatorservice::v1::{AddSearchAttributesRequest, ListSearchAttributesRequest},
};

use crate::{
    config::Settings,
    engine::status::{SA_APPROVERS, SA_PHASE, SA_PIPELINE},
};

/// Registers orca's search attributes when they are missing. Without
/// permission (Temporal Cloud API keys usually lack it) this is a warning:
/// the attributes may already exist, or an operator must add them.
pub(super) async fn ensure_search_attributes(client: &Client, settings: &Settings) {
    let mut service = client.clone();
    let wanted = [
        (SA_PIPELINE, IndexedValueType::Keyword),
        (SA_PHASE, IndexedValueType::Keyword),
        (SA_APPROVERS, IndexedValueType::KeywordList),
    ];
    let listed = OperatorService::list_search_attributes(
        &mut service,
        tonic::Request::new(ListSearchAttributesRequest {
            namespace: settings.namespace.clone(),
        }),
    )
    .await;
    let missing: Vec<(&str, IndexedValueType)> = match listed {
        Ok(response) => {
            let existing = response.into_inner().custom_attributes;
            wanted
                .into_iter()
                .filter(|(name, _)| !existing.contains_key(*name))
                .collect()
        }
        Err(status) => {
            warn_search_attributes(&status);
            return;
        }
    };
    if missing.is_empty() {
        return;
    }
    let request = AddSearchAttributesRequest {
        namespace: settings.namespace.clone(),
        search_attributes: missing
            .iter()
            .map(|(name, kind)| (name.to_string(), *kind as i32))
            .collect(),
    };
    match OperatorService::add_search_attributes(&mut service, tonic::Request::new(request)).await {
        Ok(_) => tracing::info!(attributes = ?missing, "registered search attributes"),
        Err(status) if status.code() == Code::AlreadyExists => {}
        Err(status) => warn_search_attributes(&status),
    }
}

fn warn_search_attributes(status: &tonic::Status) {
    tracing::warn!(
        "cannot check or register search attributes {SA_PIPELINE}/{SA_PHASE}/{SA_APPROVERS} ({}); \
         if they are missing, add them: temporal operator search-attribute create \
         --name {SA_PIPELINE} --type Keyword; ... --name {SA_PHASE} --type Keyword; \
         ... --name {SA_APPROVERS} --type KeywordList",
        status.message()
    );
}
