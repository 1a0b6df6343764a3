//! Verifying a signature in pure Rust (no subprocess: this runs inside
//! workflow code, in the update validator and handler, and in `orca verify`).

use std::time::{Duration, SystemTime};

use ssh_key::{HashAlg, PublicKey, SshSig};

use super::{AllowedSigner, NAMESPACE, Signed};
use crate::human::short_duration;

/// A signature that verified: by whom, with which key.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Verified {
    pub principal: String,
    /// `SHA256:…`, as `ssh-keygen -l` prints it.
    pub fingerprint: String,
}

/// Checks that `signed.signature` is a valid `orca-approval` signature of
/// `signed.message`, made with a key that `signers` lists for `principal`
/// and that is valid at `at`. The error says why not, in words.
pub fn verify(
    signed: &Signed,
    principal: &str,
    signers: &[AllowedSigner],
    at: SystemTime,
) -> Result<Verified, String> {
    let signature = SshSig::from_pem(signed.signature.trim())
        .map_err(|e| format!("the signature is not an SSH signature ({e})"))?;
    if signature.namespace() != NAMESPACE {
        return Err(format!(
            "the signature is for namespace `{}`, not `{NAMESPACE}`",
            signature.namespace()
        ));
    }
    let key = PublicKey::from(signature.public_key().clone());
    let fingerprint = key.fingerprint(HashAlg::Sha256).to_string();
    // Listed first: a key nobody trusts costs no signature check.
    let listed: Vec<&AllowedSigner> = signers
        .iter()
        .filter(|s| !s.cert_authority && same_key(&s.key, &key))
        .collect();
    if listed.is_empty() {
        return Err(format!("key {fingerprint} is not in the allowed signers"));
    }
    key.verify(NAMESPACE, signed.message.as_bytes(), &signature)
        .map_err(|_| {
            format!("the signature by key {fingerprint} does not match the message: it was altered")
        })?;
    let theirs: Vec<&&AllowedSigner> = listed.iter().filter(|s| s.names(principal)).collect();
    if theirs.is_empty() {
        let owners: Vec<&str> = listed
            .iter()
            .flat_map(|s| s.principals.iter().map(String::as_str))
            .collect();
        return Err(format!(
            "key {fingerprint} is not {principal}'s (allowed signers list it for {})",
            owners.join(", ")
        ));
    }
    let mut why = None;
    for signer in theirs {
        match signer.not_valid(NAMESPACE, at) {
            None => {
                return Ok(Verified {
                    principal: principal.to_string(),
                    fingerprint,
                });
            }
            Some(reason) => why = Some(reason),
        }
    }
    Err(format!(
        "key {fingerprint} of {principal} is not trusted now: {}",
        why.unwrap_or_default()
    ))
}

fn same_key(listed: &str, key: &PublicKey) -> bool {
    PublicKey::from_openssh(listed).is_ok_and(|k| k.key_data() == key.key_data())
}

/// "signed 3h ago; the window is 10m", or in the future by more than it.
pub fn stale(signed_at: SystemTime, now: SystemTime, window: Duration) -> Result<(), String> {
    match now.duration_since(signed_at) {
        Ok(age) if age > window => Err(format!(
            "signed {} ago; the window is {}",
            short_duration(age),
            short_duration(window)
        )),
        Err(ahead) if ahead.duration() > window => Err(format!(
            "signed {} in the future; the window is {} (is a clock wrong?)",
            short_duration(ahead.duration()),
            short_duration(window)
        )),
        _ => Ok(()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::signing::allowed;

    /// A key made by ssh-keygen, and `message` signed with it in `namespace`.
    fn signed(message: &str, namespace: &str) -> (Signed, String) {
        use std::{io::Write, process::Command};
        let dir = tempfile::tempdir().unwrap();
        let key = dir.path().join("k");
        let made = Command::new("ssh-keygen")
            .args(["-q", "-t", "ed25519", "-N", "", "-f"])
            .arg(&key)
            .status()
            .unwrap();
        assert!(made.success());
        let mut child = Command::new("ssh-keygen")
            .args(["-q", "-Y", "sign", "-n", namespace, "-f"])
            .arg(&key)
            .stdin(std::process::Stdio::piped())
            .stdout(std::process::Stdio::piped())
            .spawn()
            .unwrap();
        child
            .stdin
            .take()
            .unwrap()
            .write_all(message.as_bytes())
            .unwrap();
        let signature = String::from_utf8(child.wait_with_output().unwrap().stdout).unwrap();
        let public = std::fs::read_to_string(dir.path().join("k.pub")).unwrap();
        let line: Vec<&str> = public.split_whitespace().take(2).collect();
        let signed = Signed {
            message: message.to_string(),
            signature,
        };
        (signed, line.join(" "))
    }

    fn now() -> SystemTime {
        SystemTime::now()
    }

    #[test]
    fn a_listed_key_verifies_for_its_principal_only() {
        let (signed, key) = signed("hello\n", NAMESPACE);
        let signers = allowed::parse(&format!("alice {key}\n")).unwrap();
        let verified = verify(&signed, "alice", &signers, now()).unwrap();
        assert!(verified.fingerprint.starts_with("SHA256:"));
        let bob = verify(&signed, "bob", &signers, now()).unwrap_err();
        assert!(
            bob.contains("is not bob's (allowed signers list it for alice)"),
            "{bob}"
        );
    }

    #[test]
    fn an_altered_message_or_an_unlisted_key_does_not_verify() {
        let (mut signed, key) = signed("hello\n", NAMESPACE);
        let (_, other) = super::tests::signed("x\n", NAMESPACE);
        let strangers = allowed::parse(&format!("alice {other}\n")).unwrap();
        let unlisted = verify(&signed, "alice", &strangers, now()).unwrap_err();
        assert!(
            unlisted.contains("is not in the allowed signers"),
            "{unlisted}"
        );
        signed.message = "hellO\n".into();
        let signers = allowed::parse(&format!("alice {key}\n")).unwrap();
        let altered = verify(&signed, "alice", &signers, now()).unwrap_err();
        assert!(altered.contains("it was altered"), "{altered}");
    }

    #[test]
    fn a_signature_for_another_namespace_is_refused() {
        let (signed, key) = signed("hello\n", "git");
        let signers = allowed::parse(&format!("alice {key}\n")).unwrap();
        let error = verify(&signed, "alice", &signers, now()).unwrap_err();
        assert!(error.contains("namespace `git`"), "{error}");
    }

    #[test]
    fn an_entry_limited_to_other_namespaces_does_not_trust_the_key() {
        let (signed, key) = signed("hello\n", NAMESPACE);
        let signers = allowed::parse(&format!("alice namespaces=\"git\" {key}\n")).unwrap();
        let error = verify(&signed, "alice", &signers, now()).unwrap_err();
        assert!(error.contains("limited to namespaces git"), "{error}");
    }

    #[test]
    fn signing_time_is_checked_both_ways() {
        let now = humantime::parse_rfc3339("2026-11-26T12:00:00Z").unwrap();
        let window = Duration::from_secs(600);
        assert!(stale(now - Duration::from_secs(599), now, window).is_ok());
        let old = stale(now - Duration::from_secs(3 * 3600), now, window).unwrap_err();
        assert_eq!(old, "signed 3h ago; the window is 10m");
        let ahead = stale(now + Duration::from_secs(3600), now, window).unwrap_err();
        assert!(ahead.starts_with("signed 1h in the future"), "{ahead}");
    }
}
