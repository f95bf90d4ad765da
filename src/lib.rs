//! Baokan (报刊档案): read the plain-text archive of a Chinese city daily, split its pages into
//! articles and photo captions, decide each one's unit (单位) and district (区县), and browse
//! them.
//!
//! The library's surface is short: the [`model`] every layer shares; [`parse_paths`] and
//! [`parse_pages`], which read and segment pages and classify their items with the [`Tables`]
//! the caller loaded once; the archive file, exports and reading ([`archive`], [`export`],
//! [`read_input`]); the grouping tree, list order and search the window browses by
//! ([`groups`], [`order`], [`search`]); and the window ([`app`], [`ui`]) and command line
//! ([`cli`]) themselves. Everything else is internal:
//!
//! ```text
//! text ← model ← segment, classify, store ← parse ← browse ← app ← ui ← cli
//! ```
//!
//! ```no_run
//! use std::path::Path;
//!
//! let tables = baokan::Tables::load();
//! let doc = baokan::parse_paths(&[Path::new("2023-07-10/03.txt")], &baokan::Limits::default(), &tables)?;
//! for item in doc.pages.iter().flat_map(|p| &p.items) {
//!     println!("{:?} ({:?}, {:?})", item.title, item.unit, item.district);
//! }
//! # Ok::<(), baokan::ReadError>(())
//! ```

pub mod app;
pub mod cli;
pub mod model;
pub mod ui;

mod browse;
mod classify;
mod parse;
mod segment;
mod store;
mod text;

pub use browse::{collate, groups, order, search};
pub use classify::{PageScan, Tables, classify_page};
pub use parse::progress::Progress;
pub use parse::{parse_pages, parse_pages_with, parse_paths, parse_paths_with, reclassify, reparse_page};
pub use segment::segment_page;
pub use store::source::{Limits, ReadError, pages_from_bytes, read_bytes, read_input};
pub use store::{archive, atomic, export, sample, stored};
pub use text::{is_cjk, is_space};
