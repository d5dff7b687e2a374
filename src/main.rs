use std::process::ExitCode;

use clap::Parser;

fn main() -> ExitCode {
    let cli = docktutor::cli::Cli::parse();
    match docktutor::run(cli) {
        Ok(code) => code,
        Err(failure) => {
            eprintln!("{}", failure.report());
            ExitCode::from(2)
        }
    }
}
