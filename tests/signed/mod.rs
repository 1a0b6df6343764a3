//! Signed approvals (README "Verified approvals"): keys made by
//! `ssh-keygen` in each test, a worker that trusts them through an
//! allowed_signers file, decisions signed by `orca` and, for the hostile
//! cases, messages built and signed in the test by the contract's format.

mod agent;
mod decisions;
mod forgeries;
mod keys;
mod schedules;
mod trust;
mod verify;

use std::{path::PathBuf, process::Command, time::SystemTime};

use serde_json::Value;

use crate::common::*;

/// A person's key pair, made by `ssh-keygen` in the env's temp dir.
pub struct Key {
    pub private: PathBuf,
    pub public_line: String,
}

impl Key {
    /// A new key of `kind` (`ed25519`, `ecdsa`, `rsa`), no passphrase.
    pub fn new(env: &Env, name: &str, kind: &str) -> Key {
        Key::with_passphrase(env, name, kind, "")
    }

    pub fn with_passphrase(env: &Env, name: &str, kind: &str, passphrase: &str) -> Key {
        let private = env.path(&format!("{name}-{kind}"));
        let made = Command::new("ssh-keygen")
            .args(["-q", "-t", kind, "-N", passphrase, "-C", name, "-f"])
            .arg(&private)
            .output()
            .expect("run ssh-keygen");
        assert!(made.status.success(), "{made:?}");
        let public =
            std::fs::read_to_string(format!("{}.pub", private.display())).expect("public key");
        let public_line = public
            .split_whitespace()
            .take(2)
            .collect::<Vec<_>>()
            .join(" ");
        Key {
            private,
            public_line,
        }
    }

    pub fn path(&self) -> &str {
        self.private.to_str().expect("utf-8 path")
    }

    /// `SHA256:…`, as ssh-keygen prints it.
    pub fn fingerprint(&self) -> String {
        let out = Command::new("ssh-keygen")
            .args(["-l", "-E", "sha256", "-f"])
            .arg(&self.private)
            .output()
            .expect("ssh-keygen -l");
        String::from_utf8_lossy(&out.stdout)
            .split_whitespace()
            .nth(1)
            .expect("a fingerprint")
            .to_string()
    }

    /// An armored SSHSIG of `message` in `namespace`, as any client makes it.
    pub fn sign_as_namespace(&self, message: &str, namespace: &str) -> String {
        use std::io::Write;
        let mut child = Command::new("ssh-keygen")
            .args(["-q", "-Y", "sign", "-n", namespace, "-f"])
            .arg(&self.private)
            .stdin(std::process::Stdio::piped())
            .stdout(std::process::Stdio::piped())
            .spawn()
            .expect("ssh-keygen -Y sign");
        child
            .stdin
            .take()
            .unwrap()
            .write_all(message.as_bytes())
            .unwrap();
        let out = child.wait_with_output().unwrap();
        assert!(out.status.success(), "{out:?}");
        String::from_utf8(out.stdout).unwrap()
    }

    pub fn sign(&self, message: &str) -> String {
        self.sign_as_namespace(message, "orca-approval")
    }
}

/// Writes an allowed_signers file: one `name key` line per entry (an
/// entry's name may carry options: `alice valid-before="…"`).
pub fn allowed_signers(env: &Env, entries: &[(&str, &Key)]) -> PathBuf {
    let text: String = entries
        .iter()
        .map(|(principals, key)| format!("{principals} {}\n", key.public_line))
        .collect();
    env.write("allowed_signers", &text)
}

/// A gate three people may decide, two of them needed, signed decisions
/// only; the requester may decide too (four eyes is tested on its own).
pub const SIGNED_QUORUM: &str = "name = \"signed-quorum\"\n[[steps]]\nid = \"gate\"\nkind = \"approval\"\nprompt = \"ship?\"\napprovers = [\"alice\", \"bob\", \"carol\"]\nrequired = 2\nallow_self_approval = true\nsigned = true\n";

/// One signed gate, one approval, four eyes.
pub const SIGNED_FOUR_EYES: &str = "name = \"signed-four-eyes\"\n[[steps]]\nid = \"gate\"\nkind = \"approval\"\nprompt = \"ship?\"\napprovers = [\"alice\", \"bob\"]\nsigned = true\n";

/// Starts `toml` (written as a file) and waits at its gate.
pub fn at_gate(env: &Env, name: &str, toml: &str, extra: &[&str]) -> String {
    let file = env.pipeline(name, toml);
    let mut args = vec![file.as_str()];
    args.extend_from_slice(extra);
    let id = env.start(&args);
    env.wait_phase(&id, "awaiting_approval");
    id
}

