//! What the text around a number says about it: regions where numbers are not
//! figures, clause boundaries, and the words that make a clause about money.

use memchr::memmem;

use crate::numeral::Reading;
use crate::span::Span;

use super::lexicon::{Cue, Lexicon};

/// The longest `《…》` title taken as one region, in characters. Titles of
/// plans and policies run to about sixty; a lone `《` with no close within
/// this many characters is a stray bracket, not a title.
const MAX_TITLE_CHARS: usize = 100;

/// The longest `“…”` quotation treated as a slogan (`“一核两区”`, `“十四五”`),
/// in characters. Longer quotations are reported speech, whose figures count.
const MAX_SLOGAN_CHARS: usize = 12;

/// Per-text facts, gathered in one pass before any number is read.
pub(super) struct TextContext {
    /// Sorted, non-overlapping regions whose numbers are not figures.
    excluded: Vec<Span>,
    /// Start offsets of money words (`产值`, `投资`), ascending.
    money_words: Vec<usize>,
}

impl TextContext {
    /// The context of `numbers` (in text order) in `text`. Fixed phrases
    /// and money words are looked for only in the clauses that hold a
    /// number, the only ones asked about: in notices those are about a
    /// quarter of the text, and the phrase search over all of it was 6% of
    /// a parse (profiled).
    pub fn of(text: &str, numbers: &[Reading], lexicon: &Lexicon) -> TextContext {
        TextContext::searching(text, &clauses_with_numbers(text, numbers), lexicon)
    }

    /// The context, with phrases looked for in `stretches` (sorted,
    /// disjoint, each bounded by clause breaks or the text's ends).
    fn searching(text: &str, stretches: &[Span], lexicon: &Lexicon) -> TextContext {
        let mut excluded = Vec::new();
        let mut money_words = Vec::new();
        for &clauses in stretches {
            let searched = &text[clauses.range()];
            for found in lexicon.cue_finder.leftmost_find_iter(searched) {
                let (start, end) = (clauses.start + found.start(), clauses.start + found.end());
                match lexicon.searched_cues[found.value() as usize] {
                    Cue::MoneyContext => money_words.push(start),
                    _ => excluded.push(Span::new(start, end)),
                }
            }
        }
        bracketed_regions(text, &mut excluded);
        address_like_runs(text, &mut excluded);
        excluded.sort_unstable();
        let mut merged: Vec<Span> = Vec::with_capacity(excluded.len());
        for span in excluded {
            match merged.last_mut() {
                Some(last) if span.start <= last.end => last.end = last.end.max(span.end),
                _ => merged.push(span),
            }
        }
        TextContext {
            excluded: merged,
            money_words,
        }
    }

    /// Whether `span` lies inside a region whose numbers are not figures.
    /// Inside, not overlapping: `两千万` holds the phrase `千万` ("by all
    /// means") and is still a number.
    pub fn is_excluded(&self, span: Span) -> bool {
        let after = self
            .excluded
            .partition_point(|region| region.start <= span.start);
        after > 0 && self.excluded[after - 1].contains(span)
    }

    /// Whether the clause `clause` names a money word.
    pub fn clause_is_about_money(&self, clause: Span) -> bool {
        let first = self
            .money_words
            .partition_point(|&start| start < clause.start);
        self.money_words
            .get(first)
            .is_some_and(|&start| start < clause.end)
    }
}

/// Whether `c` ends a clause: the unit a figure's subject, date and district
/// are read from.
pub(super) fn is_clause_break(c: char) -> bool {
    matches!(
        c,
        '，' | ',' | '。' | '；' | ';' | '！' | '!' | '？' | '?' | '：' | ':' | '、' | '\n' | '\r'
    )
}

/// Stretches of clauses with numbers closer than this many bytes (a dozen
/// Han characters) are searched as one, with the clauses between: a search
/// has a set-up cost, and clauses with figures come in runs. Smaller gaps
/// start more searches; larger ones search more text no figure asks about.
const JOINED_GAP_BYTES: usize = 36;

