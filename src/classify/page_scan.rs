//! One pass over the text of each item of a page for the division names and unit words in it,
//! kept for the page's home city and then for each item's unit and district.
//!
//! Every item's text (kicker, headline and subtitle one per line, then the body) is laid end to
//! end in one buffer, and what the scan finds goes into one list per kind for the whole page:
//! three allocations a page rather than four an item.

use std::collections::HashMap;
use std::ops::Range;

use crate::classify::scanner::candidates::Candidates;
use rustc_hash::FxBuildHasher;

use crate::classify::gazetteer::{Gazetteer, Mention, leftmost_longest};
use crate::classify::unit_words::{UnitWord, leftmost_words, unit_words_ending_at};
use crate::model::{Item, Page};

/// Votes for divisions (by index), with a fast hasher for the small integer keys.
type Votes = HashMap<usize, f32, FxBuildHasher>;

/// The page's home city: the prefecture city its text names most (its counties and
/// townships counting for it too, shared by all the places a name may denote).
#[cfg(test)]
pub fn home_city(g: &Gazetteer, text: &str) -> Option<usize> {
    home_from(g, &g.find(text))
}

/// The city division names already found name most, with its votes (each name's vote shared
/// by all the places it may denote), when it has at least one and a half.
fn home_from<'m>(g: &Gazetteer, mentions: impl IntoIterator<Item = &'m Mention>) -> Option<usize> {
    top_city(g, mentions).filter(|(_, v)| *v >= 1.5).map(|(c, _)| c)
}

/// The city division names name most, with its votes.
fn top_city<'m>(g: &Gazetteer, mentions: impl IntoIterator<Item = &'m Mention>) -> Option<(usize, f32)> {
    let mut votes = Votes::default();
    for m in mentions {
        let candidates = g.candidates(m.name);
        let share = 1.0 / candidates.len() as f32;
        for &c in candidates {
            if let Some(city) = g.city_of(c) {
                *votes.entry(city).or_default() += share;
            }
        }
    }
    votes.into_iter().max_by(|a, b| a.1.total_cmp(&b.1).then(b.0.cmp(&a.0)))
}

/// [`top_city`] for one item's few names: a list searched in order, kept by the caller, costs
/// less than a hash map made for each item.
fn item_city(g: &Gazetteer, mentions: &[Mention], votes: &mut Vec<(usize, f32)>) -> Option<(usize, f32)> {
    votes.clear();
    for m in mentions {
        let candidates = g.candidates(m.name);
        let share = 1.0 / candidates.len() as f32;
        for city in candidates.iter().filter_map(|&c| g.city_of(c)) {
            match votes.iter_mut().find(|(k, _)| *k == city) {
                Some((_, v)) => *v += share,
                None => votes.push((city, share)),
            }
        }
    }
    votes.iter().copied().max_by(|a, b| a.1.total_cmp(&b.1).then(b.0.cmp(&a.0)))
}

/// The texts of a page's items and the division names and unit words found in each.
#[derive(Debug, Clone, Default)]
pub struct PageScan {
    /// Every item's text, one after the other.
    text: String,
    /// Division names, by item; offsets within the item's text.
    places: Vec<Mention>,
    /// Unit words, by item; offsets within the item's text.
    words: Vec<UnitWord>,
    /// Where each item's share of the three lists ends, and its parts.
    items: Vec<Ends>,
}

/// The ends of one item's share of a [`PageScan`], and where its parts start.
#[derive(Debug, Clone, Copy)]
struct Ends {
    text: usize,
    places: usize,
    words: usize,
    kicker_end: usize,
    body_start: usize,
}

/// One item's text and what the scan found in it.
#[derive(Debug, Clone, Copy)]
pub struct Scanned<'s> {
    /// Kicker, headline and subtitle, each ended by a line break, then the paragraphs.
    pub text: &'s str,
    /// Division names, leftmost-longest, in text order.
    pub places: &'s [Mention],
    /// Unit words, in text order.
    pub words: &'s [UnitWord],
    /// End of the kicker's line (0 without a kicker).
    pub kicker_end: usize,
    /// Start of the body.
    pub body_start: usize,
}

impl PageScan {
    /// Scans every item of a page.
    pub fn new(g: &Gazetteer, page: &Page) -> PageScan {
        PageScan::of_items(g, &page.items)
    }

    /// Scans the given items.
    pub fn of_items(g: &Gazetteer, items: &[Item]) -> PageScan {
        let len = items.iter().map(text_len).sum();
        // Room for as many names and words as a page of news usually has, so that the lists
        // seldom grow while the page is scanned.
        let mut scan = PageScan {
            text: String::with_capacity(len),
            places: Vec::with_capacity(len / 128),
            words: Vec::with_capacity(len / 128),
            items: Vec::with_capacity(items.len()),
        };
        let (mut found, mut words) = (Vec::with_capacity(64), Vec::with_capacity(64));
        for item in items {
            scan.push(g, item, &mut found, &mut words);
        }
        scan
    }

