//! The window's own file chooser, for when the platform shows no file dialog (see
//! [`dialogs`](crate::ui::dialogs)): a path field that Tab completes, the listing of its folder
//! narrowed by what is typed after the last separator, and places to start from (home, the
//! open archive's folder, the folders of recent files). Enter or the button answers; Esc or
//! 取消 closes it. What is typed lives in egui's memory, so the panel stays a function of the
//! app and only sends commands.

use std::path::{MAIN_SEPARATOR, Path, PathBuf};

use egui::text::{CCursor, CCursorRange};

use crate::app::{Ask, BaokanApp, Command, Language};
use crate::browse::collate::collate;
use crate::ui::dialogs::title;
use crate::ui::wording::tr;

/// One entry of a listed folder.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Entry {
    name: String,
    folder: bool,
}

/// What the chooser holds between frames.
#[derive(Debug, Clone, Default)]
struct State {
    /// The question this was made for: another question starts afresh.
    ask: Option<Ask>,
    /// What the path field holds.
    path: String,
    /// The folder last listed, with its entries (read again when the folder changes).
    listed: Option<(PathBuf, Vec<Entry>)>,
    /// Why the last answer was refused, to say under the field.
    refused: Option<Refused>,
}

/// Why a path cannot answer the question.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Refused {
    /// Nothing typed.
    Empty,
    /// No such file or folder.
    Missing,
    /// The folder to save into does not exist.
    NoFolder,
}

/// Draws the chooser while one is asked for.
pub fn file_chooser(ctx: &egui::Context, app: &BaokanApp) -> Option<Command> {
    let ask = app.choosing.as_ref()?;
    let lang = app.state.language;
    let id = egui::Id::unique("file-chooser");
    let field = id.with("path");
    let kept = ctx.data(|d| d.get_temp::<State>(id)).filter(|s| s.ask.as_ref() == Some(ask));
    // The field takes the keyboard when the chooser opens.
    let fresh = kept.is_none();
    let mut state = kept.unwrap_or_else(|| start(app, ask));
    let mut out = None;
    let modal = egui::Modal::new(id).show(ctx, |ui| {
        ui.set_width(640.0_f32.min(ctx.content_rect().width() - 40.0));
        ui.heading(title(lang, ask));
        ui.add_space(4.0);
        let (folder, prefix) = split(&state.path);
        let entries = listing(&mut state, &folder);
        let shown: Vec<&Entry> = entries.iter().filter(|e| wanted(ask, e) && fits(e, &prefix)).collect();
        // Tab completes the path instead of moving on to the next widget.
        let tab = ui.memory(|m| m.has_focus(field))
            && ui.input_mut(|i| i.consume_key(egui::Modifiers::NONE, egui::Key::Tab));
        if tab && let Some(done) = complete(&folder, &prefix, &shown) {
            state.path = done;
            cursor_to_end(ctx, field, &state.path);
        }
        let edit = egui::TextEdit::singleline(&mut state.path)
            .id(field)
            .event_filter(egui::EventFilter { tab: true, horizontal_arrows: true, ..Default::default() })
            .hint_text(tr(lang, "输入路径，Tab 补全", "Type a path; Tab completes"))
            .desired_width(f32::INFINITY);
        let response = ui.add(edit).accessible_name(tr(lang, "文件路径", "File path"));
        let mut answer = response.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter));
        if fresh {
            response.request_focus();
        }
        if let Some(r) = state.refused {
            ui.colored_label(ui.visuals().error_fg_color, refused_text(lang, r));
        }
        ui.add_space(4.0);
        let mut go = None;
        ui.horizontal_top(|ui| {
            ui.vertical(|ui| {
                ui.set_width(150.0);
                ui.weak(tr(lang, "位置", "Places"));
                for (label, place) in places(app, lang) {
                    let text = egui::RichText::new(label);
                    if ui
                        .add(egui::Button::new(text).truncate())
                        .on_hover_text(place.display().to_string())
                        .clicked()
                    {
                        go = Some(with_separator(&place));
                    }
                }
            });
            ui.add_space(8.0);
            if let Some((to, answered)) = folder_list(ui, lang, &folder, &shown, &state.path) {
                go = Some(to);
                answer |= answered;
            }
        });
        if let Some(path) = go {
            state.path = path;
            state.refused = None;
            cursor_to_end(ctx, field, &state.path);
        }
        ui.add_space(6.0);
        ui.horizontal(|ui| {
            answer |= ui.button(button_label(lang, ask)).clicked();
            if ui.button(tr(lang, "取消", "Cancel")).clicked() {
                out = Some(Command::CancelChoosing);
            }
        });
        if answer {
            match decide(ask, &state.path) {
                Decision::Chosen(paths) => out = Some(Command::Chosen(paths)),
                Decision::Enter(folder) => {
                    state.path = with_separator(&folder);
                    state.refused = None;
                    cursor_to_end(ctx, field, &state.path);
                    response.request_focus();
                }
                Decision::Refused(r) => state.refused = Some(r),
            }
        }
    });
    if out.is_none() && modal.should_close() {
        out = Some(Command::CancelChoosing);
    }
    if out.is_some() {
        ctx.data_mut(|d| d.remove::<State>(id));
    } else {
        ctx.data_mut(|d| d.insert_temp(id, state));
    }
    out
}

