//! Deciding each item's unit (单位) and district (区县).
//!
//! The unit is the kicker when it names one; otherwise the unit the item mentions most, with
//! the headline, subtitle and lead weighing more than the body and a place named after 在
//! weighing less. The district is the county-level division the unit belongs to, `市直` for
//! city-level departments, enterprises and institutions, and otherwise the county the item
//! names most. Township names found in many places are settled by the counties the item
//! names and by the page's home city.

use std::collections::HashMap;

use super::candidates::Candidates;
use super::gazetteer::{FxBuild, Gazetteer, Mention, leftmost_longest};
use super::model::{Item, ParsedPage};
use super::orgs::{Org, OrgKind, UnitWord, orgs_from, unit_word_at};

/// Votes for divisions (by index), with a fast hasher for the small integer keys.
type Votes = HashMap<usize, f32, FxBuild>;

/// District name for city-level units.
pub const CITY_LEVEL: &str = "市直";

/// The page's home city: the prefecture city its text names most (its counties and
/// townships counting for it too, shared by all the places a name may denote).
pub fn home_city(g: &Gazetteer, text: &str) -> Option<usize> {
    home_from(g, &g.find(text))
}

/// The home city from division names already found.
fn home_from<'m>(g: &Gazetteer, mentions: impl IntoIterator<Item = &'m Mention>) -> Option<usize> {
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
    votes.into_iter().filter(|(_, v)| *v >= 1.5).max_by(|a, b| a.1.total_cmp(&b.1)).map(|(c, _)| c)
}

/// Each item's text (see [`ItemText`]) with the division names and unit words in it, found in
/// one scan and shared between the page's home city and each item's unit and county.
#[derive(Debug, Clone)]
pub struct PageScan(Vec<Scanned>);

/// One item's text and what its scan found.
#[derive(Debug, Clone)]
struct Scanned {
    text: ItemText,
    places: Vec<Mention>,
    words: Vec<UnitWord>,
}

impl PageScan {
    /// Scans every item of a page.
    pub fn new(g: &Gazetteer, page: &ParsedPage) -> PageScan {
        PageScan(page.articles.iter().map(|item| scan(g, ItemText::new(item))).collect())
    }

    /// The city the page's items name most.
    pub fn home(&self, g: &Gazetteer) -> Option<usize> {
        home_from(g, self.0.iter().flat_map(|s| &s.places))
    }
}

/// One pass over an item's text for the characters division names end in and unit words
/// start with (see [`Candidates`]).
fn scan(g: &Gazetteer, text: ItemText) -> Scanned {
    let (mut found, mut words) = (Vec::new(), Vec::new());
    let t = text.text.as_str();
    // `push` rather than `extend` from the `Option`: extending reserves room on every call.
    Candidates::get().each(t, |pos, role| {
        if role.name_end
            && let Some(m) = g.name_ending_at(t, pos, role.c)
        {
            found.push(m);
        }
        if !role.words.is_empty()
            && let Some(w) = unit_word_at(t, pos, role.c, &role.words)
        {
            words.push(w);
        }
    });
    Scanned { places: leftmost_longest(found), words, text }
}

/// Kicker, headline and subtitle of an item, one per line, then its body; with where each
/// part starts, so that one search over it serves all parts.
#[derive(Debug, Clone)]
struct ItemText {
    text: String,
    /// End of the kicker's line (0 without a kicker).
    kicker_end: usize,
    /// Start of the body.
    body_start: usize,
}

impl ItemText {
    fn new(item: &Item) -> ItemText {
        let heads = [&item.kicker, &item.title, &item.subtitle];
        let len = heads.iter().filter_map(|p| p.as_ref()).map(|p| p.len() + 1).sum::<usize>()
            + item.paragraphs.iter().map(String::len).sum::<usize>();
        let mut text = String::with_capacity(len);
        let mut line = |part: &Option<String>| {
            if let Some(p) = part {
                text.push_str(p);
                text.push('\n');
            }
            text.len()
        };
        let kicker_end = line(&item.kicker);
        line(&item.title);
        let body_start = line(&item.subtitle);
        item.paragraphs.iter().for_each(|p| text.push_str(p));
        ItemText { text, kicker_end, body_start }
    }
}

