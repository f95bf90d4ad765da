//! The interface's words, Chinese first, English when the user chooses it: what the window
//! and the command line say about errors, warnings, what was done and the labels Baokan
//! makes itself. The core hands over data (enums with fields); only this module words it.
//!
//! Errors and warnings read the same in both languages: one sentence naming the file, Chinese
//! then English in brackets, as the command line has always printed them (scripts and the
//! `parse --json` contract rely on that), and the window shows them so too.

use std::path::{Path, PathBuf};

use crate::app::{Language, ListScope, Notice, Problem, Said};
use crate::browse::groups::GroupKey;
use crate::classify::CITY_LEVEL;
use crate::model::Warning;
use crate::store::archive::{ArchiveError, VERSION};
use crate::store::atomic::WriteError;
use crate::store::source::{Limit, ReadError};

/// The string for the current language.
pub fn tr(lang: Language, zh: &'static str, en: &'static str) -> &'static str {
    match lang {
        Language::Chinese => zh,
        Language::English => en,
    }
}

/// A group's name as shown in the tree (and printed by `baokan groups`, in Chinese): place
/// and unit names are data and stay as printed; the groups Baokan itself makes (no district,
/// city level, pages…) follow the language.
pub fn group_key(lang: Language, key: &GroupKey) -> String {
    let fixed = match key {
        GroupKey::Named(name) if lang == Language::English && name == CITY_LEVEL => "City level (市直)",
        GroupKey::Named(name) => return name.clone(),
        GroupKey::NoDistrict => tr(lang, "（未定区县）", "(no district)"),
        GroupKey::NoUnit => tr(lang, "（未定单位）", "(no unit)"),
        GroupKey::NoAuthor => tr(lang, "（无署名）", "(no byline)"),
        GroupKey::NoDate => tr(lang, "日期不详", "date unknown"),
        GroupKey::Page(n) => {
            return match lang {
                Language::Chinese => format!("第{n:02}版"),
                Language::English => format!("Page {n}"),
            };
        }
        GroupKey::SourcePage { source, page } => {
            return match lang {
                Language::Chinese => format!("{source} 第{page}页"),
                Language::English => format!("{source} page {page}"),
            };
        }
    };
    fixed.to_owned()
}

/// The window title: 报刊档案, after the names of what is open (marked `*` with unsaved
/// corrections).
pub fn window_title(lang: Language, open: Option<&[String]>, unsaved: bool) -> String {
    let app = tr(lang, "报刊档案", "Baokan");
    let Some(names) = open else {
        return app.to_owned();
    };
    let unsaved = if unsaved { "* " } else { "" };
    format!("{unsaved}{} — {app}", names.join("、"))
}

/// What the list shows, for the export's heading and file name: the group's path, or 全部,
/// then the search.
pub fn list_scope(scope: &ListScope, lang: Language) -> String {
    let mut parts: Vec<String> = scope.group.iter().map(|k| group_key(lang, k)).collect();
    if parts.is_empty() {
        parts.push(tr(lang, "全部", "All").to_owned());
    }
    if let Some(search) = &scope.search {
        parts.push(format!("{}{search}", tr(lang, "搜索：", "search: ")));
    }
    parts.join(" / ")
}

/// The error line: one sentence naming the file and the problem.
pub fn problem(lang: Language, problem: &Problem) -> String {
    match problem {
        Problem::Read(e) => read_error(e),
        Problem::NoPages(inputs) => no_pages(inputs),
        Problem::ReadingStopped => {
            tr(lang, "读取中断 (the reading thread stopped)", "Reading stopped unexpectedly").to_owned()
        }
        Problem::WouldOverwriteInput(path) => match lang {
            Language::Chinese => format!("{}：这是打开的版面文件，不会被覆盖，请另选文件名", path.display()),
            Language::English => {
                format!("{}: that is an opened page file and is never overwritten", path.display())
            }
        },
        Problem::Write(e) => write_error(e),
        Problem::SavingStopped(path) => {
            cannot_write(&path.display().to_string(), "the saving thread stopped")
        }
    }
}

