//! `orca schedule list` and `describe`: what a schedule is and has done
//! (`ops::schedules::view`).

use serde_json::Value;

use super::*;
use crate::{
    client::RunPhase,
    ops::schedules::view::{RecentRun, ScheduleView, view},
    output::Cell,
};

pub(super) async fn list(settings: Settings, printer: &Printer) -> Result<()> {
    let orca = Orca::connect(settings).await?;
    let mut views = Vec::new();
    for name in orca.schedule_names().await? {
        match view(&orca, &name, 1).await {
            Ok(found) => views.push(found),
            // Visibility can still list a schedule deleted a moment ago.
            Err(Error::ScheduleNotFound { .. }) => {}
            Err(e) => return Err(e),
        }
    }
    printer.list(&views, "no schedules", |p| {
        let rows = views
            .iter()
            .map(|v| {
                vec![
                    Cell::from(v.name.as_str()),
                    Cell::from(v.pipeline.clone().unwrap_or_else(|| "-".into())),
                    Cell::from(v.spec.as_str()),
                    match v.paused {
                        true => Cell::toned(&RunPhase::PAUSED),
                        false => Cell::from("no"),
                    },
                    Cell::from(v.next_run.clone().unwrap_or_else(|| "-".into())),
                    last_result(v.recent_runs.first()),
                    Cell::from(format!("{}/{}", v.overlap_skipped, v.missed_catchup_window)),
                ]
            })
            .collect();
        p.table(
            &[
                "name",
                "pipeline",
                "spec",
                "paused",
                "next run",
                "last result",
                "skipped/missed",
            ],
            rows,
        );
    });
    Ok(())
}

pub(super) async fn describe(args: NameArg, settings: Settings, printer: &Printer) -> Result<()> {
    let orca = Orca::connect(settings).await?;
    let v = view(&orca, &args.name, 10).await?;
    printer.emit(&v, |p| {
        p.card(&card(p, &v));
        if !v.recent_runs.is_empty() {
            p.line("");
            p.table(
                &["recent run", "scheduled", "outcome"],
                v.recent_runs
                    .iter()
                    .map(|r| {
                        vec![
                            Cell::from(r.workflow_id.as_str()),
                            Cell::from(r.scheduled_at.clone().unwrap_or_default()),
                            last_result(Some(r)),
                        ]
                    })
                    .collect(),
            );
        }
    });
    Ok(())
}

/// What `describe` says of a schedule, row by row.
fn card(p: &Printer, v: &ScheduleView) -> Vec<(&'static str, String)> {
    let mut rows = vec![
        ("Schedule", v.name.clone()),
        (
            "Pipeline",
            v.pipeline
                .clone()
                .unwrap_or_else(|| "- (not made by orca)".into()),
        ),
    ];
    if let Some(input) = v.input.as_ref().filter(|i| !i.is_empty()) {
        rows.push(("Input", Value::Object(input.clone()).to_string()));
    }
    rows.push(("Spec", v.spec.clone()));
    rows.push((
        "State",
        if v.paused {
            p.state(&RunPhase::PAUSED)
        } else {
            "active".into()
        },
    ));
    if !v.note.is_empty() {
        rows.push(("Note", v.note.clone()));
    }
    rows.push((
        "Policies",
        format!(
            "overlap {}; catch-up window {}; pause on failure: {}",
            v.overlap
                .and_then(|o| serde_json::to_value(o).ok())
                .and_then(|o| o.as_str().map(str::to_string))
                .unwrap_or_else(|| "-".into()),
            v.catchup_window
                .clone()
                .unwrap_or_else(|| "server default".into()),
            if v.pause_on_failure { "yes" } else { "no" }
        ),
    ));
    rows.push((
        "Runs",
        format!(
            "{} started, {} skipped (overlap), {} missed (catch-up window)",
            v.action_count, v.overlap_skipped, v.missed_catchup_window
        ),
    ));
    rows.push((
        "Next",
        match (v.paused, v.next_runs.is_empty()) {
            (true, _) => "none while paused".into(),
            (false, true) => "-".into(),
            (false, false) => v.next_runs.join(", "),
        },
    ));
    if !v.running.is_empty() {
        rows.push(("Running", v.running.join(", ")));
    }
    rows
}

/// How a schedule's run ended (or `-` when it cannot be described).
fn last_result(run: Option<&RecentRun>) -> Cell {
    match run.and_then(|r| r.outcome) {
        Some(phase) => Cell::toned(&phase),
        None => Cell::from("-"),
    }
}
