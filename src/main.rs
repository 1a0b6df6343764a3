//! parse → run → print the error → exit. Nothing else lives here.

use std::process::ExitCode;

use clap::Parser;

fn main() -> ExitCode {
    let cli = orca::cli::Cli::parse();
    match orca::run(cli) {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => {
            orca::output::print_error(&error);
            ExitCode::from(error.code())
        }
    }
}
