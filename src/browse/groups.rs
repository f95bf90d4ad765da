//! Grouping items into a tree (district → unit → item, unit → item, author → item,
//! date → page → item) with counts rolled up to every parent.
//!
//! Groups are named by [`GroupKey`]s: a name as printed, or one of the groups Baokan makes
//! itself (no district, no unit, no byline, no date, a page), which the interfaces word.

use std::cmp::Ordering;
use std::collections::{BTreeMap, HashMap};

use serde::{Deserialize, Serialize};

use crate::browse::collate::collate;
use crate::classify::Tables;
use crate::model::{Confidence, Document, Item, Page};

/// What to group by (the window keeps the choice in its settings).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
pub enum By {
    /// District, then unit.
    #[default]
    District,
    /// Unit.
    Unit,
    /// Author (an item with two authors is under both).
    Author,
    /// Date, then page.
    Date,
}

impl By {
    /// All groupings, in menu order.
    pub const ALL: [By; 4] = [By::District, By::Unit, By::Author, By::Date];

    /// Reads `district`, `unit`, `author` or `date` (or their Chinese names).
    pub fn parse(s: &str) -> Option<By> {
        match s {
            "district" | "区县" => Some(By::District),
            "unit" | "单位" => Some(By::Unit),
            "author" | "作者" => Some(By::Author),
            "date" | "日期" => Some(By::Date),
            _ => None,
        }
    }
}

/// What names a group of the tree.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum GroupKey {
    /// A district, unit, author or date as printed (and, for a leaf, the item's label).
    Named(String),
    /// Items without a district.
    NoDistrict,
    /// Items without a unit.
    NoUnit,
    /// Items without a byline.
    NoAuthor,
    /// Pages without a date.
    NoDate,
    /// A page by its printed number (版次).
    Page(u32),
    /// A page without a printed number, by its source and place there.
    SourcePage {
        /// The file or zip entry.
        source: String,
        /// The page within it (1-based).
        page: usize,
    },
}

impl GroupKey {
    /// A name, or the placeholder when there is none.
    fn or(name: Option<&String>, none: GroupKey) -> GroupKey {
        name.map_or(none, |n| GroupKey::Named(n.clone()))
    }

    /// The kinds in tree order: names first, the groups of what is missing last.
    fn rank(&self) -> u8 {
        match self {
            GroupKey::Named(_) => 0,
            GroupKey::SourcePage { .. } => 1,
            GroupKey::Page(_) => 2,
            GroupKey::NoDistrict | GroupKey::NoUnit | GroupKey::NoAuthor | GroupKey::NoDate => 3,
        }
    }
}

/// Names in pinyin order ([`collate`]); pages in the order their printed labels (第03版, 第3页) always
/// had in the tree, which the command line's `groups` output keeps: a number sorts after the
/// longer numbers it begins (第10页 before 第1页).
impl Ord for GroupKey {
    fn cmp(&self, other: &Self) -> Ordering {
        let printed = |a: String, b: String| (a + "~").cmp(&(b + "~"));
        match (self, other) {
            (GroupKey::Named(a), GroupKey::Named(b)) => collate(a, b),
            (GroupKey::Page(a), GroupKey::Page(b)) => printed(format!("{a:02}"), format!("{b:02}")),
            (GroupKey::SourcePage { source: a, page: p }, GroupKey::SourcePage { source: b, page: q }) => {
                a.cmp(b).then_with(|| printed(p.to_string(), q.to_string()))
            }
            _ => self.rank().cmp(&other.rank()),
        }
    }
}

impl PartialOrd for GroupKey {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

/// One node of the tree; leaves are items.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Node {
    /// The group's key; for a leaf, the item's label as [`GroupKey::Named`].
    pub key: GroupKey,
    /// Items under this node.
    pub count: usize,
    /// Subgroups or items.
    pub children: Vec<Node>,
    /// For a leaf, the item's position in the document (pages in order, items in page order).
    pub item: Option<usize>,
}

impl Node {
    /// The document positions of the items under this node, in tree order.
    pub fn items(&self) -> Vec<usize> {
        let mut out = Vec::with_capacity(self.count);
        self.collect(&mut out);
        out
    }