/// The listing: the folder above, then the shown entries; a click puts an entry in the field
/// (and a double click on a file answers). The path clicked, and whether it answers.
fn folder_list(
    ui: &mut egui::Ui,
    lang: Language,
    folder: &Path,
    shown: &[&Entry],
    typed: &str,
) -> Option<(String, bool)> {
    let mut out = None;
    let area = egui::ScrollArea::vertical().max_height(300.0).auto_shrink([false, false]);
    area.show(ui, |ui| {
        ui.with_layout(egui::Layout::top_down_justified(egui::Align::Min), |ui| {
            if let Some(up) = folder.parent()
                && ui.selectable_label(false, tr(lang, "‥ 上一级", "‥ up")).clicked()
            {
                out = Some((with_separator(up), false));
            }
            if shown.is_empty() {
                ui.weak(tr(lang, "（没有可选的文件）", "(nothing to choose here)"));
            }
            for entry in shown {
                let path = folder.join(&entry.name);
                let label =
                    if entry.folder { format!("{}{MAIN_SEPARATOR}", entry.name) } else { entry.name.clone() };
                let row = ui.selectable_label(Path::new(typed) == path, label);
                if row.double_clicked() && !entry.folder {
                    out = Some((path.display().to_string(), true));
                } else if row.clicked() {
                    let to = if entry.folder { with_separator(&path) } else { path.display().to_string() };
                    out = Some((to, false));
                }
            }
        });
    });
    out
}

/// A fresh chooser: the folder of what is open (or of the last file opened, or home), with the
/// suggested name for a save.
fn start(app: &BaokanApp, ask: &Ask) -> State {
    let open = app.archive.clone().or_else(|| app.loaded.as_ref().and_then(|l| l.inputs.first().cloned()));
    let near = open.or_else(|| app.state.recent.first().cloned());
    let folder = near
        .and_then(|p| if p.is_dir() { Some(p) } else { p.parent().map(Path::to_path_buf) })
        .filter(|p| p.is_dir())
        .or_else(home)
        .or_else(|| std::env::current_dir().ok())
        .unwrap_or_else(|| PathBuf::from(MAIN_SEPARATOR.to_string()));
    let path = match ask {
        Ask::SaveArchive { name, .. } | Ask::Export { name, .. } => folder.join(name).display().to_string(),
        Ask::OpenFiles | Ask::OpenFolder => with_separator(&folder),
    };
    State { ask: Some(ask.clone()), path, listed: None, refused: None }
}

/// The user's home folder.
fn home() -> Option<PathBuf> {
    std::env::var_os("HOME").or_else(|| std::env::var_os("USERPROFILE")).map(PathBuf::from)
}

/// A folder's path with a separator at the end, as the field shows a folder being listed.
fn with_separator(folder: &Path) -> String {
    let mut s = folder.display().to_string();
    if !s.ends_with(MAIN_SEPARATOR) && !s.ends_with('/') {
        s.push(MAIN_SEPARATOR);
    }
    s
}

/// `~` at the start stands for the home folder, as in a shell.
fn expand(path: &str) -> PathBuf {
    match (path.strip_prefix('~'), home()) {
        (Some(rest), Some(home)) if rest.is_empty() || rest.starts_with(['/', MAIN_SEPARATOR]) => {
            home.join(rest.trim_start_matches(['/', MAIN_SEPARATOR]))
        }
        _ => PathBuf::from(path),
    }
}

