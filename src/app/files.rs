//! Saving and exporting from the window, and the question asked before unsaved corrections
//! would be lost.
//!
//! An archive opened from a `.baokan` file (or saved as one) saves itself after every change.
//! Anything else opened has nowhere to save to, so closing it or opening another archive with
//! corrections made asks first. Every save and export runs on a worker (see [`super::writer`]);
//! leaving waits for the writes to end.

use std::path::{Path, PathBuf};
use std::sync::Arc;

use super::writer::{Output, Request, Writer, Written};
use super::{BaokanApp, Language, Source};
use crate::store::atomic;
use crate::store::export::Format;
use crate::ui;
use crate::ui::text::tr;

/// What the user answered to "save the corrections first?".
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Answer {
    /// Save, then go on.
    Save,
    /// Go on without saving.
    Discard,
    /// Stay.
    Cancel,
}

/// What waits for the answer.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Pending {
    /// Closing the window.
    Quit,
    /// Opening another archive.
    Open(Source),
}

impl BaokanApp {
    /// Leaves the open archive (to quit or open another), asking first about unsaved
    /// corrections; while something is being written, once it is.
    pub(super) fn leave(&mut self, then: Pending) {
        if !self.writes.is_idle() {
            // A save running may make the corrections saved: decide when it ends.
            self.writes.leaving = Some(then);
        } else if self.edits.unsaved() {
            self.pending = Some(then);
        } else {
            self.go(then);
        }
    }

    fn go(&mut self, then: Pending) {
        match then {
            Pending::Quit => self.quit = true,
            Pending::Open(source) => self.start_load(source),
        }
    }

    /// Acts on the answer to the unsaved-corrections question.
    pub(super) fn answer(&mut self, answer: Answer) {
        let Some(then) = self.pending.take() else {
            return;
        };
        match answer {
            Answer::Cancel => {}
            Answer::Discard => {
                self.edits.saved = self.edits.current;
                self.go(then);
            }
            Answer::Save => {
                if let Some(path) = self.archive.clone().or_else(|| self.ask_archive_path()) {
                    self.save_archive_to(path, Some(then));
                }
            }
        }
    }

    /// Saves into the open archive, or asks where.
    pub(super) fn save(&mut self) {
        match self.archive.clone() {
            Some(path) => self.save_archive_to(path, None),
            None => self.save_as_dialog(),
        }
    }

    /// Asks where to save the archive and saves it there.
    pub(super) fn save_as_dialog(&mut self) {
        if let Some(path) = self.ask_archive_path() {
            self.save_archive_to(path, None);
        }
    }

    fn ask_archive_path(&self) -> Option<PathBuf> {
        let name = self.loaded.as_ref().map(|l| default_stem(&l.inputs)).unwrap_or_default();
        ui::dialogs::save_archive(self.state.language, &format!("{name}.baokan"))
    }

    /// Starts writing the archive to `path` (`.baokan` added when it has no extension), which
    /// becomes the open archive once written; `then` follows a successful save.
    pub(super) fn save_archive_to(&mut self, path: PathBuf, then: Option<Pending>) {
        let path = if path.extension().is_none() { path.with_extension("baokan") } else { path };
        let Some(loaded) = &self.loaded else {
            return;
        };
        if let Some(e) = input_clash(&loaded.inputs, &path, self.state.language) {
            self.error = Some(e);
            return;
        }
        self.writes.queue.push_back(Request::archive(path, then));
        self.next_write();
    }

    /// After a change: an archive that has a file saves itself in the background.
    pub(super) fn autosave(&mut self) {
        if let Some(path) = self.archive.clone() {
            self.writes.queue_autosave(path);
            self.next_write();
        }
    }

    /// Starts the next waiting write when none runs; once all have ended, goes on leaving.
    fn next_write(&mut self) {
        if self.writes.current.is_some() {
            return;
        }
        if self.loaded.is_none() {
            self.writes.queue.clear();
        }
        if let (Some(loaded), Some(request)) = (&self.loaded, self.writes.queue.pop_front()) {
            let doc = Arc::clone(&loaded.doc);
            self.writes.current = Some(Writer::start(request, doc, self.edits.current, self.context.clone()));
        } else if let Some(then) = self.writes.leaving.take() {
            self.leave(then);
        }
    }

