//! `baokan --install-desktop` and `--uninstall-desktop`: Baokan as an application of the
//! user's Linux desktop, in the user's own folders (no root needed).
//!
//! Installing writes, under `$XDG_DATA_HOME` (default `~/.local/share`):
//! - `applications/baokan.desktop`, the menu entry, which opens files given to it;
//! - `mime/packages/baokan.xml`, the MIME type `application/x-baokan` for `*.baokan`;
//! - `icons/hicolor/512x512/apps/baokan.png`, the icon;
//!
//! and names Baokan the default for the type in `$XDG_CONFIG_HOME/mimeapps.list` (default
//! `~/.config`), the file `xdg-mime` and file managers read. Then it runs
//! `update-mime-database` and `update-desktop-database` when they are installed, so that file
//! managers know the type at once. Uninstalling removes all of it again.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use crate::store::atomic;

/// The desktop entry's file name, which also names Baokan to `xdg-mime`.
pub const DESKTOP_ID: &str = "baokan.desktop";
/// The MIME type of a `.baokan` archive.
pub const MIME_TYPE: &str = "application/x-baokan";

/// The two folders installing writes into.
#[derive(Debug, Clone)]
pub struct Places {
    /// `$XDG_DATA_HOME`: applications, MIME packages, icons.
    pub data: PathBuf,
    /// `$XDG_CONFIG_HOME`: `mimeapps.list`.
    pub config: PathBuf,
}

impl Places {
    /// The folders the XDG base directory specification gives: the variable when it holds an
    /// absolute path, else the default under `$HOME`.
    pub fn from_env() -> Result<Places, String> {
        let home = std::env::var_os("HOME").map(PathBuf::from);
        let pick = |var: &str, default: &str| {
            std::env::var_os(var)
                .map(PathBuf::from)
                .filter(|p| p.is_absolute())
                .or_else(|| home.as_ref().map(|h| h.join(default)))
                .ok_or_else(|| format!("没有设置 HOME，也没有设置 {var} (neither HOME nor {var} is set)"))
        };
        Ok(Places {
            data: pick("XDG_DATA_HOME", ".local/share")?,
            config: pick("XDG_CONFIG_HOME", ".config")?,
        })
    }

    fn desktop_file(&self) -> PathBuf {
        self.data.join("applications").join(DESKTOP_ID)
    }

    fn mime_package(&self) -> PathBuf {
        self.data.join("mime/packages/baokan.xml")
    }

    fn icon(&self) -> PathBuf {
        self.data.join("icons/hicolor/512x512/apps/baokan.png")
    }

    fn mimeapps(&self) -> PathBuf {
        self.config.join("mimeapps.list")
    }
}

/// Runs `--install-desktop` (`install` true) or `--uninstall-desktop` for the running program.
pub fn run(install: bool) -> ExitCode {
    if !cfg!(target_os = "linux") {
        return super::fail(
            "--install-desktop 只用于 Linux；Windows 与 macOS 由安装包登记 .baokan 文件 \
             (Linux only; on Windows and macOS the installer or app bundle registers .baokan files)",
        );
    }
    let done = Places::from_env().and_then(|places| {
        if install {
            let exe = std::env::current_exe()
                .and_then(|p| p.canonicalize())
                .map_err(|e| format!("找不到正在运行的程序文件 (cannot find the running program: {e})"))?;
            self::install(&places, &exe)
        } else {
            uninstall(&places)
        }
    });
    match done {
        Ok(report) => {
            report.iter().for_each(|line| println!("{line}"));
            ExitCode::SUCCESS
        }
        Err(e) => super::fail(&e),
    }
}

/// Installs the desktop entry for `exe`, the MIME type, the icon and the default; returns one
/// line per thing done.
pub fn install(places: &Places, exe: &Path) -> Result<Vec<String>, String> {
    let entry = desktop_entry(exe)?;
    let mut report = Vec::new();
    let files: [(PathBuf, &[u8]); 3] = [
        (places.desktop_file(), entry.as_bytes()),
        (places.mime_package(), MIME_PACKAGE.as_bytes()),
        (places.icon(), crate::ui::icon::PNG),
    ];
    for (path, bytes) in files {
        write(&path, bytes)?;
        report.push(format!("已写入 (written): {}", path.display()));
    }
    let list = places.mimeapps();
    let old = read_optional(&list)?;
    write(&list, with_default(&old).as_bytes())?;
    report.push(format!("已设为 {MIME_TYPE} 的默认程序 (set as default): {}", list.display()));
    report.extend(refresh(places));
    Ok(report)
}