/// The folder a typed path lists, and what is typed of a name in it.
fn split(typed: &str) -> (PathBuf, String) {
    let path = expand(typed);
    if typed.is_empty() || typed.ends_with(['/', MAIN_SEPARATOR]) {
        return (path, String::new());
    }
    let name = path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
    let folder = path.parent().map(Path::to_path_buf).unwrap_or_default();
    (folder, name)
}

/// The folder's entries, read when it changed since the last frame: folders first, then
/// files, each in pinyin order.
fn listing(state: &mut State, folder: &Path) -> Vec<Entry> {
    if let Some((listed, entries)) = &state.listed
        && listed == folder
    {
        return entries.clone();
    }
    let mut entries: Vec<Entry> = std::fs::read_dir(folder)
        .map(|dir| {
            dir.filter_map(Result::ok)
                .map(|e| Entry {
                    name: e.file_name().to_string_lossy().into_owned(),
                    // A link to a folder lists as a folder.
                    folder: e.path().is_dir(),
                })
                .collect()
        })
        .unwrap_or_default();
    entries.sort_by(|a, b| b.folder.cmp(&a.folder).then_with(|| collate(&a.name, &b.name)));
    state.listed = Some((folder.to_path_buf(), entries.clone()));
    entries
}

/// True when an entry answers the question, or leads to one that may (a folder).
fn wanted(ask: &Ask, entry: &Entry) -> bool {
    if entry.folder {
        return true;
    }
    let ext = Path::new(&entry.name).extension().map(|e| e.to_string_lossy().to_lowercase());
    let ext = ext.as_deref().unwrap_or("");
    match ask {
        Ask::OpenFiles => ["txt", "zip", "baokan"].contains(&ext),
        Ask::OpenFolder => false,
        Ask::SaveArchive { .. } => ext == "baokan",
        Ask::Export { format, .. } => ext == format.extension(),
    }
}

/// True when an entry's name starts with what is typed (Latin letters in any case); hidden
/// entries only when a dot is typed.
fn fits(entry: &Entry, prefix: &str) -> bool {
    if entry.name.starts_with('.') && !prefix.starts_with('.') {
        return false;
    }
    entry.name.to_lowercase().starts_with(&prefix.to_lowercase())
}

/// The path completed as far as the shown entries agree: the whole name when one is left (a
/// folder with its separator), else their common beginning.
fn complete(folder: &Path, prefix: &str, shown: &[&Entry]) -> Option<String> {
    let (first, rest) = shown.split_first()?;
    if rest.is_empty() {
        let path = folder.join(&first.name);
        return Some(if first.folder { with_separator(&path) } else { path.display().to_string() });
    }
    let mut common: Vec<char> = first.name.chars().collect();
    for e in rest {
        let same = common.iter().zip(e.name.chars()).take_while(|(a, b)| **a == *b).count();
        common.truncate(same);
    }
    let common: String = common.into_iter().collect();
    (common.chars().count() > prefix.chars().count()).then(|| folder.join(common).display().to_string())
}

/// Puts the field's cursor at the end of its text (after a completion or a click).
fn cursor_to_end(ctx: &egui::Context, field: egui::Id, text: &str) {
    let mut edit = egui::text_edit::TextEditState::load(ctx, field).unwrap_or_default();
    edit.cursor.set_char_range(Some(CCursorRange::one(CCursor::new(text.chars().count()))));
    edit.store(ctx, field);
}

/// What a typed path does when answered.
enum Decision {
    /// It answers the question.
    Chosen(Vec<PathBuf>),
    /// It is a folder to look into.
    Enter(PathBuf),
    /// It cannot answer.
    Refused(Refused),
}

fn decide(ask: &Ask, typed: &str) -> Decision {
    if typed.trim().is_empty() {
        return Decision::Refused(Refused::Empty);
    }
    let path = expand(typed.trim());
    let folder_typed = typed.ends_with(['/', MAIN_SEPARATOR]);
    match ask {
        Ask::OpenFolder if path.is_dir() => Decision::Chosen(vec![path]),
        Ask::OpenFolder => Decision::Refused(Refused::Missing),
        _ if path.is_dir() && !folder_typed => Decision::Enter(path),
        _ if path.is_dir() => Decision::Refused(Refused::Empty),
        Ask::OpenFiles if path.is_file() => Decision::Chosen(vec![path]),
        Ask::OpenFiles => Decision::Refused(Refused::Missing),
        Ask::SaveArchive { .. } | Ask::Export { .. } => match path.parent() {
            Some(p) if p.as_os_str().is_empty() || p.is_dir() => Decision::Chosen(vec![path]),
            _ => Decision::Refused(Refused::NoFolder),
        },
    }
}

