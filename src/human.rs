//! Durations as people read them: rounded for sentences, one unit for
//! listings (never humantime's nanoseconds); text cut to a length.

/// A duration for people: `850ms`, `2.0s`, `3m 5s`, `2h 10m` (never
/// humantime's nanoseconds).
pub fn human_duration(d: std::time::Duration) -> String {
    let millis = d.as_millis();
    if millis < 1000 {
        return format!("{millis}ms");
    }
    // Rounded before choosing the form, so 59.96s reads `1m 0s`, not `60.0s`.
    let tenths = (millis + 50) / 100;
    if tenths < 600 {
        return format!("{}.{}s", tenths / 10, tenths % 10);
    }
    let secs = (millis + 500) / 1000;
    match secs {
        ..3600 => format!("{}m {}s", secs / 60, secs % 60),
        _ => format!("{}h {}m", secs / 3600, secs % 3600 / 60),
    }
}

/// How long ago `time` was, for a person at a terminal: `3m ago`, `just
/// now` for a time ahead of this clock, `-` when unknown.
pub fn ago(time: Option<std::time::SystemTime>) -> String {
    let Some(time) = time else { return "-".into() };
    match std::time::SystemTime::now().duration_since(time) {
        Ok(ago) => format!("{} ago", short_duration(ago)),
        Err(_) => "just now".into(),
    }
}

/// A moment as a person reads it in an error: `2025-01-02 03:04:05 UTC`.
pub fn utc_seconds(time: std::time::SystemTime) -> String {
    let text = humantime::format_rfc3339_seconds(time).to_string();
    format!("{} UTC", text.trim_end_matches('Z').replacen('T', " ", 1))
}

/// "42s", "3m", "5h", "2d": one unit, enough for a listing.
pub fn short_duration(d: std::time::Duration) -> String {
    let secs = d.as_secs();
    match secs {
        0..60 => format!("{secs}s"),
        60..3600 => format!("{}m", secs / 60),
        3600..86400 => format!("{}h", secs / 3600),
        _ => format!("{}d", secs / 86400),
    }
}

/// How a decision (or a start) is proven: `verified (SHA256:…)` when a
/// signature checked out, else `unverified`.
pub fn proof(key: Option<&str>) -> String {
    match key {
        Some(key) => format!("verified ({key})"),
        None => "unverified".to_string(),
    }
}

/// `: the comment` to append to a line, or nothing without one.
pub fn comment_suffix(comment: Option<&str>) -> String {
    comment.map(|c| format!(": {c}")).unwrap_or_default()
}

/// `text` cut to at most `max` characters, `…` marking the cut.
pub fn clip(text: &str, max: usize) -> String {
    match text.char_indices().nth(max) {
        None => text.to_string(),
        Some((end, _)) => format!("{}…", &text[..end]),
    }
}

#[cfg(test)]
mod tests {
    use std::time::Duration;

    use super::{clip, human_duration};

    /// Rounding can carry into the next form: never `60.0s`.
    #[test]
    fn human_duration_rounds_up_across_a_unit() {
        assert_eq!(human_duration(Duration::from_millis(59_960)), "1m 0s");
        assert_eq!(human_duration(Duration::from_millis(3_599_600)), "1h 0m");
    }

    #[test]
    fn clip_cuts_by_characters_and_marks_the_cut() {
        assert_eq!(clip("abc", 3), "abc");
        assert_eq!(clip("abcd", 3), "abc…");
        assert_eq!(clip("ééé", 2), "éé…");
    }
}
