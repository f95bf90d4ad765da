//! The page view: the whole page's text as extracted, to check and mend the segmentation.
//! Each item's lines form a tinted block with a thin border (the selected item's stronger),
//! and every line has its number and a small tag naming what the segmenter made of it: 版头,
//! 引题, 标题, 副题, 署名, 正文, 图片说明, or 未归属 for lines no item took. Long lines wrap.
//! Hovering a block names its item; clicking a line selects the item that holds it;
//! right-clicking offers to make the line page header or to split its item there.

use egui::{Align, Color32, RichText, Sense};

use crate::app::{BaokanApp, Command, Language, Loaded};
use crate::browse::groups::label;
use crate::model::{Correction, Item, Kind, Page};
use crate::text::{is_space, split_lines};
use crate::ui::wording::tr;

/// Width of the role tag and of the line-number gutter.
const TAG: f32 = 54.0;
const GUTTER: f32 = 34.0;

/// What a line of the page is, as the segmenter read it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Role {
    /// Page furniture: date, page name, editor.
    Header,
    /// 引题.
    Kicker,
    /// The headline.
    Headline,
    /// 副题.
    Subtitle,
    /// Byline or credit.
    Byline,
    /// Body text.
    Body,
    /// A photo caption's text.
    Caption,
    /// A line no item took (blank lines are not tagged).
    Unassigned,
}

impl Role {
    /// The tag shown beside the line.
    pub fn label(self, lang: Language) -> &'static str {
        match self {
            Role::Header => tr(lang, "版头", "header"),
            Role::Kicker => tr(lang, "引题", "kicker"),
            Role::Headline => tr(lang, "标题", "headline"),
            Role::Subtitle => tr(lang, "副题", "subtitle"),
            Role::Byline => tr(lang, "署名", "byline"),
            Role::Body => tr(lang, "正文", "body"),
            Role::Caption => tr(lang, "图片说明", "caption"),
            Role::Unassigned => tr(lang, "未归属", "unassigned"),
        }
    }
}

/// Text without its spaces, as lines are compared with the fields they went into (extraction
/// spaces and line breaks differ between them).
fn compact(s: &str) -> String {
    s.chars().filter(|&c| !is_space(c)).collect()
}

/// An item's fields without spaces, to find which one a line went into.
struct Fields {
    kicker: String,
    title: String,
    subtitle: String,
    byline: String,
    body: String,
    photo: bool,
    first_paragraph: usize,
}

impl Fields {
    fn of(item: &Item) -> Fields {
        let c = |s: &Option<String>| s.as_deref().map(compact).unwrap_or_default();
        Fields {
            kicker: c(&item.kicker),
            title: c(&item.title),
            subtitle: c(&item.subtitle),
            byline: c(&item.byline),
            body: item.paragraphs.iter().map(|p| compact(p)).collect(),
            photo: item.kind == Kind::Photo,
            first_paragraph: item.paragraph_lines.first().copied().unwrap_or(usize::MAX),
        }
    }

    /// The field a line of the item went into: the one holding most of the line (a line can
    /// hold a whole short field and more, as a caption with its credit run on). On a tie,
    /// above the first paragraph the headings come first; from it on, the body.
    fn role(&self, number: usize, line: &str) -> Role {
        let text = compact(line);
        if text.is_empty() {
            return Role::Unassigned;
        }
        let share = |field: &str| held(&text, field);
        let body = (&self.body, if self.photo { Role::Caption } else { Role::Body });
        let headings = [
            (&self.title, Role::Headline),
            (&self.kicker, Role::Kicker),
            (&self.subtitle, Role::Subtitle),
            (&self.byline, Role::Byline),
        ];
        let mut order: Vec<(&String, Role)> = headings.to_vec();
        if number >= self.first_paragraph {
            order.insert(0, body);
        } else {
            order.push(body);
        }
        let mut best = (0, Role::Unassigned);
        for (field, role) in order {
            let n = share(field);
            if n > best.0 {
                best = (n, role);
            }
        }
        best.1
    }
}

/// How much of a line a field holds: the longer of the line's start and its end found in the
/// field, in bytes (all of it when the field holds the whole line).
fn held(text: &str, field: &str) -> usize {
    if field.is_empty() {
        return 0;
    }
    let ends: Vec<usize> = text.char_indices().map(|(i, _)| i).skip(1).chain([text.len()]).collect();
    // The longest start the field holds: holding a start means holding every shorter one,
    // so a binary search over the character ends finds it.
    let start = ends.partition_point(|&e| text.get(..e).is_some_and(|t| field.contains(t)));
    let start = start.checked_sub(1).and_then(|k| ends.get(k)).copied().unwrap_or(0);
    let begins: Vec<usize> = text.char_indices().map(|(i, _)| i).collect();
    let end = begins.partition_point(|&b| !text.get(b..).is_some_and(|t| field.contains(t)));
    let end = begins.get(end).map_or(0, |&b| text.len() - b);
    start.max(end)
}

