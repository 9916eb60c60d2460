//! The cue table (`data/layout.tsv`) and what the cues say about one line.

use std::collections::HashMap;
use std::sync::LazyLock;

use rustc_hash::FxHashMap;

use daachorse::{CharwiseDoubleArrayAhoCorasick, CharwiseDoubleArrayAhoCorasickBuilder};

use memchr::memmem;

use crate::automaton::patterns_at;

use super::fields;
use super::text::{
    is_blank, is_lead_decor, is_numeral, is_tail_decor, FOOTER_LINE_CHARS, SHORT_LINE_CHARS,
};
use super::BoilerplateKind;

/// The table, embedded so the crate needs no files at run time.
const TABLE: &str = include_str!("../../data/layout.tsv");

/// In the table, a cue ending in this stands for one numeral character.
const NUMERAL_SUFFIX: &str = "{n}";

/// What a cue marks.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Role {
    /// A meta-field key; `repost` when it names the text a page reposts
    /// (`本文转自`).
    Field { repost: bool },
    /// A lead-in label whose text after the colon is body.
    Label,
    /// A boilerplate line of this kind.
    Region(BoilerplateKind),
    /// The heading of a related-articles list, which runs on past blank lines.
    List,
}

/// The words of the table that are tokens of header lines or marks of
/// menus, in every spelling: looked up only where a header line or a menu
/// is being read, not searched through every line (single characters such
/// as `网` or `大` would match on most lines).
pub(super) struct Words {
    /// Page controls (`字号`, `打印`, `大 中 小`) by their first character,
    /// longest first: a header line asks at each token whether one starts
    /// there.
    pub controls: FxHashMap<char, Vec<String>>,
    /// Endings of site and paper names (`网`, `日报`, `融媒体中心`).
    pub site_endings: Vec<String>,
    /// Words naming a part of a site (`首页`, `新闻`).
    pub nav: Vec<String>,
}

/// The header and menu words of the table, loaded once.
pub(super) static WORDS: LazyLock<Words> = LazyLock::new(|| {
    let mut controls = Vec::new();
    let mut words = Words {
        controls: FxHashMap::default(),
        site_endings: Vec::new(),
        nav: Vec::new(),
    };
    for row in TABLE.lines() {
        let mut columns = row.split('\t');
        let (Some(word), Some(role)) = (columns.next(), columns.next()) else {
            continue;
        };
        let list = match role {
            "control" => &mut controls,
            "site" => &mut words.site_endings,
            "nav" => &mut words.nav,
            _ => continue,
        };
        list.extend(crate::script::variants(word));
    }
    controls.sort_by_key(|word: &String| std::cmp::Reverse(word.len()));
    for word in controls {
        if let Some(first) = word.chars().next() {
            words.controls.entry(first).or_default().push(word);
        }
    }
    words
});

/// Where in a line a cue counts.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Place {
    Start,
    End,
    Whole,
    Short,
    Any,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct Rule {
    role: Role,
    place: Place,
    /// The cue must be followed by a numeral character (`图①`).
    numbered: bool,
}

/// The cues, indexed once: one automaton pattern per distinct cue text.
struct Cues {
    automaton: CharwiseDoubleArrayAhoCorasick<u32>,
    /// The rules of each pattern, by pattern id.
    rules: Vec<Vec<Rule>>,
    /// The length in bytes of the longest cue.
    longest: usize,
}

static CUES: LazyLock<Cues> = LazyLock::new(|| Cues::parse(TABLE));

