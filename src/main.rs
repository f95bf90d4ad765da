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
    return_freed_memory_promptly();
    #[cfg(windows)]
    windows_console::attach_to_parent();
    let args: Vec<String> = std::env::args().skip(1).collect();
    baokan::cli::run(&args)
}

/// Has mimalloc give freed memory back to the system 10 ms after it is freed instead of its
/// default second: opening a large archive frees half a gigabyte of file bytes and temporary
/// strings, which otherwise stayed resident beside the archive (1.6 GB instead of 1.1 GB for
/// 30,000 pages; `bench --open`). Not measurably slower.
#[allow(unsafe_code)]
fn return_freed_memory_promptly() {
    // SAFETY: sets one integer option by value; mimalloc reads its options atomically, and
    // no other thread runs yet.
    unsafe { libmimalloc_sys::mi_option_set(MI_OPTION_PURGE_DELAY, 10) };
}

/// `mi_option_purge_delay` in mimalloc 3's `mi_option_e` (include/mimalloc.h), which the
/// Rust bindings do not name; the test below proves the number by its default.
const MI_OPTION_PURGE_DELAY: libmimalloc_sys::mi_option_t = 15;

#[cfg(test)]
mod tests {
    #[test]
    #[allow(unsafe_code)]
    fn the_purge_delay_option_is_the_one_set() {
        // SAFETY: reads an integer option.
        let default = unsafe { libmimalloc_sys::mi_option_get(super::MI_OPTION_PURGE_DELAY) };
        assert_eq!(default, 1000, "mimalloc 3's purge delay defaults to 1000 ms");
        super::return_freed_memory_promptly();
        // SAFETY: as above.
        assert_eq!(unsafe { libmimalloc_sys::mi_option_get(super::MI_OPTION_PURGE_DELAY) }, 10);
    }
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
