//! What the app has to tell the user, as data: the last error and the last thing done, and
//! the log of every error and warning since the window opened. The interface words them in
//! the chosen language (`ui::wording`); the app holds no sentences.

use std::path::PathBuf;
use std::time::SystemTime;

use crate::browse::groups::GroupKey;
use crate::model::Warning;
use crate::store::atomic::WriteError;
use crate::store::source::ReadError;

/// Why something the user asked for did not happen.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Problem {
    /// An input could not be read; the previous archive stays.
    Read(ReadError),
    /// The inputs were read but held no page text.
    NoPages(Vec<PathBuf>),
    /// The reading thread ended without sending a result.
    ReadingStopped,
    /// A save or export would have replaced one of the opened page files.
    WouldOverwriteInput(PathBuf),
    /// A save or export failed; the file is as it was.
    Write(WriteError),
    /// The saving thread ended without a result; the file is as it was.
    SavingStopped(PathBuf),
}

// Without words of its own: the interface words a problem; this is for logs and benchmarks.
impl std::fmt::Display for Problem {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{self:?}")
    }
}

impl std::error::Error for Problem {}

/// Something done that the user should hear of.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Notice {
    /// The archive was saved to this file.
    Saved(PathBuf),
    /// This many items were exported to this file.
    Exported(usize, PathBuf),
    /// A save (or an export, when `export`) was cancelled; the file is unchanged.
    Cancelled {
        /// The file that was to be written.
        path: PathBuf,
        /// It was an export, not a save.
        export: bool,
    },
}

/// What the list shows, as data: the selected group's path and the search. The export's
/// heading and suggested file name are made from it.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct ListScope {
    /// The selected group's path (empty: every item).
    pub group: Vec<GroupKey>,
    /// The search narrowing the list, if any.
    pub search: Option<String>,
}

/// One entry of the message log.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Logged {
    /// When it happened.
    pub at: SystemTime,
    /// What happened.
    pub what: Said,
}

/// What the log holds: an error, or a warning of a load.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Said {
    /// Something the user asked for did not happen.
    Problem(Problem),
    /// Reading went on past a problem.
    Warning(Warning),
}

/// Most entries the log keeps; the oldest go first (an archive can warn thousands of times).
pub const LOG_MOST: usize = 2_000;

/// Every error and warning since the window opened, with the banner's state.
#[derive(Debug, Clone, Default)]
pub struct Messages {
    /// The entries, oldest first.
    pub log: Vec<Logged>,
    /// Warnings of the last load the banner tells of (0: none, or dismissed).
    pub warnings: usize,
    /// The log's window is open (视图 → 消息).
    pub open: bool,
}

impl Messages {
    /// Adds an entry, dropping the oldest past [`LOG_MOST`].
    pub fn push(&mut self, what: Said) {
        if self.log.len() >= LOG_MOST {
            self.log.remove(0);
        }
        self.log.push(Logged { at: SystemTime::now(), what });
    }
}
