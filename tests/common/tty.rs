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

/// `orca ARGS` on a pty `columns` wide (set with `stty`, as a terminal
/// window would), so what depends on the width can be checked.
pub fn on_terminal_sized(env: &Env, columns: u16, args: &[&str]) -> PtySession {
    let run = env
        .orca(args)
        .env("ORCA_IDENTITY", "tty-user")
        .env("TERM", "xterm-256color");
    let orca = run.command;
    let mut sized = std::process::Command::new("sh");
    sized
        .arg("-c")
        .arg(format!("stty cols {columns} rows 40 && exec \"$0\" \"$@\""))
        .arg(orca.get_program())
        .args(orca.get_args());
    for (name, value) in orca.get_envs() {
        match value {
            Some(value) => sized.env(name, value),
            None => sized.env_remove(name),
        };
    }
    if let Some(dir) = orca.get_current_dir() {
        sized.current_dir(dir);
    }
    rexpect::session::spawn_command(sized, Some(30_000)).expect("spawn orca on a pty")
}

/// What a session read, as the terminal shows it: rexpect hands over each
/// byte as a char, so UTF-8 is decoded here; escape sequences removed,
/// `\r\n` as `\n`.
pub fn plain_text(raw: &str) -> String {
    let bytes: Vec<u8> = raw.chars().map(|c| c as u32 as u8).collect();
    let decoded = String::from_utf8_lossy(&bytes);
    let mut text = String::new();
    let mut chars = decoded.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\x1b' if chars.peek() == Some(&'[') => {
                chars.next();
                // Parameters and intermediates, then one final byte @..~.
                for c in chars.by_ref() {
                    if ('@'..='~').contains(&c) {
                        break;
                    }
                }
            }
            '\r' => {}
            c => text.push(c),
        }
    }
    text
}
