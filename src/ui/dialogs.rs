//! Native file dialogs (rfd): open pages or an archive, save an archive, export.

use std::path::PathBuf;

use crate::app::{Ask, Language};
use crate::store::export::Format;
use crate::ui::wording::tr;

/// Shows the dialog the app asked for; `None` when the user cancelled it.
pub fn ask(lang: Language, ask: &Ask) -> Option<Vec<PathBuf>> {
    match ask {
        Ask::OpenFiles => pick_files(lang),
        Ask::OpenFolder => pick_folder(lang).map(|f| vec![f]),
        Ask::SaveArchive { name, .. } => save_archive(lang, name).map(|p| vec![p]),
        Ask::Export { format, name } => export_to(lang, *format, name).map(|p| vec![p]),
    }
}

/// Asks for pages, a .zip or a .baokan archive.
pub fn pick_files(lang: Language) -> Option<Vec<PathBuf>> {
    rfd::FileDialog::new()
        .set_title(tr(lang, "打开版面或档案", "Open pages or archive"))
        .add_filter(tr(lang, "版面与档案", "Pages and archives"), &["txt", "zip", "baokan"])
        .add_filter(tr(lang, "所有文件", "All files"), &["*"])
        .pick_files()
}

/// Asks for a folder of pages.
pub fn pick_folder(lang: Language) -> Option<PathBuf> {
    rfd::FileDialog::new().set_title(tr(lang, "打开版面文件夹", "Open a folder of pages")).pick_folder()
}

/// Asks where to save the archive.
pub fn save_archive(lang: Language, name: &str) -> Option<PathBuf> {
    rfd::FileDialog::new()
        .set_title(tr(lang, "另存为档案", "Save as archive"))
        .add_filter(tr(lang, "Baokan 档案", "Baokan archive"), &["baokan"])
        .set_file_name(name)
        .save_file()
}

/// Asks where to export.
pub fn export_to(lang: Language, format: Format, name: &str) -> Option<PathBuf> {
    rfd::FileDialog::new()
        .set_title(tr(lang, "导出", "Export"))
        .add_filter(format_label(lang, format), &[format.extension()])
        .set_file_name(name)
        .save_file()
}

/// A format's name in the export menu.
pub fn format_label(lang: Language, format: Format) -> &'static str {
    match format {
        Format::Markdown => "Markdown (.md)",
        Format::Csv => tr(lang, "CSV 表格 (.csv，Excel 可打开)", "CSV table (.csv, opens in Excel)"),
        Format::Json => "JSON (.json)",
    }
}
