//! Starting the window: `baokan [--renderer wgpu|glow] [PATH…]`.

use std::path::PathBuf;
use std::process::ExitCode;

use crate::app::BaokanApp;
use crate::cli::fail;

/// Opens the window on the given inputs.
pub fn run(args: &[String]) -> ExitCode {
    match options(args) {
        Ok((renderers, inputs)) => open_window(renderers, inputs, |app| Box::new(app)),
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

/// Opens the window on `inputs` with the first of `renderers` that starts, and returns when
/// it is closed. `wrap` gives what eframe runs: the app itself, or the app inside a
/// measurement (the first-frame benchmark). The program tries wgpu first; when it cannot
/// start (no GPU and no software Vulkan), glow (OpenGL, which Mesa provides in software).
pub fn open_window(
    renderers: Vec<eframe::Renderer>,
    inputs: Vec<PathBuf>,
    wrap: impl Fn(BaokanApp) -> Box<dyn eframe::App> + Copy + 'static,
) -> ExitCode {
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
            Box::new(move |cc| Ok(wrap(BaokanApp::from_creation(cc, files)))),
        );
        match started {
            Ok(()) => return ExitCode::SUCCESS,
            Err(e) => reasons.push(format!("{renderer:?}: {e}")),
        }
    }
    fail(&format!("无法打开窗口 (could not open the window): {}", reasons.join("; ")))
}
