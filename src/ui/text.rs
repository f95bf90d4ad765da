//! Interface strings: Chinese first, English when the user chooses it.

use crate::app::Language;

/// The string for the current language.
pub fn tr(lang: Language, zh: &'static str, en: &'static str) -> &'static str {
    match lang {
        Language::Chinese => zh,
        Language::English => en,
    }
}