    /// True when the children are subgroups. A node's children are all subgroups or all
    /// items (see [`group`]), so the first one tells, without walking thousands of leaves.
    pub fn has_subgroups(&self) -> bool {
        self.children.first().is_some_and(|c| c.item.is_none())
    }

    fn collect(&self, out: &mut Vec<usize>) {
        out.extend(self.item);
        self.children.iter().for_each(|c| c.collect(out));
    }
}

/// How many of a group's items a filter keeps, with the same for its subgroups: a mirror of
/// a [`Node`] that stops above the items.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Kept {
    /// Items kept under this group.
    pub count: usize,
    /// The subgroups' counts, in the node's order (empty when its children are items).
    pub children: Vec<Kept>,
}

/// Counts, for every group of a tree, the items `keep` keeps (one flag per document
/// position, as [`SearchIndex::matching`](crate::browse::search::SearchIndex::matching) gives).
pub fn count_kept(tree: &[Node], keep: &[bool]) -> Vec<Kept> {
    tree.iter().map(|n| kept(n, keep)).collect()
}

fn kept(node: &Node, keep: &[bool]) -> Kept {
    let is_kept = |n: &Node| n.item.is_some_and(|i| keep.get(i) == Some(&true));
    if node.item.is_some() {
        return Kept { count: usize::from(is_kept(node)), children: Vec::new() };
    }
    if !node.has_subgroups() {
        return Kept { count: node.children.iter().filter(|c| is_kept(c)).count(), children: Vec::new() };
    }
    let children: Vec<Kept> = node.children.iter().map(|c| kept(c, keep)).collect();
    Kept { count: children.iter().map(|c| c.count).sum(), children }
}

/// How units and districts are grouped.
#[derive(Debug, Clone, Copy)]
pub struct Options<'a> {
    /// The tables whose department names make one group of a unit's printed forms.
    pub tables: &'a Tables,
    /// Leave out the units and districts classification is not sure of: their items group
    /// under no unit or no district.
    pub confident: bool,
}

impl Default for Options<'_> {
    fn default() -> Self {
        Options { tables: Tables::builtin(), confident: false }
    }
}

/// Groups a document's items, units by their printed forms and the embedded tables.
pub fn group(doc: &Document, by: By) -> Vec<Node> {
    group_with(doc, by, &Options::default())
}

/// Groups a document's items. A unit printed in several forms (市生态环境局, 聊城市生态环境局,
/// a short form) is one group, named by its most printed form; a body inside a unit
/// (…局机关党支部) is a subgroup of it. Places in another city group under that city.
pub fn group_with(doc: &Document, by: By, options: &Options) -> Vec<Node> {
    let units = UnitNames::new(doc, options);
    let mut root = Branch::default();
    let items = doc.pages.iter().flat_map(|p| p.items.iter().map(move |a| (p, a)));
    for (order, (page, item)) in items.enumerate() {
        for path in paths(page, item, by, &units, options.confident) {
            root.insert(&path, (label(item), order));
        }
    }
    root.into_nodes(by != By::Date)
}

/// Groups and items under one group while the tree is built; groups in key order.
#[derive(Debug, Default)]
struct Branch {
    groups: BTreeMap<GroupKey, Branch>,
    leaves: Vec<(String, usize)>,
}

impl Branch {
    fn insert(&mut self, path: &[GroupKey], leaf: (String, usize)) {
        match path.split_first() {
            Some((key, rest)) => self.groups.entry(key.clone()).or_default().insert(rest, leaf),
            None => self.leaves.push(leaf),
        }
    }

    /// The subgroups (biggest first when `by_count`, else in key order) and then the items,
    /// in document order.
    fn into_nodes(self, by_count: bool) -> Vec<Node> {
        let mut groups: Vec<Node> = self
            .groups
            .into_iter()
            .map(|(key, b)| {
                let children = b.into_nodes(by_count);
                Node { key, count: children.iter().map(|c| c.count).sum(), children, item: None }
            })
            .collect();
        if by_count {
            groups.sort_by(|a, b| b.count.cmp(&a.count).then_with(|| a.key.cmp(&b.key)));
        }
        let leaves = self.leaves.into_iter().map(|(name, i)| Node {
            key: GroupKey::Named(name),
            count: 1,
            children: Vec::new(),
            item: Some(i),
        });
        groups.extend(leaves);
        groups
    }
}