/// The whole clauses that hold a number of `numbers` (in text order), as
/// sorted, disjoint stretches of `text`, each from just after a clause
/// break (or the start) to a break (or the end). No cue phrase holds a
/// break ([`Lexicon`] checks), so a leftmost-longest search of a stretch
/// finds what a search of the whole text finds there, and a number's
/// [`clause_around`] lies inside its stretch. Each character is read at
/// most twice, whatever the numbers.
fn clauses_with_numbers(text: &str, numbers: &[Reading]) -> Vec<Span> {
    let mut stretches: Vec<Span> = Vec::new();
    for number in numbers {
        let covered = stretches.last().map_or(0, |last| last.end);
        if number.span().end <= covered {
            continue;
        }
        // Back to the break before the number, but not into the last
        // stretch, which ends at a break.
        let start = text[covered..number.span().start.max(covered)]
            .char_indices()
            .rev()
            .find(|&(_, c)| is_clause_break(c))
            .map_or(covered, |(at, c)| covered + at + c.len_utf8());
        let end = text[number.span().end..]
            .char_indices()
            .find(|&(_, c)| is_clause_break(c))
            .map_or(text.len(), |(at, _)| number.span().end + at);
        match stretches.last_mut() {
            Some(last) if start <= last.end + JOINED_GAP_BYTES => last.end = end,
            _ => stretches.push(Span::new(start, end)),
        }
    }
    stretches
}

/// How far a clause reaches on each side of a number, in characters. Clauses
/// in notices run to a few dozen characters; text with no break for this long
/// (a flattened table, a scraped run without punctuation) has no clause to
/// speak of, and reading it whole for every number would make a long line
/// cost the square of its length.
const MAX_CLAUSE_CHARS: usize = 200;

/// The clause around `span`: from the break before it to the break after it,
/// at most [`MAX_CLAUSE_CHARS`] characters away.
pub(super) fn clause_around(text: &str, span: Span) -> Span {
    let mut start = span.start;
    for (i, c) in text[..span.start]
        .char_indices()
        .rev()
        .take(MAX_CLAUSE_CHARS)
    {
        if is_clause_break(c) {
            break;
        }
        start = i;
    }
    let mut end = span.end;
    for (i, c) in text[span.end..].char_indices().take(MAX_CLAUSE_CHARS) {
        if is_clause_break(c) {
            break;
        }
        end = span.end + i + c.len_utf8();
    }
    Span::new(start, end)
}

/// Adds `《…》` titles and short `“…”` slogans: numbers in them are names.
///
/// A `《` opens a title wherever it stands, even inside an open quotation; a
/// `“` opens a slogan only outside a region. A region closes at its closing
/// mark, or is dropped at a line break or when it runs past its length
/// bound. The openers are found with substring searches and only the
/// characters inside a candidate region are read one by one, so text with
/// few brackets costs little more than the searches.
fn bracketed_regions(text: &str, excluded: &mut Vec<Span>) {
    let mut next_title = Opener::new(text, "《");
    let mut next_quote = Opener::new(text, "“");
    let mut at = 0;
    loop {
        let title = next_title.at_or_after(text, at);
        let quote = next_quote.at_or_after(text, at);
        let (mut start, mut wanted) = match (title, quote) {
            (Some(t), Some(q)) if q < t => (q, '”'),
            (Some(t), _) => (t, '》'),
            (None, Some(q)) => (q, '”'),
            (None, None) => return,
        };
        let mut chars = 0;
        // Both opening marks are three bytes long.
        let from = start + '《'.len_utf8();
        at = text.len();
        for (offset, c) in text[from..].char_indices() {
            let pos = from + offset;
            if c == '《' {
                (start, wanted, chars) = (pos, '》', 0);
            } else if c == wanted {
                excluded.push(Span::new(start, pos + c.len_utf8()));
                at = pos + c.len_utf8();
                break;
            } else {
                let limit = if wanted == '》' {
                    MAX_TITLE_CHARS
                } else {
                    MAX_SLOGAN_CHARS
                };
                if chars < limit && c != '\n' {
                    chars += 1;
                } else {
                    at = pos + c.len_utf8();
                    break;
                }
            }
        }
    }
}

