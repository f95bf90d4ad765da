//! Reading a search query: words, quoted phrases, `-word` to exclude, and field filters in
//! Chinese or English (`标题:` `title:`, `作者:` `author:`, `单位:` `unit:`, `区县:`
//! `district:`, `日期:` `date:`, `版:` `page:`). Every needle is normalised as the text it is
//! matched against (see [`normalise`]).

use super::normalise::normalise;

/// Where a term must be found.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Field {
    /// Any searchable field: headline, subtitle, kicker, body, byline, unit, district.
    Any,
    /// Headline, subtitle and kicker.
    Title,
    /// Byline and the authors' names.
    Author,
    /// The item's unit.
    Unit,
    /// The item's district.
    District,
    /// The page's date, matched from its start (`2023-07` matches every day of that month).
    Date,
    /// The printed page number, matched exactly.
    Page,
}

impl Field {
    /// The field a `name:` prefix names, in Chinese or English.
    fn named(name: &str) -> Option<Field> {
        match name.to_lowercase().as_str() {
            "标题" | "title" => Some(Field::Title),
            "作者" | "author" => Some(Field::Author),
            "单位" | "unit" => Some(Field::Unit),
            "区县" | "district" => Some(Field::District),
            "日期" | "date" => Some(Field::Date),
            "版" | "版面" | "page" => Some(Field::Page),
            _ => None,
        }
    }
}

/// One condition of a query.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Term {
    /// Where to look.
    pub field: Field,
    /// What to look for, normalised.
    pub needle: String,
    /// The item must *not* contain it.
    pub exclude: bool,
}

/// A parsed query: every term must hold.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Query {
    /// The conditions, in the order typed.
    pub terms: Vec<Term>,
}

impl Query {
    /// Parses what the user typed. Unbalanced quotes run to the end; empty terms are dropped.
    pub fn parse(input: &str) -> Query {
        let terms = tokens(input).into_iter().filter_map(term).collect();
        Query { terms }
    }

    /// True when the query asks nothing (every item matches).
    pub fn is_empty(&self) -> bool {
        self.terms.is_empty()
    }
}

/// A raw token: its text and whether it began with a quote (then `-` and `field:` are
/// literal).
type Token = (String, bool);

/// Splits on spaces outside quotes (ASCII `"` or Chinese “ ”).
fn tokens(input: &str) -> Vec<Token> {
    let mut out = Vec::new();
    let (mut current, mut quoted, mut inside) = (String::new(), false, false);
    for c in input.chars() {
        match c {
            '"' | '“' | '”' if inside => inside = false,
            '"' | '“' => {
                inside = true;
                quoted |= current.is_empty();
            }
            c if c.is_whitespace() && !inside => {
                if !current.is_empty() || quoted {
                    out.push((std::mem::take(&mut current), quoted));
                }
                quoted = false;
            }
            c => current.push(c),
        }
    }
    if !current.is_empty() || quoted {
        out.push((current, quoted));
    }
    out
}

/// A token as a term: a leading `-` excludes, a known `field:` (or `field：`) prefix filters.
fn term((text, quoted): Token) -> Option<Term> {
    if quoted {
        let needle = normalise(&text);
        return (!needle.is_empty()).then_some(Term { field: Field::Any, needle, exclude: false });
    }
    let (exclude, rest) = match text.strip_prefix('-') {
        Some(r) if !r.is_empty() => (true, r),
        _ => (false, text.as_str()),
    };
    let (field, value) = match rest.split_once([':', '：']) {
        Some((name, value)) => match Field::named(name) {
            Some(f) => (f, value),
            None => (Field::Any, rest),
        },
        None => (Field::Any, rest),
    };
    let needle = match field {
        Field::Page => value.trim_start_matches('0').chars().filter(char::is_ascii_digit).collect(),
        _ => normalise(value),
    };
    (!needle.is_empty()).then_some(Term { field, needle, exclude })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn t(field: Field, needle: &str, exclude: bool) -> Term {
        Term { field, needle: needle.to_owned(), exclude }
    }

    #[test]
    fn query_forms() {
        use Field::*;
        let cases: &[(&str, &[Term])] = &[
            ("生态", &[t(Any, "生态", false)]),
            ("生态 环境", &[t(Any, "生态", false), t(Any, "环境", false)]),
            ("\"党建 品牌\"", &[t(Any, "党建品牌", false)]),
            ("“党建 品牌”", &[t(Any, "党建品牌", false)]),
            ("生态 -环境", &[t(Any, "生态", false), t(Any, "环境", true)]),
            ("标题:防火墙", &[t(Title, "防火墙", false)]),
            ("title:PID", &[t(Title, "pid", false)]),
            ("作者：赵宏磊", &[t(Author, "赵宏磊", false)]),
            ("author:\"赵 宏磊\"", &[t(Author, "赵宏磊", false)]),
            (
                "单位:市生态环境局 区县:茌平区",
                &[t(Unit, "市生态环境局", false), t(District, "茌平区", false)],
            ),
            ("unit:住建局 district:临清市", &[t(Unit, "住建局", false), t(District, "临清市", false)]),
            ("日期:2023-07", &[t(Date, "2023-07", false)]),
            ("date:２０２３-07-10", &[t(Date, "2023-07-10", false)]),
            ("版:03", &[t(Page, "3", false)]),
            ("page:12", &[t(Page, "12", false)]),
            ("-区县:市直", &[t(District, "市直", true)]),
            ("网址:abc", &[t(Any, "网址:abc", false)]),
            ("ＰＩＤ仪器", &[t(Any, "pid仪器", false)]),
            ("  ", &[]),
            ("-", &[t(Any, "-", false)]),
            ("\"未闭合 的引号", &[t(Any, "未闭合的引号", false)]),
            ("\"-减号\" \"标题:字面\"", &[t(Any, "-减号", false), t(Any, "标题:字面", false)]),
        ];
        for (input, want) in cases {
            assert_eq!(Query::parse(input).terms, *want, "{input}");
        }
    }
}
