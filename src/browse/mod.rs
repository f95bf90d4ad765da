//! What the window and `baokan groups` browse by: the grouping tree with its counts, the
//! order of the item list, full-text search, and group names matched by pinyin initials, all
//! in pinyin order.

pub mod collate;
pub mod groups;
pub mod initials;
pub mod order;
pub mod search;