/// Whether the run's gate has recorded no vote (a refusal records nothing).
pub fn no_votes(env: &Env, id: &str) -> bool {
    env.status(id)["approval"]["votes"]
        .as_array()
        .is_some_and(|votes| votes.is_empty())
}

/// A run of the signed four-eyes gate, started by `name` and signed with `key`.
pub fn four_eyes_started_by(env: &Env, key: &Key, name: &str) -> String {
    at_gate(
        env,
        "four-eyes",
        SIGNED_FOUR_EYES,
        &["--identity", name, "--signing-key", key.path()],
    )
}

/// A directory holding the signed four-eyes pipeline (`--pipelines DIR`),
/// for runs started by name (schedules, other clients).
pub fn pipelines_dir(env: &Env) -> String {
    let dir = env.path("pipelines");
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(dir.join("four-eyes.toml"), SIGNED_FOUR_EYES).unwrap();
    dir.to_str().unwrap().to_string()
}

/// A worker trusting `signers` that knows the signed four-eyes pipeline
/// by name; and its `--pipelines DIR`.
pub fn worker_with_pipelines(env: &Env, signers: &std::path::Path) -> (Worker, String) {
    let dir = pipelines_dir(env);
    let worker = env.worker_with(&[
        "--allowed-signers",
        signers.to_str().unwrap(),
        "--pipelines",
        &dir,
    ]);
    (worker, dir)
}

/// `orca approve ID --as NAME --signing-key KEY` (plus `extra`).
pub fn approve(env: &Env, id: &str, key: &Key, name: &str, extra: &[&str]) -> Run {
    env.orca(["approve", id, "--as", name, "--signing-key", key.path()])
        .args(extra)
}

/// The decision message of the contract, built here from the README's
/// format, not from orca's code.
pub struct Message<'a> {
    pub workflow_id: &'a str,
    pub run_id: &'a str,
    pub gate: &'a str,
    pub opening: u64,
    pub decision: &'a str,
    pub principal: &'a str,
    pub comment: &'a str,
    pub signed_at: SystemTime,
}

impl Message<'_> {
    pub fn text(&self) -> String {
        format!(
            "orca-approval-v1\nworkflow-id: {}\nrun-id: {}\ngate: {}\nopening: {}\ndecision: {}\nprincipal: {}\ncomment-sha256: {}\ndata-sha256: {}\nsigned-at: {}\n",
            self.workflow_id,
            self.run_id,
            self.gate,
            self.opening,
            self.decision,
            self.principal,
            sha256(self.comment),
            sha256("{}"),
            humantime::format_rfc3339_seconds(self.signed_at)
        )
    }
}

/// Hex SHA-256, from `sha256sum` (an implementation that is not orca's).
pub fn sha256(text: &str) -> String {
    use std::io::Write;
    let mut child = Command::new("sha256sum")
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .spawn()
        .expect("sha256sum");
    child
        .stdin
        .take()
        .unwrap()
        .write_all(text.as_bytes())
        .unwrap();
    let out = child.wait_with_output().unwrap();
    String::from_utf8_lossy(&out.stdout)
        .split_whitespace()
        .next()
        .unwrap()
        .to_string()
}

/// The run ID and the open gate's opening, from `orca status -o json`.
pub fn gate_of(env: &Env, id: &str) -> (String, u64) {
    let status = env.status(id);
    (
        status["run_id"].as_str().unwrap().to_string(),
        status["approval"]["opening"].as_u64().unwrap(),
    )
}

/// Starts a `Pipeline` run with `input` (JSON) through the official CLI,
/// as any client may, with `extra` flags (a search attribute, say).
pub fn start_via_temporal(env: &Env, id: &str, input: &str, extra: &[&str]) {
    env.temporal([
        "workflow",
        "start",
        "--type",
        "Pipeline",
        "--workflow-id",
        id,
    ])
    .args(["--task-queue", &env.task_queue, "--input", input])
    .args(extra)
    .ok();
}

/// `orca verify TARGET --allowed-signers FILE`.
pub fn verify_with(env: &Env, target: &str, signers: &str) -> Run {
    env.orca(["verify", target, "--allowed-signers", signers])
}

/// Sends a decision request through the official CLI's `update execute`.
pub fn update_via_temporal(env: &Env, id: &str, name: &str, request: &Value) -> Done {
    env.temporal([
        "workflow",
        "update",
        "execute",
        "--workflow-id",
        id,
        "--name",
        name,
        "--input",
        &request.to_string(),
    ])
    .run()
}
