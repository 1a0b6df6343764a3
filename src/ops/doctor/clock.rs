//! This machine's clock against the server's. No read-only call returns
//! the server's time (GetSystemInfo, DescribeNamespace and the gRPC
//! response headers carry none; a poller's last access time is stamped by
//! the server, but a worker's long poll can be a minute old). So orca
//! makes the stamp itself, the way every worker process does: it opens a
//! workflow-task poll on a sticky queue of its own (`orca-doctor-…`, which
//! no run is ever sent to), reads the time the server recorded for that
//! poll's arrival from DescribeTaskQueue, and drops the poll. Nothing is
//! started, recorded in a run or left polling; the server forgets the
//! queue as it forgets any worker's sticky queue.
//!
//! The arrival lies between sending the poll and reading its stamp, so the
//! offset is known to within half that round trip, and is classified with
//! that uncertainty (`Skew::state`).

use std::time::{Duration, SystemTime, UNIX_EPOCH};

use temporalio_client::{grpc::WorkflowService, tonic};
use temporalio_common::protos::temporal::api::{
    enums::v1::{TaskQueueKind, TaskQueueType},
    taskqueue::v1::TaskQueue,
    workflowservice::v1::PollWorkflowTaskQueueRequest,
};

use super::{Check, CheckName, State};
use crate::{client::Orca, config::hostname};

/// Beyond this, a clock is wrong enough to matter: signed decisions carry
/// this machine's time, and the server's decides deadlines and windows.
const THRESHOLD_MS: i64 = 5_000;
/// How long the whole measurement may take.
const LIMIT: Duration = Duration::from_secs(5);
/// How often the server is asked whether it has seen the poll yet.
const LOOK_EVERY: Duration = Duration::from_millis(50);

/// The server's clock minus this machine's, known to within `error_ms`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Skew {
    pub offset_ms: i64,
    pub error_ms: i64,
}

impl Skew {
    /// From the server's stamp of an event that happened, by this
    /// machine's clock, between `sent` and `answered`.
    pub fn measured(stamp: SystemTime, sent: SystemTime, answered: SystemTime) -> Skew {
        let ms = |t: SystemTime| match t.duration_since(UNIX_EPOCH) {
            Ok(since) => since.as_millis() as i64,
            Err(before) => -(before.duration().as_millis() as i64),
        };
        let (sent, answered) = (ms(sent), ms(answered).max(ms(sent)));
        Skew {
            offset_ms: ms(stamp) - (sent + answered) / 2,
            error_ms: (answered - sent + 1) / 2,
        }
    }

    /// Within the threshold however the uncertainty falls: ok; beyond it
    /// however it falls: failed; either way: a warning (measure again).
    pub fn state(self) -> State {
        let size = self.offset_ms.abs();
        if size + self.error_ms <= THRESHOLD_MS {
            State::Ok
        } else if size - self.error_ms > THRESHOLD_MS {
            State::Failed
        } else {
            State::Warn
        }
    }

    /// "this machine's clock is 7.2 s behind the server's (±0.03 s)".
    pub fn words(self) -> String {
        let seconds = |ms: i64| format!("{:.1} s", ms as f64 / 1000.0);
        let error = format!("±{:.2} s", self.error_ms as f64 / 1000.0);
        match self.state() {
            State::Ok => format!(
                "within {} of the server's ({error})",
                seconds(self.offset_ms.abs().max(100))
            ),
            _ => format!(
                "this machine's clock is {} {} the server's ({error})",
                seconds(self.offset_ms.abs()),
                if self.offset_ms > 0 {
                    "behind"
                } else {
                    "ahead of"
                }
            ),
        }
    }
}

pub(super) async fn check(orca: &Orca) -> Check {
    let skew = match tokio::time::timeout(LIMIT, measure(orca)).await {
        Ok(Ok(skew)) => skew,
        Ok(Err(why)) => {
            let finding = format!("cannot read the server's clock: {why}");
            return Check::new(CheckName::Clock, State::Skipped, finding);
        }
        Err(_) => {
            let finding = format!(
                "the server did not list orca's probe poll within {}s",
                LIMIT.as_secs()
            );
            return Check::new(CheckName::Clock, State::Skipped, finding);
        }
    };
    let check = Check::new(CheckName::Clock, skew.state(), skew.words());
    match skew.state() {
        State::Ok => check,
        State::Warn => {
            check.with_fix("run orca doctor again; a slow network blurs the measurement")
        }
        _ => check.with_fix(
            "sync this machine's clock (NTP: timedatectl set-ntp true, or chronyc makestep)",
        ),
    }
}

