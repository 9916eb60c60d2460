//! Government bodies named in running text, and the district a body's name
//! ties it to.
//!
//! A body's name ends in a suffix of `data/source_kinds.tsv` (`局`, `委`,
//! `宣传部`, `委员会`) and starts at something that bounds it on the left: a
//! division (`普陀区科委`, `上海市普陀区委宣传部`), a national prefix after
//! punctuation or a stop character (`中央宣传部`, `由中国通信工业协会…委员会`), or
//! a lone `区`, `市` or `县` there (`区科委`, the short form of the home
//! district's). Names known whole (`科技部`, `国务院`) count anywhere. A name
//! never runs across punctuation or a stop character (`的`, `在`, `与`), and a
//! suffix inside a word that does not end a name (`举办`, `部门`) is no suffix.

use crate::district::{DistrictMention, Level};
use crate::gazetteer;
use crate::span::Span;

use super::lexicon::{is_han, Lexicon, LEXICON};
use super::SourceKind;

/// A body's name runs at most this many characters past its left bound: the
/// longest names of district bodies (`文化和旅游局`, `城乡数字化专业委员会`) stay
/// well under it, and a longer run is a clause, not a name.
const MAX_TAIL_CHARS: usize = 20;

/// A short form (`区科委`) is at most this many characters: short forms drop
/// the division to be short.
const MAX_SHORT_FORM_CHARS: usize = 8;

/// The prefix of a party committee's name, before its division.
const PARTY: &str = "中共";

/// One body named in the text.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) struct Named {
    /// The name as written.
    pub span: Span,
    pub kind: SourceKind,
}

/// What bounds a name on the left.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Anchor {
    /// A full division name (`宝山区`) or a national prefix (`中央`).
    Strong,
    /// A division's short name (`上海`, `宝山`): it also opens names of
    /// parks and institutes (`上海清华国际创新中心`), so weak suffixes do not
    /// count after it.
    Weak,
    /// A lone `区`, `市` or `县`: the short form of the home district's body.
    Short,
}

/// What a word hit of the lexicon marks, with its place in the text.
#[derive(Clone, Copy, Debug)]
struct WordHit {
    span: Span,
    suffix: bool,
    /// A suffix that ends a name only after a full division name.
    weak: bool,
    name: bool,
    prefix: bool,
    block: bool,
}

/// Every agency `text` names inside `body`, in text order, each name once
/// (at its first mention). `mentions` are the text's district mentions in
/// text order.
pub(super) fn find(text: &str, body: Span, mentions: &[DistrictMention]) -> Vec<Named> {
    let lexicon = &*LEXICON;
    let hits = word_hits(lexicon, text, body);
    let blocks: Vec<Span> = hits.iter().filter(|h| h.block).map(|h| h.span).collect();
    let suffixes: Vec<&WordHit> = hits
        .iter()
        .filter(|h| h.suffix && !blocked(h.span, &blocks, lexicon.max_block_len))
        .collect();

    // Left bounds: divisions, national prefixes and lone 区/市/县 after a boundary.
    let mut anchors: Vec<(Span, Anchor)> = mentions
        .iter()
        .filter(|m| body.contains(m.span))
        .map(|m| {
            let full = text[m.span.range()] == m.name;
            (m.span, if full { Anchor::Strong } else { Anchor::Weak })
        })
        .collect();
    anchors.extend(
        hits.iter()
            .filter(|h| h.prefix && at_boundary(lexicon, text, body, h.span.start))
            .map(|h| (h.span, Anchor::Strong)),
    );
    anchors.extend(
        lone_divisions(text, body)
            .filter(|span| at_boundary(lexicon, text, body, span.start))
            .map(|span| (span, Anchor::Short)),
    );
    anchors.sort_unstable_by_key(|(span, _)| (span.start, std::cmp::Reverse(span.end)));

    let mut found: Vec<Named> = Vec::new();
    for (anchor, strength) in anchors {
        if found.last().is_some_and(|f| anchor.start < f.span.end) {
            continue;
        }
        let limit = tail_end(
            lexicon,
            text,
            anchor.end,
            body.end,
            strength == Anchor::Short,
        );
        // Suffixes come in order of where they end.
        let first = suffixes.partition_point(|s| s.span.end <= anchor.end);
        let end = suffixes[first..]
            .iter()
            .take_while(|s| s.span.end <= limit)
            .filter(|s| s.span.start >= anchor.end)
            .filter(|s| !(s.weak && strength == Anchor::Weak))
            .map(|s| s.span.end)
            .max();
        if let Some(end) = end {
            found.push(Named {
                span: Span::new(anchor.start, end),
                kind: SourceKind::Agency,
            });
        }
    }
    // Names known whole, where no longer name holds them.
    for hit in hits.iter().filter(|h| h.name) {
        let name = &text[hit.span.range()];
        let agency = lexicon.kind_of(name) == Some(SourceKind::Agency);
        if agency && !found.iter().any(|f| f.span.overlaps(hit.span)) {
            found.push(Named {
                span: hit.span,
                kind: SourceKind::Agency,
            });
        }
    }
    found.sort_unstable_by_key(|f| f.span.start);
    let mut seen: Vec<&str> = Vec::new();
    found.retain(|f| {
        let name = &text[f.span.range()];
        let new = !seen.contains(&name);
        seen.push(name);
        new
    });
    found
}

