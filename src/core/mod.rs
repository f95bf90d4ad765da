//! The headless core: model, reading, normalisation and segmentation.
//!
//! Segmentation runs as passes over a page, one module each, in this order:
//! [`header`] (page furniture) → [`lines`] (what each line is) → [`heading`] (headline
//! blocks) → [`units`] (the page as headlines, credits and text runs, and its orientation) →
//! [`assemble`] (units to items) → [`paragraph`] (paragraphs of each body). [`segment`] runs
//! them; [`parse`] runs it over whole inputs read by [`source`], then [`classify`] decides
//! each item's unit and district from [`orgs`] (unit names) and [`gazetteer`] (divisions).

pub mod accounting;
pub mod archive;
pub mod assemble;
pub mod atomic;
pub mod byline;
pub mod candidates;
pub mod classify;
pub mod correct;
pub mod decode;
pub mod export;
pub mod gazetteer;
pub mod groups;
pub mod header;
pub mod heading;
pub mod initials;
pub mod leadin;
pub mod lines;
pub mod model;
pub mod name_filter;
pub mod order;
pub mod orgs;
pub mod page_scan;
pub mod paragraph;
pub mod parse;
pub mod pathmeta;
pub mod progress;
pub mod sample;
pub mod search;
pub mod segment;
pub mod source;
pub mod stored;
pub mod synth;
pub mod text;
pub mod unit_words;
pub mod units;