impl Cues {
    /// Reads the table. The table is part of the crate, so a malformed row is a
    /// build error caught by the tests, not an input error.
    fn parse(table: &str) -> Cues {
        let mut ids: HashMap<String, usize> = HashMap::new();
        let mut patterns: Vec<String> = Vec::new();
        let mut rules: Vec<Vec<Rule>> = Vec::new();
        for row in table.lines() {
            if row.trim().is_empty() || row.starts_with('#') {
                continue;
            }
            let mut columns = row.split('\t');
            let (Some(cue), Some(role), Some(place), None) = (
                columns.next(),
                columns.next(),
                columns.next(),
                columns.next(),
            ) else {
                panic!("data/layout.tsv: expected three columns in {row:?}");
            };
            if matches!(role, "control" | "site" | "nav") {
                continue;
            }
            let (cue, numbered) = match cue.strip_suffix(NUMERAL_SUFFIX) {
                Some(stem) => (stem, true),
                None => (cue, false),
            };
            assert!(!cue.is_empty(), "data/layout.tsv: empty cue in {row:?}");
            let rule = Rule {
                role: parse_role(role).unwrap_or_else(|| panic!("data/layout.tsv: role {role:?}")),
                place: parse_place(place)
                    .unwrap_or_else(|| panic!("data/layout.tsv: place {place:?}")),
                numbered,
            };
            for spelling in spellings(cue, rule.role) {
                let id = *ids.entry(spelling.clone()).or_insert_with(|| {
                    patterns.push(spelling);
                    rules.push(Vec::new());
                    patterns.len() - 1
                });
                assert!(
                    !rules[id].contains(&rule),
                    "data/layout.tsv: {cue:?} is listed twice as {role}"
                );
                rules[id].push(rule);
            }
        }
        // daachorse's character-wise automaton: every line of every notice
        // is searched overlapping through it, and a step per character
        // rather than per byte (three for a Han character) takes a third of
        // the transitions. Same matches, in the same order, as the byte DFA
        // it replaced (whose overlapping search was 5% of a parse). Without
        // daachorse's prefilter: on lines this short its byte-pair filter
        // cost more than the steps it saved (profiled: the search takes 40%
        // less time without it; the publisher's and metric's automata,
        // which search whole bodies, are faster with theirs).
        let mut automaton = CharwiseDoubleArrayAhoCorasickBuilder::new()
            .use_prefilter(false)
            .build_with_values(patterns.iter().zip(0u32..))
            .expect("the cues are distinct and non-empty");
        // Depths let a walk from one position of a long line tell its own
        // path from a fall-back to a suffix (`patterns_at`).
        automaton
            .cache_depths()
            .expect("an automaton built here is valid");
        let longest = patterns.iter().map(|cue| cue.len()).max().unwrap_or(0);
        Cues {
            automaton,
            rules,
            longest,
        }
    }
}

/// Field keys of at most this many characters are also found spelled out
/// with a space between their characters (`索 引 号`, `来 源`), as disclosure
/// tables align them. Longer keys are not spaced out on real pages, and each
/// spacing adds patterns to the automaton.
const MAX_SPACED_KEY_CHARS: usize = 4;

/// The spellings a cue is found by: as written and in traditional
/// characters; field keys also with a space (ASCII or ideographic) between
/// their characters.
fn spellings(cue: &str, role: Role) -> Vec<String> {
    let mut all = crate::script::variants(cue);
    let chars = cue.chars().count();
    if matches!(role, Role::Field { .. }) && (2..=MAX_SPACED_KEY_CHARS).contains(&chars) {
        let spaced: Vec<String> = all
            .iter()
            .flat_map(|spelling| {
                [" ", "\u{3000}"].map(|gap| {
                    let mut out = String::new();
                    for (i, c) in spelling.chars().enumerate() {
                        if i > 0 {
                            out.push_str(gap);
                        }
                        out.push(c);
                    }
                    out
                })
            })
            .collect();
        all.extend(spaced);
    }
    all
}

fn parse_role(name: &str) -> Option<Role> {
    Some(match name {
        "field" => Role::Field { repost: false },
        "repost" => Role::Field { repost: true },
        "label" => Role::Label,
        "related_list" => Role::List,
        "breadcrumb" => Role::Region(BoilerplateKind::Breadcrumb),
        "copyright" => Role::Region(BoilerplateKind::Copyright),
        "notice" => Role::Region(BoilerplateKind::Notice),
        "advert" => Role::Region(BoilerplateKind::Advert),
        "related" => Role::Region(BoilerplateKind::Related),
        "page_meta" => Role::Region(BoilerplateKind::PageMeta),
        "credit" => Role::Region(BoilerplateKind::Credit),
        _ => return None,
    })
}

fn parse_place(name: &str) -> Option<Place> {
    Some(match name {
        "start" => Place::Start,
        "end" => Place::End,
        "whole" => Place::Whole,
        "short" => Place::Short,
        "any" => Place::Any,
        _ => return None,
    })
}

/// A cue found in a line, with byte offsets relative to the line.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) struct Hit {
    /// What it marks.
    pub role: Role,
    /// First byte of the cue.
    pub start: usize,
    /// One past its last byte.
    pub end: usize,
}

