//! Deciding each item's unit (单位) and district (区县).
//!
//! The unit is the kicker when it names one; otherwise the unit the item mentions most, with
//! the headline, subtitle and lead weighing more than the body and a place named after 在
//! weighing less. The district is the county-level division the unit belongs to, `市直` for
//! city-level departments, enterprises and institutions, and otherwise the county the item
//! names most. Township names found in many places are settled by the counties the item
//! names and by the page's home city.

mod clause;
pub mod gazetteer;
pub(crate) mod orgs;
pub(crate) mod page_scan;
mod scanner;
mod tables;
pub(crate) mod unit_words;

use std::sync::LazyLock;

use memchr::memmem;

use crate::classify::scanner::char_before;

use crate::classify::gazetteer::{Gazetteer, Mention};
use crate::classify::orgs::{Org, OrgKind, league_committee, orgs_from};
#[cfg(test)]
use crate::classify::page_scan::home_city;
pub use crate::classify::page_scan::{PageScan, Scanned};
#[cfg(test)]
use crate::model::Item;
use crate::model::{Classes, Confidence, Page};
pub use tables::Tables;

/// A searcher for 。, built once: memmem rather than `str::find`, as a search for the last
/// byte of 。 stops at every character that shares it (a good part of any Chinese text), and
/// built once rather than for each item, as building costs more than searching one lead.
static FULL_STOP: LazyLock<memmem::Finder<'static>> = LazyLock::new(|| memmem::Finder::new("。"));
/// A searcher for the full-width colon of a headline (某街道：…), for the same reasons.
static COLON: LazyLock<memmem::Finder<'static>> = LazyLock::new(|| memmem::Finder::new("："));

/// District name for city-level units.
pub const CITY_LEVEL: &str = "市直";

/// Sets unit and district on every item of a page, and what else classification finds about
/// them (`page.classes`); `home` is the home city of the page's source, if it has one.
pub fn classify_page(page: &mut Page, tables: &Tables, scan: &PageScan, home: Option<usize>) {
    let mut scratch = Scratch::default();
    page.classes.clear();
    for (item, scanned) in page.items.iter_mut().zip(scan.items()) {
        let found = classify_with(scanned, tables, home, &mut scratch);
        item.unit = found.unit;
        item.district = found.district;
        page.classes.push(Classes { line: item.lines[0], ..found.classes });
    }
}

/// What classification finds about one item.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Found {
    /// The unit, if the item names one.
    pub unit: Option<String>,
    /// The district: a county of the home city, `市直`, or one of another city.
    pub district: Option<String>,
    /// Co-units, city and confidence.
    pub classes: Classes,
}

/// What classification finds about one item.
#[cfg(test)]
pub fn classify_item(item: &Item, tables: &Tables, home: Option<usize>) -> Found {
    let scan = PageScan::of_items(tables.gazetteer(), std::slice::from_ref(item));
    let mut scratch = Scratch::default();
    scan.items()
        .next()
        .map_or_else(Found::default, |scanned| classify_with(scanned, tables, home, &mut scratch))
}

/// Lists kept from one item of a page to the next (all borrow the page's scan), so that
/// classifying an item allocates little more than its result.
#[derive(Debug, Default)]
struct Scratch<'s> {
    orgs: Vec<Org<'s>>,
    /// Each unit name found, with its core name and weight.
    weighed: Vec<(Org<'s>, &'s str, f32)>,
    /// One tally for each core name counted, in the order first met.
    tallies: Vec<(&'s str, Tally<'s>)>,
    /// The printed forms of the chosen unit, each once, in the order first met.
    forms: Vec<&'s str>,
    /// The division names in each of those forms.
    form_places: Vec<Vec<Mention>>,
    counties: Counties,
}

/// One unit name's mentions in an item.
#[derive(Debug, Default)]
struct Tally<'t> {
    weight: f32,
    first: usize,
    /// The longest printed form (the last met of equal length).
    longest: &'t str,
    /// Its length in characters.
    longest_chars: usize,
    kind: Option<OrgKind>,
    /// True while every mention is of a place where something happened (after 在, 从).
    locative_only: bool,
    /// The weight of its weightiest mention: 3 or more for one in the kicker or headline.
    heaviest: f32,
}

