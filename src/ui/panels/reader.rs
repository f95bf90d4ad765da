//! The reader: kicker, headline (bold), subtitle, byline, unit, district and page, then the
//! paragraphs with a two-character first-line indent, selectable for copying. Search matches
//! are marked, the current one strongly, and scrolled to when n / Shift+N move. A toggle shows
//! the whole page's text instead (see [`page_view`](super::page_view)); another, the correction
//! form (see [`edit`](super::edit)).

use std::ops::Range;

use egui::text::{CCursor, LayoutJob};
use egui::{Align, FontFamily, FontId, RichText, TextFormat};

use crate::app::{BaokanApp, Command, HitCount, Language, Loaded};
use crate::browse::groups::GroupKey;
use crate::browse::search::highlight::{Hit, Part, item_hits};
use crate::model::{Confidence, Item, Page};
use crate::ui::fonts::bold;
use crate::ui::marks::append_marked;
use crate::ui::panels::edit::edit_form;
use crate::ui::panels::page_view::page_view;
use crate::ui::style::line_height;
use crate::ui::wording::{self, tr};

/// Draws the reader for the selected item.
pub fn reader_panel(ui: &mut egui::Ui, app: &BaokanApp, loaded: &Loaded) -> Vec<Command> {
    let lang = app.state.language;
    let Some((page, item)) = app.selected.and_then(|i| loaded.item(i)) else {
        if app.search.active() && app.list.is_empty() {
            nothing_found(ui, lang);
        } else {
            ui.centered_and_justified(|ui| {
                ui.label(tr(lang, "请在列表中选择一篇文章", "Select an item in the list"))
            });
        }
        return Vec::new();
    };
    let hits = if app.search.active() { item_hits(item, &app.search.query) } else { Vec::new() };
    let mut out = Vec::new();
    ui.horizontal(|ui| {
        let toggle = ui.selectable_label(app.page_view, tr(lang, "整版原文", "Whole page"));
        if toggle
            .on_hover_text(tr(lang, "显示本版提取的全部文字", "Show the page's text as extracted"))
            .clicked()
        {
            out.push(Command::TogglePageView);
        }
        let edit = ui.selectable_label(app.editing, tr(lang, "更正…", "Correct…"));
        if edit
            .on_hover_text(tr(lang, "修改标题、单位、区县等，合并或拆分", "Edit fields, merge or split"))
            .clicked()
        {
            out.push(Command::ToggleEditing);
        }
        if item.edited {
            ui.weak(tr(lang, "（已更正）", "(corrected)"));
        }
        if app.search.active() {
            ui.label(hit_status(lang, app.hit_count()));
        }
        if app.focus_reading {
            ui.with_layout(egui::Layout::right_to_left(Align::Center), |ui| {
                ui.weak(tr(lang, "Esc 返回", "Esc to go back"));
            });
        }
    });
    ui.separator();
    if app.page_view {
        out.extend(page_view(ui, app, loaded, item));
        return out;
    }
    if let (true, Some(position)) = (app.editing, app.selected)
        && let Some(&(_, index)) = loaded.items.get(position)
    {
        out.extend(edit_form(ui, app, position, page, index));
        return out;
    }
    // One scroll area for every item: its position is the current item's only, and goes back
    // to the top when another is selected.
    let mut area = egui::ScrollArea::vertical().auto_shrink(false).id_salt("reader");
    if app.reader_to_top {
        area = area.vertical_scroll_offset(0.0);
    }
    area.show(ui, |ui| {
        ui.set_max_width(ui.available_width().min(760.0));
        Parts { hits: &hits, current: app.search.hit, scroll: app.search.scroll_to_hit }.show(
            ui,
            lang,
            page,
            item,
            app.state.text_size,
        );
    });
    out
}

