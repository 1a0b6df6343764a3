//! Schedules on a real server: every N seconds, daily times and cron,
//! the lifecycle, and declarative `apply`. `lifecycle`: a schedule's runs,
//! pause, trigger, delete and health; `specs`: when a schedule fires, and
//! the specs refused; `apply`: a schedules file applied declaratively.

mod apply;
mod lifecycle;
mod specs;
