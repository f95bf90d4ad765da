//! Text with search matches marked: a background behind every match, a stronger one behind
//! the match the reader is at.

use std::ops::Range;

use egui::text::LayoutJob;
use egui::{Color32, TextFormat};

/// Background of a match, for light and dark themes.
fn mark_colour(dark: bool, current: bool) -> Color32 {
    match (dark, current) {
        (false, false) => Color32::from_rgb(255, 231, 128),
        (false, true) => Color32::from_rgb(255, 165, 60),
        (true, false) => Color32::from_rgb(112, 92, 24),
        (true, true) => Color32::from_rgb(176, 96, 16),
    }
}

/// Appends `text` to a layout, with the byte ranges `marks` (sorted, apart) marked and the
/// mark at position `current` among them marked strongly.
pub fn append_marked(
    job: &mut LayoutJob,
    text: &str,
    marks: &[Range<usize>],
    current: Option<usize>,
    format: &TextFormat,
    dark: bool,
) {
    let mut at = 0;
    for (k, m) in marks.iter().enumerate() {
        let (Some(before), Some(marked)) = (text.get(at..m.start), text.get(m.clone())) else {
            continue;
        };
        job.append(before, 0.0, format.clone());
        let background = mark_colour(dark, current == Some(k));
        job.append(marked, 0.0, TextFormat { background, ..format.clone() });
        at = m.end;
    }
    job.append(text.get(at..).unwrap_or(""), 0.0, format.clone());
}

/// A one-line layout of `text` with its marks, for list rows.
pub fn marked_line(text: &str, marks: &[Range<usize>], format: TextFormat, dark: bool) -> LayoutJob {
    let mut job = LayoutJob::default();
    append_marked(&mut job, text, marks, None, &format, dark);
    job
}
