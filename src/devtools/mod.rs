//! Support for tests and benchmarks: generated pages and the accounting of characters.

pub mod accounting;
pub mod synth;
