//! Writing user data atomically: the bytes go to a temporary file in the target's folder, are
//! flushed to disk, and only then renamed over the target, so the target is always either the
//! old file or the complete new one. The previous file is kept beside it as `NAME.bak`. A
//! temporary file that a stopped write left behind is removed by a later write of the same
//! file once it is an hour old.

use std::fs::File;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};

/// Why a file could not be written, naming the file (the interfaces word it).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WriteError {
    /// The file that was to be written.
    pub path: String,
    /// What the operating system said.
    pub reason: String,
}

// Without words of its own: the interfaces word a write error; this is for logs.
impl std::fmt::Display for WriteError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{self:?}")
    }
}

impl std::error::Error for WriteError {}

/// A complete new file waiting beside its target; dropping it without [`Staged::commit`]
/// removes it and leaves the target as it was.
#[derive(Debug)]
pub struct Staged {
    temp: PathBuf,
    target: PathBuf,
    committed: bool,
}

/// Writes `bytes` to `path` atomically, keeping the file it replaces as `path.bak`.
pub fn write(path: &Path, bytes: &[u8]) -> Result<(), WriteError> {
    stage(path, bytes)?.commit()
}

/// Writes `bytes` to `path` atomically without keeping the file it replaces (for exports,
/// which can be made again).
pub fn replace(path: &Path, bytes: &[u8]) -> Result<(), WriteError> {
    stage(path, bytes)?.commit_without_backup()
}

/// Writes `bytes` to a temporary file beside `path` and flushes it to disk.
pub fn stage(path: &Path, bytes: &[u8]) -> Result<Staged, WriteError> {
    static COUNTER: AtomicUsize = AtomicUsize::new(0);
    let err = |e: std::io::Error| WriteError { path: path.display().to_string(), reason: e.to_string() };
    let name = path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
    let n = COUNTER.fetch_add(1, Ordering::Relaxed);
    let temp = path.with_file_name(format!(".{name}.{}-{n}.tmp", std::process::id()));
    let staged = Staged { temp, target: path.to_path_buf(), committed: false };
    let mut file = File::create(&staged.temp).map_err(err)?;
    file.write_all(bytes).map_err(err)?;
    file.sync_all().map_err(err)?;
    Ok(staged)
}

impl Staged {
    /// The temporary file.
    pub fn temp(&self) -> &Path {
        &self.temp
    }

    /// Keeps the current target as `.bak` and renames the new file over it.
    pub fn commit(self) -> Result<(), WriteError> {
        self.finish(true)
    }

    /// Renames the new file over the target without keeping the old one (see [`replace`]).
    pub fn commit_without_backup(self) -> Result<(), WriteError> {
        self.finish(false)
    }

    fn finish(mut self, backup: bool) -> Result<(), WriteError> {
        let err =
            |e: std::io::Error| WriteError { path: self.target.display().to_string(), reason: e.to_string() };
        if backup && self.target.is_file() {
            let bak = backup_path(&self.target);
            // A hard link keeps the old file's bytes without copying them; some file systems
            // have none, and then a copy does.
            let _ = std::fs::remove_file(&bak);
            if std::fs::hard_link(&self.target, &bak).is_err() {
                std::fs::copy(&self.target, &bak).map_err(err)?;
            }
        }
        std::fs::rename(&self.temp, &self.target).map_err(err)?;
        self.committed = true;
        sync_folder(&self.target);
        sweep_stale(&self.target);
        Ok(())
    }
}

/// How old another writer's temporary file must be before it counts as left behind: a write
/// takes seconds, so one this old was stopped (the program killed, the machine off).
const STALE_AFTER: std::time::Duration = std::time::Duration::from_secs(3600);

/// Removes the temporary files that writes of `target` stopped before their rename left
/// beside it (`.NAME.PID-N.tmp`, hidden, as large as the archive), once they are
/// [`STALE_AFTER`] old. Best effort: what cannot be read or removed stays.
fn sweep_stale(target: &Path) {
    let (Some(dir), Some(name)) = (target.parent(), target.file_name()) else {
        return;
    };
    let dir = if dir.as_os_str().is_empty() { Path::new(".") } else { dir };
    let prefix = format!(".{}.", name.to_string_lossy());
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let file = entry.file_name().to_string_lossy().into_owned();
        let ours = file.strip_prefix(&prefix).and_then(|rest| rest.strip_suffix(".tmp")).is_some_and(|tag| {
            tag.split_once('-').is_some_and(|(pid, n)| {
                !pid.is_empty() && !n.is_empty() && (pid.bytes().chain(n.bytes())).all(|b| b.is_ascii_digit())
            })
        });
        if !ours {
            continue;
        }
        let age = entry.metadata().ok().and_then(|m| m.modified().ok()).and_then(|t| t.elapsed().ok());
        if age.is_some_and(|a| a >= STALE_AFTER) {
            let _ = std::fs::remove_file(entry.path());
        }
    }
}

