//! Grouping items into a tree (district → unit → item, unit → item, author → item,
//! date → page → item) with counts rolled up to every parent.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::model::{Document, Item, Page};

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

/// One node of the tree; leaves are items.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Node {
    /// Group name, or the item's title for a leaf.
    pub name: String,
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

/// Label for items without a district.
pub const NO_DISTRICT: &str = "（未定区县）";
/// Label for items without a unit.
pub const NO_UNIT: &str = "（未定单位）";
/// Label for items without a byline.
pub const NO_AUTHOR: &str = "（无署名）";
/// Label for pages without a date.
pub const NO_DATE: &str = "日期不详";

/// Groups a document's items.
pub fn group(doc: &Document, by: By) -> Vec<Node> {
    let items = doc.pages.iter().flat_map(|p| p.items.iter().map(move |a| (p, a)));
    let mut tree: BTreeMap<(String, String), Vec<(String, usize)>> = BTreeMap::new();
    for (order, (page, item)) in items.enumerate() {
        for (outer, inner) in keys(page, item, by) {
            tree.entry((outer, inner)).or_default().push((label(item), order));
        }
    }
    let mut top: Vec<Node> = Vec::new();
    for ((outer, inner), leaves) in tree {
        let leaves: Vec<Node> = leaves
            .into_iter()
            .map(|(name, i)| Node { name, count: 1, children: Vec::new(), item: Some(i) })
            .collect();
        let node = if inner.is_empty() {
            leaves
        } else {
            vec![Node { name: inner, count: leaves.len(), children: leaves, item: None }]
        };
        match top.iter_mut().find(|n| n.name == outer) {
            Some(parent) => {
                parent.count += node.iter().map(|n| n.count).sum::<usize>();
                parent.children.extend(node);
            }
            None => top.push(Node {
                name: outer,
                count: node.iter().map(|n| n.count).sum(),
                children: node,
                item: None,
            }),
        }
    }
    if by != By::Date {
        top.sort_by(|a, b| b.count.cmp(&a.count).then_with(|| a.name.cmp(&b.name)));
        for n in &mut top {
            if n.children.iter().any(|c| !c.children.is_empty()) {
                n.children.sort_by(|a, b| b.count.cmp(&a.count).then_with(|| a.name.cmp(&b.name)));
            }
        }
    }
    top
}

/// The (group, subgroup) pairs an item belongs to; the subgroup is empty for one level.
fn keys(page: &Page, item: &Item, by: By) -> Vec<(String, String)> {
    match by {
        By::District => vec![(
            item.district.clone().unwrap_or_else(|| NO_DISTRICT.to_owned()),
            item.unit.clone().unwrap_or_else(|| NO_UNIT.to_owned()),
        )],
        By::Unit => vec![(item.unit.clone().unwrap_or_else(|| NO_UNIT.to_owned()), String::new())],
        By::Author if item.authors.is_empty() => vec![(NO_AUTHOR.to_owned(), String::new())],
        By::Author => item.authors.iter().map(|a| (a.name.clone(), String::new())).collect(),
        By::Date => {
            let date = page.date.clone().unwrap_or_else(|| NO_DATE.to_owned());
            let page_label = match page.page_no {
                Some(n) => format!("第{n:02}版"),
                None => format!("{} 第{}页", page.source, page.index),
            };
            vec![(date, page_label)]
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

/// Writes the tree as indented lines, `name (count)` for groups and the title for items.
pub fn render(nodes: &[Node]) -> String {
    let mut out = String::new();
    fn walk(out: &mut String, nodes: &[Node], depth: usize) {
        for n in nodes {
            out.push_str(&"  ".repeat(depth));
            if n.children.is_empty() {
                out.push_str(&n.name);
            } else {
                out.push_str(&format!("{} ({})", n.name, n.count));
            }
            out.push('\n');
            walk(out, &n.children, depth + 1);
        }
    }
    walk(&mut out, nodes, 0);
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Author;

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
                "市直 (2)\n  市教育局 (2)\n    甲\n    丙\n东城区 (1)\n  东城街道 (1)\n    乙\n（未定区县） (1)\n  （未定单位） (1)\n    丁\n",
            ),
            (By::Unit, "市教育局 (2)\n  甲\n  丙\n东城街道 (1)\n  乙\n（未定单位） (1)\n  丁\n"),
            (By::Author, "李二 (2)\n  乙\n  丁\n王一 (2)\n  甲\n  乙\n（无署名） (1)\n  丙\n"),
            (By::Date, "2024-03-15 (4)\n  第02版 (2)\n    甲\n    乙\n  第03版 (2)\n    丙\n    丁\n"),
        ];
        for (by, want) in cases {
            assert_eq!(render(&group(&doc(), by)), want, "{by:?}");
        }
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

    #[test]
    fn grouping_names() {
        assert_eq!(By::parse("district"), Some(By::District));
        assert_eq!(By::parse("作者"), Some(By::Author));
        assert_eq!(By::parse("weekday"), None);
    }
}