    /// Appends an item's text and scans it; `found` and `words` are room for the names and
    /// unit words before they are sorted out.
    fn push(&mut self, g: &Gazetteer, item: &Item, found: &mut Vec<Mention>, words: &mut Vec<UnitWord>) {
        let start = self.text.len();
        let mut line = |part: &Option<String>| {
            if let Some(p) = part {
                self.text.push_str(p);
                self.text.push('\n');
            }
            self.text.len() - start
        };
        let kicker_end = line(&item.kicker);
        line(&item.title);
        let body_start = line(&item.subtitle);
        item.paragraphs.iter().for_each(|p| self.text.push_str(p));
        scan_text(g, &self.text[start..], found, words);
        self.places.extend_from_slice(found);
        self.words.extend_from_slice(words);
        let ends = Ends {
            text: self.text.len(),
            places: self.places.len(),
            words: self.words.len(),
            kicker_end,
            body_start,
        };
        self.items.push(ends);
    }

    /// Each item's text and what was found in it, in page order.
    pub fn items(&self) -> impl Iterator<Item = Scanned<'_>> {
        let starts = std::iter::once(None).chain(self.items.iter().map(Some));
        starts.zip(&self.items).map(|(before, ends)| {
            let from = |end: fn(&Ends) -> usize| before.map_or(0, end);
            let span = |end: fn(&Ends) -> usize| Range { start: from(end), end: end(ends) };
            Scanned {
                text: &self.text[span(|e| e.text)],
                places: &self.places[span(|e| e.places)],
                words: &self.words[span(|e| e.words)],
                kicker_end: ends.kicker_end,
                body_start: ends.body_start,
            }
        })
    }

    /// The page's home city: the city its items name most, when it is also the city most
    /// of the items naming a city name most. A page of a national paper, or one gathered
    /// from several cities' papers, names many cities about equally and has none.
    pub fn home(&self, g: &Gazetteer) -> Option<usize> {
        let home = home_from(g, &self.places)?;
        let (mut naming, mut local, mut votes) = (0, 0, Vec::new());
        for item in self.items() {
            // A city named once in passing does not make an item about it.
            if let Some((city, _)) = item_city(g, item.places, &mut votes).filter(|(_, v)| *v >= 1.0) {
                naming += 1;
                local += usize::from(city == home);
            }
        }
        (2 * local > naming).then_some(home)
    }
}

/// Finds the division names (into `found`) and unit words (into `words`) of one text, both
/// cleared first: one pass over its characters, stopping only where a name or word may end.
pub fn scan_text(g: &Gazetteer, t: &str, found: &mut Vec<Mention>, words: &mut Vec<UnitWord>) {
    found.clear();
    words.clear();
    Candidates::get().each(t, |pos, role| {
        // `push` rather than `extend` from the `Option`: extending reserves room each call.
        let mut named = false;
        if role.name_end
            && let Some(m) = g.name_ending_at(t, pos, role.c)
        {
            named = true;
            found.push(m);
        }
        if !role.words.is_empty() {
            unit_words_ending_at(t, pos, role.c, &role.words, named, words);
        }
    });
    leftmost_longest(found);
    leftmost_words(words);
}

/// The length of an item's text in the scan.
fn text_len(item: &Item) -> usize {
    let heads = [&item.kicker, &item.title, &item.subtitle];
    heads.iter().filter_map(|p| p.as_ref()).map(|p| p.len() + 1).sum::<usize>()
        + item.paragraphs.iter().map(String::len).sum::<usize>()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_item_keeps_its_own_text_names_and_words() {
        let g = crate::classify::Tables::builtin().gazetteer();
        let first = Item {
            kicker: Some("临清市".to_owned()),
            paragraphs: vec!["临清市教育局".to_owned(), "召开会议。".to_owned()],
            ..Item::headline_only("会议召开")
        };
        let second = Item { paragraphs: vec![], ..Item::headline_only("无名") };
        let third = Item {
            paragraphs: vec!["东昌府区新华路街道".to_owned()], ..Item::headline_only("街道")
        };
        let scan = PageScan::of_items(g, &[first, second, third]);
        let got: Vec<(&str, Vec<&str>, usize, usize, usize)> = scan
            .items()
            .map(|s| {
                let names = s.places.iter().map(|m| &s.text[m.start..m.end]).collect();
                (s.text, names, s.words.len(), s.kicker_end, s.body_start)
            })
            .collect();
        let want: Vec<(&str, Vec<&str>, usize, usize, usize)> = vec![
            ("临清市\n会议召开\n临清市教育局召开会议。", vec!["临清市", "临清市"], 1, 10, 23),
            ("无名\n", vec![], 0, 0, 7),
            ("街道\n东昌府区新华路街道", vec!["东昌府区", "新华路街道"], 1, 0, 7),
        ];
        assert_eq!(got, want);
    }
}