/// Calls `found` with every cue of `line` that counts where it stands, in
/// order of where the cues end (the longer first when two end together).
/// `line` is trimmed; `chars` is its length in characters.
///
/// A line longer than [`FOOTER_LINE_CHARS`] is a paragraph of running text,
/// where a cue counts only at the line's start or end or as a field key,
/// and a key only by a colon or a bracket ([`fields::key`]). The automaton
/// is walked from those places alone rather than over every character:
/// paragraphs are most of a notice's text, and stepping through them was
/// 6% of a parse (profiled).
pub(super) fn scan(line: &str, chars: usize, found: impl FnMut(Hit)) {
    scan_from(line, chars, chars <= FOOTER_LINE_CHARS, found);
}

/// [`scan`], searching every position when `everywhere`, and only where a
/// cue may count on a long line otherwise.
fn scan_from(line: &str, chars: usize, everywhere: bool, mut found: impl FnMut(Hit)) {
    let cues = &*CUES;
    let lead = line.len() - line.trim_start_matches(is_lead_decor).len();
    let tail = line.trim_end_matches(is_tail_decor).len();
    let mut report = |start: usize, end: usize, id: u32| {
        for rule in &cues.rules[id as usize] {
            let placed = match rule.place {
                Place::Start => start == lead,
                // A paragraph that ends with its photographer's credit
                // (`…增收。(郑家裕 摄)`) is still a paragraph; a caption is short.
                Place::End => {
                    end == tail
                        && (chars <= FOOTER_LINE_CHARS
                            || rule.role != Role::Region(BoilerplateKind::Credit))
                }
                Place::Whole => start == lead && end == tail,
                Place::Short => chars <= SHORT_LINE_CHARS,
                // Field keys are kept in check by the class of their line.
                Place::Any => matches!(rule.role, Role::Field { .. }) || chars <= FOOTER_LINE_CHARS,
            };
            let numbered = !rule.numbered || line[end..].chars().next().is_some_and(is_numeral);
            if placed && numbered {
                found(Hit {
                    role: rule.role,
                    start,
                    end,
                });
            }
        }
    };
    if everywhere {
        for m in cues.automaton.find_overlapping_iter(line) {
            report(m.start(), m.end(), m.value());
        }
        return;
    }
    let mut hits = paragraph_hits(cues, line, lead, tail);
    // The order of the overlapping search: by end, then by start.
    hits.sort_unstable();
    hits.dedup();
    for (end, start, id) in hits {
        report(start, end, id);
    }
}

/// Finders of the marks a field key stands by ([`fields::key`]): the
/// brackets a key is written in (`true`) and the colons after one.
static KEY_MARKS: LazyLock<Vec<(memmem::Finder<'static>, bool)>> = LazyLock::new(|| {
    let brackets = fields::KEY_BRACKETS.iter().map(|&mark| (mark, true));
    let colons = fields::COLONS.iter().map(|&mark| (mark, false));
    brackets
        .chain(colons)
        .map(|(mark, bracket)| {
            let mut utf8 = [0; 4];
            let finder = memmem::Finder::new(mark.encode_utf8(&mut utf8).as_bytes());
            (finder.into_owned(), bracket)
        })
        .collect()
});

/// The cues of a long `line` that may count, as `(end, start, pattern)`,
/// maybe more than once: those at its start (`lead`, or 0 for a key), those
/// ending at its `tail`, and the keys after a bracket or before a colon.
fn paragraph_hits(cues: &Cues, line: &str, lead: usize, tail: usize) -> Vec<(usize, usize, u32)> {
    let mut hits = Vec::new();
    let mut walk = |at: usize, keep: &dyn Fn(usize) -> bool| {
        patterns_at(&cues.automaton, &line[at..], |len, id| {
            if keep(at + len) {
                hits.push((at + len, at, id));
            }
        });
    };
    walk(0, &|_| true);
    walk(lead, &|_| true);
    // Where a cue that counts may end: the tail, and the end of a key before
    // a colon (blanks between). Keys written in brackets start right after
    // them.
    let mut key_ends = Vec::new();
    for (finder, bracket) in KEY_MARKS.iter() {
        for at in finder.find_iter(line.as_bytes()) {
            if *bracket {
                walk(at + finder.needle().len(), &|_| true);
            } else {
                key_ends.push(line[..at].trim_end_matches(is_blank).len());
            }
        }
    }
    // Most paragraphs have no colon: their one end needs no list.
    let tail_only = [tail];
    let ends: &[usize] = if key_ends.is_empty() {
        &tail_only
    } else {
        key_ends.push(tail);
        key_ends.sort_unstable();
        key_ends.dedup();
        &key_ends
    };
    // Each position within reach of an end is walked once, keeping the cues
    // that end at any of them: a run of colons would otherwise have every
    // position walked once per colon within reach.
    let ends_here = |end: usize| ends.binary_search(&end).is_ok();
    let mut walked_to = 0;
    for &end in ends {
        let starts = line[..end]
            .char_indices()
            .rev()
            .map(|(at, _)| at)
            .take_while(|&at| end - at <= cues.longest && at >= walked_to);
        for at in starts {
            walk(at, &ends_here);
        }
        walked_to = end;
    }
    hits
}

