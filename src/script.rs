//! Traditional and simplified Chinese script.
//!
//! Pages from Hong Kong mirrors, Taiwanese portals and the `BIG5` copies of
//! mainland news sites write the same field keys, bylines and name endings
//! in traditional characters (`來源`, `責任編輯`, `北京日報`). The cue tables
//! are written in simplified characters; [`variants`] spells each cue in
//! traditional characters as well, so the automata built from the tables
//! find both, and [`fold`] turns a word found in the text back into
//! simplified characters to look it up.
//!
//! The division names are many, so they are not spelled out: the district
//! scan reads the text folded ([`fold`]), and its spans hold for the text as
//! written.
//!
//! The map (`data/traditional.tsv`) holds only the characters the tables and
//! the division names use, and only pairs that take three bytes each in
//! UTF-8, so a folded text has the byte length, and every character the
//! offset, of the text as written.

use std::borrow::Cow;
use std::sync::LazyLock;

use rustc_hash::FxHashMap;

use crate::charset::CharSet;

const TABLE: &str = include_str!("../data/traditional.tsv");

/// At most this many spellings of one cue, its own included. Cues are
/// short and few of their characters have more than one traditional form
/// (`台`: `臺`, `檯`, `颱`), so real cues stay far below it; the bound keeps a
/// long cue of many such characters from multiplying the automaton.
const MAX_VARIANTS: usize = 16;

struct Map {
    /// Traditional form → simplified character.
    simplified: FxHashMap<char, char>,
    /// The traditional forms, for the one test per character that tells
    /// whether a text needs folding at all.
    forms: CharSet,
    /// Simplified character → its traditional forms.
    traditional: FxHashMap<char, Vec<char>>,
}

static MAP: LazyLock<Map> = LazyLock::new(|| {
    let mut simplified = FxHashMap::default();
    let mut traditional: FxHashMap<char, Vec<char>> = FxHashMap::default();
    for row in TABLE.lines().filter(|row| !row.starts_with('#')) {
        let (Some((simple, forms)), true) = (row.split_once('\t'), !row.is_empty()) else {
            continue;
        };
        let mut chars = simple.chars();
        let (Some(simple), None) = (chars.next(), chars.next()) else {
            panic!("data/traditional.tsv: one simplified character per row: {row:?}");
        };
        for form in forms.split(' ').filter_map(|f| f.chars().next()) {
            assert_eq!(form.len_utf8(), simple.len_utf8(), "{row:?}");
            simplified.insert(form, simple);
            traditional.entry(simple).or_default().push(form);
        }
    }
    let forms = CharSet::new(simplified.keys().copied());
    Map {
        simplified,
        forms,
        traditional,
    }
});

/// `word` (or a whole text) in simplified characters, as far as the map
/// knows them; borrowed when its opening holds no traditional character
/// ([`DETECT_BYTES`]). Every character keeps its byte offset.
#[must_use]
pub(crate) fn fold(word: &str) -> Cow<'_, str> {
    let map = &*MAP;
    if !has_form(word, &map.forms) {
        return Cow::Borrowed(word);
    }
    Cow::Owned(
        word.chars()
            .map(|c| map.simplified.get(&c).copied().unwrap_or(c))
            .collect(),
    )
}

/// A text is taken for one in traditional characters when one shows within
/// its first this many bytes (about 1,300 characters): pages are written in
/// one script, and a page's opening (title, header, first paragraphs) holds
/// dozens of characters that differ between the two. Testing the whole of a
/// long text character by character was 4% of a parse.
const DETECT_BYTES: usize = 4096;

/// Whether the opening of `text` holds a character of `forms`.
fn has_form(text: &str, forms: &CharSet) -> bool {
    let mut end = text.len().min(DETECT_BYTES);
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    text[..end].chars().any(|c| forms.contains(c))
}

/// The spellings of a simplified `cue`: itself first, then its spellings in
/// traditional characters (every combination of the forms of its
/// characters, at most [`MAX_VARIANTS`] in all).
#[must_use]
pub(crate) fn variants(cue: &str) -> Vec<String> {
    let map = &*MAP;
    let mut out = vec![String::new()];
    for c in cue.chars() {
        let forms = map.traditional.get(&c).map_or(&[][..], Vec::as_slice);
        let mut next = Vec::with_capacity(out.len() * (1 + forms.len()));
        for stem in &out {
            for &form in std::iter::once(&c).chain(forms) {
                if next.len() < MAX_VARIANTS {
                    let mut grown = stem.clone();
                    grown.push(form);
                    next.push(grown);
                }
            }
        }
        out = next;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folds_keep_byte_length_and_borrow_when_unchanged() {
        assert_eq!(fold("責任編輯"), "责任编辑");
        assert_eq!(fold("北京日報").len(), "北京日報".len());
        assert!(matches!(fold("来源"), Cow::Borrowed(_)));
    }

    #[test]
    fn variants_spell_every_form() {
        let all = variants("来源");
        assert_eq!(all[0], "来源");
        assert!(all.contains(&"來源".to_owned()));
        let all = variants("发布");
        assert!(all.contains(&"發布".to_owned()) && all.contains(&"發佈".to_owned()));
        assert_eq!(variants("abc"), ["abc"]);
        assert!(variants(&"台".repeat(10)).len() <= MAX_VARIANTS);
    }
}