/// Sets unit and district on every item of a page; `home` is the page's home city (see
/// [`PageScan::home`]), or the archive's when the page names none.
pub fn classify_page(page: &mut ParsedPage, g: &Gazetteer, scan: &PageScan, home: Option<usize>) {
    for (item, scanned) in page.articles.iter_mut().zip(&scan.0) {
        let (unit, district) = classify_with(scanned, g, home);
        item.unit = unit;
        item.district = district;
    }
}

/// One unit name's mentions in an item.
#[derive(Debug, Default)]
struct Tally<'t> {
    weight: f32,
    first: usize,
    /// The printed forms, each once, in the order first met.
    forms: Vec<&'t str>,
    /// The longest printed form (the last met of equal length).
    longest: &'t str,
    /// Its length in characters.
    longest_chars: usize,
    kind: Option<OrgKind>,
}

impl<'t> Tally<'t> {
    /// Counts one more mention printed as `form`.
    fn add(&mut self, form: &'t str, weight: f32, kind: OrgKind) {
        self.weight += weight;
        self.kind = Some(kind);
        let chars = form.chars().count();
        if chars >= self.longest_chars {
            (self.longest, self.longest_chars) = (form, chars);
        }
        if !self.forms.contains(&form) {
            self.forms.push(form);
        }
    }
}

/// Unit and district of one item.
pub fn classify_item(item: &Item, g: &Gazetteer, home: Option<usize>) -> (Option<String>, Option<String>) {
    classify_with(&scan(g, ItemText::new(item)), g, home)
}

/// Unit and district of one item whose division names are known.
fn classify_with(scanned: &Scanned, g: &Gazetteer, home: Option<usize>) -> (Option<String>, Option<String>) {
    let (item, places) = (&scanned.text, scanned.places.as_slice());
    let text = item.text.as_str();
    // memmem rather than `str::find`: a search for the last byte of 。 stops at every
    // character that shares it, a good part of any Chinese text.
    let lead_end = memchr::memmem::find(&text.as_bytes()[item.body_start..], "。".as_bytes())
        .map_or(text.len(), |p| item.body_start + p + '。'.len_utf8());
    let mut orgs = orgs_from(text, &scanned.words, places);
    // The kicker decides: the units in it, else the kicker itself when it is a place.
    let in_kicker = orgs.iter().any(|o| o.start < item.kicker_end);
    if !in_kicker && item.kicker_end > 0 {
        orgs.extend(kicker_place(text, item.kicker_end, g, places));
    }
    // Each mention with its core name and weight: the kicker decides, the headline and
    // subtitle weigh three times the body, the lead twice, a place after 在 half.
    let mentions: Vec<(&Org, &str, f32)> = orgs
        .iter()
        .map(|o| {
            let weight = if o.start < item.kicker_end {
                100.0
            } else if o.start < item.body_start {
                3.0
            } else if o.start < lead_end {
                2.0
            } else {
                1.0
            };
            (o, core_name(text, o, places), if o.locative { weight / 2.0 } else { weight })
        })
        .collect();
    // An item names few units: lists searched in order cost less than hashing them.
    let mut tallies: Vec<(&str, Tally)> = Vec::new();
    for (order, (o, core, w)) in mentions.iter().enumerate() {
        if !o.anchored && !mentions.iter().any(|(a, c, _)| a.anchored && c == core) {
            continue;
        }
        match tallies.iter_mut().find(|(c, _)| c == core) {
            Some((_, t)) => t.add(o.name, *w, o.kind),
            None => {
                let mut t = Tally { first: order, ..Tally::default() };
                t.add(o.name, *w, o.kind);
                tallies.push((core, t));
            }
        }
    }
    let best = tallies
        .into_iter()
        .map(|(_, t)| t)
        .max_by(|a, b| a.weight.total_cmp(&b.weight).then(b.first.cmp(&a.first)));
    let counties = county_votes(g, places, home);
    let Some(best) = best else {
        return (None, top_county(&counties, g));
    };
    let display = display_name(best.longest, g, home);
    let district = unit_district(&best, g, home, &counties).or_else(|| top_county(&counties, g));
    (Some(display), district)
}