/// The group path of each unit printed in a document: one key for its printed forms
/// ([`Tables::unit_key`]) named by the form printed most, under the unit it is a body of, if
/// any, and doubled for a unit with bodies (its own items sit in a subgroup beside them).
/// Worked out once per printed form, as an archive prints thousands of units.
struct UnitNames<'d> {
    paths: HashMap<&'d str, Vec<GroupKey>>,
}

impl<'d> UnitNames<'d> {
    fn new(doc: &'d Document, options: &Options) -> UnitNames<'d> {
        let home = doc.home_city.as_deref();
        // Each printed form's key, and each key's forms with how often each is printed.
        let mut keys: HashMap<&str, String> = HashMap::new();
        let mut forms: HashMap<String, Vec<(&str, usize)>> = HashMap::new();
        for unit in doc.pages.iter().flat_map(|p| &p.items).filter_map(|i| i.unit.as_deref()) {
            let key = keys.entry(unit).or_insert_with(|| options.tables.unit_key(unit, home));
            let list = forms.entry(key.clone()).or_default();
            match list.iter_mut().find(|(f, _)| *f == unit) {
                Some((_, n)) => *n += 1,
                None => list.push((unit, 1)),
            }
        }
        let name = |key: &str| {
            // The most printed form; of equals, the first met.
            let most = forms.get(key).and_then(|f| f.iter().rev().max_by_key(|(_, n)| *n));
            GroupKey::Named(most.map_or_else(|| key.to_owned(), |(f, _)| (*f).to_owned()))
        };
        // The shortest other unit a key starts with is the one it is a body of.
        let parent = |key: &str| -> Option<String> {
            key.char_indices()
                .skip(1)
                .map(|(i, _)| &key[..i])
                .find(|k| forms.contains_key(*k))
                .map(str::to_owned)
        };
        let parents: HashMap<&str, String> =
            forms.keys().filter_map(|k| parent(k).map(|p| (k.as_str(), p))).collect();
        let has_bodies: std::collections::HashSet<&str> = parents.values().map(String::as_str).collect();
        let paths = keys
            .iter()
            .map(|(unit, key)| {
                let mut path: Vec<GroupKey> =
                    parents.get(key.as_str()).map(|p| name(p)).into_iter().collect();
                path.push(name(key));
                if has_bodies.contains(key.as_str()) {
                    path.push(name(key));
                }
                (*unit, path)
            })
            .collect();
        UnitNames { paths }
    }

    /// The group path of a printed unit.
    fn path(&self, unit: &str) -> Vec<GroupKey> {
        self.paths.get(unit).cloned().unwrap_or_else(|| vec![GroupKey::Named(unit.to_owned())])
    }
}

/// The group paths an item belongs to (an item with two authors is under both).
fn paths(page: &Page, item: &Item, by: By, units: &UnitNames, confident: bool) -> Vec<Vec<GroupKey>> {
    let classes = page.classes_of(item).filter(|_| !item.edited);
    let (unit_sure, district_sure) = page.confidence(item);
    let sure = |c: Confidence| !confident || c == Confidence::High;
    let unit = item.unit.as_deref().filter(|_| sure(unit_sure));
    let unit_path = || unit.map_or_else(|| vec![GroupKey::NoUnit], |u| units.path(u));
    match by {
        By::District => {
            let district = item.district.as_ref().filter(|_| sure(district_sure));
            let mut path: Vec<GroupKey> =
                classes.and_then(|c| c.city.clone()).map(GroupKey::Named).into_iter().collect();
            path.push(GroupKey::or(district, GroupKey::NoDistrict));
            path.extend(unit_path());
            vec![path]
        }
        By::Unit => vec![unit_path()],
        By::Author if item.authors.is_empty() => vec![vec![GroupKey::NoAuthor]],
        By::Author => item.authors.iter().map(|a| vec![GroupKey::Named(a.name.clone())]).collect(),
        By::Date => {
            let page_key = match page.page_no {
                Some(n) => GroupKey::Page(n),
                None => GroupKey::SourcePage { source: page.source.clone(), page: page.index },
            };
            vec![vec![GroupKey::or(page.date.as_ref(), GroupKey::NoDate), page_key]]
        }
    }
}

/// An item's label in the tree: its title, or the start of its text.
pub fn label(item: &Item) -> String {
    match &item.title {
        Some(t) => t.clone(),
        None => {
            let text: String =
                item.paragraphs.first().map(|p| p.chars().take(20).collect()).unwrap_or_default();
            format!("〔图〕{text}…")
        }
    }
}

/// Writes the tree as indented lines, `name (count)` for groups and the title for items,
/// each key named by `name`.
pub fn render(nodes: &[Node], name: &dyn Fn(&GroupKey) -> String) -> String {
    let mut out = String::new();
    fn walk(out: &mut String, nodes: &[Node], depth: usize, name: &dyn Fn(&GroupKey) -> String) {
        for n in nodes {
            out.push_str(&"  ".repeat(depth));
            if n.children.is_empty() {
                out.push_str(&name(&n.key));
            } else {
                out.push_str(&format!("{} ({})", name(&n.key), n.count));
            }
            out.push('\n');
            walk(out, &n.children, depth + 1, name);
        }
    }
    walk(&mut out, nodes, 0, name);
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Author, Classes};

