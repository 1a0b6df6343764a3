//! Signing on the client, through `ssh-keygen -Y sign` as git does, so keys
//! in ssh-agent, passphrase-protected keys and FIDO keys (`sk-ssh-ed25519`)
//! all work: ssh-keygen asks the agent, the terminal or the token.

use std::{
    io::Write,
    path::{Path, PathBuf},
    process::{Command, Stdio},
};

use super::NAMESPACE;
use crate::{Error, Result};

/// Which key signs: a key file (private, or public with its private half
/// in ssh-agent), or a public key given inline (`key::ssh-ed25519 AAAA…`,
/// as git's `user.signingkey` allows) whose private half is in the agent.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SigningKey {
    File(PathBuf),
    Inline(String),
}

/// Where the key came from, for messages.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum KeyOrigin {
    /// `--signing-key` or `ORCA_SIGNING_KEY`.
    Given,
    /// git's `user.signingkey` (with `gpg.format = ssh`).
    Git,
}

impl SigningKey {
    /// `--signing-key` / `ORCA_SIGNING_KEY` as typed.
    pub fn parse(text: &str) -> SigningKey {
        let text = text.trim();
        if let Some(inline) = text.strip_prefix("key::") {
            return SigningKey::Inline(inline.trim().to_string());
        }
        if ["ssh-", "ecdsa-", "sk-"]
            .iter()
            .any(|p| text.starts_with(p))
            && text.contains(' ')
        {
            return SigningKey::Inline(text.to_string());
        }
        SigningKey::File(expand_home(text))
    }

    /// The key to sign with: the one given, else git's signing key when git
    /// signs with SSH, else none (the decision goes unsigned).
    pub fn resolve(given: Option<&str>) -> Option<(SigningKey, KeyOrigin)> {
        if let Some(text) = given.filter(|t| !t.trim().is_empty()) {
            return Some((SigningKey::parse(text), KeyOrigin::Given));
        }
        if git_config("gpg.format")?.trim() != "ssh" {
            return None;
        }
        let key = git_config("user.signingkey")?;
        Some((SigningKey::parse(&key), KeyOrigin::Git))
    }

    /// How the key is named in messages.
    pub fn describe(&self) -> String {
        match self {
            SigningKey::File(path) => path.display().to_string(),
            SigningKey::Inline(key) => {
                let mut parts = key.split_whitespace();
                let kind = parts.next().unwrap_or("key");
                let tail: String = parts.next().unwrap_or("").chars().rev().take(8).collect();
                format!(
                    "{kind} …{} (in ssh-agent)",
                    tail.chars().rev().collect::<String>()
                )
            }
        }
    }

    /// An armored SSHSIG of `message` in orca's namespace.
    pub fn sign(&self, message: &str) -> Result<String> {
        let inline_file;
        let (path, agent_only): (&Path, bool) = match self {
            SigningKey::File(path) => {
                if !path.exists() {
                    return Err(self.error(format!("no such file: {}", path.display())));
                }
                (path, false)
            }
            SigningKey::Inline(key) => {
                inline_file = tempfile::NamedTempFile::new()
                    .and_then(|mut f| writeln!(f, "{key}").map(|_| f))
                    .map_err(|e| self.error(format!("cannot write a temporary key file: {e}")))?;
                (inline_file.path(), true)
            }
        };
        let mut command = Command::new("ssh-keygen");
        command
            .args(["-q", "-Y", "sign", "-n", NAMESPACE, "-f"])
            .arg(path);
        if agent_only {
            command.arg("-U");
        }
        // stderr stays the terminal's: ssh-keygen may ask for a passphrase
        // or a touch of the security key there.
        let mut child = command
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::inherit())
            .spawn()
            .map_err(|e| self.error(format!("cannot run ssh-keygen: {e}")))?;
        if let Some(mut stdin) = child.stdin.take() {
            stdin
                .write_all(message.as_bytes())
                .map_err(|e| self.error(format!("cannot write to ssh-keygen: {e}")))?;
        }
        let output = child
            .wait_with_output()
            .map_err(|e| self.error(format!("ssh-keygen failed: {e}")))?;
        let signature = String::from_utf8_lossy(&output.stdout).to_string();
        if !output.status.success() || !signature.contains("BEGIN SSH SIGNATURE") {
            return Err(self.error(format!(
                "ssh-keygen -Y sign failed ({}; its message is above)",
                output.status
            )));
        }
        Ok(signature)
    }

    fn error(&self, message: String) -> Error {
        Error::Signing {
            key: self.describe(),
            message,
        }
    }
}

fn git_config(name: &str) -> Option<String> {
    let output = Command::new("git")
        .args(["config", "--get", name])
        .stderr(Stdio::null())
        .output()
        .ok()?;
    output
        .status
        .success()
        .then(|| String::from_utf8_lossy(&output.stdout).trim().to_string())
        .filter(|v| !v.is_empty())
}

fn expand_home(text: &str) -> PathBuf {
    match (text.strip_prefix("~/"), std::env::var_os("HOME")) {
        (Some(rest), Some(home)) => PathBuf::from(home).join(rest),
        _ => PathBuf::from(text),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn inline_keys_and_paths_are_told_apart() {
        assert_eq!(
            SigningKey::parse("key::ssh-ed25519 AAAA x"),
            SigningKey::Inline("ssh-ed25519 AAAA x".into())
        );
        assert_eq!(
            SigningKey::parse("ssh-ed25519 AAAA"),
            SigningKey::Inline("ssh-ed25519 AAAA".into())
        );
        assert_eq!(
            SigningKey::parse("ssh-keys/id_ed25519"),
            SigningKey::File("ssh-keys/id_ed25519".into())
        );
    }
}
