//! Each query form against a small archive of our own.

use super::*;
use crate::model::Author;

struct It {
    title: &'static str,
    kicker: Option<&'static str>,
    body: &'static str,
    byline: &'static str,
    authors: &'static [&'static str],
    unit: Option<&'static str>,
    district: Option<&'static str>,
}

fn item(it: &It) -> Item {
    Item {
        kicker: it.kicker.map(str::to_owned),
        byline: Some(it.byline.to_owned()),
        authors: it.authors.iter().map(|a| Author { name: (*a).to_owned(), role: None }).collect(),
        paragraphs: it.body.split('|').map(str::to_owned).collect(),
        unit: it.unit.map(str::to_owned),
        district: it.district.map(str::to_owned),
        ..Item::headline_only(it.title)
    }
}

fn page(date: &str, no: u32, items: &[It]) -> Page {
    Page {
        source: format!("{date}/{no:02}.txt"),
        index: 1,
        date: Some(date.to_owned()),
        page_no: Some(no),
        items: items.iter().map(item).collect(),
        ..Page::default()
    }
}

/// Four items on three pages: 0 and 1 on 2023-07-10 page 3, 2 on 2023-07-11 page 3, 3 on
/// 2023-08-01 page 12.
fn archive() -> SearchIndex {
    let doc = Document {
        pages: vec![
            page(
                "2023-07-10",
                3,
                &[
                    It {
                        title: "河湾区开展生态环境执法检查",
                        kicker: None,
                        body: "使用便携式ＰＩＤ仪器检测废气。|市生态环境局 执法 人员到场。",
                        byline: "本报记者 王 小明",
                        authors: &["王小明"],
                        unit: Some("市生态环境局"),
                        district: Some("市直"),
                    },
                    It {
                        title: "党建引领筑牢反诈防火墙",
                        kicker: Some("清水镇"),
                        body: "社区党委举办“全民反诈，你我同行”宣传活动。",
                        byline: "通讯员 李 华",
                        authors: &["李华"],
                        unit: Some("清水镇"),
                        district: Some("河湾区"),
                    },
                ],
            ),
            page(
                "2023-07-11",
                3,
                &[It {
                    title: "新馆开放首日迎来阅读热",
                    kicker: None,
                    body: "河湾市图书馆新馆向读者开放。|藏书60万册。",
                    byline: "记者 周文静",
                    authors: &["周文静"],
                    unit: Some("河湾市图书馆"),
                    district: Some("市直"),
                }],
            ),
            page(
                "2023-08-01",
                12,
                &[It {
                    title: "春耕备播有序推进",
                    kicker: None,
                    body: "河湾区农业农村局联合检查农资。",
                    byline: "记者 王小明",
                    authors: &["王小明"],
                    unit: Some("河湾区农业农村局"),
                    district: Some("河湾区"),
                }],
            ),
        ],
        ..Document::default()
    };
    SearchIndex::new(&doc)
}

#[test]
fn every_query_form_matches_what_it_should() {
    let index = archive();
    assert_eq!(index.len(), 4);
    let cases: &[(&str, &[usize])] = &[
        ("", &[0, 1, 2, 3]),
        ("河湾", &[0, 1, 2, 3]),
        ("生态环境", &[0]),
        // Extraction spaces in the text and the query are ignored.
        ("生态环境局执法", &[0]),
        ("王小明", &[0, 3]),
        // Full- and half-width, upper and lower case alike.
        ("pid", &[0]),
        ("ＰＩＤ", &[0]),
        ("Pid仪器", &[0]),
        ("河湾 执法", &[0]),
        ("\"全民反诈 你我同行\"", &[]),
        ("\"全民反诈，你我同行\"", &[1]),
        ("河湾 -执法", &[1, 2, 3]),
        ("标题:防火墙", &[1]),
        ("title:反诈", &[1]),
        ("标题:清水镇", &[1]),
        ("作者:王小明", &[0, 3]),
        ("author:李", &[1]),
        ("单位:生态环境局", &[0]),
        ("unit:河湾区", &[3]),
        ("区县:河湾区", &[1, 3]),
        ("district:市直", &[0, 2]),
        ("-区县:市直", &[1, 3]),
        ("日期:2023-07", &[0, 1, 2]),
        ("date:2023-07-11", &[2]),
        ("日期:2023", &[0, 1, 2, 3]),
        ("版:03", &[0, 1, 2]),
        ("page:12", &[3]),
        ("版:3 作者:王小明", &[0]),
        // A match never runs across two paragraphs or fields.
        ("废气。市生态", &[]),
        ("不存在的词", &[]),
    ];
    for (input, want) in cases {
        assert_eq!(index.search(&Query::parse(input)), *want, "{input}");
    }
}
