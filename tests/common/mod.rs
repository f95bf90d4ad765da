//! Helpers shared by the integration tests.

use std::path::{Path, PathBuf};

/// The seed page of ../shared, when this checkout sits beside it; otherwise says the test is
/// skipped and gives `None`.
pub fn seed_page() -> Option<PathBuf> {
    let page = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/fixtures/000_d84498ec863cbfe6.txt");
    if page.exists() {
        Some(page)
    } else {
        eprintln!("skipped: {} is absent", page.display());
        None
    }
}