impl<'t> Tally<'t> {
    /// Counts one more mention.
    fn add(&mut self, org: &Org<'t>, weight: f32) {
        self.locative_only = (self.weight == 0.0 || self.locative_only) && org.locative;
        self.weight += weight;
        self.heaviest = self.heaviest.max(weight);
        self.kind = Some(org.kind);
        let chars = org.name.chars().count();
        if chars >= self.longest_chars {
            (self.longest, self.longest_chars) = (org.name, chars);
        }
    }
}

/// Unit and district of one item whose division names and unit words are known.
fn classify_with<'s>(item: Scanned<'s>, tables: &Tables, home: Option<usize>, s: &mut Scratch<'s>) -> Found {
    let g = tables.gazetteer();
    weigh(item, tables, s);
    // An item names few units: lists searched in order cost less than hashing them.
    s.tallies.clear();
    for (order, (o, core, w)) in s.weighed.iter().enumerate() {
        match s.tallies.iter_mut().find(|(c, _)| c == core) {
            Some((_, t)) => t.add(o, *w),
            None => {
                let mut t = Tally { first: order, ..Tally::default() };
                t.add(o, *w);
                s.tallies.push((core, t));
            }
        }
    }
    // A unit named only as a place where something happened, once, outside the kicker and
    // the headline, is too weak to file the item under.
    let best = s
        .tallies
        .iter()
        .filter(|(_, t)| t.weight >= 2.0 || !t.locative_only)
        .max_by(|a, b| a.1.weight.total_cmp(&b.1.weight).then(b.1.first.cmp(&a.1.first)));
    s.counties.count(g, item, home);
    let Some(&(best_core, ref best)) = best else {
        return district_only(g, home, &s.counties);
    };
    s.forms.clear();
    for (o, core, _) in &s.weighed {
        if *core == best_core && !s.forms.contains(&o.name) {
            s.forms.push(o.name);
        }
    }
    // Each form's division names, found once for both the name shown and the district.
    s.form_places.resize_with(s.forms.len().max(s.form_places.len()), Vec::new);
    for (form, places) in s.forms.iter().zip(&mut s.form_places) {
        g.find_into(form, places);
    }
    let forms = Forms { forms: &s.forms, places: &s.form_places };
    // A unit named by a level alone (市…, 区…, 县…) is one of the home city's; without a home
    // city it names no organisation a reader could find (区政府 in an essay on policy).
    let placed = forms.iter().any(|(_, p)| !p.is_empty());
    let by_level = |l: char| forms.forms.iter().all(|f| league_committee(f).unwrap_or(f).starts_with(l));
    if !placed
        && (home.is_none() && by_level('市') || (by_level('区') || by_level('县')) && s.counties.0.is_empty())
    {
        return district_only(g, home, &s.counties);
    }
    // A zone's name is its own (苏州工业园区 is no 市工业园区): printed as it stands.
    let display = match best.kind {
        Some(OrgKind::Zone) => best.longest.to_owned(),
        _ => {
            // A village the kicker or headline names is what the item is about.
            let village_named = best.heaviest >= 3.0;
            display_name(best.longest, forms.places_of(best.longest), g, home, best.kind, village_named)
        }
    };
    let (district, division, from_unit) = match unit_district(best, forms, g, home, &s.counties) {
        Some((d, i)) => (Some(d), i, true),
        None => {
            let county = s.counties.top_index();
            (county.map(|c| g.division(c).name.clone()), county, false)
        }
    };
    // The city of the district when it is not the home city; of the unit's name when the item
    // has no district.
    let city = match (&district, division) {
        (_, Some(d)) => g.city_of(d).filter(|&c| Some(c) != home).map(|c| g.division(c).name.clone()),
        (Some(_), None) => None,
        (None, None) => form_city(g, forms, home),
    };
    let co_units = co_units(&s.weighed, best_core, &display);
    let strong = best.weight >= 2.0 && !best.locative_only;
    let classes = Classes {
        line: 0,
        co_units,
        city,
        unit: if strong { Confidence::High } else { Confidence::Low },
        district: if from_unit && strong { Confidence::High } else { Confidence::Low },
    };
    Found { unit: Some(display), district, classes }
}