/// Where the next occurrence of an opening mark is, remembered between
/// look-ups so the text is searched for it once overall. The search is
/// `memchr`'s vectorised substring search: `str::find` took half as many
/// instructions again over the evaluation corpus (86 M against about 56 M).
struct Opener {
    finder: memmem::Finder<'static>,
    next: Option<usize>,
}

impl Opener {
    fn new(text: &str, mark: &'static str) -> Opener {
        let finder = memmem::Finder::new(mark);
        let next = finder.find(text.as_bytes());
        Opener { finder, next }
    }

    fn at_or_after(&mut self, text: &str, at: usize) -> Option<usize> {
        match self.next {
            Some(next) if next < at => {
                let rest = text.as_bytes().get(at..)?;
                self.next = self.finder.find(rest).map(|found| at + found);
            }
            _ => {}
        }
        self.next
    }
}

/// Adds runs of ASCII that are addresses rather than prose: URLs, e-mail
/// addresses, file names, licence and model codes with a slash.
fn address_like_runs(text: &str, excluded: &mut Vec<Span>) {
    // Every mark an address is told by holds `/`, `@` or `.`, so only the
    // runs around those bytes are read, found with `memchr`, rather than
    // every byte of the text tested.
    let bytes = text.as_bytes();
    let mut from = 0;
    while let Some(found) = memchr::memchr3(b'/', b'@', b'.', &bytes[from..]) {
        let hit = from + found;
        let start = bytes[..hit]
            .iter()
            .rposition(|b| !b.is_ascii_graphic())
            .map_or(0, |at| at + 1);
        let end = bytes[hit..]
            .iter()
            .position(|b| !b.is_ascii_graphic())
            .map_or(bytes.len(), |at| hit + at);
        let run = &text[start..end];
        if run.contains('/') || run.contains('@') || run.contains("www.") || run.contains(".htm") {
            excluded.push(Span::new(start, end));
        }
        from = end;
    }
}

#[cfg(test)]
mod tests {
    use super::{clause_around, TextContext};
    use crate::metric::lexicon::LEXICON;
    use crate::span::Span;

    fn excluded(text: &str, needle: &str) -> bool {
        let start = text.find(needle).unwrap();
        let numbers = crate::numeral::readings(text);
        TextContext::of(text, &numbers, &LEXICON)
            .is_excluded(Span::new(start, start + needle.len()))
    }

    #[test]
    fn titles_slogans_fixed_phrases_and_urls_are_excluded() {
        assert!(excluded("出台《三年行动计划》", "三"));
        assert!(excluded("打造“一核两区”布局", "两"));
        assert!(excluded("智慧湾带来一站式体验", "一"));
        assert!(excluded("见http://bs-cfw.com/post/5700.html", "5700"));
        assert!(!excluded("推出四场演唱会", "四"));
        assert!(!excluded("投资两千万元", "两千万"));
        assert!(!excluded("投资两千万元", "两千万"));
        // A long quotation is speech; its figures count.
        assert!(!excluded(
            "他说：“今年我们新引进企业120家，同比增长两成。”",
            "120"
        ));
    }

    /// Phrases and money words of the table, numbers, clause breaks and
    /// brackets, for generated texts.
    fn pieces() -> Vec<String> {
        let phrases = LEXICON.cues.iter().map(|&(phrase, _)| phrase.to_owned());
        let others = [
            "120",
            "2,694",
            "两千万",
            "三",
            "5.5",
            "，",
            ",",
            "。",
            "：",
            "\n",
            "《",
            "》",
            "“",
            "”",
            "园区",
            "企业",
        ];
        phrases.chain(others.map(str::to_owned)).collect()
    }

    proptest::proptest! {
        /// Reading only the clauses with numbers answers every question
        /// about a number as reading the whole text does.
        #[test]
        fn clauses_with_numbers_answer_as_the_whole_text(
            parts in proptest::collection::vec(proptest::sample::select(pieces()), 0..40),
        ) {
            let text = parts.concat();
            let numbers = crate::numeral::readings(&text);
            let restricted = TextContext::of(&text, &numbers, &LEXICON);
            let whole = TextContext::searching(&text, &[Span::new(0, text.len())], &LEXICON);
            for number in &numbers {
                let clause = clause_around(&text, number.span());
                proptest::prop_assert_eq!(
                    restricted.is_excluded(number.span()),
                    whole.is_excluded(number.span())
                );
                proptest::prop_assert_eq!(
                    restricted.clause_is_about_money(clause),
                    whole.clause_is_about_money(clause)
                );
            }
        }
    }

