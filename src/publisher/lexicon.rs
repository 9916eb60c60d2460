//! The publisher tables (`data/source_kinds.tsv`, `data/agency_cues.tsv`,
//! `data/credit_cues.tsv`, `data/surnames.txt`), embedded and indexed once.

use std::collections::HashMap;
use std::sync::LazyLock;

use aho_corasick::{AhoCorasick, MatchKind};
use daachorse::CharwiseDoubleArrayAhoCorasick;
use rustc_hash::{FxHashMap, FxHashSet};

use super::{Role, SourceKind};
use crate::charset::CharSet;

const SOURCE_KINDS: &str = include_str!("../../data/source_kinds.tsv");
const AGENCY_CUES: &str = include_str!("../../data/agency_cues.tsv");
const CREDIT_CUES: &str = include_str!("../../data/credit_cues.tsv");
const SURNAMES: &str = include_str!("../../data/surnames.txt");

/// A name of one character is no name, and a family name is at most two.
const PERSON_CHARS: std::ops::RangeInclusive<usize> = 2..=4;

/// What one word of the name tables says.
#[derive(Clone, Copy, Debug, Default)]
pub(super) struct Word {
    /// A name ending in this word is of this kind.
    pub suffix: Option<SourceKind>,
    /// A name that is exactly this word is of this kind.
    pub name: Option<SourceKind>,
    /// A name of a national or party body may start with this word.
    pub prefix: bool,
    /// The word holds a suffix without ending a name.
    pub block: bool,
    /// As a suffix, the word ends a name only after a full division name.
    pub weak: bool,
}

/// How a credit cue is used.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Form {
    Field,
    Byline,
    Lead,
    Trail,
    Quoted,
}

/// One row of the credit-cue table.
#[derive(Clone, Copy, Debug)]
pub(super) struct Cue {
    pub form: Form,
    pub role: Role,
    /// Rank for the choice of the issuer; `None` never names it.
    pub rank: Option<u8>,
    /// For a lead cue, the text that ends the name.
    pub close: &'static str,
}

/// The indexed tables.
pub(super) struct Lexicon {
    /// The words of the name tables, matched overlapping.
    pub words: CharwiseDoubleArrayAhoCorasick<u32>,
    /// What each pattern of `words` says, by pattern id.
    pub word_info: Vec<Word>,
    /// The length in bytes of the longest blocking word.
    pub max_block_len: usize,
    /// Characters that never lie inside a name: tested at every character
    /// a name's tail may run over, so a bit set rather than a hash set.
    stops: CharSet,
    // The look-up tables below are probed for words of every notice; their
    // keys come from the embedded tables, so the fast Fx hasher is safe and
    // SipHash's flooding resistance buys nothing.
    surnames: FxHashSet<&'static str>,
    /// Field keys and what they credit.
    fields: FxHashMap<&'static str, Cue>,
    /// Byline, lead, trail and quoted cues, matched leftmost-longest so that
    /// `本报记者` wins over `记者`.
    pub cues: AhoCorasick,
    /// The rows of each pattern of `cues`, by pattern id.
    pub cue_rows: Vec<Vec<Cue>>,
    /// The lead, trail and quoted cues alone, searched through whole texts
    /// (`据…消息`, `…讯`, `…供图`): without the bylines, whose short words
    /// (`摄`, `作者`) would stop the search at most lines of a text.
    pub clause_cues: AhoCorasick,
    /// The rows of each pattern of `clause_cues`, by pattern id.
    pub clause_rows: Vec<Vec<Cue>>,
}

pub(super) static LEXICON: LazyLock<Lexicon> = LazyLock::new(Lexicon::load);