/// What an item naming no unit gets: the county it names most, with its city when that is
/// not the home city, and a low confidence.
fn district_only(g: &Gazetteer, home: Option<usize>, counties: &Counties) -> Found {
    let county = counties.top_index();
    let city = county.and_then(|c| g.city_of(c)).filter(|&c| Some(c) != home);
    Found {
        unit: None,
        district: county.map(|c| g.division(c).name.clone()),
        classes: Classes {
            city: city.map(|c| g.division(c).name.clone()),
            district: Confidence::Low,
            ..Classes::default()
        },
    }
}

/// The city a form of the unit is named after, when it is not the home city.
fn form_city(g: &Gazetteer, forms: Forms, home: Option<usize>) -> Option<String> {
    let city = forms.iter().find_map(|(_, p)| p.iter().find_map(|m| one_city(g, g.candidates(m.name))));
    city.filter(|&c| Some(c) != home).map(|c| g.division(c).name.clone())
}

/// The city all the divisions a name may denote lie in, if they lie in one: a township name
/// found in many places (清水镇) says nothing of its city.
fn one_city(g: &Gazetteer, candidates: &[usize]) -> Option<usize> {
    let mut cities = candidates.iter().map(|&c| g.city_of(c));
    let first = cities.next()??;
    cities.all(|c| c == Some(first)).then_some(first)
}

/// The units joined to the chosen one in the text (A与B: B), each once, without the chosen.
fn co_units(weighed: &[(Org, &str, f32)], core: &str, display: &str) -> Vec<String> {
    let ends_at = |at: usize| weighed.iter().any(|(p, c, _)| *c == core && p.start + p.name.len() == at);
    let mut out: Vec<String> = Vec::new();
    for (o, c, _) in weighed {
        let joined = o.joined_to.is_some_and(ends_at);
        if joined && *c != core && o.name != display && !out.iter().any(|u| u == o.name) {
            out.push(o.name.to_owned());
        }
    }
    out
}

/// Finds the unit names of an item and weighs each (into `s.weighed`): the kicker decides,
/// the headline and subtitle weigh three times the body, the lead twice, a place after 在 half.
fn weigh<'s>(item: Scanned<'s>, tables: &Tables, s: &mut Scratch<'s>) {
    let (g, text, places) = (tables.gazetteer(), item.text, item.places);
    let lead_end = lead_end(item);
    orgs_from(text, item.words, places, tables.departments(), &mut s.orgs);
    // The kicker decides: the units in it, else the kicker itself when it is a town. A
    // county, in the kicker (寿光市 over a story about one of its towns) or before the
    // headline's colon (南部县：…), gives the unit only when the item names no other.
    let in_kicker = s.orgs.iter().any(|o| o.start < item.kicker_end);
    let mut county = None;
    if !in_kicker && item.kicker_end > 0 {
        match whole_place(text, 0..item.kicker_end - 1, g, places) {
            Some((o, true)) => county = Some(o),
            Some((o, false)) => s.orgs.push(o),
            None => {}
        }
    }
    // A headline's part before its colon names what the story is about (某街道：…).
    let title = &text[item.kicker_end..item.body_start];
    let headline = title.split('\n').next().unwrap_or_default();
    let subject_end = COLON.find(headline.as_bytes()).map(|c| item.kicker_end + c);
    if let Some(colon) = subject_end.filter(|_| county.is_none()) {
        let span = item.kicker_end..colon;
        county = whole_place(text, span, g, places).filter(|(_, county)| *county).map(|(o, _)| o);
    }
    s.weighed.clear();
    s.weighed.extend(s.orgs.drain(..).map(|o| {
        let weight = if o.start < item.kicker_end {
            100.0
        } else if subject_end.is_some_and(|c| o.start < c) {
            SUBJECT
        } else if o.start < item.body_start {
            3.0
        } else if o.start < lead_end {
            2.0
        } else {
            1.0
        };
        let (core, weight) = (core_name(text, &o, places), if o.locative { weight / 2.0 } else { weight });
        (o, core, weight)
    }));
    if let Some(o) = county {
        let core = core_name(text, &o, places);
        s.weighed.push((o, core, COUNTY_KICKER));
    }
    keep_counted(&mut s.weighed);
}

