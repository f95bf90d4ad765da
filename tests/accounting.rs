//! Property tests: segmentation never loses or duplicates a character. Every non-space
//! character of a page lands in exactly one item field or the page header
//! (`baokan_devtools::accounting`; warnings never take page text), on pages made of random lines of every kind the segmenter
//! knows (headlines, body, lead-ins, credits with and without markers, captions, page
//! furniture, subtitles) mixed with arbitrary characters, and on generated newspaper pages.

#![allow(clippy::expect_used, clippy::unwrap_used)] // a test may stop at the first broken expectation

use baokan::pages_from_bytes;
use baokan::parse_pages;
use baokan_devtools::accounting::unaccounted;
use baokan_devtools::synth::dump;
use proptest::prelude::*;

const WORDS: &[&str] = &[
    "市生态环境局",
    "新华路街道",
    "开展",
    "活动",
    "群众",
    "项目",
    "建设",
    "会议",
    "近日",
    "记者",
    "通讯员",
    "发展",
    "城市",
    "社区",
    "服务",
    "学校",
    "医院",
    "工作",
    "推进",
    "经济技术开发区",
    "东昌府区",
    "中心",
    "委员会",
    "有限公司",
    "本报",
    "讯",
    "电",
    "摄",
    "图为",
    "——",
    "“",
    "”",
    "，",
    "。",
    "、",
    "：",
    "（",
    "）",
    "(",
    ")",
    "■",
    "●",
    "▲",
    "★",
    "2023年7月10日",
    "6月1日",
    "12个",
    "5 000",
    "New York",
    "ＡＢＣ",
    "１２３",
    " ",
    "　",
    "\t",
    "𠀋",
    "豈",
    "※",
    "·",
    "王刚",
    "李 明",
    "赵秋月",
    "陈清辉",
];

fn phrase(min: usize, max: usize) -> impl Strategy<Value = String> {
    prop::collection::vec(prop::sample::select(WORDS), min..max).prop_map(|w| w.concat())
}

fn name() -> impl Strategy<Value = String> {
    prop::sample::select(&["王刚", "李明", "赵秋月", "陈 清辉", "林秋", "欧阳明月"][..])
        .prop_map(str::to_owned)
}

fn role() -> impl Strategy<Value = String> {
    prop::sample::select(&["记者", "本报记者", "通讯员", "本报通讯员", "见习记者", ""][..])
        .prop_map(str::to_owned)
}

/// One page line of any kind.
fn line() -> impl Strategy<Value = String> {
    prop_oneof![
        3 => Just(String::new()),
        3 => phrase(2, 6),
        6 => phrase(8, 20),
        3 => phrase(8, 20).prop_map(|p| format!("　　{p}")),
        2 => (role(), name(), phrase(4, 12)).prop_map(|(r, n, p)| format!("本报讯（{r} {n}）{p}")),
        1 => (role(), name()).prop_map(|(r, n)| format!("本报讯（{r} {n}")),
        1 => (name(), phrase(2, 8)).prop_map(|(n, p)| format!("{n}）{p}")),
        2 => (role(), name()).prop_map(|(r, n)| format!("■ {r} {n}")),
        1 => (role(), name()).prop_map(|(r, n)| format!("{r} {n} 摄")),
        1 => (phrase(4, 12), role(), name()).prop_map(|(p, r, n)| format!("{p}。 ■ {r} {n}")),
        1 => (phrase(4, 12), name()).prop_map(|(p, n)| format!("{p}。（{n} 摄）")),
        1 => (phrase(4, 12), role(), name()).prop_map(|(p, r, n)| format!("{p}（{r} {n}）")),
        1 => phrase(3, 8).prop_map(|p| format!("——{p}")),
        1 => prop::sample::select(&["2023年7月10日 星期一", "第3版", "责任编辑 王刚", "要闻", "A3"][..])
            .prop_map(str::to_owned),
        1 => any::<String>(),
    ]
}

fn page() -> impl Strategy<Value = String> {
    prop::collection::vec(line(), 0..60).prop_map(|lines| lines.join("\n"))
}

/// The characters a page's parse does not account for.
fn balance(text: &str) -> Vec<(char, i64)> {
    let pages = pages_from_bytes("p.txt", text.as_bytes(), &mut Vec::new());
    unaccounted(&parse_pages(pages, baokan::Tables::builtin()))
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 2000, ..ProptestConfig::default() })]

    #[test]
    fn every_character_lands_exactly_once(text in page()) {
        let off = balance(&text);
        prop_assert!(off.is_empty(), "unaccounted {:?} on page:\n{}", off, text);
    }
}

#[test]
fn a_lost_or_doubled_character_is_reported() {
    let text = "夏日荷花开\n\n本报讯（记者 王刚）近日，荷花竞相开放。\n";
    let mut doc =
        parse_pages(pages_from_bytes("t.txt", text.as_bytes(), &mut Vec::new()), baokan::Tables::builtin());
    assert_eq!(unaccounted(&doc), []);
    let item = &mut doc.pages[0].items[0];
    item.title = Some("夏日荷花花开".to_owned());
    item.byline = None;
    let off = unaccounted(&doc);
    assert!(off.contains(&('花', -1)) && off.contains(&('讯', 1)) && off.contains(&('王', 1)), "{off:?}");
}

#[test]
fn generated_newspaper_pages_account_for_every_character() {
    for seed in 0..20 {
        let text = dump(seed, 30);
        assert_eq!(balance(&text), [], "seed {seed}");
    }
}

#[test]
fn the_sample_and_layout_fixtures_account_for_every_character() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let files = [
        "assets/sample/2024-05-06/01.txt",
        "assets/sample/2024-05-06/03.txt",
        "assets/sample/2024-05-07/04.txt",
    ];
    let layouts = std::fs::read_dir(root.join("tests/fixtures/layouts")).unwrap();
    let mut paths: Vec<_> = files.iter().map(|f| root.join(f)).collect();
    paths.extend(layouts.map(|e| e.unwrap().path()).filter(|p| p.extension().is_some_and(|e| e == "txt")));
    let seed = root.join("../shared/fixtures/000_d84498ec863cbfe6.txt");
    paths.extend(seed.exists().then_some(seed));
    for path in paths {
        let text = std::fs::read_to_string(&path).unwrap();
        assert_eq!(balance(&text), [], "{}", path.display());
    }
}
