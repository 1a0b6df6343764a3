//! Whether `start --id ID` may start a run under an ID whose run has
//! finished: Temporal's workflow ID reuse policies, named as the official
//! CLI's `temporal workflow start --id-reuse-policy` names them (kebab-case
//! here, the CLI's own spelling accepted too).

use temporalio_client::{WorkflowIdConflictPolicy, WorkflowIdReusePolicy};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, clap::ValueEnum)]
pub enum IdReuse {
    /// Start another run under an ID whose run has finished, however it ended
    #[value(alias = "AllowDuplicate")]
    AllowDuplicate,
    /// Only when the finished run did not complete (failed, cancelled,
    /// terminated, timed out)
    #[value(alias = "AllowDuplicateFailedOnly")]
    AllowDuplicateFailedOnly,
    /// Never: an ID that was used is refused (exit 7)
    #[default]
    #[value(alias = "RejectDuplicate")]
    RejectDuplicate,
    /// As allow-duplicate, and a run of the ID still going is terminated first
    #[value(alias = "TerminateIfRunning")]
    TerminateIfRunning,
}

impl IdReuse {
    /// The policies a start request carries. Temporal's
    /// `TerminateIfRunning` reuse policy is, in today's API, a duplicate
    /// allowed plus a running run terminated on conflict; every other
    /// policy refuses an ID whose run is still going (exit 7).
    pub fn policies(self) -> (WorkflowIdReusePolicy, WorkflowIdConflictPolicy) {
        use WorkflowIdConflictPolicy as Conflict;
        use WorkflowIdReusePolicy as Reuse;
        match self {
            IdReuse::AllowDuplicate => (Reuse::AllowDuplicate, Conflict::Fail),
            IdReuse::AllowDuplicateFailedOnly => (Reuse::AllowDuplicateFailedOnly, Conflict::Fail),
            IdReuse::RejectDuplicate => (Reuse::RejectDuplicate, Conflict::Fail),
            IdReuse::TerminateIfRunning => (Reuse::AllowDuplicate, Conflict::TerminateExisting),
        }
    }
}

#[cfg(test)]
mod tests {
    use clap::ValueEnum;

    use super::*;

    #[test]
    fn the_official_cli_spelling_is_accepted_too() {
        for (text, policy) in [
            ("allow-duplicate", IdReuse::AllowDuplicate),
            ("AllowDuplicate", IdReuse::AllowDuplicate),
            (
                "allow-duplicate-failed-only",
                IdReuse::AllowDuplicateFailedOnly,
            ),
            (
                "AllowDuplicateFailedOnly",
                IdReuse::AllowDuplicateFailedOnly,
            ),
            ("RejectDuplicate", IdReuse::RejectDuplicate),
            ("terminate-if-running", IdReuse::TerminateIfRunning),
        ] {
            assert_eq!(IdReuse::from_str(text, false), Ok(policy), "{text}");
        }
    }

    #[test]
    fn only_terminate_if_running_ends_a_running_run() {
        assert_eq!(
            IdReuse::default().policies(),
            (
                WorkflowIdReusePolicy::RejectDuplicate,
                WorkflowIdConflictPolicy::Fail
            )
        );
        assert_eq!(
            IdReuse::TerminateIfRunning.policies().1,
            WorkflowIdConflictPolicy::TerminateExisting
        );
    }
}