/// Where the body text starts after a lead-in label (`导语:`) at the start of
/// `line`, relative to the line; `None` without one or when nothing follows.
pub(super) fn after_label(line: &str, hit: Hit) -> Option<usize> {
    let lead = line.len() - line.trim_start_matches(is_lead_decor).len();
    if hit.role != Role::Label || hit.start != lead {
        return None;
    }
    let rest = line[hit.end..].trim_start_matches(is_blank);
    let rest = rest
        .strip_prefix([':', '\u{ff1a}'])?
        .trim_start_matches(is_blank);
    (!rest.is_empty()).then(|| line.len() - rest.len())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The roles of the cues of `line` that class it as boilerplate or a
    /// list (field keys left out).
    fn roles(line: &str) -> Vec<Role> {
        let mut out = Vec::new();
        scan(line, line.chars().count(), |hit| {
            if !matches!(hit.role, Role::Field { .. }) {
                out.push(hit.role);
            }
        });
        out
    }

    /// The cue texts of the table, for generated lines.
    fn cue_texts() -> Vec<String> {
        TABLE
            .lines()
            .filter(|row| !row.trim().is_empty() && !row.starts_with('#'))
            .filter_map(|row| row.split('\t').next())
            .map(|cue| cue.trim_end_matches(NUMERAL_SUFFIX).to_owned())
            .collect()
    }

    proptest::proptest! {
        /// On a long line, the cues found from the places where one may
        /// count are those the search of every position finds that count,
        /// in the same order (field keys: those that stand as keys with a
        /// colon or bracket; a key apart from its value counts on header
        /// lines only, which are short).
        #[test]
        fn a_long_line_reports_what_searching_everywhere_does(
            pieces in proptest::collection::vec(
                proptest::sample::select(
                    cue_texts()
                        .into_iter()
                        .chain(
                            ["：", ":", "【", "】", "[", "]", "●", "《", " ", "，", "、", "①", "2", "园区建设"]
                                .map(str::to_owned),
                        )
                        .collect::<Vec<_>>(),
                ),
                60..160,
            ),
        ) {
            let line = pieces.concat();
            let line = line.trim_matches(is_blank);
            let chars = line.chars().count();
            let counted = |everywhere: bool| {
                let mut hits = Vec::new();
                scan_from(line, chars, everywhere, |hit| {
                    if !matches!(hit.role, Role::Field { .. }) || fields::key(line, hit).is_some_and(|key| !key.bare) {
                        hits.push(hit);
                    }
                });
                hits
            };
            proptest::prop_assume!(chars > FOOTER_LINE_CHARS);
            proptest::prop_assert_eq!(counted(false), counted(true));
        }
    }

    #[test]
    fn the_table_loads() {
        assert!(CUES.rules.iter().all(|rules| !rules.is_empty()));
        assert!(CUES.rules.len() > 50);
    }

    #[test]
    fn places_are_honoured() {
        let crumb = Role::Region(BoilerplateKind::Breadcrumb);
        assert_eq!(roles("当前位置:首页 > 新闻"), vec![crumb]);
        assert!(!roles("他说当前位置很好").contains(&crumb));
        let list = Role::List;
        assert_eq!(roles("【相关阅读】"), vec![list]);
        assert!(!roles("相关阅读材料已经发放。").contains(&list));
        assert!(roles("“某某” 的相关文章").contains(&list));
        let credit = Role::Region(BoilerplateKind::Credit);
        assert_eq!(roles("图②:园区外景。"), vec![credit]);
        assert!(!roles("图书馆新馆开放。").contains(&credit));
    }

    #[test]
    fn labels_need_text_after_the_colon() {
        let line = "导语: 园区建成。";
        let hit = Hit {
            role: Role::Label,
            start: 0,
            end: "导语".len(),
        };
        assert_eq!(
            after_label(line, hit).map(|at| &line[at..]),
            Some("园区建成。")
        );
        assert_eq!(after_label("导语:", hit), None);
    }
}
