//! The `baokan parse --json` command on good and bad inputs: every input ends in exit 0 (with
//! warnings where something was skipped) or exit 2 with one sentence naming the file; nothing
//! panics, hangs or writes a file.

#![allow(clippy::expect_used, clippy::unwrap_used)] // a test may stop at the first broken expectation

use std::io::Write;
use std::path::Path;
use std::process::{Command, Output};

use zip::write::SimpleFileOptions;

mod common;
use common::scratch;

fn baokan(args: &[&Path]) -> Output {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_baokan"));
    cmd.arg("parse").arg("--json").args(args);
    cmd.output().expect("baokan runs")
}

/// A fresh scratch folder under the target directory.
fn layout(name: &str) -> Vec<u8> {
    std::fs::read(Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/layouts").join(name)).unwrap()
}

fn json(out: &Output) -> serde_json::Value {
    assert_eq!(out.status.code(), Some(0), "stderr: {}", String::from_utf8_lossy(&out.stderr));
    serde_json::from_slice(&out.stdout).expect("stdout is JSON")
}

/// Exit 2 and exactly one line on standard error naming `label`.
fn assert_one_sentence(out: &Output, label: &str) {
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(err.trim_end().lines().count(), 1, "{err}");
    assert!(err.contains(label), "{err} should name {label}");
    assert!(out.stdout.is_empty());
}

fn write_zip(path: &Path, entries: &[(&str, &[u8])]) {
    let file = std::fs::File::create(path).unwrap();
    let mut zip = zip::ZipWriter::new(file);
    for (name, data) in entries {
        zip.start_file(*name, SimpleFileOptions::default()).unwrap();
        zip.write_all(data).unwrap();
    }
    zip.finish().unwrap();
}

/// The JSON of a parse with each page's `source` blanked, for comparing encodings.
fn without_sources(mut v: serde_json::Value) -> serde_json::Value {
    for page in v["pages"].as_array_mut().unwrap() {
        page["source"] = serde_json::Value::Null;
    }
    v["warnings"] = serde_json::Value::Null;
    v
}

#[test]
fn every_encoding_gives_the_same_json() {
    same_json_in_every_encoding("encodings", layout("headline_first.txt"));
}

/// The seed page of ../shared (when this checkout sits beside it) in every encoding.
#[test]
fn the_seed_page_gives_the_same_json_in_every_encoding() {
    let fixtures = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/fixtures");
    let Ok(entries) = std::fs::read_dir(&fixtures) else {
        eprintln!("skipped: {} is absent", fixtures.display());
        return;
    };
    for entry in entries.flatten().filter(|e| e.path().extension().is_some_and(|x| x == "txt")) {
        same_json_in_every_encoding("seed-encodings", std::fs::read(entry.path()).unwrap());
    }
}

fn same_json_in_every_encoding(scratch_name: &str, utf8: Vec<u8>) {
    let dir = scratch(scratch_name);
    let text = String::from_utf8(utf8.clone()).unwrap();
    let crlf = text.replace('\n', "\r\n");
    let (gb, _, _) = encoding_rs::GB18030.encode(&crlf);
    let mut utf16 = vec![0xFF, 0xFE];
    utf16.extend(text.encode_utf16().flat_map(u16::to_le_bytes));
    let mut bom = vec![0xEF, 0xBB, 0xBF];
    bom.extend_from_slice(&utf8);
    std::fs::write(dir.join("utf8.txt"), &utf8).unwrap();
    let want = without_sources(json(&baokan(&[&dir.join("utf8.txt")])));
    for (name, bytes) in [
        ("gb.txt", gb.to_vec()),
        ("utf16.txt", utf16),
        ("bom.txt", bom),
        ("cr.txt", text.replace('\n', "\r").into_bytes()),
    ] {
        std::fs::write(dir.join(name), &bytes).unwrap();
        let got = without_sources(json(&baokan(&[&dir.join(name)])));
        assert_eq!(got, want, "{name}");
    }
    assert!(!want["pages"][0]["articles"].as_array().unwrap().is_empty());
}

#[test]
fn form_feeds_split_pages_and_folders_read_in_natural_order() {
    let dir = scratch("folder");
    let day = dir.join("2024-03-15");
    std::fs::create_dir_all(&day).unwrap();
    std::fs::write(day.join("10.txt"), layout("photos.txt")).unwrap();
    std::fs::write(day.join("2.txt"), layout("headline_last.txt")).unwrap();
    let mut dump = layout("headline_first.txt");
    dump.push(0x0c);
    dump.extend(layout("photos.txt"));
    dump.push(0x0c);
    std::fs::write(day.join("3.txt"), dump).unwrap();
    std::fs::write(day.join("scan.txt"), [0x89, b'P', b'N', b'G', 0, 0, 0, 13, 1, 2, 3]).unwrap();
    let v = json(&baokan(&[&dir]));
    let pages = v["pages"].as_array().unwrap();
    let got: Vec<(String, u64, Option<u64>)> = pages
        .iter()
        .map(|p| {
            let source = p["source"].as_str().unwrap();
            let file = source.rsplit('/').next().unwrap().to_owned();
            (file, p["page"].as_u64().unwrap(), p["page_no"].as_u64())
        })
        .collect();
    let want = [("2.txt", 1, Some(2)), ("3.txt", 1, Some(2)), ("3.txt", 2, Some(8)), ("10.txt", 1, Some(10))];
    let want: Vec<(String, u64, Option<u64>)> =
        want.iter().map(|(f, p, n)| ((*f).to_owned(), *p, *n)).collect();
    assert_eq!(got, want);
    assert!(pages.iter().all(|p| p["date"] == "2024-03-15"), "the path names the date");
    let warnings = v["warnings"].as_array().unwrap();
    assert_eq!(warnings.len(), 1, "{warnings:?}");
    assert!(warnings[0].as_str().unwrap().contains("scan.txt"));
}

#[test]
fn zips_are_read_in_memory_and_entry_names_are_only_labels() {
    let dir = scratch("zip");
    let inner = dir.join("inner");
    std::fs::create_dir_all(&inner).unwrap();
    let zip_path = inner.join("pages.zip");
    let page = layout("photos.txt");
    write_zip(&zip_path, &[("../../x.txt", &page), ("/etc/passwd.txt", &page), ("readme.md", b"not a page")]);
    let v = json(&baokan(&[&zip_path]));
    let sources: Vec<&str> =
        v["pages"].as_array().unwrap().iter().map(|p| p["source"].as_str().unwrap()).collect();
    assert_eq!(sources.len(), 2, "{sources:?}");
    assert!(sources.iter().any(|s| s.ends_with("!../../x.txt")));
    assert!(!dir.join("x.txt").exists() && !inner.join("x.txt").exists());
    let count = |d: &Path| std::fs::read_dir(d).unwrap().count();
    assert_eq!((count(&dir), count(&inner)), (1, 1), "nothing was written beside the input");
}

#[test]
fn an_entry_that_unpacks_past_the_limit_is_skipped_with_a_warning() {
    let dir = scratch("bomb");
    let zip_path = dir.join("bomb.zip");
    let zeros = vec![b' '; 65 << 20];
    write_zip(&zip_path, &[("big.txt", &zeros), ("ok.txt", &layout("photos.txt"))]);
    assert!(std::fs::metadata(&zip_path).unwrap().len() < 1 << 20, "compresses well");
    let v = json(&baokan(&[&zip_path]));
    assert_eq!(v["pages"].as_array().unwrap().len(), 1);
    let w = v["warnings"][0].as_str().unwrap();
    assert!(w.contains("big.txt") && w.contains("entry too large"), "{w}");
}

#[test]
fn odd_inputs_give_output_or_one_sentence() {
    let dir = scratch("odd");
    std::fs::write(dir.join("empty.txt"), b"").unwrap();
    let v = json(&baokan(&[&dir.join("empty.txt")]));
    assert_eq!(v["pages"].as_array().unwrap().len(), 0);

    let mut seed: u64 = 0x9E37_79B9_7F4A_7C15;
    let noise: Vec<u8> = (0..200_000)
        .map(|_| {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            (seed >> 24) as u8
        })
        .collect();
    std::fs::write(dir.join("noise.txt"), &noise).unwrap();
    assert_one_sentence(&baokan(&[&dir.join("noise.txt")]), "noise.txt");

    let high: Vec<u8> = noise.iter().map(|b| b | 0x80).collect();
    std::fs::write(dir.join("high.txt"), &high).unwrap();
    let out = baokan(&[&dir.join("high.txt")]);
    assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stderr));

    let line = "长".repeat(3 << 20);
    std::fs::write(dir.join("long.txt"), line).unwrap();
    let v = json(&baokan(&[&dir.join("long.txt")]));
    assert_eq!(v["pages"][0]["articles"].as_array().unwrap().len(), 1);

    std::fs::write(dir.join("fake.zip"), "不是压缩包").unwrap();
    assert_one_sentence(&baokan(&[&dir.join("fake.zip")]), "fake.zip");
    let mut truncated = Vec::new();
    {
        let mut zip = zip::ZipWriter::new(std::io::Cursor::new(&mut truncated));
        zip.start_file("a.txt", SimpleFileOptions::default()).unwrap();
        zip.write_all(&layout("photos.txt")).unwrap();
        zip.finish().unwrap();
    }
    truncated.truncate(truncated.len() / 2);
    std::fs::write(dir.join("cut.zip"), &truncated).unwrap();
    assert_one_sentence(&baokan(&[&dir.join("cut.zip")]), "cut.zip");

    assert_one_sentence(&baokan(&[&dir.join("missing.txt")]), "missing.txt");
    let before = std::fs::read_dir(&dir).unwrap().count();
    let _ = baokan(&[&dir.join("empty.txt"), &dir.join("long.txt")]);
    assert_eq!(std::fs::read_dir(&dir).unwrap().count(), before, "parse writes nothing");
}