/// What the reader shows when the search matched nothing: where the item would be.
fn nothing_found(ui: &mut egui::Ui, lang: Language) {
    ui.vertical_centered(|ui| {
        ui.add_space(ui.available_height() * 0.3);
        ui.label(RichText::new(tr(lang, "没有找到", "Nothing found")).size(22.0).strong());
        ui.add_space(6.0);
        ui.weak(tr(
            lang,
            "换个词试试，或按 Esc 清除搜索",
            "Try other words, or press Esc to clear the search",
        ));
    });
}

/// Where the reader is among the matches of every listed item, and the keys that move.
fn hit_status(lang: Language, count: HitCount) -> String {
    let HitCount { current, total, here, items } = count;
    match (lang, current, total) {
        (Language::Chinese, None, _) if here == 0 => format!("本篇无标记匹配 · {items} 篇（n 到下一篇）"),
        (Language::English, None, _) if here == 0 => {
            format!("No marked match here · {items} items (n: next item)")
        }
        (Language::Chinese, Some(c), Some(t)) => {
            format!("第 {c}/{t} 处 · {items} 篇　n 下一处 · Shift+N 上一处")
        }
        (Language::English, Some(c), Some(t)) => {
            format!("Match {c} of {t} · {items} items   n next · Shift+N previous")
        }
        // Too many items to count them all: the item's own matches.
        (Language::Chinese, _, _) => format!("本篇 {here} 处 · {items} 篇　n 下一处 · Shift+N 上一处"),
        (Language::English, _, _) => format!("{here} here · {items} items   n next · Shift+N previous"),
    }
}

/// The item's parts with their marks.
struct Parts<'a> {
    hits: &'a [Hit],
    current: usize,
    scroll: bool,
}

impl Parts<'_> {
    fn show(&self, ui: &mut egui::Ui, lang: Language, page: &Page, item: &Item, size: f32) {
        let regular = |size: f32| FontId::new(size, FontFamily::Proportional);
        let weak = ui.visuals().weak_text_color();
        if let Some(k) = &item.kicker {
            self.part(ui, Part::Kicker, k, format(ui, regular(size * 0.95), Some(weak)), 0.0);
        }
        let strongest = Some(ui.visuals().strong_text_color());
        match &item.title {
            Some(t) => {
                self.part(ui, Part::Title, t, format(ui, FontId::new(size * 1.6, bold()), strongest), 0.0)
            }
            // An untitled photo caption: a small tag says what it is, and its text follows.
            None => {
                let tag = RichText::new(tr(lang, "图片说明", "Photo caption")).size(size * 0.8);
                egui::Frame::new()
                    .stroke(ui.visuals().widgets.noninteractive.bg_stroke)
                    .corner_radius(3)
                    .inner_margin(egui::Margin::symmetric(6, 1))
                    .show(ui, |ui| ui.label(tag));
            }
        }
        if let Some(s) = &item.subtitle {
            self.part(ui, Part::Subtitle, s, format(ui, regular(size * 1.05), None), 0.0);
        }
        ui.add_space(6.0);
        if let Some(b) = &item.byline {
            self.part(ui, Part::Byline, b, format(ui, regular(size * 0.85), None), 0.0);
        }
        self.meta(ui, lang, page, item, format(ui, regular(size * 0.85), Some(weak)));
        ui.separator();
        let body = TextFormat { line_height: Some(line_height(size)), ..format(ui, regular(size), None) };
        for (i, p) in item.paragraphs.iter().enumerate() {
            self.part(ui, Part::Paragraph(i), p, body.clone(), size * 2.0);
            ui.add_space(size * 0.5);
        }
    }

    /// A part's matches, and which of them is the current one.
    fn marks(&self, part: Part) -> (Vec<Range<usize>>, Option<usize>) {
        let mine: Vec<(usize, &Hit)> = self.hits.iter().enumerate().filter(|(_, h)| h.part == part).collect();
        let current = mine.iter().position(|(k, _)| *k == self.current);
        (mine.into_iter().map(|(_, h)| h.range.clone()).collect(), current)
    }

    /// One part as a selectable label, its matches marked; scrolls to the current match when
    /// asked.
    fn part(&self, ui: &mut egui::Ui, part: Part, text: &str, format: TextFormat, indent: f32) {
        let (marks, current) = self.marks(part);
        let mut job = LayoutJob::default();
        job.append("", indent, format.clone());
        append_marked(&mut job, text, &marks, current, &format, ui.visuals().dark_mode);
        job.wrap.max_width = ui.available_width();
        let galley = ui.ctx().fonts_mut(|f| f.layout_job(job));
        let response = ui.add(egui::Label::new(galley.clone()).selectable(true));
        if let (true, Some(c)) = (self.scroll, current.and_then(|c| marks.get(c))) {
            let chars = text.get(..c.start).map_or(0, |t| t.chars().count());
            let at = galley.pos_from_cursor(CCursor::new(chars)).translate(response.rect.min.to_vec2());
            ui.scroll_to_rect(at.expand(line_height(format.font_id.size)), Some(Align::Center));
        }
    }
}

