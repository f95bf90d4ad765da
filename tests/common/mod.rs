//! Helpers shared by the integration tests.
#![allow(dead_code)] // each test crate uses its own share of these

use std::path::{Path, PathBuf};

use baokan::app::{AppState, BaokanApp};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;

/// The seed page of ../shared, when this checkout sits beside it; otherwise says the test is
/// skipped and gives `None`.
pub fn seed_page() -> Option<PathBuf> {
    let page = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/fixtures/000_d84498ec863cbfe6.txt");
    if page.exists() {
        Some(page)
    } else {
        eprintln!("skipped: {} is absent", page.display());
        None
    }
}

/// An empty folder of this name under Cargo's temporary folder for integration tests,
/// emptied first if an earlier run left it.
pub fn scratch(name: &str) -> PathBuf {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join(name);
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap_or_else(|e| panic!("{}: {e}", dir.display()));
    dir
}

/// One of our layout fixtures.
pub fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/layouts").join(name)
}

/// The real app in a harness of the given size, with the bundled fonts.
pub fn harness_sized(app: BaokanApp, size: [f32; 2]) -> Harness<'static, BaokanApp> {
    Harness::builder()
        .with_size(size)
        .with_context_setup(baokan::ui::fonts::install)
        .build_ui_state(|ui, app: &mut BaokanApp| app.show(ui), app)
}

/// The real app at 1400×900.
pub fn harness(app: BaokanApp) -> Harness<'static, BaokanApp> {
    harness_sized(app, [1400.0, 900.0])
}

/// Runs frames until `done` holds (at most about ten seconds), then lets the window settle.
/// Single steps meanwhile: a progress bar or spinner keeps asking for frames.
fn run_until(h: &mut Harness<'static, BaokanApp>, what: &str, done: impl Fn(&BaokanApp) -> bool) {
    for _ in 0..1000 {
        h.step();
        if done(h.state()) {
            h.run();
            return;
        }
        std::thread::sleep(std::time::Duration::from_millis(10));
    }
    panic!("{what} did not finish");
}

/// Runs frames until no load is running and the search index has arrived.
pub fn wait_for_load(h: &mut Harness<'static, BaokanApp>) {
    run_until(h, "the load", |app| {
        app.job.is_none() && !app.loaded.as_ref().is_some_and(|l| l.is_indexing())
    });
}

/// Runs frames until every save and export has ended.
pub fn wait_for_writes(h: &mut Harness<'static, BaokanApp>) {
    run_until(h, "the writes", |app| app.writes.is_idle());
}

/// A fresh app with default settings.
pub fn fresh() -> BaokanApp {
    BaokanApp::new(AppState::default())
}

/// The app with the sample archive opened from the start screen's button.
pub fn sample() -> Harness<'static, BaokanApp> {
    let mut h = harness(fresh());
    h.run();
    h.get_by_label("打开示例档案").click();
    wait_for_load(&mut h);
    h
}
