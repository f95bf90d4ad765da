//! Corrections replayed over the sample's page 3 (three articles: lines 4–17 with kicker
//! 羊流镇 on line 15, 19–31, 33–43; paragraphs start on lines 4, 9, 19, 25, 34, 39).

use super::*;
use crate::parse::parse_pages;
use crate::store::sample;

/// The sample's page 3 with these corrections, parsed.
fn corrected(corrections: Vec<Correction>) -> (Page, Vec<Warning>) {
    let mut pages = sample::pages();
    let mut page = pages.swap_remove(1);
    page.corrections = corrections;
    let mut doc = parse_pages(vec![page], crate::classify::Tables::builtin());
    (doc.pages.swap_remove(0), doc.warnings)
}

/// Each item as `title|kicker|unit|district|kind|first-last|paragraphs|edited`.
fn summary(page: &Page) -> Vec<String> {
    let o = |s: &Option<String>| s.clone().unwrap_or_else(|| "-".to_owned());
    page.items
        .iter()
        .map(|a| {
            format!(
                "{}|{}|{}|{}|{:?}|{}-{}|{}|{}",
                o(&a.title),
                o(&a.kicker),
                o(&a.unit),
                o(&a.district),
                a.kind,
                a.lines[0],
                a.lines[1],
                a.paragraphs.len(),
                if a.edited { "edited" } else { "" }
            )
        })
        .collect()
}

fn set(line: usize, field: Field, value: &str) -> Correction {
    Correction::Set { line, field, value: Some(value.to_owned()) }
}

#[test]
fn paragraphs_know_their_page_lines() {
    let (page, _) = corrected(Vec::new());
    let lines: Vec<Vec<usize>> = page.items.iter().map(|a| a.paragraph_lines.clone()).collect();
    assert_eq!(
        lines,
        [vec![4, 9], vec![19, 25], vec![34, 39]],
        "the third body starts after its two-line lead-in"
    );
}

#[test]
fn corrections_replay_in_order() {
    let first = "乡村篮球赛燃动田间地头|羊流镇|羊流镇|新泰市|Article|4-17|2|";
    let second = "义诊进乡村 健康到身边|肥城市人民医院|肥城市人民医院|肥城市|Article|19-31|2|";
    let third = "蒋集镇：设施蔬菜铺就致富路|-|蒋集镇|宁阳县|Article|33-43|2|";
    let cases: Vec<(&str, Vec<Correction>, Vec<&str>)> = vec![
        ("none", vec![], vec![first, second, third]),
        (
            "headline by first line",
            vec![set(4, Field::Title, "新标题")],
            vec!["新标题|羊流镇|羊流镇|新泰市|Article|4-17|2|edited", second, third],
        ),
        (
            "unit and district by a later line of the item",
            vec![set(33, Field::Unit, "宁阳县农业农村局"), set(40, Field::District, "宁阳县")],
            vec![
                first,
                second,
                "蒋集镇：设施蔬菜铺就致富路|-|宁阳县农业农村局|宁阳县|Article|33-43|2|edited",
            ],
        ),
        (
            "kind and a cleared kicker",
            vec![
                set(19, Field::Kind, "photo"),
                Correction::Set { line: 19, field: Field::Kicker, value: None },
            ],
            vec![first, "义诊进乡村 健康到身边|-|肥城市人民医院|肥城市|Photo|19-31|2|edited", third],
        ),
        (
            "merge with the next item",
            vec![Correction::Merge { line: 4 }],
            vec!["乡村篮球赛燃动田间地头|羊流镇|羊流镇|新泰市|Article|4-31|4|edited", third],
        ),
        (
            "split at a paragraph, then name the new item",
            vec![Correction::Split { line: 9 }, set(9, Field::Title, "观众上千")],
            vec![
                "乡村篮球赛燃动田间地头|羊流镇|羊流镇|新泰市|Article|4-8|1|edited",
                "观众上千|-|羊流镇|新泰市|Article|9-17|1|edited",
                second,
                third,
            ],
        ),
        (
            "a kicker line marked as page header",
            vec![Correction::Header { line: 15 }],
            vec!["乡村篮球赛燃动田间地头|-|羊流镇|新泰市|Article|4-17|2|", second, third],
        ),
        (
            "merge of the last item finds no next",
            vec![Correction::Merge { line: 33 }],
            vec![first, second, third],
        ),
        ("split at a first paragraph", vec![Correction::Split { line: 19 }], vec![first, second, third]),
        ("a line in no item", vec![set(2, Field::Title, "版头")], vec![first, second, third]),
    ];
    for (name, corrections, want) in cases {
        let (page, _) = corrected(corrections.clone());
        assert_eq!(summary(&page), want, "{name}");
        assert_eq!(page.corrections, corrections, "{name}: the corrections stay on the page");
    }
}

#[test]
fn header_lines_join_the_page_header() {
    let (page, _) = corrected(vec![Correction::Header { line: 15 }, Correction::Header { line: 99 }]);
    assert_eq!(page.header.last().map(String::as_str), Some("羊流镇"));
    assert_eq!(page.header.len(), 3);
}

#[test]
fn corrections_that_find_no_item_are_warned_about() {
    let (_, warnings) = corrected(vec![Correction::Merge { line: 33 }, set(4, Field::Title, "好")]);
    let about: Vec<&Warning> =
        warnings.iter().filter(|w| matches!(w, Warning::StaleCorrection { .. })).collect();
    assert_eq!(about.len(), 1, "{warnings:?}");
    assert!(matches!(about[0], Warning::StaleCorrection { line: 33, .. }), "{about:?}");
}

#[test]
fn reparsing_a_page_gives_what_parsing_gave() {
    let corrections = vec![Correction::Split { line: 25 }, set(25, Field::Title, "上门随访")];
    let (page, _) = corrected(corrections);
    let again = crate::parse::reparse_page(&page, None, crate::classify::Tables::builtin());
    assert_eq!(summary(&again), summary(&page));
    assert_eq!(again.text, page.text);
    let mut undone = page.clone();
    undone.corrections.pop();
    let undone = crate::parse::reparse_page(&undone, None, crate::classify::Tables::builtin());
    assert_eq!(undone.items.len(), 4);
    assert_eq!(undone.items[2].title, None);
}

#[test]
fn corrections_serialise_with_an_action_tag() {
    let c = vec![set(4, Field::Title, "新"), Correction::Merge { line: 9 }];
    let json = serde_json::to_string(&c).unwrap_or_default();
    assert_eq!(
        json,
        r#"[{"action":"set","line":4,"field":"title","value":"新"},{"action":"merge","line":9}]"#
    );
    let back: Vec<Correction> = serde_json::from_str(&json).unwrap_or_default();
    assert_eq!(back, c);
}