impl Parts<'_> {
    /// Unit, district and date/page, small and muted, with the unit's and district's matches
    /// marked.
    fn meta(&self, ui: &mut egui::Ui, lang: Language, page: &Page, item: &Item, format: TextFormat) {
        let dark = ui.visuals().dark_mode;
        let (unit_label, district_label) = match lang {
            Language::Chinese => ("单位：", "　区县："),
            Language::English => ("Unit: ", "   District: "),
        };
        let mut job = LayoutJob::default();
        let mut scroll = false;
        let (unit_sure, district_sure) = page.confidence(item);
        for (label, part, value, none, sure) in [
            (unit_label, Part::Unit, &item.unit, GroupKey::NoUnit, unit_sure),
            (district_label, Part::District, &item.district, GroupKey::NoDistrict, district_sure),
        ] {
            job.append(label, 0.0, format.clone());
            let (marks, current) = self.marks(part);
            scroll |= current.is_some();
            let none = wording::group_key(lang, &none);
            // A unit or district classification is unsure of is shown in italics, marked.
            let unsure = value.is_some() && sure == Confidence::Low;
            let shown = TextFormat { italics: unsure, ..format.clone() };
            append_marked(&mut job, value.as_deref().unwrap_or(&none), &marks, current, &shown, dark);
            if unsure {
                job.append(tr(lang, "（存疑）", " (unsure)"), 0.0, shown);
            }
        }
        job.append(&date_and_page(lang, page), 0.0, format.clone());
        if let Some(other) = item.continued {
            let note = match lang {
                Language::Chinese => format!("　另见第{other:02}版"),
                Language::English => format!("   other part on page {other}"),
            };
            job.append(&note, 0.0, format);
        }
        let response = ui.label(job);
        if self.scroll && scroll {
            ui.scroll_to_rect(response.rect, Some(Align::Center));
        }
    }
}

/// The page's date and printed page (or file and page within it), after a space.
fn date_and_page(lang: Language, page: &Page) -> String {
    let date = page.date.as_deref().unwrap_or(tr(lang, "日期不详", "date unknown"));
    let page_label = match (lang, page.page_no) {
        (Language::Chinese, Some(n)) => format!("第{n:02}版"),
        (Language::English, Some(n)) => format!("page {n}"),
        (_, None) => {
            let file = std::path::Path::new(&page.source).file_name().map(|f| f.to_string_lossy());
            let file = file.unwrap_or_else(|| page.source.as_str().into());
            match lang {
                Language::Chinese => format!("{file} 第{}页", page.index),
                Language::English => format!("{file} page {}", page.index),
            }
        }
    };
    match lang {
        Language::Chinese => format!("　{date} {page_label}"),
        Language::English => format!("   {date} {page_label}"),
    }
}

/// A text format in the given font, in the text colour unless another is given.
fn format(ui: &egui::Ui, font_id: FontId, color: Option<egui::Color32>) -> TextFormat {
    TextFormat { font_id, color: color.unwrap_or_else(|| ui.visuals().text_color()), ..Default::default() }
}
