//! Saving and exporting in the background.
//!
//! The archive or the list is serialised and written by a worker thread from the shared
//! document (`Loaded.doc` is an `Arc`), so the window keeps drawing while a 30,000-page
//! archive is written; the worker lets go of the document once it is serialised, so that a
//! correction made during the write does not copy it. The status bar shows the write with a
//! button that cancels it: the worker looks at the flag after serialising and again once the
//! new file is complete beside the target, and a cancelled write leaves the target as it was.
//! One write runs at a time; others wait in a queue, in order.

use std::collections::VecDeque;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::{Receiver, channel};
use std::time::Instant;

use super::Pending;
use crate::model::Document;
use crate::store::archive;
use crate::store::atomic::{self, WriteError};
use crate::store::export::{Format, export};

/// What a write produces.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Output {
    /// The whole archive as a `.baokan` file, which becomes the open archive.
    Archive,
    /// The list as Markdown, CSV or JSON.
    Export {
        /// The file format.
        format: Format,
        /// The items, as (page, item) positions in list order.
        positions: Vec<(usize, usize)>,
        /// What the list shows, for the file's heading.
        title: String,
    },
}

/// A write asked for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Request {
    /// The file to write.
    pub path: PathBuf,
    /// What goes into it.
    pub output: Output,
    /// What to do once it is written (quit or open another, after "save first").
    pub then: Option<Pending>,
}

impl Request {
    /// The archive saved to `path`.
    pub fn archive(path: PathBuf, then: Option<Pending>) -> Request {
        Request { path, output: Output::Archive, then }
    }
}

/// How a write ended.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Written {
    /// The file is in place.
    Done,
    /// Cancelled before the file was replaced; it is as it was.
    Cancelled,
    /// The file could not be written; it is as it was.
    Failed(WriteError),
    /// The worker ended without a result; the file is as it was.
    Stopped,
}

/// A write running on a worker thread.
#[derive(Debug)]
pub struct Writer {
    /// The file it writes.
    pub path: PathBuf,
    /// How many items an export writes; `None` for the archive.
    pub export: Option<usize>,
    /// What to do once it is written.
    pub then: Option<Pending>,
    /// The state of the corrections it saves.
    pub state: u64,
    /// When it started.
    pub started: Instant,
    cancel: Arc<AtomicBool>,
    result: Receiver<Written>,
}

impl Writer {
    /// Starts writing `request` from `doc` on a worker thread; `state` is the corrections'
    /// state it saves, and `wake` is asked for a frame when the write ends.
    pub fn start(request: Request, doc: Arc<Document>, state: u64, wake: Option<egui::Context>) -> Writer {
        let Request { path, output, then } = request;
        let export = match &output {
            Output::Archive => None,
            Output::Export { positions, .. } => Some(positions.len()),
        };
        let cancel = Arc::new(AtomicBool::new(false));
        let (tx, rx) = channel();
        let (target, flag) = (path.clone(), Arc::clone(&cancel));
        std::thread::spawn(move || {
            // The window may have gone; nothing to tell then.
            let _ = tx.send(write(doc, &target, &output, &flag));
            if let Some(ctx) = wake {
                ctx.request_repaint();
            }
        });
        Writer { path, export, then, state, started: Instant::now(), cancel, result: rx }
    }

    /// A writer whose result arrives on `result` (for tests of how results are shown).
    #[cfg(test)]
    pub fn fake(path: PathBuf, export: Option<usize>, result: Receiver<Written>) -> Writer {
        let cancel = Arc::new(AtomicBool::new(false));
        Writer { path, export, then: None, state: 1, started: Instant::now(), cancel, result }
    }

    /// Asks the worker to stop before it replaces the file.
    pub fn cancel(&self) {
        self.cancel.store(true, Ordering::Relaxed);
    }

    /// True once cancelling was asked for.
    pub fn cancelling(&self) -> bool {
        self.cancel.load(Ordering::Relaxed)
    }

    /// The result, once the worker has ended (a worker that ended without one failed).
    pub fn poll(&self) -> Option<Written> {
        use std::sync::mpsc::TryRecvError;
        match self.result.try_recv() {
            Ok(w) => Some(w),
            Err(TryRecvError::Empty) => None,
            Err(TryRecvError::Disconnected) => Some(Written::Stopped),
        }
    }
}

