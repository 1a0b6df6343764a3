//! Reminders: a gate with `remind_every` posts its webhooks again at that
//! interval while it waits, saying which reminder it is and how long the
//! gate has waited, and stops the moment the gate is decided.

use std::time::{Duration, Instant};

use serde_json::Value;

use super::{parked, shared};
use crate::common::{http::HttpRecorder, *};

/// A gate reminding every second, posting to `hook`, then a 3 s step: a
/// window in which reminders that did not stop would keep coming.
fn reminding(hook: &HttpRecorder) -> String {
    format!(
        "name = \"remind\"\n[[steps]]\nid = \"gate\"\nkind = \"approval\"\nprompt = \"Ship?\"\ntimeout = \"5m\"\nremind_every = \"1s\"\nnotify = [{{ url = \"{}/remind\" }}]\n\n[[steps]]\nid = \"after\"\nkind = \"agent\"\naction = \"after\"\nduration = \"3s\"\n",
        hook.url
    )
}

/// The reminders `hook` received (bodies with a `reminder` number), in
/// order of that number, with when each arrived.
fn reminders(hook: &HttpRecorder) -> Vec<(u64, Value, Instant)> {
    let mut found: Vec<(u64, Value, Instant)> = hook
        .requests()
        .into_iter()
        .filter_map(|r| {
            let body: Value = serde_json::from_str(&r.body).ok()?;
            Some((body["reminder"].as_u64()?, body, r.at))
        })
        .collect();
    found.sort_by_key(|(n, ..)| *n);
    found
}

#[test]
fn reminders_repeat_at_the_interval_while_the_gate_waits() {
    let env = shared();
    let hook = HttpRecorder::start();
    let before = Instant::now();
    let id = parked("remind-repeat", &reminding(&hook));
    eventually(Duration::from_secs(30), "two reminders", || {
        reminders(&hook).len() >= 2
    });
    for (index, (n, body, at)) in reminders(&hook).into_iter().take(2).enumerate() {
        assert_eq!(n, index as u64 + 1, "{body:#}");
        assert_eq!(body["run_id"], id.as_str(), "{body:#}");
        assert_eq!(body["waited"], format!("{n}s"), "{body:#}");
        let text = body["text"].as_str().unwrap_or_default();
        assert!(
            text.starts_with(&format!(
                "[reminder {n}: waiting {n}s] Approval needed for remind run {id}"
            )),
            "{text}"
        );
        // A durable timer never fires early; and a reminder not many seconds late.
        let after = at.duration_since(before);
        assert!(
            after >= Duration::from_secs(n),
            "reminder {n} after {after:?}"
        );
        assert!(
            after < Duration::from_secs(n + 20),
            "reminder {n} after {after:?}"
        );
    }
    let opened: Vec<Value> = hook
        .requests()
        .iter()
        .filter_map(|r| serde_json::from_str::<Value>(&r.body).ok())
        .filter(|b| b.get("reminder").is_none())
        .collect();
    assert_eq!(
        opened.len(),
        1,
        "one post when the gate opened: {opened:#?}"
    );
    let status = env.status(&id);
    assert!(
        status["approval"]["reminders"].as_u64() >= Some(2),
        "{status:#}"
    );
    env.orca(["terminate", &id, "--yes"]).ok();
}

/// After the decision, the 3 s step after the gate runs: reminders that
/// went on would arrive then. Every post the webhook got is the opening
/// one or a reminder the gate counted before it closed.
#[test]
fn reminders_stop_once_the_gate_is_decided() {
    let env = shared();
    let hook = HttpRecorder::start();
    let id = parked("remind-stop", &reminding(&hook));
    eventually(Duration::from_secs(30), "a reminder", || {
        !reminders(&hook).is_empty()
    });
    env.orca(["approve", &id, "--as", "alice"]).ok();
    let status = env.wait_phase(&id, "completed");
    let sent = status["approval"]["reminders"].as_u64().unwrap_or_default();
    assert!(sent >= 1, "{status:#}");
    // A reminder posted just before the decision may still be arriving.
    eventually_eq(
        Duration::from_secs(20),
        || hook.requests().len() as u64,
        1 + sent,
    );
    let numbers: Vec<u64> = reminders(&hook).iter().map(|(n, ..)| *n).collect();
    assert_eq!(numbers, (1..=sent).collect::<Vec<u64>>());
}