/// The kicker as a unit when it is a place of county or township level (its line, without
/// the line end, is one division name).
fn kicker_place<'t>(text: &'t str, kicker_end: usize, g: &Gazetteer, places: &[Mention]) -> Option<Org<'t>> {
    let end = kicker_end.checked_sub(1)?;
    let whole = places.first().filter(|m| m.start == 0 && m.end == end)?;
    g.candidates(whole.name).iter().any(|&d| g.division(d).level >= 3).then(|| Org {
        name: &text[..end],
        start: 0,
        kind: OrgKind::Township,
        locative: false,
        anchored: true,
    })
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

/// The printed form to show, from the longest printed: the home city's name shortened to 市
/// and a county dropped before a township (某街道某社区 rather than 某区某街道某社区).
fn display_name(longest: &str, g: &Gazetteer, home: Option<usize>) -> String {
    let first = g.find(longest).into_iter().next().filter(|m| m.start == 0);
    let Some(m) = first else {
        return longest.to_owned();
    };
    let rest = &longest[m.end..];
    let candidates = g.candidates(m.name);
    let is_home = candidates.iter().any(|&c| Some(c) == home && g.division(c).level <= 2);
    let is_county = candidates.iter().any(|&c| g.division(c).level == 3);
    // The division name the rest starts with, if any.
    let next = g.find(rest).into_iter().next().filter(|n| n.start == 0);
    let rest_starts_with_township =
        next.is_some_and(|n| g.candidates(n.name).iter().any(|&c| g.division(c).level == 4));
    if is_home && !rest.is_empty() && next.is_none() {
        format!("市{rest}")
    } else if is_county && rest_starts_with_township {
        rest.to_owned()
    } else {
        longest.to_owned()
    }
}

/// The district of the chosen unit.
fn unit_district(t: &Tally, g: &Gazetteer, home: Option<usize>, counties: &Votes) -> Option<String> {
    // A zone is a district of its own: the table's name for it when listed, else as printed.
    if t.kind == Some(OrgKind::Zone) {
        let listed = t.forms.iter().find_map(|f| g.lookup(f).first().map(|&d| g.division(d).name.clone()));
        return listed.or_else(|| (!t.forms.is_empty()).then(|| t.longest.to_owned()));
    }
    for form in &t.forms {
        for m in g.find(form) {
            if let Some(county) = pick(g, g.candidates(m.name), home, counties).and_then(|d| g.county_of(d)) {
                return Some(g.division(county).name.clone());
            }
        }
    }
    let city_level = t.forms.iter().any(|f| f.starts_with('市'))
        || t.forms.iter().any(|f| {
            g.find(f).first().is_some_and(|m| g.candidates(m.name).iter().any(|&c| g.division(c).level <= 2))
        })
        || matches!(t.kind, Some(OrgKind::Enterprise | OrgKind::Institution));
    city_level.then(|| CITY_LEVEL.to_owned())
}

/// Of the divisions a name may denote, the one whose county the item names most, else one in
/// the home city; a name denoting a province or city alone gives none.
fn pick(g: &Gazetteer, candidates: &[usize], home: Option<usize>, counties: &Votes) -> Option<usize> {
    let local: Vec<usize> = candidates.iter().copied().filter(|&c| g.division(c).level >= 3).collect();
    if local.is_empty() {
        return None;
    }
    if local.len() == 1 {
        return Some(local[0]);
    }
    let named = local
        .iter()
        .copied()
        .filter_map(|c| Some((c, *counties.get(&g.county_of(c)?)?)))
        .max_by(|a, b| a.1.total_cmp(&b.1));
    named.map(|(c, _)| c).or_else(|| local.iter().copied().find(|&c| home.is_some() && g.city_of(c) == home))
}

/// How often the item names each county (directly, or through one of its townships).
fn county_votes(g: &Gazetteer, mentions: &[Mention], home: Option<usize>) -> Votes {
    let mut votes = Votes::default();
    for m in mentions {
        // Walked twice rather than collected: this runs for every division name of every item.
        let counties = || g.candidates(m.name).iter().filter_map(|&c| g.county_of(c));
        // An ambiguous township counts only where it lies in the home city.
        let ambiguous = counties().nth(1).is_some();
        let counted = |c: &usize| !ambiguous || (home.is_some() && g.city_of(*c) == home);
        let share = 1.0 / counties().filter(counted).count() as f32;
        for c in counties().filter(counted) {
            *votes.entry(c).or_default() += share;
        }
    }
    votes
}

