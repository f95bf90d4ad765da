//! Searching in the window, driven by accessible labels on the sample archive: typing narrows
//! the tree counts and the list, field filters and exclusions, n / Shift+N through the
//! matches, the tree's pinyin filter, and the page view.

use baokan::app::BaokanApp;
use baokan::search::normalise::normalise;
use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT, Queryable};

use crate::common::sample;

/// Types into the search box, reached with Ctrl+F as a user would.
fn search(h: &mut Harness<'static, BaokanApp>, text: &str) {
    h.key_press_modifiers(Modifiers::COMMAND, Key::F);
    h.run();
    assert!(h.get_by_label("搜索").is_focused(), "Ctrl+F puts the cursor in the search box");
    h.get_by_label("搜索").type_text(text);
    h.run();
}

/// Every listed item's whole text, normalised, as an independent check of what matched.
fn listed_texts(h: &Harness<'static, BaokanApp>) -> Vec<String> {
    let app = h.state();
    let loaded = app.loaded.as_ref().unwrap();
    let text = |i: usize| {
        let item = loaded.item(i).unwrap().1;
        let mut all = vec![item.title.clone().unwrap_or_default(), item.byline.clone().unwrap_or_default()];
        all.extend(item.paragraphs.iter().cloned());
        normalise(&all.join("|"))
    };
    app.list.iter().map(|&i| text(i)).collect()
}

#[test]
fn typing_a_query_narrows_the_tree_counts_and_the_list() {
    let mut h = sample();
    h.get_by_label("岱岳区 (2)");
    search(&mut h, "东平县");
    let texts = listed_texts(&h);
    assert_eq!(texts.len(), 2, "{texts:?}");
    assert!(texts.iter().all(|t| t.contains("东平县")));
    h.get_by_label("全部 (2)");
    h.get_by_label("东平县 (2)");
    assert!(h.query_by_label("岱岳区 (2)").is_none(), "groups without a match are hidden");
    assert!(h.query_all_by_label_contains("找到 2 篇").next().is_some(), "the status bar counts the matches");
    assert!(
        h.query_all_by_label_contains("…").next().is_some() || texts.iter().any(|t| t.starts_with("东平县"))
    );
    h.get_by_label("×").click();
    h.run();
    assert_eq!(h.state().list.len(), 10, "clearing the search lists everything again");
    h.get_by_label("岱岳区 (2)");
}

#[test]
fn field_filters_and_exclusions_narrow_further() {
    let mut h = sample();
    search(&mut h, "区县:岱岳区");
    assert_eq!(h.state().list.len(), 2);
    h.get_by_label("全部 (2)");
    let first = listed_texts(&h)[0].clone();
    let word: String = first.chars().take(3).collect();
    h.get_by_label("搜索").type_text(&format!(" -{word}"));
    h.run();
    assert_eq!(h.state().search.text, format!("区县:岱岳区 -{word}"));
    let left = listed_texts(&h);
    assert_eq!(left.len(), 1, "{left:?}");
    assert!(!left[0].contains(&word));
    h.get_by_label("全部 (1)");
}

#[test]
fn n_moves_through_the_matches_and_on_to_the_next_item() {
    let mut h = sample();
    search(&mut h, "镇");
    h.key_press(Key::Enter);
    h.run();
    assert!(!h.get_by_label("搜索").is_focused(), "Enter leaves the search box");
    assert!(!h.state().focus_reading, "that Enter only leaves the box");
    let list = h.state().list.clone();
    assert!(list.len() >= 2, "several items mention 镇");
    let first = list[0];
    let hits = h.state().hits_in(first);
    assert!(hits >= 2, "the first item has {hits} marked matches");
    let total: usize = list.iter().map(|&i| h.state().hits_in(i)).sum();
    let items = list.len();
    h.get_by_label_contains(&format!("第 1/{total} 处 · {items} 篇"));
    h.key_press(Key::N);
    h.run();
    assert_eq!(h.state().search.hit, 1);
    h.get_by_label_contains(&format!("第 2/{total} 处 · {items} 篇"));
    for _ in 1..hits {
        h.key_press(Key::N);
        h.run();
    }
    assert_eq!(h.state().selected, Some(list[1]), "past the last match, n goes to the next item");
    assert_eq!(h.state().search.hit, 0);
    h.get_by_label_contains(&format!("第 {}/{total} 处 · {items} 篇", hits + 1));
    h.key_press_modifiers(Modifiers::SHIFT, Key::N);
    h.run();
    assert_eq!(h.state().selected, Some(first), "Shift+N goes back");
    assert_eq!(h.state().search.hit, hits - 1, "to the previous item's last match");
    assert_eq!(h.state().search.text, "镇", "n and N were not typed into the box");
}

