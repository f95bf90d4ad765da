//! Corrections in the window, driven by accessible labels on the sample archive: a headline
//! corrected in the reader survives saving, closing and reopening; undo and redo; merging,
//! splitting and page-header lines; the question before unsaved corrections are dropped;
//! a `.baokan` archive saving itself.

use std::path::Path;

use baokan::Limits;
use baokan::app::{BaokanApp, Command};
use baokan::archive;
use baokan::export::Format;
use baokan::sample;
use baokan::{parse_pages, parse_paths};
use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT, Queryable};

use crate::common::scratch;
use crate::common::{fresh, harness, sample, wait_for_load, wait_for_writes};

/// The selected item's headline.
fn selected_title(h: &Harness<'static, BaokanApp>) -> Option<String> {
    let app = h.state();
    let (_, item) = app.loaded.as_ref()?.item(app.selected?)?;
    item.title.clone()
}

/// Opens the correction form and replaces the headline.
fn retitle(h: &mut Harness<'static, BaokanApp>, title: &str) {
    h.get_by_label("更正…").click();
    h.run();
    let field = h.get_by_label("更正：标题");
    field.focus();
    h.run();
    h.key_press_modifiers(Modifiers::COMMAND, Key::A);
    h.get_by_label("更正：标题").type_text(title);
    h.run();
    h.get_by_label("应用更正").click();
    h.step();
    // An archive with a file starts saving itself; its spinner keeps repainting.
    if h.state().writes.is_idle() {
        h.run();
    }
}

fn open(path: &Path) -> Harness<'static, BaokanApp> {
    let mut h = harness(fresh());
    h.run();
    h.state_mut().apply(Command::Open(vec![path.to_path_buf()]));
    wait_for_load(&mut h);
    h
}

#[test]
fn a_corrected_headline_survives_save_close_and_reopen() {
    let dir = scratch("edit-reopen");
    let mut h = sample();
    let before = selected_title(&h).unwrap();
    retitle(&mut h, "更正后的标题");
    assert_eq!(selected_title(&h).as_deref(), Some("更正后的标题"));
    h.get_by_label("※ 更正后的标题");
    assert!(h.state().window_title().starts_with("* "), "unsaved corrections show in the title");

    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run();
    assert_eq!(selected_title(&h).as_deref(), Some(before.as_str()), "undo restores the headline");
    assert!(h.query_by_label("※ 更正后的标题").is_none());
    assert!(!h.state().edits.unsaved());
    h.key_press_modifiers(Modifiers::COMMAND | Modifiers::SHIFT, Key::Z);
    h.run();
    assert_eq!(selected_title(&h).as_deref(), Some("更正后的标题"), "redo makes it again");

    let path = dir.join("corrected.baokan");
    h.state_mut().apply(Command::SaveArchiveTo(path.clone()));
    wait_for_writes(&mut h);
    assert!(!h.state().edits.unsaved());
    assert!(h.query_all_by_label_contains("已保存到").next().is_some());
    drop(h);

    let mut h = open(&path);
    h.get_by_label("※ 更正后的标题").click();
    h.run();
    assert_eq!(selected_title(&h).as_deref(), Some("更正后的标题"));
    h.get_by_label("（已更正）");
    assert_eq!(h.state().loaded.as_ref().unwrap().items.len(), 10);
}

#[test]
fn merge_and_split_from_the_form_and_undo_each() {
    let mut h = sample();
    let count = |h: &Harness<'static, BaokanApp>| h.state().loaded.as_ref().unwrap().items.len();
    h.get_by_label("更正…").click();
    h.run();
    h.get_by_label("与下一篇合并").click();
    h.run();
    assert_eq!(count(&h), 9);
    let app = h.state();
    let (_, merged) = app.loaded.as_ref().unwrap().item(app.selected.unwrap()).unwrap();
    assert!(merged.edited && merged.paragraphs.len() >= 2);
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run();
    assert_eq!(count(&h), 10);

    h.get_by_label("更正…").click();
    h.run();
    h.get_all_by_label("从这一段起拆分为新的一篇").next().unwrap().click();
    h.run();
    assert_eq!(count(&h), 11);
    let app = h.state();
    let loaded = app.loaded.as_ref().unwrap();
    let new = loaded.item(app.selected.unwrap()).unwrap().1;
    assert!(
        new.edited && new.title.is_none(),
        "the new item is selected: it starts at the paragraph, untitled"
    );
    let rest = loaded.item(app.selected.unwrap() - 1).unwrap().1;
    assert!(rest.edited && rest.title.is_some(), "the item before keeps the headline");
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run();
    assert_eq!(count(&h), 10);
}

