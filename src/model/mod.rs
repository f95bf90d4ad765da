//! The data model every layer shares: pages, the items found on them, and the user's
//! corrections. It imports nothing else of the crate.
//!
//! The serialised form of [`Page`] and [`Item`] is the `parse --json` contract of SPEC
//! section 3, so field names here are part of the public interface.

mod correction;
mod item;
mod page;
mod problem;

pub use correction::{Correction, Field};
pub use item::{Author, Classes, Confidence, Item, Kind};
pub use page::{Document, Page, StoredPage};
pub use problem::{ArchiveError, Limit, ReadError, Warning};
