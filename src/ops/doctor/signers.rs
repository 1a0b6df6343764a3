//! The allowed signers file named here (`--allowed-signers`,
//! `ORCA_ALLOWED_SIGNERS`), read as a worker reads it: a line the worker
//! would refuse at start is a failure here, named by its line.

use std::path::Path;

use super::{Check, CheckName, State};
use crate::signing::allowed;

pub(super) fn check(path: Option<&Path>) -> Check {
    let name = CheckName::AllowedSigners;
    let Some(path) = path else {
        let finding = "none named (--allowed-signers, ORCA_ALLOWED_SIGNERS): decisions are not checked against keys";
        return Check::new(name, State::Skipped, finding);
    };
    let shown = path.display();
    let text = match std::fs::read_to_string(path) {
        Ok(text) => text,
        Err(error) => {
            return Check::new(
                name,
                State::Failed,
                format!("{shown} cannot be read: {error}"),
            )
            .with_fix("check the path (--allowed-signers, ORCA_ALLOWED_SIGNERS)");
        }
    };
    match allowed::parse(&text) {
        Ok(signers) if signers.is_empty() => {
            Check::new(name, State::Warn, format!("{shown} lists no key: no signature verifies"))
                .with_fix("one line per person: NAME ssh-ed25519 AAAA… (git's allowed_signers format)")
        }
        Ok(signers) => {
            let mut principals: Vec<&str> = signers
                .iter()
                .flat_map(|s| s.principals.iter().map(String::as_str))
                .collect();
            principals.sort_unstable();
            principals.dedup();
            let keys = match signers.len() {
                1 => "1 key".to_string(),
                n => format!("{n} keys"),
            };
            let finding = format!("{shown}: {keys} for {}", principals.join(", "));
            Check::new(name, State::Ok, finding)
        }
        Err(problem) => Check::new(name, State::Failed, format!("{shown}: {problem}")).with_fix(
            "fix that line: NAME [options] KEYTYPE BASE64 (git's allowed_signers format, ssh-keygen(1))",
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `text` written to a file of its own, checked.
    fn checked(text: &str) -> Check {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("allowed_signers");
        std::fs::write(&path, text).unwrap();
        check(Some(&path))
    }

    const KEY: &str =
        "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIHZ6HxNlfezc4FAZaC3xFoIl2sfgmCAnDupKr2NXKg3s";

    #[test]
    fn no_file_named_is_skipped() {
        assert_eq!(check(None).state, State::Skipped);
    }

    #[test]
    fn a_line_a_worker_would_refuse_fails_by_its_number() {
        let failed = checked("alice ssh-ed25519 not-base64\n");
        assert_eq!(failed.state, State::Failed);
        assert!(failed.finding.contains("line 1"), "{}", failed.finding);
    }

    #[test]
    fn a_missing_file_fails() {
        let dir = tempfile::tempdir().unwrap();
        let missing = check(Some(&dir.path().join("missing")));
        assert_eq!(missing.state, State::Failed);
    }

    #[test]
    fn a_good_file_names_its_keys_and_principals() {
        let ok = checked(&format!("bob,alice {KEY}\ncarol {KEY} laptop\n"));
        assert_eq!(ok.state, State::Ok);
        assert!(
            ok.finding.ends_with(": 2 keys for alice, bob, carol"),
            "{}",
            ok.finding
        );
    }

    #[test]
    fn a_file_with_no_key_warns() {
        assert_eq!(checked("# nobody yet\n").state, State::Warn);
    }
}
