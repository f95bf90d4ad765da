//! Search latency: `cargo bench --bench search -- [--pages N] [--runs N]`: how long a changed
//! query takes to update the window, against ripgrep scanning the same pages as files.
//!
//! A generated archive of N pages (30,000 by default) is segmented and indexed, and each page
//! is also written as its own file to a temporary folder. For queries of 1, 2, 4 and 8
//! characters (one that matches, one that matches nothing, so the whole text is scanned) and
//! for field filters, it times the window's path from a changed query to the updated list:
//! matching, group counts and the filtered list (`Command::Search`), then the first frame
//! that draws them. In the same run, `rg -c -F` counts the same literal in the folder.

mod common;

use std::path::{Path, PathBuf};
use std::process::{Command as Process, ExitCode, Stdio};
use std::time::{Duration, Instant};

use baokan::app::{AppState, BaokanApp, Command};
use baokan::pages_from_bytes;
use baokan::search::SearchIndex;
use baokan::ui::fonts;
use baokan::{Tables, parse_pages};
use baokan_devtools::synth::dump;
use common::{fail, frame, ms};

/// The queries timed, with what ripgrep searches for (`None` for field filters, which a
/// text search cannot express).
const QUERIES: &[(&str, Option<&str>)] = &[
    ("镇", Some("镇")),
    ("鑫", Some("鑫")),
    ("公交", Some("公交")),
    ("黄河", Some("黄河")),
    ("乡村振兴", Some("乡村振兴")),
    ("湿地公园", Some("湿地公园")),
    ("新能源公交车下月", Some("新能源公交车下月")),
    ("黄河流域生态保护", Some("黄河流域生态保护")),
    ("作者:王建国", None),
    ("标题:便民服务 -区县:市直", None),
    ("日期:2023-07 乡村", None),
];

fn main() -> ExitCode {
    let args = common::start();
    let (mut pages, mut runs) = (30_000usize, 5usize);
    let counts = &mut [("--pages", &mut pages, 1), ("--runs", &mut runs, 1)];
    if let Err(code) = common::read_counts("search", &args, counts) {
        return code;
    }
    let text = dump(2023, pages);
    let folder = std::env::temp_dir().join(format!("baokan-bench-search-{}", std::process::id()));
    if let Err(e) = write_pages(&folder, &text) {
        return fail(&format!("无法写入临时文件夹 {} (cannot write the folder): {e}", folder.display()));
    }
    let mut warnings = Vec::new();
    let doc = parse_pages(pages_from_bytes("bench", text.as_bytes(), &mut warnings), Tables::builtin());
    let t = Instant::now();
    let index = SearchIndex::new(&doc);
    let built = t.elapsed();
    println!(
        "archive: {pages} generated pages ({:.1} MB of text) in {} files, {} items; index built in {:.0} ms on {} threads, {:.1} MB",
        text.len() as f64 / 1e6,
        pages,
        index.len(),
        ms(built),
        rayon::current_num_threads(),
        index.bytes() as f64 / 1e6
    );
    drop(index);
    let mut app = BaokanApp::new(AppState::default());
    let ctx = egui::Context::default();
    fonts::install(&ctx);
    let mut clock = 0.0;
    app.show_document(Vec::new(), doc, Duration::ZERO);
    for _ in 0..3 {
        frame(&ctx, &mut app, &mut clock, Vec::new());
    }
    println!(
        "query | items found | to updated list (median / worst of {runs}) | + first frame | rg -c -F (median)"
    );
    for &(query, literal) in QUERIES {
        let (mut search, mut drawn) = (Vec::new(), Vec::new());
        for _ in 0..runs {
            app.apply(Command::Search(String::new()));
            frame(&ctx, &mut app, &mut clock, Vec::new());
            let t = Instant::now();
            app.apply(Command::Search(query.to_owned()));
            search.push(t.elapsed());
            drawn.push(frame(&ctx, &mut app, &mut clock, Vec::new()));
        }
        let rg = literal.map(|l| ripgrep(&folder, l, runs));
        let rg = match rg {
            Some(Some(d)) => format!("{:.0} ms", ms(d)),
            Some(None) => "rg not found".to_owned(),
            None => "—".to_owned(),
        };
        search.sort_unstable();
        drawn.sort_unstable();
        println!(
            "{query} | {} | {:.1} / {:.1} ms | {:.1} ms | {rg}",
            app.search.count,
            ms(search[runs / 2]),
            ms(search[runs - 1]),
            ms(drawn[runs / 2])
        );
    }
    std::fs::remove_dir_all(&folder).ok();
    ExitCode::SUCCESS
}

/// Writes each form-feed separated page as its own file, as an unpacked archive would be.
fn write_pages(folder: &Path, text: &str) -> std::io::Result<()> {
    std::fs::create_dir_all(folder)?;
    for (n, page) in text.split('\u{c}').filter(|p| !p.is_empty()).enumerate() {
        std::fs::write(folder.join(format!("{n:05}.txt")), page)?;
    }
    Ok(())
}

/// The median wall time of `rg -c -F literal folder` over `runs` runs; `None` without rg.
fn ripgrep(folder: &PathBuf, literal: &str, runs: usize) -> Option<Duration> {
    let mut times = Vec::with_capacity(runs);
    for _ in 0..runs {
        let t = Instant::now();
        let status = Process::new("rg")
            .args(["-c", "-F", "--no-messages", literal])
            .arg(folder)
            .stdout(Stdio::null())
            .status()
            .ok()?;
        times.push(t.elapsed());
        // 0: found, 1: nothing found; anything else is an error.
        if !matches!(status.code(), Some(0 | 1)) {
            return None;
        }
    }
    times.sort_unstable();
    times.get(runs / 2).copied()
}
