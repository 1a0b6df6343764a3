//! Signed decisions and starts: who decided, proven by their SSH key.
//!
//! A client signs a short text message (`message`) with `ssh-keygen -Y sign`
//! (`sign`, client side only); the workflow verifies it in pure Rust
//! (`verify`) against the keys the *worker* trusts (`allowed`, git's
//! allowed_signers format). README "Verified approvals" is the user's view;
//! "The workflow contract" documents the message for other clients.

pub mod allowed;
pub mod bound;
pub mod message;
pub mod sign;
pub mod verify;

use serde::{Deserialize, Serialize};
use serde_json::Value;
use sha2::{Digest, Sha256};

pub use allowed::AllowedSigner;
pub use message::{DecisionMessage, StartMessage};

/// The SSHSIG namespace of every orca signature: a signature made for git
/// (`git`) or for files (`file`) is never taken for an approval.
pub const NAMESPACE: &str = "orca-approval";

/// How a start message names a schedule instead of one workflow ID.
pub const SCHEDULE_PREFIX: &str = "schedule:";

/// A signed message as a request carries it: the exact text that was
/// signed and the armored SSHSIG (`-----BEGIN SSH SIGNATURE-----`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Signed {
    pub message: String,
    pub signature: String,
}

/// Lower-case hex SHA-256 of some bytes.
pub fn sha256_hex(bytes: &[u8]) -> String {
    hex::encode(Sha256::digest(bytes))
}

/// JSON with object keys sorted and no whitespace (Python:
/// `json.dumps(v, sort_keys=True, separators=(",", ":"), ensure_ascii=False)`),
/// so a digest of data does not depend on who serialised it.
pub fn canonical_json(value: &Value) -> String {
    match value {
        Value::Object(map) => {
            let mut keys: Vec<&String> = map.keys().collect();
            keys.sort();
            let fields: Vec<String> = keys
                .into_iter()
                .map(|k| format!("{}:{}", Value::String(k.clone()), canonical_json(&map[k])))
                .collect();
            format!("{{{}}}", fields.join(","))
        }
        Value::Array(items) => {
            let items: Vec<String> = items.iter().map(canonical_json).collect();
            format!("[{}]", items.join(","))
        }
        scalar => scalar.to_string(),
    }
}

/// How a start message names its pipeline: the name, or
/// `inline-sha256:HEX` of an inline spec's canonical JSON.
pub fn pipeline_label(pipeline: &Value) -> String {
    match pipeline {
        Value::String(name) => name.clone(),
        spec => format!(
            "inline-sha256:{}",
            sha256_hex(canonical_json(spec).as_bytes())
        ),
    }
}

/// The digest of a start's input (its canonical JSON).
pub fn input_digest(input: &serde_json::Map<String, Value>) -> String {
    sha256_hex(canonical_json(&Value::Object(input.clone())).as_bytes())
}

/// The digest of a decision's comment (absent = empty).
pub fn comment_digest(comment: Option<&str>) -> String {
    sha256_hex(comment.unwrap_or("").as_bytes())
}

/// The digest of the data a decision carries besides its comment (none
/// yet: `{}`), so data added later is covered without a new format.
pub fn data_digest(data: &Value) -> String {
    sha256_hex(canonical_json(data).as_bytes())
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn canonical_json_sorts_keys_at_every_depth() {
        let value = json!({"b": [1, {"z": true, "a": null}], "a": "é\"x"});
        assert_eq!(
            canonical_json(&value),
            r#"{"a":"é\"x","b":[1,{"a":null,"z":true}]}"#
        );
    }

    #[test]
    fn digests_are_hex_sha256() {
        assert_eq!(
            comment_digest(None),
            "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"
        );
        assert_eq!(data_digest(&json!({})), sha256_hex(b"{}"));
    }
}
