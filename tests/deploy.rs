//! The shipped systemd unit is valid, runs the real binary with flags it
//! accepts, and gives a graceful stop more time than the worker's grace period.

use std::process::Command;

use crate::common::*;

fn unit() -> String {
    std::fs::read_to_string("deploy/orca-worker.service").expect("deploy/orca-worker.service")
}

fn value<'a>(unit: &'a str, key: &str) -> &'a str {
    unit.lines()
        .find_map(|l| l.strip_prefix(&format!("{key}=")))
        .unwrap_or_else(|| panic!("no {key}= in the unit"))
}

#[test]
fn the_systemd_unit_verifies() {
    let env = Env::offline();
    let envfile = env.write("worker.env", "TEMPORAL_ADDRESS=127.0.0.1:7233\n");
    let text = unit()
        .replace("/usr/local/bin/orca", ORCA)
        .replace("/etc/orca/worker.env", envfile.to_str().unwrap())
        .replace(
            "WorkingDirectory=/var/lib/orca",
            &format!("WorkingDirectory={}", env.dir.path().display()),
        );
    let path = env.write("orca-worker.service", &text);
    let out = Command::new("systemd-analyze")
        .arg("verify")
        .arg(&path)
        .output()
        .expect("systemd-analyze (Debian package `systemd`; `just setup` installs it)");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        out.status.success(),
        "systemd-analyze verify failed:\n{stderr}"
    );
    assert!(
        !stderr.contains("orca-worker.service:"),
        "warnings about the unit:\n{stderr}"
    );
}

#[test]
fn the_unit_runs_flags_orca_accepts_and_stops_gracefully() {
    let unit = unit();
    let exec = value(&unit, "ExecStart");
    let mut words = exec.split_whitespace().skip(1);
    let args: Vec<&str> = words.by_ref().collect();
    let done = Command::new(ORCA)
        .args(&args)
        .arg("--help")
        .output()
        .unwrap();
    assert!(
        done.status.success(),
        "`orca {}` is not a valid command line",
        args.join(" ")
    );

    let grace = args
        .windows(2)
        .find(|w| w[0] == "--shutdown-grace")
        .map(|w| humantime::parse_duration(w[1]).unwrap())
        .expect("the unit sets --shutdown-grace");
    let stop = humantime::parse_duration(value(&unit, "TimeoutStopSec")).unwrap();
    assert!(
        stop > grace,
        "TimeoutStopSec ({stop:?}) must exceed --shutdown-grace ({grace:?})"
    );
    assert_eq!(value(&unit, "KillSignal"), "SIGTERM");
}
