//! What the app has to tell the user, as data: the last error and the last thing done. The
//! interface words them in the chosen language (`ui::wording`); the app holds no sentences.

use std::path::PathBuf;

use crate::browse::groups::GroupKey;
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
