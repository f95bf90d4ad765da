//! Exporting items (a group or a search result) as Markdown, CSV or JSON.
//!
//! CSV is UTF-8 with a byte-order mark, which is how Excel recognises UTF-8; JSON gives each
//! item the fields of `parse --json` plus its page's source, index, date and page number.

use serde::Serialize;

use crate::model::{Document, Item, Kind, Page};

/// An export format.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// Markdown: a heading per item, then its details and paragraphs.
    Markdown,
    /// Comma-separated values with a header row, for spreadsheets.
    Csv,
    /// A JSON object `{"title", "items": [...]}`.
    Json,
}

impl Format {
    /// Every format, in menu order.
    pub const ALL: [Format; 3] = [Format::Markdown, Format::Csv, Format::Json];

    /// The format a name (`md`, `markdown`, `csv`, `json`) or a file extension names.
    pub fn parse(name: &str) -> Option<Format> {
        match name.to_ascii_lowercase().as_str() {
            "md" | "markdown" => Some(Format::Markdown),
            "csv" => Some(Format::Csv),
            "json" => Some(Format::Json),
            _ => None,
        }
    }

    /// The usual file extension.
    pub fn extension(self) -> &'static str {
        match self {
            Format::Markdown => "md",
            Format::Csv => "csv",
            Format::Json => "json",
        }
    }
}

/// The CSV columns, Chinese (the data's language) with the JSON field name after a slash.
const CSV_HEADER: [&str; 14] = [
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

/// The items at `positions` ((page, item) pairs) of `doc`, in that order, as a file of
/// `format`; `title` names what was exported (a group or a search) where the format has room.
pub fn export(doc: &Document, positions: &[(usize, usize)], format: Format, title: &str) -> Vec<u8> {
    let items: Vec<(&Page, &Item)> = positions
        .iter()
        .filter_map(|&(p, a)| doc.pages.get(p).and_then(|page| Some((page, page.items.get(a)?))))
        .collect();
    match format {
        Format::Markdown => markdown(&items, title).into_bytes(),
        Format::Csv => csv(&items),
        Format::Json => json(&items, title),
    }
}

fn markdown(items: &[(&Page, &Item)], title: &str) -> String {
    let mut out = format!("# {}\n\n共 {} 篇 ({} items)\n", title, items.len(), items.len());
    for (page, item) in items {
        out.push_str(&format!("\n## {}\n\n", item.title.as_deref().unwrap_or(untitled(item))));
        if let Some(k) = &item.kicker {
            out.push_str(&format!("引题：{k}  \n"));
        }
        if let Some(s) = &item.subtitle {
            out.push_str(&format!("副题：{s}  \n"));
        }
        out.push_str(&details(page, item).join(" · "));
        out.push_str("\n\n");
        for p in &item.paragraphs {
            out.push_str(p);
            out.push_str("\n\n");
        }
    }
    out
}

fn untitled(item: &Item) -> &'static str {
    match item.kind {
        Kind::Article => "（无标题）",
        Kind::Photo => "（图片说明）",
    }
}

/// Date and page, unit, district and authors, those that are known.
fn details(page: &Page, item: &Item) -> Vec<String> {
    let mut out = Vec::new();
    out.extend(page.date.clone());
    out.extend(page.page_no.map(|n| format!("第{n}版")));
    out.extend(item.unit.as_ref().map(|u| format!("单位：{u}")));
    out.extend(item.district.as_ref().map(|d| format!("区县：{d}")));
    let authors = authors(item);
    if !authors.is_empty() {
        out.push(authors);
    }
    out
}

/// `记者 王一、通讯员 李二`.
fn authors(item: &Item) -> String {
    let names: Vec<String> = item
        .authors
        .iter()
        .map(|a| match &a.role {
            Some(r) => format!("{r} {}", a.name),
            None => a.name.clone(),
        })
        .collect();
    names.join("、")
}

fn csv(items: &[(&Page, &Item)]) -> Vec<u8> {
    let mut writer = csv::Writer::from_writer(b"\xEF\xBB\xBF".to_vec());
    let o = |s: &Option<String>| s.clone().unwrap_or_default();
    let mut rows = vec![CSV_HEADER.map(str::to_owned)];
    for (page, item) in items {
        rows.push([
            o(&page.date),
            page.page_no.map(|n| n.to_string()).unwrap_or_default(),
            match item.kind {
                Kind::Article => "文章".to_owned(),
                Kind::Photo => "图片".to_owned(),
            },
            o(&item.kicker),
            o(&item.title),
            o(&item.subtitle),
            authors(item),
            o(&item.unit),
            o(&item.district),
            item.paragraphs.join("\n"),
            o(&item.byline),
            format!("{}#{}", page.source, page.index),
            format!("{}-{}", item.lines[0], item.lines[1]),
            if item.edited { "是".to_owned() } else { String::new() },
        ]);
    }
    // Writing into memory cannot fail; an error would leave the rows written so far.
    for row in rows {
        let _ = writer.write_record(row);
    }
    writer.into_inner().unwrap_or_default()
}

#[derive(Serialize)]
struct JsonOut<'a> {
    title: &'a str,
    items: Vec<JsonItem<'a>>,
}

#[derive(Serialize)]
struct JsonItem<'a> {
    source: &'a str,
    page: usize,
    date: Option<&'a str>,
    page_no: Option<u32>,
    #[serde(flatten)]
    item: &'a Item,
}

fn json(items: &[(&Page, &Item)], title: &str) -> Vec<u8> {
    let items = items
        .iter()
        .map(|(page, item)| JsonItem {
            source: &page.source,
            page: page.index,
            date: page.date.as_deref(),
            page_no: page.page_no,
            item,
        })
        .collect();
    let mut out = serde_json::to_vec_pretty(&JsonOut { title, items }).unwrap_or_default();
    out.push(b'\n');
    out
}