/// Why an input could not be read.
pub fn read_error(e: &ReadError) -> String {
    match e {
        ReadError::NotFound(p) => format!("{p}：文件或文件夹不存在 (no such file or folder)"),
        ReadError::Io(p, e) => format!("{p}：无法读取 (cannot read: {e})"),
        ReadError::NotText(p) => {
            format!("{p}：不是版面文本文件，而是二进制数据 (not a page text file but binary data)")
        }
        ReadError::BadZip(p, e) => format!("{p}：不是有效的 zip 压缩包 (not a valid zip archive: {e})"),
        ReadError::TooLarge(p, limit) => {
            format!("{p}：超出读取限制 (over the reading limit: {})", limit_text(limit))
        }
        ReadError::Archive(e) => archive_error(e),
    }
}

fn limit_text(limit: &Limit) -> String {
    match limit {
        Limit::FileBytes(n) => format!("file larger than {n} bytes"),
        Limit::Entries { found, most } => format!("{found} entries, at most {most}"),
        Limit::TotalBytes(n) => format!("unpacks to more than {n} bytes"),
    }
}

/// Why an archive could not be read.
pub fn archive_error(e: &ArchiveError) -> String {
    match e {
        ArchiveError::NotArchive(p) => {
            format!("{p}：这是 JSON 文件，但不是 Baokan 档案 (a JSON file, but not a Baokan archive)")
        }
        ArchiveError::Newer(p, v) => format!(
            "{p}：档案格式版本 {v} 比本程序支持的 {VERSION} 新，请升级 Baokan (archive version {v} is newer than this program reads)"
        ),
        ArchiveError::Truncated(p) => {
            format!("{p}：档案文件不完整，可能复制或写入时中断 (the archive is truncated)")
        }
        ArchiveError::Damaged(p, e) => format!("{p}：档案文件已损坏 (the archive is damaged: {e})"),
    }
}

/// Why a file could not be written.
pub fn write_error(e: &WriteError) -> String {
    cannot_write(&e.path, &e.reason)
}

fn cannot_write(path: &str, reason: &str) -> String {
    format!("{path}：无法写入，原文件未改动 (cannot write; the old file is unchanged: {reason})")
}

/// A warning: one sentence naming the file (and page and lines) and the problem.
pub fn warning(w: &Warning) -> String {
    match w {
        Warning::Undecodable { source, encoding } => {
            format!("{source}：部分字节无法按 {encoding} 解码，已替换为 � (some bytes could not be decoded)")
        }
        Warning::Skipped(e) => read_error(e) + "，已跳过 (skipped)",
        Warning::SkippedDamagedEntry { source, reason } => {
            format!("{source}：压缩条目损坏，已跳过 (damaged entry skipped: {reason})")
        }
        Warning::SkippedLargeEntry { source, limit } => {
            format!("{source}：解压后超过 {limit} 字节，已跳过 (entry too large, skipped)")
        }
        Warning::EmptyFolder { source } => {
            format!("{source}：文件夹里没有版面文本 (.txt) (no page text files in the folder)")
        }
        Warning::EmptyZip { source } => {
            format!("{source}：压缩包里没有版面文本 (.txt) (no page text files in the zip)")
        }
        Warning::Bodiless { source, page, lines: [first, last] } => format!(
            "{source} 第{page}页 第{first}–{last}行：只有标题或署名，没有正文 (heading or credit without body text)"
        ),
        Warning::StaleCorrection { source, page, line } => format!(
            "{source} 第{page}页 第{line}行：这条更正找不到对应的条目，未应用 (a correction no longer matches an item; not applied)"
        ),
    }
}

/// Inputs that hold no page text, as every other error reads: the files, then the problem in
/// Chinese and in English.
fn no_pages(inputs: &[PathBuf]) -> String {
    let names: Vec<String> = inputs.iter().map(|p| p.display().to_string()).collect();
    format!("{}：没有找到版面文字 (no page text found)", names.join("、"))
}

