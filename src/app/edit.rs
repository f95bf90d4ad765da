//! Corrections from the window: each is added to its page's list, the page is segmented and
//! corrected again from its text (so what the window shows is exactly what a reload gives),
//! and the archive's lists, tree and index are rebuilt. Undo takes a page's last corrections
//! off again; redo puts them back.

use super::BaokanApp;
use crate::model::Correction;
use crate::parse::correct::item_starting_at;
use crate::parse::reparse_page;

/// The undo and redo history, and whether there is anything unsaved. Every state of the
/// corrections has a number; undo and redo go back to the numbers they came from, so undoing
/// to the saved state leaves nothing unsaved.
#[derive(Debug, Default)]
pub struct Edits {
    /// Each change as (page, how many corrections it added, the state before), oldest first.
    undo: Vec<(usize, usize, u64)>,
    /// Changes taken back, as (page, its corrections, the state after), last undone last.
    redo: Vec<(usize, Vec<Correction>, u64)>,
    /// The current state.
    pub current: u64,
    /// The state last saved (or opened).
    pub saved: u64,
    /// The number the next new state gets.
    next: u64,
}

impl Edits {
    /// True when the corrections differ from those last saved or opened.
    pub fn unsaved(&self) -> bool {
        self.current != self.saved
    }

    /// Moves to a new state; returns the one before.
    fn advance(&mut self) -> u64 {
        self.next += 1;
        std::mem::replace(&mut self.current, self.next)
    }

    /// True when there is a change to undo.
    pub fn can_undo(&self) -> bool {
        !self.undo.is_empty()
    }

    /// True when there is an undone change to make again.
    pub fn can_redo(&self) -> bool {
        !self.redo.is_empty()
    }
}

impl BaokanApp {
    /// Adds corrections to the page of the item at document position `item`.
    pub(super) fn correct(&mut self, item: usize, corrections: Vec<Correction>) {
        let Some(&(p, _)) = self.loaded.as_ref().and_then(|l| l.items.get(item)) else {
            return;
        };
        if corrections.is_empty() {
            return;
        }
        let line = corrections.first().map(Correction::line);
        let before = self.edits.advance();
        self.edits.undo.push((p, corrections.len(), before));
        self.edits.redo.clear();
        self.change_page(p, line, |list| list.extend(corrections));
    }

    /// Takes back the last change.
    pub(super) fn undo(&mut self) {
        let Some((p, n, before)) = self.edits.undo.pop() else {
            return;
        };
        let after = std::mem::replace(&mut self.edits.current, before);
        let mut taken = Vec::new();
        self.change_page(p, None, |list| taken = list.split_off(list.len().saturating_sub(n)));
        self.edits.redo.push((p, taken, after));
    }

    /// Makes the last undone change again.
    pub(super) fn redo(&mut self) {
        let Some((p, corrections, after)) = self.edits.redo.pop() else {
            return;
        };
        let before = std::mem::replace(&mut self.edits.current, after);
        self.edits.undo.push((p, corrections.len(), before));
        let line = corrections.first().map(Correction::line);
        self.change_page(p, line, |list| list.extend(corrections));
    }

    /// Changes page `p`'s corrections, segments and corrects it again, rebuilds what depends
    /// on it and keeps the selection on the item at `line` (else on the same item number).
    fn change_page(&mut self, p: usize, line: Option<usize>, change: impl FnOnce(&mut Vec<Correction>)) {
        let Some(loaded) = self.loaded.as_mut() else {
            return;
        };
        let before = self.selected.and_then(|s| loaded.items.get(s).copied());
        let doc = loaded.doc_mut();
        let Some(page) = doc.pages.get_mut(p) else {
            return;
        };
        change(&mut page.corrections);
        *page = reparse_page(page, page.classified_with, &self.tables);
        let line = line.or_else(|| before.and_then(|(_, a)| page.items.get(a)).map(|a| a.lines[0]));
        let at = line.and_then(|l| item_starting_at(page, l));
        loaded.refresh();
        self.selected = match (before, at) {
            (Some((bp, _)), Some(a)) if bp == p => loaded.position(p, a),
            (Some((bp, ba)), _) => loaded.position(bp, ba),
            _ => None,
        };
        self.run_search();
        self.select_group(self.group.clone());
        self.editing = false;
        self.autosave();
    }
}