/// Removes what [`install`] wrote; returns one line per thing done.
pub fn uninstall(places: &Places) -> Result<Vec<String>, String> {
    let mut report = Vec::new();
    for path in [places.desktop_file(), places.mime_package(), places.icon()] {
        match std::fs::remove_file(&path) {
            Ok(()) => report.push(format!("已删除 (removed): {}", path.display())),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
            Err(e) => return Err(format!("{}：无法删除 (cannot remove: {e})", path.display())),
        }
    }
    let list = places.mimeapps();
    let old = read_optional(&list)?;
    let new = without_default(&old);
    if new != old {
        write(&list, new.as_bytes())?;
        report.push(format!("已取消默认程序 (default removed): {}", list.display()));
    }
    report.extend(refresh(places));
    if report.is_empty() {
        report.push("没有找到已安装的桌面文件 (nothing was installed)".to_owned());
    }
    Ok(report)
}

/// The desktop entry; `exe` must be UTF-8 and on one line.
pub fn desktop_entry(exe: &Path) -> Result<String, String> {
    let path = exe
        .to_str()
        .filter(|p| !p.contains(['\n', '\r']))
        .ok_or_else(|| format!("{}：程序路径无法写入桌面文件 (program path unusable)", exe.display()))?;
    Ok(format!(
        "[Desktop Entry]\n\
         Type=Application\n\
         Version=1.4\n\
         Name=Baokan\n\
         Name[zh_CN]=报刊档案\n\
         GenericName=Newspaper Archive Browser\n\
         GenericName[zh_CN]=报刊档案浏览器\n\
         Comment=Browse a city daily's archive by district and department\n\
         Comment[zh_CN]=按区县和单位浏览城市日报的版面档案\n\
         Exec={} %F\n\
         Icon=baokan\n\
         Terminal=false\n\
         Categories=Office;Viewer;\n\
         Keywords=newspaper;archive;报刊;档案;\n\
         MimeType={MIME_TYPE};\n\
         StartupWMClass=baokan\n",
        quote_exec(path)
    ))
}

/// An `Exec` argument as the desktop entry specification wants it: quoted when it holds a
/// reserved character, with `"`, `` ` ``, `$` and `\` escaped inside the quotes; then, as the
/// value is a string, every `\` doubled, and `%` written `%%`.
pub fn quote_exec(arg: &str) -> String {
    const RESERVED: &[char] =
        &[' ', '\t', '"', '\'', '\\', '>', '<', '~', '|', '&', ';', '$', '*', '?', '#', '(', ')', '`'];
    let quoted = if arg.contains(RESERVED) {
        let mut q = String::from("\"");
        for c in arg.chars() {
            if matches!(c, '"' | '`' | '$' | '\\') {
                q.push('\\');
            }
            q.push(c);
        }
        q.push('"');
        q
    } else {
        arg.to_owned()
    };
    quoted.replace('\\', "\\\\").replace('%', "%%")
}

/// The shared-mime-info package: `*.baokan` files are Baokan archives, a kind of JSON.
const MIME_PACKAGE: &str = r#"<?xml version="1.0" encoding="UTF-8"?>
<mime-info xmlns="http://www.freedesktop.org/standards/shared-mime-info">
  <mime-type type="application/x-baokan">
    <comment>Baokan archive</comment>
    <comment xml:lang="zh_CN">报刊档案</comment>
    <sub-class-of type="application/json"/>
    <icon name="baokan"/>
    <glob pattern="*.baokan"/>
  </mime-type>
</mime-info>
"#;

/// The sections of `mimeapps.list` that name Baokan for its type.
const SECTIONS: [&str; 2] = ["[Default Applications]", "[Added Associations]"];