#[test]
fn slash_reaches_the_search_box_without_typing_a_slash() {
    let mut h = sample();
    // A real keyboard delivers the key and its text in the same frame (kittest's key_press
    // would spread them over two).
    let key = |pressed| egui::Event::Key {
        key: Key::Slash,
        physical_key: None,
        pressed,
        repeat: false,
        modifiers: Modifiers::NONE,
    };
    h.input_mut().events.extend([key(true), egui::Event::Text("/".to_owned()), key(false)]);
    h.run();
    assert!(h.get_by_label("搜索").is_focused());
    assert_eq!(h.state().search.text, "");
    h.get_by_label("搜索").type_text("镇");
    h.run();
    assert_eq!(h.state().search.text, "镇", "the box takes what comes next");
}

#[test]
fn the_tree_filter_finds_groups_by_pinyin_initials() {
    let mut h = sample();
    h.get_by_label("筛选分组").click();
    h.run();
    h.get_by_label("筛选分组").type_text("dp");
    h.run();
    h.get_by_label("东平县 (2)");
    assert!(h.query_by_label("岱岳区 (2)").is_none());
    h.get_by_label("东平县 (2)").click();
    h.run();
    assert_eq!(h.state().list.len(), 2, "a filtered group still lists its items");
    h.get_by_label("筛选分组").click();
    h.run();
    h.get_by_label("筛选分组").type_text("q");
    h.run();
    assert!(h.query_by_label("东平县 (2)").is_none(), "dpq names no group");
}

/// The page lines the page view shows as belonging to the selected item.
fn marked_lines(h: &Harness<'static, BaokanApp>, lines: &[&str]) -> Vec<usize> {
    let toggled = |text: &str| {
        h.query_all_by_label(text)
            .any(|n| n.accesskit_node().toggled() == Some(egui::accesskit::Toggled::True))
    };
    (0..lines.len()).filter(|&k| !lines[k].trim().is_empty() && toggled(lines[k])).map(|k| k + 1).collect()
}

#[test]
fn the_page_view_marks_the_items_lines_and_a_click_selects_another_item() {
    let mut h = sample();
    let (text, item_lines, page, first) = {
        let app = h.state();
        let loaded = app.loaded.as_ref().unwrap();
        let sel = app.selected.unwrap();
        let (page, item) = loaded.item(sel).unwrap();
        (page.text.clone(), item.lines, loaded.items[sel].0, sel)
    };
    h.get_by_label("整版原文").click();
    h.run();
    assert!(h.state().page_view);
    let lines: Vec<&str> = text.split('\n').collect();
    let want: Vec<usize> =
        (item_lines[0]..=item_lines[1]).filter(|&l| !lines[l - 1].trim().is_empty()).collect();
    assert_eq!(marked_lines(&h, &lines), want, "exactly the item's lines are marked");
    // A line of another item on the same page.
    let other = {
        let loaded = h.state().loaded.as_ref().unwrap();
        let p = &loaded.doc.pages[page];
        (1..=lines.len())
            .find(|&l| {
                p.item_at_line(l).is_some_and(|a| loaded.position(page, a) != Some(first))
                    && !lines[l - 1].trim().is_empty()
            })
            .unwrap()
    };
    h.get_all_by_label(lines[other - 1]).find(|n| n.accesskit_node().toggled().is_some()).unwrap().click();
    h.run();
    let now = h.state().selected.unwrap();
    assert_ne!(now, first, "clicking a line selects the item that holds it");
    let span = h.state().loaded.as_ref().unwrap().item(now).unwrap().1.lines;
    assert!((span[0]..=span[1]).contains(&other));
    assert!(marked_lines(&h, &lines).contains(&other), "and marks its lines");
    h.get_by_label("整版原文").click();
    h.run();
    assert!(!h.state().page_view, "the toggle brings the item back");
}

#[test]
fn escape_clears_the_search_and_a_second_escape_leaves_the_box() {
    let mut h = sample();
    search(&mut h, "东平县");
    assert_eq!(h.state().list.len(), 2);
    h.key_press(Key::Escape);
    h.run();
    assert_eq!(h.state().search.text, "", "the first Esc clears the search");
    assert_eq!(h.state().list.len(), 10, "and everything is listed again");
    assert!(h.get_by_label("搜索").is_focused(), "the box keeps the keyboard");
    h.get_by_label("搜索").type_text("镇");
    h.run();
    assert_eq!(h.state().search.text, "镇", "so typing goes on there");
    h.key_press(Key::Escape);
    h.run();
    h.key_press(Key::Escape);
    h.run();
    assert!(!h.get_by_label("搜索").is_focused(), "the second Esc leaves the box");
    assert_eq!(h.state().search.text, "");
}

