//! Keys that never leave ssh-agent sign too, as they do for git: one given
//! inline (`key::…`, no file at all) and a passphrase-protected one.

use std::process::{Child, Command};

use super::*;

/// A private ssh-agent for one test, killed when it ends.
struct Agent {
    socket: PathBuf,
    child: Child,
}

impl Agent {
    fn start(env: &Env) -> Agent {
        let socket = env.path("agent.sock");
        let child = Command::new("ssh-agent")
            .args(["-D", "-a"])
            .arg(&socket)
            .stdout(std::process::Stdio::null())
            .spawn()
            .expect("ssh-agent");
        eventually(
            std::time::Duration::from_secs(10),
            "the agent listens",
            || socket.exists(),
        );
        Agent { socket, child }
    }

    /// `ssh-add KEY`, answering a passphrase through SSH_ASKPASS.
    fn add(&self, env: &Env, key: &Key, passphrase: &str) {
        let askpass = env.write("askpass.sh", &format!("#!/bin/sh\necho '{passphrase}'\n"));
        std::fs::set_permissions(
            &askpass,
            std::os::unix::fs::PermissionsExt::from_mode(0o700),
        )
        .unwrap();
        let added = Command::new("ssh-add")
            .arg(&key.private)
            .env("SSH_AUTH_SOCK", &self.socket)
            .env("SSH_ASKPASS", &askpass)
            .env("SSH_ASKPASS_REQUIRE", "force")
            .env("DISPLAY", ":0")
            .stdin(std::process::Stdio::null())
            .output()
            .expect("ssh-add");
        assert!(added.status.success(), "{added:?}");
    }
}

impl Drop for Agent {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn worker_trusting(env: &Env, key: &Key) -> Worker {
    let signers = allowed_signers(env, &[("alice", key)]);
    env.worker_with(&["--allowed-signers", signers.to_str().unwrap()])
}

#[test]
fn a_key_only_the_agent_holds_signs_when_given_inline() {
    let env = Env::new();
    let alice = Key::new(&env, "alice", "ed25519");
    let agent = Agent::start(&env);
    agent.add(&env, &alice, "");
    // No file left: only the agent can sign.
    std::fs::remove_file(&alice.private).unwrap();
    std::fs::remove_file(format!("{}.pub", alice.private.display())).unwrap();
    let _worker = worker_trusting(&env, &alice);
    let id = at_gate(&env, "quorum", SIGNED_QUORUM, &[]);
    env.orca(["approve", &id, "--as", "alice"])
        .env("SSH_AUTH_SOCK", &agent.socket)
        .env("ORCA_SIGNING_KEY", format!("key::{}", alice.public_line))
        .ok()
        .stdout_has(&format!(
            "(verified {})",
            fingerprint_of(&alice.public_line)
        ));
}

#[test]
fn a_passphrase_protected_key_signs_through_the_agent() {
    let env = Env::new();
    let alice = Key::with_passphrase(&env, "alice", "ed25519", "correct horse");
    let agent = Agent::start(&env);
    agent.add(&env, &alice, "correct horse");
    let _worker = worker_trusting(&env, &alice);
    let id = at_gate(&env, "quorum", SIGNED_QUORUM, &[]);
    let public = format!("{}.pub", alice.private.display());
    env.orca(["approve", &id, "--as", "alice", "--signing-key", &public])
        .env("SSH_AUTH_SOCK", &agent.socket)
        .ok()
        .stdout_has("(verified SHA256:");
}

#[test]
fn git_signing_key_is_used_when_git_signs_with_ssh() {
    let env = Env::new();
    let alice = Key::new(&env, "alice", "ed25519");
    let _worker = worker_trusting(&env, &alice);
    let id = at_gate(&env, "quorum", SIGNED_QUORUM, &[]);
    // The test's HOME is its temp dir: this is the test's own git config.
    for (name, value) in [("gpg.format", "ssh"), ("user.signingkey", alice.path())] {
        let set = Command::new("git")
            .args(["config", "--global", name, value])
            .env("HOME", env.dir.path())
            .env("XDG_CONFIG_HOME", env.path("config"))
            .status()
            .unwrap();
        assert!(set.success());
    }
    env.orca(["approve", &id, "--as", "alice"])
        .ok()
        .stdout_has(&format!("(verified {})", alice.fingerprint()));
}

/// The fingerprint of a public key line, by ssh-keygen.
fn fingerprint_of(public_line: &str) -> String {
    use std::io::Write;
    let mut child = Command::new("ssh-keygen")
        .args(["-l", "-E", "sha256", "-f", "-"])
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    writeln!(child.stdin.take().unwrap(), "{public_line}").unwrap();
    let out = child.wait_with_output().unwrap();
    String::from_utf8_lossy(&out.stdout)
        .split_whitespace()
        .nth(1)
        .unwrap()
        .to_string()
}
