//! `orca schedule apply FILE`: compare a file with the server, print the
//! plan, then create, update and (with --prune) delete to match it.

use super::*;

#[derive(Debug, Serialize)]
struct PlanItem {
    /// create, update, unchanged, delete
    action: &'static str,
    name: String,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    changes: Vec<Value>,
    #[serde(skip)]
    def: Option<ScheduleDef>,
}

pub(super) async fn apply(args: ApplyArgs, settings: Settings, printer: &Printer) -> Result<()> {
    let text = std::fs::read_to_string(&args.file)
        .map_err(|e| Error::usage(format!("cannot read {}: {e}", args.file.display())))?;
    let file: ScheduleFile = toml::from_str(&text).map_err(|e| {
        let at = e
            .span()
            .map(|s| {
                let before = &text[..s.start.min(text.len())];
                format!(
                    ":{}:{}",
                    before.matches('\n').count() + 1,
                    before.rsplit('\n').next().map_or(0, |l| l.len()) + 1
                )
            })
            .unwrap_or_default();
        Error::usage(format!(
            "{}{at}: {}",
            args.file.display(),
            e.message().trim()
        ))
    })?;
    let catalogue = catalogue(args.pipelines.as_ref())?;
    let mut names = std::collections::HashSet::new();
    for def in &file.schedules {
        if !names.insert(def.name.clone()) {
            return Err(Error::usage(format!(
                "{}: schedule `{}` is listed twice",
                args.file.display(),
                def.name
            )));
        }
        check(def, &catalogue)
            .map_err(|e| Error::usage(format!("{}: {e}", args.file.display())))?;
    }

    let orca = Orca::connect(settings).await?;
    let mut plan = Vec::new();
    for def in &file.schedules {
        // Describe, not list: the schedule list is served from visibility and
        // lags a fresh create, so applying twice in a row could plan a
        // duplicate create. Describe is read from the schedule itself.
        let described = match orca.describe_schedule(&def.name).await {
            Ok(described) => described,
            Err(Error::ScheduleNotFound { .. }) => {
                plan.push(PlanItem {
                    action: "create",
                    name: def.name.clone(),
                    changes: Vec::new(),
                    def: Some(def.clone()),
                });
                continue;
            }
            Err(e) => return Err(e),
        };
        let live_paused = described
            .schedule
            .as_ref()
            .and_then(|s| s.state.as_ref())
            .is_some_and(|s| s.paused);
        let changes = match described.schedule.as_ref().and_then(definition_of) {
            Some(mut current) => {
                current.paused = live_paused;
                def.changes_from(&current)
            }
            None => vec![(
                "definition".into(),
                json!("made outside orca"),
                json!("from this file"),
            )],
        };
        plan.push(PlanItem {
            action: if changes.is_empty() {
                "unchanged"
            } else {
                "update"
            },
            name: def.name.clone(),
            changes: changes_json(&changes),
            def: Some(def.clone()),
        });
    }
    if args.prune {
        // Pruning has to list; a schedule deleted moments ago may still be
        // listed, so one that is already gone is simply skipped.
        let existing = orca.schedule_names().await?;
        for name in existing.iter().filter(|n| !names.contains(*n)) {
            let described = match orca.describe_schedule(name).await {
                Ok(described) => described,
                Err(Error::ScheduleNotFound { .. }) => continue,
                Err(e) => return Err(e),
            };
            // Only schedules orca made are pruned; others are not ours to delete.
            if described
                .schedule
                .as_ref()
                .and_then(definition_of)
                .is_some()
            {
                plan.push(PlanItem {
                    action: "delete",
                    name: name.clone(),
                    changes: Vec::new(),
                    def: None,
                });
            }
        }
    }

    if printer.is_text() {
        for item in &plan {
            let sign = match item.action {
                "create" => "+",
                "update" => "~",
                "delete" => "-",
                _ => "=",
            };
            let summary = item
                .def
                .as_ref()
                .map(|d| format!(" ({}, {})", d.pipeline, d.describe_spec()))
                .unwrap_or_default();
            printer.line(&format!(
                "{sign} {} {}{}",
                item.action,
                item.name,
                if item.action == "create" {
                    summary
                } else {
                    String::new()
                }
            ));
            for change in &item.changes {
                printer.line(&format!(
                    "    {}: {} → {}",
                    change["field"].as_str().unwrap_or_default(),
                    change["from"],
                    change["to"]
                ));
            }
        }
    }
    if !args.dry_run {
        for item in &plan {
            match (item.action, &item.def) {
                ("create", Some(def)) => orca.create_schedule(def, false).await?,
                ("update", Some(def)) => orca.update_schedule(def).await?,
                ("delete", _) => orca.delete_schedule(&item.name).await?,
                _ => {}
            }
        }
    }
    let counts = |action: &str| plan.iter().filter(|p| p.action == action).count();
    if printer.is_text() {
        printer.line(&format!(
            "{}: {} to create, {} to update, {} unchanged, {} to delete",
            if args.dry_run {
                "plan (dry run, nothing changed)"
            } else {
                "applied"
            },
            counts("create"),
            counts("update"),
            counts("unchanged"),
            counts("delete")
        ));
    } else {
        printer.json(&json!({"dry_run": args.dry_run, "plan": plan}));
    }
    Ok(())
}
