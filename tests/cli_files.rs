//! `baokan convert` and `baokan export`: an archive parses to the items of its sources, exports
//! hold what was asked for, inputs are never written over, and a writer killed mid-write
//! leaves the previous archive whole.

#![allow(clippy::expect_used, clippy::unwrap_used)] // a test may stop at the first broken expectation

use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use std::time::Duration;

mod common;
use common::scratch;

fn baokan(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_baokan")).args(args).output().expect("baokan runs")
}

fn ok(out: &Output) -> &Output {
    assert_eq!(out.status.code(), Some(0), "stderr: {}", String::from_utf8_lossy(&out.stderr));
    out
}

fn s(p: &Path) -> &str {
    p.to_str().unwrap()
}

/// A folder `2023-07-10/03.txt` (the seed page of ../shared when present, else the sample's
/// page 3) and `2023-07-10/04.txt` (the sample's page 4).
fn issue_folder(dir: &Path) -> PathBuf {
    let day = dir.join("2023-07-10");
    std::fs::create_dir_all(&day).unwrap();
    let sample = Path::new(env!("CARGO_MANIFEST_DIR")).join("assets/sample");
    let page3 = common::seed_page().unwrap_or_else(|| sample.join("2024-05-06/03.txt"));
    std::fs::copy(page3, day.join("03.txt")).unwrap();
    std::fs::copy(sample.join("2024-05-07/04.txt"), day.join("04.txt")).unwrap();
    day
}

#[test]
fn a_converted_folder_parses_to_the_same_items() {
    let dir = scratch("convert-same");
    let day = issue_folder(&dir);
    let archive = dir.join("day.baokan");
    ok(&baokan(&["convert", s(&day), "-o", s(&archive)]));
    let from_folder = ok(&baokan(&["parse", "--json", s(&day)])).stdout.clone();
    let from_archive = ok(&baokan(&["parse", "--json", s(&archive)])).stdout.clone();
    assert_eq!(from_archive, from_folder);
    let doc: serde_json::Value = serde_json::from_slice(&from_archive).unwrap();
    let pages = doc["pages"].as_array().unwrap();
    let meta: Vec<(String, u64)> = pages
        .iter()
        .map(|p| (p["date"].as_str().unwrap().to_owned(), p["page_no"].as_u64().unwrap()))
        .collect();
    assert_eq!(meta, [("2023-07-10".to_owned(), 3), ("2023-07-10".to_owned(), 4)]);
    assert!(pages.iter().all(|p| !p["articles"].as_array().unwrap().is_empty()));
    let raw: serde_json::Value = serde_json::from_slice(&std::fs::read(&archive).unwrap()).unwrap();
    assert_eq!((raw["format"].as_str(), raw["version"].as_u64()), (Some("baokan-archive"), Some(1)));
}

#[test]
fn export_writes_all_items_or_a_search() {
    let dir = scratch("export");
    let day = issue_folder(&dir);
    let all: serde_json::Value =
        serde_json::from_slice(&ok(&baokan(&["parse", "--json", s(&day)])).stdout).unwrap();
    let count: usize =
        all["pages"].as_array().unwrap().iter().map(|p| p["articles"].as_array().unwrap().len()).sum();
    let json = dir.join("all.json");
    ok(&baokan(&["export", s(&day), "-o", s(&json)]));
    let exported: serde_json::Value = serde_json::from_slice(&std::fs::read(&json).unwrap()).unwrap();
    assert_eq!(exported["items"].as_array().unwrap().len(), count);
    let titles = all["pages"].as_array().unwrap().iter().flat_map(|p| p["articles"].as_array().unwrap());
    let first_title = titles.filter_map(|a| a["title"].as_str()).next().unwrap().to_owned();
    let csv = dir.join("found.txt");
    ok(&baokan(&[
        "export",
        "--format",
        "csv",
        "--query",
        &format!("标题:{first_title}"),
        s(&day),
        "-o",
        s(&csv),
    ]));
    let bytes = std::fs::read(&csv).unwrap();
    assert!(bytes.starts_with(b"\xEF\xBB\xBF"));
    let text = String::from_utf8(bytes[3..].to_vec()).unwrap();
    assert!(text.contains(&first_title));
    let md = dir.join("found.md");
    ok(&baokan(&["export", "--query", "没有这样的词语组合", s(&day), "-o", s(&md)]));
    assert!(std::fs::read_to_string(&md).unwrap().contains("共 0 篇"));
}

