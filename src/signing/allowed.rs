//! git's allowed_signers file (`ssh-keygen(1)`, "ALLOWED SIGNERS"): who
//! owns which key. One entry per line:
//! `principals [options] keytype base64-key [comment]`; `principals` is a
//! comma-separated list of names or patterns (`*`, `?`, `!` to exclude);
//! options are `namespaces="…"`, `valid-after="…"`, `valid-before="…"`
//! (`YYYYMMDD[HHMM[SS]]`, read as UTC) and `cert-authority` (certificates are
//! not supported: such a line trusts nothing).

use std::time::{Duration, SystemTime, UNIX_EPOCH};

use serde::{Deserialize, Serialize};

/// One line of the file, as recorded in history when a gate opens.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AllowedSigner {
    pub principals: Vec<String>,
    /// `namespaces=`: the entry trusts the key only for these.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub namespaces: Option<Vec<String>>,
    /// Unix seconds.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub valid_after: Option<u64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub valid_before: Option<u64>,
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub cert_authority: bool,
    /// `keytype base64` (no comment).
    pub key: String,
    pub line: usize,
}

impl AllowedSigner {
    /// Whether `name` is one of this entry's principals.
    pub fn names(&self, name: &str) -> bool {
        let mut matched = false;
        for pattern in &self.principals {
            match pattern.strip_prefix('!') {
                Some(excluded) if glob(excluded, name) => return false,
                Some(_) => {}
                None => matched |= glob(pattern, name),
            }
        }
        matched
    }

    /// Why the entry does not trust its key at `at` for `namespace`, if so.
    pub fn not_valid(&self, namespace: &str, at: SystemTime) -> Option<String> {
        if let Some(namespaces) = &self.namespaces
            && !namespaces.iter().any(|n| glob(n, namespace))
        {
            return Some(format!(
                "its allowed_signers line {} is limited to namespaces {}",
                self.line,
                namespaces.join(",")
            ));
        }
        let secs = at.duration_since(UNIX_EPOCH).unwrap_or_default().as_secs();
        if let Some(after) = self.valid_after
            && secs < after
        {
            return Some(format!("it is valid only after {}", stamp(after)));
        }
        if let Some(before) = self.valid_before
            && secs >= before
        {
            return Some(format!("it expired at {} (valid-before)", stamp(before)));
        }
        None
    }
}

fn stamp(secs: u64) -> String {
    humantime::format_rfc3339_seconds(UNIX_EPOCH + Duration::from_secs(secs)).to_string()
}

/// Parses a whole file; an error names the line.
pub fn parse(text: &str) -> Result<Vec<AllowedSigner>, String> {
    let mut signers = Vec::new();
    for (index, line) in text.lines().enumerate() {
        let line = line.trim();
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        let signer = parse_line(line, index + 1).map_err(|e| format!("line {}: {e}", index + 1))?;
        signers.push(signer);
    }
    Ok(signers)
}

fn parse_line(line: &str, number: usize) -> Result<AllowedSigner, String> {
    let mut tokens = tokens(line).into_iter();
    let principals = tokens.next().ok_or("no principals")?;
    let mut next = tokens.next().ok_or("no key")?;
    let mut signer = AllowedSigner {
        principals: principals.split(',').map(str::to_string).collect(),
        namespaces: None,
        valid_after: None,
        valid_before: None,
        cert_authority: false,
        key: String::new(),
        line: number,
    };
    if !is_key_type(&next) {
        options(&next, &mut signer)?;
        next = tokens.next().ok_or("no key after the options")?;
    }
    let base64 = tokens.next().ok_or("the key has no base64 part")?;
    let key = format!("{next} {base64}");
    ssh_key::PublicKey::from_openssh(&key).map_err(|e| format!("not a public key: {e}"))?;
    signer.key = key;
    Ok(signer)
}

fn is_key_type(token: &str) -> bool {
    ["ssh-", "ecdsa-", "sk-", "rsa-"]
        .iter()
        .any(|p| token.starts_with(p))
}

fn options(text: &str, signer: &mut AllowedSigner) -> Result<(), String> {
    for option in split_outside_quotes(text, ',') {
        let (name, value) = match option.split_once('=') {
            Some((name, value)) => (name, Some(value.trim_matches('"'))),
            None => (option.as_str(), None),
        };
        match (name.to_ascii_lowercase().as_str(), value) {
            ("cert-authority", None) => signer.cert_authority = true,
            ("namespaces", Some(v)) => {
                signer.namespaces = Some(v.split(',').map(str::to_string).collect())
            }
            ("valid-after", Some(v)) => signer.valid_after = Some(date(v)?),
            ("valid-before", Some(v)) => signer.valid_before = Some(date(v)?),
            _ => return Err(format!("unknown option `{option}`")),
        }
    }
    Ok(())
}

