//! Files in and out: reading page text from files, folders and zips in any encoding, the
//! `.baokan` archive with the segmentation it keeps, atomic writes, exports, and the embedded
//! sample archive.

pub mod archive;
pub mod atomic;
pub(crate) mod decode;
pub mod export;
pub(crate) mod pathmeta;
pub mod sample;
pub mod source;
pub mod stored;
