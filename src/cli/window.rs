//! Starting the window: `baokan [--renderer wgpu|glow] [PATH…]`.

use std::path::PathBuf;
use std::process::ExitCode;

use crate::app::BaokanApp;
use crate::cli::fail;

/// Opens the window on the given inputs. wgpu is tried first; when it cannot start (no GPU
/// and no software Vulkan), glow (OpenGL, which Mesa provides in software) is tried.
pub fn run(args: &[String]) -> ExitCode {
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
    let mut reasons = Vec::new();
    for renderer in renderers {
        let options = eframe::NativeOptions {
            renderer,
            viewport: egui::ViewportBuilder::default()
                .with_title("报刊档案 Baokan")
                .with_inner_size([1400.0, 900.0])
                .with_min_inner_size([800.0, 500.0])
                .with_drag_and_drop(true),
            ..Default::default()
        };
        let files = inputs.clone();
        let started = eframe::run_native(
            "baokan",
            options,
            Box::new(move |cc| Ok(Box::new(BaokanApp::from_creation(cc, files)))),
        );
        match started {
            Ok(()) => return ExitCode::SUCCESS,
            Err(e) => reasons.push(format!("{renderer:?}: {e}")),
        }
    }
    fail(&format!("无法打开窗口 (could not open the window): {}", reasons.join("; ")))
}
