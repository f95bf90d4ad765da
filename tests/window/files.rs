//! The window's own file chooser, which asks when the platform shows no file dialog (as under
//! Xvfb): opening a file through it by typing, completing and clicking, saving as an archive
//! (the title bar and recent files then follow the new file), and closing it with Esc.

use std::path::{MAIN_SEPARATOR, Path, PathBuf};

use baokan::app::BaokanApp;
use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT, Queryable};

use crate::common::{fixture, fresh, harness, sample, scratch, wait_for_load, wait_for_writes};

/// A folder holding one page file, a file Baokan does not open, and a subfolder.
fn folder(name: &str) -> PathBuf {
    let dir = scratch(name);
    std::fs::copy(fixture("kickers.txt"), dir.join("page-one.txt")).unwrap();
    std::fs::write(dir.join("notes.pdf"), b"%PDF").unwrap();
    std::fs::create_dir(dir.join("more")).unwrap();
    dir
}

/// Replaces what the chooser's path field holds.
fn type_path(h: &mut Harness<'static, BaokanApp>, text: &str) {
    h.get_by_label("文件路径").focus();
    h.run();
    h.key_press_modifiers(Modifiers::COMMAND, Key::A);
    h.get_by_label("文件路径").type_text(text);
    h.run();
}

/// Ctrl+O in a window without native dialogs: the chooser.
fn open_chooser() -> Harness<'static, BaokanApp> {
    let mut h = harness(fresh());
    h.run();
    h.key_press_modifiers(Modifiers::COMMAND, Key::O);
    h.run();
    h.get_by_label("打开版面或档案");
    h
}

fn opened(h: &Harness<'static, BaokanApp>) -> Vec<PathBuf> {
    h.state().loaded.as_ref().map(|l| l.inputs.clone()).unwrap_or_default()
}

#[test]
fn a_file_opens_through_the_chooser_by_clicking_in_its_folder() {
    let dir = folder("chooser-click");
    let mut h = open_chooser();
    type_path(&mut h, &format!("{}{MAIN_SEPARATOR}", dir.display()));
    h.get_by_label(&format!("more{MAIN_SEPARATOR}"));
    assert!(h.query_by_label("notes.pdf").is_none(), "only what Baokan opens is listed");
    h.get_by_label("page-one.txt").click();
    h.run();
    assert_eq!(
        h.get_by_label("文件路径").value().as_deref(),
        Some(dir.join("page-one.txt").to_str().unwrap())
    );
    h.get_by_label("打开").click();
    wait_for_load(&mut h);
    assert!(h.state().choosing.is_none(), "the chooser closed");
    assert_eq!(opened(&h), [dir.join("page-one.txt")]);
    assert!(h.state().error.is_none(), "{:?}", h.state().error);
}

#[test]
fn tab_completes_the_path_and_enter_opens_it() {
    let dir = folder("chooser-tab");
    let mut h = open_chooser();
    type_path(&mut h, &format!("{}{MAIN_SEPARATOR}pa", dir.display()));
    h.key_press(Key::Tab);
    h.run();
    let want = dir.join("page-one.txt");
    assert_eq!(h.get_by_label("文件路径").value().as_deref(), Some(want.to_str().unwrap()), "Tab completed");
    assert!(h.get_by_label("文件路径").is_focused(), "and the field kept the keyboard");
    h.key_press(Key::Enter);
    wait_for_load(&mut h);
    assert_eq!(opened(&h), [want]);
}

#[test]
fn a_missing_file_is_said_and_escape_closes_the_chooser() {
    let dir = folder("chooser-missing");
    let mut h = open_chooser();
    type_path(&mut h, &dir.join("nothing.txt").display().to_string());
    h.key_press(Key::Enter);
    h.run();
    h.get_by_label("没有这个文件或文件夹");
    assert!(h.state().choosing.is_some(), "the chooser stays");
    h.key_press(Key::Escape);
    h.run();
    h.key_press(Key::Escape);
    h.run();
    assert!(h.state().choosing.is_none(), "Esc closed it");
    assert!(h.state().loaded.is_none());
}

#[test]
fn after_save_as_the_title_and_recent_files_follow_the_new_archive() {
    let dir = scratch("chooser-save");
    let mut h = sample();
    h.key_press_modifiers(Modifiers::COMMAND | Modifiers::SHIFT, Key::S);
    h.run();
    h.get_by_label("另存为档案");
    let suggested = h.get_by_label("文件路径").value().unwrap();
    assert!(suggested.ends_with(".baokan"), "{suggested}");
    let path = dir.join("mine.baokan");
    type_path(&mut h, &path.display().to_string());
    h.key_press(Key::Enter);
    // Single steps: the save's spinner keeps asking for frames.
    h.step();
    wait_for_writes(&mut h);
    assert!(Path::new(&path).exists());
    assert_eq!(h.state().window_title(), "mine.baokan — 报刊档案");
    let recent = &h.state().state.recent;
    assert!(recent.first().is_some_and(|r| r.ends_with("mine.baokan")), "{recent:?}");
    h.get_by_label("文件").click();
    h.run();
    h.get_by_label("最近打开").hover();
    h.run();
    assert!(
        h.query_all_by_label_contains("mine.baokan")
            .any(|n| n.accesskit_node().role() == egui::accesskit::Role::Button)
    );
}