/// The non-comment rows of a table, split on tabs.
fn rows(table: &'static str) -> impl Iterator<Item = Vec<&'static str>> {
    table
        .lines()
        .filter(|row| !row.trim().is_empty() && !row.starts_with('#'))
        .map(|row| row.split('\t').collect())
}

fn parse_kind(name: &str) -> SourceKind {
    match name {
        "agency" => SourceKind::Agency,
        "media" => SourceKind::Media,
        "website" => SourceKind::Website,
        "wechat_account" => SourceKind::WechatAccount,
        _ => panic!("data/source_kinds.tsv: unknown kind {name:?}"),
    }
}

fn parse_role(name: &str) -> Role {
    match name {
        "issuer" => Role::Issuer,
        "source" => Role::Source,
        "author" => Role::Author,
        "editor" => Role::Editor,
        "photo" => Role::Photo,
        "layout" => Role::Layout,
        _ => panic!("data/credit_cues.tsv: unknown role {name:?}"),
    }
}

impl Lexicon {
    /// Reads the tables. They are part of the crate, so a malformed row is a
    /// build error caught by the tests, not an input error.
    fn load() -> Lexicon {
        let mut table: HashMap<&'static str, Word> = HashMap::new();
        for row in rows(SOURCE_KINDS) {
            let [text, kind, place] = row[..] else {
                panic!("data/source_kinds.tsv: expected three columns in {row:?}");
            };
            let kind = parse_kind(kind);
            let word = table.entry(text).or_default();
            match place {
                "suffix" => word.suffix = Some(kind),
                "name" => word.name = Some(kind),
                _ => panic!("data/source_kinds.tsv: unknown match {place:?}"),
            }
        }
        let mut stops = Vec::new();
        for row in rows(AGENCY_CUES) {
            let [text, class] = row[..] else {
                panic!("data/agency_cues.tsv: expected two columns in {row:?}");
            };
            match class {
                "prefix" => table.entry(text).or_default().prefix = true,
                "block" => table.entry(text).or_default().block = true,
                "weak" => table.entry(text).or_default().weak = true,
                "stop" => {
                    let mut chars = text.chars();
                    let (Some(c), None) = (chars.next(), chars.next()) else {
                        panic!("data/agency_cues.tsv: a stop is one character: {text:?}");
                    };
                    stops.push(c);
                }
                _ => panic!("data/agency_cues.tsv: unknown class {class:?}"),
            }
        }
        let max_block_len = table
            .iter()
            .filter(|(_, word)| word.block)
            .map(|(text, _)| text.len())
            .max()
            .unwrap_or(0);
        // Each word is found in traditional characters too (`日報`, `網`);
        // a spelling shared by two words keeps the first's meaning.
        let mut spelled: HashMap<String, Word> = HashMap::new();
        for (text, word) in &table {
            for spelling in crate::script::variants(text) {
                let known = table.get(spelling.as_str()).copied();
                spelled.entry(spelling).or_insert(known.unwrap_or(*word));
            }
        }
        let (patterns, word_info): (Vec<String>, Vec<Word>) = spelled.into_iter().unzip();
        // daachorse's character-wise automaton rather than aho-corasick's
        // byte DFA: every notice body is searched overlapping through it,
        // and stepping once per character instead of once per byte (three
        // for a Han character) takes a third of the transitions (profiled:
        // the byte DFA's overlapping search was 4% of a whole-notice parse).
        let words = CharwiseDoubleArrayAhoCorasick::with_values(
            patterns
                .iter()
                .zip(0u32..)
                .map(|(pattern, id)| (pattern.as_str(), id)),
        )
        .expect("the word patterns are distinct and non-empty");

        let mut fields = FxHashMap::default();
        let mut cue_ids: HashMap<String, usize> = HashMap::new();
        let mut cue_patterns: Vec<String> = Vec::new();
        let mut cue_rows: Vec<Vec<Cue>> = Vec::new();
        for row in rows(CREDIT_CUES) {
            let [text, form, role, rank, close] = row[..] else {
                panic!("data/credit_cues.tsv: expected five columns in {row:?}");
            };
            let cue = Cue {
                form: match form {
                    "field" => Form::Field,
                    "byline" => Form::Byline,
                    "lead" => Form::Lead,
                    "trail" => Form::Trail,
                    "quoted" => Form::Quoted,
                    _ => panic!("data/credit_cues.tsv: unknown form {form:?}"),
                },
                role: parse_role(role),
                rank: (rank != "-").then(|| rank.parse().expect("a numeric rank")),
                close: if close == "-" { "" } else { close },
            };
            assert!(
                cue.form != Form::Lead || !cue.close.is_empty(),
                "data/credit_cues.tsv: a lead cue needs a closing text: {row:?}"
            );
            if cue.form == Form::Field {
                fields.insert(text, cue);
                continue;
            }
            for spelling in crate::script::variants(text) {
                let id = *cue_ids.entry(spelling.clone()).or_insert_with(|| {
                    cue_patterns.push(spelling);
                    cue_rows.push(Vec::new());
                    cue_patterns.len() - 1
                });
                cue_rows[id].push(cue);
            }
        }
        let cues = AhoCorasick::builder()
            .match_kind(MatchKind::LeftmostLongest)
            .build(&cue_patterns)
            .expect("the cue automaton fits in memory");
        let (clause_patterns, clause_rows): (Vec<&String>, Vec<Vec<Cue>>) = cue_patterns
            .iter()
            .zip(&cue_rows)
            .filter_map(|(pattern, rows)| {
                let clause: Vec<Cue> = rows
                    .iter()
                    .copied()
                    .filter(|cue| matches!(cue.form, Form::Lead | Form::Trail | Form::Quoted))
                    .collect();
                (!clause.is_empty()).then_some((pattern, clause))
            })
            .unzip();
        let clause_cues = AhoCorasick::builder()
            .match_kind(MatchKind::LeftmostLongest)
            .build(&clause_patterns)
            .expect("the cue automaton fits in memory");

        let surnames = SURNAMES
            .lines()
            .filter(|line| !line.starts_with('#'))
            .flat_map(str::split_whitespace)
            .collect();
        Lexicon {
            words,
            word_info,
            max_block_len,
            stops: CharSet::new(stops),
            surnames,
            fields,
            cues,
            cue_rows,
            clause_cues,
            clause_rows,
        }
    }

    /// What a field key credits, when it credits anything.
    pub(super) fn field(&self, key: &str) -> Option<Cue> {
        self.fields.get(key).copied()
    }

    /// Whether `c` never lies inside a name.
    pub(super) fn is_stop(&self, c: char) -> bool {
        self.stops.contains(c)
    }

    /// The kind a name's wording tells: a known name, else its longest
    /// suffix (which must leave something before it), else a web address.
    pub(super) fn kind_of(&self, name: &str) -> Option<SourceKind> {
        let mut best: Option<(usize, SourceKind)> = None;
        for m in self.words.find_overlapping_iter(name) {
            let word = &self.word_info[m.value() as usize];
            if m.start() == 0 && m.end() == name.len() {
                if let Some(kind) = word.name {
                    return Some(kind);
                }
            }
            if let Some(kind) = word.suffix {
                let len = m.end() - m.start();
                let longer = best.is_none_or(|(best_len, _)| len > best_len);
                if m.end() == name.len() && m.start() > 0 && longer {
                    best = Some((len, kind));
                }
            }
        }
        best.map(|(_, kind)| kind).or_else(|| {
            let address = name.contains('.')
                && name.contains(|c: char| c.is_ascii_alphabetic())
                && name
                    .chars()
                    .all(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '-' | '/' | ':'));
            address.then_some(SourceKind::Website)
        })
    }

    /// Whether `name` reads as a person's name: two to four Han characters
    /// that name no body. With `strict`, it must also open with a family name
    /// (for names that no cue such as `记者` introduces).
    pub(super) fn is_person(&self, name: &str, strict: bool) -> bool {
        let chars = name.chars().count();
        if !PERSON_CHARS.contains(&chars) || !name.chars().all(is_han) {
            return false;
        }
        if self.kind_of(name).is_some() {
            return false;
        }
        let name = crate::script::fold(name);
        !strict
            || name
                .char_indices()
                .skip(1)
                .take(2)
                .any(|(at, _)| self.surnames.contains(&name[..at]))
    }
}