/// `mimeapps.list` with Baokan first for its type in both sections; programs named for the
/// type before stay after it, and every other line is kept.
pub fn with_default(list: &str) -> String {
    // First pass: the programs each section already names for the type, Baokan left out.
    let mut others: [Vec<&str>; 2] = [Vec::new(), Vec::new()];
    let mut section = None;
    for line in list.lines() {
        let t = line.trim();
        if t.starts_with('[') {
            section = SECTIONS.iter().position(|s| *s == t);
        } else if let (Some(i), Some(ids)) = (section, our_value(t)) {
            others[i].extend(ids.filter(|d| *d != DESKTOP_ID));
        }
    }
    let entry = |i: usize| {
        let ids: Vec<&str> = std::iter::once(DESKTOP_ID).chain(others[i].iter().copied()).collect();
        format!("{MIME_TYPE}={};\n", ids.join(";"))
    };
    // Second pass: the type's lines replaced by one, right under each section's first header.
    let (mut out, mut written) = (String::with_capacity(list.len() + 128), [false; 2]);
    for line in list.lines() {
        let t = line.trim();
        if our_value(t).is_some() {
            continue;
        }
        out.push_str(line);
        out.push('\n');
        if let Some(i) = SECTIONS.iter().position(|s| *s == t).filter(|&i| !written[i]) {
            out.push_str(&entry(i));
            written[i] = true;
        }
    }
    for (i, section) in SECTIONS.iter().enumerate().filter(|(i, _)| !written[*i]) {
        if !out.is_empty() && !out.ends_with("\n\n") {
            out.push('\n');
        }
        out.push_str(&format!("{section}\n{}", entry(i)));
    }
    out
}

/// The programs a `mimeapps.list` line names for Baokan's type, if it is such a line.
fn our_value(line: &str) -> Option<impl Iterator<Item = &str>> {
    let value = line.strip_prefix(MIME_TYPE)?.trim_start().strip_prefix('=')?;
    Some(value.split(';').map(str::trim).filter(|d| !d.is_empty()))
}

/// `mimeapps.list` without Baokan for its type (other programs for it, and all else, kept).
pub fn without_default(list: &str) -> String {
    let mut out = String::with_capacity(list.len());
    for line in list.lines() {
        let Some(ids) = our_value(line.trim()) else {
            out.push_str(line);
            out.push('\n');
            continue;
        };
        let others: Vec<&str> = ids.filter(|d| *d != DESKTOP_ID).collect();
        if !others.is_empty() {
            out.push_str(&format!("{MIME_TYPE}={};\n", others.join(";")));
        }
    }
    out
}

/// Runs the desktop's cache updaters that are installed; a line for each one that is missing
/// or failed (installing still succeeded: the files are read without the caches, later).
fn refresh(places: &Places) -> Vec<String> {
    let updaters = [
        ("update-mime-database", places.data.join("mime")),
        ("update-desktop-database", places.data.join("applications")),
    ];
    let mut notes = Vec::new();
    for (program, dir) in updaters {
        if !dir.is_dir() {
            continue;
        }
        match std::process::Command::new(program).arg(&dir).output() {
            Ok(out) if out.status.success() => {}
            Ok(out) => notes
                .push(format!("{program} 失败 (failed): {}", String::from_utf8_lossy(&out.stderr).trim())),
            Err(_) => {
                notes.push(format!("未找到 {program}，桌面可能稍后才认出 .baokan 文件 ({program} not found)"))
            }
        }
    }
    notes
}

fn read_optional(path: &Path) -> Result<String, String> {
    match std::fs::read(path) {
        Ok(bytes) => String::from_utf8(bytes)
            .map_err(|_| format!("{}：不是 UTF-8 文本 (not UTF-8 text)", path.display())),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(String::new()),
        Err(e) => Err(format!("{}：无法读取 (cannot read: {e})", path.display())),
    }
}

/// Writes a file atomically, making its folder first.
fn write(path: &Path, bytes: &[u8]) -> Result<(), String> {
    if let Some(dir) = path.parent() {
        std::fs::create_dir_all(dir)
            .map_err(|e| format!("{}：无法创建文件夹 (cannot create folder: {e})", dir.display()))?;
    }
    atomic::replace(path, bytes).map_err(|e| crate::ui::wording::write_error(&e))
}

#[cfg(test)]
#[path = "desktop_tests.rs"]
mod tests;
