//! Schedules as data: one definition, written by `orca schedule create`
//! flags or an `apply` file, checked here, and turned into a Temporal
//! Schedule. The definition travels in the action's memo (`orca_schedule`),
//! so `apply` can compare a file with what the server runs without
//! re-implementing cron; calendars and cron are evaluated by the server.

mod proto;

use std::{collections::BTreeMap, time::Duration};

use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

pub use proto::definition_of;

use crate::pipeline::spec::DurationSpec;

/// The memo key, on the schedule's action, holding the definition.
pub const MEMO_DEFINITION: &str = "orca_schedule";

/// One schedule, as a person writes it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ScheduleDef {
    pub name: String,
    /// A pipeline name (built-in or known to the workers).
    pub pipeline: String,
    #[serde(default, skip_serializing_if = "Map::is_empty")]
    pub input: Map<String, Value>,
    /// Fire every this long (`15s`, `1h`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub every: Option<DurationSpec>,
    /// With `every`: shift each firing by this much.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub offset: Option<DurationSpec>,
    /// Cron expressions (5 fields), evaluated by the server.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub cron: Vec<String>,
    /// Daily times, `HH:MM`.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub at: Vec<String>,
    /// Time zone of `cron` and `at` (IANA name).
    #[serde(default = "utc", skip_serializing_if = "is_utc")]
    pub tz: String,
    #[serde(default, skip_serializing_if = "is_default")]
    pub overlap: Overlap,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub catchup_window: Option<DurationSpec>,
    #[serde(default, skip_serializing_if = "is_false")]
    pub pause_on_failure: bool,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
    #[serde(default, skip_serializing_if = "is_false")]
    pub paused: bool,
    /// Workflow IDs of the runs start with this [default: the schedule's name].
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub workflow_id_prefix: Option<String>,
    /// Each run fails if it has not ended after this long.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub execution_timeout: Option<DurationSpec>,
    /// Who signed the schedule's runs into being (`--signing-key`): not part
    /// of the definition a file declares, so never a change in a plan.
    #[serde(skip)]
    pub signed: Option<ScheduleSignature>,
}

/// A schedule signed by the person who made it: each run it starts names
/// them as its verified requester (README "Verified approvals").
#[derive(Debug, Clone, PartialEq)]
pub struct ScheduleSignature {
    pub requester: String,
    pub signed: crate::signing::Signed,
}

fn utc() -> String {
    "UTC".into()
}

fn is_utc(tz: &str) -> bool {
    tz == "UTC"
}

fn is_false(b: &bool) -> bool {
    !*b
}

fn is_default(o: &Overlap) -> bool {
    *o == Overlap::default()
}

/// What happens when a run is due while the previous one still runs.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize, clap::ValueEnum)]
#[serde(rename_all = "kebab-case")]
pub enum Overlap {
    #[default]
    Skip,
    BufferOne,
    BufferAll,
    CancelOther,
    TerminateOther,
    AllowAll,
}

/// The `apply` file: `[[schedules]]` entries.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ScheduleFile {
    #[serde(default)]
    pub schedules: Vec<ScheduleDef>,
}

/// One field that differs between two definitions.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Change {
    pub field: String,
    pub from: Value,
    pub to: Value,
}

/// `field: from → to`, as `schedule update` and `apply` list changes.
impl std::fmt::Display for Change {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}: {} → {}", self.field, self.from, self.to)
    }
}

impl ScheduleDef {
    /// A definition with every option at its default and no spec yet.
    pub fn new(name: &str, pipeline: &str) -> ScheduleDef {
        ScheduleDef {
            name: name.to_string(),
            pipeline: pipeline.to_string(),
            input: Map::new(),
            every: None,
            offset: None,
            cron: Vec::new(),
            at: Vec::new(),
            tz: utc(),
            overlap: Overlap::default(),
            catchup_window: None,
            pause_on_failure: false,
            note: None,
            paused: false,
            workflow_id_prefix: None,
            execution_timeout: None,
            signed: None,
        }
    }

