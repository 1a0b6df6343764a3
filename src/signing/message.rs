//! The text a signature covers, one `key: value` per line after a header
//! line, in a fixed order, each line ending in `\n` (README "The workflow
//! contract"). A value may not contain a line break, so no two messages
//! read the same.

use std::time::{Duration, SystemTime, UNIX_EPOCH};

use crate::engine::status::Act;

const DECISION_HEADER: &str = "orca-approval-v1";
const START_HEADER: &str = "orca-start-v1";

/// What a signed decision (approve, reject, request_changes, delegate) binds.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DecisionMessage {
    pub workflow_id: String,
    pub run_id: String,
    /// The gate's step ID.
    pub gate: String,
    /// Which opening of that gate (1 = the first time the run reached it).
    pub opening: u32,
    pub decision: Act,
    /// The name the decision is made as (`by`).
    pub principal: String,
    pub comment_sha256: String,
    pub data_sha256: String,
    /// Whole seconds, UTC.
    pub signed_at: SystemTime,
}

/// What a signed start binds.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StartMessage {
    pub workflow_id: String,
    /// The pipeline's name, or `inline-sha256:HEX` of an inline spec.
    pub pipeline: String,
    pub input_sha256: String,
    pub requester: String,
    pub signed_at: SystemTime,
}

impl DecisionMessage {
    pub fn render(&self) -> String {
        render(
            DECISION_HEADER,
            &[
                ("workflow-id", self.workflow_id.clone()),
                ("run-id", self.run_id.clone()),
                ("gate", self.gate.clone()),
                ("opening", self.opening.to_string()),
                ("decision", self.decision.message_name().to_string()),
                ("principal", self.principal.clone()),
                ("comment-sha256", self.comment_sha256.clone()),
                ("data-sha256", self.data_sha256.clone()),
                ("signed-at", timestamp(self.signed_at)),
            ],
        )
    }

    pub fn parse(text: &str) -> Result<DecisionMessage, String> {
        let keys = [
            "workflow-id",
            "run-id",
            "gate",
            "opening",
            "decision",
            "principal",
            "comment-sha256",
            "data-sha256",
            "signed-at",
        ];
        let v = parse(text, DECISION_HEADER, &keys)?;
        let decision = Act::parse(&v[4]).ok_or_else(|| {
            format!(
                "decision `{}` is none of approve, reject, request_changes, delegate",
                v[4]
            )
        })?;
        Ok(DecisionMessage {
            workflow_id: v[0].clone(),
            run_id: v[1].clone(),
            gate: v[2].clone(),
            opening: v[3]
                .parse()
                .map_err(|_| format!("opening `{}` is not a number", v[3]))?,
            decision,
            principal: v[5].clone(),
            comment_sha256: v[6].clone(),
            data_sha256: v[7].clone(),
            signed_at: parse_timestamp(&v[8])?,
        })
    }
}

impl StartMessage {
    pub fn render(&self) -> String {
        render(
            START_HEADER,
            &[
                ("workflow-id", self.workflow_id.clone()),
                ("pipeline", self.pipeline.clone()),
                ("input-sha256", self.input_sha256.clone()),
                ("requester", self.requester.clone()),
                ("signed-at", timestamp(self.signed_at)),
            ],
        )
    }

    pub fn parse(text: &str) -> Result<StartMessage, String> {
        let keys = [
            "workflow-id",
            "pipeline",
            "input-sha256",
            "requester",
            "signed-at",
        ];
        let v = parse(text, START_HEADER, &keys)?;
        Ok(StartMessage {
            workflow_id: v[0].clone(),
            pipeline: v[1].clone(),
            input_sha256: v[2].clone(),
            requester: v[3].clone(),
            signed_at: parse_timestamp(&v[4])?,
        })
    }
}

/// Whether a value can go into a message (no line breaks).
pub fn check_value(what: &str, value: &str) -> Result<(), String> {
    if value.contains(['\n', '\r']) {
        return Err(format!("{what} contains a line break and cannot be signed"));
    }
    Ok(())
}

