//! Webhook notifications of an approval gate. The URL may name an
//! environment variable of the worker, read here and never recorded.

use std::time::Duration;

use serde::{Deserialize, Serialize};
use temporalio_sdk::{
    ApplicationFailure,
    activities::{ActivityContext, ActivityError},
};

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct NotifyRequest {
    #[serde(default)]
    pub url: Option<String>,
    #[serde(default)]
    pub url_env: Option<String>,
    /// The rendered body; sent as JSON when it parses as JSON.
    pub body: String,
}

pub async fn run(
    ctx: ActivityContext,
    client: &reqwest::Client,
    request: NotifyRequest,
) -> Result<(), ActivityError> {
    let url = match (&request.url, &request.url_env) {
        (_, Some(variable)) => std::env::var(variable).map_err(|_| {
            ApplicationFailure::builder(format!("${variable} is not set on this worker"))
                .type_name("MissingSecret".to_string())
                .non_retryable(true)
                .build()
        })?,
        (Some(url), None) => url.clone(),
        (None, None) => return Err(ApplicationFailure::non_retryable("no webhook URL").into()),
    };
    let mut post = client.post(&url).timeout(Duration::from_secs(10));
    post = match serde_json::from_str::<serde_json::Value>(&request.body) {
        Ok(json) => post.json(&json),
        Err(_) => post
            .header("content-type", "text/plain")
            .body(request.body.clone()),
    };
    // Errors name the host at most: webhook URLs carry tokens.
    let host = url
        .split("://")
        .nth(1)
        .and_then(|r| r.split('/').next())
        .unwrap_or("webhook")
        .to_string();
    let response = tokio::select! {
        _ = ctx.cancelled() => return Err(ActivityError::cancelled()),
        response = post.send() => response,
    }
    .map_err(|e| {
        let cause = crate::connect::root_cause(&e).replace(&url, &host);
        ApplicationFailure::new(format!("webhook {host}: {cause}"))
    })?;
    let status = response.status();
    if !status.is_success() {
        return Err(ApplicationFailure::new(format!(
            "webhook {host} answered {}",
            status.as_u16()
        ))
        .into());
    }
    Ok(())
}