/// Where to start from: home, the open archive's folder, the folders of recent files.
fn places(app: &BaokanApp, lang: Language) -> Vec<(String, PathBuf)> {
    let mut out: Vec<(String, PathBuf)> = Vec::new();
    let mut add = |label: String, path: PathBuf| {
        if path.is_dir() && !out.iter().any(|(_, p)| *p == path) {
            out.push((label, path));
        }
    };
    if let Some(h) = home() {
        add(tr(lang, "主目录", "Home").to_owned(), h);
    }
    let open = app.archive.clone().or_else(|| app.loaded.as_ref().and_then(|l| l.inputs.first().cloned()));
    if let Some(folder) = open.as_deref().and_then(Path::parent) {
        add(tr(lang, "打开的档案所在", "Open archive's folder").to_owned(), folder.to_path_buf());
    }
    for recent in &app.state.recent {
        if let Some(folder) = recent.parent() {
            let name = folder
                .file_name()
                .map_or_else(|| folder.display().to_string(), |n| n.to_string_lossy().into_owned());
            add(name, folder.to_path_buf());
        }
    }
    add(tr(lang, "根目录", "Root").to_owned(), PathBuf::from(MAIN_SEPARATOR.to_string()));
    out
}

/// The answering button's label.
fn button_label(lang: Language, ask: &Ask) -> &'static str {
    match ask {
        Ask::OpenFiles => tr(lang, "打开", "Open"),
        Ask::OpenFolder => tr(lang, "打开此文件夹", "Open this folder"),
        Ask::SaveArchive { .. } => tr(lang, "保存", "Save"),
        Ask::Export { .. } => tr(lang, "导出", "Export"),
    }
}

fn refused_text(lang: Language, refused: Refused) -> &'static str {
    match refused {
        Refused::Empty => tr(lang, "请输入或选择一个文件", "Type or choose a file"),
        Refused::Missing => tr(lang, "没有这个文件或文件夹", "No such file or folder"),
        Refused::NoFolder => tr(lang, "要保存到的文件夹不存在", "The folder to save into does not exist"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn entry(name: &str, folder: bool) -> Entry {
        Entry { name: name.to_owned(), folder }
    }

    #[test]
    fn a_typed_path_splits_into_folder_and_name_begun() {
        let cases = [("/a/b/", ("/a/b/", "")), ("/a/b/ca", ("/a/b", "ca")), ("/a", ("/", "a"))];
        for (typed, (folder, name)) in cases {
            assert_eq!(split(typed), (PathBuf::from(folder), name.to_owned()), "{typed}");
        }
    }

    #[test]
    fn tab_completes_as_far_as_the_names_agree() {
        let (pages, page2, notes) =
            (entry("pages", true), entry("page2.txt", false), entry("notes.txt", false));
        let folder = Path::new("/x");
        let sep = MAIN_SEPARATOR;
        assert_eq!(complete(folder, "pa", &[&pages, &page2]), Some("/x/page".to_owned()));
        assert_eq!(complete(folder, "pag", &[&pages]), Some(format!("/x/pages{sep}")));
        assert_eq!(complete(folder, "n", &[&notes]), Some("/x/notes.txt".to_owned()));
        assert_eq!(complete(folder, "page", &[&pages, &page2]), None, "nothing more to add");
        assert_eq!(complete(folder, "z", &[]), None);
    }

    #[test]
    fn only_what_answers_the_question_is_listed() {
        let open = Ask::OpenFiles;
        assert!(wanted(&open, &entry("a.TXT", false)));
        assert!(wanted(&open, &entry("a.baokan", false)));
        assert!(!wanted(&open, &entry("a.pdf", false)));
        assert!(wanted(&Ask::OpenFolder, &entry("pages", true)));
        assert!(!wanted(&Ask::OpenFolder, &entry("a.txt", false)));
        assert!(!fits(&entry(".hidden", true), ""));
        assert!(fits(&entry(".hidden", true), ".h"));
        assert!(fits(&entry("Pages", true), "pa"));
    }
}
