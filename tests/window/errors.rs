//! Every error the window can show, each made to happen for real: opening what cannot be read
//! (each kind of unreadable file and archive, and inputs without page text), saving and
//! exporting where nothing can be written or over an opened page file, and a background save
//! whose folder has gone. Each shows one sentence in the status bar, naming the file, and the
//! open archive stays. (The two "thread stopped" messages are unit tests in src/app, and a
//! window that cannot open at all is tested against the binary below.)

use std::path::{Path, PathBuf};

use baokan::app::{BaokanApp, Command};
use baokan::archive;
use baokan::export::Format;
use baokan::model::{Correction, Field};
use baokan::parse_pages;
use baokan::sample;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;

use crate::common::scratch;
use crate::common::{fixture, fresh, harness, wait_for_load, wait_for_writes};

fn opened(path: &Path) -> Harness<'static, BaokanApp> {
    let mut h = harness(fresh());
    h.run();
    h.state_mut().apply(Command::Open(vec![path.to_path_buf()]));
    wait_for_load(&mut h);
    assert!(h.state().error.is_none(), "{:?}", h.state().error);
    h
}

/// The error shown now: one sentence, in the status bar, with every expected part.
fn shown_error(h: &Harness<'static, BaokanApp>, parts: &[&str]) -> String {
    let error = h.state().error_text().expect("an error is shown");
    h.get_by_label(&error);
    assert_eq!(error.lines().count(), 1, "one sentence: {error}");
    for part in parts {
        assert!(error.contains(part), "{error} lacks {part}");
    }
    error
}