/// The role of every line of a page (1-based lines at index `n - 1`), with the item holding
/// it.
pub fn roles(page: &Page) -> Vec<(Role, Option<usize>)> {
    let fields: Vec<Fields> = page.items.iter().map(Fields::of).collect();
    let header: Vec<String> = page.header.iter().map(|h| compact(h)).collect();
    split_lines(&page.text)
        .into_iter()
        .enumerate()
        .map(|(k, line)| {
            let number = k + 1;
            let owner = page.item_at_line(number);
            let role = match owner.and_then(|a| fields.get(a)) {
                Some(f) => f.role(number, line),
                None if header.iter().any(|h| !h.is_empty() && h.contains(&compact(line))) => Role::Header,
                None => Role::Unassigned,
            };
            (role, owner)
        })
        .collect()
}

/// Draws the selected item's page; returns what a click or the context menu asked for.
pub fn page_view(ui: &mut egui::Ui, app: &BaokanApp, loaded: &Loaded, item: &Item) -> Option<Command> {
    let lang = app.state.language;
    let selected = app.selected?;
    let &(p, _) = loaded.items.get(selected)?;
    let page = loaded.doc.pages.get(p)?;
    if page.text.is_empty() {
        ui.label(tr(lang, "这一版的原文不可用", "This page's text is not available"));
        return None;
    }
    // Scroll to the item's first line once each time another item is shown here.
    let scrolled_id = ui.scope_id().with("page-view-scrolled");
    let scroll = ui.data(|d| d.get_temp::<usize>(scrolled_id)) != Some(selected);
    ui.data_mut(|d| d.insert_temp(scrolled_id, selected));
    let lines = split_lines(&page.text);
    let roles = roles(page);
    let mut out = None;
    egui::ScrollArea::vertical().auto_shrink(false).id_salt("page-view").show(ui, |ui| {
        ui.spacing_mut().item_spacing.y = 1.0;
        let mut k = 0;
        while k < lines.len() {
            // A block: the run of lines with the same owner.
            let owner = roles.get(k).and_then(|r| r.1);
            let end =
                (k..lines.len()).find(|&j| roles.get(j).and_then(|r| r.1) != owner).unwrap_or(lines.len());
            let position = owner.and_then(|a| loaded.position(p, a));
            let mine = position == Some(selected);
            let block = Block { app, lines: &lines, roles: &roles, mine, position };
            let drawn = match owner {
                Some(a) => {
                    let (fill, stroke) = tint(ui.visuals(), a, mine);
                    let frame = egui::Frame::new()
                        .fill(fill)
                        .stroke(stroke)
                        .corner_radius(3)
                        .inner_margin(egui::Margin::symmetric(4, 2));
                    let shown = frame.show(ui, |ui| {
                        ui.set_min_width(ui.available_width());
                        block.rows(ui, k..end, &mut out)
                    });
                    let name = page.items.get(a).map(label).unwrap_or_default();
                    let hover =
                        ui.interact(shown.response.rect, ui.scope_id().with(("block", a, k)), Sense::hover());
                    hover.on_hover_text(name);
                    shown.inner
                }
                None => block.rows(ui, k..end, &mut out),
            };
            if scroll && mine && (k..end).contains(&(item.lines[0].saturating_sub(1))) {
                ui.scroll_to_rect(drawn, Some(Align::TOP));
            }
            ui.add_space(2.0);
            k = end;
        }
    });
    out
}

/// One block's lines and what they share.
struct Block<'a> {
    app: &'a BaokanApp,
    lines: &'a [&'a str],
    roles: &'a [(Role, Option<usize>)],
    /// The block is the selected item's.
    mine: bool,
    /// The document position of the block's item.
    position: Option<usize>,
}

