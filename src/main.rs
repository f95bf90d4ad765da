//! The `baokan` program: the window, or the command line's subcommands.

use std::process::ExitCode;

/// mimalloc instead of the system allocator: segmentation makes many short strings, and
/// glibc's malloc spent a quarter of the parse benchmark's time on them.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    baokan::cli::run(&args)
}