    #[test]
    fn money_words_mark_their_clause() {
        let text = "经济规模超千亿，人口超百万";
        let context = TextContext::of(text, &crate::numeral::readings(text), &LEXICON);
        let first = text.find("千亿").unwrap();
        let second = text.find("百万").unwrap();
        assert!(context.clause_is_about_money(clause_around(text, Span::new(first, first + 6))));
        assert!(!context.clause_is_about_money(clause_around(text, Span::new(second, second + 6))));
    }

    #[test]
    fn a_clause_without_breaks_is_bounded() {
        let text = format!("{}投资{}", "字".repeat(500), "字".repeat(500));
        let at = text.find("投资").unwrap();
        let clause = clause_around(&text, Span::new(at, at + "投资".len()));
        assert_eq!(
            text[clause.start..at].chars().count(),
            super::MAX_CLAUSE_CHARS
        );
        assert_eq!(
            text[at + 6..clause.end].chars().count(),
            super::MAX_CLAUSE_CHARS
        );
        assert_eq!(clause_around("，投资，", Span::new(3, 9)), Span::new(3, 9));
    }

    /// The definition `bracketed_regions` implements: every character read
    /// in turn, with at most one region open.
    fn bracketed_by_definition(text: &str) -> Vec<Span> {
        let mut found = Vec::new();
        let mut open: Option<(usize, char, usize)> = None;
        for (at, c) in text.char_indices() {
            match (c, open) {
                ('《', _) => open = Some((at, '》', 0)),
                ('“', None) => open = Some((at, '”', 0)),
                (close, Some((start, wanted, _))) if close == wanted => {
                    found.push(Span::new(start, at + close.len_utf8()));
                    open = None;
                }
                (_, Some((start, wanted, chars))) => {
                    let limit = if wanted == '》' {
                        super::MAX_TITLE_CHARS
                    } else {
                        super::MAX_SLOGAN_CHARS
                    };
                    open = (chars < limit && c != '\n').then_some((start, wanted, chars + 1));
                }
                _ => {}
            }
        }
        found
    }

    /// The definition `address_like_runs` implements: every run of ASCII
    /// graphic characters, tested whole.
    fn address_runs_by_definition(text: &str) -> Vec<Span> {
        let bytes = text.as_bytes();
        let mut found = Vec::new();
        let mut at = 0;
        while at < bytes.len() {
            if !bytes[at].is_ascii_graphic() {
                at += 1;
                continue;
            }
            let start = at;
            while at < bytes.len() && bytes[at].is_ascii_graphic() {
                at += 1;
            }
            let run = &text[start..at];
            if run.contains('/')
                || run.contains('@')
                || run.contains("www.")
                || run.contains(".htm")
            {
                found.push(Span::new(start, at));
            }
        }
        found
    }

    proptest::proptest! {
        #[test]
        fn address_like_runs_follow_their_definition(
            pieces in proptest::collection::vec(
                proptest::sample::select(vec!["/", "@", ".", "www", "htm", "a", "1", " ", "字", "．"]),
                0..60,
            )
        ) {
            let text = pieces.concat();
            let mut found = Vec::new();
            super::address_like_runs(&text, &mut found);
            proptest::prop_assert_eq!(found, address_runs_by_definition(&text));
        }

        #[test]
        fn bracketed_regions_follow_their_definition(
            pieces in proptest::collection::vec(
                proptest::sample::select(vec!["《", "》", "“", "”", "\n", "字", "a", "字字字字字字字字字字"]),
                0..80,
            )
        ) {
            let text = pieces.concat();
            let mut found = Vec::new();
            super::bracketed_regions(&text, &mut found);
            proptest::prop_assert_eq!(found, bracketed_by_definition(&text));
        }
    }
}
