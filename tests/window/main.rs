//! The window, driven through egui_kittest by accessible labels: a module per subject. Every
//! window test lives in this one test program because each program links the whole of egui:
//! one builds in a fraction of the time that one per subject takes.
#![allow(clippy::expect_used, clippy::unwrap_used)]

#[path = "../common/mod.rs"]
mod common;

mod actions;
mod browse;
mod edit;
mod errors;
mod files;
mod general;
mod look;
mod messages;
mod panes;
mod reader;
mod search;
