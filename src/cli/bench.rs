//! `baokan bench`: reading + segmentation throughput on a generated form-feed dump.
//!
//! The dump is generated in memory (see [`crate::core::synth`]), then decoded, split into
//! pages and segmented on one thread, several times; the best and median rates are printed.

use std::process::ExitCode;
use std::time::{Duration, Instant};

use crate::core::parse::parse_pages;
use crate::core::source::pages_from_bytes;
use crate::core::synth::dump;

/// Benchmark settings read from the command line.
struct Settings {
    pages: usize,
    write: Option<String>,
    runs: usize,
    seed: u64,
}

fn settings(args: &[String]) -> Result<Settings, String> {
    let mut s = Settings { pages: 3000, write: None, runs: 5, seed: 2023 };
    let mut it = args.iter();
    while let Some(flag) = it.next() {
        let value = it.next().ok_or_else(|| format!("bench 的选项 {flag} 缺少数值 (missing value)"))?;
        if flag == "--write" {
            s.write = Some(value.clone());
            continue;
        }
        let n: u64 = value
            .parse()
            .map_err(|_| format!("bench 的选项 {flag} 需要数字，而不是 “{value}” (not a number)"))?;
        match flag.as_str() {
            "--pages" => s.pages = n.max(1) as usize,
            "--runs" => s.runs = n.max(1) as usize,
            "--seed" => s.seed = n,
            _ => return Err(format!("bench 不认识选项 “{flag}” (unknown option)")),
        }
    }
    Ok(s)
}

/// Runs the benchmark and prints its figures.
pub fn run(args: &[String]) -> ExitCode {
    let s = match settings(args) {
        Ok(s) => s,
        Err(e) => return super::fail(&e),
    };
    let bytes = dump(s.seed, s.pages).into_bytes();
    if let Some(path) = &s.write {
        // Only on request, to a path the user named; never over an existing file.
        let written = std::fs::OpenOptions::new()
            .write(true)
            .create_new(true)
            .open(path)
            .and_then(|mut f| std::io::Write::write_all(&mut f, &bytes));
        if let Err(e) = written {
            return super::fail(&format!(
                "{path}：无法写出生成的版面 (cannot write the generated pages: {e})"
            ));
        }
    }
    let mb = bytes.len() as f64 / 1e6;
    println!("dump: {} pages, {mb:.1} MB (seed {})", s.pages, s.seed);
    let mut times: Vec<Duration> = Vec::with_capacity(s.runs);
    let mut items = 0;
    for _ in 0..s.runs {
        let start = Instant::now();
        let mut warnings = Vec::new();
        let pages = pages_from_bytes("bench", &bytes, &mut warnings);
        let doc = parse_pages(&pages);
        times.push(start.elapsed());
        items = doc.pages.iter().map(|p| p.articles.len()).sum();
    }
    times.sort();
    let rate = |d: Duration| mb / d.as_secs_f64().max(1e-9);
    let (best, median) = (times[0], times[times.len() / 2]);
    println!("items: {items}");
    println!(
        "read + segment, one thread: best {:.1} ms = {:.0} MB/s; median {:.1} ms = {:.0} MB/s",
        ms(best),
        rate(best),
        ms(median),
        rate(median)
    );
    ExitCode::SUCCESS
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1e3
}
