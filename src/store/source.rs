//! Reading inputs: a page text file, a folder of them, a `.zip` of them, or a Baokan archive
//! (read by [`crate::store::archive`]).
//!
//! Nothing here writes anywhere. Zip entries are read in memory under limits (entry count,
//! unpacked size per entry and in total, checked on the bytes actually inflated rather than
//! the sizes the archive claims); entry names are labels and never become paths.

use std::io::{Cursor, Read};
use std::path::{Path, PathBuf};

pub use crate::model::{Limit, ReadError};
use crate::model::{Page, Warning};
use crate::store::archive;
use crate::store::decode::{decode, looks_binary};
use crate::store::pathmeta::{date_from_path, natural_cmp, page_from_path};

/// Limits on what an input may make the program read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Limits {
    /// Largest single file (page text or zip) read from disk, in bytes.
    pub max_file_bytes: u64,
    /// Most entries a zip may list.
    pub max_entries: usize,
    /// Largest unpacked zip entry, in bytes.
    pub max_entry_bytes: u64,
    /// Largest total unpacked size of a zip, in bytes.
    pub max_total_bytes: u64,
}

impl Default for Limits {
    fn default() -> Self {
        Limits {
            max_file_bytes: 1 << 30,
            max_entries: 100_000,
            max_entry_bytes: 64 << 20,
            max_total_bytes: 1 << 30,
        }
    }
}

/// Reads every page of an input path. Skipped files and other non-fatal problems become
/// warnings; an input that cannot be read at all is an error.
pub fn read_input(path: &Path, limits: &Limits, warnings: &mut Vec<Warning>) -> Result<Vec<Page>, ReadError> {
    let label = path.display().to_string();
    let meta = std::fs::metadata(path).map_err(|e| match e.kind() {
        std::io::ErrorKind::NotFound => ReadError::NotFound(label.clone()),
        _ => ReadError::Io(label.clone(), e.to_string()),
    })?;
    if meta.is_dir() {
        return read_folder(path, limits, warnings);
    }
    // Refused before reading: a file over the limit is not read into memory only to be dropped.
    if meta.len() > limits.max_file_bytes {
        return Err(too_large(label, limits));
    }
    let bytes = read_file(path, limits)?;
    read_bytes(&label, &bytes, limits, warnings)
}

/// Reads the pages of one file's bytes, labelled with its path: a zip (by content or a
/// `.zip` label), a `.baokan` archive, or page text in any encoding; binary data is an error.
pub fn read_bytes(
    label: &str,
    bytes: &[u8],
    limits: &Limits,
    warnings: &mut Vec<Warning>,
) -> Result<Vec<Page>, ReadError> {
    if is_zip(Path::new(label), bytes) {
        return read_zip(label, bytes, limits, warnings);
    }
    if archive::is_archive(label, bytes) {
        return archive::read(label, bytes).map_err(ReadError::Archive);
    }
    if looks_binary(bytes) {
        return Err(ReadError::NotText(label.to_owned()));
    }
    Ok(pages_from_bytes(label, bytes, warnings))
}

fn read_file(path: &Path, limits: &Limits) -> Result<Vec<u8>, ReadError> {
    let label = path.display().to_string();
    let file = std::fs::File::open(path).map_err(|e| ReadError::Io(label.clone(), e.to_string()))?;
    let mut bytes = Vec::new();
    file.take(limits.max_file_bytes + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| ReadError::Io(label.clone(), e.to_string()))?;
    if bytes.len() as u64 > limits.max_file_bytes {
        return Err(too_large(label, limits));
    }
    Ok(bytes)
}

fn too_large(label: String, limits: &Limits) -> ReadError {
    ReadError::TooLarge(label, Limit::FileBytes(limits.max_file_bytes))
}

fn is_zip(path: &Path, bytes: &[u8]) -> bool {
    bytes.starts_with(b"PK\x03\x04")
        || bytes.starts_with(b"PK\x05\x06")
        || path.extension().is_some_and(|e| e.eq_ignore_ascii_case("zip"))
}

/// True for names of page text files.
fn is_page_name(name: &str) -> bool {
    name.rsplit_once('.').is_some_and(|(_, ext)| ext.eq_ignore_ascii_case("txt"))
}

