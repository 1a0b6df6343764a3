//! Schedules as operations: checking a definition against the pipelines
//! known here, reading an `apply` file, and the plan that makes the
//! server's schedules match it (`view.rs`: what a schedule is and did).

pub mod view;

use std::{collections::HashSet, path::Path};

use serde::Serialize;

use crate::{
    Error, Result,
    client::Orca,
    ops::sign::sign_schedule,
    pipeline::{self, Catalogue},
    schedule::{Change, ScheduleDef, ScheduleFile, definition_of},
    signing::sign::SigningKey,
};

/// What `apply` does with one schedule.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Action {
    Create,
    Update,
    Unchanged,
    Delete,
}

impl Action {
    /// `+`, `~`, `=`, `-`, as a plan shows it.
    pub fn sign(self) -> char {
        match self {
            Action::Create => '+',
            Action::Update => '~',
            Action::Unchanged => '=',
            Action::Delete => '-',
        }
    }

    pub fn as_str(self) -> &'static str {
        match self {
            Action::Create => "create",
            Action::Update => "update",
            Action::Unchanged => "unchanged",
            Action::Delete => "delete",
        }
    }
}

#[derive(Debug, Serialize)]
pub struct PlanItem {
    pub action: Action,
    pub name: String,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub changes: Vec<Change>,
    #[serde(skip)]
    pub def: Option<ScheduleDef>,
}

/// What the server runs now for one schedule the file lists.
pub enum Live {
    Missing,
    /// Made elsewhere: no definition of orca's to compare.
    Foreign,
    Made {
        def: Box<ScheduleDef>,
        paused: bool,
    },
}

/// The plan for one schedule of the file, given what the server has.
pub fn plan_one(def: &ScheduleDef, live: Live) -> PlanItem {
    let (action, changes) = match live {
        Live::Missing => (Action::Create, Vec::new()),
        Live::Foreign => (
            Action::Update,
            vec![Change {
                field: "definition".into(),
                from: "made outside orca".into(),
                to: "from this file".into(),
            }],
        ),
        Live::Made {
            def: mut current,
            paused,
        } => {
            // The live pause state counts, not the one stored at creation.
            current.paused = paused;
            let changes = def.changes_from(&current);
            let action = match changes.is_empty() {
                true => Action::Unchanged,
                false => Action::Update,
            };
            (action, changes)
        }
    };
    PlanItem {
        action,
        name: def.name.clone(),
        changes,
        def: Some(def.clone()),
    }
}

/// Compares the file with the server. Describe, not list: the schedule
/// list is served from visibility and lags a fresh create, so applying
/// twice in a row could plan a duplicate create; describe is read from the
/// schedule itself. With `prune`, orca-made schedules the file does not
/// list are deleted (never others: they are not ours).
pub async fn plan(orca: &Orca, file: &ScheduleFile, prune: bool) -> Result<Vec<PlanItem>> {
    let mut plan = Vec::new();
    for def in &file.schedules {
        let live = match orca.describe_schedule(&def.name).await {
            Ok(described) => {
                let schedule = described.schedule.as_ref();
                let paused = schedule
                    .and_then(|s| s.state.as_ref())
                    .is_some_and(|s| s.paused);
                match schedule.and_then(definition_of) {
                    Some(def) => Live::Made {
                        def: Box::new(def),
                        paused,
                    },
                    None => Live::Foreign,
                }
            }
            Err(Error::ScheduleNotFound { .. }) => Live::Missing,
            Err(e) => return Err(e),
        };
        plan.push(plan_one(def, live));
    }
    if prune {
        let listed: HashSet<&str> = file.schedules.iter().map(|d| d.name.as_str()).collect();
        let unlisted = orca.schedule_names().await?;
        for name in unlisted
            .into_iter()
            .filter(|n| !listed.contains(n.as_str()))
        {
            // A schedule deleted moments ago may still be listed: skipped.
            let described = match orca.describe_schedule(&name).await {
                Ok(described) => described,
                Err(Error::ScheduleNotFound { .. }) => continue,
                Err(e) => return Err(e),
            };
            let ours = described
                .schedule
                .as_ref()
                .and_then(definition_of)
                .is_some();
            if ours {
                plan.push(PlanItem {
                    action: Action::Delete,
                    name,
                    changes: Vec::new(),
                    def: None,
                });
            }
        }
    }
    Ok(plan)
}

