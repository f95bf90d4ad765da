//! Rendered snapshots of the window (wgpu; on a machine without a GPU, Mesa's lavapipe), so a
//! change that moves, clips or loses glyphs shows up as an image difference. After an
//! intended change: `UPDATE_SNAPSHOTS=1 cargo test --release --test snapshots`, and look at
//! the new images in tests/snapshots/ before committing them.
//!
//! Without any wgpu adapter (a fresh machine lacking `mesa-vulkan-drivers`) these tests say so
//! and pass, so that `cargo test` works everywhere; `.ci/run` installs the driver and sets
//! `BAOKAN_REQUIRE_SNAPSHOTS=1`, which turns that into a failure.

use std::time::Duration;

use baokan::app::{BaokanApp, Command, Theme};
use baokan::groups::GroupKey;
use egui_kittest::kittest::Queryable;
use egui_kittest::{Harness, SnapshotOptions};

mod common;
use common::{fresh, harness_sized, wait_for_load};

/// True when a wgpu renderer can be made here; otherwise explains the skip, or fails when
/// snapshots are required.
fn can_render() -> bool {
    // Made once for all tests: a renderer takes a while to start on a software adapter.
    static MADE: std::sync::OnceLock<bool> = std::sync::OnceLock::new();
    let made =
        *MADE.get_or_init(|| std::panic::catch_unwind(egui_kittest::wgpu::WgpuTestRenderer::new).is_ok());
    if !made {
        assert!(
            std::env::var_os("BAOKAN_REQUIRE_SNAPSHOTS").is_none(),
            "no wgpu adapter: install mesa-vulkan-drivers and libvulkan1"
        );
        eprintln!("skipped: no wgpu adapter (apt-get install mesa-vulkan-drivers libvulkan1)");
    }
    made
}

/// The sample archive at the given size, its second district open and an item selected.
fn browsing(size: [f32; 2]) -> Harness<'static, BaokanApp> {
    browsing_in(size, Theme::Light)
}

/// The same in a theme. A window below 1000 px has the tree folded: the district is chosen
/// from its drop-down.
fn browsing_in(size: [f32; 2], theme: Theme) -> Harness<'static, BaokanApp> {
    let mut h = harness_sized(fresh(), size);
    h.state_mut().apply(Command::SetTheme(theme));
    h.run();
    h.state_mut().apply(Command::OpenSample);
    wait_for_load(&mut h);
    h.state_mut().apply(Command::SelectGroup(Some(vec![GroupKey::Named("岱岳区".to_owned())])));
    h.run();
    h.key_press(egui::Key::ArrowDown);
    // The status bar shows how long loading took; fixed here so the image is the same each run.
    if let Some(l) = h.state_mut().loaded.as_mut() {
        l.load_time = Duration::from_millis(42);
    }
    h.run();
    h
}

/// Small rasteriser differences between Mesa versions pass; a moved or missing glyph does not.
fn options() -> SnapshotOptions {
    SnapshotOptions::new().max_failed_pixels(200)
}

#[test]
fn start_screen() {
    if !can_render() {
        return;
    }
    let mut h = harness_sized(fresh(), [1400.0, 900.0]);
    h.run();
    h.snapshot_options("start_screen", &options());
}

#[test]
fn browsing_the_sample_at_1400x900() {
    if !can_render() {
        return;
    }
    browsing([1400.0, 900.0]).snapshot_options("browsing_1400x900", &options());
}

#[test]
fn browsing_the_sample_at_900x600() {
    if !can_render() {
        return;
    }
    browsing([900.0, 600.0]).snapshot_options("browsing_900x600", &options());
}

#[test]
fn browsing_the_sample_in_the_dark_theme_at_1400x900() {
    if !can_render() {
        return;
    }
    browsing_in([1400.0, 900.0], Theme::Dark).snapshot_options("browsing_1400x900_dark", &options());
}

#[test]
fn browsing_the_sample_in_the_dark_theme_at_900x600() {
    if !can_render() {
        return;
    }
    browsing_in([900.0, 600.0], Theme::Dark).snapshot_options("browsing_900x600_dark", &options());
}

/// The sample searched for 镇, at the second match of the first item.
fn searching() -> Harness<'static, BaokanApp> {
    let mut h = harness_sized(fresh(), [1400.0, 900.0]);
    h.run();
    h.state_mut().apply(Command::OpenSample);
    wait_for_load(&mut h);
    h.state_mut().apply(Command::Search("镇".to_owned()));
    h.state_mut().apply(Command::NextHit(1));
    if let Some(l) = h.state_mut().loaded.as_mut() {
        l.load_time = Duration::from_millis(42);
    }
    h.state_mut().search.took = Duration::from_millis(3);
    h.run();
    h
}

#[test]
fn searching_the_sample_marks_matches_in_list_and_reader() {
    if !can_render() {
        return;
    }
    searching().snapshot_options("searching_1400x900", &options());
}

#[test]
fn the_page_view_of_the_sample() {
    if !can_render() {
        return;
    }
    let mut h = browsing([1400.0, 900.0]);
    h.get_by_label("整版原文").click();
    h.run();
    h.snapshot_options("page_view_1400x900", &options());
}

#[test]
fn correcting_an_item() {
    if !can_render() {
        return;
    }
    let mut h = browsing([1400.0, 900.0]);
    h.key_press(egui::Key::ArrowUp);
    h.run();
    h.get_by_label("更正…").click();
    h.run();
    h.snapshot_options("correcting_1400x900", &options());
}
