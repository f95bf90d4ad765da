//! Problems as data: why an input could not be read, and what did not stop reading or
//! parsing. The interfaces word them (the window and the command line, through
//! `ui::wording`); nothing here is a sentence.

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

/// A limit an input went over (see `store::source::Limits`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Limit {
    /// A file is larger than this many bytes.
    FileBytes(u64),
    /// A zip lists `found` entries, more than `most`.
    Entries {
        /// Entries the zip lists.
        found: usize,
        /// Most entries allowed.
        most: usize,
    },
    /// A zip unpacks to more than this many bytes in all.
    TotalBytes(u64),
}

/// Why an input could not be read, naming the file (the interfaces word it).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ReadError {
    /// The path does not exist.
    NotFound(String),
    /// The operating system refused (permission, I/O error).
    Io(String, String),
    /// The file is binary, not page text.
    NotText(String),
    /// The zip is damaged or not a zip at all.
    BadZip(String, String),
    /// The input exceeds a limit.
    TooLarge(String, Limit),
    /// A Baokan archive (or other JSON) that cannot be read.
    Archive(ArchiveError),
}

// Without words of its own: the interfaces word a read error; this is for logs.
impl std::fmt::Display for ReadError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{self:?}")
    }
}

impl std::error::Error for ReadError {}

/// Why an archive could not be read, naming the file (the interfaces word it).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ArchiveError {
    /// JSON, but not a Baokan archive.
    NotArchive(String),
    /// Written by a newer Baokan.
    Newer(String, u64),
    /// Ends before the JSON does (an interrupted copy or write).
    Truncated(String),
    /// Not JSON, or an archive whose fields are damaged.
    Damaged(String, String),
}

// Without words of its own: the interfaces word an archive error; this is for logs.
impl std::fmt::Display for ArchiveError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{self:?}")
    }
}

impl std::error::Error for ArchiveError {}