/// Files that cannot be opened, with what their error must say.
fn unreadable(dir: &Path) -> Vec<(&'static str, PathBuf, Vec<&'static str>)> {
    let file = |name: &str, bytes: &[u8]| {
        let p = dir.join(name);
        std::fs::write(&p, bytes).unwrap();
        p
    };
    let archive =
        String::from_utf8(archive::to_bytes(&parse_pages(sample::pages(), baokan::Tables::builtin())))
            .unwrap();
    let big = dir.join("huge.txt");
    // Sparse: over the 1 GiB reading limit without using the disk, refused before reading.
    std::fs::File::create(&big).unwrap().set_len((1 << 30) + 1).unwrap();
    let empty_folder = dir.join("empty-folder");
    std::fs::create_dir_all(&empty_folder).unwrap();
    let mut cases = vec![
        ("missing", dir.join("no-such-page.txt"), vec!["no-such-page.txt", "不存在"]),
        ("binary", file("photo.txt", b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0"), vec!["photo.txt", "二进制"]),
        ("bad zip", file("pages.zip", b"PK\x03\x04 not really a zip"), vec!["pages.zip", "zip"]),
        ("too large", big, vec!["huge.txt", "超出读取限制"]),
        (
            "truncated archive",
            file("cut.baokan", &archive.as_bytes()[..archive.len() / 2]),
            vec!["cut.baokan", "不完整"],
        ),
        (
            "newer archive",
            file("new.baokan", br#"{"format":"baokan-archive","version":99,"pages":[]}"#),
            vec!["new.baokan", "升级"],
        ),
        ("other JSON", file("other.json", br#"{"name":"not ours"}"#), vec!["other.json", "不是 Baokan 档案"]),
        (
            "damaged archive",
            file("bad.baokan", br#"{"format":"baokan-archive","version":1,"pages":7}"#),
            vec!["bad.baokan", "损坏"],
        ),
        ("empty file", file("blank.txt", b" \n\n \n"), vec!["blank.txt", "没有找到版面文字"]),
        ("empty folder", empty_folder, vec!["empty-folder", "没有找到版面文字"]),
    ];
    if cfg!(target_os = "linux") {
        // Opens, but every read fails (EIO): an I/O error that root cannot sidestep.
        cases.push(("read fails", PathBuf::from("/proc/self/mem"), vec!["/proc/self/mem", "无法读取"]));
    }
    cases
}

#[test]
fn every_unreadable_input_is_one_sentence_and_the_archive_stays() {
    let dir = scratch("errors-open");
    let mut h = opened(&fixture("headline_first.txt"));
    for (name, path, parts) in unreadable(&dir) {
        h.state_mut().apply(Command::Open(vec![path]));
        wait_for_load(&mut h);
        let error = shown_error(&h, &parts);
        assert_eq!(
            h.state().loaded.as_ref().unwrap().items.len(),
            3,
            "{name}: the old archive stays ({error})"
        );
        h.state_mut().apply(Command::DismissError);
        h.run();
        assert!(h.query_by_label(&error).is_none(), "{name}: dismissed");
    }
}

#[test]
fn saving_and_exporting_where_nothing_can_be_written() {
    let dir = scratch("errors-write");
    let page = dir.join("03.txt");
    std::fs::copy(fixture("headline_first.txt"), &page).unwrap();
    let mut h = opened(&page);
    let nowhere = dir.join("no-such-folder");
    type Case = (&'static str, Command, Vec<&'static str>);
    let cases: Vec<Case> = vec![
        ("save into a missing folder", Command::SaveArchiveTo(nowhere.join("a.baokan")), vec!["a.baokan"]),
        ("save over the opened page", Command::SaveArchiveTo(page.clone()), vec!["03.txt", "不会被覆盖"]),
        (
            "export into a missing folder",
            Command::ExportTo(Format::Csv, nowhere.join("a.csv")),
            vec!["a.csv"],
        ),
        (
            "export over the opened page",
            Command::ExportTo(Format::Markdown, page.clone()),
            vec!["03.txt", "不会被覆盖"],
        ),
    ];
    for (name, command, parts) in cases {
        h.state_mut().apply(command);
        wait_for_writes(&mut h);
        shown_error(&h, &parts);
        assert!(h.state().archive.is_none(), "{name}: nothing was saved");
        h.state_mut().apply(Command::DismissError);
    }
    let text = std::fs::read_to_string(&page).unwrap();
    assert_eq!(
        text,
        std::fs::read_to_string(fixture("headline_first.txt")).unwrap(),
        "the page is untouched"
    );
    assert!(!nowhere.exists());
}

#[test]
fn a_background_save_whose_folder_has_gone_says_so() {
    let dir = scratch("errors-autosave");
    let path = dir.join("sample.baokan");
    std::fs::write(&path, archive::to_bytes(&parse_pages(sample::pages(), baokan::Tables::builtin())))
        .unwrap();
    let mut h = opened(&path);
    std::fs::remove_dir_all(&dir).unwrap();
    let selected = h.state().selected.expect("an item is selected");
    let first = h.state().loaded.as_ref().unwrap().item(selected).unwrap().1.lines[0];
    let retitle =
        Correction::Set { line: first, field: Field::Title, value: Some("改后的标题".to_owned()) };
    h.state_mut().apply(Command::Correct(selected, vec![retitle]));
    wait_for_writes(&mut h);
    shown_error(&h, &["sample.baokan"]);
    assert!(h.state().edits.unsaved(), "the correction is still unsaved");
    assert!(h.state().window_title().starts_with("* "));
}

#[test]
fn a_window_that_cannot_open_is_one_sentence() {
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_baokan"))
        .args(["--renderer", "glow"])
        .env_remove("DISPLAY")
        .env_remove("WAYLAND_DISPLAY")
        .env("XDG_RUNTIME_DIR", Path::new(env!("CARGO_TARGET_TMPDIR")))
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    let sentence: Vec<&str> = err.lines().filter(|l| l.starts_with("baokan:")).collect();
    assert_eq!(sentence.len(), 1, "{err}");
    assert!(
        sentence[0].contains("无法打开窗口") && sentence[0].contains("could not open the window"),
        "{err}"
    );
}