impl Block<'_> {
    /// Draws lines `range` (0-based), each with its tag and number; the rect of the first.
    fn rows(
        &self,
        ui: &mut egui::Ui,
        range: std::ops::Range<usize>,
        out: &mut Option<Command>,
    ) -> egui::Rect {
        let lang = self.app.state.language;
        let mut first = None;
        for k in range {
            let (line, number) = (self.lines.get(k).copied().unwrap_or(""), k + 1);
            let role = self.roles.get(k).map_or(Role::Unassigned, |r| r.0);
            let row = ui.horizontal_top(|ui| {
                let blank = line.trim().is_empty();
                let tag = if blank { String::new() } else { role.label(lang).to_owned() };
                let tag_text = RichText::new(tag.clone()).small().color(tag_colour(ui.visuals(), role));
                let response = ui.add_sized([TAG, 0.0], egui::Label::new(tag_text).selectable(false));
                if !blank {
                    let name = match lang {
                        Language::Chinese => format!("第 {number} 行 {tag}"),
                        Language::English => format!("line {number}: {tag}"),
                    };
                    response.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Label, true, &name));
                }
                let number_text = RichText::new(number.to_string()).small().weak().monospace();
                ui.add_sized([GUTTER, 0.0], egui::Label::new(number_text).selectable(false));
                self.text(ui, line, number, out);
            });
            first.get_or_insert(row.response.rect);
        }
        first.unwrap_or(egui::Rect::NOTHING)
    }

    /// A line's text, wrapped: for an item's line, a selectable line that a click selects and
    /// a right-click offers to mend.
    fn text(&self, ui: &mut egui::Ui, line: &str, number: usize, out: &mut Option<Command>) {
        let Some(position) = self.position.filter(|_| !line.trim().is_empty()) else {
            ui.add(egui::Label::new(RichText::new(line).weak()).wrap().selectable(false));
            return;
        };
        let text = if self.mine { RichText::new(line).strong() } else { RichText::new(line) };
        let response = ui.add(egui::Label::new(text).wrap().selectable(false).sense(Sense::click()));
        response.widget_info(|| egui::WidgetInfo::selected(egui::Role::Button, true, self.mine, line));
        if response.clicked() && !self.mine {
            *out = Some(Command::SelectItem(position));
        }
        line_menu(&response, self.app, number, out);
    }
}

/// A block's fill and border: the selected item's in the selection colour, others in one of
/// a few quiet hues by the item's place, so that neighbours stay apart.
fn tint(visuals: &egui::Visuals, item: usize, mine: bool) -> (Color32, egui::Stroke) {
    if mine {
        let accent = visuals.selection.bg_fill;
        return (accent.gamma_multiply(0.35), egui::Stroke::new(1.5, accent));
    }
    const LIGHT: [Color32; 3] = [
        Color32::from_rgb(236, 243, 252),
        Color32::from_rgb(240, 248, 236),
        Color32::from_rgb(250, 242, 232),
    ];
    const DARK: [Color32; 3] =
        [Color32::from_rgb(34, 44, 58), Color32::from_rgb(36, 50, 38), Color32::from_rgb(54, 44, 34)];
    let fills = if visuals.dark_mode { DARK } else { LIGHT };
    let fill = fills[item % fills.len()];
    let border = if visuals.dark_mode { Color32::from_gray(80) } else { Color32::from_gray(190) };
    (fill, egui::Stroke::new(1.0, border))
}

/// A tag's colour: headings stand out, furniture and strays are quiet.
fn tag_colour(visuals: &egui::Visuals, role: Role) -> Color32 {
    match role {
        Role::Headline | Role::Kicker | Role::Subtitle => visuals.strong_text_color(),
        Role::Unassigned => visuals.warn_fg_color,
        _ => visuals.weak_text_color(),
    }
}

/// The right-click menu of a line: make it page header, or start a new item there.
fn line_menu(response: &egui::Response, app: &BaokanApp, line: usize, out: &mut Option<Command>) {
    let (lang, Some(selected)) = (app.state.language, app.selected) else {
        return;
    };
    response.context_menu(|ui| {
        if ui.button(tr(lang, "设为版头（不是正文）", "Mark as page header (not text)")).clicked() {
            *out = Some(Command::Correct(selected, vec![Correction::Header { line }]));
        }
        if ui.button(tr(lang, "从这一行所在段落起拆分", "Split the item at this line's paragraph")).clicked()
        {
            *out = Some(Command::Correct(selected, vec![Correction::Split { line }]));
        }
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_field_holds_the_start_or_the_end_of_a_line() {
        let cases = [
            ("whole line", "党员干部", "七月党员干部赴", 12),
            ("caption run into its credit", "敬献花篮。■本报", "图为敬献花篮。", 15),
            ("credit at the end", "敬献花篮。■本报", "■本报通讯员", 9),
            ("neither", "甲乙丙", "丁戊", 0),
            ("empty field", "甲乙", "", 0),
        ];
        for (name, line, field, want) in cases {
            assert_eq!(held(line, field), want, "{name}");
        }
    }
}
