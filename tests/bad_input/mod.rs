//! The bad-input catalogue: every command, fed wrong input, answers with the
//! documented exit code, one `error:` line (plus a `hint:` where useful), no
//! panic or backtrace, and prints no data. One test per case, so the first
//! failure hides none of the rest. `offline/`: refused before anything
//! connects (no server is started for them); `server.rs`: refused by what
//! the server or the workflow says.

mod offline;
mod runtime;
mod server;

use std::{sync::OnceLock, time::Duration};

use crate::common::*;

/// Runs `args` and checks the refusal: exit `code`, `stderr` in the one
/// `error:` line (or its hint), nothing on stdout.
#[track_caller]
fn refused(env: &Env, args: &[&str], envs: &[(&str, &str)], code: i32, stderr: &str) -> Done {
    let mut run = env.orca(args);
    for (key, value) in envs {
        run = run.env(key, value);
    }
    let done = run.run_within(Duration::from_secs(30));
    assert_eq!(done.code, code, "wrong exit code\n{done}");
    done.clean_error().stderr_has(stderr);
    assert!(
        !done.stderr.contains("RUST_BACKTRACE"),
        "a backtrace\n{done}"
    );
    assert!(
        done.stdout.is_empty(),
        "refused commands print no data\n{done}"
    );
    done
}

/// Runs in known states to decide against, made once for the whole binary.
struct World {
    env: Env,
    /// Denied by policy: closed.
    finished: String,
    /// Approved by alice: closed, one vote.
    decided: String,
    /// On a 5-minute first step: running, not waiting.
    busy: String,
    /// Waiting at a gate only alice and carol may decide.
    gated: String,
    /// A paused schedule that exists.
    schedule: String,
}

fn world() -> &'static World {
    static WORLD: OnceLock<World> = OnceLock::new();
    WORLD.get_or_init(|| {
        let env = Env::new();
        env.lasting_worker();
        let finished = env.start(&["sample", "--input", "task=forbidden: done already"]);
        let decided = env.start(&["sample", "--input", "task=decide once"]);
        let busy_file = env.pipeline(
            "busy",
            "name = \"busy\"\n[[steps]]\nid = \"work\"\nkind = \"agent\"\naction = \"long work\"\nduration = \"5m\"\n\n[[steps]]\nid = \"gate\"\nkind = \"approval\"\nprompt = \"?\"\n",
        );
        let busy = env.start(&[&busy_file]);
        let gated = env.start(&["tests/fixtures/gated.toml"]);
        env.wait_phase(&finished, "denied");
        env.wait_phase(&decided, "awaiting_approval");
        env.orca(["approve", &decided, "--as", "alice"]).ok();
        env.wait_phase(&decided, "completed");
        env.wait_phase(&gated, "awaiting_approval");
        let schedule = format!("exists-{}", env.task_queue);
        env.orca(["schedule", "create", &schedule, "sample", "--input", "task=x"])
            .arg("--every")
            .arg("1h")
            .arg("--paused")
            .ok();
        World {
            env,
            finished,
            decided,
            busy,
            gated,
            schedule,
        }
    })
}