/// Splits decoded text into form-feed separated pages with metadata from the label.
pub fn pages_from_bytes(label: &str, bytes: &[u8], warnings: &mut Vec<Warning>) -> Vec<Page> {
    let decoded = decode(bytes);
    if decoded.had_errors {
        warnings.push(Warning::Undecodable { source: label.to_owned(), encoding: decoded.encoding });
    }
    let mut pieces: Vec<&str> = decoded.text.split('\u{c}').collect();
    while pieces.len() > 1 && pieces.last().is_some_and(|p| p.trim().is_empty()) {
        pieces.pop();
    }
    let single = pieces.len() == 1;
    let date = date_from_path(label);
    pieces
        .iter()
        .enumerate()
        .filter(|(_, text)| !text.trim().is_empty())
        .map(|(i, text)| Page {
            source: label.to_owned(),
            index: i + 1,
            date: date.clone(),
            page_no: if single { page_from_path(label) } else { None },
            text: (*text).to_owned(),
            ..Page::default()
        })
        .collect()
}

/// Reads every page text file under a folder, in natural order of path.
fn read_folder(root: &Path, limits: &Limits, warnings: &mut Vec<Warning>) -> Result<Vec<Page>, ReadError> {
    let mut files: Vec<PathBuf> = Vec::new();
    let mut stack = vec![root.to_path_buf()];
    while let Some(dir) = stack.pop() {
        let entries =
            std::fs::read_dir(&dir).map_err(|e| ReadError::Io(dir.display().to_string(), e.to_string()))?;
        for entry in entries.flatten() {
            let path = entry.path();
            let hidden = entry.file_name().to_string_lossy().starts_with('.');
            match entry.file_type() {
                Ok(t) if t.is_dir() && !hidden => stack.push(path),
                Ok(t) if t.is_file() && !hidden && is_page_name(&path.to_string_lossy()) => files.push(path),
                _ => {}
            }
        }
    }
    files.sort_by(|a, b| natural_cmp(&a.to_string_lossy(), &b.to_string_lossy()));
    let mut pages = Vec::new();
    for file in files {
        let label = file.display().to_string();
        match read_file(&file, limits) {
            Ok(bytes) if looks_binary(&bytes) => warnings.push(Warning::Skipped(ReadError::NotText(label))),
            Ok(bytes) => pages.extend(pages_from_bytes(&label, &bytes, warnings)),
            Err(e) => warnings.push(Warning::Skipped(e)),
        }
    }
    if pages.is_empty() {
        warnings.push(Warning::EmptyFolder { source: root.display().to_string() });
    }
    Ok(pages)
}

/// Reads the page text entries of a zip held in memory.
fn read_zip(
    label: &str,
    bytes: &[u8],
    limits: &Limits,
    warnings: &mut Vec<Warning>,
) -> Result<Vec<Page>, ReadError> {
    let bad = |e: zip::result::ZipError| ReadError::BadZip(label.to_owned(), e.to_string());
    let mut archive = zip::ZipArchive::new(Cursor::new(bytes)).map_err(bad)?;
    if archive.len() > limits.max_entries {
        let limit = Limit::Entries { found: archive.len(), most: limits.max_entries };
        return Err(ReadError::TooLarge(label.to_owned(), limit));
    }
    let mut named: Vec<(String, Vec<u8>)> = Vec::new();
    let mut total: u64 = 0;
    for i in 0..archive.len() {
        let mut entry = archive.by_index(i).map_err(bad)?;
        let name = entry.name().map(|n| n.into_owned()).unwrap_or_else(|_| format!("entry-{}", i + 1));
        if entry.is_dir() || !is_page_name(&name) {
            continue;
        }
        let entry_label = format!("{label}!{name}");
        let mut data = Vec::new();
        let read = (&mut entry).take(limits.max_entry_bytes + 1).read_to_end(&mut data);
        if let Err(e) = read {
            warnings.push(Warning::SkippedDamagedEntry { source: entry_label, reason: e.to_string() });
            continue;
        }
        if data.len() as u64 > limits.max_entry_bytes {
            warnings.push(Warning::SkippedLargeEntry { source: entry_label, limit: limits.max_entry_bytes });
            continue;
        }
        total += data.len() as u64;
        if total > limits.max_total_bytes {
            return Err(ReadError::TooLarge(label.to_owned(), Limit::TotalBytes(limits.max_total_bytes)));
        }
        named.push((entry_label, data));
    }
    named.sort_by(|a, b| natural_cmp(&a.0, &b.0));
    let mut pages = Vec::new();
    for (entry_label, data) in named {
        if looks_binary(&data) {
            warnings.push(Warning::Skipped(ReadError::NotText(entry_label)));
        } else {
            pages.extend(pages_from_bytes(&entry_label, &data, warnings));
        }
    }
    if pages.is_empty() {
        warnings.push(Warning::EmptyZip { source: label.to_owned() });
    }
    Ok(pages)
}
