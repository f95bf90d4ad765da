//! `baokan bench`: reading + segmentation throughput on a generated form-feed dump.

use std::process::ExitCode;

/// Runs the benchmark.
pub fn run(_args: &[String]) -> ExitCode {
    super::fail("bench: not yet")
}