    /// Checks that need no server: exactly one kind of spec, times that
    /// parse, names that are usable. Cron syntax and time zones are the
    /// server's to judge (it names the bad part).
    pub fn check(&self) -> Result<(), String> {
        if self.name.trim().is_empty() || self.name.contains(char::is_whitespace) {
            return Err(format!(
                "schedule name {:?} must be non-empty without spaces",
                self.name
            ));
        }
        let kinds = [
            self.every.is_some(),
            !self.cron.is_empty(),
            !self.at.is_empty(),
        ];
        match kinds.iter().filter(|k| **k).count() {
            0 => {
                return Err(format!(
                    "schedule `{}` needs one of --every, --cron or --at",
                    self.name
                ));
            }
            1 => {}
            _ => {
                return Err(format!(
                    "schedule `{}`: give only one of --every, --cron and --at",
                    self.name
                ));
            }
        }
        if self.offset.is_some() && self.every.is_none() {
            return Err(format!("schedule `{}`: --offset needs --every", self.name));
        }
        if self.every.is_some_and(|d| d.0 < Duration::from_secs(1)) {
            return Err(format!(
                "schedule `{}`: --every must be at least 1s",
                self.name
            ));
        }
        for time in &self.at {
            parse_hh_mm(time)
                .map_err(|e| format!("schedule `{}`: --at {time:?}: {e}", self.name))?;
        }
        if self.cron.iter().any(|c| c.split_whitespace().count() != 5) {
            let bad = self
                .cron
                .iter()
                .find(|c| c.split_whitespace().count() != 5)
                .cloned()
                .unwrap_or_default();
            return Err(format!(
                "schedule `{}`: cron {bad:?} must have 5 fields: minute hour day-of-month month day-of-week",
                self.name
            ));
        }
        if self.tz.trim().is_empty() {
            return Err(format!(
                "schedule `{}`: --tz must name a time zone",
                self.name
            ));
        }
        Ok(())
    }

    /// The spec in words: "every 15s", "daily at 09:00, 18:00 UTC", "cron 0 9 * * *".
    pub fn describe_spec(&self) -> String {
        if let Some(every) = self.every {
            return match self.offset {
                Some(offset) => format!("every {every} (offset {offset})"),
                None => format!("every {every}"),
            };
        }
        if !self.at.is_empty() {
            return format!("daily at {} {}", self.at.join(", "), self.tz);
        }
        let zone = if self.tz == "UTC" {
            String::new()
        } else {
            format!(" ({})", self.tz)
        };
        format!("cron {}{zone}", self.cron.join(" | "))
    }

    pub fn workflow_id_prefix(&self) -> String {
        self.workflow_id_prefix
            .clone()
            .unwrap_or_else(|| self.name.clone())
    }

    /// What differs from `other`, field by field.
    pub fn changes_from(&self, other: &ScheduleDef) -> Vec<Change> {
        let mine = as_map(self);
        let theirs = as_map(other);
        let mut keys: Vec<&String> = mine.keys().chain(theirs.keys()).collect();
        keys.sort();
        keys.dedup();
        keys.into_iter()
            .filter_map(|key| {
                let from = theirs.get(key).cloned().unwrap_or(Value::Null);
                let to = mine.get(key).cloned().unwrap_or(Value::Null);
                (from != to).then(|| Change {
                    field: key.clone(),
                    from,
                    to,
                })
            })
            .collect()
    }
}

fn as_map(def: &ScheduleDef) -> BTreeMap<String, Value> {
    match serde_json::to_value(def) {
        Ok(Value::Object(map)) => map.into_iter().collect(),
        _ => BTreeMap::new(),
    }
}

/// `09:30` → (9, 30).
pub fn parse_hh_mm(text: &str) -> Result<(u32, u32), String> {
    let (hour, minute) = text
        .trim()
        .split_once(':')
        .ok_or_else(|| "write times as HH:MM, e.g. 09:00".to_string())?;
    let hour: u32 = hour
        .parse()
        .map_err(|_| format!("hour {hour:?} is not a number"))?;
    let minute: u32 = minute
        .parse()
        .map_err(|_| format!("minute {minute:?} is not a number"))?;
    if hour > 23 || minute > 59 {
        return Err("not a time of day (00:00 to 23:59)".into());
    }
    Ok((hour, minute))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn def() -> ScheduleDef {
        ScheduleDef::new("s", "sample")
    }

    #[test]
    fn exactly_one_kind_of_spec() {
        assert!(def().check().is_err());
        let mut d = def();
        d.at = vec!["09:00".into(), "18:30".into()];
        assert!(d.check().is_ok());
        assert_eq!(d.describe_spec(), "daily at 09:00, 18:30 UTC");
        d.cron = vec!["0 9 * * *".into()];
        assert!(d.check().unwrap_err().contains("only one of"));
        let mut d = def();
        d.at = vec!["25:00".into()];
        assert!(d.check().unwrap_err().contains("not a time of day"));
        let mut d = def();
        d.cron = vec!["0 9 * *".into()];
        assert!(d.check().unwrap_err().contains("5 fields"));
    }

    #[test]
    fn changes_are_listed_by_field() {
        let mut a = def();
        a.every = Some(DurationSpec(Duration::from_secs(15)));
        let mut b = a.clone();
        assert!(b.changes_from(&a).is_empty());
        b.every = Some(DurationSpec(Duration::from_secs(20)));
        b.paused = true;
        let changes = b.changes_from(&a);
        let fields: Vec<&str> = changes.iter().map(|c| c.field.as_str()).collect();
        assert_eq!(fields, ["every", "paused"]);
    }
}
