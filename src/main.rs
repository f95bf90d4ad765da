//! The `baokan` program: the command line (and, later, the window).

use std::process::ExitCode;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    baokan::cli::run(&args)
}