#[test]
fn bad_commands_get_one_sentence_and_write_nothing() {
    let dir = scratch("export-bad");
    let day = issue_folder(&dir);
    let page = day.join("04.txt");
    let before = std::fs::read(&page).unwrap();
    let cases: Vec<(Vec<&str>, &str)> = vec![
        (vec!["convert", s(&page)], "-o"),
        (vec!["convert", s(&page), "-o", s(&page)], "输出文件不能是输入文件"),
        (vec!["export", "--format", "md", s(&page), "-o", s(&page)], "输出文件不能是输入文件"),
        (vec!["export", s(&page), "-o", "/tmp/x.docx"], "--format md|csv|json"),
        (vec!["export", "--format", "pdf", s(&page), "-o", "/tmp/x.pdf"], "--format md|csv|json"),
        (vec!["export", "--colour", "red", s(&page), "-o", "/tmp/x.md"], "不认识"),
        (vec!["convert", "-o", "/tmp/x.baokan"], "至少一个文件"),
        (vec!["convert", "/nonexistent/page.txt", "-o", "/tmp/x.baokan"], "/nonexistent/page.txt："),
        (vec!["convert", s(&page), "-o", "/nonexistent-folder/x.baokan"], "无法写入"),
    ];
    for (args, want) in cases {
        let out = baokan(&args);
        let err = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(2), "{args:?}: {err}");
        assert_eq!(err.lines().count(), 1, "{args:?}: {err}");
        assert!(err.contains(want), "{args:?}: {err}");
    }
    assert_eq!(std::fs::read(&page).unwrap(), before);
}

/// Kills `convert` as soon as its temporary file appears (while it writes the new archive,
/// before the rename): the archive it was replacing is untouched and still reads. A run left
/// to finish then replaces it and keeps the old one as `.bak`.
#[test]
fn a_killed_writer_leaves_the_old_archive_readable() {
    let dir = scratch("killed");
    let big = dir.join("big.txt");
    std::fs::write(&big, baokan_devtools::synth::dump(7, 3000)).unwrap();
    let small = issue_folder(&dir);
    let archive = dir.join("a.baokan");
    ok(&baokan(&["convert", s(&small), "-o", s(&archive)]));
    let old = std::fs::read(&archive).unwrap();
    let temp_exists = || {
        std::fs::read_dir(&dir).unwrap().any(|e| e.unwrap().file_name().to_string_lossy().ends_with(".tmp"))
    };
    let mut child = Command::new(env!("CARGO_BIN_EXE_baokan"))
        .args(["convert", s(&big), "-o", s(&archive)])
        .spawn()
        .unwrap();
    let mut caught = false;
    while child.try_wait().unwrap().is_none() {
        if temp_exists() {
            child.kill().unwrap();
            caught = true;
            break;
        }
        std::thread::sleep(Duration::from_micros(200));
    }
    let _ = child.wait();
    if caught {
        assert_eq!(std::fs::read(&archive).unwrap(), old, "killed mid-write, the old archive is unchanged");
        ok(&baokan(&["parse", s(&archive)]));
    } else {
        eprintln!("the writer finished before its temporary file was seen; only the full run is checked");
    }
    ok(&baokan(&["convert", s(&big), "-o", s(&archive)]));
    assert_eq!(std::fs::read(dir.join("a.baokan.bak")).unwrap(), old, "the previous archive is kept");
    assert!(std::fs::read(&archive).unwrap().len() > old.len());
    ok(&baokan(&["parse", s(&archive)]));
}