/// One probe poll and the server's stamp of it.
async fn measure(orca: &Orca) -> Result<Skew, String> {
    let nonce = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .unwrap_or_default()
        .as_nanos();
    let queue = TaskQueue {
        name: format!("orca-doctor-{}-{}-{nonce}", hostname(), std::process::id()),
        kind: TaskQueueKind::Sticky as i32,
        ..Default::default()
    };
    let identity = format!(
        "orca doctor (clock probe) {}@{}",
        std::process::id(),
        hostname()
    );
    let request = PollWorkflowTaskQueueRequest {
        namespace: orca.settings.namespace.clone(),
        task_queue: Some(queue.clone()),
        identity: identity.clone(),
        ..Default::default()
    };
    let mut service = orca.client.clone();
    let sent = SystemTime::now();
    // Dropped when this returns, which cancels the poll at the server.
    let poll =
        WorkflowService::poll_workflow_task_queue(&mut service, tonic::Request::new(request));
    tokio::pin!(poll);
    loop {
        tokio::select! {
            biased;
            ended = &mut poll => {
                return Err(match ended {
                    Err(status) => status.message().to_string(),
                    Ok(_) => "the probe poll was answered before it was listed".into(),
                });
            }
            seen = orca.pollers(queue.clone(), TaskQueueType::Workflow) => {
                let answered = SystemTime::now();
                let seen = seen.map_err(|status| status.message().to_string())?;
                let stamp = seen.iter().find(|p| p.identity == identity).and_then(|p| p.last_access);
                if let Some(stamp) = stamp {
                    return Ok(Skew::measured(stamp, sent, answered));
                }
            }
        }
        tokio::time::sleep(LOOK_EVERY).await;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(ms: u64) -> SystemTime {
        UNIX_EPOCH + Duration::from_millis(1_700_000_000_000 + ms)
    }

    #[test]
    fn the_offset_is_taken_from_the_middle_of_the_round_trip() {
        let skew = Skew::measured(at(7_260), at(0), at(40));
        let expected = Skew {
            offset_ms: 7_240,
            error_ms: 20,
        };
        assert_eq!(skew, expected);
    }

    #[test]
    fn a_clock_behind_the_servers_says_by_how_much() {
        let skew = Skew::measured(at(7_260), at(0), at(40));
        assert_eq!(
            skew.words(),
            "this machine's clock is 7.2 s behind the server's (±0.02 s)"
        );
    }

    #[test]
    fn a_clock_ahead_of_the_servers_says_ahead() {
        let ahead = Skew::measured(at(0), at(6_000), at(6_010));
        assert!(
            ahead.words().contains("6.0 s ahead of the server's"),
            "{}",
            ahead.words()
        );
    }

    #[test]
    fn a_close_clock_says_within_a_tenth_of_a_second() {
        let close = Skew {
            offset_ms: 12,
            error_ms: 3,
        };
        assert_eq!(close.words(), "within 0.1 s of the server's (±0.00 s)");
    }

    fn judged(offset_ms: i64, error_ms: i64) -> State {
        Skew {
            offset_ms,
            error_ms,
        }
        .state()
    }

    #[test]
    fn skew_well_under_the_threshold_is_ok() {
        assert_eq!(judged(30, 20), State::Ok);
    }

    #[test]
    fn skew_under_the_threshold_by_more_than_its_error_is_ok() {
        assert_eq!(judged(-4_900, 100), State::Ok);
    }

    #[test]
    fn skew_that_may_be_either_side_of_the_threshold_warns() {
        assert_eq!(judged(4_950, 100), State::Warn);
        assert_eq!(judged(5_050, 100), State::Warn);
    }

    #[test]
    fn skew_over_the_threshold_by_more_than_its_error_fails() {
        assert_eq!(judged(-5_200, 100), State::Failed);
    }

    #[test]
    fn a_7_second_skew_fails() {
        assert_eq!(judged(7_240, 20), State::Failed);
    }
}