    fn item(title: &str, unit: Option<&str>, district: Option<&str>, authors: &[&str]) -> Item {
        Item {
            authors: authors.iter().map(|a| Author { name: (*a).to_owned(), role: None }).collect(),
            paragraphs: vec!["正文。".to_owned()],
            unit: unit.map(str::to_owned),
            district: district.map(str::to_owned),
            ..Item::headline_only(title)
        }
    }

    fn doc() -> Document {
        let page = |n: u32, items: Vec<Item>| Page {
            source: format!("{n}.txt"),
            index: 1,
            date: Some("2024-03-15".to_owned()),
            page_no: Some(n),
            items,
            ..Page::default()
        };
        Document {
            pages: vec![
                page(
                    2,
                    vec![
                        item("甲", Some("市教育局"), Some("市直"), &["王一"]),
                        item("乙", Some("东城街道"), Some("东城区"), &["王一", "李二"]),
                    ],
                ),
                page(
                    3,
                    vec![item("丙", Some("市教育局"), Some("市直"), &[]), item("丁", None, None, &["李二"])],
                ),
            ],
            ..Document::default()
        }
    }

    #[test]
    fn trees_and_counts() {
        let cases = [
            (
                By::District,
                "市直 (2)\n  市教育局 (2)\n    甲\n    丙\n东城区 (1)\n  东城街道 (1)\n    乙\nNoDistrict (1)\n  NoUnit (1)\n    丁\n",
            ),
            (By::Unit, "市教育局 (2)\n  甲\n  丙\n东城街道 (1)\n  乙\nNoUnit (1)\n  丁\n"),
            (By::Author, "李二 (2)\n  乙\n  丁\n王一 (2)\n  甲\n  乙\nNoAuthor (1)\n  丙\n"),
            (By::Date, "2024-03-15 (4)\n  Page(2) (2)\n    甲\n    乙\n  Page(3) (2)\n    丙\n    丁\n"),
        ];
        let name = |k: &GroupKey| match k {
            GroupKey::Named(n) => n.clone(),
            other => format!("{other:?}"),
        };
        for (by, want) in cases {
            assert_eq!(render(&group(&doc(), by), &name), want, "{by:?}");
        }
    }

    #[test]
    fn keys_keep_the_order_of_their_printed_labels() {
        let named = |n: &str| GroupKey::Named(n.to_owned());
        let at = |page| GroupKey::SourcePage { source: "a.txt".to_owned(), page };
        let mut keys = vec![
            GroupKey::NoDistrict,
            named("東"),
            GroupKey::Page(100),
            GroupKey::Page(3),
            GroupKey::Page(10),
            at(1),
            at(10),
            at(2),
            named("2024-03-15"),
        ];
        keys.sort();
        let want = [
            named("2024-03-15"),
            named("東"),
            at(10),
            at(1),
            at(2),
            GroupKey::Page(3),
            GroupKey::Page(100),
            GroupKey::Page(10),
            GroupKey::NoDistrict,
        ];
        assert_eq!(keys, want, "第03版 < 第100版 < 第10版, as the labels sorted");
    }

