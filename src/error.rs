//! Errors: what was wrong with the input, and where.

use thiserror::Error;

/// Everything that can go wrong when a caller hands govnotice its input.
///
/// Text itself never fails to parse: odd text gives fewer mentions, not an
/// error. Errors are about arguments: bytes that are not text, a base date
/// that is not a date.
#[derive(Debug, Error, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum Error {
    /// The bytes are not valid UTF-8.
    #[error("input is not valid UTF-8: invalid byte sequence at byte offset {offset}")]
    InvalidUtf8 {
        /// Offset of the first byte that is not part of valid UTF-8.
        offset: usize,
    },
    /// The bytes fit none of the encodings tried: the one named, or every
    /// candidate when detecting.
    #[error("input is not valid {encoding}: invalid byte sequence at byte offset {offset}")]
    Undecodable {
        /// The encoding the bytes were decoded as (the caller's, or the
        /// detected one when the caller named none).
        encoding: &'static str,
        /// Offset of the first byte that is not part of a valid sequence, in
        /// the bytes as the caller passed them.
        offset: usize,
    },
    /// An encoding name that no encoding goes by.
    #[error("unknown encoding {label:?}: expected a WHATWG label such as \"utf-8\", \"gbk\", \"gb18030\" or \"big5\"")]
    UnknownEncoding {
        /// The name as given.
        label: String,
    },
    /// A base date given as text could not be read.
    #[error("base date {input:?} is not a calendar date in YYYY-MM-DD form: {reason}")]
    InvalidBaseDate {
        /// The text as given.
        input: String,
        /// Why it was refused.
        reason: String,
    },
}

/// Decodes UTF-8 bytes, naming the offset of the first bad byte on failure.
///
/// A leading byte-order mark is dropped; the offset in the error counts it,
/// so it points into the bytes as the caller passed them.
///
/// ```
/// use govnotice::{decode_utf8, Error};
///
/// assert_eq!(decode_utf8("\u{feff}宝山".as_bytes()), Ok("宝山"));
/// assert_eq!(decode_utf8(b"ab\xff"), Err(Error::InvalidUtf8 { offset: 2 }));
/// ```
pub fn decode_utf8(bytes: &[u8]) -> Result<&str, Error> {
    const BOM: &[u8] = b"\xEF\xBB\xBF";
    let (skipped, rest) = match bytes.strip_prefix(BOM) {
        Some(rest) => (BOM.len(), rest),
        None => (0, bytes),
    };
    std::str::from_utf8(rest).map_err(|e| Error::InvalidUtf8 {
        offset: skipped + e.valid_up_to(),
    })
}
