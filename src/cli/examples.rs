//! Every command's examples, in one table (ripgrep's rule: one source for
//! help). They are attached to the command tree when it is built
//! (`cli::command()`), so `--help`, `orca man` and the completions all read
//! the same tree. Each line was run against `orca dev`; a unit test parses
//! every one with the real definitions, so a renamed flag fails the build's
//! tests rather than misleading a reader.

use clap::Command;

/// One example: what it does, then the command line to type.
pub struct Example {
    pub about: &'static str,
    pub line: &'static str,
}

const fn ex(about: &'static str, line: &'static str) -> Example {
    Example { about, line }
}

/// Command path (`""` for orca itself, `"schedule create"`) → its examples.
#[rustfmt::skip]
pub const EXAMPLES: &[(&str, &[Example])] = &[
    ("", &[
        ex("With `orca dev` running: start a run of the sample pipeline (prints its ID)", "orca start sample --input task=hello"),
        ex("Let it through its approval gate", "orca approve sample-1a2b3c4d"),
    ]),
    ("dev", &[
        ex("Server, web UI (http://localhost:8233) and a worker; runs kept in the default database", "orca dev"),
        ex("Nothing kept, other ports (another dev server already runs)", "orca dev --ephemeral --port 7300 --ui-port 8300"),
    ]),
    ("worker", &[
        ex("A worker that also runs command steps and the pipelines of ./pipelines", "orca worker --allow-commands --pipelines ./pipelines"),
        ex("A worker for another task queue, with Prometheus metrics", "orca worker --task-queue builds --metrics-address 127.0.0.1:9464"),
    ]),
    ("start", &[
        ex("Start a run of a built-in pipeline; prints its workflow ID", "orca start sample --input task=hello"),
        ex("A pipeline file; wait for its end, at most 30 minutes (exit 8 after that)", "orca start examples/deploy.toml --input version=1.4.2 --wait --timeout 30m"),
    ]),
    ("approve", &[
        ex("Let a run through its gate, saying why", "orca approve sample-1a2b3c4d --comment \"looks good\""),
        ex("Approve every sample run that waits, without asking", "orca approve --all --pipeline sample --yes"),
    ]),
    ("reject", &[
        ex("Turn a run down; it ends with outcome rejected (exit 3 for its waiters)", "orca reject sample-1a2b3c4d --reason \"wrong branch\""),
    ]),
    ("request-changes", &[
        ex("Send an agent-task run back to its plan with feedback", "orca request-changes agent-task-1a2b3c4d --comment \"split the draft in two\""),
    ]),
    ("delegate", &[
        ex("Away: dave decides in your place (a gate with allow_delegation = true)", "orca delegate release-1a2b3c4d --to dave --comment \"on leave\""),
    ]),
    ("status", &[
        ex("Where a run is: phase, steps, the open gate", "orca status sample-1a2b3c4d"),
        ex("The same as JSON, for a script", "orca status sample-1a2b3c4d -o json"),
    ]),
    ("watch", &[
        ex("Follow a run live until it ends; exits 0/3/4 with its outcome", "orca watch sample-1a2b3c4d"),
        ex("One JSON event per change, for a script", "orca watch sample-1a2b3c4d -o jsonl"),
    ]),
    ("wait", &[
        ex("Block until the gate is decided, at most 10 minutes (exit 8 after that)", "orca wait sample-1a2b3c4d --for approval --timeout 10m"),
        ex("Block until the run ends; exit 0 completed, 3 rejected, 4 failed", "orca wait sample-1a2b3c4d"),
    ]),
    ("list", &[
        ex("Every run that waits for a decision", "orca list --awaiting-approval"),
        ex("The last 20 failed runs of one pipeline", "orca list --pipeline sample --phase failed --limit 20"),
    ]),
    ("inbox", &[
        ex("The gates you may decide now", "orca inbox"),
        ex("The gates alice may decide", "orca inbox --as alice"),
    ]),
    ("history", &[
        ex("A run's timeline: steps, attempts, decisions, outcome", "orca history sample-1a2b3c4d"),
    ]),
    ("verify", &[
        ex("Re-check a run's signed decisions against the keys you trust", "orca verify sample-1a2b3c4d --allowed-signers ./allowed_signers"),
        ex("The same from a saved history", "orca verify sample.json --allowed-signers ./allowed_signers"),
    ]),
    ("replay", &[
        ex("Check that this build replays a live run, keeping its history", "orca replay --id sample-1a2b3c4d --save sample.json"),
        ex("Check saved histories before rolling out new workers", "orca replay sample.json"),
    ]),
    ("doctor", &[
        ex("Check the setup: settings and where each came from, server, workers, stuck runs, clock", "orca doctor"),
        ex("Where one run waits and why: a person, a worker, a timer, paused", "orca doctor --run sample-1a2b3c4d"),
    ]),
    ("pause", &[
        ex("No new step starts until `orca resume`", "orca pause sample-1a2b3c4d"),
    ]),
    ("resume", &[
        ex("Let a paused run go on", "orca resume sample-1a2b3c4d"),
    ]),
    ("stop", &[
        ex("End a run after its current step (outcome stopped)", "orca stop sample-1a2b3c4d"),
    ]),
    ("cancel", &[
        ex("Cancel a run: running steps are cancelled", "orca cancel sample-1a2b3c4d --reason superseded"),
    ]),
    ("terminate", &[
        ex("End a run at once, from a script (no question asked)", "orca terminate sample-1a2b3c4d --reason \"stuck on a dead host\" --yes"),
    ]),
    ("schedule", &[
        ex("A run of data-analysis every night at 02:00, Amsterdam time", "orca schedule create nightly data-analysis --input file=sales.csv --at 02:00 --tz Europe/Amsterdam"),
        ex("The schedules, their next run and last result", "orca schedule list"),
    ]),
    ("schedule create", &[
        ex("A run every night at 02:00, Amsterdam time", "orca schedule create nightly data-analysis --input file=sales.csv --at 02:00 --tz Europe/Amsterdam"),
        ex("A run every 15 minutes, skipped while the last one still runs", "orca schedule create heartbeat sample --input task=ping --every 15m --overlap skip"),
    ]),
    ("schedule list", &[
        ex("Each schedule's spec in words, next run and last result", "orca schedule list"),
    ]),
    ("schedule describe", &[
        ex("A schedule's spec, state, next 5 runs and recent outcomes", "orca schedule describe nightly"),
    ]),
    ("schedule pause", &[
        ex("No runs start until unpaused; the note says why", "orca schedule pause nightly --note \"database maintenance\""),
    ]),
    ("schedule unpause", &[
        ex("Runs start on schedule again", "orca schedule unpause nightly"),
    ]),
    ("schedule trigger", &[
        ex("One run now, paused or not", "orca schedule trigger nightly"),
    ]),
    ("schedule update", &[
        ex("Move the time; every other setting stays", "orca schedule update nightly --at 03:00"),
    ]),
    ("schedule delete", &[
        ex("Delete a schedule from a script (its runs are kept)", "orca schedule delete nightly --yes"),
    ]),
    ("schedule backfill", &[
        ex("The runs a schedule would have started in the first week of November", "orca schedule backfill nightly --start 2026-11-01T00:00:00Z --end 2026-11-08T00:00:00Z"),
    ]),
    ("schedule apply", &[
        ex("What applying the file would change (+ create, ~ update, = unchanged)", "orca schedule apply examples/schedules.toml --dry-run"),
        ex("Make it so, deleting orca's schedules the file no longer has", "orca schedule apply examples/schedules.toml --prune"),
    ]),
    ("pipelines", &[
        ex("The built-in pipelines", "orca pipelines list"),
        ex("Check pipeline files before a worker loads them", "orca pipelines validate pipelines/*.toml"),
    ]),
    ("pipelines list", &[
        ex("The built-ins and the pipelines of ./pipelines", "orca pipelines list --pipelines ./pipelines"),
    ]),
    ("pipelines show", &[
        ex("A built-in pipeline's TOML, to start a file of your own from", "orca pipelines show sample > my-pipeline.toml"),
        ex("A spec as the JSON the workflow takes inline", "orca pipelines show examples/deploy.toml -o json"),
    ]),
    ("pipelines validate", &[
        ex("Check files; exit 2 naming each problem's file:line:column", "orca pipelines validate pipelines/*.toml"),
    ]),
    ("completions", &[
        ex("Completions for bash, loaded by every new shell", "orca completions bash > ~/.local/share/bash-completion/completions/orca"),
        ex("For zsh, in a directory on $fpath", "orca completions zsh > ~/.zfunc/_orca"),
    ]),
    ("man", &[
        ex("Read the man page now", "orca man | man -l -"),
        ex("Install it", "orca man > ~/.local/share/man/man1/orca.1"),
    ]),
];

