//! Browsing in the window, driven by accessible labels: the embedded sample archive, sorting
//! the list, reading alone with Enter, English labels, and a load's progress bar and cancel.

use baokan::app::{BaokanApp, Command, Language};
use baokan::order::body_len;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;

use crate::common::sample;

#[test]
fn the_sample_archive_opens_from_the_start_screen_grouped_by_district() {
    let mut h = sample();
    assert!(h.state().error.is_none(), "{:?}", h.state().error);
    h.get_by_label("全部 (10)");
    h.get_by_label("岱岳区 (2)").click();
    h.run();
    let app = h.state();
    let loaded = app.loaded.as_ref().unwrap();
    let districts: Vec<_> = app.list.iter().map(|&i| loaded.item(i).unwrap().1.district.clone()).collect();
    assert_eq!(districts, [Some("岱岳区".to_owned()), Some("岱岳区".to_owned())]);
    assert!(app.state.recent.is_empty(), "the sample is not a recent file");
    assert_eq!(app.window_title(), "示例档案 — 报刊档案");
}

/// Body lengths of the listed items, in list order.
fn lengths(h: &Harness<'static, BaokanApp>) -> Vec<usize> {
    let app = h.state();
    let loaded = app.loaded.as_ref().unwrap();
    app.list.iter().map(|&i| body_len(loaded.item(i).unwrap().1)).collect()
}

#[test]
fn clicking_a_header_sorts_and_clicking_again_reverses() {
    let mut h = sample();
    let document_order = h.state().list.clone();
    assert!(document_order.windows(2).all(|w| w[0] < w[1]), "page order by default");
    h.get_by_label("字数").click();
    h.run();
    let up = lengths(&h);
    assert!(up.windows(2).all(|w| w[0] <= w[1]), "{up:?}");
    h.get_by_label("字数 ▲").click();
    h.run();
    let down = lengths(&h);
    assert!(down.windows(2).all(|w| w[0] >= w[1]), "{down:?}");
    h.get_by_label("字数 ▼");
    assert_ne!(up, down);
}

#[test]
fn enter_reads_the_item_alone_and_escape_comes_back() {
    let mut h = sample();
    h.key_press(egui::Key::ArrowDown);
    h.run();
    let selected = h.state().selected.unwrap();
    let title = {
        let loaded = h.state().loaded.as_ref().unwrap();
        loaded.item(selected).unwrap().1.title.clone().unwrap()
    };
    assert_eq!(h.get_all_by_label(&title).count(), 2, "list row and reader");
    h.key_press(egui::Key::Enter);
    h.run();
    assert!(h.state().focus_reading);
    assert_eq!(h.get_all_by_label(&title).count(), 1, "the reader alone");
    assert!(h.query_by_label("标题").is_none(), "no list header");
    h.key_press(egui::Key::ArrowDown);
    h.run();
    assert_ne!(h.state().selected, Some(selected), "arrows still move through the list");
    h.key_press(egui::Key::Escape);
    h.run();
    assert!(!h.state().focus_reading);
    h.get_by_label("标题");
}

#[test]
fn english_labels_cover_the_tree_and_the_list() {
    let mut h = sample();
    h.state_mut().apply(Command::SetLanguage(Language::English));
    h.run();
    h.get_by_label("All (10)");
    h.get_by_label("(no district) (1)");
    h.get_by_label("City level (市直) (1)");
    h.get_by_label("Title");
    h.get_by_label("By district");
    assert!(h.query_by_label("全部 (10)").is_none());
    assert_eq!(h.state().window_title(), "示例档案 — Baokan");
}

