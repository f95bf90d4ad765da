//! The search box: search as you type, Ctrl+F or `/` to reach it, × or Esc to clear (a second
//! Esc leaves the box). Its tooltip gives the query syntax.

use crate::app::{BaokanApp, Command};
use crate::ui::wording::tr;

/// Width of the search box.
const WIDTH: f32 = 300.0;

/// Draws the search box; returns the new search when the text changed.
pub fn search_box(ui: &mut egui::Ui, app: &BaokanApp) -> Option<Command> {
    let lang = app.state.language;
    let mut text = app.search.text.clone();
    let mut out = None;
    if !text.is_empty()
        && ui.small_button("×").on_hover_text(tr(lang, "清除搜索", "Clear the search")).clicked()
    {
        out = Some(Command::Search(String::new()));
    }
    // A fixed id: the × button appearing beside the box must not change it and lose focus.
    let id = ui.make_persistent_id("search-box");
    // Esc with text clears it and stays in the box (egui would let go of the keyboard unless
    // the box keeps Esc, as it does while it holds text); the second Esc leaves.
    if !text.is_empty()
        && ui.memory(|m| m.has_focus(id))
        && ui.input_mut(|i| i.consume_key(egui::Modifiers::NONE, egui::Key::Escape))
    {
        text.clear();
        out = Some(Command::Search(String::new()));
    }
    let keep_escape = !text.is_empty();
    let edit = egui::TextEdit::singleline(&mut text)
        .id(id)
        .event_filter(egui::EventFilter {
            horizontal_arrows: true,
            vertical_arrows: true,
            escape: keep_escape,
            ..Default::default()
        })
        .hint_text(tr(lang, "搜索  Ctrl+F", "Search  Ctrl+F"))
        .desired_width(WIDTH);
    let response = ui.add(edit).accessible_name(tr(lang, "搜索", "Search"));
    let response = response.on_hover_text(tr(
        lang,
        "词语直接输入，多个词用空格分开；\"短语\"；-排除；\n标题: 作者: 单位: 区县: 日期:2023-07 版:3",
        "Words separated by spaces; \"a phrase\"; -exclude;\ntitle: author: unit: district: date:2023-07 page:3",
    ));
    if app.search.focus {
        response.request_focus();
    }
    if out.is_none() && text != app.search.text {
        out = Some(Command::Search(text));
    }
    out
}