/// A logged error or warning.
pub fn said(lang: Language, said: &Said) -> String {
    match said {
        Said::Problem(p) => problem(lang, p),
        Said::Warning(w) => warning(w),
    }
}

/// How long ago something was logged, roughly.
pub fn ago(lang: Language, secs: u64) -> String {
    match (lang, secs) {
        (Language::Chinese, 0..60) => "刚才".to_owned(),
        (Language::English, 0..60) => "just now".to_owned(),
        (Language::Chinese, s) if s < 3600 => format!("{} 分钟前", s / 60),
        (Language::English, s) if s < 3600 => format!("{} min ago", s / 60),
        (Language::Chinese, s) => format!("{} 小时前", s / 3600),
        (Language::English, s) => format!("{} h ago", s / 3600),
    }
}

/// The notice line: what was saved, exported or cancelled.
pub fn notice(lang: Language, notice: &Notice) -> String {
    match (lang, notice) {
        (Language::Chinese, Notice::Saved(path)) => format!("已保存到 {}", path.display()),
        (Language::English, Notice::Saved(path)) => format!("Saved to {}", path.display()),
        (Language::Chinese, Notice::Exported(n, path)) => format!("已导出 {n} 篇到 {}", path.display()),
        (Language::English, Notice::Exported(n, path)) => format!("Exported {n} items to {}", path.display()),
        (_, Notice::Cancelled { path, export }) => cancelled(lang, path, *export),
    }
}

fn cancelled(lang: Language, path: &Path, export: bool) -> String {
    let path = path.display();
    match (lang, export) {
        (Language::Chinese, false) => format!("已取消保存，{path} 未改动"),
        (Language::Chinese, true) => format!("已取消导出，{path} 未改动"),
        (Language::English, false) => format!("Saving cancelled; {path} is unchanged"),
        (Language::English, true) => format!("Export cancelled; {path} is unchanged"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn group_names_follow_the_language_but_places_do_not() {
        let named = |n: &str| GroupKey::Named(n.to_owned());
        let cases = [
            (Language::English, GroupKey::NoDistrict, "(no district)"),
            (Language::English, GroupKey::Page(3), "Page 3"),
            (Language::English, named("市直"), "City level (市直)"),
            (Language::English, named("东昌府区"), "东昌府区"),
            (Language::English, named("第一中学"), "第一中学"),
            (Language::Chinese, GroupKey::NoDistrict, "（未定区县）"),
            (Language::Chinese, GroupKey::Page(3), "第03版"),
            (Language::Chinese, named("市直"), "市直"),
        ];
        for (lang, key, want) in cases {
            assert_eq!(group_key(lang, &key), want);
        }
    }

    #[test]
    fn a_failed_write_is_one_sentence_naming_the_file() {
        let e = WriteError { path: "/a/b.baokan".to_owned(), reason: "denied".to_owned() };
        assert_eq!(
            write_error(&e),
            "/a/b.baokan：无法写入，原文件未改动 (cannot write; the old file is unchanged: denied)"
        );
    }

    #[test]
    fn an_unreadable_input_is_one_sentence_naming_the_file() {
        let archive = |e: ArchiveError| ReadError::Archive(e);
        let cases = [
            (ReadError::NotFound("a.txt".to_owned()), "文件或文件夹不存在"),
            (archive(ArchiveError::Truncated("a.baokan".to_owned())), "档案文件不完整"),
            (archive(ArchiveError::Damaged("a.baokan".to_owned(), "x".to_owned())), "档案文件已损坏"),
            (archive(ArchiveError::Newer("a.baokan".to_owned(), 2)), "档案格式版本 2 比本程序支持的 1 新"),
            (archive(ArchiveError::NotArchive("a.json".to_owned())), "不是 Baokan 档案"),
            (ReadError::TooLarge("a.zip".to_owned(), Limit::TotalBytes(9)), "more than 9 bytes"),
        ];
        for (e, want) in cases {
            let text = read_error(&e);
            assert!(text.starts_with("a."), "{text}");
            assert!(text.contains(want), "{text}");
            assert_eq!(text.lines().count(), 1, "{text}");
        }
    }
}
