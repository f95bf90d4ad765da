//! The real window's first frame:
//! `cargo bench --bench first_frame -- [--renderer wgpu|glow] [FILE…]`.
//!
//! Opens the window as the program does (`baokan::cli::open_window`, wgpu first, then glow),
//! prints when its first frame was drawn and when the archive was shown, counted from the
//! start, so window-system and renderer start-up are included; then draws the archive for
//! a run of frames and prints their median and worst length (layout, tessellation, drawing
//! and presenting: what a key press waits for), then closes. Without a display, run it under
//! `xvfb-run`.

mod common;

use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Instant;

use baokan::app::BaokanApp;
use common::{fail, ms};

fn main() -> ExitCode {
    let start = Instant::now();
    let args = common::start();
    let mut renderers = vec![eframe::Renderer::Wgpu, eframe::Renderer::Glow];
    let mut inputs = Vec::new();
    let mut it = args.iter();
    while let Some(a) = it.next() {
        if a == "--renderer" {
            renderers = match it.next().map(String::as_str) {
                Some("wgpu") => vec![eframe::Renderer::Wgpu],
                Some("glow") => vec![eframe::Renderer::Glow],
                _ => return fail("--renderer 需要 wgpu 或 glow (--renderer needs wgpu or glow)"),
            };
        } else {
            inputs.push(PathBuf::from(a));
        }
    }
    baokan::cli::open_window(renderers, inputs, move |app| {
        Box::new(Measured {
            app,
            start,
            frames: 0,
            first: None,
            shown: false,
            stamps: Vec::new(),
            closing: false,
        })
    })
}

/// The app, timed: the first frame counts as drawn when the second begins (eframe paints
/// and presents between the two).
struct Measured {
    app: BaokanApp,
    start: Instant,
    frames: usize,
    first: Option<f64>,
    shown: bool,
    /// When each frame after the archive was shown began.
    stamps: Vec<Instant>,
    closing: bool,
}

/// Frames drawn one after another once the archive is shown, to time a frame.
const STEADY_FRAMES: usize = 40;

impl eframe::App for Measured {
    fn ui(&mut self, ui: &mut egui::Ui, frame: &mut eframe::Frame) {
        self.frames += 1;
        let now = ms(self.start.elapsed());
        if self.frames == 2 {
            let renderer = if frame.wgpu_render_state().is_some() { "wgpu" } else { "glow" };
            println!("first frame drawn: {now:.0} ms with {renderer} ({:?})", frame.info().cpu_usage);
            self.first = Some(now);
        }
        self.app.show(ui);
        // Loading starts with the app, so no job after the first frame means it has finished.
        if self.first.is_some() && self.app.job.is_none() && !self.shown {
            self.shown = true;
            if let Some(l) = &self.app.loaded {
                println!("archive shown: {now:.0} ms ({} pages, {} items)", l.doc.pages.len(), l.items.len());
            }
        }
        if self.shown && !self.closing {
            self.stamps.push(Instant::now());
            if self.stamps.len() > STEADY_FRAMES {
                self.closing = true;
                let mut lengths: Vec<f64> = self.stamps.windows(2).map(|w| ms(w[1] - w[0])).collect();
                lengths.sort_by(f64::total_cmp);
                let median = lengths.get(lengths.len() / 2).copied().unwrap_or(0.0);
                let worst = lengths.last().copied().unwrap_or(0.0);
                println!("a frame, drawn again and again: median {median:.1} ms, worst {worst:.1} ms");
                ui.ctx().send_viewport_cmd(egui::ViewportCommand::Close);
            } else {
                ui.ctx().request_repaint();
            }
        }
        // Only the first frames are forced; after them the window paints as it would anyway
        // (a progress bar four times a second, and at once when the archive arrives), so the
        // renderer does not take the cores from the loading thread.
        if self.frames < 2 {
            ui.ctx().request_repaint();
        }
    }
}