pub(super) use crate::charset::is_han;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_tables_load() {
        let lexicon = &*LEXICON;
        assert!(lexicon.word_info.len() > 100);
        assert!(lexicon
            .field("发布机构")
            .is_some_and(|c| c.role == Role::Issuer));
        assert!(lexicon.is_stop('的'));
        assert!(lexicon.cue_rows.iter().all(|rows| !rows.is_empty()));
    }

    #[test]
    fn kinds_from_names() {
        let kind = |name| LEXICON.kind_of(name);
        assert_eq!(kind("宝山区文化和旅游局"), Some(SourceKind::Agency));
        assert_eq!(kind("上海市政府网站"), Some(SourceKind::Website));
        assert_eq!(kind("中国质量新闻网"), Some(SourceKind::Media));
        assert_eq!(kind("上海发布"), Some(SourceKind::WechatAccount));
        assert_eq!(kind("科技部"), Some(SourceKind::Agency));
        assert_eq!(kind("新华社"), Some(SourceKind::Media));
        assert_eq!(kind("bs-cfw.com"), Some(SourceKind::Website));
        assert_eq!(kind("局"), None, "a suffix alone is no name");
        assert_eq!(kind("巨云鹏"), None);
    }

    #[test]
    fn person_names() {
        assert!(LEXICON.is_person("巨云鹏", true));
        assert!(LEXICON.is_person("欧阳明", true));
        assert!(!LEXICON.is_person("探索城市", true));
        assert!(LEXICON.is_person("某某", false));
        assert!(!LEXICON.is_person("市卫健委", false));
        assert!(!LEXICON.is_person("搭建交流平台", false));
    }
}
