//! The interface's words, Chinese first, English when the user chooses it: the window title,
//! what the app reports (errors, what was done) and the labels Baokan makes itself. The app
//! hands over data; only the interface words it.

use std::path::{Path, PathBuf};

use crate::app::{Language, ListScope, Notice, Problem};

/// The string for the current language.
pub fn tr(lang: Language, zh: &'static str, en: &'static str) -> &'static str {
    match lang {
        Language::Chinese => zh,
        Language::English => en,
    }
}

/// A group name as shown in the tree: place and unit names are data and stay as printed; the
/// labels Baokan itself makes (no district, city level, page numbers…) follow the language.
pub fn group_name(lang: Language, name: &str) -> String {
    use crate::browse::groups::{NO_AUTHOR, NO_DATE, NO_DISTRICT, NO_UNIT};
    use crate::classify::CITY_LEVEL;
    if lang == Language::Chinese {
        return name.to_owned();
    }
    let fixed = match name {
        NO_DISTRICT => Some("(no district)"),
        NO_UNIT => Some("(no unit)"),
        NO_AUTHOR => Some("(no byline)"),
        NO_DATE => Some("date unknown"),
        CITY_LEVEL => Some("City level (市直)"),
        _ => None,
    };
    if let Some(f) = fixed {
        return f.to_owned();
    }
    match name.strip_prefix('第').and_then(|r| r.strip_suffix('版')).and_then(|n| n.parse::<u32>().ok()) {
        Some(n) => format!("Page {n}"),
        None => name.to_owned(),
    }
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
    let mut parts = scope.group.clone();
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
        Problem::Read(e) => e.to_string(),
        Problem::NoPages(inputs) => no_pages(lang, inputs),
        Problem::ReadingStopped => {
            tr(lang, "读取中断 (the reading thread stopped)", "Reading stopped unexpectedly").to_owned()
        }
        Problem::WouldOverwriteInput(path) => match lang {
            Language::Chinese => format!("{}：这是打开的版面文件，不会被覆盖，请另选文件名", path.display()),
            Language::English => {
                format!("{}: that is an opened page file and is never overwritten", path.display())
            }
        },
        Problem::Write(e) => e.to_string(),
        Problem::SavingStopped(path) => format!(
            "{}：无法写入，原文件未改动 (cannot write; the old file is unchanged: the saving thread stopped)",
            path.display()
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn group_names_follow_the_language_but_places_do_not() {
        let cases = [
            (Language::English, "（未定区县）", "(no district)"),
            (Language::English, "第03版", "Page 3"),
            (Language::English, "市直", "City level (市直)"),
            (Language::English, "东昌府区", "东昌府区"),
            (Language::English, "第一中学", "第一中学"),
            (Language::Chinese, "（未定区县）", "（未定区县）"),
        ];
        for (lang, name, want) in cases {
            assert_eq!(group_name(lang, name), want);
        }
    }
}
