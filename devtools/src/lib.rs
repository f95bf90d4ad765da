//! Support for Baokan's tests, benchmarks and fuzz target: generated pages ([`synth`]) and
//! the accounting of characters ([`accounting`]). Kept out of the `baokan` library, so the
//! program ships neither.

pub mod accounting;
pub mod synth;
