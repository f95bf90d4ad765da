//! Exports of the sample's page 3 (three articles), read back with the format's own reader.

use crate::model::Document;
use crate::parse::parse_pages;
use crate::store::export::*;
use crate::store::sample;

fn page3() -> (Document, Vec<(usize, usize)>) {
    let doc = parse_pages(sample::pages(), crate::classify::Tables::builtin());
    let positions = (0..doc.pages[1].items.len()).map(|a| (1, a)).collect();
    (doc, positions)
}

#[test]
fn csv_has_a_bom_a_header_and_one_row_per_item() {
    let (mut doc, positions) = page3();
    doc.pages[1].items[0].edited = true;
    let bytes = export(&doc, &positions, Format::Csv, "x");
    assert!(bytes.starts_with(b"\xEF\xBB\xBF"), "Excel needs the BOM to read UTF-8");
    let mut reader = csv::Reader::from_reader(&bytes[3..]);
    let header: Vec<String> = reader.headers().unwrap().iter().map(str::to_owned).collect();
    let want = [
        "日期/date",
        "版次/page_no",
        "类型/kind",
        "引题/kicker",
        "标题/title",
        "副题/subtitle",
        "作者/authors",
        "单位/unit",
        "区县/district",
        "正文/paragraphs",
        "署名/byline",
        "来源/source",
        "行/lines",
        "已更正/edited",
    ];
    assert_eq!(header, want);
    let rows: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
    assert_eq!(rows.len(), 3);
    let item = &doc.pages[1].items[0];
    assert_eq!(&rows[0][0], "2024-05-06");
    assert_eq!(&rows[0][1], "3");
    assert_eq!(&rows[0][2], "文章");
    assert_eq!(Some(&rows[0][4]), item.title.as_deref());
    assert_eq!(
        &rows[0][9],
        item.paragraphs.join("\n"),
        "paragraphs keep their breaks inside one quoted cell"
    );
    assert_eq!(&rows[0][13], "是");
    assert_eq!(&rows[1][13], "");
}

#[test]
fn markdown_has_a_section_per_item() {
    let (doc, positions) = page3();
    let text = String::from_utf8(export(&doc, &positions, Format::Markdown, "宁阳县")).unwrap();
    assert!(text.starts_with("# 宁阳县\n\n共 3 篇"), "{text}");
    let sections: Vec<&str> = text.split("\n## ").skip(1).collect();
    assert_eq!(sections.len(), 3);
    let item = &doc.pages[1].items[0];
    assert!(sections[0].starts_with(item.title.as_deref().unwrap()));
    assert!(sections[0].contains("引题：羊流镇"), "{}", sections[0]);
    assert!(
        sections[0].contains("2024-05-06 · 第3版 · 单位：羊流镇 · 区县：新泰市 · 记者 姜文博"),
        "{}",
        sections[0]
    );
    assert!(sections[0].contains(&format!("\n\n{}\n\n", item.paragraphs[1])));
}

#[test]
fn json_items_carry_their_page() {
    let (doc, positions) = page3();
    let value: serde_json::Value =
        serde_json::from_slice(&export(&doc, &positions[1..], Format::Json, "搜索：义诊")).unwrap();
    assert_eq!(value["title"], "搜索：义诊");
    let items = value["items"].as_array().unwrap();
    assert_eq!(items.len(), 2);
    assert_eq!(items[0]["date"], "2024-05-06");
    assert_eq!(items[0]["page_no"], 3);
    assert_eq!(items[0]["page"], 1);
    assert_eq!(items[0]["title"], "义诊进乡村 健康到身边");
    assert_eq!(items[0]["paragraphs"].as_array().map(Vec::len), Some(2));
}

#[test]
fn formats_by_name() {
    let cases = [
        ("md", Some(Format::Markdown)),
        ("Markdown", Some(Format::Markdown)),
        ("CSV", Some(Format::Csv)),
        ("json", Some(Format::Json)),
        ("txt", None),
    ];
    for (name, want) in cases {
        assert_eq!(Format::parse(name), want, "{name}");
    }
}
