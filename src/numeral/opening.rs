//! Where a number may open: a bit table over the characters that can, the
//! tests of a character's neighbours, and the words (`四川`, `统一`) whose
//! numeral characters open nothing.

use std::sync::LazyLock;

use rustc_hash::FxHashMap;

use super::lexicon::{
    arabic_digit, chinese_digit, compound_tens, is_arabic_point, is_chinese_minus, sign_symbol,
    unit_exponent, NON_NUMERAL_WORDS,
};
use super::text::{char_at, char_before};

/// The characters `may_start` can accept, one bit per code point of the
/// Basic Multilingual Plane (8 KiB, computed at compile time), so the scan
/// tests each character of the text with one load instead of a chain of
/// `match`es. Built from the same character tests as `may_start`, so the two
/// cannot disagree.
static OPENERS: [u64; OPENER_TABLE_CHARS / 64] = opener_table();

/// Code points below this are in [`OPENERS`]; the few characters above it
/// (outside the Basic Multilingual Plane) go through `could_open` itself.
const OPENER_TABLE_CHARS: usize = 0x1_0000;

const fn opener_table() -> [u64; OPENER_TABLE_CHARS / 64] {
    let mut bits = [0u64; OPENER_TABLE_CHARS / 64];
    let mut code = 0;
    while code < OPENER_TABLE_CHARS {
        if let Some(c) = char::from_u32(code as u32) {
            if could_open(c) {
                bits[code / 64] |= 1 << (code % 64);
            }
        }
        code += 1;
    }
    bits
}

/// Whether `c` may open a number: [`OPENERS`] for the Basic Multilingual
/// Plane.
pub(super) fn may_open(c: char) -> bool {
    let code = c as usize;
    match OPENERS.get(code / 64) {
        Some(word) => word & (1 << (code % 64)) != 0,
        None => could_open(c),
    }
}

/// The first character at or after `from` (a character boundary) that may
/// open a number, with its offset. ASCII and three-byte characters (all of
/// Chinese) are tested on their bytes: a three-byte character's lead and
/// second byte name its word of [`OPENERS`] and its last byte the bit, so
/// the text is skipped without being decoded (decoding was a third of the
/// scan's own time).
pub(super) fn next_opener(text: &str, from: usize) -> Option<(char, usize)> {
    let bytes = text.as_bytes();
    let mut at = from;
    while let Some(&lead) = bytes.get(at) {
        let (word, bit, width) = match lead {
            0..0x80 => (OPENERS[usize::from(lead >> 6)], lead & 0x3F, 1),
            0xE0..0xF0 => match bytes.get(at + 1..at + 3) {
                Some(&[second, third]) => (
                    OPENERS[usize::from(lead & 0x0F) << 6 | usize::from(second & 0x3F)],
                    third & 0x3F,
                    3,
                ),
                _ => return None,
            },
            _ => {
                let c = text.get(at..)?.chars().next()?;
                if may_open(c) {
                    return Some((c, at));
                }
                at += c.len_utf8();
                continue;
            }
        };
        if word & (1 << bit) != 0 {
            return text.get(at..)?.chars().next().map(|c| (c, at));
        }
        at += width;
    }
    None
}

/// Whether `c` passes the character tests of `may_start`, whatever its
/// neighbours.
const fn could_open(c: char) -> bool {
    opens_alone(c) || is_arabic_point(c) || sign_symbol(c).is_some()
}

/// Characters that may open a number wherever they stand.
const fn opens_alone(c: char) -> bool {
    arabic_digit(c).is_some()
        || chinese_digit(c).is_some()
        || unit_exponent(c).is_some()
        || compound_tens(c).is_some()
        || is_chinese_minus(c)
        || matches!(c, '几' | '幾' | '数' | '數' | '上' | '半')
}

/// Cheap test before trying a number at `pos`.
pub(super) fn may_start(text: &str, pos: usize, c: char) -> bool {
    let next = pos + c.len_utf8();
    if opens_alone(c) {
        return true;
    }
    let digit_follows = |at: usize| char_at(text, at).is_some_and(|d| arabic_digit(d).is_some());
    if is_arabic_point(c) {
        return digit_follows(next) && !char_before(text, pos).is_some_and(is_number_char);
    }
    sign_symbol(c).is_some() && sign_allowed(text, pos) && {
        let after = char_at(text, next);
        digit_follows(next) || after.is_some_and(is_arabic_point) && digit_follows(next + 1)
    }
}

/// A `-` right after a number, a letter or a closing mark joins or hyphenates
/// (`5-8`, `COVID-19`), and one after another sign is a dash (`－－9`);
/// elsewhere it is a minus sign.
pub(super) fn sign_allowed(text: &str, pos: usize) -> bool {
    !char_before(text, pos).is_some_and(|prev| {
        is_number_char(prev)
            || prev.is_ascii_alphanumeric()
            || matches!(prev, '%' | '％' | '‰' | ')' | '）' | ']' | '】')
            || sign_symbol(prev).is_some()
    })
}

/// A digit, an Arabic point, a Chinese digit or a place unit.
pub(super) fn is_number_char(c: char) -> bool {
    arabic_digit(c).is_some()
        || is_arabic_point(c)
        || chinese_digit(c).is_some()
        || unit_exponent(c).is_some()
}

/// The non-numeral words by character: for each character, the words holding
/// it and its byte offset in each. Built once, so a check compares only the
/// few words that contain the character instead of searching all of them (the
/// search was still 6% of a whole-notice parse, profiled).
static NON_NUMERAL_BY_CHAR: LazyLock<FxHashMap<char, Vec<(&'static str, usize)>>> =
    LazyLock::new(|| {
        let mut by_char: FxHashMap<char, Vec<(&'static str, usize)>> = FxHashMap::default();
        for &word in NON_NUMERAL_WORDS {
            for (offset, ch) in word.char_indices() {
                by_char.entry(ch).or_default().push((word, offset));
            }
        }
        by_char
    });

/// Whether the character `c` at `start` lies inside a word such as `四川` or
/// `统一`; no number starts at such a character.
pub(super) fn inside_non_numeral_word(text: &str, start: usize, c: char) -> bool {
    NON_NUMERAL_BY_CHAR.get(&c).is_some_and(|words| {
        words.iter().any(|&(word, offset)| {
            start
                .checked_sub(offset)
                .and_then(|word_start| text.get(word_start..))
                .is_some_and(|rest| rest.starts_with(word))
        })
    })
}

#[cfg(test)]
mod tests {
    use super::{may_open, next_opener};

    proptest::proptest! {
        /// The byte test finds the characters `may_open` finds, among
        /// neighbours of every width and of the openers' own blocks.
        #[test]
        fn next_opener_is_the_first_character_that_may_open(
            pieces in proptest::collection::vec(
                proptest::sample::select(vec![
                    "1", "a", "-", "@", "．", "５", "一", "丁", "二", "亍", "万", "丈", "百",
                    "皂", "两", "〇", "、", "é", "𠀀", "負", "负",
                ]),
                0..30,
            ),
            skip in 0usize..3,
        ) {
            let text = pieces.concat();
            let from = text.char_indices().nth(skip).map_or(text.len(), |(at, _)| at);
            let by_chars = text[from..]
                .char_indices()
                .find(|&(_, c)| may_open(c))
                .map(|(offset, c)| (c, from + offset));
            proptest::prop_assert_eq!(next_opener(&text, from), by_chars);
        }
    }
}