    /// Takes the result of a finished background write, if any, and starts the next.
    pub(super) fn poll_writer(&mut self) {
        let Some(written) = self.writes.current.as_ref().and_then(Writer::poll) else {
            return;
        };
        if let Some(writer) = self.writes.current.take() {
            self.written(writer, written);
        }
        self.next_write();
    }

    /// Stops the running write before it replaces its file, and drops those waiting.
    pub(super) fn cancel_write(&mut self) {
        if let Some(writer) = &self.writes.current {
            writer.cancel();
            self.writes.queue.clear();
        }
    }

    fn written(&mut self, writer: Writer, written: Written) {
        let lang = self.state.language;
        let path = writer.path.display();
        match (written, writer.export) {
            (Written::Done, Some(n)) => {
                self.notice = Some(match lang {
                    Language::Chinese => format!("已导出 {n} 篇到 {path}"),
                    Language::English => format!("Exported {n} items to {path}"),
                });
            }
            (Written::Done, None) => {
                self.edits.saved = writer.state;
                self.notice = Some(saved_notice(lang, &writer.path));
                self.archive = Some(writer.path);
                self.title_stale = true;
                if let Some(then) = writer.then {
                    self.leave(then);
                }
            }
            (Written::Cancelled, export) => {
                let what = match (lang, export.is_some()) {
                    (Language::Chinese, false) => "已取消保存",
                    (Language::Chinese, true) => "已取消导出",
                    (Language::English, false) => "Saving cancelled",
                    (Language::English, true) => "Export cancelled",
                };
                self.notice = Some(match lang {
                    Language::Chinese => format!("{what}，{path} 未改动"),
                    Language::English => format!("{what}; {path} is unchanged"),
                });
            }
            (Written::Failed(e), _) => self.error = Some(e.to_string()),
        }
    }

    /// Asks where to export the list in `format`, then exports it.
    pub(super) fn export_dialog(&mut self, format: Format) {
        let name = format!("{}.{}", self.export_title().replace(['/', '\\', ':'], "_"), format.extension());
        if let Some(path) = ui::dialogs::export_to(self.state.language, format, &name) {
            self.export_to(format, path);
        }
    }

    /// Starts exporting what the list shows (the group, narrowed by the search) to `path`.
    pub(super) fn export_to(&mut self, format: Format, path: PathBuf) {
        let Some(loaded) = &self.loaded else {
            return;
        };
        if let Some(e) = input_clash(&loaded.inputs, &path, self.state.language) {
            self.error = Some(e);
            return;
        }
        let positions: Vec<(usize, usize)> =
            self.list.iter().filter_map(|&i| loaded.items.get(i).copied()).collect();
        let output = Output::Export { format, positions, title: self.export_title() };
        self.writes.queue.push_back(Request { path, output, then: None });
        self.next_write();
    }

    /// What the list shows, in words: the group's path and the search.
    fn export_title(&self) -> String {
        let mut parts: Vec<String> = self.group.clone().unwrap_or_default();
        if parts.is_empty() {
            parts.push(tr(self.state.language, "全部", "All").to_owned());
        }
        if self.search.active() {
            parts.push(format!("{}{}", tr(self.state.language, "搜索：", "search: "), self.search.text));
        }
        parts.join(" / ")
    }
}

/// A file name for the archive: the first input's name without its extension.
fn default_stem(inputs: &[PathBuf]) -> String {
    let first = inputs.first().and_then(|p| p.file_stem()).map(|s| s.to_string_lossy().into_owned());
    first.unwrap_or_else(|| "baokan".to_owned())
}

/// The sentence refusing to write over an input (other than a `.baokan`, which is ours).
fn input_clash(inputs: &[PathBuf], path: &Path, lang: Language) -> Option<String> {
    let clash = inputs.iter().any(|i| {
        let ours = i.extension().is_some_and(|e| e.eq_ignore_ascii_case("baokan"));
        !ours && atomic::same_file(i, path)
    });
    clash.then(|| match lang {
        Language::Chinese => format!("{}：这是打开的版面文件，不会被覆盖，请另选文件名", path.display()),
        Language::English => {
            format!("{}: that is an opened page file and is never overwritten", path.display())
        }
    })
}

