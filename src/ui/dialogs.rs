//! Native file dialogs (rfd): open pages or an archive, save an archive, export. Where the
//! platform has none to show (on Linux, no XDG desktop portal and no zenity, as on many
//! minimal desktops and every Xvfb display), the window's own chooser
//! ([`chooser`](super::panels::chooser)) asks instead, so a user is never left with nothing
//! happening.

use std::path::PathBuf;
use std::time::{Duration, Instant};

use crate::app::{Ask, Language};
use crate::store::export::Format;
use crate::ui::wording::tr;

/// How a native dialog ended.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Dialog {
    /// The user chose these paths.
    Chosen(Vec<PathBuf>),
    /// The user closed the dialog.
    Cancelled,
    /// No dialog could be shown: the window's own chooser should ask.
    Unavailable,
}

/// A dialog that comes back empty sooner than this was never shown: no person cancels one
/// that fast, while a failing portal and a missing zenity answer at once.
const TOO_QUICK: Duration = Duration::from_millis(150);

/// Shows the native dialog the app asked for, when the platform has one.
pub fn ask(lang: Language, ask: &Ask) -> Dialog {
    if !native_possible() {
        return Dialog::Unavailable;
    }
    let started = Instant::now();
    let chosen = match ask {
        Ask::OpenFiles => pick_files(lang),
        Ask::OpenFolder => pick_folder(lang).map(|f| vec![f]),
        Ask::SaveArchive { name, .. } => save_archive(lang, name).map(|p| vec![p]),
        Ask::Export { format, name } => export_to(lang, *format, name).map(|p| vec![p]),
    };
    match chosen {
        Some(paths) => Dialog::Chosen(paths),
        None if started.elapsed() < TOO_QUICK => Dialog::Unavailable,
        None => Dialog::Cancelled,
    }
}

/// True when a native dialog may be shown. On Linux rfd asks the XDG desktop portal over the
/// session bus, then runs zenity: without a bus and without zenity neither can answer.
fn native_possible() -> bool {
    if !cfg!(any(target_os = "linux", target_os = "freebsd", target_os = "openbsd", target_os = "netbsd")) {
        return true;
    }
    let bus = std::env::var_os("DBUS_SESSION_BUS_ADDRESS").is_some()
        || std::env::var_os("XDG_RUNTIME_DIR").is_some_and(|d| PathBuf::from(d).join("bus").exists());
    bus || on_path("zenity")
}

/// True when a program of this name is in one of `$PATH`'s folders.
fn on_path(program: &str) -> bool {
    std::env::var_os("PATH")
        .is_some_and(|path| std::env::split_paths(&path).any(|d| d.join(program).is_file()))
}

/// The dialog's title, for the native dialog and the window's own chooser.
pub fn title(lang: Language, ask: &Ask) -> &'static str {
    match ask {
        Ask::OpenFiles => tr(lang, "打开版面或档案", "Open pages or archive"),
        Ask::OpenFolder => tr(lang, "打开版面文件夹", "Open a folder of pages"),
        Ask::SaveArchive { .. } => tr(lang, "另存为档案", "Save as archive"),
        Ask::Export { .. } => tr(lang, "导出", "Export"),
    }
}

/// Asks for pages, a .zip or a .baokan archive.
pub fn pick_files(lang: Language) -> Option<Vec<PathBuf>> {
    rfd::FileDialog::new()
        .set_title(title(lang, &Ask::OpenFiles))
        .add_filter(tr(lang, "版面与档案", "Pages and archives"), &["txt", "zip", "baokan"])
        .add_filter(tr(lang, "所有文件", "All files"), &["*"])
        .pick_files()
}

/// Asks for a folder of pages.
pub fn pick_folder(lang: Language) -> Option<PathBuf> {
    rfd::FileDialog::new().set_title(title(lang, &Ask::OpenFolder)).pick_folder()
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
