//! `orca doctor`: a Python setup's "Troubleshooting" section as one
//! command. Each check finds one thing (the settings in force, the server,
//! TLS, the namespace, the search attributes, the workers, stuck runs, the
//! clock, the allowed signers) and, when it is wrong, says the fix. A check
//! that needs what an earlier one found missing is skipped, not failed:
//! one cause is reported once.
//!
//! `server.rs`: connecting, the version, the namespace, the search
//! attributes; `tls.rs`: the server certificate's expiry; `workers.rs`: who
//! polls the task queues; `stuck.rs`: open runs that do not move;
//! `clock.rs`: this machine's clock against the server's; `signers.rs`:
//! the allowed signers file; `explain.rs`: `--run ID`, where one run waits
//! and why; `text.rs`: a check as lines of text.

mod clock;
pub mod explain;
mod server;
mod signers;
mod stuck;
pub mod text;
mod tls;
mod workers;

use std::path::PathBuf;

use serde::Serialize;

use crate::{
    Error, Result,
    client::Orca,
    config::{Settings, source::Sources},
    output::{Tone, Toned},
};

/// What a check found.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum State {
    Ok,
    /// Works now, but will not for long (a certificate about to expire)
    /// or could not be told precisely. Not a failure: exit 0.
    Warn,
    Failed,
    /// Not applicable (TLS off, no signers file) or not checkable (an
    /// earlier check failed, no permission).
    Skipped,
}

impl Toned for State {
    fn word(&self) -> &str {
        match self {
            State::Ok => "✓",
            State::Warn => "!",
            State::Failed => "✗",
            State::Skipped => "–",
        }
    }

    fn tone(&self) -> Tone {
        match self {
            State::Ok => Tone::Good,
            State::Warn => Tone::Waiting,
            State::Failed => Tone::Bad,
            State::Skipped => Tone::Plain,
        }
    }
}

/// The checks, in the order they run and are shown.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum CheckName {
    Settings,
    Server,
    Tls,
    Namespace,
    SearchAttributes,
    Workers,
    CommandWorkers,
    StuckRuns,
    Clock,
    AllowedSigners,
}

impl CheckName {
    pub const ALL: [CheckName; 10] = [
        CheckName::Settings,
        CheckName::Server,
        CheckName::Tls,
        CheckName::Namespace,
        CheckName::SearchAttributes,
        CheckName::Workers,
        CheckName::CommandWorkers,
        CheckName::StuckRuns,
        CheckName::Clock,
        CheckName::AllowedSigners,
    ];

    pub fn label(self) -> &'static str {
        match self {
            CheckName::Settings => "settings",
            CheckName::Server => "server",
            CheckName::Tls => "TLS",
            CheckName::Namespace => "namespace",
            CheckName::SearchAttributes => "search attributes",
            CheckName::Workers => "workers",
            CheckName::CommandWorkers => "command steps",
            CheckName::StuckRuns => "stuck runs",
            CheckName::Clock => "clock",
            CheckName::AllowedSigners => "allowed signers",
        }
    }
}

/// One check's result: `-o json`'s `checks[]` (README "orca doctor").
#[derive(Debug, Clone, Serialize)]
pub struct Check {
    pub name: CheckName,
    /// False only when the check failed (a warning or a skip is not).
    pub ok: bool,
    pub state: State,
    pub finding: String,
    /// What to run or set, when the check failed or warns.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub fix: Option<String>,
    /// More lines: each worker, each stuck run.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub details: Vec<String>,
    /// The exit code of the error that failed it, when an error did: one
    /// a command would exit 6 for is doctor's exit code too.
    #[serde(skip)]
    pub exit: Option<u8>,
}

impl Check {
    pub fn new(name: CheckName, state: State, finding: impl Into<String>) -> Check {
        Check {
            name,
            ok: state != State::Failed,
            state,
            finding: finding.into(),
            fix: None,
            details: Vec::new(),
            exit: None,
        }
    }

    pub fn with_fix(mut self, fix: impl Into<String>) -> Check {
        self.fix = Some(fix.into());
        self
    }

    pub fn with_details(mut self, details: Vec<String>) -> Check {
        self.details = details;
        self
    }

    /// A failure said as orca says the error, its hint as the fix.
    fn from_error(name: CheckName, error: &Error) -> Check {
        let mut check = Check::new(name, State::Failed, error.to_string());
        check.exit = Some(error.code());
        match error.hint() {
            Some(hint) => check.with_fix(hint),
            None => check,
        }
    }
}

/// Everything `orca doctor` found: `-o json`.
#[derive(Debug, Serialize)]
pub struct Report {
    /// True when no check failed.
    pub ok: bool,
    /// Each setting in force and where it came from (empty when the
    /// settings could not be resolved: the `settings` check says why).
    pub settings: Sources,
    pub checks: Vec<Check>,
}

impl Report {
    pub fn failed(&self) -> usize {
        self.checks
            .iter()
            .filter(|c| c.state == State::Failed)
            .count()
    }

    /// How doctor ends: fine when no check failed; else exit 6 when any
    /// check failed as a command exits 6 (whichever check: the server may
    /// go away, or refuse a call, after the first connect), 1 otherwise.
    pub fn verdict(&self) -> Result<()> {
        let unreachable = self
            .checks
            .iter()
            .any(|c| c.state == State::Failed && c.exit == Some(crate::error::exit::UNREACHABLE));
        match self.failed() {
            0 => Ok(()),
            failed => Err(Error::DoctorFound {
                failed,
                unreachable,
            }),
        }
    }
}

