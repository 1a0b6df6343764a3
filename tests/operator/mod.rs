//! The operator's tools: watch, list (the inbox), bulk approval, history,
//! cancel/terminate, foreign workflows, completions and output formats.
//! `watch`: following a run; `list`: filtering runs; `bulk`: `--all`
//! decisions; `history`: the timeline; `ending`: cancel and terminate;
//! `terminated`: what the commands say of a run ended from outside;
//! `foreign`: workflows orca did not write; `terminal`: what changes with
//! and without a terminal (usage errors, completions, colour).

mod bulk;
mod ending;
mod foreign;
mod history;
mod list;
mod terminal;
mod terminated;
mod watch;

use crate::common::*;

/// A pipeline name no other test uses, so listings can be exact.
fn unique_gate(env: &Env, name: &str) -> String {
    env.pipeline(
        name,
        &format!(
            "name = \"{name}\"\n[inputs.n]\ndefault = \"0\"\n\n[[steps]]\nid = \"gate\"\nkind = \"approval\"\nprompt = \"Item {{{{ input.n }}}}?\"\n\n[[steps]]\nid = \"after\"\nkind = \"agent\"\naction = \"done {{{{ input.n }}}}\"\nduration = \"100ms\"\n"
        ),
    )
}
