//! With TLS on: the handshake as the connection makes it (the connection
//! probe's, which records the server's certificate) and how long that
//! certificate has left. An expired one fails every connection (`connect`
//! says so); one about to expire is a warning while there is time to act.

use std::time::{Duration, SystemTime};

use super::{Check, CheckName, State};
use crate::{config::Settings, connect, human::utc_seconds};

/// Under this many days left, a certificate is worth a warning.
const WARN_DAYS: u64 = 14;

/// How long the handshake may take.
const HANDSHAKE_LIMIT: Duration = Duration::from_secs(5);

/// How much life a certificate has left at a moment.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Expiry {
    Expired { days_ago: u64 },
    Soon { days_left: u64 },
    Valid { days_left: u64 },
}

impl Expiry {
    /// Whole days, rounded down: a certificate with 13.9 days left has 13.
    pub fn at(not_after: SystemTime, now: SystemTime) -> Expiry {
        const DAY: u64 = 86_400;
        match not_after.duration_since(now) {
            Ok(left) if left.as_secs() / DAY < WARN_DAYS => Expiry::Soon {
                days_left: left.as_secs() / DAY,
            },
            Ok(left) => Expiry::Valid {
                days_left: left.as_secs() / DAY,
            },
            Err(past) => Expiry::Expired {
                days_ago: past.duration().as_secs() / DAY,
            },
        }
    }

    fn state(self) -> State {
        match self {
            Expiry::Expired { .. } => State::Failed,
            Expiry::Soon { .. } => State::Warn,
            Expiry::Valid { .. } => State::Ok,
        }
    }

    fn words(self) -> String {
        match self {
            Expiry::Expired { days_ago: 0 } => "expired today".into(),
            Expiry::Expired { days_ago } => format!("expired {days_ago} days ago"),
            Expiry::Soon { days_left: 0 } => "expires within a day".into(),
            Expiry::Soon { days_left } | Expiry::Valid { days_left } => {
                format!("{days_left} days left")
            }
        }
    }
}

/// The certificate's notAfter, read from its DER.
pub fn not_after(der: &[u8]) -> Option<SystemTime> {
    let (_, certificate) = x509_parser::parse_x509_certificate(der).ok()?;
    let seconds = certificate.validity().not_after.timestamp();
    SystemTime::UNIX_EPOCH.checked_add(Duration::from_secs(u64::try_from(seconds).ok()?))
}

pub(super) async fn certificate(settings: &Settings) -> Check {
    if settings.connection.tls_options.is_none() {
        return Check::new(CheckName::Tls, State::Skipped, "off: plaintext gRPC");
    }
    let limit = settings.connect_timeout.min(HANDSHAKE_LIMIT);
    let Some(handshake) = connect::tls_handshake(settings, limit).await else {
        return Check::new(
            CheckName::Tls,
            State::Skipped,
            "the handshake could not be looked at",
        );
    };
    if let Some(failed) = &handshake.failed {
        let finding = format!("a second handshake failed ({failed}) where the first went through");
        return Check::new(CheckName::Tls, State::Warn, finding);
    }
    if let Some(verdict) = &handshake.verdict {
        let finding = format!("the server's certificate does not verify: {verdict}");
        return Check::new(CheckName::Tls, State::Failed, finding).with_fix(
            "check --tls-ca-path and --tls-server-name against the server's certificate",
        );
    }
    let Some(expiry) = handshake.leaf.as_deref().and_then(not_after) else {
        return Check::new(
            CheckName::Tls,
            State::Skipped,
            "the server's certificate could not be read",
        );
    };
    let left = Expiry::at(expiry, SystemTime::now());
    let names = match handshake.names.is_empty() {
        true => String::new(),
        false => format!(" for {}", handshake.names.join(", ")),
    };
    let finding = format!(
        "handshake ok; the server's certificate{names} is valid until {} ({})",
        utc_seconds(expiry),
        left.words()
    );
    let check = Check::new(CheckName::Tls, left.state(), finding);
    match left.state() {
        State::Ok => check,
        _ => check.with_fix("the server's operator must renew its certificate"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const DAY: Duration = Duration::from_secs(86_400);

    fn now() -> SystemTime {
        SystemTime::UNIX_EPOCH + 1000 * DAY
    }

    #[test]
    fn months_left_is_valid() {
        let left = Expiry::at(now() + 90 * DAY, now());
        assert_eq!(left, Expiry::Valid { days_left: 90 });
        assert_eq!(left.state(), State::Ok);
    }

    #[test]
    fn fourteen_whole_days_left_is_still_valid() {
        let left = Expiry::at(now() + 14 * DAY, now());
        assert_eq!(left, Expiry::Valid { days_left: 14 });
    }

    #[test]
    fn a_second_under_fourteen_days_is_soon_with_13_days_left() {
        let almost = now() + 14 * DAY - Duration::from_secs(1);
        let left = Expiry::at(almost, now());
        assert_eq!(left, Expiry::Soon { days_left: 13 });
        assert_eq!(left.state(), State::Warn);
    }

    #[test]
    fn under_a_day_left_is_soon_with_0_days() {
        let left = Expiry::at(now() + DAY / 2, now());
        assert_eq!(left, Expiry::Soon { days_left: 0 });
        assert_eq!(left.words(), "expires within a day");
    }

    #[test]
    fn a_past_not_after_is_expired_and_fails() {
        let left = Expiry::at(now() - 3 * DAY, now());
        assert_eq!(left, Expiry::Expired { days_ago: 3 });
        assert_eq!(left.state(), State::Failed);
    }

    #[test]
    fn expired_under_a_day_ago_fails_today() {
        let left = Expiry::at(now() - DAY / 2, now());
        assert_eq!(
            (left.state(), left.words()),
            (State::Failed, "expired today".into())
        );
    }

    /// A real certificate (made by rcgen, as the TLS tests make theirs),
    /// its notAfter read back.
    #[test]
    fn not_after_is_read_from_the_certificate() {
        let mut params = rcgen::CertificateParams::new(vec!["temporal.test".into()]).unwrap();
        params.not_after = rcgen::date_time_ymd(2031, 5, 17);
        let key = rcgen::KeyPair::generate().unwrap();
        let certificate = params.self_signed(&key).unwrap();
        let read = not_after(certificate.der()).unwrap();
        assert_eq!(utc_seconds(read), "2031-05-17 00:00:00 UTC");
        assert_eq!(not_after(b"not a certificate"), None);
    }
}
