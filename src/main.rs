//! --env-file → parse → run → print the error → exit. Nothing else lives here.

use std::process::ExitCode;

fn main() -> ExitCode {
    // Before parsing: clap reads the variables an --env-file may set.
    // SAFETY: the first thing `main` does: no other thread exists yet.
    if let Err(error) = unsafe { orca::config::prepare_environment(std::env::args_os()) } {
        orca::output::print_error(&error);
        return ExitCode::from(error.code());
    }
    // Through `cli::parse`, not `Cli::try_parse`: its tree carries the examples.
    let cli = match orca::cli::parse() {
        Ok(cli) => cli,
        Err(error) => return ExitCode::from(orca::cli::print_clap_error(&error)),
    };
    match orca::run(cli) {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => {
            orca::output::print_error(&error);
            ExitCode::from(error.code())
        }
    }
}
