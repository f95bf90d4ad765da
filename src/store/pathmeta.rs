//! Dates and page numbers named by file paths, and the natural order of paths.
//!
//! Archives are often stored as `2023-07-10/03.txt`, `20230710_03.txt` or `第03版.txt`; the
//! path is then the most reliable source of a page's date and printed page number.

use std::cmp::Ordering;

/// Reads a date from a path or entry name: `2023-07-10`, `2023_07_10`, `2023.7.10`,
/// `20230710` or `2023年7月10日`, in any component.
pub fn date_from_path(path: &str) -> Option<String> {
    let chars: Vec<char> = path.chars().collect();
    for start in 0..chars.len() {
        if start > 0 && chars[start - 1].is_ascii_digit() {
            continue;
        }
        if let Some(d) = separated_date(&chars[start..]).or_else(|| compact_date(&chars[start..])) {
            return Some(d);
        }
    }
    None
}

/// Number of ASCII digits at the start of `c`, and their value.
fn number(c: &[char]) -> (usize, u32) {
    let n = c.iter().take_while(|d| d.is_ascii_digit()).count();
    let v =
        c[..n].iter().fold(0u32, |acc, d| acc.saturating_mul(10).saturating_add(d.to_digit(10).unwrap_or(0)));
    (n, v)
}

fn valid(y: u32, m: u32, d: u32) -> Option<String> {
    ((1900..=2100).contains(&y) && (1..=12).contains(&m) && (1..=31).contains(&d))
        .then(|| format!("{y:04}-{m:02}-{d:02}"))
}

/// `YYYY-M-D` with `-`, `_`, `.` or `年月日` separators.
fn separated_date(c: &[char]) -> Option<String> {
    let (ny, y) = number(c);
    if ny != 4 {
        return None;
    }
    let sep = *c.get(4)?;
    if !matches!(sep, '-' | '_' | '.' | '年') {
        return None;
    }
    let (nm, m) = number(&c[5..]);
    let sep2 = *c.get(5 + nm)?;
    let ok_sep2 = if sep == '年' { sep2 == '月' } else { sep2 == sep };
    if !(1..=2).contains(&nm) || !ok_sep2 {
        return None;
    }
    let (nd, d) = number(&c[6 + nm..]);
    if !(1..=2).contains(&nd) || c.get(6 + nm + nd).is_some_and(char::is_ascii_digit) {
        return None;
    }
    valid(y, m, d)
}

/// `YYYYMMDD` as exactly eight digits.
fn compact_date(c: &[char]) -> Option<String> {
    let (n, v) = number(c);
    (n == 8).then(|| valid(v / 10000, v / 100 % 100, v % 100)).flatten()
}

/// Reads a printed page number from a file name: `03.txt`, `第03版.txt`, `20230710_03.txt`,
/// `A03.txt`, `page-3.txt`.
pub fn page_from_path(path: &str) -> Option<u32> {
    let name = path.rsplit(['/', '\\']).next()?;
    let stem = name.rsplit_once('.').map_or(name, |(s, _)| s);
    let chars: Vec<char> = stem.chars().collect();
    if let Some(p) = chars.iter().position(|&c| c == '版') {
        let n = chars[..p].iter().rev().take_while(|c| c.is_ascii_digit()).count();
        let (_, v) = number(&chars[p - n..p]);
        return (n > 0 && v > 0).then_some(v);
    }
    let n = chars.iter().rev().take_while(|c| c.is_ascii_digit()).count();
    if n == 0 || n > 3 {
        return None;
    }
    // The digits must stand alone (`03`, `_03`, `page-3`) or follow one capital (`A03`), so
    // that the tail of a hash or an ID is not read as a page number.
    let rest = &chars[..chars.len() - n];
    let standalone = match rest {
        [] => true,
        [.., '_' | '-' | ' ' | '.' | '#'] => true,
        [letter] => letter.is_ascii_uppercase(),
        [.., before, letter] => letter.is_ascii_uppercase() && !before.is_ascii_alphanumeric(),
    };
    if !standalone {
        return None;
    }
    let (_, v) = number(&chars[chars.len() - n..]);
    (v > 0).then_some(v)
}

/// Compares two paths so that `2.txt` sorts before `10.txt`.
pub fn natural_cmp(a: &str, b: &str) -> Ordering {
    let (a, b): (Vec<char>, Vec<char>) = (a.chars().collect(), b.chars().collect());
    let (mut i, mut j) = (0, 0);
    while i < a.len() && j < b.len() {
        if a[i].is_ascii_digit() && b[j].is_ascii_digit() {
            let na = a[i..].iter().take_while(|c| c.is_ascii_digit()).count();
            let nb = b[j..].iter().take_while(|c| c.is_ascii_digit()).count();
            let da: String = a[i..i + na].iter().collect::<String>().trim_start_matches('0').to_owned();
            let db: String = b[j..j + nb].iter().collect::<String>().trim_start_matches('0').to_owned();
            let ord = da.len().cmp(&db.len()).then_with(|| da.cmp(&db));
            if ord != Ordering::Equal {
                return ord;
            }
            i += na;
            j += nb;
        } else {
            if a[i] != b[j] {
                return a[i].cmp(&b[j]);
            }
            i += 1;
            j += 1;
        }
    }
    (a.len() - i).cmp(&(b.len() - j))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn path_metadata() {
        let cases = [
            ("archive/2023-07-10/03.txt", Some("2023-07-10"), Some(3)),
            ("20230710_03.txt", Some("2023-07-10"), Some(3)),
            ("2023年7月10日/第03版.txt", Some("2023-07-10"), Some(3)),
            ("pages/A12.txt", None, Some(12)),
            ("notes.txt", None, None),
            ("issue-2023_7_9/page-1.txt", Some("2023-07-09"), Some(1)),
            ("scan-123456789.txt", None, None),
            ("000_d84498ec863cbfe6.txt", None, None),
        ];
        for (path, date, page) in cases {
            assert_eq!(date_from_path(path).as_deref(), date, "{path}");
            assert_eq!(page_from_path(path), page, "{path}");
        }
    }

    #[test]
    fn natural_order() {
        let mut names = vec!["10.txt", "2.txt", "1.txt", "b/01.txt", "a/3.txt"];
        names.sort_by(|a, b| natural_cmp(a, b));
        assert_eq!(names, ["1.txt", "2.txt", "10.txt", "a/3.txt", "b/01.txt"]);
    }
}