#[test]
fn usage_errors_are_one_sentence() {
    let out = Command::new(env!("CARGO_BIN_EXE_baokan")).args(["--frobnicate"]).output().unwrap();
    assert_one_sentence(&out, "--frobnicate");
    let out = Command::new(env!("CARGO_BIN_EXE_baokan")).args(["parse", "--json"]).output().unwrap();
    assert_one_sentence(&out, "parse");
    let out = Command::new(env!("CARGO_BIN_EXE_baokan")).args(["bench"]).output().unwrap();
    assert_one_sentence(&out, "bench");
    let help = Command::new(env!("CARGO_BIN_EXE_baokan")).args(["--help"]).output().unwrap();
    assert!(!String::from_utf8_lossy(&help.stdout).contains("bench"), "the program ships no benchmarks");
}

/// `baokan groups --by district` on the seed page of ../shared (skipped when it is absent).
#[test]
fn seed_page_groups_by_district() {
    let Some(page) = common::seed_page() else {
        return;
    };
    let out = Command::new(env!("CARGO_BIN_EXE_baokan"))
        .args(["groups", "--by", "district"])
        .arg(&page)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
    let text = String::from_utf8(out.stdout).unwrap();
    let mut top: Vec<&str> = text.lines().filter(|l| !l.starts_with(' ')).collect();
    top.sort_unstable();
    assert_eq!(top, ["东昌府区 (2)", "临清市 (1)", "市直 (5)", "茌平区 (1)"]);
}

#[test]
fn groups_usage_errors() {
    let out = Command::new(env!("CARGO_BIN_EXE_baokan"))
        .args(["groups", "--by", "weekday", "x.txt"])
        .output()
        .unwrap();
    assert_one_sentence(&out, "weekday");
}
