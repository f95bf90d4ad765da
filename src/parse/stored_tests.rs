//! Stored segmentation: used as it is under this build's key, and set aside whenever it may
//! not be what segmenting the page now would give.

use serde_json::{Value, json};

use crate::model::{Correction, Field};
use crate::model::{Document, Page};
use crate::parse::parse_pages;
use crate::store::archive;
use crate::store::sample;
use crate::store::stored::*;

fn doc() -> Document {
    parse_pages(sample::pages(), crate::classify::Tables::builtin())
}

/// The archive of `doc` as JSON, to be altered.
fn archive_json(doc: &Document) -> Value {
    serde_json::from_slice(&archive::to_bytes(doc)).unwrap()
}

fn reopen(archive: &Value) -> Document {
    let bytes = serde_json::to_vec(archive).unwrap();
    parse_pages(archive::read("t.baokan", &bytes).unwrap(), crate::classify::Tables::builtin())
}

#[test]
fn an_archive_reopens_to_the_same_document_from_its_stored_items() {
    let doc = doc();
    let archive = archive_json(&doc);
    assert_eq!(archive["segmentation"]["key"], key(crate::classify::Tables::builtin().fingerprint()));
    let stored = archive["segmentation"]["pages"].as_array().unwrap();
    assert_eq!(stored.len(), doc.pages.len());
    let pages = archive::read("t.baokan", &archive::to_bytes(&doc)).unwrap();
    assert!(pages.iter().all(|p| p.stored.is_some()), "every page is stored");
    // Everything, including each paragraph's line, the page's home city and the warnings.
    assert_eq!(parse_pages(pages, crate::classify::Tables::builtin()), doc);
}

/// A marked title written into the first page's first stored item, with `alter` applied to
/// the archive; then whether the reopened page shows the mark (its stored items were used).
fn stored_items_used(alter: impl Fn(&mut Value)) -> bool {
    let doc = doc();
    let mut archive = archive_json(&doc);
    archive["segmentation"]["pages"][0][3][0][1] = json!("记号标题");
    alter(&mut archive);
    let back = reopen(&archive);
    let title = back.pages[0].items[0].title.as_deref();
    assert!(title == Some("记号标题") || title == doc.pages[0].items[0].title.as_deref());
    title == Some("记号标题")
}

#[test]
fn stored_items_are_used_only_when_they_may_be_what_segmenting_gives() {
    type Alter = fn(&mut Value);
    let cases: [(&str, Alter, bool); 7] = [
        ("this build's key", |_| {}, true),
        ("another build's key", |a| a["segmentation"]["key"] = json!("0.0.1-0-0"), false),
        ("no key", |a| a["segmentation"].as_object_mut().unwrap().retain(|k, _| k != "key"), false),
        ("a page missing", |a| a["segmentation"]["pages"].as_array_mut().unwrap().truncate(1), false),
        (
            "an item past the page's end",
            |a| a["segmentation"]["pages"][0][3][0][10] = json!([1, 100_000]),
            false,
        ),
        ("a paragraph without its line", |a| a["segmentation"]["pages"][0][3][0][7] = json!([]), false),
        ("a home city not in the table", |a| a["segmentation"]["pages"][0][0] = json!(usize::MAX), false),
    ];
    for (name, alter, used) in cases {
        assert_eq!(stored_items_used(alter), used, "{name}");
    }
}

#[test]
fn a_corrected_page_is_stored_without_items_and_segmented_again() {
    let mut doc = doc();
    let line = doc.pages[1].items[0].lines[0];
    doc.pages[1]
        .corrections
        .push(Correction::Set { line, field: Field::Kicker, value: Some("改过".into()) });
    let archive = archive_json(&doc);
    assert!(archive["segmentation"]["pages"][1].is_null());
    assert!(archive["segmentation"]["pages"][0].is_array());
    let back = reopen(&archive);
    let item = &back.pages[1].items[0];
    assert_eq!((item.kicker.as_deref(), item.edited), (Some("改过"), true));
}

#[test]
fn items_classified_with_another_home_city_are_classified_again() {
    let doc = doc();
    let mut archive = archive_json(&doc);
    let page = &mut archive["segmentation"]["pages"][0];
    // As if the page named no city and was classified with the archive's: now another one.
    page[0] = Value::Null;
    page[1] = json!(0);
    page[3][0][8] = json!("记号单位");
    let back = reopen(&archive);
    assert_ne!(back.pages[0].items[0].unit.as_deref(), Some("记号单位"));
    let unchanged = |d: &Document| d.pages[1].items.iter().map(|i| i.unit.clone()).collect::<Vec<_>>();
    assert_eq!(unchanged(&back), unchanged(&doc));
}

#[test]
fn stored_items_of_the_wrong_shape_under_this_key_are_a_damaged_archive() {
    let mut archive = archive_json(&doc());
    archive["segmentation"]["pages"][0] = json!({"items": 1});
    let bytes = serde_json::to_vec(&archive).unwrap();
    let e = archive::read("t.baokan", &bytes).unwrap_err();
    assert!(matches!(e, archive::ArchiveError::Damaged(ref p, _) if p == "t.baokan"), "{e:?}");
}

#[test]
fn under_another_key_stored_items_of_any_shape_are_skipped() {
    let mut archive = archive_json(&doc());
    archive["segmentation"] = json!({"key": "another", "pages": {"a later layout": [1, 2]}});
    assert_eq!(reopen(&archive).pages.len(), 3);
}

#[test]
fn pages_naming_no_city_are_stored_as_classified_with_the_archive_s_home_even_a_municipality() {
    let body = |place: &str| {
        format!(
            "公园新景\n\n　　本报讯 近日，{place}公园开放，市民纷纷前来游览，{place}各街道组织志愿服务。\n"
        )
    };
    let pages = [body("北京市海淀区"), body("北京市朝阳区"), body("小区")]
        .iter()
        .enumerate()
        .map(|(i, t)| Page { index: i + 1, ..Page::plain(t) })
        .collect();
    let doc = parse_pages(pages, crate::classify::Tables::builtin());
    assert_eq!(doc.home_city.as_deref(), Some("北京市"));
    let archive = archive_json(&doc);
    let nameless = &archive["segmentation"]["pages"][2];
    assert_eq!((nameless[0].as_u64(), nameless[1].as_u64()), (None, doc.home.map(|h| h as u64)));
    assert_eq!(reopen(&archive), doc);
}
