//! How the window reads: the whole interface zooms apart from the reading size, a truncated
//! list cell shows its whole text on hover, and an untitled photo caption has a small tag
//! rather than a placeholder headline.

use baokan::app::{Command, DEFAULT_TEXT_SIZE};
use egui::{Key, Modifiers};
use egui_kittest::kittest::Queryable;

use crate::common::{fresh, harness_sized, sample};

#[test]
fn ctrl_plus_and_minus_zoom_the_whole_interface_and_the_reading_size_stays() {
    let mut h = sample();
    h.key_press_modifiers(Modifiers::COMMAND, Key::Equals);
    h.run();
    h.key_press_modifiers(Modifiers::COMMAND, Key::Equals);
    h.run();
    assert!((h.state().state.zoom - 1.2).abs() < 1e-6, "{}", h.state().state.zoom);
    assert!((h.ctx.zoom_factor() - 1.2).abs() < 1e-6);
    assert_eq!(h.state().state.text_size, DEFAULT_TEXT_SIZE, "the reading size is its own setting");
    assert!((h.ctx.pixels_per_point() - 1.2).abs() < 1e-6, "every widget is drawn larger");
    h.key_press_modifiers(Modifiers::COMMAND, Key::Minus);
    h.run();
    assert!((h.state().state.zoom - 1.1).abs() < 1e-6);
    h.key_press_modifiers(Modifiers::COMMAND, Key::Num0);
    h.run();
    assert_eq!(h.state().state.zoom, 1.0);
    h.key_press_modifiers(Modifiers::COMMAND | Modifiers::SHIFT, Key::Equals);
    h.run();
    assert_eq!(h.state().state.text_size, DEFAULT_TEXT_SIZE + 1.0, "Ctrl+Shift+= enlarges the reading");
    assert_eq!(h.state().state.zoom, 1.0);
}

#[test]
fn a_truncated_title_shows_in_full_on_hover() {
    let title =
        "市教育局启动“书香校园”读书月活动，全市一百二十所中小学的师生将在四周里共读经典并写下读书笔记";
    let item = |title: &str| baokan::model::Item {
        kind: baokan::model::Kind::Article,
        title: Some(title.to_owned()),
        subtitle: None,
        kicker: None,
        byline: None,
        authors: Vec::new(),
        paragraphs: vec!["正文。".to_owned()],
        paragraph_lines: vec![2],
        unit: Some("市教育局".to_owned()),
        district: Some("市直".to_owned()),
        lines: [1, 2],
        continued: None,
        edited: false,
    };
    let page = baokan::model::Page {
        source: "a.txt".to_owned(),
        index: 1,
        items: vec![item("短标题"), item(title)],
        ..Default::default()
    };
    let doc = baokan::model::Document { pages: vec![page], ..Default::default() };
    let mut h = harness_sized(fresh(), [1400.0, 900.0]);
    h.state_mut().show_document(Vec::new(), doc, std::time::Duration::ZERO);
    h.run();
    // The cell's accessible name is the whole title, though it shows only its start.
    assert_eq!(h.query_all_by_label(title).count(), 1, "the list's cell; the reader shows another item");
    h.get_by_label(title).hover();
    // Tooltips wait for the pointer to rest.
    for _ in 0..30 {
        h.step();
        std::thread::sleep(std::time::Duration::from_millis(20));
    }
    h.run();
    assert_eq!(h.query_all_by_label(title).count(), 2, "and a tooltip with the whole title");
}

#[test]
fn an_untitled_photo_caption_has_a_small_tag_not_a_placeholder_headline() {
    let mut h = sample();
    let caption = {
        let app = h.state();
        let loaded = app.loaded.as_ref().unwrap();
        app.list.iter().copied().find(|&i| loaded.item(i).unwrap().1.title.is_none())
    };
    let Some(caption) = caption else {
        panic!("the sample has an untitled photo caption");
    };
    h.state_mut().apply(Command::SelectItem(caption));
    h.run();
    h.get_by_label("图片说明");
    assert!(h.query_by_label("〔图片说明〕").is_none());
}