/// The lexicon's words in `body`: suffixes and known names of agencies,
/// prefixes and blocking words.
fn word_hits(lexicon: &Lexicon, text: &str, body: Span) -> Vec<WordHit> {
    lexicon
        .words
        .find_overlapping_iter(&text[body.range()])
        .filter_map(|m| {
            let word = &lexicon.word_info[m.value() as usize];
            let hit = WordHit {
                span: Span::new(body.start + m.start(), body.start + m.end()),
                suffix: word.suffix == Some(SourceKind::Agency),
                weak: word.weak,
                name: word.name == Some(SourceKind::Agency),
                prefix: word.prefix,
                block: word.block,
            };
            (hit.suffix || hit.name || hit.prefix || hit.block).then_some(hit)
        })
        .collect()
}

/// Whether a blocking word overlaps `suffix` without lying inside it (`举办`
/// blocks the `办` in it; `办公` does not block `办公室`). `blocks` are in
/// order of where they end, and none is longer than `max_len` bytes.
fn blocked(suffix: Span, blocks: &[Span], max_len: usize) -> bool {
    let first = blocks.partition_point(|b| b.end <= suffix.start);
    blocks[first..]
        .iter()
        .take_while(|b| b.end < suffix.end + max_len)
        .any(|b| b.overlaps(suffix) && !suffix.contains(*b))
}

/// Every `区`, `市` and `县` of `body`. The three share the lead byte 0xE5,
/// which only one Han character in sixteen has, so they are found by `memchr`
/// instead of decoding every character (which took two thirds of this
/// module's own time).
fn lone_divisions(text: &str, body: Span) -> impl Iterator<Item = Span> + '_ {
    const WIDTH: usize = '区'.len_utf8();
    let bytes = &text.as_bytes()[body.range()];
    memchr::memchr_iter(0xE5, bytes)
        .map(move |at| body.start + at)
        .filter(move |&at| {
            let tail = text.as_bytes().get(at + 1..at + WIDTH);
            // 区 U+533A, 市 U+5E02, 县 U+53BF
            matches!(tail, Some([0x8C, 0xBA] | [0xB8, 0x82] | [0x8E, 0xBF]))
        })
        .map(|at| Span::new(at, at + WIDTH))
}

