//! parse → run → print the error → exit. Nothing else lives here.

use std::process::ExitCode;

use clap::Parser;

fn main() -> ExitCode {
    let cli = match orca::cli::Cli::try_parse() {
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