#[test]
fn a_long_load_shows_progress_and_cancel_keeps_the_archive() {
    let dir = std::env::temp_dir().join(format!("baokan-progress-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let big = dir.join("issue.txt");
    std::fs::write(&big, baokan_devtools::synth::dump(7, 3000)).unwrap();
    let mut h = sample();
    h.state_mut().apply(Command::Open(vec![big]));
    h.step();
    h.step();
    assert!(h.state().job.is_some(), "3000 pages take more than a frame");
    assert!(h.query_all_by_label_contains("正在").next().is_some(), "the status bar says what is being done");
    h.get_by_label("取消").click();
    h.step();
    h.run();
    assert!(h.state().job.is_none());
    assert_eq!(h.state().loaded.as_ref().unwrap().items.len(), 10, "the sample stays open");
    assert!(h.state().error.is_none());
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn ctrl_q_and_the_file_menu_quit() {
    let mut h = sample();
    assert!(!h.state().quit);
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Q);
    h.run();
    assert!(h.state().quit, "Ctrl+Q asks the window to close");
    let mut h = sample();
    h.get_by_label("文件").click();
    h.run();
    h.get_by_label("退出 Ctrl+Q").click();
    h.run();
    assert!(h.state().quit, "文件 → 退出 asks the window to close");
}

/// An article of one line in a district, for archives made in a test.
fn article(title: &str, district: &str, unit: &str) -> baokan::model::Item {
    baokan::model::Item {
        kind: baokan::model::Kind::Article,
        title: Some(title.to_owned()),
        subtitle: None,
        kicker: None,
        byline: None,
        authors: Vec::new(),
        paragraphs: vec!["正文。".to_owned()],
        paragraph_lines: vec![2],
        unit: Some(unit.to_owned()),
        district: Some(district.to_owned()),
        lines: [1, 2],
        continued: None,
        edited: false,
    }
}

#[test]
fn groups_and_units_are_in_pinyin_order() {
    // In code-point order 临 (U+4E34) and 东 (U+4E1C) come before 茌 (U+8328).
    let items = vec![
        article("临清新闻", "临清市", "临清市教育局"),
        article("东昌府新闻", "东昌府区", "东昌府区民政局"),
        article("茌平新闻", "茌平区", "茌平区农业局"),
    ];
    let page = baokan::model::Page { source: "a.txt".to_owned(), index: 1, items, ..Default::default() };
    let doc = baokan::model::Document { pages: vec![page], ..Default::default() };
    let mut h = crate::common::harness(crate::common::fresh());
    h.state_mut().show_document(Vec::new(), doc, std::time::Duration::ZERO);
    h.run();
    let top = |h: &Harness<'static, BaokanApp>, label: &str| h.get_by_label(label).rect().top();
    let districts = ["茌平区 (1)", "东昌府区 (1)", "临清市 (1)"];
    let at: Vec<f32> = districts.iter().map(|d| top(&h, d)).collect();
    assert!(at.windows(2).all(|w| w[0] < w[1]), "chí, dōng, lín from the top: {at:?}");
    h.state_mut().apply(Command::SetGrouping(baokan::groups::By::Unit));
    h.run();
    let units = ["茌平区农业局 (1)", "东昌府区民政局 (1)", "临清市教育局 (1)"];
    let at: Vec<f32> = units.iter().map(|u| top(&h, u)).collect();
    assert!(at.windows(2).all(|w| w[0] < w[1]), "units too: {at:?}");
    h.get_by_label("标题").click();
    h.run();
    let titles: Vec<String> = {
        let app = h.state();
        let loaded = app.loaded.as_ref().unwrap();
        app.list.iter().map(|&i| loaded.item(i).unwrap().1.title.clone().unwrap()).collect()
    };
    assert_eq!(titles, ["茌平新闻", "东昌府新闻", "临清新闻"], "and the list sorted by headline");
}

#[test]
fn the_home_city_chosen_in_the_window_reclassifies_every_item() {
    let mut h = sample();
    let districts = |h: &Harness<'static, BaokanApp>| -> Vec<Option<String>> {
        let loaded = h.state().loaded.as_ref().unwrap();
        loaded.doc.pages.iter().flat_map(|p| p.items.iter().map(|i| i.district.clone())).collect()
    };
    let city_level = |d: &[Option<String>]| d.iter().filter(|d| d.as_deref() == Some("市直")).count();
    let by_source = districts(&h);
    assert!(city_level(&by_source) > 0, "the sample's own home city has city-level units");
    h.get_by_label("视图").click();
    h.run();
    h.get_by_label("本地城市").hover();
    h.run();
    h.get_by_label("无（全国性报纸）").click();
    h.run();
    let none = districts(&h);
    assert_eq!(city_level(&none), 0, "no home city, no 市直: {none:?}");
    assert_eq!(h.state().loaded.as_ref().unwrap().doc.home_choice, Some(None));
    h.state_mut().apply(Command::SetHome(None));
    h.run();
    assert_eq!(districts(&h), by_source, "each source's own again");
}

#[test]
fn another_city_s_places_group_under_that_city_three_levels_deep() {
    let dir = crate::common::scratch("other_city");
    let page = dir.join("page.txt");
    let text = "2024年5月8日 星期三\n第3版  综合新闻  责任编辑：王青\n\n\
        东昌府区夜市开张\n\n本报讯（记者 李青）5月6日，东昌府区道口铺街道夜市开张，道口铺街道组织商户有序经营。东昌府区相关部门到场指导。\n\n\
        临清市推进河道治理\n\n本报讯（记者 张禾）近日，临清市水利局召开河道治理推进会。临清市水利局部署了夏季工作。\n\n\
        济南来客\n\n本报讯（记者 赵川）日前，济南市历下区泉城路街道组织居民来聊城参观。泉城路街道一行走访了多个社区。\n";
    std::fs::write(&page, text).unwrap();
    let mut app = BaokanApp::new(baokan::app::AppState::default());
    app.open_now(baokan::app::Source::Paths(vec![page]));
    let mut h = crate::common::harness(app);
    h.run();
    h.get_by_label("济南市 (1)");
    h.get_by_label("东昌府区 (1)");
    // Filtering opens the groups down to the one that matched.
    h.state_mut().apply(Command::FilterTree("泉城路".to_owned()));
    h.run();
    h.get_by_label("泉城路街道 (1)").click();
    h.run();
    let app = h.state();
    assert_eq!(app.group.as_ref().map(Vec::len), Some(3), "city › district › unit");
    let loaded = app.loaded.as_ref().unwrap();
    let titles: Vec<_> = app.list.iter().map(|&i| loaded.item(i).unwrap().1.title.clone()).collect();
    assert_eq!(titles, [Some("济南来客".to_owned())]);
}
