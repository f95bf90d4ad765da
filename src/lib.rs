//! Baokan (报刊档案): read the plain-text archive of a Chinese city daily, split its pages into
//! articles and photo captions, and browse them.
//!
//! [`core`] holds everything that does not draw: the model, reading and decoding, text
//! normalisation and the segmentation passes. It never imports a GUI crate. [`ui`] draws the
//! window, one file per panel; [`app`] owns its state and applies the panels' commands.

pub mod app;
pub mod cli;
pub mod core;
pub mod ui;
