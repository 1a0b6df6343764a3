//! A gate's notifications: why each webhook was called and how it went.

use std::fmt;

use serde::{Deserialize, Serialize};

/// Why a gate's webhooks were called.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum NotifyReason {
    #[serde(rename = "gate opened")]
    Opened,
    #[serde(rename = "gate escalated")]
    Escalated,
    /// `remind_every` passed and the gate still waits.
    #[serde(rename = "reminder")]
    Reminder,
}

impl NotifyReason {
    pub fn as_str(self) -> &'static str {
        match self {
            NotifyReason::Opened => "gate opened",
            NotifyReason::Escalated => "gate escalated",
            NotifyReason::Reminder => "reminder",
        }
    }

    /// Appended to the notify activity's ID, so each round has its own
    /// (`count`: which reminder).
    pub fn activity_suffix(self, count: u32) -> String {
        match self {
            NotifyReason::Opened => String::new(),
            NotifyReason::Escalated => ".escalated".into(),
            NotifyReason::Reminder => format!(".reminder{count}"),
        }
    }
}

impl fmt::Display for NotifyReason {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct NotificationStatus {
    /// Which webhook: its host, or the environment variable that holds it.
    pub target: String,
    /// Sent when the gate opened, or when it was escalated.
    pub reason: NotifyReason,
    pub ok: bool,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub error: Option<String>,
}