/// Whether a name may start at `at`: after punctuation, a non-Han character,
/// a stop character, or at the start of the body.
fn at_boundary(lexicon: &Lexicon, text: &str, body: Span, at: usize) -> bool {
    text[body.start..at]
        .chars()
        .next_back()
        .is_none_or(|c| bound(lexicon, c))
}

fn bound(lexicon: &Lexicon, c: char) -> bool {
    !is_han(c) || lexicon.is_stop(c)
}

/// Where a name that continues at `from` must end at the latest: before the
/// first character that is not Han or is a stop, and within the length bound.
fn tail_end(lexicon: &Lexicon, text: &str, from: usize, limit: usize, short: bool) -> usize {
    let max = if short {
        MAX_SHORT_FORM_CHARS
    } else {
        MAX_TAIL_CHARS
    };
    let rest = &text[from..limit];
    rest.char_indices()
        .enumerate()
        .find(|&(n, (_, c))| n == max || !is_han(c) || lexicon.is_stop(c))
        .map_or(limit, |(_, (at, _))| from + at)
}

/// The district a name written at `name` of `text` belongs to: the last division of
/// the chain of divisions the name opens with (`上海市普陀区委宣传部` → 普陀区),
/// when it is decided. `mentions` are in text order.
pub(super) fn district_of<'m>(
    text: &str,
    name: Span,
    mentions: &'m [DistrictMention],
) -> Option<&'m DistrictMention> {
    let first = mentions.partition_point(|m| m.span.start < name.start);
    let mut chain = mentions[first..]
        .iter()
        .take_while(|m| name.contains(m.span));
    // The name opens with the division, or with a party prefix before it
    // (`中共上海市委`).
    let mut last = chain.next().filter(|m| {
        text.get(name.start..m.span.start)
            .is_some_and(|p| p.is_empty() || p == PARTY)
    })?;
    for next in chain {
        if next.span.start != last.span.end {
            break;
        }
        last = next;
    }
    (!last.ambiguous && !last.code.is_empty()).then_some(last)
}

/// The full name and district of a short form that drops its division
/// (`区科委` → `普陀区科委`, `市卫健委` → `上海市卫健委`), for a notice whose own
/// district is `home`.
pub(super) fn expand(name: &str, home: &str) -> Option<(String, &'static str)> {
    let first = name.chars().next()?;
    let rest = &name[first.len_utf8()..];
    if !matches!(first, '区' | '市' | '县') || rest.chars().count() < 2 {
        return None;
    }
    let chain = gazetteer::division(home)?.chain();
    let division = if first == '市' {
        // A municipality (上海市) is its own city.
        chain
            .iter()
            .rev()
            .find(|d| d.level() == Level::City)
            .or_else(|| chain.first())
    } else {
        chain.iter().find(|d| d.level() == Level::County)
    }?;
    division
        .name()
        .ends_with(first)
        .then(|| (format!("{}{rest}", division.name()), division.code()))
}

#[cfg(test)]
mod tests {
    use super::lone_divisions;
    use crate::span::Span;

    proptest::proptest! {
        /// The byte search finds the characters a `char` scan finds, among
        /// others that share their lead byte (`与`, `县` beside `厂`).
        #[test]
        fn lone_divisions_are_the_characters(
            pieces in proptest::collection::vec(
                proptest::sample::select(vec!["区", "市", "县", "与", "厂", "局", "a", "，", "𠀀"]),
                0..40,
            ),
            skip in 0usize..4,
        ) {
            let text = pieces.concat();
            let start = text.char_indices().nth(skip).map_or(text.len(), |(at, _)| at);
            let body = Span::new(start, text.len());
            let by_chars: Vec<Span> = text[body.range()]
                .char_indices()
                .filter(|&(_, c)| matches!(c, '区' | '市' | '县'))
                .map(|(at, c)| Span::new(start + at, start + at + c.len_utf8()))
                .collect();
            proptest::prop_assert_eq!(lone_divisions(&text, body).collect::<Vec<_>>(), by_chars);
        }
    }
}
