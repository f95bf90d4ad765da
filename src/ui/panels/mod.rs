//! The window's panels, one file each: each reads the app and returns the commands it asks for.

pub(crate) mod chooser;
pub(crate) mod confirm;
pub(crate) mod edit;
pub(crate) mod list;
pub(crate) mod menu;
pub(crate) mod messages;
pub(crate) mod page_view;
pub(crate) mod reader;
pub(crate) mod search;
pub(crate) mod start;
pub(crate) mod status;
pub(crate) mod tree;
