//! The cue table (`data/layout.tsv`) and what the cues say about one line.

use std::collections::HashMap;
use std::sync::LazyLock;

use daachorse::{CharwiseDoubleArrayAhoCorasick, CharwiseDoubleArrayAhoCorasickBuilder};

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
    /// A meta-field key.
    Field,
    /// A lead-in label whose text after the colon is body.
    Label,
    /// A boilerplate line of this kind.
    Region(BoilerplateKind),
    /// The heading of a related-articles list, which runs on past blank lines.
    List,
}

/// Where in a line a cue counts.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Place {
    Start,
    End,
    Whole,
    Short,
    Any,
}

#[derive(Clone, Copy, Debug)]
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
}

static CUES: LazyLock<Cues> = LazyLock::new(|| Cues::parse(TABLE));

impl Cues {
    /// Reads the table. The table is part of the crate, so a malformed row is a
    /// build error caught by the tests, not an input error.
    fn parse(table: &str) -> Cues {
        let mut ids: HashMap<&str, usize> = HashMap::new();
        let mut patterns: Vec<&str> = Vec::new();
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
            let id = *ids.entry(cue).or_insert_with(|| {
                patterns.push(cue);
                rules.push(Vec::new());
                patterns.len() - 1
            });
            rules[id].push(rule);
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
        let automaton = CharwiseDoubleArrayAhoCorasickBuilder::new()
            .use_prefilter(false)
            .build_with_values(patterns.iter().zip(0u32..))
            .expect("the cues are distinct and non-empty");
        Cues { automaton, rules }
    }
}

fn parse_role(name: &str) -> Option<Role> {
    Some(match name {
        "field" => Role::Field,
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
/// order of where the cues end. `line` is trimmed; `chars` is its length in
/// characters.
pub(super) fn scan(line: &str, chars: usize, mut found: impl FnMut(Hit)) {
    let cues = &*CUES;
    let lead = line.len() - line.trim_start_matches(is_lead_decor).len();
    let tail = line.trim_end_matches(is_tail_decor).len();
    for m in cues.automaton.find_overlapping_iter(line) {
        let (start, end) = (m.start(), m.end());
        for rule in &cues.rules[m.value() as usize] {
            let placed = match rule.place {
                Place::Start => start == lead,
                Place::End => end == tail,
                Place::Whole => start == lead && end == tail,
                Place::Short => chars <= SHORT_LINE_CHARS,
                // Field keys are kept in check by the class of their line.
                Place::Any => rule.role == Role::Field || chars <= FOOTER_LINE_CHARS,
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
    }
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

    fn roles(line: &str) -> Vec<Role> {
        let mut out = Vec::new();
        scan(line, line.chars().count(), |hit| out.push(hit.role));
        out
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
