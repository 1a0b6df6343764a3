//! The test harness: one real Temporal dev server per test binary (started on
//! first use, on a free port), a unique task queue per test, real `orca
//! worker` processes, and the built `orca` binary driven like a user would.
//! `server.rs`: dev servers; `env.rs`: one test's world; `process.rs`:
//! running orca and other processes; `http.rs`: a recording HTTP server;
//! `tls.rs`: certificates and an nginx TLS proxy in front of the server.

#![allow(dead_code)]

mod env;
pub mod http;
mod process;
mod server;
pub mod tls;
mod tty;

use std::time::Duration;

pub use env::*;
pub use process::*;
pub use server::*;
pub use tty::*;

pub const ORCA: &str = env!("CARGO_BIN_EXE_orca");

/// Upper bound for any single orca command in tests; nothing should hang.
pub const COMMAND_TIMEOUT: Duration = Duration::from_secs(60);

pub const SECOND_NAMESPACE: &str = "orca-second";

/// Polls `check` every 250 ms until it holds; fails naming `what` after
/// `limit`. For anything read from visibility (`list`, `inbox`,
/// `schedule list`), which is eventually consistent and lags most on a busy
/// CI machine.
#[track_caller]
pub fn eventually(limit: Duration, what: &str, mut check: impl FnMut() -> bool) {
    poll_for(limit, || {
        check().then_some(()).ok_or_else(|| format!("not {what}"))
    });
}

/// Polls `probe` until it returns `expected`; on failure says what it saw last.
#[track_caller]
pub fn eventually_eq<T: PartialEq + std::fmt::Debug>(
    limit: Duration,
    mut probe: impl FnMut() -> T,
    expected: T,
) {
    poll_for(limit, || {
        let seen = probe();
        if seen == expected {
            Ok(())
        } else {
            Err(format!("still {seen:?}, expected {expected:?}"))
        }
    });
}

/// Polls `attempt` every 250 ms until it answers `Ok`, and returns that;
/// after `limit` the test fails with the last `Err` (what it saw).
#[track_caller]
pub fn poll_for<T>(limit: Duration, attempt: impl FnMut() -> Result<T, String>) -> T {
    poll_every(limit, Duration::from_millis(250), attempt)
}

/// `poll_for` at another interval (a worker's log is read every 50 ms).
#[track_caller]
pub fn poll_every<T>(
    limit: Duration,
    interval: Duration,
    mut attempt: impl FnMut() -> Result<T, String>,
) -> T {
    let started = std::time::Instant::now();
    loop {
        match attempt() {
            Ok(value) => return value,
            Err(why) => assert!(started.elapsed() < limit, "{why} after {limit:?}"),
        }
        std::thread::sleep(interval);
    }
}

/// Clears the machine's Temporal settings so tests see only what they set.
pub fn isolate(command: &mut std::process::Command, dir: &tempfile::TempDir) {
    for (key, _) in std::env::vars() {
        if key.starts_with("TEMPORAL_") || (key.starts_with("ORCA_") && key != "ORCA_TEMPORAL_BIN")
        {
            command.env_remove(key);
        }
    }
    command
        .env("XDG_CONFIG_HOME", dir.path().join("config"))
        .env("HOME", dir.path())
        .env("NO_COLOR", "1")
        .env_remove("RUST_LOG")
        // No key of the machine's signs in a test that did not ask for it.
        .env_remove("SSH_AUTH_SOCK")
        .env("GIT_CONFIG_NOSYSTEM", "1");
}

/// Asserts that `check` keeps holding for all of `window` (looked at every
/// 250 ms): for what must *not* happen meanwhile (a paused run does not
/// move on, a paused schedule starts nothing).
#[track_caller]
pub fn holds_for(window: Duration, what: &str, mut check: impl FnMut() -> bool) {
    let started = std::time::Instant::now();
    while started.elapsed() < window {
        assert!(check(), "not {what} after {:?}", started.elapsed());
        std::thread::sleep(Duration::from_millis(250));
    }
    assert!(check(), "not {what} at the end of {window:?}");
}