fn top_county(votes: &Votes, g: &Gazetteer) -> Option<String> {
    votes
        .iter()
        .max_by(|a, b| a.1.total_cmp(b.1).then(b.0.cmp(a.0)))
        .map(|(&c, _)| g.division(c).name.clone())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn item(kicker: Option<&str>, title: &str, body: &str) -> Item {
        Item {
            kicker: kicker.map(str::to_owned),
            paragraphs: vec![body.to_owned()],
            ..Item::headline_only(title)
        }
    }

    #[test]
    fn resolution_cases() {
        type Case<'a> = (&'a str, Option<&'a str>, &'a str, &'a str, Option<&'a str>, Option<&'a str>);
        let cases: [Case; 12] = [
            (
                "zone not in the tables",
                None,
                "新签约项目8个",
                "近日，河湾经济技术开发区新签约项目8个。",
                Some("河湾经济技术开发区"),
                Some("河湾经济技术开发区"),
            ),
            (
                "kicker names the unit",
                Some("历城区住建局"),
                "工地上的党员先锋岗",
                "近日，济南市历城区的工地上，检测人员正在作业。",
                Some("历城区住建局"),
                Some("历城区"),
            ),
            (
                "lead names it, home city shortened",
                None,
                "生态环境执法显成效",
                "近日，济南市生态环境局在历下区开展执法检查。随后，济南市生态环境局召开会议。",
                Some("市生态环境局"),
                Some(CITY_LEVEL),
            ),
            (
                "department alias",
                None,
                "市发改委召开项目推进会",
                "会上，各区县汇报了项目进展。",
                Some("市发改委"),
                Some(CITY_LEVEL),
            ),
            (
                "ambiguous street settled by the county named",
                Some("新华路街道"),
                "夜校开课了",
                "任丘市新华路街道组织居民参加夜校学习。",
                Some("新华路街道"),
                Some("任丘市"),
            ),
            (
                "the same street elsewhere",
                Some("新华路街道"),
                "夜校开课了",
                "巩义市新华路街道组织居民参加夜校学习。",
                Some("新华路街道"),
                Some("巩义市"),
            ),
            (
                "old county name",
                None,
                "教育局推进课后服务",
                "近日，兖州市教育局召开课后服务推进会。",
                Some("兖州市教育局"),
                Some("兖州区"),
            ),
            (
                "development zone",
                Some("聊城高新技术产业开发区"),
                "项目集中开工",
                "开发区内12个项目集中开工。",
                Some("聊城高新技术产业开发区"),
                Some("聊城高新技术产业开发区"),
            ),
            (
                "enterprise",
                None,
                "安全生产月活动启动",
                "6月1日，山东高速集团有限公司启动安全生产月活动。",
                Some("山东高速集团有限公司"),
                Some(CITY_LEVEL),
            ),
            (
                "a sentence ending in 镇 is no town's name",
                None,
                "篮球赛开赛",
                "5月4日，新泰市羊流镇第二届篮球赛在镇文化广场开赛。",
                Some("羊流镇"),
                Some("新泰市"),
            ),
            (
                "乡村 is a word, not a township",
                None,
                "篮球赛开赛",
                "5月4日，新泰市羊流镇第二届乡村篮球赛开赛。",
                Some("羊流镇"),
                Some("新泰市"),
            ),
            ("no unit at all", None, "夏日荷花开", "盛夏时节，荷花竞相开放，吸引市民前来观赏。", None, None),
        ];
        let g = Gazetteer::get();
        for (name, kicker, title, body, unit, district) in cases {
            let it = item(kicker, title, body);
            let home = home_city(g, &format!("{title}{body}"));
            let (got_unit, got_district) = classify_item(&it, g, home);
            assert_eq!(got_unit.as_deref(), unit, "{name}: unit");
            assert_eq!(got_district.as_deref(), district, "{name}: district");
        }
    }

    #[test]
    fn home_city_is_the_city_named_most() {
        let g = Gazetteer::get();
        let home = home_city(g, "济南市历下区、历城区和章丘区的代表，以及青岛的客人")
            .map(|c| g.division(c).name.clone());
        assert_eq!(home.as_deref(), Some("济南市"));
        assert_eq!(home_city(g, "没有地名的一段话"), None);
    }
}