#[test]
fn a_search_that_finds_nothing_says_so_where_the_reader_is() {
    let mut h = sample();
    assert!(h.query_by_label("没有找到").is_none());
    search(&mut h, "这个词不在示例里");
    assert!(h.state().list.is_empty());
    h.get_by_label("没有找到");
    assert!(h.query_by_label("请在列表中选择一篇文章").is_none(), "not the hint to select an item");
}

#[test]
fn the_selection_stays_when_the_search_is_cleared() {
    let mut h = sample();
    for _ in 0..3 {
        h.key_press(Key::ArrowDown);
        h.run();
    }
    let before = h.state().selected;
    search(&mut h, "镇");
    h.key_press(Key::Enter);
    h.run();
    h.key_press(Key::ArrowDown);
    h.run();
    let read = h.state().selected;
    assert_ne!(read, before, "an item found by the search is read");
    h.get_by_label("×").click();
    h.run();
    assert_eq!(h.state().selected, read, "clearing keeps the item being read, not the first row");
    assert!(h.state().list.len() == 10);
    // A search that finds nothing, cleared: the item selected before it comes back.
    search(&mut h, "这个词不在示例里");
    assert_eq!(h.state().selected, None);
    h.key_press(Key::Escape);
    h.run();
    assert_eq!(h.state().selected, read);
}

/// Text without white space, as page lines compare with the fields they went into.
fn compact(s: &str) -> String {
    s.chars().filter(|c| !c.is_whitespace()).collect()
}

#[test]
fn the_page_view_tags_every_line_with_its_role() {
    let mut h = sample();
    let (page, item) = {
        let app = h.state();
        let (page, item) = app.loaded.as_ref().unwrap().item(app.selected.unwrap()).unwrap();
        (page.clone(), item.clone())
    };
    h.get_by_label("整版原文").click();
    h.run();
    let lines: Vec<&str> = page.text.split('\n').collect();
    let tag = |n: usize, role: &str| format!("第 {n} 行 {role}");
    let title = compact(item.title.as_deref().unwrap());
    let headline = (item.lines[0]..=item.lines[1])
        .find(|&l| !compact(lines[l - 1]).is_empty() && title.contains(&compact(lines[l - 1])))
        .unwrap();
    h.get_by_label(&tag(headline, "标题"));
    h.get_by_label(&tag(item.paragraph_lines[0], "正文"));
    let roles = ["版头", "引题", "标题", "副题", "署名", "正文", "图片说明", "未归属"];
    let mut seen = std::collections::BTreeSet::new();
    for (k, line) in lines.iter().enumerate() {
        let tags: Vec<&str> =
            roles.iter().copied().filter(|r| h.query_by_label(&tag(k + 1, r)).is_some()).collect();
        let want = usize::from(!line.trim().is_empty());
        assert_eq!(tags.len(), want, "line {}: {line:?} has {tags:?}", k + 1);
        seen.extend(tags);
    }
    assert_eq!(seen.contains("版头"), !page.header.is_empty(), "header lines are 版头: {seen:?}");
    let photo = page.items.iter().find(|i| i.kind == baokan::model::Kind::Photo);
    if let Some(photo) = photo {
        h.get_by_label(&tag(photo.paragraph_lines[0], "图片说明"));
    }
    assert!(h.query_by_label(&tag(headline, "正文")).is_none(), "a headline is not body");
}

#[test]
fn keys_that_arrive_in_one_frame_all_count() {
    let mut h = sample();
    let key = |key, modifiers| egui::Event::Key {
        key,
        physical_key: None,
        pressed: true,
        repeat: false,
        modifiers,
    };
    // A slow frame: six j presses, each with its text, as a software renderer delivers them.
    for _ in 0..6 {
        h.input_mut().events.extend([key(Key::J, Modifiers::NONE), egui::Event::Text("j".to_owned())]);
    }
    h.run();
    let row = h.state().list.iter().position(|&i| Some(i) == h.state().selected);
    assert_eq!(row, Some(6), "six presses moved six rows");
    // Ctrl+F and the letters right after it, in one frame.
    h.input_mut().events.extend([key(Key::F, Modifiers::COMMAND), egui::Event::Text("东平县".to_owned())]);
    h.run();
    assert_eq!(h.state().search.text, "东平县", "no letter was lost");
    assert!(h.get_by_label("搜索").is_focused());
    h.get_by_label("搜索").type_text("x");
    h.run();
    assert_eq!(h.state().search.text, "东平县x", "typing goes on at the end");
}
