//! Moving through the archive: choosing a grouping and a group, sorting the list, and moving
//! the selection. The list is the selected group's items, sorted, then narrowed by the search.

use super::{BaokanApp, GroupPath, find_node};
use crate::browse::groups::By;
use crate::parse::reclassify;

impl BaokanApp {
    /// Regroups the tree and shows every item.
    pub(super) fn set_grouping(&mut self, g: By) {
        self.state.grouping = g;
        if let Some(l) = &mut self.loaded {
            l.regroup(g);
        }
        self.count_groups();
        self.select_group(None);
    }

    /// Classifies every item again with the home city the user chose (or each source's
    /// own), keeping the corrections, and regroups.
    pub(super) fn set_home(&mut self, home: Option<Option<usize>>) {
        let Some(loaded) = self.loaded.as_mut() else {
            return;
        };
        let doc = loaded.doc_mut();
        reclassify(doc, home, &self.tables);
        doc.home_choice = home;
        loaded.refresh();
        self.count_groups();
        self.run_search();
        self.select_group(self.group.clone());
    }

    /// Lists a group's items (every item for `None`).
    pub(super) fn select_group(&mut self, path: Option<GroupPath>) {
        let Some(loaded) = &self.loaded else {
            self.group = None;
            self.group_items.clear();
            self.list.clear();
            return;
        };
        let node = path.as_deref().and_then(|p| find_node(&loaded.tree, p));
        self.group_items = match node {
            Some(node) => node.items(),
            None => (0..loaded.items.len()).collect(),
        };
        // A group a correction emptied is gone: all items are shown instead.
        self.group = path.filter(|_| node.is_some());
        self.sort_list();
    }

    /// Sorts the group's items by the chosen column, then narrows them by the search.
    pub(super) fn sort_list(&mut self) {
        if let Some(loaded) = &mut self.loaded {
            loaded.sort(&mut self.group_items, self.state.order);
        }
        self.filter_list();
    }

    /// The list as the group's sorted items the search keeps; the selection stays when it is
    /// still listed, else moves to the first row.
    pub(super) fn filter_list(&mut self) {
        self.list = match &self.search.matched {
            Some(m) => self.group_items.iter().copied().filter(|&i| m.get(i) == Some(&true)).collect(),
            None => self.group_items.clone(),
        };
        if self.selected.is_none_or(|s| !self.list.contains(&s)) {
            self.select(self.list.first().copied());
        }
        self.count_hits();
    }

    /// Selects an item; the reader starts at its top, or at its first match.
    pub(super) fn select(&mut self, item: Option<usize>) {
        if item != self.selected {
            self.search.hit = 0;
            self.editing = false;
            self.reader_to_top = true;
        }
        self.selected = item;
    }

    /// Moves the selection this many rows; false when it could not move.
    pub(super) fn move_selection(&mut self, delta: isize) -> bool {
        let here = self.selected.and_then(|s| self.list.iter().position(|&i| i == s));
        let next = match here {
            Some(p) => p.saturating_add_signed(delta).min(self.list.len().saturating_sub(1)),
            None => 0,
        };
        let before = self.selected;
        self.select(self.list.get(next).copied());
        self.scroll_list = true;
        self.selected != before
    }
}
