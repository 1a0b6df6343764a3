//! README "Connecting: TLS, mTLS, API keys" runs as written: each shell
//! block after a `<!-- readme-test: GUARD -->` marker is run by bash in a
//! bed with that guard, `temporal.example.com:7233` standing for the proxy.

use std::process::Command;

use super::*;

/// The marked blocks of the README, in order: (guard, script).
fn blocks() -> Vec<(Guard, String)> {
    let readme = include_str!("../../README.md");
    let mut blocks = Vec::new();
    for (start, _) in readme.match_indices("<!-- readme-test: ") {
        let rest = &readme[start..];
        let marker = &rest["<!-- readme-test: ".len()..];
        let guard = match &marker[..marker.find(' ').expect("marker ends")] {
            "tls" => Guard::Tls,
            "mtls" => Guard::MutualTls,
            "api-key" => Guard::ApiKey(KEY.into()),
            other => panic!("unknown readme-test guard `{other}`"),
        };
        let body = &rest[rest.find("```sh\n").expect("a sh block follows") + 6..];
        let script = &body[..body.find("```").expect("the block ends")];
        blocks.push((guard, script.to_string()));
    }
    blocks
}

/// Runs block `index` as a user would, from the directory holding the
/// bed's `ca.pem`, `client.pem`, `client.key` and `api-key.txt`.
fn run_block(index: usize) {
    let (guard, script) = blocks().swap_remove(index);
    let bed = Bed::new(guard);
    std::fs::write(bed.env.path("api-key.txt"), KEY).unwrap();
    let script = script.replace("temporal.example.com:7233", &bed.proxy.address());
    let bin_dirs = [std::path::Path::new(ORCA), &temporal_bin()]
        .map(|bin| bin.parent().expect("a directory").display().to_string());
    let path = format!(
        "{}:{}",
        bin_dirs.join(":"),
        std::env::var("PATH").unwrap_or_default()
    );
    let mut command = Command::new("bash");
    isolate(&mut command, &bed.env.dir);
    command
        .current_dir(bed.env.dir.path())
        .env("PATH", path)
        .env("TEMPORAL_TLS_SERVER_NAME", NAME)
        .args(["-euo", "pipefail", "-c", &script]);
    let done = Run { command }.code(0);
    assert_no_key(
        "the README block",
        &format!("{}{}", done.stdout, done.stderr),
    );
}

#[test]
fn the_readme_has_the_blocks_these_tests_run() {
    assert_eq!(
        blocks().len(),
        4,
        "a block was added or removed: give it a test"
    );
}

#[test]
fn the_readme_tls_block_runs() {
    run_block(0);
}

#[test]
fn the_readme_mtls_block_runs() {
    run_block(1);
}

#[test]
fn the_readme_profile_block_runs() {
    run_block(2);
}

#[test]
fn the_readme_api_key_block_runs() {
    run_block(3);
}