/// Where an item's lead (its body's first sentence) ends.
fn lead_end(item: Scanned) -> usize {
    let text = item.text;
    FULL_STOP
        .find(&text.as_bytes()[item.body_start..])
        .map_or(text.len(), |p| item.body_start + p + '。'.len_utf8())
}

/// Drops the mentions that do not count, once for both the tallies and the chosen unit's
/// forms: a name without a place or level before it counts only when the item also names the
/// same unit in full. Order is kept, so the first mention of each unit stays first.
fn keep_counted(weighed: &mut Vec<(Org, &str, f32)>) {
    // Compacted in place: the anchored mentions are all kept, so those before `kept` and from
    // `i` on are still every anchored mention of the item.
    let mut kept = 0;
    for i in 0..weighed.len() {
        let (o, core, _) = &weighed[i];
        let in_full = |(a, c, _): &(Org, &str, f32)| a.anchored && c == core;
        if o.anchored || weighed[..kept].iter().chain(&weighed[i..]).any(in_full) {
            weighed.swap(kept, i);
            kept += 1;
        }
    }
    weighed.truncate(kept);
}

/// The weight of a unit named before the headline's colon: more than any other mention
/// outside the kicker.
const SUBJECT: f32 = 10.0;

/// The weight of a county named as the item's place: less than any mention of a unit.
const COUNTY_KICKER: f32 = 0.25;

/// A line part (`span` of `text`) as a unit when it is one division name of county or
/// township level, and whether it is a county.
fn whole_place<'t>(
    text: &'t str,
    span: std::ops::Range<usize>,
    g: &Gazetteer,
    places: &[Mention],
) -> Option<(Org<'t>, bool)> {
    let whole = places.iter().find(|m| m.start == span.start && m.end == span.end)?;
    let levels = || g.candidates(whole.name).iter().map(|&d| g.division(d).level);
    let county = levels().all(|l| l == 3);
    let name = text.get(span.clone())?;
    let org = Org {
        name,
        start: span.start,
        kind: OrgKind::Township,
        locative: false,
        anchored: true,
        joined_to: None,
    };
    levels().any(|l| l >= 3).then_some((org, county))
}

/// A unit's name without the places before it, so that 聊城市生态环境局 and 市生态环境局,
/// or 东昌府区某街道某社区 and 某社区, count as one.
fn core_name<'t>(text: &'t str, org: &Org, places: &[Mention]) -> &'t str {
    let end = org.start + org.name.len();
    let mut pos = org.start;
    let mut i = places.partition_point(|m| m.start < pos);
    while let Some(m) = places.get(i).filter(|m| m.start == pos && m.end < end) {
        pos = m.end;
        i += 1;
    }
    text[pos..end].trim_start_matches(['市', '区', '县'])
}

