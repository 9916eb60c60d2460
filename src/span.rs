//! Byte ranges into the caller's text.

use serde::{Deserialize, Serialize};

/// A half-open byte range `start..end` into the text that was parsed.
///
/// Every mention carries one, and it always points into the caller's original
/// text: parsers normalize values, never the text. Both ends lie on `char`
/// boundaries, so `&text[span.range()]` never panics for the text the span came
/// from. It serializes as a two-element array `[start, end]`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(from = "[usize; 2]", into = "[usize; 2]")]
pub struct Span {
    /// Offset of the first byte.
    pub start: usize,
    /// Offset one past the last byte.
    pub end: usize,
}

impl Span {
    /// A span from `start` to `end`; `start` must not exceed `end`.
    #[must_use]
    pub const fn new(start: usize, end: usize) -> Span {
        debug_assert!(start <= end);
        Span { start, end }
    }

    /// The span as a `Range`, for slicing.
    #[must_use]
    pub const fn range(self) -> std::ops::Range<usize> {
        self.start..self.end
    }

    /// Length in bytes.
    #[must_use]
    pub const fn len(self) -> usize {
        self.end - self.start
    }

    /// Whether the span covers no bytes.
    #[must_use]
    pub const fn is_empty(self) -> bool {
        self.start == self.end
    }

    /// Whether the two spans share at least one byte.
    #[must_use]
    pub const fn overlaps(self, other: Span) -> bool {
        self.start < other.end && other.start < self.end
    }

    /// Whether `other` lies wholly inside this span.
    #[must_use]
    pub const fn contains(self, other: Span) -> bool {
        self.start <= other.start && other.end <= self.end
    }
}

impl From<[usize; 2]> for Span {
    fn from([start, end]: [usize; 2]) -> Span {
        Span { start, end }
    }
}

impl From<Span> for [usize; 2] {
    fn from(span: Span) -> [usize; 2] {
        [span.start, span.end]
    }
}

impl From<std::ops::Range<usize>> for Span {
    fn from(range: std::ops::Range<usize>) -> Span {
        Span::new(range.start, range.end)
    }
}

#[cfg(test)]
mod tests {
    use super::Span;

    #[test]
    fn overlap_is_strict_at_the_edges() {
        assert!(!Span::new(0, 3).overlaps(Span::new(3, 6)));
        assert!(Span::new(0, 4).overlaps(Span::new(3, 6)));
        assert!(Span::new(2, 8).contains(Span::new(3, 6)));
        assert!(!Span::new(4, 8).contains(Span::new(3, 6)));
    }

    #[test]
    fn serializes_as_a_pair() {
        let json = serde_json::to_string(&Span::new(3, 9)).unwrap();
        assert_eq!(json, "[3,9]");
        let back: Span = serde_json::from_str(&json).unwrap();
        assert_eq!(back, Span::new(3, 9));
    }
}
