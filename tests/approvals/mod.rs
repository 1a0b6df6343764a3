//! Approvals beyond a single yes/no: quorum, four eyes, groups, timeouts and
//! escalation, notifications, the personal inbox, and waits CI can trust.
//! Every rule is enforced by the workflow, so the official CLI is held to it too.
//! `rules`: who may decide and how many must; `timeouts`: what a gate does
//! when nobody decides; `notify`: webhooks; `inbox`: a person's own gates;
//! `waits`: `orca wait` and its exit codes.

mod inbox;
mod notify;
mod rules;
mod timeouts;
mod waits;

use crate::common::*;

fn gate_pipeline(env: &Env, name: &str, gate: &str, after: &str) -> String {
    env.pipeline(
        name,
        &format!(
            "name = \"{name}\"\n[groups]\nrelease = [\"rita\", \"rob\"]\n\n[[steps]]\nid = \"gate\"\nkind = \"approval\"\nprompt = \"Ship {name}?\"\n{gate}\n{after}"
        ),
    )
}