/// Carries out a plan; with a `signer` (key, name), each schedule created
/// or updated is signed.
pub async fn apply(
    orca: &Orca,
    plan: &[PlanItem],
    signer: Option<(&SigningKey, &str)>,
) -> Result<()> {
    let signed = |def: &ScheduleDef| -> Result<ScheduleDef> {
        let mut def = def.clone();
        if let Some((key, name)) = signer {
            sign_schedule(&mut def, name, key)?;
        }
        Ok(def)
    };
    for item in plan {
        match (item.action, &item.def) {
            (Action::Create, Some(def)) => orca.create_schedule(&signed(def)?, false).await?,
            (Action::Update, Some(def)) => orca.update_schedule(&signed(def)?).await?,
            (Action::Delete, _) => orca.delete_schedule(&item.name).await?,
            _ => {}
        }
    }
    Ok(())
}

/// Reads an `apply` file: TOML problems name their line, every schedule is
/// checked, and a name listed twice is an error.
pub fn read_file(path: &Path, catalogue: &Catalogue) -> Result<ScheduleFile> {
    let text = std::fs::read_to_string(path).map_err(|source| Error::LocalFile {
        what: "schedules file",
        path: path.to_path_buf(),
        source,
    })?;
    let file: ScheduleFile = toml::from_str(&text).map_err(|e| {
        let at = e
            .span()
            .map(|s| {
                let (line, column) = pipeline::line_col(&text, s.start);
                format!(":{line}:{column}")
            })
            .unwrap_or_default();
        Error::usage(format!("{}{at}: {}", path.display(), e.message().trim()))
    })?;
    let mut names = HashSet::new();
    for def in &file.schedules {
        if !names.insert(def.name.as_str()) {
            return Err(Error::usage(format!(
                "{}: schedule `{}` is listed twice",
                path.display(),
                def.name
            )));
        }
        check(def, catalogue).map_err(|e| Error::usage(format!("{}: {e}", path.display())))?;
    }
    Ok(file)
}

/// A definition must name a pipeline known here, with inputs it declares.
pub fn check(def: &ScheduleDef, catalogue: &Catalogue) -> Result<()> {
    def.check().map_err(Error::usage)?;
    let Some(spec) = catalogue.get(&def.pipeline) else {
        return Err(Error::usage_with_hint(
            format!(
                "schedule `{}`: unknown pipeline `{}`",
                def.name, def.pipeline
            ),
            format!(
                "known: {}; a worker's own pipelines are accepted with --pipelines DIR",
                catalogue.names().join(", ")
            ),
        ));
    };
    pipeline::resolve_inputs(spec, &def.input)
        .map(drop)
        .map_err(|e| {
            Error::usage(format!(
                "schedule `{}`: pipeline `{}`: {e}",
                def.name, def.pipeline
            ))
        })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::pipeline::spec::DurationSpec;
    use std::time::Duration;

    fn every(seconds: u64) -> ScheduleDef {
        let mut def = ScheduleDef::new("s", "sample");
        def.every = Some(DurationSpec(Duration::from_secs(seconds)));
        def
    }

    #[test]
    fn a_schedule_the_server_lacks_is_created() {
        assert_eq!(plan_one(&every(15), Live::Missing).action, Action::Create);
    }

    #[test]
    fn the_same_definition_is_unchanged_and_a_paused_one_is_an_update() {
        let same = Live::Made {
            def: Box::new(every(15)),
            paused: false,
        };
        assert_eq!(plan_one(&every(15), same).action, Action::Unchanged);
        let paused = Live::Made {
            def: Box::new(every(15)),
            paused: true,
        };
        let item = plan_one(&every(15), paused);
        assert_eq!(item.action, Action::Update);
        assert_eq!(item.changes[0].field, "paused");
    }

    #[test]
    fn a_schedule_made_elsewhere_is_taken_over() {
        let item = plan_one(&every(15), Live::Foreign);
        assert_eq!(item.action, Action::Update);
        assert_eq!(item.changes[0].field, "definition");
    }
}
