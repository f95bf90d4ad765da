//! The window, driven through egui_kittest by accessible labels: opening, the group tree,
//! the list, the reader, settings that persist, errors that keep the open archive.

use std::path::PathBuf;

use baokan::app::{AppState, BaokanApp, Command, Theme};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;

use crate::common::{fixture, harness, wait_for_load};

fn opened(path: PathBuf) -> Harness<'static, BaokanApp> {
    let mut app = BaokanApp::new(AppState::default());
    app.open_now(baokan::app::Source::Paths(vec![path]));
    let mut h = harness(app);
    h.run();
    h
}

#[test]
fn start_screen_offers_opening() {
    let mut h = harness(BaokanApp::new(AppState::default()));
    h.run();
    h.get_by_label("打开文件…");
    h.get_by_label("打开文件夹…");
    h.get_by_label("打开示例档案");
}

#[test]
fn tree_selects_a_group_and_the_reader_shows_its_item() {
    let mut h = opened(fixture("headline_first.txt"));
    h.get_by_label("全部 (3)");
    // The page names no city of the table: no home city, no 市直.
    h.get_by_label("（未定区县） (3)").click();
    h.run();
    assert_eq!(h.state().list.len(), 3, "the group lists exactly its items");
    // The list row (the reader may show the same headline).
    h.get_all_by_label("新馆开放首日迎来阅读热").next().unwrap().click();
    h.run();
    let (_, item) = h.state().loaded.as_ref().unwrap().item(h.state().selected.unwrap()).unwrap();
    assert_eq!(item.title.as_deref(), Some("新馆开放首日迎来阅读热"));
    // The reader shows the headline (as well as the list row) and the byline.
    assert_eq!(h.get_all_by_label("新馆开放首日迎来阅读热").count(), 2);
}

#[test]
fn seed_page_district_tree() {
    let Some(page) = crate::common::seed_page() else {
        return;
    };
    let mut h = opened(page);
    h.get_by_label("东昌府区 (2)").click();
    h.run();
    let app = h.state();
    assert_eq!(app.list.len(), 2);
    let loaded = app.loaded.as_ref().unwrap();
    for &i in &app.list {
        assert_eq!(loaded.item(i).unwrap().1.district.as_deref(), Some("东昌府区"));
    }
    let first = loaded.item(app.list[0]).unwrap().1;
    let (title, byline) = (first.title.clone().unwrap(), first.byline.clone().unwrap());
    h.get_all_by_label(&title).next().unwrap().click();
    h.run();
    assert_eq!(h.state().selected, Some(h.state().list[0]));
    h.get_by_label(&byline);
}

#[test]
fn text_size_zoom_and_theme_persist_across_a_restart() {
    let mut h = opened(fixture("headline_first.txt"));
    h.key_press_modifiers(egui::Modifiers::COMMAND | egui::Modifiers::SHIFT, egui::Key::Equals);
    h.run();
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Equals);
    h.run();
    h.get_by_label("视图").click();
    h.run();
    h.get_by_label("深色").click();
    h.run();
    let saved = serde_json::to_string(&h.state().state).unwrap();
    let state: AppState = serde_json::from_str(&saved).unwrap();
    assert_eq!(state.text_size, baokan::app::DEFAULT_TEXT_SIZE + 1.0);
    assert_eq!(state.theme, Theme::Dark);
    assert!((state.zoom - 1.1).abs() < 1e-6, "{}", state.zoom);
    let mut again = harness(BaokanApp::new(state));
    again.run();
    assert_eq!(again.state().state.theme, Theme::Dark);
    assert_eq!(again.ctx.theme(), egui::Theme::Dark);
    assert!((again.ctx.zoom_factor() - 1.1).abs() < 1e-6, "the interface is zoomed again");
}

#[test]
fn a_bad_file_shows_the_error_and_keeps_the_archive() {
    let mut h = opened(fixture("headline_first.txt"));
    let missing = fixture("no-such-page.txt");
    h.state_mut().apply(Command::Open(vec![missing]));
    wait_for_load(&mut h);
    let error = h.state().error_text().expect("an error is shown");
    assert!(error.contains("no-such-page.txt"), "{error}");
    h.get_by_label(&error);
    assert_eq!(h.state().loaded.as_ref().unwrap().items.len(), 3, "the old archive stays open");
}
