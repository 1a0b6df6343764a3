//! parse → run → print the error → exit. Nothing else lives here.

use std::process::ExitCode;

fn main() -> ExitCode {
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
