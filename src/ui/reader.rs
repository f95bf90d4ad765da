//! The reader: kicker, headline (bold), subtitle, byline, unit, district and page, then the
//! paragraphs with a two-character first-line indent, selectable for copying.

use egui::text::LayoutJob;
use egui::{FontFamily, FontId, RichText, TextFormat};

use crate::app::{BaokanApp, Language, Loaded};
use crate::core::groups::{NO_DISTRICT, NO_UNIT};
use crate::core::model::{Item, ParsedPage};
use crate::ui::fonts::bold;
use crate::ui::style::line_height;
use crate::ui::text::tr;

/// Draws the reader for the selected item.
pub fn reader_panel(ui: &mut egui::Ui, app: &BaokanApp, loaded: &Loaded) {
    let lang = app.state.language;
    let Some((page, item)) = app.selected.and_then(|i| loaded.item(i)) else {
        ui.centered_and_justified(|ui| {
            ui.label(tr(lang, "请在列表中选择一篇文章", "Select an item in the list"))
        });
        return;
    };
    egui::ScrollArea::vertical().auto_shrink(false).id_salt(("reader", app.selected)).show(ui, |ui| {
        ui.set_max_width(ui.available_width().min(760.0));
        let size = app.state.text_size;
        if let Some(k) = &item.kicker {
            ui.label(RichText::new(k).size(size * 0.95).weak());
        }
        let title =
            item.title.clone().unwrap_or_else(|| tr(lang, "〔图片说明〕", "[Photo caption]").to_owned());
        ui.label(RichText::new(title).family(bold()).size(size * 1.6));
        if let Some(s) = &item.subtitle {
            ui.label(RichText::new(s).size(size * 1.05));
        }
        ui.add_space(6.0);
        meta(ui, lang, page, item, size);
        ui.separator();
        for p in &item.paragraphs {
            ui.add(egui::Label::new(paragraph(ui, p, size)).selectable(true));
            ui.add_space(size * 0.5);
        }
    });
}

/// Byline, unit, district and date/page, small and muted.
fn meta(ui: &mut egui::Ui, lang: Language, page: &ParsedPage, item: &Item, size: f32) {
    let small = size * 0.85;
    if let Some(b) = &item.byline {
        ui.label(RichText::new(b).size(small));
    }
    let unit = item.unit.as_deref().unwrap_or(NO_UNIT);
    let district = item.district.as_deref().unwrap_or(NO_DISTRICT);
    let date = page.date.as_deref().unwrap_or(tr(lang, "日期不详", "date unknown"));
    let page_label = match (lang, page.page_no) {
        (Language::Chinese, Some(n)) => format!("第{n:02}版"),
        (Language::English, Some(n)) => format!("page {n}"),
        (_, None) => {
            let file = std::path::Path::new(&page.source).file_name().map(|f| f.to_string_lossy());
            let file = file.unwrap_or_else(|| page.source.as_str().into());
            match lang {
                Language::Chinese => format!("{file} 第{}页", page.page),
                Language::English => format!("{file} page {}", page.page),
            }
        }
    };
    let line = match lang {
        Language::Chinese => format!("单位：{unit}　区县：{district}　{date} {page_label}"),
        Language::English => format!("Unit: {unit}   District: {district}   {date} {page_label}"),
    };
    ui.label(RichText::new(line).size(small).weak());
}

/// A paragraph laid out with a two-character indent on its first line and a generous line
/// height for Chinese.
fn paragraph(ui: &egui::Ui, text: &str, size: f32) -> LayoutJob {
    let mut job = LayoutJob::default();
    let format = TextFormat {
        font_id: FontId::new(size, FontFamily::Proportional),
        color: ui.visuals().text_color(),
        line_height: Some(line_height(size)),
        ..Default::default()
    };
    job.append(text, size * 2.0, format);
    job.wrap.max_width = ui.available_width();
    job
}