    #[test]
    fn counts_follow_a_filter() {
        let k = |count, children| Kept { count, children };
        let keep = [true, false, true, false];
        let cases = [
            (
                By::District,
                vec![k(2, vec![k(2, vec![])]), k(0, vec![k(0, vec![])]), k(0, vec![k(0, vec![])])],
            ),
            (By::Unit, vec![k(2, vec![]), k(0, vec![]), k(0, vec![])]),
            (By::Author, vec![k(0, vec![]), k(1, vec![]), k(1, vec![])]),
            (By::Date, vec![k(2, vec![k(1, vec![]), k(1, vec![])])]),
        ];
        for (by, want) in cases {
            assert_eq!(count_kept(&group(&doc(), by), &keep), want, "{by:?}");
        }
    }

    /// An item's headline, unit, district, city and confidence.
    type Classified<'a> = (&'a str, Option<&'a str>, Option<&'a str>, Option<&'a str>, Confidence);

    /// A page of items, each with its unit, district, city and confidence.
    fn classified(items: &[Classified]) -> Document {
        let mut page = Page { source: "a.txt".to_owned(), index: 1, ..Page::default() };
        for (line, &(title, unit, district, city, sure)) in items.iter().enumerate() {
            page.items.push(Item { lines: [line + 1, line + 1], ..item(title, unit, district, &[]) });
            page.classes.push(Classes {
                line: line + 1,
                city: city.map(str::to_owned),
                unit: sure,
                district: sure,
                ..Classes::default()
            });
        }
        Document { pages: vec![page], home_city: Some("河湾市".to_owned()), ..Document::default() }
    }

    #[test]
    fn the_department_view_merges_forms_and_nests_bodies() {
        let high = Confidence::High;
        let doc = classified(&[
            ("甲", Some("市星火局"), Some("市直"), None, high),
            ("乙", Some("河湾市星火局"), Some("市直"), None, high),
            ("丙", Some("市星火局机关党支部"), Some("市直"), None, high),
            ("丁", Some("市发改委"), Some("市直"), None, high),
            ("戊", Some("市发展和改革委员会"), Some("市直"), None, high),
            ("己", Some("泉城路街道"), Some("历下区"), Some("济南市"), high),
        ]);
        let name = |k: &GroupKey| match k {
            GroupKey::Named(n) => n.clone(),
            other => format!("{other:?}"),
        };
        let cases = [
            (
                By::Unit,
                "市星火局 (3)\n  市星火局 (2)\n    甲\n    乙\n  市星火局机关党支部 (1)\n    丙\n\
                 市发改委 (2)\n  丁\n  戊\n泉城路街道 (1)\n  己\n",
            ),
            (
                By::District,
                "市直 (5)\n  市星火局 (3)\n    市星火局 (2)\n      甲\n      乙\n    市星火局机关党支部 (1)\n      丙\n\
                 \x20 市发改委 (2)\n    丁\n    戊\n济南市 (1)\n  历下区 (1)\n    泉城路街道 (1)\n      己\n",
            ),
        ];
        for (by, want) in cases {
            assert_eq!(render(&group(&doc, by), &name), want, "{by:?}");
        }
    }

    #[test]
    fn unsure_units_and_districts_can_be_left_out() {
        let doc = classified(&[
            ("甲", Some("市星火局"), Some("市直"), None, Confidence::High),
            ("乙", Some("东城街道"), Some("东城区"), None, Confidence::Low),
        ]);
        let name = |k: &GroupKey| match k {
            GroupKey::Named(n) => n.clone(),
            other => format!("{other:?}"),
        };
        let cases = [
            (false, "东城区 (1)\n  东城街道 (1)\n    乙\n市直 (1)\n  市星火局 (1)\n    甲\n"),
            (true, "市直 (1)\n  市星火局 (1)\n    甲\nNoDistrict (1)\n  NoUnit (1)\n    乙\n"),
        ];
        for (confident, want) in cases {
            let options = Options { confident, ..Options::default() };
            assert_eq!(render(&group_with(&doc, By::District, &options), &name), want, "{confident}");
        }
    }

    #[test]
    fn grouping_names() {
        assert_eq!(By::parse("district"), Some(By::District));
        assert_eq!(By::parse("作者"), Some(By::Author));
        assert_eq!(By::parse("weekday"), None);
    }
}