#[test]
fn a_page_view_line_becomes_page_header() {
    let mut h = sample();
    let app = h.state();
    let (page, item) = app.loaded.as_ref().unwrap().item(app.selected.unwrap()).unwrap();
    let kicker = item.kicker.clone().expect("the sample's first item has a kicker");
    let headers = page.header.len();
    h.get_by_label("整版原文").click();
    h.run();
    // The kicker's line among the marked lines of the selected item (the tree may name it too).
    let marked =
        |n: &egui_kittest::Node<'_>| n.accesskit_node().toggled() == Some(egui::accesskit::Toggled::True);
    h.get_all_by_label(&kicker).find(marked).unwrap().click_secondary();
    h.run();
    h.get_by_label("设为版头（不是正文）").click();
    h.run();
    let app = h.state();
    let (page, item) = app.loaded.as_ref().unwrap().item(app.selected.unwrap()).unwrap();
    assert_eq!(page.header.len(), headers + 1);
    assert_eq!(page.header.last(), Some(&kicker));
    assert_eq!(item.kicker, None);
}

#[test]
fn opening_another_archive_asks_about_unsaved_corrections() {
    let mut h = sample();
    retitle(&mut h, "未保存的标题");
    h.state_mut().apply(Command::OpenSample);
    h.run();
    h.get_by_label("有未保存的更正");
    h.get_by_label("取消").click();
    h.run();
    assert!(h.state().job.is_none() && h.state().pending.is_none());
    assert_eq!(
        selected_title(&h).as_deref(),
        Some("未保存的标题"),
        "cancel keeps the archive and its corrections"
    );

    h.state_mut().apply(Command::Quit);
    h.run();
    assert!(!h.state().quit, "quitting asks too");
    h.get_by_label("取消").click();
    h.run();

    h.state_mut().apply(Command::OpenSample);
    h.run();
    h.get_by_label("不保存").click();
    wait_for_load(&mut h);
    assert!(h.query_by_label("有未保存的更正").is_none());
    assert!(h.query_by_label("※ 未保存的标题").is_none(), "the sample opened again without them");
}

#[test]
fn a_baokan_archive_saves_itself() {
    let dir = scratch("edit-autosave");
    let path = dir.join("sample.baokan");
    std::fs::write(&path, archive::to_bytes(&parse_pages(sample::pages(), baokan::Tables::builtin())))
        .unwrap();
    let mut h = open(&path);
    retitle(&mut h, "自动保存的标题");
    wait_for_writes(&mut h);
    assert!(!h.state().edits.unsaved(), "saved without being asked");
    assert!(!h.state().window_title().starts_with('*'));
    let doc = parse_paths(&[path.as_path()], &Limits::default(), baokan::Tables::builtin()).unwrap();
    let titles: Vec<_> = doc.pages.iter().flat_map(|p| &p.items).filter_map(|a| a.title.as_deref()).collect();
    assert!(titles.contains(&"自动保存的标题"), "{titles:?}");
    assert!(dir.join("sample.baokan.bak").exists(), "the previous version is kept");
}

#[test]
fn an_export_is_written_in_the_background() {
    let dir = scratch("edit-export");
    let path = dir.join("全部.csv");
    let mut h = sample();
    h.state_mut().apply(Command::ExportTo(Format::Csv, path.clone()));
    assert!(h.state().writes.current.is_some(), "the window goes on while a worker writes");
    wait_for_writes(&mut h);
    h.get_by_label(&format!("已导出 10 篇到 {}", path.display()));
    let csv = std::fs::read_to_string(&path).unwrap();
    assert!(csv.starts_with('\u{feff}'), "with the BOM Excel needs");
    assert_eq!(csv.matches("示例档案/").count(), 10, "one record an item, with its source: {csv}");
}

#[test]
fn enter_applies_the_correction_form_and_escape_cancels_it() {
    let mut h = sample();
    h.get_by_label("更正…").click();
    h.run();
    h.get_by_label("更正：标题").focus();
    h.run();
    h.key_press_modifiers(Modifiers::COMMAND, Key::A);
    h.get_by_label("更正：标题").type_text("用回车更正的标题");
    h.run();
    h.key_press(Key::Enter);
    h.run();
    assert_eq!(selected_title(&h).as_deref(), Some("用回车更正的标题"), "Enter applied the form");
    assert!(!h.state().focus_reading, "and did not also switch to reading alone");

    h.get_by_label("更正…").click();
    h.run();
    h.get_by_label("更正：副题").focus();
    h.run();
    h.get_by_label("更正：副题").type_text("不要的副题");
    h.run();
    h.key_press(Key::Escape);
    h.run();
    assert!(!h.state().editing, "Esc closed the form");
    let subtitle = {
        let app = h.state();
        app.loaded.as_ref().unwrap().item(app.selected.unwrap()).unwrap().1.subtitle.clone()
    };
    assert_ne!(subtitle.as_deref(), Some("不要的副题"), "without applying it");
}

#[test]
fn a_district_is_chosen_from_the_divisions_by_its_pinyin_initials() {
    let mut h = sample();
    h.get_by_label("更正…").click();
    h.run();
    h.get_by_label("更正：区县").focus();
    h.run();
    h.key_press_modifiers(Modifiers::COMMAND, Key::A);
    h.get_by_label("更正：区县").type_text("cpq");
    h.run();
    h.get_by_label("茌平区").click();
    h.run();
    h.get_by_label("应用更正").click();
    h.run();
    let district = {
        let app = h.state();
        app.loaded.as_ref().unwrap().item(app.selected.unwrap()).unwrap().1.district.clone()
    };
    assert_eq!(district.as_deref(), Some("茌平区"));
}
