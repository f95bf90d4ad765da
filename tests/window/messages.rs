//! Errors and warnings where the user looks: the banner under the menu bar, dismissed with
//! 关闭, and the message log (视图 → 消息), in both languages.

use baokan::app::{BaokanApp, Command, Language};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;

use crate::common::{fixture, fresh, harness, scratch, wait_for_load};

fn open(h: &mut Harness<'static, BaokanApp>, path: std::path::PathBuf) {
    h.state_mut().apply(Command::Open(vec![path]));
    wait_for_load(h);
}

#[test]
fn an_error_shows_in_the_banner_and_stays_in_the_log() {
    let dir = scratch("messages-error");
    let blank = dir.join("blank.txt");
    std::fs::write(&blank, b" \n\n").unwrap();
    let mut h = harness(fresh());
    h.run();
    open(&mut h, blank);
    let sentence = format!("{}：没有找到版面文字 (no page text found)", dir.join("blank.txt").display());
    h.get_by_label(&sentence);
    h.get_by_label("关闭").click();
    h.run();
    assert!(h.query_by_label(&sentence).is_none(), "dismissed");
    h.get_by_label("视图").click();
    h.run();
    h.get_by_label("消息（1）").click();
    h.run();
    h.get_by_label("消息");
    h.get_by_label("错误");
    h.get_by_label(&sentence);
    // The same sentence in English, names the file and says what is wrong in both languages.
    h.state_mut().apply(Command::SetLanguage(Language::English));
    h.run();
    h.get_by_label("Messages");
    h.get_by_label("Error");
    h.get_by_label(&sentence);
}

#[test]
fn a_loads_warnings_are_counted_in_the_banner_and_listed_in_the_log() {
    let dir = scratch("messages-warning");
    std::fs::copy(fixture("kickers.txt"), dir.join("01.txt")).unwrap();
    std::fs::write(dir.join("02.txt"), b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0").unwrap();
    let mut h = harness(fresh());
    h.run();
    open(&mut h, dir.clone());
    assert!(h.state().error.is_none());
    let warnings = h.state().loaded.as_ref().unwrap().doc.warnings.len();
    assert!(warnings >= 1, "the binary file is skipped with a warning");
    h.get_by_label(&format!("读取时有 {warnings} 条警告"));
    h.get_by_label("消息…").click();
    h.run();
    h.get_by_label("警告");
    assert!(h.query_all_by_label_contains("02.txt").next().is_some(), "the warning names the file");
    h.get_by_label("关闭").click();
    h.run();
    assert!(h.query_by_label(&format!("读取时有 {warnings} 条警告")).is_none());
}
