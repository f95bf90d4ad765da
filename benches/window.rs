//! Frame CPU time: `cargo bench --bench window -- [--pages N] [--frames N]`: the window's CPU
//! cost on a large archive.
//!
//! The window runs headless (an `egui::Context` with no renderer): a generated archive of N
//! pages (30,000 by default) is segmented, then frames are run and tessellated, as eframe does
//! before handing triangles to the GPU. Printed: the first frame (fonts installed, start
//! screen laid out, tessellated), then the median, 95th percentile and worst frame while idle,
//! scrolling the list with the wheel, stepping through items with the arrow key (each a new
//! reader layout), switching groups (in page order and sorted by headline), with a search
//! shown (snippets, marks, n), and with the tree filtered by pinyin initials, after a headline
//! is corrected, and while the archive is saved and the list exported on their workers. GPU
//! time and window creation are not included; the real first frame under a window system is
//! measured by the `first_frame` benchmark.

mod common;

use std::process::ExitCode;
use std::time::{Duration, Instant};

use baokan::app::{AppState, BaokanApp, Command};
use baokan::export::Format;
use baokan::groups::By;
use baokan::model::{Correction, Field};
use baokan::order::SortKey;
use baokan::pages_from_bytes;
use baokan::ui::fonts;
use baokan::{Tables, parse_pages};
use baokan_devtools::synth::dump;
use common::{SIZE, frame, ms};
use egui::{Event, Key, Modifiers, MouseWheelUnit, Pos2, TouchPhase, Vec2};

fn main() -> ExitCode {
    let args = common::start();
    let (mut pages, mut frames) = (30_000usize, 120usize);
    let counts = &mut [("--pages", &mut pages, 1), ("--frames", &mut frames, 2)];
    if let Err(code) = common::read_counts("window", &args, counts) {
        return code;
    }
    let started = Instant::now();
    let mut warnings = Vec::new();
    let texts = pages_from_bytes("bench", dump(2023, pages).as_bytes(), &mut warnings);
    let doc = parse_pages(texts, Tables::builtin());
    let items: usize = doc.pages.iter().map(|p| p.items.len()).sum();
    println!(
        "archive: {pages} generated pages, {items} items, segmented in {:.2} s",
        started.elapsed().as_secs_f64()
    );

    let ctx = egui::Context::default();
    let mut app = BaokanApp::new(AppState::default());
    let mut clock = 0.0;
    let t = Instant::now();
    fonts::install(&ctx);
    frame(&ctx, &mut app, &mut clock, Vec::new());
    println!("first frame (fonts, start screen, tessellation): {:.1} ms", ms(t.elapsed()));

    app.show_document(Vec::new(), doc, started.elapsed());
    for _ in 0..3 {
        frame(&ctx, &mut app, &mut clock, Vec::new());
    }
    report("idle, browsing", (0..frames).map(|_| frame(&ctx, &mut app, &mut clock, Vec::new())));
    let over_list = Pos2::new(SIZE.x * 0.4, SIZE.y * 0.5);
    let wheel = move || {
        vec![
            Event::PointerMoved(over_list),
            Event::MouseWheel {
                unit: MouseWheelUnit::Line,
                delta: Vec2::new(0.0, -3.0),
                phase: TouchPhase::Move,
                source: egui::MouseWheelSource::Wheel,
                modifiers: Modifiers::NONE,
            },
        ]
    };
    report("scrolling the list", (0..frames).map(|_| frame(&ctx, &mut app, &mut clock, wheel())));
    report(
        "next item (arrow key)",
        (0..frames).map(|_| frame(&ctx, &mut app, &mut clock, key(Key::ArrowDown))),
    );
    let groups: Vec<baokan::groups::GroupKey> =
        app.loaded.as_ref().map(|l| l.tree.iter().map(|n| n.key.clone()).collect()).unwrap_or_default();
    let switches = |app: &mut BaokanApp, clock: &mut f64| -> Vec<Duration> {
        (0..frames)
            .map(|i| {
                let t = Instant::now();
                let path = groups.get(i % groups.len().max(1)).map(|g| vec![g.clone()]);
                app.apply(Command::SelectGroup(path));
                frame(&ctx, app, clock, Vec::new());
                t.elapsed()
            })
            .collect()
    };
    report("switching groups (list rebuilt)", switches(&mut app, &mut clock).into_iter());
    let t = Instant::now();
    app.apply(Command::SortBy(SortKey::Title));
    frame(&ctx, &mut app, &mut clock, Vec::new());
    println!("sorting by headline (every item ranked once): {:.1} ms", ms(t.elapsed()));
    report("switching groups, sorted by headline", switches(&mut app, &mut clock).into_iter());
    app.apply(Command::SortBy(SortKey::Date));
    search_frames(&ctx, &mut app, &mut clock, frames);
    app.apply(Command::SetGrouping(By::District));
    app.apply(Command::SelectGroup(None));
    correction_frames(&ctx, &mut app, &mut clock);
    write_frames(&ctx, &mut app, &mut clock);
    ExitCode::SUCCESS
}

