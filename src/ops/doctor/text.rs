//! The report as text: the settings with where each came from, then one
//! line per check (`✓ server  Temporal 1.32.0 answers …`), its details and
//! fix indented below it, findings lined up.

use super::{Check, CheckName, State};
use crate::config::source::{Source, Sources};

/// The widest check label, so findings line up.
fn label_width() -> usize {
    CheckName::ALL
        .iter()
        .map(|n| n.label().len())
        .max()
        .unwrap_or(0)
}

/// A check as lines; `symbol` is its state's mark as the printer paints it.
pub fn check_lines(check: &Check, symbol: &str) -> Vec<String> {
    let width = label_width();
    let mut lines = vec![format!(
        "{symbol} {:<width$}  {}",
        check.name.label(),
        check.finding
    )];
    // The mark is one column wide, painted or not.
    let indent = " ".repeat(width + 4);
    lines.extend(check.details.iter().map(|d| format!("{indent}{d}")));
    if let Some(fix) = &check.fix {
        let label = match check.state {
            State::Failed | State::Warn => "fix",
            State::Ok | State::Skipped => "hint",
        };
        lines.push(format!("{indent}{label}: {fix}"));
    }
    lines
}

/// The settings as aligned lines: setting, value, where it came from.
pub fn settings_lines(sources: &Sources) -> Vec<String> {
    let label = sources.keys().map(|s| s.label().len()).max().unwrap_or(0);
    let value = sources
        .values()
        .map(|t| t.value.chars().count())
        .max()
        .unwrap_or(0);
    sources
        .iter()
        .map(|(setting, traced)| {
            let from = match &traced.source {
                Source::Default => "default".to_string(),
                other => format!("from {other}"),
            };
            let line = format!(
                "  {:<label$}  {:<value$}  {from}",
                setting.label(),
                traced.value
            );
            line.trim_end().to_string()
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::config::source::{Setting, Traced};

    #[test]
    fn a_failed_check_shows_its_details_and_fix_under_its_finding() {
        let check = Check::new(
            CheckName::Workers,
            State::Failed,
            "no worker polls task queue q",
        )
        .with_details(vec![
            "orca:a@h: workflows; last poll 9m ago (stopped?)".into(),
        ])
        .with_fix("orca worker --task-queue q (or orca dev)");
        let lines = check_lines(&check, "✗");
        assert_eq!(
            lines,
            [
                "✗ workers            no worker polls task queue q",
                "                     orca:a@h: workflows; last poll 9m ago (stopped?)",
                "                     fix: orca worker --task-queue q (or orca dev)",
            ]
        );
    }

    #[test]
    fn a_skipped_check_is_one_line() {
        let skipped = Check::new(CheckName::Tls, State::Skipped, "off: plaintext gRPC");
        assert_eq!(
            check_lines(&skipped, "–"),
            ["– TLS                off: plaintext gRPC"]
        );
    }

    #[test]
    fn each_setting_says_where_it_came_from() {
        let mut sources = Sources::new();
        let traced = |value: &str, source| Traced {
            value: value.into(),
            source,
        };
        sources.insert(
            Setting::Address,
            traced(
                "h:7233",
                Source::Env {
                    name: "TEMPORAL_ADDRESS",
                },
            ),
        );
        sources.insert(
            Setting::ApiKey,
            traced(
                "set",
                Source::Env {
                    name: "TEMPORAL_API_KEY",
                },
            ),
        );
        sources.insert(Setting::Namespace, traced("default", Source::Default));
        assert_eq!(
            settings_lines(&sources),
            [
                "  address    h:7233   from TEMPORAL_ADDRESS",
                "  namespace  default  default",
                "  API key    set      from TEMPORAL_API_KEY",
            ]
        );
    }
}
