//! `orca schedule list` and `describe`: what a schedule is and has done.

use super::*;

/// What `list` and `describe` show about one schedule.
#[derive(Debug, Serialize)]
struct ScheduleView {
    name: String,
    pipeline: Option<String>,
    input: Option<Map<String, Value>>,
    spec: String,
    paused: bool,
    note: String,
    overlap: Option<Overlap>,
    catchup_window: Option<String>,
    pause_on_failure: bool,
    /// Runs started so far.
    action_count: i64,
    /// Runs skipped because the previous one was still going (overlap policy).
    overlap_skipped: i64,
    /// Runs missed because they were later than the catch-up window.
    missed_catchup_window: i64,
    buffer_dropped: i64,
    next_runs: Vec<String>,
    recent_runs: Vec<RecentRun>,
    running: Vec<String>,
    created_at: Option<String>,
    updated_at: Option<String>,
    /// The definition orca stored (null for schedules made elsewhere).
    definition: Option<ScheduleDef>,
}

#[derive(Debug, Serialize)]
struct RecentRun {
    workflow_id: String,
    run_id: String,
    scheduled_at: Option<String>,
    started_at: Option<String>,
    /// Temporal's status, or for a completed run, orca's outcome.
    outcome: String,
}

async fn view(orca: &Orca, name: &str, recent: usize) -> Result<ScheduleView> {
    let described: DescribeScheduleResponse = orca.describe_schedule(name).await?;
    let schedule: Schedule = described.schedule.clone().unwrap_or_default();
    let info = described.info.clone().unwrap_or_default();
    let definition = definition_of(&schedule);
    let state = schedule.state.clone().unwrap_or_default();
    let policies = schedule.policies.unwrap_or_default();
    let mut recent_runs = Vec::new();
    for action in info.recent_actions.iter().rev().take(recent) {
        let Some(run) = &action.start_workflow_result else {
            continue;
        };
        let outcome = match orca.describe(&run.workflow_id).await {
            Ok(description) if status_word(description.status()) == "running" => {
                "running".to_string()
            }
            Ok(description) => crate::client::closed_state(&description),
            Err(_) => "unknown".to_string(),
        };
        recent_runs.push(RecentRun {
            workflow_id: run.workflow_id.clone(),
            run_id: run.run_id.clone(),
            scheduled_at: action
                .schedule_time
                .as_ref()
                .and_then(|t| timestamp(t.seconds, t.nanos)),
            started_at: action
                .actual_time
                .as_ref()
                .and_then(|t| timestamp(t.seconds, t.nanos)),
            outcome,
        });
    }
    Ok(ScheduleView {
        name: name.to_string(),
        pipeline: definition.as_ref().map(|d| d.pipeline.clone()),
        input: definition.as_ref().map(|d| d.input.clone()),
        spec: definition
            .as_ref()
            .map_or_else(|| spec_in_words(&schedule), ScheduleDef::describe_spec),
        paused: state.paused,
        note: state.notes.clone(),
        overlap: Overlap::from_proto(policies.overlap_policy),
        catchup_window: policies.catchup_window.as_ref().map(|d| {
            let secs = d.seconds.max(0) as u64;
            // Whole days read better than humantime's months for the 365-day default.
            if secs >= 86_400 && secs.is_multiple_of(86_400) {
                format!("{}d", secs / 86_400)
            } else {
                humantime::format_duration(Duration::from_secs(secs)).to_string()
            }
        }),
        pause_on_failure: policies.pause_on_failure,
        action_count: info.action_count,
        overlap_skipped: info.overlap_skipped,
        missed_catchup_window: info.missed_catchup_window,
        buffer_dropped: info.buffer_dropped,
        next_runs: info
            .future_action_times
            .iter()
            .take(5)
            .filter_map(|t| timestamp(t.seconds, t.nanos))
            .collect(),
        recent_runs,
        running: info
            .running_workflows
            .iter()
            .map(|w| w.workflow_id.clone())
            .collect(),
        created_at: info
            .create_time
            .as_ref()
            .and_then(|t| timestamp(t.seconds, t.nanos)),
        updated_at: info
            .update_time
            .as_ref()
            .and_then(|t| timestamp(t.seconds, t.nanos)),
        definition,
    })
}

/// A protobuf timestamp (seconds, nanos) as RFC 3339.
fn timestamp(seconds: i64, nanos: i32) -> Option<String> {
    let since_epoch = Duration::from_secs(u64::try_from(seconds).ok()?)
        + Duration::from_nanos(nanos.max(0) as u64);
    rfc3339(std::time::UNIX_EPOCH.checked_add(since_epoch))
}

/// For schedules orca did not make: intervals and cron strings in words.
fn spec_in_words(schedule: &Schedule) -> String {
    let Some(spec) = &schedule.spec else {
        return "-".into();
    };
    let mut parts: Vec<String> = spec
        .interval
        .iter()
        .filter_map(|i| i.interval.as_ref())
        .map(|d| {
            format!(
                "every {}",
                humantime::format_duration(Duration::from_secs(d.seconds.max(0) as u64))
            )
        })
        .collect();
    parts.extend(spec.cron_string.iter().map(|c| format!("cron {c}")));
    if !spec.calendar.is_empty() || !spec.structured_calendar.is_empty() {
        parts.push("calendar".into());
    }
    if parts.is_empty() {
        "-".into()
    } else {
        parts.join(", ")
    }
}

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
    match printer.format {
        crate::cli::OutputFormat::Jsonl => views.iter().for_each(|v| printer.json(v)),
        crate::cli::OutputFormat::Json => printer.json(&views),
        crate::cli::OutputFormat::Text => {
            if views.is_empty() {
                eprintln!("no schedules");
                return Ok(());
            }
            let rows = views
                .iter()
                .map(|v| {
                    vec![
                        v.name.clone(),
                        v.pipeline.clone().unwrap_or_else(|| "-".into()),
                        v.spec.clone(),
                        if v.paused {
                            printer.phase("paused")
                        } else {
                            "no".into()
                        },
                        v.next_runs.first().cloned().unwrap_or_else(|| "-".into()),
                        v.recent_runs
                            .first()
                            .map_or("-".into(), |r| printer.phase(&r.outcome)),
                        format!("{}/{}", v.overlap_skipped, v.missed_catchup_window),
                    ]
                })
                .collect();
            printer.table(
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
        }
    }
    Ok(())
}

pub(super) async fn describe(args: NameArg, settings: Settings, printer: &Printer) -> Result<()> {
    let orca = Orca::connect(settings).await?;
    let v = view(&orca, &args.name, 10).await?;
    printer.emit(&v, |p| {
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
                p.phase("paused")
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
            if v.next_runs.is_empty() {
                "-".into()
            } else {
                v.next_runs.join(", ")
            },
        ));
        if !v.running.is_empty() {
            rows.push(("Running", v.running.join(", ")));
        }
        p.card(&rows);
        if !v.recent_runs.is_empty() {
            p.line("");
            p.table(
                &["recent run", "scheduled", "outcome"],
                v.recent_runs
                    .iter()
                    .map(|r| {
                        vec![
                            r.workflow_id.clone(),
                            r.scheduled_at.clone().unwrap_or_default(),
                            p.phase(&r.outcome),
                        ]
                    })
                    .collect(),
            );
        }
    });
    Ok(())
}
