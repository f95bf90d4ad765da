//! `cargo bench --bench names -- [--pages N] [--runs N]`: finding division names in page
//! text with the gazetteer's own matcher (a reversed trie behind filters on names' last
//! characters) against an Aho-Corasick automaton (the `aho-corasick` crate, leftmost-longest)
//! over the same names, on generated pages. This is the measurement that decides whether the
//! hand-written matcher stays.

mod common;

use std::process::ExitCode;
use std::time::{Duration, Instant};

use aho_corasick::{AhoCorasick, MatchKind};
use baokan::Tables;
use baokan_devtools::synth::dump;
use common::{fail, ms};

fn main() -> ExitCode {
    let (mut pages, mut runs) = (3000, 5);
    let args = common::start();
    if let Err(code) =
        common::read_counts("names", &args, &mut [("--pages", &mut pages, 1), ("--runs", &mut runs, 1)])
    {
        return code;
    }
    let text = dump(2023, pages);
    let g = Tables::builtin().gazetteer();
    let mut names: Vec<&str> = g.divisions().iter().map(|d| d.name.as_str()).collect();
    names.sort_unstable();
    names.dedup();
    let built = Instant::now();
    let Ok(ac) = AhoCorasick::builder().match_kind(MatchKind::LeftmostLongest).build(&names) else {
        return fail("names: the automaton could not be built");
    };
    println!(
        "{} names; automaton built in {:.1} ms; text {:.1} MB",
        names.len(),
        ms(built.elapsed()),
        text.len() as f64 / 1e6
    );
    let (mut ours, mut theirs) = (Vec::new(), Vec::new());
    let (mut found_ours, mut found_theirs) = (0, 0);
    for _ in 0..runs {
        let start = Instant::now();
        found_ours = std::hint::black_box(g.find(&text)).len();
        ours.push(start.elapsed());
        let start = Instant::now();
        found_theirs = std::hint::black_box(ac.find_iter(&text).count());
        theirs.push(start.elapsed());
    }
    println!(
        "gazetteer matcher: best {:.1} ms, median {:.1} ms, {found_ours} names",
        best(&ours),
        median(&mut ours)
    );
    println!(
        "aho-corasick:      best {:.1} ms, median {:.1} ms, {found_theirs} names",
        best(&theirs),
        median(&mut theirs)
    );
    ExitCode::SUCCESS
}

fn best(times: &[Duration]) -> f64 {
    times.iter().min().map_or(0.0, |t| ms(*t))
}

fn median(times: &mut [Duration]) -> f64 {
    times.sort_unstable();
    times.get(times.len() / 2).map_or(0.0, |t| ms(*t))
}
