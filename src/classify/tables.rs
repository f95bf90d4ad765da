//! The tables classification reads, handed in by the caller: China's divisions (the
//! [`Gazetteer`]) and the names of departments with their short forms, the embedded ones and
//! the user's own additions.
//!
//! Classification reads nothing else: the caller loads the tables once (the user's file with
//! [`Tables::load`]) and passes them to every parse, so the same text and tables always give
//! the same items.

use std::collections::HashMap;
use std::path::PathBuf;
use std::sync::OnceLock;

use rustc_hash::FxBuildHasher;

use super::gazetteer::Gazetteer;

/// The embedded department table (`assets/departments.tsv`).
const DEPARTMENTS: &str = include_str!("../../assets/departments.tsv");

/// The divisions and department names classification reads.
#[derive(Debug)]
pub struct Tables {
    gazetteer: &'static Gazetteer,
    departments: Departments,
    /// A fingerprint of the user's department table: what the items depend on
    /// besides this build, so stored segmentation is keyed by it.
    fingerprint: u64,
}

impl Tables {
    /// The embedded tables alone, built once.
    pub fn builtin() -> &'static Tables {
        static CELL: OnceLock<Tables> = OnceLock::new();
        CELL.get_or_init(|| Tables::with_departments(""))
    }

    /// The embedded tables with the user's own department table (same format as
    /// `assets/departments.tsv`) added.
    pub fn with_departments(user: &str) -> Tables {
        // FNV-1a: not cryptographic, it only has to change when the table does.
        let fingerprint = user
            .bytes()
            .fold(0xcbf2_9ce4_8422_2325_u64, |h, b| (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3));
        Tables {
            gazetteer: Gazetteer::embedded(),
            departments: Departments::parse(&[DEPARTMENTS, user]),
            fingerprint,
        }
    }

    /// The embedded tables with the user's department table, if there is one: the file named
    /// by `$BAOKAN_DEPARTMENTS`, else `departments.tsv` in the configuration folder
    /// (`$XDG_CONFIG_HOME/baokan`, `~/.config/baokan`, or `%APPDATA%\baokan`).
    pub fn load() -> Tables {
        let user = user_departments_path().and_then(|p| std::fs::read_to_string(p).ok());
        Tables::with_departments(&user.unwrap_or_default())
    }

    /// The divisions.
    pub fn gazetteer(&self) -> &Gazetteer {
        self.gazetteer
    }

    /// The department names.
    pub(crate) fn departments(&self) -> &Departments {
        &self.departments
    }

    /// A fingerprint of the user's additions.
    pub fn fingerprint(&self) -> u64 {
        self.fingerprint
    }

    /// One name for the printed forms of one unit, for grouping: the home city's name before
    /// a unit shortened to 市 (聊城市生态环境局 is 市生态环境局), and a department's short
    /// form made its full name (市发改委 is 市发展和改革委员会).
    pub fn unit_key(&self, unit: &str, home_city: Option<&str>) -> String {
        let short = home_city.map(|h| h.strip_suffix('市').unwrap_or(h)).filter(|h| !h.is_empty());
        let local =
            short.and_then(|h| unit.strip_prefix(h)).map(|rest| rest.strip_prefix('市').unwrap_or(rest));
        let unit = match local {
            Some(rest) if !rest.is_empty() => format!("市{rest}"),
            _ => unit.to_owned(),
        };
        let split = unit.char_indices().map(|(i, _)| i).find_map(|i| {
            let full = self.departments.full_name(&unit[i..])?;
            Some(format!("{}{full}", &unit[..i]))
        });
        split.unwrap_or(unit)
    }

    /// The name of a division (a home city), if the index is one.
    pub fn division_name(&self, index: Option<usize>) -> Option<&str> {
        let g = self.gazetteer;
        index.filter(|&h| h < g.divisions().len()).map(|h| g.division(h).name.as_str())
    }
}

/// The user's department file: `$BAOKAN_DEPARTMENTS`, else one in the configuration folder.
fn user_departments_path() -> Option<PathBuf> {
    std::env::var_os("BAOKAN_DEPARTMENTS").map(PathBuf::from).or_else(|| {
        let base = std::env::var_os("XDG_CONFIG_HOME")
            .map(PathBuf::from)
            .or_else(|| std::env::var_os("HOME").map(|h| std::path::Path::new(&h).join(".config")))
            .or_else(|| std::env::var_os("APPDATA").map(PathBuf::from))?;
        Some(base.join("baokan").join("departments.tsv"))
    })
}

/// Department full names and short forms (without place prefix), by their first character,
/// and each name's full name (the first on its line).
#[derive(Debug, Default)]
pub(crate) struct Departments(
    HashMap<char, Vec<String>, FxBuildHasher>,
    HashMap<String, String, FxBuildHasher>,
);

impl Departments {
    /// Reads department tables: one department a line, its names separated by tabs or commas;
    /// lines starting with `#` are comments.
    fn parse(tables: &[&str]) -> Departments {
        let mut by_first: HashMap<char, Vec<String>, FxBuildHasher> = HashMap::default();
        let mut full: HashMap<String, String, FxBuildHasher> = HashMap::default();
        for line in tables.iter().flat_map(|t| t.lines()).filter(|l| !l.starts_with('#')) {
            let mut words = line.split(['\t', ',']).map(str::trim).filter(|w| !w.is_empty()).peekable();
            let Some(&head) = words.peek() else {
                continue;
            };
            for w in words {
                if let Some(first) = w.chars().next() {
                    by_first.entry(first).or_default().push(w.to_owned());
                }
                full.entry(w.to_owned()).or_insert_with(|| head.to_owned());
            }
        }
        Departments(by_first, full)
    }

    /// The full name of a department name or short form, if the table has it.
    pub(crate) fn full_name(&self, name: &str) -> Option<&str> {
        self.1.get(name).map(String::as_str)
    }

    /// True when `text` starts with a department name.
    pub(crate) fn starts(&self, text: &str) -> bool {
        let first = text.chars().next();
        first.and_then(|c| self.0.get(&c)).is_some_and(|ws| ws.iter().any(|w| text.starts_with(w.as_str())))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn user_departments_are_added_and_change_the_fingerprint() {
        let builtin = Tables::builtin();
        assert!(builtin.departments().starts("生态环境局开展"));
        assert!(!builtin.departments().starts("星舰管理处"));
        let user = Tables::with_departments("# 用户自己的单位\n星舰管理处\t星舰处\n");
        assert!(user.departments().starts("星舰处开展"));
        assert!(user.departments().starts("生态环境局开展"));
        assert_ne!(user.fingerprint(), builtin.fingerprint());
    }

    #[test]
    fn printed_forms_of_one_unit_have_one_key() {
        let tables = Tables::builtin();
        let cases: [(&str, Option<&str>, &str); 6] = [
            ("河湾市生态环境局", Some("河湾市"), "市生态环境局"),
            ("河湾生态环境局", Some("河湾市"), "市生态环境局"),
            ("市发改委", None, "市发展和改革委员会"),
            ("市发展改革委", Some("河湾市"), "市发展和改革委员会"),
            ("青禾县住建局", None, "青禾县住房和城乡建设局"),
            ("青禾县星火社区", Some("河湾市"), "青禾县星火社区"),
        ];
        for (unit, home, key) in cases {
            assert_eq!(tables.unit_key(unit, home), key, "{unit}");
        }
    }
}
