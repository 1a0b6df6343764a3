//! Approvals beyond a single yes/no: quorum, four eyes, groups, timeouts and
//! escalation, notifications, the personal inbox, and waits CI can trust;
//! decisions that carry data and push back.
//! Every rule is enforced by the workflow, so the official CLI is held to it too.
//! `rules`: who may decide and how many must; `timeouts`: what a gate does
//! when nobody decides; `notify`: webhooks; `inbox`: a person's own gates;
//! `waits`: `orca wait` and its exit codes; `forms` and `form_refusals`:
//! the typed fields a decision carries; `changes`: request changes and
//! rounds; `delegation`: handing a decision on; `reminders`: webhooks
//! re-sent while a gate waits.

mod changes;
mod delegation;
mod form_refusals;
mod forms;
mod inbox;
mod notify;
mod reminders;
mod rules;
mod timeouts;
mod waits;

use std::sync::OnceLock;

use serde_json::Value;

use crate::common::*;

fn gate_pipeline(env: &Env, name: &str, gate: &str, after: &str) -> String {
    env.pipeline(
        name,
        &format!(
            "name = \"{name}\"\n[groups]\nrelease = [\"rita\", \"rob\"]\n\n[[steps]]\nid = \"gate\"\nkind = \"approval\"\nprompt = \"Ship {name}?\"\n{gate}\n{after}"
        ),
    )
}

/// One env with a worker that lives as long as the test binary, for the
/// runs many tests decide against (a refusal records nothing, so they can
/// share a run parked at its gate) and for short runs of their own.
fn shared() -> &'static Env {
    static SHARED: OnceLock<Env> = OnceLock::new();
    SHARED.get_or_init(|| {
        let env = Env::new();
        env.lasting_worker();
        env
    })
}

/// Starts pipeline `toml` (written as `name.toml`) on the shared worker and
/// waits at its gate; returns the run's ID.
fn parked(name: &str, toml: &str) -> String {
    crate::signed::at_gate(shared(), name, toml, &[])
}

/// `orca ARGS` is refused by the workflow: exit 7, one `error:` line
/// naming `reason`.
#[track_caller]
fn refused(env: &Env, args: &[&str], reason: &str) -> Done {
    let done = env.orca(args).code(7);
    done.clean_error().stderr_has(reason);
    done
}

/// Update `name` with `request`, sent through the official CLI, is refused
/// with failure type `kind` and `reason`.
#[track_caller]
fn refused_via_temporal(
    env: &Env,
    id: &str,
    name: &str,
    request: &Value,
    kind: &str,
    reason: &str,
) {
    let done = crate::signed::update_via_temporal(env, id, name, request);
    let text = format!("{}{}", done.stdout, done.stderr);
    assert_ne!(done.code, 0, "accepted:\n{done}");
    assert!(
        text.contains(&format!("type: {kind}")),
        "not {kind}:\n{text}"
    );
    assert!(text.contains(reason), "expected `{reason}` in:\n{text}");
}

/// The open gate of run `id` has recorded no vote.
#[track_caller]
fn no_votes(env: &Env, id: &str) {
    let status = env.status(id);
    assert_eq!(status["phase"], "awaiting_approval", "{status:#}");
    assert_eq!(
        status["approval"]["votes"],
        serde_json::json!([]),
        "{status:#}"
    );
}

/// Waits until `orca history` of run `id` has an `event` entry whose detail
/// contains `text`.
#[track_caller]
fn history_has(env: &Env, id: &str, event: &str, text: &str) {
    poll_for(std::time::Duration::from_secs(30), || {
        let history = env.orca(["history", id, "-o", "json"]).ok().json();
        let entries = history.as_array().cloned().unwrap_or_default();
        let found = entries
            .iter()
            .any(|e| e["event"] == event && e["detail"].as_str().is_some_and(|d| d.contains(text)));
        match found {
            true => Ok(()),
            false => Err(format!("no `{event}` entry with {text:?} in {history:#}")),
        }
    });
}
