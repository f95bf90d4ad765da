//! Native file dialogs (rfd).

use std::path::PathBuf;

use crate::app::Language;
use crate::ui::text::tr;

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
