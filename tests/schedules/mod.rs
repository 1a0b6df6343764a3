//! Schedules on a real server: every N seconds, daily times and cron,
//! the lifecycle, and declarative `apply`. `lifecycle`: a schedule's runs,
//! pause, trigger, delete and health; `specs`: when a schedule fires, and
//! the specs refused; `apply`: a schedules file applied declaratively;
//! `paused`: what a paused schedule shows.

mod apply;
mod lifecycle;
mod paused;
mod specs;
