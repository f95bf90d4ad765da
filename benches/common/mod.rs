//! Helpers shared by the benchmarks: the program's allocator, their arguments, frames of the
//! headless window.
#![allow(dead_code)] // each benchmark uses its own share of these

use std::process::ExitCode;
use std::time::{Duration, Instant};

use baokan::app::BaokanApp;
use egui::{Event, Pos2, RawInput, Rect, Vec2};

/// The program's allocator (src/main.rs), so that allocation costs what it costs there.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// `mi_option_purge_delay`, as src/main.rs names it (its test proves the number).
const MI_OPTION_PURGE_DELAY: libmimalloc_sys::mi_option_t = 15;

/// Sets mimalloc up as the program does and gives the benchmark's own arguments: those after
/// `--`, without the `--bench` that `cargo bench` adds.
pub fn start() -> Vec<String> {
    return_freed_memory_promptly();
    std::env::args().skip(1).filter(|a| a != "--bench").collect()
}

/// Freed memory goes back to the system after 10 ms, as in the program (src/main.rs); the
/// resident memory of `open` depends on it.
#[allow(unsafe_code)]
fn return_freed_memory_promptly() {
    // SAFETY: sets one integer option by value; mimalloc reads its options atomically, and
    // no other thread runs yet.
    unsafe { libmimalloc_sys::mi_option_set(MI_OPTION_PURGE_DELAY, 10) };
}

/// Reads `--flag N` pairs into the counts they name, each raised to its least value; the
/// error sentence's exit code for an unknown flag or a missing number.
pub fn read_counts(
    bench: &str,
    args: &[String],
    counts: &mut [(&str, &mut usize, usize)],
) -> Result<(), ExitCode> {
    let mut it = args.iter();
    while let Some(flag) = it.next() {
        let value = it.next().and_then(|v| v.parse::<usize>().ok());
        let slot = counts.iter_mut().find(|(name, _, _)| name == flag);
        match (slot, value) {
            (Some((_, count, least)), Some(n)) => **count = n.max(*least),
            _ => {
                return Err(fail(&format!(
                    "{bench} 不认识 “{flag}” 或缺少数字 (unknown option or missing number)"
                )));
            }
        }
    }
    Ok(())
}

/// Prints one error sentence and returns exit code 2.
pub fn fail(message: &str) -> ExitCode {
    eprintln!("bench: {message}");
    ExitCode::from(2)
}

/// Milliseconds.
pub fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}

/// The headless window's size.
pub const SIZE: Vec2 = Vec2::new(1400.0, 900.0);

/// One frame of the headless window: input, layout of the whole window, tessellation, as
/// eframe does before handing triangles to the GPU. Returns its CPU time.
pub fn frame(ctx: &egui::Context, app: &mut BaokanApp, clock: &mut f64, events: Vec<Event>) -> Duration {
    *clock += 1.0 / 60.0;
    let input = RawInput {
        screen_rect: Some(Rect::from_min_size(Pos2::ZERO, SIZE)),
        time: Some(*clock),
        events,
        ..Default::default()
    };
    let t = Instant::now();
    let out = ctx.run_ui(input, |ui| app.show(ui));
    let primitives = ctx.tessellate(out.shapes, out.pixels_per_point);
    let spent = t.elapsed();
    std::hint::black_box(primitives);
    spent
}