/// `YYYYMMDD`, `YYYYMMDDHHMM` or `YYYYMMDDHHMMSS`, optionally ending in `Z`.
fn date(text: &str) -> Result<u64, String> {
    let digits = text.strip_suffix(['Z', 'z']).unwrap_or(text);
    let bad = || format!("`{text}` is not YYYYMMDD[HHMM[SS]][Z]");
    if !digits.bytes().all(|b| b.is_ascii_digit()) || ![8, 12, 14].contains(&digits.len()) {
        return Err(bad());
    }
    let part = |from: usize, to: usize| digits.get(from..to).unwrap_or("00");
    let rfc3339 = format!(
        "{}-{}-{}T{}:{}:{}Z",
        part(0, 4),
        part(4, 6),
        part(6, 8),
        part(8, 10),
        part(10, 12),
        part(12, 14)
    );
    let time = humantime::parse_rfc3339(&rfc3339).map_err(|_| bad())?;
    Ok(time
        .duration_since(UNIX_EPOCH)
        .unwrap_or_default()
        .as_secs())
}

/// Whitespace-separated tokens; double quotes keep spaces together.
fn tokens(line: &str) -> Vec<String> {
    split_outside_quotes(line, ' ')
        .into_iter()
        .flat_map(|t| {
            split_outside_quotes(&t, '\t')
                .into_iter()
                .filter(|t| !t.is_empty())
                .collect::<Vec<_>>()
        })
        .map(
            |t| match t.strip_prefix('"').and_then(|t| t.strip_suffix('"')) {
                Some(inner) if !inner.contains('"') => inner.to_string(),
                _ => t,
            },
        )
        .collect()
}

fn split_outside_quotes(text: &str, separator: char) -> Vec<String> {
    let mut parts = vec![String::new()];
    let mut quoted = false;
    for c in text.chars() {
        match c {
            '"' => {
                quoted = !quoted;
                parts.last_mut().expect("one part").push(c);
            }
            c if c == separator && !quoted => parts.push(String::new()),
            c => parts.last_mut().expect("one part").push(c),
        }
    }
    parts.retain(|p| !p.is_empty());
    parts
}

/// `*` any run of characters, `?` one character (as ssh's match_pattern).
fn glob(pattern: &str, text: &str) -> bool {
    let (p, t): (Vec<char>, Vec<char>) = (pattern.chars().collect(), text.chars().collect());
    let (mut pi, mut ti, mut star, mut mark) = (0, 0, None, 0);
    while ti < t.len() {
        if pi < p.len() && (p[pi] == '?' || p[pi] == t[ti]) {
            pi += 1;
            ti += 1;
        } else if pi < p.len() && p[pi] == '*' {
            star = Some(pi);
            mark = ti;
            pi += 1;
        } else if let Some(s) = star {
            pi = s + 1;
            mark += 1;
            ti = mark;
        } else {
            return false;
        }
    }
    p[pi..].iter().all(|&c| c == '*')
}

#[cfg(test)]
mod tests {
    use super::*;

    const KEY: &str =
        "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIDm2sxSujytXu8Tf7DPa9YMZ4xqJXAWQVW0Dh/F2U2tL";

    #[test]
    fn a_plain_line_names_its_principals() {
        let signers = parse(&format!("# team\n\nalice,bob@example.com {KEY} laptop\n")).unwrap();
        assert_eq!(signers.len(), 1);
        assert_eq!(signers[0].line, 3);
        assert_eq!(signers[0].key, KEY);
        assert!(signers[0].names("alice") && signers[0].names("bob@example.com"));
        assert!(!signers[0].names("carol"));
    }

    #[test]
    fn options_limit_namespaces_and_time() {
        let line = format!(
            "\"*@example.com,!eve@example.com\" namespaces=\"git,orca-approval\",valid-after=\"20260101\",valid-before=\"202701011200Z\" {KEY}"
        );
        let signer = &parse(&line).unwrap()[0];
        assert!(signer.names("alice@example.com") && !signer.names("eve@example.com"));
        let at = |rfc: &str| humantime::parse_rfc3339(rfc).unwrap();
        assert_eq!(
            signer.not_valid("orca-approval", at("2026-06-01T00:00:00Z")),
            None
        );
        assert!(
            signer
                .not_valid("file", at("2026-06-01T00:00:00Z"))
                .is_some()
        );
        assert!(
            signer
                .not_valid("orca-approval", at("2025-12-31T23:59:59Z"))
                .unwrap()
                .contains("only after 2026-01-01T00:00:00Z")
        );
        assert!(
            signer
                .not_valid("orca-approval", at("2027-01-01T12:00:00Z"))
                .unwrap()
                .contains("expired at 2027-01-01T12:00:00Z")
        );
    }

    #[test]
    fn a_bad_line_is_named() {
        let error = parse(&format!("alice {KEY}\nbob ssh-ed25519 nonsense\n")).unwrap_err();
        assert!(error.starts_with("line 2: not a public key"), "{error}");
        assert!(parse("alice\n").unwrap_err().starts_with("line 1: no key"));
        let unknown = parse(&format!("alice frobnicate {KEY}")).unwrap_err();
        assert!(unknown.contains("unknown option `frobnicate`"), "{unknown}");
        assert!(parse(&format!("alice valid-before=\"2026\" {KEY}")).is_err());
    }

    #[test]
    fn globs_match_like_ssh() {
        assert!(glob("*", "anything"));
        assert!(glob("a?c", "abc") && !glob("a?c", "ac"));
        assert!(glob("*@example.com", "x@example.com") && !glob("*@example.com", "x@example.org"));
    }
}