fn saved_notice(lang: Language, path: &Path) -> String {
    match lang {
        Language::Chinese => format!("已保存到 {}", path.display()),
        Language::English => format!("Saved to {}", path.display()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::app::{AppState, Command};
    use std::sync::mpsc::channel;

    /// An app whose running write reports what the test sends.
    fn writing(export: Option<usize>) -> (BaokanApp, std::sync::mpsc::Sender<Written>) {
        let (tx, rx) = channel();
        let mut app = BaokanApp::new(AppState::default());
        app.writes.current = Some(Writer::fake(PathBuf::from("/tmp/a.baokan"), export, rx));
        (app, tx)
    }

    #[test]
    fn a_saving_thread_that_ends_without_a_result_is_an_error() {
        let (mut app, tx) = writing(None);
        drop(tx);
        app.poll_writer();
        assert!(app.writes.is_idle());
        let error = app.error.unwrap_or_default();
        assert!(error.starts_with("/tmp/a.baokan") && error.contains("the saving thread stopped"), "{error}");
        assert!(app.archive.is_none() && app.edits.saved != 1, "nothing counts as saved");
    }

    #[test]
    fn how_each_end_of_a_write_is_shown() {
        type Case = (&'static str, Option<usize>, Written, &'static str, bool);
        let cases: [Case; 4] = [
            ("saved", None, Written::Done, "已保存到 /tmp/a.baokan", true),
            ("exported", Some(3), Written::Done, "已导出 3 篇到 /tmp/a.baokan", false),
            ("save cancelled", None, Written::Cancelled, "已取消保存，/tmp/a.baokan 未改动", false),
            ("export cancelled", Some(3), Written::Cancelled, "已取消导出，/tmp/a.baokan 未改动", false),
        ];
        for (name, export, written, notice, becomes_archive) in cases {
            let (mut app, tx) = writing(export);
            app.poll_writer();
            assert!(app.writes.current.is_some(), "{name}: still running until the result comes");
            tx.send(written).unwrap();
            app.poll_writer();
            assert!(app.writes.is_idle(), "{name}");
            assert_eq!(app.notice.as_deref(), Some(notice), "{name}");
            assert_eq!(app.archive.is_some(), becomes_archive, "{name}");
            assert_eq!(app.edits.saved == 1, becomes_archive, "{name}: the corrections count as saved");
        }
    }

    #[test]
    fn cancel_raises_the_flag_and_drops_the_waiting_writes() {
        let (mut app, _tx) = writing(None);
        app.writes.queue_autosave(PathBuf::from("/tmp/a.baokan"));
        app.apply(Command::CancelWrite);
        assert!(app.writes.current.as_ref().is_some_and(Writer::cancelling));
        assert!(app.writes.queue.is_empty());
    }

    #[test]
    fn leaving_waits_for_the_write() {
        let (mut app, tx) = writing(None);
        // One correction made, and being saved.
        app.edits.current = 1;
        app.apply(Command::Quit);
        assert!(!app.quit, "the window stays while saving");
        assert_eq!(app.writes.leaving, Some(Pending::Quit));
        tx.send(Written::Done).unwrap();
        app.poll_writer();
        assert!(app.quit, "and closes once saved");
    }

    #[test]
    fn the_status_bar_shows_the_write_and_cancels_it() {
        use egui_kittest::kittest::Queryable;
        let (app, tx) = writing(Some(3));
        let mut h = egui_kittest::Harness::builder()
            .with_size([1400.0, 300.0])
            .with_context_setup(ui::fonts::install)
            .build_ui_state(|ui, app: &mut BaokanApp| app.show(ui), app);
        h.step();
        assert!(h.query_by_label_contains("正在导出 3 篇到 a.baokan…").is_some());
        h.get_by_label("取消导出").click();
        h.step();
        assert!(h.state().writes.current.as_ref().is_some_and(Writer::cancelling));
        tx.send(Written::Cancelled).unwrap();
        h.step();
        h.step();
        assert!(h.query_by_label_contains("正在导出").is_none());
        h.get_by_label("已取消导出，/tmp/a.baokan 未改动");
    }
}