impl Drop for Staged {
    fn drop(&mut self) {
        if !self.committed {
            let _ = std::fs::remove_file(&self.temp);
        }
    }
}

/// True when two paths name the same existing file (after following links and `..`); the
/// check that keeps a write off the files that were read.
pub fn same_file(a: &Path, b: &Path) -> bool {
    match (std::fs::canonicalize(a), std::fs::canonicalize(b)) {
        (Ok(a), Ok(b)) => a == b,
        _ => false,
    }
}

/// Where the previous version of `path` is kept: the same name with `.bak` appended.
pub fn backup_path(path: &Path) -> PathBuf {
    let mut name = path.file_name().map(|n| n.to_os_string()).unwrap_or_default();
    name.push(".bak");
    path.with_file_name(name)
}

/// Flushes the folder entry of a renamed file (on Unix; elsewhere the rename is enough).
fn sync_folder(path: &Path) {
    #[cfg(unix)]
    if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
        let _ = File::open(dir).and_then(|d| d.sync_all());
    }
    #[cfg(not(unix))]
    let _ = path;
}

/// An empty folder of this name under the system's temporary folder, for unit tests that
/// write files (emptied first if an earlier run left it).
#[cfg(test)]
pub(crate) fn test_folder(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("baokan-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    let _ = std::fs::create_dir_all(&dir);
    dir
}

#[cfg(test)]
mod tests {
    use super::*;

    fn folder(name: &str) -> PathBuf {
        test_folder(&format!("atomic-{name}"))
    }

    #[test]
    fn writes_and_keeps_the_previous_file() {
        let dir = folder("keep");
        let path = dir.join("a.baokan");
        write(&path, b"one").unwrap();
        write(&path, b"two").unwrap();
        assert_eq!(std::fs::read(&path).unwrap(), b"two");
        assert_eq!(std::fs::read(backup_path(&path)).unwrap(), b"one");
        let names: Vec<String> = std::fs::read_dir(&dir)
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        assert_eq!(names.len(), 2, "no temporary file is left: {names:?}");
    }

    #[test]
    fn a_writer_stopped_before_the_rename_leaves_the_old_file() {
        let dir = folder("stopped");
        let path = dir.join("a.baokan");
        write(&path, b"old").unwrap();
        let staged = stage(&path, b"new and complete").unwrap();
        let temp = staged.temp().to_path_buf();
        // A killed process runs no destructor: the temporary file stays, the target is intact.
        std::mem::forget(staged);
        assert_eq!(std::fs::read(&temp).unwrap(), b"new and complete");
        assert_eq!(std::fs::read(&path).unwrap(), b"old");
        write(&path, b"next").unwrap();
        assert_eq!(std::fs::read(&path).unwrap(), b"next");
    }

    #[test]
    fn temporary_files_left_by_stopped_writes_are_swept_once_old() {
        let dir = folder("sweep");
        let path = dir.join("a.baokan");
        let old = std::time::SystemTime::now() - STALE_AFTER - std::time::Duration::from_secs(60);
        let cases: [(&str, bool, bool); 6] = [
            (".a.baokan.999999-0.tmp", true, false),
            (".a.baokan.999999-1.tmp", false, true),
            (".b.baokan.999999-0.tmp", true, true),
            (".a.baokan.notes.tmp", true, true),
            (".a.baokan.12-x.tmp", true, true),
            ("a.baokan.bak.tmp", true, true),
        ];
        for (name, stale, _) in cases {
            let file = File::create(dir.join(name)).unwrap();
            if stale {
                file.set_modified(old).unwrap();
            }
        }
        write(&path, b"new").unwrap();
        for (name, _, kept) in cases {
            assert_eq!(dir.join(name).exists(), kept, "{name}");
        }
        assert_eq!(std::fs::read(&path).unwrap(), b"new");
    }

    #[test]
    fn an_unwritable_folder_names_the_file_and_the_reason() {
        let path = Path::new("/nonexistent-baokan-folder/a.baokan");
        let e = write(path, b"x").unwrap_err();
        assert_eq!(e.path, "/nonexistent-baokan-folder/a.baokan");
        assert!(!e.reason.is_empty(), "{e:?}");
    }
}
