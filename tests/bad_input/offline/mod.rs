//! Refused before anything connects: the env points at a closed port, so a
//! case that tried to reach Temporal would fail with exit 6, not its own
//! code, and nothing can change on any server. `usage`: what clap refuses,
//! empty run IDs, and no terminal to ask on; `inputs`: run inputs;
//! `files`: pipelines and the local files commands read; `gate_files`: gate options that make no sense; `connection`:
//! connection settings and a server that cannot be reached.

/// One case: `orca ARGS` with `KEY=VALUE`s set, refused with exit `code`
/// and `stderr` in its message.
macro_rules! case {
    ($name:ident, $code:expr, $stderr:expr, [$($arg:expr),* $(,)?] $(, env [$($key:expr => $value:expr),* $(,)?])?) => {
        #[test]
        fn $name() {
            crate::bad_input::refused(
                &crate::common::Env::offline(),
                &[$($arg),*],
                &[$($(($key, $value)),*)?],
                $code,
                $stderr,
            );
        }
    };
}

mod connection;
mod files;
mod gate_files;
mod inputs;
mod usage;
