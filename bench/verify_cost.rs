//! `just bench`: what verifying one signed decision costs inside the
//! workflow (parse the message, check the SSHSIG against the allowed
//! signers, compare the bound fields), per key type. Keys and signatures
//! are made by `ssh-keygen`, as a client makes them. Prints one JSON line:
//! `{"ed25519": MEDIAN_US, "ecdsa": …, "rsa": …}`.

use std::{
    process::Command,
    time::{Instant, SystemTime},
};

use orca::{
    engine::status::Act,
    signing::{
        DecisionMessage, Signed, allowed, bound::DecisionAt, message::now_seconds,
        sign::SigningKey, verify::verify,
    },
};

const ROUNDS: usize = 2000;

fn main() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut medians = serde_json::Map::new();
    for kind in ["ed25519", "ecdsa", "rsa"] {
        let key = dir.path().join(kind);
        let made = Command::new("ssh-keygen")
            .args(["-q", "-t", kind, "-N", "", "-f"])
            .arg(&key)
            .status()
            .expect("ssh-keygen");
        assert!(made.success());
        let public = std::fs::read_to_string(format!("{}.pub", key.display())).unwrap();
        let line: Vec<&str> = public.split_whitespace().take(2).collect();
        let signers = allowed::parse(&format!("alice {}\n", line.join(" "))).unwrap();
        let at = DecisionAt {
            workflow_id: "bench",
            run_id: "run",
            gate: "gate",
            opening: 1,
        };
        // A decision without fields covers `{}`, as `orca approve` sends it.
        let message = DecisionMessage::new(
            at,
            Act::Approve,
            "alice",
            Some("ship it"),
            &serde_json::json!({}),
            now_seconds(),
        )
        .render();
        // Signed the way `orca approve --signing-key` signs.
        let signature = SigningKey::File(key.clone()).sign(&message).unwrap();
        let signed = Signed { signature, message };
        let mut took = Vec::with_capacity(ROUNDS);
        for _ in 0..ROUNDS {
            let began = Instant::now();
            let parsed = DecisionMessage::parse(&signed.message).unwrap();
            verify(&signed, "alice", &signers, parsed.signed_at).unwrap();
            assert!(parsed.signed_at <= SystemTime::now());
            took.push(began.elapsed().as_secs_f64() * 1e6);
        }
        took.sort_by(f64::total_cmp);
        medians.insert(kind.into(), took[ROUNDS / 2].into());
    }
    println!("{}", serde_json::Value::Object(medians));
}