fn render(header: &str, fields: &[(&str, String)]) -> String {
    let mut text = format!("{header}\n");
    for (key, value) in fields {
        text.push_str(&format!("{key}: {value}\n"));
    }
    text
}

fn parse(text: &str, header: &str, keys: &[&str]) -> Result<Vec<String>, String> {
    let body = text
        .strip_suffix('\n')
        .ok_or("the message does not end with a line break")?;
    let mut lines = body.split('\n');
    if lines.next() != Some(header) {
        return Err(format!("the message does not start with `{header}`"));
    }
    let mut values = Vec::with_capacity(keys.len());
    for key in keys {
        let line = lines
            .next()
            .ok_or_else(|| format!("the message has no `{key}`"))?;
        let value = line
            .strip_prefix(key)
            .and_then(|rest| rest.strip_prefix(": "))
            .ok_or_else(|| format!("expected `{key}: …`, found `{line}`"))?;
        values.push(value.to_string());
    }
    if let Some(extra) = lines.next() {
        return Err(format!("unexpected line `{extra}` in the message"));
    }
    Ok(values)
}

/// RFC 3339 in whole seconds, UTC (`2026-11-26T02:00:00Z`).
pub fn timestamp(time: SystemTime) -> String {
    humantime::format_rfc3339_seconds(time).to_string()
}

fn parse_timestamp(text: &str) -> Result<SystemTime, String> {
    humantime::parse_rfc3339(text).map_err(|e| format!("signed-at `{text}`: {e}"))
}

/// Now, cut to whole seconds (what a message can say).
pub fn now_seconds() -> SystemTime {
    let secs = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .unwrap_or_default()
        .as_secs();
    UNIX_EPOCH + Duration::from_secs(secs)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn decision() -> DecisionMessage {
        DecisionMessage {
            workflow_id: "sample-1".into(),
            run_id: "0199".into(),
            gate: "approval".into(),
            opening: 2,
            decision: Act::Reject,
            principal: "alice".into(),
            comment_sha256: "c".into(),
            data_sha256: "d".into(),
            signed_at: UNIX_EPOCH + Duration::from_secs(1_800_000_000),
        }
    }

    #[test]
    fn a_decision_renders_one_line_per_field_and_parses_back() {
        let text = decision().render();
        assert_eq!(
            text,
            "orca-approval-v1\nworkflow-id: sample-1\nrun-id: 0199\ngate: approval\nopening: 2\n\
             decision: reject\nprincipal: alice\ncomment-sha256: c\ndata-sha256: d\n\
             signed-at: 2027-01-15T08:00:00Z\n"
        );
        assert_eq!(DecisionMessage::parse(&text).unwrap(), decision());
    }

    #[test]
    fn a_start_parses_back() {
        let start = StartMessage {
            workflow_id: "w".into(),
            pipeline: "inline-sha256:ab".into(),
            input_sha256: "i".into(),
            requester: "bob".into(),
            signed_at: UNIX_EPOCH,
        };
        assert_eq!(StartMessage::parse(&start.render()).unwrap(), start);
    }

    #[test]
    fn a_message_with_fields_out_of_order_or_extra_lines_is_refused() {
        let text = decision().render();
        let swapped = text.replace("gate: approval\nopening: 2", "opening: 2\ngate: approval");
        assert!(DecisionMessage::parse(&swapped).is_err());
        assert!(DecisionMessage::parse(&format!("{text}extra: 1\n")).is_err());
        assert!(DecisionMessage::parse(text.trim_end()).is_err());
        assert!(DecisionMessage::parse(&text.replace("reject", "maybe")).is_err());
    }

    #[test]
    fn values_with_line_breaks_cannot_be_signed() {
        assert!(check_value("--as", "alice\nopening: 9").is_err());
        assert!(check_value("--as", "alice").is_ok());
    }
}
