//! Baokan (报刊档案): read the plain-text archive of a Chinese city daily, split its pages into
//! articles and photo captions, and browse them.

pub mod app;
pub mod browse;
pub mod classify;
pub mod cli;
pub mod devtools;
pub mod model;
pub mod parse;
pub mod segment;
pub mod store;
pub mod text;
pub mod ui;
