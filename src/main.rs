//! The `baokan` program: the window, or the command line's subcommands.

// On Windows, a double-click opens the window alone, without a console window beside it;
// run from a terminal, the program attaches to that terminal's console so that the
// subcommands (and error sentences) still print there.
#![cfg_attr(windows, windows_subsystem = "windows")]

use std::process::ExitCode;

/// mimalloc instead of the system allocator: segmentation makes many short strings, and
/// glibc's malloc spent a quarter of the parse benchmark's time on them.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> ExitCode {
    #[cfg(windows)]
    windows_console::attach_to_parent();
    let args: Vec<String> = std::env::args().skip(1).collect();
    baokan::cli::run(&args)
}

/// The one call into the operating system that the standard library does not offer.
#[cfg(windows)]
mod windows_console {
    /// Attaches to the console of the process that started this one, if it has one (a
    /// terminal); started from Explorer there is none and nothing happens. Must run before
    /// anything is printed, as Rust looks up the standard handles on first use.
    #[allow(unsafe_code)]
    pub fn attach_to_parent() {
        use windows_sys::Win32::System::Console::{ATTACH_PARENT_PROCESS, AttachConsole};
        // SAFETY: AttachConsole takes a process id by value and touches no memory of ours;
        // failure (no parent console, or one already attached) is reported by its return
        // value, which is rightly ignored here.
        let _ = unsafe { AttachConsole(ATTACH_PARENT_PROCESS) };
    }
}