/// Writes `output` of `doc` to `path` atomically, unless `cancel` is raised before the file
/// is replaced. The archive keeps the file it replaces as `.bak`; an export does not.
pub fn write(doc: Arc<Document>, path: &Path, output: &Output, cancel: &AtomicBool) -> Written {
    let bytes = match output {
        Output::Archive => archive::to_bytes(&doc),
        Output::Export { format, positions, title } => export(&doc, positions, *format, title),
    };
    // Let go of the pages before writing: a correction made meanwhile would copy them all.
    drop(doc);
    if cancel.load(Ordering::Relaxed) {
        return Written::Cancelled;
    }
    let staged = match atomic::stage(path, &bytes) {
        Ok(s) => s,
        Err(e) => return Written::Failed(e),
    };
    drop(bytes);
    if cancel.load(Ordering::Relaxed) {
        // Dropping the staged file removes it.
        return Written::Cancelled;
    }
    let committed = match output {
        Output::Archive => staged.commit(),
        Output::Export { .. } => staged.commit_without_backup(),
    };
    committed.map_or_else(Written::Failed, |()| Written::Done)
}

/// The write running and those waiting, and what waits for them to end.
#[derive(Debug, Default)]
pub struct Writes {
    /// The write running.
    pub current: Option<Writer>,
    /// Writes waiting for it, in order.
    pub queue: VecDeque<Request>,
    /// Quitting or opening another archive, held until the writes have ended.
    pub leaving: Option<Pending>,
}

impl Writes {
    /// True when nothing is being written or waits to be.
    pub fn is_idle(&self) -> bool {
        self.current.is_none() && self.queue.is_empty()
    }

    /// Queues a save into `path` unless one is already waiting (it will write the latest
    /// corrections anyway).
    pub fn queue_autosave(&mut self, path: PathBuf) {
        let waiting =
            self.queue.iter().any(|r| r.output == Output::Archive && r.path == path && r.then.is_none());
        if !waiting {
            self.queue.push_back(Request::archive(path, None));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Page;
    use crate::parse::parse_pages;

    fn doc() -> Document {
        let page = Page::plain("本报讯 城区新建一处口袋公园，居民在家门口就能散步。\n");
        parse_pages(vec![page], crate::classify::Tables::builtin())
    }

    fn names(dir: &Path) -> Vec<String> {
        let mut names: Vec<String> = std::fs::read_dir(dir)
            .map(|d| d.filter_map(Result::ok).map(|e| e.file_name().to_string_lossy().into_owned()).collect())
            .unwrap_or_default();
        names.sort();
        names
    }

    #[test]
    fn writes_cancels_and_fails_without_touching_the_target() {
        let dir = atomic::test_folder("writer-cases");
        let export = Output::Export { format: Format::Csv, positions: vec![(0, 0)], title: "全部".into() };
        type Case<'a> = (&'a str, &'a Output, bool, &'a str, Written, &'a [&'a str]);
        let cases: [Case; 4] = [
            ("archive", &Output::Archive, false, "a.baokan", Written::Done, &["a.baokan", "a.baokan.bak"]),
            ("export", &export, false, "a.csv", Written::Done, &["a.baokan", "a.baokan.bak", "a.csv"]),
            ("cancelled archive", &Output::Archive, true, "a.baokan", Written::Cancelled, &[]),
            ("cancelled export", &export, true, "a.csv", Written::Cancelled, &[]),
        ];
        std::fs::write(dir.join("a.baokan"), b"old").unwrap();
        for (name, output, cancelled, file, want, files) in cases {
            let before = std::fs::read(dir.join(file)).ok();
            let got = write(Arc::new(doc()), &dir.join(file), output, &AtomicBool::new(cancelled));
            assert_eq!(got, want, "{name}");
            if cancelled {
                assert_eq!(std::fs::read(dir.join(file)).ok(), before, "{name}: the target is as it was");
            } else {
                assert_eq!(names(&dir), files.to_vec(), "{name}: no temporary file is left");
            }
        }
        assert_eq!(names(&dir), ["a.baokan", "a.baokan.bak", "a.csv"], "a cancelled write leaves no file");
        let missing = dir.join("no-such-folder").join("a.baokan");
        let failed = write(Arc::new(doc()), &missing, &Output::Archive, &AtomicBool::new(false));
        assert!(matches!(&failed, Written::Failed(e) if e.path.ends_with("a.baokan")), "{failed:?}");
    }

    #[test]
    fn one_autosave_waits_at_a_time() {
        let path = PathBuf::from("/tmp/a.baokan");
        let mut writes = Writes::default();
        assert!(writes.is_idle());
        writes.queue_autosave(path.clone());
        writes.queue_autosave(path.clone());
        assert_eq!(writes.queue.len(), 1);
        assert!(!writes.is_idle());
        let mut writes = Writes::default();
        writes.queue.push_back(Request::archive(path.clone(), Some(Pending::Quit)));
        writes.queue_autosave(path.clone());
        writes.queue_autosave(PathBuf::from("/tmp/b.baokan"));
        assert_eq!(
            writes.queue.len(),
            3,
            "a save that quits afterwards, or into another file, is no autosave"
        );
    }
}
