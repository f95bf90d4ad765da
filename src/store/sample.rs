//! The sample archive shown on the start screen: three pages of invented news in the
//! newspaper's printed form, set in a real prefecture (泰安市) so that grouping by district has
//! something to show. Embedded, so it opens on any machine without files.

use crate::model::Page;
use crate::store::source::pages_from_bytes;

/// The label the sample's pages carry instead of a path (dates and page numbers come from it).
pub const LABEL: &str = "示例档案";

const PAGES: [(&str, &str); 3] = [
    ("2024-05-06/01.txt", include_str!("../../assets/sample/2024-05-06/01.txt")),
    ("2024-05-06/03.txt", include_str!("../../assets/sample/2024-05-06/03.txt")),
    ("2024-05-07/04.txt", include_str!("../../assets/sample/2024-05-07/04.txt")),
];

/// The sample's pages, as if read from a folder named [`LABEL`].
pub fn pages() -> Vec<Page> {
    let mut warnings = Vec::new();
    PAGES
        .iter()
        .flat_map(|(name, text)| pages_from_bytes(&format!("{LABEL}/{name}"), text.as_bytes(), &mut warnings))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sample_pages_carry_dates_and_page_numbers() {
        let pages = pages();
        let meta: Vec<_> = pages.iter().map(|p| (p.date.as_deref(), p.page_no)).collect();
        assert_eq!(
            meta,
            [(Some("2024-05-06"), Some(1)), (Some("2024-05-06"), Some(3)), (Some("2024-05-07"), Some(4))]
        );
    }
}
