//! The item list: one row per item of the selected group, virtualised so that only the
//! visible rows are laid out. Columns appear as the pane widens (title always; then unit,
//! date and page, district, authors, length, as they fit); clicking a header sorts by it,
//! clicking again reverses. Photos are marked 〔图〕, corrected items ※. While a search runs, each row has a
//! second line: the body around the first match, the matches marked.

use egui_extras::{Column, TableBuilder};

use crate::app::{BaokanApp, Command, Language, Loaded};
use crate::browse::groups::label;
use crate::browse::order::{SortKey, body_len};
use crate::browse::search::Query;
use crate::browse::search::highlight::{Part, find, needles, snippet};
use crate::model::{Confidence, Item, Kind, Page};
use crate::ui::marks::marked_line;
use crate::ui::wording::tr;

/// Height of a list row.
const ROW: f32 = 24.0;
/// Height of a row with a snippet under its title.
const ROW_WITH_SNIPPET: f32 = 44.0;
/// Characters of body text a snippet shows.
const SNIPPET_CHARS: usize = 60;

/// The title column's least width; the other columns appear only while it keeps this much.
const TITLE_MIN: f32 = 200.0;

/// The optional columns by priority, each with its width.
const COLUMNS: [(SortKey, f32); 5] = [
    (SortKey::Unit, 104.0),
    (SortKey::Date, 122.0),
    (SortKey::District, 80.0),
    (SortKey::Authors, 92.0),
    (SortKey::Length, 52.0),
];

/// The columns that fit a pane this wide, by priority (title always; date only when the
/// archive has dates or page numbers).
fn columns(width: f32, loaded: &Loaded) -> Vec<(SortKey, f32)> {
    let mut room = width - TITLE_MIN;
    let mut out = Vec::new();
    for (key, w) in COLUMNS {
        if key == SortKey::Date && !loaded.has_dates {
            continue;
        }
        if w <= room {
            room -= w;
            out.push((key, w));
        }
    }
    out
}

/// A column's header text.
fn header(lang: Language, key: SortKey) -> &'static str {
    match key {
        SortKey::Title => tr(lang, "标题", "Title"),
        SortKey::Unit => tr(lang, "单位", "Unit"),
        SortKey::District => tr(lang, "区县", "District"),
        SortKey::Date => tr(lang, "日期/版", "Date/page"),
        SortKey::Authors => tr(lang, "作者", "Authors"),
        SortKey::Length => tr(lang, "字数", "Length"),
    }
}

/// Draws the list panel; `alone` when it fills a narrow window, where a click reads the item
/// in its place.
pub fn list_panel(ui: &mut egui::Ui, app: &BaokanApp, loaded: &Loaded, alone: bool) -> Vec<Command> {
    let lang = app.state.language;
    let extra = columns(ui.available_width(), loaded);
    let mut keys = vec![SortKey::Title];
    let mut table = TableBuilder::new(ui)
        .striped(true)
        .sense(egui::Sense::click())
        .column(Column::remainder().at_least(TITLE_MIN * 0.6).clip(true));
    for (key, w) in extra {
        keys.push(key);
        table = table.column(Column::exact(w).clip(true));
    }
    // Only after the keyboard moved the selection, so the wheel still scrolls freely.
    if app.scroll_list
        && let Some(row) = app.selected.and_then(|s| app.list.iter().position(|&i| i == s))
    {
        table = table.scroll_to_row(row, None);
    }
    let mut out = Vec::new();
    table
        .header(ROW, |mut head| {
            for &key in &keys {
                head.col(|ui| {
                    let order = app.state.order;
                    let arrow = match (order.key == key, order.descending) {
                        (false, _) => "",
                        (true, false) => " ▲",
                        (true, true) => " ▼",
                    };
                    let text = egui::RichText::new(format!("{}{arrow}", header(lang, key))).strong();
                    if ui.add(egui::Button::new(text).frame(false)).clicked() {
                        out.push(Command::SortBy(key));
                    }
                });
            }
        })
        .body(|body| {
            let searching = app.search.active().then_some(&app.search.query);
            let height = if searching.is_some() { ROW_WITH_SNIPPET } else { ROW };
            body.rows(height, app.list.len(), |mut row| {
                let Some(&i) = app.list.get(row.index()) else {
                    return;
                };
                let Some((page, item)) = loaded.item(i) else {
                    return;
                };
                row.set_selected(app.selected == Some(i));
                for &key in &keys {
                    row.col(|ui| match (key, searching) {
                        (SortKey::Title, Some(query)) => {
                            title_with_snippet(ui, &cell(lang, key, page, item), item, query)
                        }
                        _ => {
                            let text = egui::RichText::new(cell(lang, key, page, item));
                            // A unit or district classification is unsure of is muted.
                            let (unit, district) = page.confidence(item);
                            let unsure = match key {
                                SortKey::Unit => unit == Confidence::Low,
                                SortKey::District => district == Confidence::Low,
                                _ => false,
                            };
                            let text = if unsure { text.weak().italics() } else { text };
                            ui.add(egui::Label::new(text).truncate().selectable(false));
                        }
                    });
                }
                if row.response().clicked() {
                    out.push(Command::SelectItem(i));
                    if alone {
                        out.push(Command::ToggleFocusReading);
                    }
                }
            });
        });
    out
}

/// The title with its matches marked, and under it the body around the first match.
fn title_with_snippet(ui: &mut egui::Ui, title: &str, item: &Item, query: &Query) {
    let dark = ui.visuals().dark_mode;
    let format = |color, size| egui::TextFormat {
        font_id: egui::FontId::proportional(size),
        color,
        ..Default::default()
    };
    ui.vertical(|ui| {
        let size = egui::TextStyle::Body.resolve(ui.style()).size;
        let marks = find(title, &needles(query, Part::Title));
        let job = marked_line(title, &marks, format(ui.visuals().text_color(), size), dark);
        ui.add(egui::Label::new(job).truncate().selectable(false));
        if let Some((text, marks)) = snippet(item, query, SNIPPET_CHARS) {
            let job = marked_line(&text, &marks, format(ui.visuals().weak_text_color(), size * 0.9), dark);
            ui.add(egui::Label::new(job).truncate().selectable(false));
        }
    });
}

/// The text of one cell.
fn cell(lang: Language, key: SortKey, page: &Page, item: &Item) -> String {
    match key {
        SortKey::Title => {
            let edited = if item.edited { "※ " } else { "" };
            match item.kind {
                Kind::Photo if item.title.is_some() => format!("{edited}〔图〕{}", label(item)),
                _ => format!("{edited}{}", label(item)),
            }
        }
        SortKey::Unit => item.unit.clone().unwrap_or_default(),
        SortKey::District => item.district.clone().unwrap_or_default(),
        SortKey::Date => {
            let date = page.date.as_deref().unwrap_or("");
            match (page.page_no, lang) {
                (Some(n), Language::Chinese) => format!("{date} {n:02}版"),
                (Some(n), Language::English) => format!("{date} p{n}"),
                (None, _) => date.to_owned(),
            }
        }
        SortKey::Authors => item.authors.iter().map(|a| a.name.as_str()).collect::<Vec<_>>().join("、"),
        SortKey::Length => body_len(item).to_string(),
    }
}
