//! Driving orca on a pseudo-terminal, as a person at a keyboard meets it.

use rexpect::{process::WaitStatus, session::PtySession};

use super::Env;

/// `orca ARGS` on a pty (TERM=xterm, identity `tty-user`), 30 s per expect.
pub fn on_terminal(env: &Env, args: &[&str]) -> PtySession {
    let run = env
        .orca(args)
        .env("ORCA_IDENTITY", "tty-user")
        .env("TERM", "xterm");
    rexpect::session::spawn_command(run.command, Some(30_000)).expect("spawn orca on a pty")
}

/// How the session's orca ended: its exit code, or 128 + the signal that
/// ended it (as a shell reports it).
pub fn exit_code(session: &PtySession) -> i32 {
    match session.process().wait().expect("wait for orca") {
        WaitStatus::Exited(_, code) => code,
        WaitStatus::Signaled(_, signal, _) => 128 + signal as i32,
        other => panic!("orca ended with {other:?}"),
    }
}
