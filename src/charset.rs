//! Sets of characters tested at every character of a stretch of text.
//!
//! A scan that asks of each character "is it one of these few dozen?" pays
//! for the question once per character read. A hash set answers with a
//! hash and a probe, a list with a comparison per member; [`CharSet`]
//! answers with one load and a bit test, from one bit per code point of the
//! Basic Multilingual Plane.

/// Code points below this have a bit; every character of the tables is
/// there (Chinese, its punctuation, ASCII). Characters above it are never
/// members.
const PLANE: usize = 0x1_0000;

/// A set of characters of the Basic Multilingual Plane, one bit per code
/// point: 8 KiB, of which a scan over Chinese text touches the 2.6 KiB of
/// the unified ideographs.
pub(crate) struct CharSet {
    bits: Box<[u64; PLANE / 64]>,
}

impl CharSet {
    /// The set of `chars`.
    ///
    /// # Panics
    ///
    /// When one of `chars` lies outside the Basic Multilingual Plane. The
    /// sets are built from the crate's own tables, so that is a mistake in
    /// the tables, caught by the tests, not an input error.
    pub(crate) fn new(chars: impl IntoIterator<Item = char>) -> CharSet {
        let mut bits = Box::new([0u64; PLANE / 64]);
        for c in chars {
            let code = c as usize;
            assert!(
                code < PLANE,
                "{c:?} lies outside the Basic Multilingual Plane"
            );
            bits[code / 64] |= 1 << (code % 64);
        }
        CharSet { bits }
    }

    /// Whether `c` is in the set.
    pub(crate) fn contains(&self, c: char) -> bool {
        let code = c as usize;
        self.bits
            .get(code / 64)
            .is_some_and(|word| word & (1 << (code % 64)) != 0)
    }
}

/// A Han character (the unified ideographs and extension A).
pub(crate) fn is_han(c: char) -> bool {
    matches!(c, '\u{4e00}'..='\u{9fff}' | '\u{3400}'..='\u{4dbf}')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn members_and_only_members() {
        let members = ['的', '局', 'a', '\0', '\u{FFFF}', '、'];
        let set = CharSet::new(members);
        for c in members {
            assert!(set.contains(c), "{c:?}");
        }
        // Neighbours in the same word of bits, and characters beyond the
        // plane, are not members.
        let near = [
            '\u{5C00}'..='\u{5C7F}', // 局 U+5C40
            '\u{7680}'..='\u{76BF}', // 的 U+7684
            '\u{1}'..='\u{7F}',
            '\u{FFC0}'..='\u{FFFE}',
            '\u{10000}'..='\u{10FFFF}',
        ];
        for c in near.into_iter().flatten().filter(|c| !members.contains(c)) {
            assert!(!set.contains(c), "{c:?}");
        }
        assert!(!CharSet::new([]).contains('的'));
    }

    #[test]
    #[should_panic(expected = "outside the Basic Multilingual Plane")]
    fn characters_beyond_the_plane_are_refused() {
        CharSet::new(['𠀀']);
    }
}
