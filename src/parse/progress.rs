//! Progress and cancellation of a long load, shared between the thread doing the work and the
//! window showing it. Plain atomics: the worker counts, the window reads, either may cancel.

use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};

/// How far a load has come.
#[derive(Debug, Default)]
pub struct Progress {
    read: AtomicUsize,
    inputs: AtomicUsize,
    done: AtomicUsize,
    total: AtomicUsize,
    cancelled: AtomicBool,
}

/// A snapshot of [`Progress`] for display.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Stage {
    /// Reading inputs: this many of so many.
    Reading(usize, usize),
    /// Segmenting and classifying pages: this many of so many.
    Parsing(usize, usize),
}

impl Progress {
    /// Asks the work to stop at the next page.
    pub fn cancel(&self) {
        self.cancelled.store(true, Ordering::Relaxed);
    }

    /// True once [`Progress::cancel`] was called.
    pub fn is_cancelled(&self) -> bool {
        self.cancelled.load(Ordering::Relaxed)
    }

    /// Where the work is now.
    pub fn stage(&self) -> Stage {
        let total = self.total.load(Ordering::Relaxed);
        if total == 0 {
            Stage::Reading(self.read.load(Ordering::Relaxed), self.inputs.load(Ordering::Relaxed))
        } else {
            Stage::Parsing(self.done.load(Ordering::Relaxed), total)
        }
    }

    /// The share of the work done, from 0 to 1; reading counts as the first tenth.
    pub fn fraction(&self) -> f32 {
        let part = |a: usize, b: usize| if b == 0 { 0.0 } else { a as f32 / b as f32 };
        match self.stage() {
            Stage::Reading(a, b) => 0.1 * part(a, b),
            Stage::Parsing(a, b) => 0.1 + 0.9 * part(a, b),
        }
    }

    pub(crate) fn start_reading(&self, inputs: usize) {
        self.inputs.store(inputs, Ordering::Relaxed);
    }

    pub(crate) fn input_read(&self) {
        self.read.fetch_add(1, Ordering::Relaxed);
    }

    pub(crate) fn start_parsing(&self, pages: usize) {
        self.total.store(pages.max(1), Ordering::Relaxed);
    }

    pub(crate) fn page_done(&self) {
        self.done.fetch_add(1, Ordering::Relaxed);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stages_and_fractions() {
        let p = Progress::default();
        p.start_reading(2);
        p.input_read();
        assert_eq!(p.stage(), Stage::Reading(1, 2));
        assert!((p.fraction() - 0.05).abs() < 1e-6);
        p.start_parsing(4);
        p.page_done();
        assert_eq!(p.stage(), Stage::Parsing(1, 4));
        assert!((p.fraction() - (0.1 + 0.9 * 0.25)).abs() < 1e-6);
        assert!(!p.is_cancelled());
        p.cancel();
        assert!(p.is_cancelled());
    }
}
