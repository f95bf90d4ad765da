//! Reading + segmentation throughput on a form-feed dump:
//! `cargo bench --bench segment -- [--pages N] [--runs N] [--seed N] [--page FILE] [--write FILE]`.
//!
//! The dump is generated in memory (`baokan_devtools::synth`; 3,000 pages, seed 2023), or is
//! the real page given with `--page` repeated N times, then decoded, split into pages and
//! segmented on one thread, several times; the best and median rates are printed, then what
//! classification (home city, unit, district) adds to segmentation. `--write FILE` saves the
//! dump.

mod common;

use std::process::ExitCode;
use std::time::{Duration, Instant};

use baokan::model::Page;
use baokan::pages_from_bytes;
use baokan::segment_page;
use baokan::{PageScan, Tables, classify_page};
use baokan_devtools::synth::dump;
use common::{fail, ms};

/// Benchmark settings read from the command line.
struct Settings {
    pages: usize,
    write: Option<String>,
    page: Option<String>,
    runs: usize,
    seed: u64,
}

fn settings(args: &[String]) -> Result<Settings, String> {
    let mut s = Settings { pages: 3000, write: None, page: None, runs: 5, seed: 2023 };
    let mut it = args.iter();
    while let Some(flag) = it.next() {
        let value = it.next().ok_or_else(|| format!("segment 的选项 {flag} 缺少数值 (missing value)"))?;
        match flag.as_str() {
            "--write" => {
                s.write = Some(value.clone());
                continue;
            }
            "--page" => {
                s.page = Some(value.clone());
                continue;
            }
            _ => {}
        }
        let n: u64 = value
            .parse()
            .map_err(|_| format!("segment 的选项 {flag} 需要数字，而不是 “{value}” (not a number)"))?;
        match flag.as_str() {
            "--pages" => s.pages = n.max(1) as usize,
            "--runs" => s.runs = n.max(1) as usize,
            "--seed" => s.seed = n,
            _ => return Err(format!("segment 不认识选项 “{flag}” (unknown option)")),
        }
    }
    Ok(s)
}

fn main() -> ExitCode {
    let args = common::start();
    let s = match settings(&args) {
        Ok(s) => s,
        Err(e) => return fail(&e),
    };
    let bytes = match &s.page {
        // A real page repeated: the figure for printed pages rather than generated ones.
        Some(path) => match std::fs::read(path) {
            Ok(page) => repeat_page(&page, s.pages),
            Err(e) => return fail(&format!("{path}：无法读取 (cannot read: {e})")),
        },
        None => dump(s.seed, s.pages).into_bytes(),
    };
    if let Some(path) = &s.write {
        // Only on request, to a path the user named; never over an existing file.
        let written = std::fs::OpenOptions::new()
            .write(true)
            .create_new(true)
            .open(path)
            .and_then(|mut f| std::io::Write::write_all(&mut f, &bytes));
        if let Err(e) = written {
            return fail(&format!("{path}：无法写出生成的版面 (cannot write the generated pages: {e})"));
        }
    }
    let mb = bytes.len() as f64 / 1e6;
    let origin = s.page.clone().unwrap_or_else(|| format!("generated, seed {}", s.seed));
    println!("dump: {} pages, {mb:.1} MB ({origin})", s.pages);
    let loading = Instant::now();
    let g = Tables::builtin().gazetteer();
    println!("divisions table ready in {:.1} ms ({} divisions)", ms(loading.elapsed()), g.divisions().len());
    let mut times: Vec<Duration> = Vec::with_capacity(s.runs);
    let mut cpu: Vec<Duration> = Vec::with_capacity(s.runs);
    let mut items = 0;
    for _ in 0..s.runs {
        let (start, cpu_start) = (Instant::now(), thread_cpu_time());
        let mut warnings = Vec::new();
        let pages = pages_from_bytes("bench", &bytes, &mut warnings);
        // Segmentation alone; classification is timed apart below.
        let parsed: Vec<Page> = pages.iter().map(|p| segment_page(p, &mut warnings)).collect();
        times.push(start.elapsed());
        if let (Some(a), Some(b)) = (cpu_start, thread_cpu_time()) {
            cpu.push(b.saturating_sub(a));
        }
        items = parsed.iter().map(|p| p.items.len()).sum();
    }
    println!("items: {items}");
    report("wall clock", &mut times, mb);
    if cpu.len() == times.len() {
        // CPU time leaves out the time a shared virtual machine spends running others.
        report("thread CPU time", &mut cpu, mb);
    }
    classification_share(&bytes, s.runs);
    ExitCode::SUCCESS
}