/// The examples of the command at `path`, if the table has them.
pub fn of(path: &str) -> Option<&'static [Example]> {
    EXAMPLES
        .iter()
        .find(|(command, _)| *command == path)
        .map(|(_, examples)| *examples)
}

/// `command` (at `path`) and all its subcommands with their examples in
/// their help, ahead of any text the help already ends with.
pub fn attach(command: Command, path: &str) -> Command {
    let command = match of(path) {
        Some(examples) => {
            let after = command.get_after_help().map(|text| text.to_string());
            command.after_help(render(examples, after.as_deref()))
        }
        None => command,
    };
    command.mut_subcommands(|sub| {
        let sub_path = match path {
            "" => sub.get_name().to_string(),
            _ => format!("{path} {}", sub.get_name()),
        };
        attach(sub, &sub_path)
    })
}

/// `Examples:` styled as clap styles its other headings, one `# about`
/// comment line above each command line (both paste into a shell as is).
fn render(examples: &[Example], after: Option<&str>) -> clap::builder::StyledStr {
    let header = clap::builder::Styles::default().get_header().to_owned();
    let mut text = format!("{header}Examples:{header:#}\n");
    for (i, example) in examples.iter().enumerate() {
        if i > 0 {
            text.push('\n');
        }
        text.push_str(&format!("  # {}\n  {}\n", example.about, example.line));
    }
    if let Some(after) = after {
        text.push_str(&format!("\n{after}"));
    }
    text.into()
}

#[cfg(test)]
#[path = "examples_tests.rs"]
mod tests;
