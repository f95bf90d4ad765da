//! Archives written and read back, and the one sentence for each file that is not one.

use std::path::{Path, PathBuf};

use crate::model::{Correction, Document, Field};
use crate::parse::parse_paths;
use crate::store::archive::*;
use crate::store::atomic;
use crate::store::source::{Limits, ReadError};

/// A folder `2023-07-10/03.txt`, `2023-07-10/04.txt` of the sample's pages 3 and 4.
fn folder(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("baokan-archive-{name}-{}", std::process::id()));
    let day = dir.join("2023-07-10");
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&day).unwrap();
    std::fs::write(day.join("03.txt"), include_str!("../../assets/sample/2024-05-06/03.txt")).unwrap();
    std::fs::write(day.join("04.txt"), include_str!("../../assets/sample/2024-05-07/04.txt")).unwrap();
    dir
}

fn parse(path: &Path) -> Result<Document, ReadError> {
    parse_paths(&[path], &Limits::default(), crate::classify::Tables::builtin())
}

#[test]
fn an_archive_parses_to_the_items_of_its_sources() {
    let dir = folder("same");
    let from_folder = parse(&dir.join("2023-07-10")).unwrap();
    let out = dir.join("a.baokan");
    // Segmented on opening, and restored from the items stored in it.
    atomic::write(&out, &to_text_only_bytes(&from_folder)).unwrap();
    assert_eq!(parse(&out).unwrap(), from_folder);
    atomic::write(&out, &to_bytes(&from_folder)).unwrap();
    let from_archive = parse(&out).unwrap();
    assert_eq!(from_archive, from_folder);
    let meta: Vec<_> = from_archive.pages.iter().map(|p| (p.date.as_deref(), p.page_no)).collect();
    assert_eq!(meta, [(Some("2023-07-10"), Some(3)), (Some("2023-07-10"), Some(4))]);
    assert!(from_archive.pages.iter().all(|p| !p.items.is_empty()));
    assert_eq!(from_archive.home_city.as_deref(), Some("泰安市"));
}

#[test]
fn corrections_survive_writing_and_reading() {
    let dir = folder("corrections");
    let mut doc = parse(&dir.join("2023-07-10")).unwrap();
    let first = doc.pages[0].items[0].lines[0];
    doc.pages[0].corrections.push(Correction::Set {
        line: first,
        field: Field::Title,
        value: Some("改过的标题".into()),
    });
    let out = dir.join("b.baokan");
    atomic::write(&out, &to_bytes(&doc)).unwrap();
    let back = parse(&out).unwrap();
    let item = &back.pages[0].items[0];
    assert_eq!((item.title.as_deref(), item.edited), (Some("改过的标题"), true));
    assert_eq!(back.pages[0].corrections, doc.pages[0].corrections);
    assert!(!back.pages[1].items[0].edited);
}

#[test]
fn unknown_fields_are_ignored_and_a_bom_is_fine() {
    let text = "\u{feff}{\"format\":\"baokan-archive\",\"version\":1,\"made_by\":\"x\",\"pages\":[{\"source\":\"p.txt\",\"text\":\"标题\\n\",\"colour\":1}]}";
    let pages = read("x.baokan", text.as_bytes()).unwrap();
    assert_eq!((pages[0].source.as_str(), pages[0].index, pages[0].text.as_str()), ("p.txt", 1, "标题\n"));
}

#[test]
fn files_that_are_not_readable_archives_say_why_and_name_the_file() {
    #[derive(Debug, PartialEq)]
    enum Why {
        Truncated,
        Damaged,
        Newer(u64),
        NotArchive,
    }
    use Why::*;
    let dir = folder("bad");
    let doc = parse(&dir.join("2023-07-10")).unwrap();
    let good = to_bytes(&doc);
    let newer = String::from_utf8(good.clone()).unwrap().replacen("\"version\":1", "\"version\":2", 1);
    let newer_shape = r#"{"format":"baokan-archive","version":3,"pages":{"by_source":{}}}"#;
    // Cut one byte into the last Chinese character: a write stopped mid-character.
    let last_cjk = good.iter().rposition(|&b| b >= 0xE0).unwrap();
    let cases: [(&str, &[u8], Why); 9] = [
        ("truncated", &good[..good.len() / 2], Truncated),
        ("truncated mid-character", &good[..last_cjk + 1], Truncated),
        ("invalid UTF-8 inside", &[&good[..20], b"\xFF\xFE", &good[20..]].concat(), Damaged),
        ("newer, same shape", newer.as_bytes(), Newer(2)),
        ("newer, new shape", newer_shape.as_bytes(), Newer(3)),
        ("another JSON", br#"{"name":"x","items":[1,2]}"#, NotArchive),
        ("a JSON list", b"[1, 2, 3]", Damaged),
        ("not JSON", b"{ this is not json", Damaged),
        (
            "a page without text",
            br#"{"format":"baokan-archive","version":1,"pages":[{"source":"a"}]}"#,
            Damaged,
        ),
    ];
    for (name, bytes, want) in cases {
        let path = dir.join("bad.baokan");
        std::fs::write(&path, bytes).unwrap();
        let label = path.display().to_string();
        let got = match parse(&path).unwrap_err() {
            ReadError::Archive(ArchiveError::Truncated(p)) => (p, Truncated),
            ReadError::Archive(ArchiveError::Damaged(p, _)) => (p, Damaged),
            ReadError::Archive(ArchiveError::Newer(p, v)) => (p, Newer(v)),
            ReadError::Archive(ArchiveError::NotArchive(p)) => (p, NotArchive),
            other => panic!("{name}: {other:?}"),
        };
        assert_eq!(got, (label, want), "{name}");
    }
}

#[test]
fn archives_are_recognised_by_name_or_content() {
    assert!(is_archive("a.baokan", b""));
    assert!(is_archive("A.JSON", b"x"));
    assert!(is_archive("page.txt", b"\xEF\xBB\xBF  {\"format\""));
    assert!(!is_archive("page.txt", "2024年5月6日 星期一\n".as_bytes()));
}