/// Times segmentation and classification apart and prints what classification adds: once
/// with every page segmented before any is classified (two passes), once page by page, each
/// classified straight after it is segmented, as `parse` runs them.
fn classification_share(bytes: &[u8], runs: usize) {
    let mut warnings = Vec::new();
    let pages = pages_from_bytes("bench", bytes, &mut warnings);
    let passes: Vec<(Duration, Duration)> = (0..runs).map(|_| two_passes(&pages)).collect();
    share("two passes", &passes);
    let interleaved: Vec<(Duration, Duration)> = (0..runs).map(|_| page_by_page(&pages)).collect();
    share("page by page", &interleaved);
}

/// Segments every page, then classifies every page: (segmentation, classification).
fn two_passes(pages: &[Page]) -> (Duration, Duration) {
    let tables = Tables::builtin();
    let mut warnings = Vec::new();
    let start = Instant::now();
    let mut parsed: Vec<_> = pages.iter().map(|p| segment_page(p, &mut warnings)).collect();
    let segment = start.elapsed();
    let start = Instant::now();
    for page in parsed.iter_mut() {
        classify(tables, page);
    }
    (segment, start.elapsed())
}

/// Segments and classifies each page in turn, timing the two apart.
fn page_by_page(pages: &[Page]) -> (Duration, Duration) {
    let tables = Tables::builtin();
    let mut warnings = Vec::new();
    let (mut segment, mut classified) = (Duration::ZERO, Duration::ZERO);
    for p in pages {
        let start = Instant::now();
        let mut page = segment_page(p, &mut warnings);
        let middle = Instant::now();
        classify(tables, &mut page);
        classified += middle.elapsed();
        segment += middle - start;
        std::hint::black_box(page);
    }
    (segment, classified)
}

/// Classifies one page as `parse` does. Never inlined, so that profilers can tell its time
/// from segmentation's.
#[inline(never)]
fn classify(tables: &Tables, page: &mut Page) {
    let scan = PageScan::new(tables.gazetteer(), page);
    let home = scan.home(tables.gazetteer());
    classify_page(page, tables, &scan, home);
}

/// Prints what classification adds to segmentation over some runs.
fn share(how: &str, runs: &[(Duration, Duration)]) {
    // The machine's speed changes from minute to minute: the ratio within each run, and the
    // ratio of the best runs, are steadier than a ratio of medians.
    let mut ratios: Vec<f64> =
        runs.iter().map(|(s, c)| c.as_secs_f64() / s.as_secs_f64().max(1e-9)).collect();
    ratios.sort_by(f64::total_cmp);
    let seg = runs.iter().map(|r| r.0).min().unwrap_or_default();
    let cls = runs.iter().map(|r| r.1).min().unwrap_or_default();
    println!(
        "classification (home city, unit, district), {how}: best {:.1} ms against segmentation's best {:.1} ms = {:.0}%; median of the runs' ratios {:.0}%",
        ms(cls),
        ms(seg),
        100.0 * cls.as_secs_f64() / seg.as_secs_f64().max(1e-9),
        100.0 * ratios.get(runs.len() / 2).copied().unwrap_or_default()
    );
}

/// Prints the best and median of some timings as MB/s.
fn report(what: &str, times: &mut [Duration], mb: f64) {
    times.sort();
    let rate = |d: Duration| mb / d.as_secs_f64().max(1e-9);
    let (best, median) = (times[0], times[times.len() / 2]);
    println!(
        "read + segment, one thread, {what}: best {:.1} ms = {:.0} MB/s; median {:.1} ms = {:.0} MB/s",
        ms(best),
        rate(best),
        ms(median),
        rate(median)
    );
}

/// This thread's user + system CPU time, from /proc (Linux; `None` elsewhere). Clock ticks
/// are 10 ms, fine for runs of a few hundred milliseconds.
fn thread_cpu_time() -> Option<Duration> {
    let stat = std::fs::read_to_string("/proc/thread-self/stat").ok()?;
    // Fields after the parenthesised command name; utime and stime are the 14th and 15th.
    let rest = stat.rsplit_once(')')?.1;
    let fields: Vec<&str> = rest.split_whitespace().collect();
    let ticks: u64 = fields.get(11)?.parse::<u64>().ok()? + fields.get(12)?.parse::<u64>().ok()?;
    Some(Duration::from_millis(ticks * 10))
}

/// `page` repeated `count` times, separated by form feeds.
fn repeat_page(page: &[u8], count: usize) -> Vec<u8> {
    let mut out = Vec::with_capacity((page.len() + 1) * count);
    for _ in 0..count {
        out.extend_from_slice(page);
        out.push(0x0c);
    }
    out
}
