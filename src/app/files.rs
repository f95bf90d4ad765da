//! Saving and exporting from the window, and the question asked before unsaved corrections
//! would be lost.
//!
//! An archive opened from a `.baokan` file (or saved as one) saves itself after every change:
//! the document is serialised on the UI thread and written by a worker, atomically. Anything
//! else opened has nowhere to save to, so closing it or opening another archive with
//! corrections made asks first.

use std::path::{Path, PathBuf};
use std::sync::mpsc::{Receiver, TryRecvError, channel};

use super::{BaokanApp, Language, Source};
use crate::core::archive;
use crate::core::atomic::{self, WriteError};
use crate::core::export::{Format, export};
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

/// A save running on a worker thread.
#[derive(Debug)]
pub struct Saver {
    /// Where it writes.
    pub path: PathBuf,
    /// The state of the corrections it saves.
    state: u64,
    result: Receiver<Result<(), WriteError>>,
}

impl BaokanApp {
    /// Leaves the open archive (to quit or open another), asking first about unsaved
    /// corrections.
    pub(super) fn leave(&mut self, then: Pending) {
        self.finish_saving();
        if self.edits.unsaved() {
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
                let path = self.archive.clone().or_else(|| self.ask_archive_path());
                if path.is_some_and(|p| self.save_archive_to(p)) {
                    self.go(then);
                }
            }
        }
    }

    /// Saves into the open archive, or asks where.
    pub(super) fn save(&mut self) {
        match self.archive.clone() {
            Some(path) => {
                self.finish_saving();
                self.save_archive_to(path);
            }
            None => self.save_as_dialog(),
        }
    }

    /// Asks where to save the archive and saves it there.
    pub(super) fn save_as_dialog(&mut self) {
        if let Some(path) = self.ask_archive_path() {
            self.save_archive_to(path);
        }
    }

    fn ask_archive_path(&self) -> Option<PathBuf> {
        let name = self.loaded.as_ref().map(|l| default_stem(&l.inputs)).unwrap_or_default();
        ui::dialogs::save_archive(self.state.language, &format!("{name}.baokan"))
    }

    /// Writes the archive to `path` (`.baokan` added when it has no extension) and makes it
    /// the open archive; false (with the error shown) when it could not be written.
    pub(super) fn save_archive_to(&mut self, path: PathBuf) -> bool {
        let path = if path.extension().is_none() { path.with_extension("baokan") } else { path };
        self.finish_saving();
        let Some(loaded) = &self.loaded else {
            return false;
        };
        if let Some(e) = input_clash(&loaded.inputs, &path, self.state.language) {
            self.error = Some(e);
            return false;
        }
        match atomic::write(&path, &archive::to_bytes(&loaded.doc)) {
            Ok(()) => {
                self.edits.saved = self.edits.current;
                self.notice = Some(saved_notice(self.state.language, &path));
                self.archive = Some(path);
                self.title_stale = true;
                true
            }
            Err(e) => {
                self.error = Some(e.to_string());
                false
            }
        }
    }

    /// After a change: an archive that has a file saves itself in the background.
    pub(super) fn autosave(&mut self) {
        let Some(path) = self.archive.clone() else {
            return;
        };
        if self.saver.is_some() {
            // The running save holds an older state; another follows when it ends.
            self.autosave_again = true;
            return;
        }
        let Some(loaded) = &self.loaded else {
            return;
        };
        let bytes = archive::to_bytes(&loaded.doc);
        let (tx, rx) = channel();
        let target = path.clone();
        std::thread::spawn(move || {
            let _ = tx.send(atomic::write(&target, &bytes));
        });
        self.saver = Some(Saver { path, state: self.edits.current, result: rx });
    }

    /// Takes the result of a finished background save, if any.
    pub(super) fn poll_saver(&mut self) {
        let result = match self.saver.as_ref().map(|s| s.result.try_recv()) {
            Some(Ok(r)) => Some(r),
            Some(Err(TryRecvError::Disconnected)) => Some(Err(self.stopped_save())),
            _ => None,
        };
        if let Some(r) = result {
            self.saved(r);
        }
    }

    /// Waits for a background save to end.
    pub(super) fn finish_saving(&mut self) {
        let result = self.saver.as_ref().map(|s| s.result.recv());
        if let Some(r) = result {
            let r = r.unwrap_or_else(|_| Err(self.stopped_save()));
            self.saved(r);
        }
    }

    fn saved(&mut self, result: Result<(), WriteError>) {
        let Some(saver) = self.saver.take() else {
            return;
        };
        match result {
            Ok(()) => {
                self.edits.saved = saver.state;
                self.notice = Some(saved_notice(self.state.language, &saver.path));
            }
            Err(e) => self.error = Some(e.to_string()),
        }
        if std::mem::take(&mut self.autosave_again) {
            self.autosave();
        }
    }

    fn stopped_save(&self) -> WriteError {
        let path = self.saver.as_ref().map(|s| s.path.display().to_string()).unwrap_or_default();
        WriteError { path, reason: "the saving thread stopped".to_owned() }
    }

    /// Asks where to export the list in `format`, then exports it.
    pub(super) fn export_dialog(&mut self, format: Format) {
        let name = format!("{}.{}", self.export_title().replace(['/', '\\', ':'], "_"), format.extension());
        if let Some(path) = ui::dialogs::export_to(self.state.language, format, &name) {
            self.export_to(format, path);
        }
    }

    /// Exports what the list shows (the group, narrowed by the search) to `path`.
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
        let bytes = export(&loaded.doc, &positions, format, &self.export_title());
        match atomic::replace(&path, &bytes) {
            Ok(()) => {
                self.notice = Some(match self.state.language {
                    Language::Chinese => format!("已导出 {} 篇到 {}", positions.len(), path.display()),
                    Language::English => format!("Exported {} items to {}", positions.len(), path.display()),
                });
            }
            Err(e) => self.error = Some(e.to_string()),
        }
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
    use crate::app::AppState;

    #[test]
    fn a_saving_thread_that_ends_without_a_result_is_an_error() {
        let (tx, rx) = channel();
        drop(tx);
        let mut app = BaokanApp::new(AppState::default());
        app.saver = Some(Saver { path: PathBuf::from("/tmp/a.baokan"), state: 1, result: rx });
        app.poll_saver();
        assert!(app.saver.is_none());
        let error = app.error.unwrap_or_default();
        assert!(error.starts_with("/tmp/a.baokan") && error.contains("the saving thread stopped"), "{error}");
        assert!(app.edits.unsaved() || app.edits.saved != 1, "nothing counts as saved");
    }
}
