//! The `http` step. Header values that come from the worker's environment
//! are read here, at the last moment, and never logged or recorded: only the
//! variable's name travels through Temporal.

use std::{collections::BTreeMap, time::Duration};

use serde::{Deserialize, Serialize};
use serde_json::{Value, json};
use temporalio_sdk::{
    ApplicationFailure,
    activities::{ActivityContext, ActivityError},
};

use super::{StepOutput, command::OUTPUT_LIMIT, final_failure};

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct HttpRequest {
    pub step: String,
    pub method: String,
    pub url: String,
    #[serde(default)]
    pub headers: BTreeMap<String, HeaderSource>,
    #[serde(default)]
    pub json: Option<Value>,
    #[serde(default)]
    pub body: Option<String>,
    #[serde(default)]
    pub expect: Vec<u16>,
}

/// The request, with header secrets read from the worker's environment.
fn build(
    client: &reqwest::Client,
    method: &reqwest::Method,
    request: &HttpRequest,
) -> Result<reqwest::RequestBuilder, ActivityError> {
    let mut builder = client.request(method.clone(), &request.url);
    for (name, source) in &request.headers {
        let value = match source {
            HeaderSource::Text(text) => text.clone(),
            HeaderSource::Env(variable) => std::env::var(variable).map_err(|_| {
                final_failure(
                    "MissingSecret",
                    format!("header `{name}` reads ${variable}, which is not set on this worker"),
                )
            })?,
        };
        builder = builder.header(name, value);
    }
    Ok(if let Some(json) = &request.json {
        builder.json(json)
    } else if let Some(body) = &request.body {
        builder.body(body.clone())
    } else {
        builder
    })
}

/// Where a header's value comes from.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum HeaderSource {
    Text(String),
    /// The name of an environment variable on the worker.
    Env(String),
}

pub async fn run(
    ctx: ActivityContext,
    client: &reqwest::Client,
    request: HttpRequest,
) -> Result<StepOutput, ActivityError> {
    let method = reqwest::Method::from_bytes(request.method.as_bytes()).map_err(|_| {
        final_failure(
            "InvalidRequest",
            format!("unknown HTTP method `{}`", request.method),
        )
    })?;
    let builder = build(client, &method, &request)?;
    let started = std::time::Instant::now();
    let response = tokio::select! {
        _ = ctx.cancelled() => return Err(ActivityError::cancelled()),
        response = builder.send() => response,
    };
    // reqwest's messages name the URL, never the headers.
    let response = response.map_err(|e| {
        ApplicationFailure::builder(format!(
            "{method} {}: {}",
            request.url,
            crate::connect::root_cause(&e)
        ))
        .type_name("HttpError".to_string())
        .details(json!({"attempt": ctx.info().attempt}))
        .build()
    })?;
    let status = response.status().as_u16();
    let text = tokio::select! {
        _ = ctx.cancelled() => return Err(ActivityError::cancelled()),
        text = response.text() => text.unwrap_or_default(),
    };
    let expected = if request.expect.is_empty() {
        (200..300).contains(&status)
    } else {
        request.expect.contains(&status)
    };
    if !expected {
        // A client error will not fix itself on retry; server errors,
        // timeouts and rate limits might.
        let retryable = status >= 500 || status == 408 || status == 429;
        return Err(ApplicationFailure::builder(format!(
            "{method} {} answered {status}{}",
            request.url,
            snippet(&text)
        ))
        .type_name(format!("http:{status}"))
        .non_retryable(!retryable)
        .details(json!({"status": status, "attempt": ctx.info().attempt}))
        .build()
        .into());
    }
    let output = match serde_json::from_str::<Value>(&text) {
        Ok(json) if !text.trim().is_empty() => json,
        _ => json!({"status": status, "body": tail(&text)}),
    };
    Ok(StepOutput {
        output,
        attempt: ctx.info().attempt,
        summary: Some(format!(
            "{method} {} → {status} in {:.1}s",
            request.url,
            started.elapsed().as_secs_f64()
        )),
    })
}

/// The worker's HTTP client: rustls with the ring provider, bounded connect time.
pub fn client() -> reqwest::Client {
    let _ = rustls::crypto::ring::default_provider().install_default();
    reqwest::Client::builder()
        .connect_timeout(Duration::from_secs(10))
        .user_agent(concat!("orca/", env!("CARGO_PKG_VERSION")))
        .build()
        .unwrap_or_default()
}

fn snippet(text: &str) -> String {
    let line = text
        .lines()
        .find(|l| !l.trim().is_empty())
        .unwrap_or_default()
        .trim();
    if line.is_empty() {
        String::new()
    } else {
        format!(": {}", line.chars().take(200).collect::<String>())
    }
}

fn tail(text: &str) -> String {
    if text.len() <= OUTPUT_LIMIT {
        return text.to_string();
    }
    let mut start = text.len() - OUTPUT_LIMIT;
    while !text.is_char_boundary(start) {
        start += 1;
    }
    text[start..].to_string()
}
