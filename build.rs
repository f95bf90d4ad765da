//! Build script. It fingerprints the segmenter: a hash of the core's source and the tables it
//! reads (`BAOKAN_SEGMENTER`), so that the segmentation an archive keeps is used only by the
//! build that made it (see `src/core/stored.rs`). On Windows it also embeds the application
//! icon (`assets/icon/baokan.ico`) in the executable, so that Explorer, the taskbar and
//! `.baokan` files show it; Linux takes the icon from `baokan --install-desktop`, macOS from
//! the app bundle.

use std::path::{Path, PathBuf};

/// What segmentation and classification depend on, besides the compiler.
const SEGMENTER_INPUTS: [&str; 9] = [
    "src/model",
    "src/segment",
    "src/classify",
    "src/parse",
    "src/store",
    "src/text.rs",
    "assets/departments.tsv",
    "assets/divisions.tsv",
    "assets/divisions_extra.tsv",
];

fn main() {
    println!("cargo::rerun-if-changed=assets/icon/baokan.ico");
    println!("cargo::rerun-if-changed=build.rs");
    for input in SEGMENTER_INPUTS {
        println!("cargo::rerun-if-changed={input}");
    }
    println!("cargo::rustc-env=BAOKAN_SEGMENTER={:016x}", fingerprint());
    #[cfg(windows)]
    embed_windows_icon();
}

/// FNV-1a over every input file's path and bytes, in sorted order. Not cryptographic: it only
/// has to change when the code or a table does.
fn fingerprint() -> u64 {
    let mut files = Vec::new();
    for input in SEGMENTER_INPUTS {
        collect(Path::new(input), &mut files);
    }
    files.sort();
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for file in files {
        let bytes = std::fs::read(&file).unwrap_or_default();
        let name = file.to_string_lossy().replace('\\', "/");
        for &b in name.as_bytes().iter().chain(&[0]).chain(&bytes) {
            hash = (hash ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3);
        }
    }
    hash
}

/// The files under `path` (itself, when it is one).
fn collect(path: &Path, files: &mut Vec<PathBuf>) {
    match std::fs::read_dir(path) {
        Ok(entries) => {
            for entry in entries.flatten() {
                collect(&entry.path(), files);
            }
        }
        Err(_) if path.is_file() => files.push(path.to_path_buf()),
        Err(_) => {}
    }
}

/// Compiles a resource file holding the icon (a native Windows build; a build for Windows on
/// another system goes without the icon).
#[cfg(windows)]
fn embed_windows_icon() {
    if std::env::var("CARGO_CFG_TARGET_OS").as_deref() != Ok("windows") {
        return;
    }
    let mut resource = winresource::WindowsResource::new();
    resource.set_icon("assets/icon/baokan.ico");
    if let Err(e) = resource.compile() {
        println!("cargo::warning=the icon was not embedded in baokan.exe: {e}");
    }
}
