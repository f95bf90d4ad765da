//! Starting the window: `baokan [--renderer wgpu|glow] [PATH…]`.
//!
//! Without `--renderer`, wgpu is tried first on a real GPU; when its only adapter draws on the
//! CPU (Mesa's lavapipe on a machine without a GPU) glow is taken instead, as Mesa's OpenGL
//! (llvmpipe) draws the same frames three to four times faster there. glow is also the
//! fallback when wgpu cannot start at all.

use std::path::PathBuf;
use std::process::ExitCode;
use std::sync::Arc;

use eframe::wgpu;

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
    let renderers_all = renderers.clone();
    for renderer in renderers {
        let mut viewport = egui::ViewportBuilder::default()
            .with_title("报刊档案 Baokan")
            // The name the desktop entry's StartupWMClass gives, so the dock groups the window
            // under Baokan's icon.
            .with_app_id("baokan")
            .with_inner_size([1400.0, 900.0])
            // Narrow enough for the list-or-reader layout of a small window.
            .with_min_inner_size([480.0, 400.0])
            .with_drag_and_drop(true);
        if let Some(icon) = crate::ui::icon::window_icon() {
            viewport = viewport.with_icon(icon);
        }
        // Only the automatic choice turns a CPU adapter down; `--renderer wgpu` takes it.
        let wgpu_options = wgpu_options(renderers_tried_after(&renderers_all, renderer));
        let options = eframe::NativeOptions { renderer, viewport, wgpu_options, ..Default::default() };
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

/// True when another renderer waits after `renderer`: then a CPU adapter is turned down, so
/// that the next one (glow) is tried.
fn renderers_tried_after(all: &[eframe::Renderer], renderer: eframe::Renderer) -> bool {
    all.iter().position(|&r| r == renderer).is_some_and(|k| k + 1 < all.len())
}

/// wgpu's setup: adapters chosen by [`pick_adapter`].
fn wgpu_options(refuse_cpu: bool) -> eframe::WgpuConfiguration {
    let mut config = eframe::WgpuConfiguration::default();
    if let eframe::egui_wgpu::WgpuSetup::CreateNew(create) = &mut config.wgpu_setup {
        create.native_adapter_selector =
            Some(Arc::new(move |adapters, surface| pick_adapter(adapters, surface, refuse_cpu)));
    }
    config
}

/// The adapter to draw with: one that can present to the window, a discrete GPU before an
/// integrated one before anything else; an adapter that runs on the CPU only when
/// `refuse_cpu` is false (else the error sends the window on to glow).
fn pick_adapter(
    adapters: &[wgpu::Adapter],
    surface: Option<&wgpu::Surface<'_>>,
    refuse_cpu: bool,
) -> Result<wgpu::Adapter, String> {
    let usable = adapters.iter().filter(|a| surface.is_none_or(|s| a.is_surface_supported(s)));
    let ranked = usable.map(|a| (rank(a.get_info().device_type), a));
    let best = ranked.filter(|(r, _)| !refuse_cpu || *r > 0).max_by_key(|(r, _)| *r);
    match best {
        Some((_, adapter)) => Ok(adapter.clone()),
        None if refuse_cpu => Err("only a software (CPU) adapter: glow draws faster there".to_owned()),
        None => Err("no adapter can draw to this window".to_owned()),
    }
}

/// How much an adapter of this kind is preferred; 0 for one that draws on the CPU.
fn rank(kind: wgpu::DeviceType) -> u8 {
    match kind {
        wgpu::DeviceType::DiscreteGpu => 4,
        wgpu::DeviceType::IntegratedGpu => 3,
        wgpu::DeviceType::VirtualGpu => 2,
        wgpu::DeviceType::Other => 1,
        wgpu::DeviceType::Cpu => 0,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_cpu_adapter_ranks_last_and_only_the_automatic_choice_refuses_it() {
        assert!(rank(wgpu::DeviceType::Cpu) < rank(wgpu::DeviceType::Other));
        assert!(rank(wgpu::DeviceType::IntegratedGpu) < rank(wgpu::DeviceType::DiscreteGpu));
        let auto = [eframe::Renderer::Wgpu, eframe::Renderer::Glow];
        assert!(renderers_tried_after(&auto, eframe::Renderer::Wgpu), "glow waits: refuse the CPU");
        assert!(!renderers_tried_after(&auto, eframe::Renderer::Glow));
        assert!(!renderers_tried_after(&[eframe::Renderer::Wgpu], eframe::Renderer::Wgpu), "--renderer wgpu");
    }

    /// Waits for a future that wgpu answers at once on native platforms.
    fn block_on<F: Future>(future: F) -> F::Output {
        let mut future = std::pin::pin!(future);
        let mut cx = std::task::Context::from_waker(std::task::Waker::noop());
        loop {
            if let std::task::Poll::Ready(v) = future.as_mut().poll(&mut cx) {
                return v;
            }
            std::thread::yield_now();
        }
    }

    /// On this machine's real adapters: a GPU is taken when there is one; with only a CPU
    /// adapter (Mesa's lavapipe, as in CI) the automatic choice refuses it and an explicit
    /// `--renderer wgpu` takes it.
    #[test]
    fn the_adapters_here_are_chosen_as_the_window_would() {
        let desc = eframe::egui_wgpu::WgpuSetupCreateNew::without_display_handle().instance_descriptor;
        let backends = desc.backends;
        let adapters = block_on(wgpu::Instance::new(desc).enumerate_adapters(backends));
        if adapters.is_empty() {
            eprintln!("skipped: no wgpu adapter here");
            return;
        }
        let gpu = adapters.iter().any(|a| a.get_info().device_type != wgpu::DeviceType::Cpu);
        let auto = pick_adapter(&adapters, None, true);
        assert_eq!(auto.is_ok(), gpu, "automatic: a GPU, or glow");
        if let Ok(a) = auto {
            assert_ne!(a.get_info().device_type, wgpu::DeviceType::Cpu);
        }
        assert!(pick_adapter(&adapters, None, false).is_ok(), "--renderer wgpu takes any adapter");
    }
}
