//! Opening an archive, by stage, and peak memory:
//! `cargo bench --bench open -- [--pages N] [--runs N] [--text-only] [FILE…]`: the time from
//! choosing an archive to a usable window, on the same worker path the window uses.
//!
//! Without files, N generated pages (30,000 by default) are written once as a `.baokan`
//! archive in a temporary folder and opened from there. Each run reads the inputs, segments
//! and classifies every page (on every core), then lists and groups the items as the loading
//! thread does; the window only swaps the result in, so its first frame with the archive
//! follows at once. The search index is built on another thread meanwhile; when it arrives
//! is printed too (the `first_frame` benchmark measures that under a window system). The
//! process's peak resident memory is printed against the size of the page text.
//!
//! An archive written by this build keeps its segmentation (`baokan::stored`), so its
//! pages are restored rather than segmented; each run says for how many pages. `--text-only`
//! writes the generated archive without its items, to time segmenting on open (as for an
//! archive written by another version).

mod common;

use std::path::PathBuf;
use std::process::ExitCode;
use std::time::{Duration, Instant};

use baokan::Progress;
use baokan::app::Loaded;
use baokan::groups::By;
use baokan::{Limits, pages_from_bytes, read_input};
use baokan::{Tables, parse_pages, parse_pages_with};
use baokan::{archive, atomic};
use baokan_devtools::synth::dump;
use common::{fail, ms};

fn main() -> ExitCode {
    let args = common::start();
    let (mut pages, mut runs) = (30_000usize, 3usize);
    let text_only = args.iter().any(|a| a == "--text-only");
    let args: Vec<String> = args.iter().filter(|a| *a != "--text-only").cloned().collect();
    let (flags, files): (Vec<String>, Vec<String>) = split_files(&args);
    let counts = &mut [("--pages", &mut pages, 1), ("--runs", &mut runs, 1)];
    if let Err(code) = common::read_counts("open", &flags, counts) {
        return code;
    }
    let (inputs, _folder) = match files.is_empty() {
        true => match generated(pages, text_only) {
            Ok((path, folder)) => (vec![path], Some(folder)),
            Err(code) => return code,
        },
        false => (files.iter().map(PathBuf::from).collect(), None),
    };
    let (mut text_bytes, mut resident) = (0, None);
    let mut totals = Vec::new();
    for run in 1..=runs {
        match once(&inputs) {
            Ok((stages, bytes, open)) => {
                text_bytes = bytes;
                resident = match (resident, open) {
                    (Some(a), Some(b)) => Some(f64::max(a, b)),
                    (a, b) => a.or(b),
                };
                // The window is usable once listed and grouped; the index follows.
                let total: Duration = stages.iter().take(3).map(|(_, d)| *d).sum();
                let parts: Vec<String> =
                    stages.iter().map(|(name, d)| format!("{name} {:.0} ms", ms(*d))).collect();
                println!("run {run}: {:.0} ms to a usable window ({})", ms(total), parts.join(", "));
                totals.push(total);
            }
            Err(message) => return fail(&message),
        }
    }
    totals.sort();
    let median = totals.get(totals.len() / 2).copied().unwrap_or_default();
    println!("median: {:.0} ms; best {:.0} ms", ms(median), totals.first().map_or(0.0, |d| ms(*d)));
    let text = text_bytes as f64 / 1e6;
    if let Some(open) = resident {
        println!(
            "resident with the archive open and indexed: {:.0} MB for {text:.1} MB of page text ({:.2}×)",
            open / 1e6,
            open / 1e6 / text
        );
    }
    if let Some(peak) = memory("VmHWM:") {
        // Generating the archive in this process counts too; name a FILE to measure the open alone.
        let generated = if files.is_empty() { ", generating the archive included" } else { "" };
        println!(
            "peak resident memory: {:.0} MB ({:.2}× the page text{generated})",
            peak / 1e6,
            peak / 1e6 / text
        );
    }
    ExitCode::SUCCESS
}

/// Flags and their values apart from the file names.
fn split_files(args: &[String]) -> (Vec<String>, Vec<String>) {
    let (mut flags, mut files) = (Vec::new(), Vec::new());
    let mut it = args.iter();
    while let Some(a) = it.next() {
        if a.starts_with("--") {
            flags.push(a.clone());
            flags.extend(it.next().cloned());
        } else {
            files.push(a.clone());
        }
    }
    (flags, files)
}

/// A generated archive written as `.baokan` in a fresh temporary folder.
fn generated(pages: usize, text_only: bool) -> Result<(PathBuf, TempFolder), ExitCode> {
    let folder = TempFolder(std::env::temp_dir().join(format!("baokan-bench-open-{}", std::process::id())));
    let path = folder.0.join("archive.baokan");
    let started = Instant::now();
    let mut warnings = Vec::new();
    let texts = pages_from_bytes("generated.txt", dump(2023, pages).as_bytes(), &mut warnings);
    let doc = parse_pages(texts, Tables::builtin());
    let bytes = if text_only { archive::to_text_only_bytes(&doc) } else { archive::to_bytes(&doc) };
    let written = std::fs::create_dir_all(&folder.0)
        .map_err(|e| e.to_string())
        .and_then(|()| atomic::write(&path, &bytes).map_err(|e| e.to_string()));
    if let Err(e) = written {
        return Err(fail(&e));
    }
    let mb = std::fs::metadata(&path).map_or(0.0, |m| m.len() as f64 / 1e6);
    println!(
        "archive: {pages} generated pages, {mb:.1} MB .baokan, made in {:.1} s",
        started.elapsed().as_secs_f64()
    );
    Ok((path, folder))
}

/// Each stage's name and time.
type Stages = Vec<(&'static str, Duration)>;

/// One open: read, segment and classify, list, group and index; with the page text's size
/// and the memory resident while the archive is open.
fn once(inputs: &[PathBuf]) -> Result<(Stages, usize, Option<f64>), String> {
    let t = Instant::now();
    let mut warnings = Vec::new();
    let mut pages = Vec::new();
    for input in inputs {
        pages.extend(read_input(input, &Limits::default(), &mut warnings).map_err(|e| e.to_string())?);
    }
    let read = t.elapsed();
    let bytes = pages.iter().map(|p| p.text.len()).sum();
    let stored = pages.iter().filter(|p| p.stored.is_some()).count();
    println!("  {stored} of {} pages have this build's stored segmentation", pages.len());
    let t = Instant::now();
    let doc = parse_pages_with(pages, Tables::builtin(), &Progress::default()).unwrap_or_default();
    let parse = t.elapsed();
    let t = Instant::now();
    let mut loaded = Loaded::indexing_later(inputs.to_vec(), doc, By::District, Duration::ZERO);
    let listed = t.elapsed();
    let t = Instant::now();
    while !loaded.take_index() {
        std::thread::sleep(Duration::from_millis(1));
    }
    let index = t.elapsed();
    let resident = memory("VmRSS:");
    drop(loaded);
    Ok((
        vec![
            ("read", read),
            ("segment + classify", parse),
            ("list + group", listed),
            ("search index after", index),
        ],
        bytes,
        resident,
    ))
}

/// A memory figure of this process in bytes (Linux), from `/proc/self/status`: `VmRSS:` now,
/// `VmHWM:` at its peak.
fn memory(field: &str) -> Option<f64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with(field))?;
    let kb: f64 = line.split_whitespace().nth(1)?.parse().ok()?;
    Some(kb * 1024.0)
}

/// A temporary folder removed when dropped.
struct TempFolder(PathBuf);

impl Drop for TempFolder {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}
