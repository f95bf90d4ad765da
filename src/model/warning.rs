//! Problems that did not stop reading or parsing, as data. The interfaces word them (the
//! window and the command line, through `ui::wording`); nothing here is a sentence.

use crate::store::source::ReadError;

/// A problem that did not stop reading or parsing; each names where it was found.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Warning {
    /// Some bytes could not be decoded in `encoding` and were replaced by U+FFFD.
    Undecodable {
        /// The file or zip entry.
        source: String,
        /// The encoding the text was decoded with.
        encoding: &'static str,
    },
    /// A file in a folder, or a zip entry, could not be read (binary data, too large, an
    /// error of the operating system); it was skipped.
    Skipped(ReadError),
    /// A zip entry could not be unpacked; it was skipped.
    SkippedDamagedEntry {
        /// The zip entry (`zip!name`).
        source: String,
        /// What the zip reader said.
        reason: String,
    },
    /// A zip entry unpacks to more than `limit` bytes; it was skipped.
    SkippedLargeEntry {
        /// The zip entry (`zip!name`).
        source: String,
        /// The most bytes an entry may unpack to.
        limit: u64,
    },
    /// A folder holds no page text files.
    EmptyFolder {
        /// The folder.
        source: String,
    },
    /// A zip holds no page text files.
    EmptyZip {
        /// The zip.
        source: String,
    },
    /// An item has a heading or credit but no body text.
    Bodiless {
        /// The page's source.
        source: String,
        /// The page within its source.
        page: usize,
        /// The item's first and last line.
        lines: [usize; 2],
    },
    /// A correction no longer finds its item and was not applied.
    StaleCorrection {
        /// The page's source.
        source: String,
        /// The page within its source.
        page: usize,
        /// The line the correction names.
        line: usize,
    },
}