/// The printed form to show, from the longest printed. A township or community is known by
/// its own name: the county and city before it are dropped, though a community keeps its
/// street (某街道某社区). A village named with its township is filed under the township,
/// the government the village answers to, unless the kicker or headline names the village
/// (`village_named`). Another unit keeps its place, except the home
/// city's name, shortened to 市, or dropped before a county.
fn display_name(
    longest: &str,
    places: &[Mention],
    g: &Gazetteer,
    home: Option<usize>,
    kind: Option<OrgKind>,
    village_named: bool,
) -> String {
    if matches!(kind, Some(OrgKind::Township | OrgKind::Community)) {
        let village = longest.ends_with('村');
        let levels = |m: &Mention| g.candidates(m.name).iter().map(|&c| g.division(c).level);
        let mut from = 0;
        for m in places {
            if m.start != from || m.end == longest.len() {
                break;
            }
            if village && levels(m).all(|l| l == 4) {
                if !village_named {
                    return longest[from..m.end].to_owned();
                }
                from = m.end;
                continue;
            }
            if !levels(m).all(|l| l <= 3) {
                break;
            }
            from = m.end;
        }
        return longest[from..].to_owned();
    }
    let first = places.first().filter(|m| m.start == 0);
    let Some(m) = first else {
        return longest.to_owned();
    };
    let rest = &longest[m.end..];
    let candidates = g.candidates(m.name);
    let is_home = candidates.iter().any(|&c| Some(c) == home && g.division(c).level <= 2);
    // The division name the rest starts with, if any.
    let next = g.find(rest).into_iter().next().filter(|n| n.start == 0);
    let rest_starts_with =
        |level| next.is_some_and(|n| g.candidates(n.name).iter().any(|&c| g.division(c).level == level));
    if is_home && !rest.is_empty() && next.is_none() {
        format!("市{rest}")
    } else if is_home && rest_starts_with(3) {
        rest.to_owned()
    } else {
        longest.to_owned()
    }
}

/// The printed forms of the chosen unit, each with the division names found in it.
#[derive(Debug, Clone, Copy)]
struct Forms<'a> {
    forms: &'a [&'a str],
    /// For each form, its division names (the list may be longer than `forms`).
    places: &'a [Vec<Mention>],
}

impl<'a> Forms<'a> {
    /// Each form with its division names.
    fn iter(self) -> impl Iterator<Item = (&'a str, &'a [Mention])> {
        self.forms.iter().zip(self.places).map(|(f, p)| (*f, p.as_slice()))
    }

    /// The division names of one of the forms (none for a text that is not one).
    fn places_of(self, form: &str) -> &'a [Mention] {
        self.iter().find(|(f, _)| *f == form).map_or(&[], |(_, p)| p)
    }
}

/// The district of the chosen unit.
fn unit_district(
    t: &Tally,
    forms: Forms,
    g: &Gazetteer,
    home: Option<usize>,
    counties: &Counties,
) -> Option<(String, Option<usize>)> {
    let named = |d: usize| (g.division(d).name.clone(), Some(d));
    // A zone the table lists is a district of its own; one named after a county
    // (柳南区某产业园) lies in that county.
    if t.kind == Some(OrgKind::Zone) {
        let listed = forms.iter().find_map(|(f, p)| g.exactly(f, p).first().map(|&d| named(d)));
        let in_county = || {
            forms.iter().find_map(|(_, p)| {
                let first = p.first().filter(|m| m.start == 0)?;
                let county = pick(g, g.candidates(first.name), home, counties)
                    .filter(|&c| g.division(c).level == 3)?;
                Some(named(county))
            })
        };
        // A zone the table does not list lies in its county, if named; otherwise it is a
        // district of its own only in a home city naming no other city (潍坊高新区 on
        // 潍坊's pages): elsewhere nothing says where it lies.
        let named_other = forms.iter().any(|(_, p)| {
            p.iter()
                .any(|m| g.candidates(m.name).iter().all(|&c| home.is_none_or(|h| g.city_of(c) != Some(h))))
        });
        let own = || (home.is_some() && !named_other).then(|| (t.longest.to_owned(), None));
        return listed.or_else(in_county).or_else(own);
    }
    for (_, places) in forms.iter() {
        for m in places {
            if let Some(county) = pick(g, g.candidates(m.name), home, counties).and_then(|d| g.county_of(d)) {
                return Some(named(county));
            }
        }
    }
    // City-level units belong to the home city: none without one. 市 first, or the Youth
    // League's city committee (团市委); the home city's name first; or an enterprise or
    // institution named after no other place.
    let home = home?;
    let first_places = || forms.iter().filter_map(|(_, p)| p.first().filter(|m| m.start == 0));
    let named_home = first_places()
        .any(|m| g.candidates(m.name).iter().any(|&c| c == home || g.ancestor(home, 1) == Some(c)));
    let named_other = forms.iter().any(|(_, p)| {
        p.iter().any(|m| g.candidates(m.name).iter().all(|&c| g.city_of(c).is_some_and(|city| city != home)))
    });
    let city_level = forms.forms.iter().any(|f| league_committee(f).unwrap_or(f).starts_with('市'))
        && !named_other
        || named_home
        || matches!(t.kind, Some(OrgKind::Enterprise | OrgKind::Institution)) && !named_other;
    city_level.then(|| (CITY_LEVEL.to_owned(), None))
}

