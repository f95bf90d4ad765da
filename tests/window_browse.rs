//! Browsing in the window, driven by accessible labels: the embedded sample archive, sorting
//! the list, reading alone with Enter, English labels, and a load's progress bar and cancel.
#![allow(clippy::expect_used, clippy::unwrap_used)]

use baokan::app::{BaokanApp, Command, Language};
use baokan::order::body_len;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;

mod common;
use common::sample;

#[test]
fn the_sample_archive_opens_from_the_start_screen_grouped_by_district() {
    let mut h = sample();
    assert!(h.state().error.is_none(), "{:?}", h.state().error);
    h.get_by_label("全部 (10)");
    h.get_by_label("岱岳区 (2)").click();
    h.run();
    let app = h.state();
    let loaded = app.loaded.as_ref().unwrap();
    let districts: Vec<_> = app.list.iter().map(|&i| loaded.item(i).unwrap().1.district.clone()).collect();
    assert_eq!(districts, [Some("岱岳区".to_owned()), Some("岱岳区".to_owned())]);
    assert!(app.state.recent.is_empty(), "the sample is not a recent file");
    assert_eq!(app.window_title(), "示例档案 — 报刊档案");
}

/// Body lengths of the listed items, in list order.
fn lengths(h: &Harness<'static, BaokanApp>) -> Vec<usize> {
    let app = h.state();
    let loaded = app.loaded.as_ref().unwrap();
    app.list.iter().map(|&i| body_len(loaded.item(i).unwrap().1)).collect()
}

#[test]
fn clicking_a_header_sorts_and_clicking_again_reverses() {
    let mut h = sample();
    let document_order = h.state().list.clone();
    assert!(document_order.windows(2).all(|w| w[0] < w[1]), "page order by default");
    h.get_by_label("字数").click();
    h.run();
    let up = lengths(&h);
    assert!(up.windows(2).all(|w| w[0] <= w[1]), "{up:?}");
    h.get_by_label("字数 ▲").click();
    h.run();
    let down = lengths(&h);
    assert!(down.windows(2).all(|w| w[0] >= w[1]), "{down:?}");
    h.get_by_label("字数 ▼");
    assert_ne!(up, down);
}

#[test]
fn enter_reads_the_item_alone_and_escape_comes_back() {
    let mut h = sample();
    h.key_press(egui::Key::ArrowDown);
    h.run();
    let selected = h.state().selected.unwrap();
    let title = {
        let loaded = h.state().loaded.as_ref().unwrap();
        loaded.item(selected).unwrap().1.title.clone().unwrap()
    };
    assert_eq!(h.get_all_by_label(&title).count(), 2, "list row and reader");
    h.key_press(egui::Key::Enter);
    h.run();
    assert!(h.state().focus_reading);
    assert_eq!(h.get_all_by_label(&title).count(), 1, "the reader alone");
    assert!(h.query_by_label("标题").is_none(), "no list header");
    h.key_press(egui::Key::ArrowDown);
    h.run();
    assert_ne!(h.state().selected, Some(selected), "arrows still move through the list");
    h.key_press(egui::Key::Escape);
    h.run();
    assert!(!h.state().focus_reading);
    h.get_by_label("标题");
}

#[test]
fn english_labels_cover_the_tree_and_the_list() {
    let mut h = sample();
    h.state_mut().apply(Command::SetLanguage(Language::English));
    h.run();
    h.get_by_label("All (10)");
    h.get_by_label("(no district) (1)");
    h.get_by_label("City level (市直) (1)");
    h.get_by_label("Title");
    h.get_by_label("By district");
    assert!(h.query_by_label("全部 (10)").is_none());
    assert_eq!(h.state().window_title(), "示例档案 — Baokan");
}

#[test]
fn a_long_load_shows_progress_and_cancel_keeps_the_archive() {
    let dir = std::env::temp_dir().join(format!("baokan-progress-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let big = dir.join("issue.txt");
    std::fs::write(&big, baokan_devtools::synth::dump(7, 3000)).unwrap();
    let mut h = sample();
    h.state_mut().apply(Command::Open(vec![big]));
    h.step();
    h.step();
    assert!(h.state().job.is_some(), "3000 pages take more than a frame");
    assert!(h.query_all_by_label_contains("正在").next().is_some(), "the status bar says what is being done");
    h.get_by_label("取消").click();
    h.step();
    h.run();
    assert!(h.state().job.is_none());
    assert_eq!(h.state().loaded.as_ref().unwrap().items.len(), 10, "the sample stays open");
    assert!(h.state().error.is_none());
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn ctrl_q_and_the_file_menu_quit() {
    let mut h = sample();
    assert!(!h.state().quit);
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Q);
    h.run();
    assert!(h.state().quit, "Ctrl+Q asks the window to close");
    let mut h = sample();
    h.get_by_label("文件").click();
    h.run();
    h.get_by_label("退出 Ctrl+Q").click();
    h.run();
    assert!(h.state().quit, "文件 → 退出 asks the window to close");
}
