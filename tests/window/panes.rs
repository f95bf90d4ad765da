//! The panes at different window sizes, driven by accessible labels on the sample archive: the
//! reader keeps at least 40% of the width, the tree folds into a drop-down in a narrow window,
//! and in a very narrow one the reader takes the list's place.

use baokan::app::BaokanApp;
use egui::Key;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;

use crate::common::{fresh, harness_sized, wait_for_load};

/// The sample archive open in a window of this size.
fn sample_at(size: [f32; 2]) -> Harness<'static, BaokanApp> {
    let mut h = harness_sized(fresh(), size);
    h.run();
    h.get_by_label("打开示例档案").click();
    wait_for_load(&mut h);
    h
}

/// The reader's width: from its toolbar's first button (inside the pane's margin) to the
/// window's right edge.
fn reader_width(h: &Harness<'static, BaokanApp>, window: f32) -> f32 {
    window - h.get_by_label("整版原文").rect().left()
}

/// The pane's margin left of the toolbar.
const MARGIN: f32 = 8.0;

#[test]
fn the_reader_keeps_two_fifths_of_the_width_at_both_sizes() {
    for (w, ht, tree_shown) in [(1400.0, 900.0, true), (900.0, 600.0, false)] {
        let h = sample_at([w, ht]);
        let reader = reader_width(&h, w);
        assert!(reader + MARGIN >= 0.4 * w, "{w}×{ht}: the reader is {reader} px wide");
        assert_eq!(h.query_by_label("筛选分组").is_some(), tree_shown, "{w}×{ht}: the tree beside the list");
        assert_eq!(h.query_by_label("分组：全部 ▼").is_some(), !tree_shown, "{w}×{ht}: the drop-down");
        // The list keeps room for its titles.
        assert!(h.get_by_label("标题").rect().left() < w * 0.6 - 200.0, "{w}×{ht}");
    }
}

#[test]
fn widths_from_a_larger_window_do_not_crush_the_reader() {
    let mut h = sample_at([1400.0, 900.0]);
    h.set_size(egui::vec2(900.0, 600.0));
    h.run();
    let reader = reader_width(&h, 900.0);
    assert!(reader + MARGIN >= 360.0, "the reader is {reader} px wide after shrinking the window");
    h.set_size(egui::vec2(1400.0, 900.0));
    h.run();
    assert!(reader_width(&h, 1400.0) + MARGIN >= 560.0, "and again after growing it");
}

#[test]
fn the_folded_tree_opens_over_the_list_and_closes_on_a_choice() {
    let mut h = sample_at([900.0, 600.0]);
    h.get_by_label("分组：全部 ▼").click();
    h.run();
    h.get_by_label("筛选分组");
    h.get_by_label("岱岳区 (2)").click();
    h.run();
    assert_eq!(h.state().list.len(), 2, "the group is listed");
    assert!(h.query_by_label("筛选分组").is_none(), "and the drop-down closed");
    h.get_by_label("分组：岱岳区 ▼");
}

#[test]
fn in_a_very_narrow_window_the_reader_replaces_the_list_and_escape_returns() {
    let mut h = sample_at([650.0, 600.0]);
    assert!(h.query_by_label("整版原文").is_none(), "the list alone");
    h.get_by_label("标题");
    let (position, title) = {
        let app = h.state();
        let second = app.list[1];
        (second, app.loaded.as_ref().unwrap().item(second).unwrap().1.title.clone().unwrap())
    };
    h.get_by_label(&title).click();
    h.run();
    assert_eq!(h.state().selected, Some(position));
    h.get_by_label("整版原文");
    h.get_by_label("Esc 返回");
    assert!(h.query_by_label("标题").is_none(), "the reader in the list's place");
    h.key_press(Key::Escape);
    h.run();
    h.get_by_label("标题");
    assert!(h.query_by_label("整版原文").is_none(), "Esc returns to the list");
    assert_eq!(h.state().selected, Some(position));
}
