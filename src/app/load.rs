//! Loading an archive off the UI thread: a worker reads and segments, counting into a shared
//! [`Progress`] the status bar draws as a bar, and sends the document back over a channel.
//! Cancelling sets the progress's flag; the worker stops at the next page and sends nothing.
//! The worker also lists and groups the document, so the window only swaps it in; the search
//! index follows from its own thread.

use std::path::{Path, PathBuf};
use std::sync::mpsc::{Receiver, TryRecvError, channel};
use std::sync::{Arc, LazyLock};
use std::time::Instant;

use super::{Loaded, Problem};
use crate::browse::groups::By;
use crate::classify::Tables;
use crate::model::Document;
use crate::parse::progress::Progress;
use crate::parse::{parse_pages_with, parse_paths_with};
use crate::store::sample;
use crate::store::source::Limits;

/// What to open.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Source {
    /// Files, folders and .zip archives, read as one archive.
    Paths(Vec<PathBuf>),
    /// The sample archive embedded in the program.
    Sample,
}

impl Source {
    /// What the window calls this source: the paths, or the sample's label.
    pub fn inputs(&self) -> Vec<PathBuf> {
        match self {
            Source::Paths(p) => p.clone(),
            Source::Sample => vec![PathBuf::from(sample::LABEL)],
        }
    }
}

/// What the worker sends back: the archive, or why there is none.
pub type Outcome = Result<Loaded, Problem>;

/// A load running on a worker thread.
pub struct Job {
    /// What is being opened.
    pub source: Source,
    /// When it started.
    pub started: Instant,
    /// How far it has come; shared with the worker.
    pub progress: Arc<Progress>,
    result: Receiver<Outcome>,
}

impl Job {
    /// Starts reading `source` on a new thread, to be grouped by `grouping`; `wake` (the
    /// window's context) is asked for a frame as soon as the result is sent.
    pub fn start(
        source: Source,
        grouping: By,
        tables: Arc<LazyLock<Tables>>,
        wake: Option<egui::Context>,
    ) -> Job {
        let progress = Arc::new(Progress::default());
        let (tx, rx) = channel();
        let (what, shared) = (source.clone(), Arc::clone(&progress));
        let started = Instant::now();
        std::thread::spawn(move || {
            let outcome = run(&what, &tables, &shared).map(|r| {
                r.map(|doc| Loaded::indexing_later(what.inputs(), doc, grouping, started.elapsed()))
            });
            if let Some(outcome) = outcome {
                // The window may have gone or moved on; nothing to do then.
                let _ = tx.send(outcome);
                if let Some(ctx) = wake {
                    ctx.request_repaint();
                }
            }
        });
        Job { source, started, progress, result: rx }
    }

    /// The outcome if the worker has finished; [`Problem::ReadingStopped`] when it stopped
    /// without one.
    pub fn poll(&self) -> Option<Outcome> {
        match self.result.try_recv() {
            Ok(r) => Some(r),
            Err(TryRecvError::Empty) => None,
            Err(TryRecvError::Disconnected) => Some(Err(Problem::ReadingStopped)),
        }
    }

    /// Waits for the outcome.
    pub fn wait(&self) -> Outcome {
        self.result.recv().unwrap_or(Err(Problem::ReadingStopped))
    }

    /// Asks the worker to stop; it will send nothing.
    pub fn cancel(&self) {
        self.progress.cancel();
    }
}

/// Reading and segmenting; `None` when cancelled.
fn run(source: &Source, tables: &Tables, progress: &Progress) -> Option<Result<Document, Problem>> {
    match source {
        Source::Paths(paths) => {
            let refs: Vec<&Path> = paths.iter().map(PathBuf::as_path).collect();
            match parse_paths_with(&refs, &Limits::default(), tables, progress) {
                Ok(doc) => doc.map(Ok),
                Err(e) => Some(Err(Problem::Read(e))),
            }
        }
        Source::Sample => parse_pages_with(sample::pages(), tables, progress).map(Ok),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::app::{AppState, BaokanApp};

    #[test]
    fn a_reading_thread_that_ends_without_a_result_is_an_error() {
        let (tx, rx) = channel::<Outcome>();
        drop(tx);
        let job =
            Job { source: Source::Sample, started: Instant::now(), progress: Arc::default(), result: rx };
        let mut app = BaokanApp::new(AppState::default());
        app.job = Some(job);
        app.poll_job();
        assert!(app.job.is_none());
        assert_eq!(app.error, Some(Problem::ReadingStopped));
    }
}