/// What the checks need besides the connection settings.
#[derive(Debug, Clone, Default)]
pub struct Options {
    /// `--allowed-signers` / `ORCA_ALLOWED_SIGNERS`.
    pub allowed_signers: Option<PathBuf>,
}

/// Runs every check. `settings` is what resolving them (traced) gave: an
/// error there is the first finding, and nothing that needs a server is tried.
pub async fn examine(settings: Result<(Settings, Sources)>, options: &Options) -> Report {
    let signers = signers::check(options.allowed_signers.as_deref());
    let mut checks = Vec::new();
    let (settings, sources) = match settings {
        Ok(traced) => traced,
        Err(error) => {
            checks.push(Check::from_error(CheckName::Settings, &error));
            return finish(Sources::new(), checks, signers);
        }
    };
    checks.push(settings_found(&settings));
    let orca = match Orca::connect(settings.clone()).await {
        Ok(orca) => orca,
        Err(error) => {
            checks.push(Check::from_error(CheckName::Server, &error));
            return finish(sources, checks, signers);
        }
    };
    checks.push(server::version(&orca).await);
    checks.push(tls::certificate(&settings).await);
    let namespace = server::namespace(&orca).await;
    let namespace_ok = namespace.state == State::Ok;
    checks.push(namespace);
    if namespace_ok {
        checks.extend(in_namespace(&orca).await);
    }
    finish(sources, checks, signers)
}

/// The checks that read the namespace.
async fn in_namespace(orca: &Orca) -> Vec<Check> {
    let mut checks = vec![server::search_attributes(orca).await];
    let fleet = workers::fleet(orca).await;
    checks.push(fleet.workers_check(&orca.settings));
    checks.push(fleet.commands_check(&orca.settings));
    checks.push(stuck::check(orca, &fleet).await);
    checks.push(clock::check(orca).await);
    checks
}

/// The report: the checks made, the ones not made marked skipped (after
/// whichever earlier check they needed), the signers file last.
fn finish(settings: Sources, mut checks: Vec<Check>, signers: Check) -> Report {
    let blocker = checks
        .iter()
        .rfind(|c| c.state == State::Failed)
        .map(|c| c.name.label());
    for name in CheckName::ALL {
        if name == CheckName::AllowedSigners || checks.iter().any(|c| c.name == name) {
            continue;
        }
        let why = match blocker {
            Some(label) => format!("not checked: needs the {label} check to pass"),
            None => "not checked".into(),
        };
        checks.push(Check::new(name, State::Skipped, why));
    }
    checks.push(signers);
    let mut report = Report {
        ok: false,
        settings,
        checks,
    };
    report.ok = report.failed() == 0;
    report
}

/// The settings resolved: where orca connects, in one line (the table of
/// sources is shown beside it).
fn settings_found(settings: &Settings) -> Check {
    let tls = match settings.connection.tls_options.is_some() {
        true => "TLS",
        false => "plaintext",
    };
    Check::new(
        CheckName::Settings,
        State::Ok,
        format!(
            "{} ({tls}), namespace {}, task queue {}",
            settings.address, settings.namespace, settings.task_queue
        ),
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::error::exit;

    fn report(checks: Vec<Check>) -> Report {
        Report {
            ok: false,
            settings: Sources::new(),
            checks,
        }
    }

    fn ok(name: CheckName) -> Check {
        Check::new(name, State::Ok, "fine")
    }

    fn exit_code(report: &Report) -> u8 {
        report.verdict().map_or_else(|e| e.code(), |()| exit::OK)
    }

    #[test]
    fn no_failed_check_exits_0() {
        let warned = Check::new(CheckName::Tls, State::Warn, "a day left");
        let checks = vec![ok(CheckName::Server), warned];
        assert_eq!(exit_code(&report(checks)), exit::OK);
    }

    #[test]
    fn a_failed_check_exits_1() {
        let failed = Check::new(CheckName::Workers, State::Failed, "no worker");
        let checks = vec![ok(CheckName::Server), failed];
        assert_eq!(exit_code(&report(checks)), exit::UNEXPECTED);
    }

    #[test]
    fn settings_that_do_not_resolve_exit_1() {
        let error = Error::ConnectionConfig {
            message: "bad".into(),
        };
        let checks = vec![Check::from_error(CheckName::Settings, &error)];
        assert_eq!(exit_code(&report(checks)), exit::UNEXPECTED);
    }

    #[test]
    fn a_later_check_refused_as_unauthenticated_exits_6() {
        let error = Error::Unauthenticated {
            address: "h:7233".into(),
            cause: "PermissionDenied".into(),
        };
        let workers = Check::new(CheckName::Workers, State::Failed, "no worker");
        let namespace = Check::from_error(CheckName::Namespace, &error);
        let checks = vec![ok(CheckName::Server), namespace, workers];
        assert_eq!(exit_code(&report(checks)), exit::UNREACHABLE);
    }

    #[test]
    fn a_server_gone_after_connecting_exits_6() {
        let error = Error::Unreachable {
            address: "h:7233".into(),
            cause: "connection refused".into(),
        };
        let checks = vec![
            ok(CheckName::Server),
            Check::from_error(CheckName::Namespace, &error),
        ];
        assert_eq!(exit_code(&report(checks)), exit::UNREACHABLE);
    }
}
