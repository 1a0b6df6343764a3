//! Temporal failures as orca reads them: the application failures with a
//! type down a failure's cause chain, and their JSON details. A client and
//! the workflow both classify failures by type, never by message.

use serde_json::Value;
use temporalio_common::protos::temporal::api::failure::v1::Failure;

/// The typed application failures of `failure` and its causes, outermost
/// first, each with its type name.
pub fn typed(failure: &Failure) -> impl Iterator<Item = (&str, &Failure)> {
    std::iter::successors(Some(failure), |f| f.cause.as_deref()).filter_map(|f| {
        f.maybe_application_failure()
            .map(|info| info.r#type.as_str())
            .filter(|t| !t.is_empty())
            .map(|t| (t, f))
    })
}

/// An application failure's first details payload, as JSON.
pub fn details(failure: &Failure) -> Option<Value> {
    let info = failure.maybe_application_failure()?;
    let payload = info.details.as_ref()?.payloads.first()?;
    serde_json::from_slice(&payload.data).ok()
}

#[cfg(test)]
mod tests {
    use temporalio_common::protos::temporal::api::failure::v1::{
        ApplicationFailureInfo, failure::FailureInfo,
    };

    use super::*;

    fn application(type_name: &str, cause: Option<Failure>) -> Failure {
        Failure {
            message: type_name.to_string(),
            cause: cause.map(Box::new),
            failure_info: Some(FailureInfo::ApplicationFailureInfo(
                ApplicationFailureInfo {
                    r#type: type_name.to_string(),
                    ..Default::default()
                },
            )),
            ..Default::default()
        }
    }

    #[test]
    fn types_are_found_down_the_cause_chain_skipping_untyped_ones() {
        let chain = application("", Some(application("NotAllowed", None)));
        let types: Vec<&str> = typed(&chain).map(|(t, _)| t).collect();
        assert_eq!(types, ["NotAllowed"]);
    }
}
