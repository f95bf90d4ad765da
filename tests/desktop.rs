//! `baokan --install-desktop` and `--uninstall-desktop` against the real desktop tools: the
//! entry passes `desktop-file-validate`, and `xdg-mime` names Baokan the default for
//! `application/x-baokan` afterwards and no longer after uninstalling.
//!
//! The tools come from Debian's desktop-file-utils, xdg-utils and shared-mime-info. Without
//! them the checks that need them print that they were skipped, unless
//! `BAOKAN_REQUIRE_DESKTOP_TOOLS=1` (as `.ci/run` sets, after installing them).

#![allow(clippy::expect_used, clippy::unwrap_used)] // a test may stop at the first broken expectation

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

/// Runs a program with the XDG folders and HOME inside `home`.
fn run_in(home: &Path, program: &str, args: &[&str]) -> Option<Output> {
    Command::new(program)
        .args(args)
        .env("HOME", home)
        .env("XDG_DATA_HOME", home.join("data"))
        .env("XDG_CONFIG_HOME", home.join("config"))
        .env_remove("XDG_CURRENT_DESKTOP")
        .env_remove("DESKTOP_SESSION")
        .output()
        .ok()
}

fn tool(home: &Path, program: &str, args: &[&str]) -> Option<Output> {
    let out = run_in(home, program, args);
    if out.is_none() {
        assert!(
            std::env::var("BAOKAN_REQUIRE_DESKTOP_TOOLS").as_deref() != Ok("1"),
            "{program} is required (BAOKAN_REQUIRE_DESKTOP_TOOLS=1) but could not be run"
        );
        eprintln!("skipped: {program} is not installed");
    }
    out
}

fn text(out: &Output) -> String {
    format!("{}{}", String::from_utf8_lossy(&out.stdout), String::from_utf8_lossy(&out.stderr))
}

fn home(name: &str) -> PathBuf {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join(name);
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

#[test]
fn installing_registers_the_archive_type_and_uninstalling_removes_it() {
    let home = home("desktop-home");
    let exe = env!("CARGO_BIN_EXE_baokan");
    let installed = run_in(&home, exe, &["--install-desktop"]).unwrap();
    assert_eq!(installed.status.code(), Some(0), "{}", text(&installed));
    let entry = home.join("data/applications/baokan.desktop");
    let written = std::fs::read_to_string(&entry).unwrap();
    let real_exe = Path::new(exe).canonicalize().unwrap();
    assert!(written.contains(&format!("Exec={} %F", real_exe.display())), "{written}");

    if let Some(out) = tool(&home, "desktop-file-validate", &[entry.to_str().unwrap()]) {
        assert!(
            out.status.success() && text(&out).trim().is_empty(),
            "desktop-file-validate: {}",
            text(&out)
        );
    }
    if let Some(out) = tool(&home, "xdg-mime", &["query", "default", "application/x-baokan"]) {
        assert_eq!(String::from_utf8_lossy(&out.stdout).trim(), "baokan.desktop", "{}", text(&out));
    }
    // update-mime-database has compiled the type: a .baokan file is known by its name.
    let archive = home.join("day.baokan");
    std::fs::write(&archive, "{\"format\":\"baokan-archive\",\"version\":1,\"pages\":[]}").unwrap();
    if let Some(out) = tool(&home, "xdg-mime", &["query", "filetype", archive.to_str().unwrap()]) {
        assert_eq!(String::from_utf8_lossy(&out.stdout).trim(), "application/x-baokan", "{}", text(&out));
    }

    let removed = run_in(&home, exe, &["--uninstall-desktop"]).unwrap();
    assert_eq!(removed.status.code(), Some(0), "{}", text(&removed));
    assert!(!entry.exists());
    if let Some(out) = tool(&home, "xdg-mime", &["query", "default", "application/x-baokan"]) {
        assert_eq!(String::from_utf8_lossy(&out.stdout).trim(), "", "{}", text(&out));
    }
}

#[test]
fn an_unusable_home_is_one_sentence() {
    let home = home("desktop-readonly");
    // The data folder is a file, so nothing can be made inside it.
    std::fs::write(home.join("data"), "not a folder").unwrap();
    let out = run_in(&home, env!("CARGO_BIN_EXE_baokan"), &["--install-desktop"]).unwrap();
    assert_eq!(out.status.code(), Some(2), "{}", text(&out));
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(err.contains("无法创建文件夹") && err.contains("cannot create folder"), "{err}");
}
