//! Interface strings: Chinese first, English when the user chooses it.

use crate::app::Language;

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
