//! The reader, driven by accessible labels on the sample archive: where it starts when an item
//! is selected.

use baokan::app::BaokanApp;
use egui::Key;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;

use crate::common::{harness_sized, wait_for_load};

/// The sample archive in a window low enough that a long item scrolls, with its longest item
/// selected; that item's headline and last paragraph.
fn longest_item() -> (Harness<'static, BaokanApp>, String, String) {
    // Large reading text, so that the item is longer than the reader.
    let state = baokan::app::AppState { text_size: 26.0, ..Default::default() };
    let mut h = harness_sized(BaokanApp::new(state), [1400.0, 400.0]);
    h.run();
    h.get_by_label("打开示例档案").click();
    wait_for_load(&mut h);
    let (position, title, last) = {
        let loaded = h.state().loaded.as_ref().unwrap();
        let length = |i: usize| loaded.item(i).unwrap().1.paragraphs.iter().map(String::len).sum::<usize>();
        let longest = (0..loaded.items.len()).max_by_key(|&i| length(i)).unwrap();
        let item = loaded.item(longest).unwrap().1;
        (longest, item.title.clone().unwrap(), item.paragraphs.last().unwrap().clone())
    };
    let row = h.state().list.iter().position(|&i| i == position).unwrap();
    for _ in 0..row {
        h.key_press(Key::ArrowDown);
        h.run();
    }
    assert_eq!(h.state().selected, Some(position));
    (h, title, last)
}

/// True when the reader shows the headline below its toolbar: not scrolled away.
fn headline_shown(h: &Harness<'static, BaokanApp>, title: &str) -> bool {
    let toolbar = h.get_by_label("整版原文").rect().bottom();
    // The list's row has the title too; the reader's starts where its toolbar does.
    let reader_left = h.get_by_label("整版原文").rect().left() - 2.0;
    h.query_all_by_label(title).filter(|n| n.rect().left() >= reader_left).any(|n| n.rect().top() >= toolbar)
}

#[test]
fn the_reader_starts_at_the_top_after_a_selection_change() {
    let (mut h, title, last) = longest_item();
    assert!(headline_shown(&h, &title), "a newly selected item starts at its headline");
    h.get_by_label(&last).scroll_to_me();
    h.run();
    assert!(!headline_shown(&h, &title), "scrolled to the end, the headline is out of view");
    // Another item, then back: the position belonged to the item while it was selected.
    let here = h.state().selected;
    let last_row = h.state().list.last().copied() == here;
    let (away, back) = if last_row { (Key::ArrowUp, Key::ArrowDown) } else { (Key::ArrowDown, Key::ArrowUp) };
    h.key_press(away);
    h.run();
    assert_ne!(h.state().selected, here);
    h.key_press(back);
    h.run();
    assert_eq!(h.state().selected, here);
    assert!(headline_shown(&h, &title), "coming back to the item starts at its headline again");
}

#[test]
fn the_reader_keeps_its_place_while_the_item_stays_selected() {
    let (mut h, title, last) = longest_item();
    h.get_by_label(&last).scroll_to_me();
    h.run();
    // Frames go by (a repaint, a hover) without another selection.
    h.get_by_label("整版原文").hover();
    h.run();
    assert!(!headline_shown(&h, &title), "the reader stays where the user scrolled");
}
