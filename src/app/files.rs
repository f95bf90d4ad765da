//! Saving and exporting from the window, and the question asked before unsaved corrections
//! would be lost.
//!
//! An archive opened from a `.baokan` file (or saved as one) saves itself after every change.
//! Anything else opened has nowhere to save to, so closing it or opening another archive with
//! corrections made asks first. Every save and export runs on a worker (see [`super::writer`]);
//! leaving waits for the writes to end. Where to save or export is asked for as an [`Ask`],
//! which the interface answers with [`BaokanApp::chosen`].

use std::path::{Path, PathBuf};
use std::sync::Arc;

use super::writer::{Output, Request, Writer, Written};
use super::{BaokanApp, ListScope, Notice, Problem, Source};
use crate::store::atomic;
use crate::store::export::Format;

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

/// A file dialog the app needs answered.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Ask {
    /// Pages or archives to open.
    OpenFiles,
    /// A folder of pages to open.
    OpenFolder,
    /// Where to save the archive, suggesting `name`; `then` follows a successful save.
    SaveArchive {
        /// The suggested file name.
        name: String,
        /// What waits for the save (quit or open another).
        then: Option<Pending>,
    },
    /// Where to export the list in `format`, suggesting `name`.
    Export {
        /// The file format.
        format: Format,
        /// The suggested file name.
        name: String,
    },
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
            Answer::Save => match self.archive.clone() {
                Some(path) => self.save_archive_to(path, Some(then)),
                None => self.ask_archive_path(Some(then)),
            },
        }
    }

    /// Saves into the open archive, or asks where.
    pub(super) fn save(&mut self) {
        match self.archive.clone() {
            Some(path) => self.save_archive_to(path, None),
            None => self.save_as_dialog(),
        }
    }

    /// Asks where to save the archive, to save it there.
    pub(super) fn save_as_dialog(&mut self) {
        self.ask_archive_path(None);
    }

    fn ask_archive_path(&mut self, then: Option<Pending>) {
        let name = self.loaded.as_ref().map(|l| default_stem(&l.inputs)).unwrap_or_default();
        self.ask = Some(Ask::SaveArchive { name: format!("{name}.baokan"), then });
    }

    /// Goes on with what `ask` was for, now that the user chose `chosen` (nothing happens
    /// when the dialog was cancelled: the interface does not call this then).
    pub fn chosen(&mut self, ask: Ask, chosen: Vec<PathBuf>) {
        match ask {
            Ask::OpenFiles | Ask::OpenFolder if !chosen.is_empty() => {
                self.apply(super::Command::Open(chosen))
            }
            Ask::OpenFiles | Ask::OpenFolder => {}
            Ask::SaveArchive { then, .. } => {
                if let Some(path) = chosen.into_iter().next() {
                    self.save_archive_to(path, then);
                }
            }
            Ask::Export { format, .. } => {
                if let Some(path) = chosen.into_iter().next() {
                    self.export_to(format, path);
                }
            }
        }
    }

    /// Starts writing the archive to `path` (`.baokan` added when it has no extension), which
    /// becomes the open archive once written; `then` follows a successful save.
    pub(super) fn save_archive_to(&mut self, path: PathBuf, then: Option<Pending>) {
        let path = if path.extension().is_none() { path.with_extension("baokan") } else { path };
        let Some(loaded) = &self.loaded else {
            return;
        };
        if overwrites_input(&loaded.inputs, &path) {
            self.fail(Problem::WouldOverwriteInput(path));
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
        match (written, writer.export) {
            (Written::Done, Some(n)) => self.notice = Some(Notice::Exported(n, writer.path)),
            (Written::Done, None) => {
                self.edits.saved = writer.state;
                self.notice = Some(Notice::Saved(writer.path.clone()));
                if self.archive.as_ref() != Some(&writer.path) {
                    self.remember(std::slice::from_ref(&writer.path));
                }
                self.archive = Some(writer.path);
                self.title_stale = true;
                if let Some(then) = writer.then {
                    self.leave(then);
                }
            }
            (Written::Cancelled, export) => {
                self.notice = Some(Notice::Cancelled { path: writer.path, export: export.is_some() });
            }
            (Written::Failed(e), _) => self.fail(Problem::Write(e)),
            (Written::Stopped, _) => self.fail(Problem::SavingStopped(writer.path)),
        }
    }

    /// Asks where to export the list in `format`, to export it there.
    pub(super) fn export_dialog(&mut self, format: Format) {
        let name = format!("{}.{}", self.export_title().replace(['/', '\\', ':'], "_"), format.extension());
        self.ask = Some(Ask::Export { format, name });
    }

    /// Starts exporting what the list shows (the group, narrowed by the search) to `path`.
    pub(super) fn export_to(&mut self, format: Format, path: PathBuf) {
        let Some(loaded) = &self.loaded else {
            return;
        };
        if overwrites_input(&loaded.inputs, &path) {
            self.fail(Problem::WouldOverwriteInput(path));
            return;
        }
        let positions: Vec<(usize, usize)> =
            self.list.iter().filter_map(|&i| loaded.items.get(i).copied()).collect();
        let output = Output::Export { format, positions, title: self.export_title() };
        self.writes.queue.push_back(Request { path, output, then: None });
        self.next_write();
    }

    /// What the list shows: the group's path and the search.
    pub fn list_scope(&self) -> ListScope {
        let search = self.search.active().then(|| self.search.text.clone());
        ListScope { group: self.group.clone().unwrap_or_default(), search }
    }

    /// What the list shows, in the interface's words.
    fn export_title(&self) -> String {
        (self.describe_list)(&self.list_scope(), self.state.language)
    }
}

/// A file name for the archive: the first input's name without its extension.
fn default_stem(inputs: &[PathBuf]) -> String {
    let first = inputs.first().and_then(|p| p.file_stem()).map(|s| s.to_string_lossy().into_owned());
    first.unwrap_or_else(|| "baokan".to_owned())
}

/// True when `path` is one of the opened inputs, other than a `.baokan` (which is ours to
/// replace): page files are never written over.
fn overwrites_input(inputs: &[PathBuf], path: &Path) -> bool {
    inputs.iter().any(|i| {
        let ours = i.extension().is_some_and(|e| e.eq_ignore_ascii_case("baokan"));
        !ours && atomic::same_file(i, path)
    })
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
        assert_eq!(app.error, Some(Problem::SavingStopped(PathBuf::from("/tmp/a.baokan"))));
        assert!(app.archive.is_none() && app.edits.saved != 1, "nothing counts as saved");
    }

    #[test]
    fn how_each_end_of_a_write_is_shown() {
        type Case = (&'static str, Option<usize>, Written, Notice, bool);
        let path = || PathBuf::from("/tmp/a.baokan");
        let cases: [Case; 4] = [
            ("saved", None, Written::Done, Notice::Saved(path()), true),
            ("exported", Some(3), Written::Done, Notice::Exported(3, path()), false),
            (
                "save cancelled",
                None,
                Written::Cancelled,
                Notice::Cancelled { path: path(), export: false },
                false,
            ),
            (
                "export cancelled",
                Some(3),
                Written::Cancelled,
                Notice::Cancelled { path: path(), export: true },
                false,
            ),
        ];
        for (name, export, written, notice, becomes_archive) in cases {
            let (mut app, tx) = writing(export);
            app.poll_writer();
            assert!(app.writes.current.is_some(), "{name}: still running until the result comes");
            tx.send(written).unwrap();
            app.poll_writer();
            assert!(app.writes.is_idle(), "{name}");
            assert_eq!(app.notice, Some(notice), "{name}");
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
}