/// Frames while the whole archive is saved as a `.baokan` and while every item is exported
/// as CSV, each on its worker: the frame that asks for it, the frames until it has ended.
fn write_frames(ctx: &egui::Context, app: &mut BaokanApp, clock: &mut f64) {
    let dir = std::env::temp_dir().join(format!("baokan-bench-write-{}", std::process::id()));
    if let Err(e) = std::fs::create_dir_all(&dir) {
        eprintln!("{}: {e}", dir.display());
        return;
    }
    let (archive, csv) = (dir.join("bench.baokan"), dir.join("bench.csv"));
    let writes = [
        ("saving the archive (另存为档案)", Command::SaveArchiveTo(archive.clone()), archive),
        ("exporting every item as CSV (导出列表)", Command::ExportTo(Format::Csv, csv.clone()), csv),
    ];
    for (what, command, path) in writes {
        let t = Instant::now();
        app.apply(command);
        let mut times = vec![frame(ctx, app, clock, Vec::new()) + t.elapsed()];
        while !app.writes.is_idle() {
            std::thread::sleep(Duration::from_millis(16));
            times.push(frame(ctx, app, clock, Vec::new()));
        }
        let mb = std::fs::metadata(&path).map_or(0, |m| m.len()) as f64 / 1e6;
        println!("{what}: written in {:.2} s ({mb:.1} MB)", t.elapsed().as_secs_f64());
        report(&format!("{what}, frames meanwhile"), times.into_iter());
        if let Some(e) = app.error.take() {
            eprintln!("{e}");
        }
    }
    let _ = std::fs::remove_dir_all(&dir);
}

/// Frames while a search is shown (snippets in every row, marks in the reader) and while the
/// tree is filtered by pinyin initials under the unit grouping (thousands of names).
fn search_frames(ctx: &egui::Context, app: &mut BaokanApp, clock: &mut f64, frames: usize) {
    app.apply(Command::SelectGroup(None));
    app.apply(Command::Search("镇".to_owned()));
    frame(ctx, app, clock, Vec::new());
    report("idle, searching (row snippets)", (0..frames).map(|_| frame(ctx, app, clock, Vec::new())));
    report("next match (n)", (0..frames).map(|_| frame(ctx, app, clock, key(Key::N))));
    app.apply(Command::Search(String::new()));
    app.apply(Command::SetGrouping(By::Unit));
    app.apply(Command::FilterTree("sthj".to_owned()));
    frame(ctx, app, clock, Vec::new());
    report("idle, tree filtered by initials", (0..frames).map(|_| frame(ctx, app, clock, Vec::new())));
}

/// A headline corrected: the frame that applies it (the page segmented again, the list and
/// tree rebuilt), then the frames until the search index, rebuilt on its thread, is back.
fn correction_frames(ctx: &egui::Context, app: &mut BaokanApp, clock: &mut f64) {
    let Some(selected) = app.selected else {
        return;
    };
    let first =
        app.loaded.as_ref().and_then(|l| l.item(selected)).and_then(|(_, it)| it.lines.first().copied());
    let Some(line) = first else {
        return;
    };
    let retitle = Correction::Set { line, field: Field::Title, value: Some("更正后的标题".to_owned()) };
    let t = Instant::now();
    app.apply(Command::Correct(selected, vec![retitle]));
    let applied = frame(ctx, app, clock, Vec::new()) + t.elapsed();
    let mut times = Vec::new();
    while app.loaded.as_ref().is_some_and(|l| l.is_indexing()) {
        std::thread::sleep(Duration::from_millis(16));
        times.push(frame(ctx, app, clock, Vec::new()));
    }
    println!(
        "a headline corrected: {:.1} ms to apply and draw; search index back after {:.2} s",
        ms(applied),
        t.elapsed().as_secs_f64()
    );
    // A small archive is indexed again inline: no frames to report then.
    if !times.is_empty() {
        report("a headline corrected, frames while indexing", times.into_iter());
    }
}

fn key(key: Key) -> Vec<Event> {
    let press =
        |pressed| Event::Key { key, physical_key: None, pressed, repeat: false, modifiers: Modifiers::NONE };
    vec![press(true), press(false)]
}

/// Prints median, 95th percentile and worst of a run of frames.
fn report(what: &str, times: impl Iterator<Item = Duration>) {
    let mut t: Vec<Duration> = times.collect();
    t.sort_unstable();
    let at = |q: f64| t.get(((t.len() - 1) as f64 * q).round() as usize).copied().unwrap_or_default();
    println!(
        "{what}: median {:.2} ms, p95 {:.2} ms, worst {:.2} ms over {} frames",
        ms(at(0.5)),
        ms(at(0.95)),
        ms(at(1.0)),
        t.len()
    );
}
