//! Searching from the window: the typed text, the items it matches and the group counts that
//! follow it, and the reader's place among the matches of every listed item (n / Shift+N).

use std::time::{Duration, Instant};

use rayon::prelude::*;

use super::BaokanApp;
use crate::browse::groups::{Kept, count_kept};
use crate::browse::search::Query;
use crate::browse::search::highlight::item_hits;

/// The search's state.
#[derive(Debug, Default)]
pub struct Search {
    /// What the search box holds.
    pub text: String,
    /// `text` parsed.
    pub query: Query,
    /// One flag per item, document order; `None` when nothing is searched.
    pub matched: Option<Vec<bool>>,
    /// Items matched.
    pub count: usize,
    /// For each group of the tree, how many of its items match.
    pub kept: Vec<Kept>,
    /// Which match of the selected item the reader is at.
    pub hit: usize,
    /// The reader should scroll to the current match on the next frame.
    pub scroll_to_hit: bool,
    /// The search box should take the keyboard on the next frame.
    pub focus: bool,
    /// How long the last search took, from the changed text to the updated list.
    pub took: Duration,
    /// The matches the reader marks before each listed item, and after the last one the
    /// total: where the counter is among all of them. `None` without a search, or when the
    /// list is too long to count on the window's thread.
    pub tally: Option<Vec<usize>>,
    /// What was selected when the search began, selected again when it is cleared while
    /// nothing is.
    pub before: Option<usize>,
}

/// The longest list whose matches are counted for the counter (a few milliseconds).
const TALLY_MOST: usize = 5_000;

/// Where the reader is among all the matches of the listed items.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct HitCount {
    /// The current match, counted from 1 over every listed item; `None` when the selected item
    /// has no marked match, or the list is too long to count.
    pub current: Option<usize>,
    /// Matches in all listed items (`None` when too many items to count).
    pub total: Option<usize>,
    /// Matches in the selected item.
    pub here: usize,
    /// Items listed.
    pub items: usize,
}

impl Search {
    /// True when a search narrows what is shown.
    pub fn active(&self) -> bool {
        self.matched.is_some()
    }
}

impl BaokanApp {
    /// Searches for new text; the list, tree counts and reader follow.
    pub(super) fn set_search(&mut self, text: String) {
        let started = Instant::now();
        let query = Query::parse(&text);
        self.search.text = text;
        if query != self.search.query {
            if self.search.query.is_empty() {
                self.search.before = self.selected;
            }
            let (cleared, searched) = (query.is_empty(), self.selected);
            self.search.query = query;
            self.run_search();
            self.filter_list();
            self.search.hit = 0;
            self.search.scroll_to_hit = true;
            if cleared {
                self.after_search(searched);
            }
        }
        self.search.took = started.elapsed();
    }

    /// Once the search is cleared: the item read while searching stays selected (or the one
    /// selected before, when the search found nothing), and the list scrolls to it.
    fn after_search(&mut self, searched: Option<usize>) {
        if let Some(before) = self.search.before.take()
            && searched.is_none()
            && self.list.contains(&before)
        {
            self.select(Some(before));
        }
        self.scroll_list = true;
    }

    /// Counts the marks of every listed item for the counter (see [`Search::tally`]).
    pub(super) fn count_hits(&mut self) {
        let s = &mut self.search;
        s.tally = None;
        let Some(loaded) = self.loaded.as_ref().filter(|_| s.active() && self.list.len() <= TALLY_MOST)
        else {
            return;
        };
        let (query, doc, items) = (&s.query, &loaded.doc, &loaded.items);
        let item = |i: usize| items.get(i).and_then(|&(p, a)| doc.pages.get(p)?.items.get(a));
        let counts: Vec<usize> =
            self.list.par_iter().map(|&i| item(i).map_or(0, |it| item_hits(it, query).len())).collect();
        let mut tally = Vec::with_capacity(counts.len() + 1);
        let mut total = 0;
        for n in counts {
            tally.push(total);
            total += n;
        }
        tally.push(total);
        s.tally = Some(tally);
    }

    /// Where the reader is among the listed items' matches.
    pub fn hit_count(&self) -> HitCount {
        let here = self.selected.map_or(0, |s| self.hits_in(s));
        let row = self.selected.and_then(|s| self.list.iter().position(|&i| i == s));
        let tally = self.search.tally.as_ref();
        let before = row.and_then(|r| tally.and_then(|t| t.get(r)));
        let current = before.filter(|_| here > 0).map(|b| b + self.search.hit.min(here - 1) + 1);
        HitCount { current, total: tally.and_then(|t| t.last().copied()), here, items: self.list.len() }
    }

    /// Matches the query against the open archive and counts the matches in every group.
    pub(super) fn run_search(&mut self) {
        let s = &mut self.search;
        match self.loaded.as_ref().and_then(|l| l.index.as_ref()) {
            Some(index) if !s.query.is_empty() => {
                let matched = index.matching(&s.query);
                s.count = matched.iter().filter(|&&m| m).count();
                s.matched = Some(matched);
                self.count_groups();
            }
            _ => {
                s.matched = None;
                s.count = 0;
                s.kept.clear();
            }
        }
    }

    /// Runs the search again once the index arrives from its thread.
    pub(super) fn poll_index(&mut self) {
        if self.loaded.as_mut().is_some_and(|l| l.take_index()) {
            self.run_search();
            self.filter_list();
        }
    }

    /// Counts the matches in every group of the tree (after a search or a regrouping).
    pub(super) fn count_groups(&mut self) {
        if let (Some(l), Some(matched)) = (&self.loaded, &self.search.matched) {
            self.search.kept = count_kept(&l.tree, matched);
        }
    }

    /// How many matches the reader marks in an item.
    pub fn hits_in(&self, item: usize) -> usize {
        match self.loaded.as_ref().and_then(|l| l.item(item)) {
            Some((_, it)) if self.search.active() => item_hits(it, &self.search.query).len(),
            _ => 0,
        }
    }

    /// Moves to the next or previous match, going on to the next or previous listed item
    /// past the last or first one.
    pub(super) fn next_hit(&mut self, delta: isize) {
        if !self.search.active() {
            return;
        }
        let here = self.selected.map_or(0, |s| self.hits_in(s));
        let next = self.search.hit as isize + delta;
        if (0..here as isize).contains(&next) {
            self.search.hit = next as usize;
        } else if self.move_selection(delta.signum()) {
            let there = self.selected.map_or(0, |s| self.hits_in(s));
            self.search.hit = if delta < 0 { there.saturating_sub(1) } else { 0 };
        }
        self.search.scroll_to_hit = true;
    }
}
