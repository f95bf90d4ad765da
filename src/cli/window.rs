//! Starting the window: `baokan [--renderer wgpu|glow] [PATH…]`, and the first-frame
//! measurement `baokan bench --first-frame [PATH…]`.

use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Instant;

use crate::app::BaokanApp;
use crate::cli::fail;

/// Opens the window on the given inputs.
pub fn run(args: &[String]) -> ExitCode {
    match options(args) {
        Ok((renderers, inputs)) => open(renderers, inputs, None),
        Err(code) => code,
    }
}

/// Opens the window, prints when its first frame was drawn and when the archive was shown
/// (counted from this call, so window-system and renderer start-up are included), then closes.
pub fn first_frame(args: &[String]) -> ExitCode {
    match options(args) {
        Ok((renderers, inputs)) => open(renderers, inputs, Some(Instant::now())),
        Err(code) => code,
    }
}

/// The renderers to try, in order, and the inputs to open.
fn options(args: &[String]) -> Result<(Vec<eframe::Renderer>, Vec<PathBuf>), ExitCode> {
    let mut renderers = vec![eframe::Renderer::Wgpu, eframe::Renderer::Glow];
    let mut inputs = Vec::new();
    let mut it = args.iter();
    while let Some(a) = it.next() {
        if a == "--renderer" {
            renderers = match it.next().map(String::as_str) {
                Some("wgpu") => vec![eframe::Renderer::Wgpu],
                Some("glow") => vec![eframe::Renderer::Glow],
                _ => return Err(fail("--renderer 需要 wgpu 或 glow (--renderer needs wgpu or glow)")),
            };
        } else {
            inputs.push(PathBuf::from(a));
        }
    }
    Ok((renderers, inputs))
}

/// wgpu is tried first; when it cannot start (no GPU and no software Vulkan), glow (OpenGL,
/// which Mesa provides in software) is tried.
fn open(renderers: Vec<eframe::Renderer>, inputs: Vec<PathBuf>, measure: Option<Instant>) -> ExitCode {
    let mut reasons = Vec::new();
    for renderer in renderers {
        let mut viewport = egui::ViewportBuilder::default()
            .with_title("报刊档案 Baokan")
            // The name the desktop entry's StartupWMClass gives, so the dock groups the window
            // under Baokan's icon.
            .with_app_id("baokan")
            .with_inner_size([1400.0, 900.0])
            .with_min_inner_size([800.0, 500.0])
            .with_drag_and_drop(true);
        if let Some(icon) = crate::ui::icon::window_icon() {
            viewport = viewport.with_icon(icon);
        }
        let options = eframe::NativeOptions { renderer, viewport, ..Default::default() };
        let files = inputs.clone();
        let started = eframe::run_native(
            "baokan",
            options,
            Box::new(move |cc| {
                let app = BaokanApp::from_creation(cc, files);
                Ok(match measure {
                    None => Box::new(app),
                    Some(start) => Box::new(Measured { app, start, frames: 0, first: None, closing: false }),
                })
            }),
        );
        match started {
            Ok(()) => return ExitCode::SUCCESS,
            Err(e) => reasons.push(format!("{renderer:?}: {e}")),
        }
    }
    fail(&format!("无法打开窗口 (could not open the window): {}", reasons.join("; ")))
}

/// The app, timed: the first frame counts as drawn when the second begins (eframe paints
/// and presents between the two).
struct Measured {
    app: BaokanApp,
    start: Instant,
    frames: usize,
    first: Option<f64>,
    closing: bool,
}

impl eframe::App for Measured {
    fn ui(&mut self, ui: &mut egui::Ui, frame: &mut eframe::Frame) {
        self.frames += 1;
        let now = self.start.elapsed().as_secs_f64() * 1000.0;
        if self.frames == 2 {
            println!("first frame drawn: {now:.0} ms ({:?})", frame.info().cpu_usage);
            self.first = Some(now);
        }
        self.app.show(ui);
        // Loading starts with the app, so no job after the first frame means it has finished.
        if self.first.is_some() && self.app.job.is_none() && !self.closing {
            self.closing = true;
            if let Some(l) = &self.app.loaded {
                println!("archive shown: {now:.0} ms ({} pages, {} items)", l.doc.pages.len(), l.items.len());
            }
            ui.ctx().send_viewport_cmd(egui::ViewportCommand::Close);
        }
        // Only the first frames are forced; after them the window paints as it would anyway
        // (a progress bar four times a second, and at once when the archive arrives), so the
        // renderer does not take the cores from the loading thread.
        if self.frames < 2 {
            ui.ctx().request_repaint();
        }
    }
}