/// Of the divisions a name may denote, the one whose county the item names most, else one in
/// the home city; a name denoting a province or city alone gives none.
fn pick(g: &Gazetteer, candidates: &[usize], home: Option<usize>, counties: &Counties) -> Option<usize> {
    let local: Vec<usize> = candidates.iter().copied().filter(|&c| g.division(c).level >= 3).collect();
    if local.is_empty() {
        return None;
    }
    if local.len() == 1 {
        return Some(local[0]);
    }
    let votes = || local.iter().copied().filter_map(|c| Some((c, counties.get(g.county_of(c)?)?)));
    let named = votes().max_by(|a, b| a.1.total_cmp(&b.1));
    // Counties named equally often (the place's own name counting for each) settle nothing.
    let named = named.filter(|&(c, v)| votes().all(|(d, w)| d == c || w < v));
    // Of places the item does not settle, the one in the home city, when it has only one there
    // (a street name two of its districts share settles nothing).
    let mut in_home = local.iter().copied().filter(|&c| home.is_some() && g.city_of(c) == home);
    named.map(|(c, _)| c).or_else(|| in_home.next().filter(|_| in_home.next().is_none()))
}

/// How often an item names each county (directly, or through one of its townships), in the
/// order first named: an item names few, so a list searched in order beats a hash map.
#[derive(Debug, Default)]
struct Counties(Vec<(usize, f32)>);

impl Counties {
    /// Counts the counties of an item's division names, replacing what was counted before.
    /// A name in the headline or lead counts one, one further on a half, one after 从 (moved
    /// from, come from) nothing.
    fn count(&mut self, g: &Gazetteer, item: Scanned, home: Option<usize>) {
        self.0.clear();
        let lead_end = lead_end(item);
        for m in item.places {
            let weight = match char_before(item.text, m.start) {
                Some('从') => continue,
                _ if m.start < lead_end => 1.0,
                _ => 0.5,
            };
            // Walked twice rather than collected: this runs for every division name of every item.
            let counties = || g.candidates(m.name).iter().filter_map(|&c| g.county_of(c));
            // An ambiguous township counts only where it lies in the home city.
            let ambiguous = counties().nth(1).is_some();
            let counted = |c: &usize| !ambiguous || (home.is_some() && g.city_of(*c) == home);
            let share = weight / counties().filter(counted).count() as f32;
            for c in counties().filter(counted) {
                match self.0.iter_mut().find(|(k, _)| *k == c) {
                    Some((_, v)) => *v += share,
                    None => self.0.push((c, share)),
                }
            }
        }
    }

    /// The votes for a county, if any.
    fn get(&self, county: usize) -> Option<f32> {
        self.0.iter().find(|(k, _)| *k == county).map(|(_, v)| *v)
    }

    /// The county named most (of equals, the first in the table), when it is named in the
    /// headline or lead or twice: a county named once in passing is not what the item is
    /// about.
    fn top_index(&self) -> Option<usize> {
        self.0
            .iter()
            .filter(|(_, v)| *v >= 1.0)
            .max_by(|a, b| a.1.total_cmp(&b.1).then(b.0.cmp(&a.0)))
            .map(|&(c, _)| c)
    }
}

#[cfg(test)]
mod tests;
