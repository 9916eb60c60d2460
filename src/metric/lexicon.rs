//! The metric tables: units, hedge words and cue phrases, read from `data/`
//! once per process.

use std::sync::LazyLock;

use aho_corasick::{AhoCorasick, Anchored, Input, MatchKind, StartKind};
use daachorse::{
    CharwiseDoubleArrayAhoCorasick, CharwiseDoubleArrayAhoCorasickBuilder,
    MatchKind as CharwiseMatchKind,
};
use rustc_hash::FxHashMap;

use super::context::is_clause_break;
use super::Qualifier;

/// One unit a figure can carry (a row of `data/units.tsv`).
#[derive(Debug)]
pub(super) struct Unit {
    /// The canonical unit: `CNY`, `m2`, or the classifier itself.
    pub canonical: &'static str,
    /// The kind of quantity: `money`, `area`, `count` …
    pub quantity: &'static str,
    /// Multiplies a number into the canonical unit.
    pub factor: f64,
}

/// Where a hedge word stands relative to its number.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum HedgePosition {
    Before,
    After,
}

/// What a cue phrase of `data/metric_phrases.tsv` does.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Cue {
    /// A fixed phrase with a numeral in it (`一站式`).
    Fixed,
    /// A word that makes a clause about money (`产值`).
    MoneyContext,
    /// A verb that ends the noun phrase before a figure.
    Verb,
    /// A word that ends the noun phrase after a classifier.
    SubjectStop,
    /// A change upwards: `增长`.
    Increase,
    /// A change downwards: `下降`.
    Decrease,
    /// A change measured against the same period a year before: `同比`.
    BasisYearOnYear,
    /// A change measured against the period before: `环比`.
    BasisMonthOnMonth,
    /// A change measured against the previous year as a whole: `比上年`.
    BasisPrevious,
    /// A currency written before its number: `人民币`, `$`.
    CurrencyPrefix,
}

/// The tables, each with the automaton that finds its words.
pub(super) struct Lexicon {
    /// Units, in the order of `unit_finder`'s patterns.
    pub units: Vec<(&'static str, Unit)>,
    /// Anchored, longest-first search for a unit at a given position.
    pub unit_finder: AhoCorasick,
    /// Hedge words with their qualifier and position.
    pub hedges: Vec<(&'static str, Qualifier, HedgePosition)>,
    /// Cue phrases with what they do.
    pub cues: Vec<(&'static str, Cue)>,
    /// Every-occurrence search for the fixed phrases and money words; the
    /// value of a match indexes `searched_cues`.
    pub cue_finder: CharwiseDoubleArrayAhoCorasick<u32>,
    /// What each of `cue_finder`'s patterns is.
    pub searched_cues: Vec<Cue>,
    /// Indices into `cues` by the phrase's first and by its last character:
    /// a lookup at one position then compares the few phrases that can match
    /// there rather than all few hundred, at every figure, several times.
    /// Keyed by characters of the embedded table: the fast Fx hasher is safe.
    cues_by_first: FxHashMap<char, Vec<usize>>,
    cues_by_last: FxHashMap<char, Vec<usize>>,
    /// Indices into `hedges`: of the words before a number by their last
    /// character, of those after it by their first. Every number asks for
    /// both, and testing all the hedges each time was a hundredth of a parse.
    hedges_before_by_last: FxHashMap<char, Vec<usize>>,
    hedges_after_by_first: FxHashMap<char, Vec<usize>>,
}

const UNITS: &str = include_str!("../../data/units.tsv");
const HEDGES: &str = include_str!("../../data/qualifiers.tsv");
const PHRASES: &str = include_str!("../../data/metric_phrases.tsv");

/// Built on first use; the tables are a few hundred rows, so this takes well
/// under a millisecond.
pub(super) static LEXICON: LazyLock<Lexicon> = LazyLock::new(Lexicon::load);

/// The data rows of a tab-separated table: comments and blank lines skipped.
fn rows(table: &'static str) -> impl Iterator<Item = Vec<&'static str>> {
    table
        .lines()
        .filter(|line| !line.trim().is_empty() && !line.starts_with('#'))
        .map(|line| line.split('\t').collect())
}

impl Lexicon {
    fn load() -> Lexicon {
        let units: Vec<(&'static str, Unit)> = rows(UNITS)
            .map(|row| {
                let factor = row[3]
                    .parse()
                    .unwrap_or_else(|_| panic!("data/units.tsv: bad factor {:?}", row[3]));
                (
                    row[0],
                    Unit {
                        canonical: row[1],
                        quantity: row[2],
                        factor,
                    },
                )
            })
            .collect();
        let unit_finder = AhoCorasick::builder()
            .match_kind(MatchKind::LeftmostLongest)
            .start_kind(StartKind::Anchored)
            .build(units.iter().map(|(surface, _)| surface))
            .expect("the unit table builds an automaton");
        let hedges = rows(HEDGES)
            .map(|row| {
                let position = match row[2] {
                    "before" => HedgePosition::Before,
                    "after" => HedgePosition::After,
                    other => panic!("data/qualifiers.tsv: bad position {other:?}"),
                };
                let qualifier = Qualifier::from_name(row[1])
                    .unwrap_or_else(|| panic!("data/qualifiers.tsv: bad qualifier {:?}", row[1]));
                (row[0], qualifier, position)
            })
            .collect::<Vec<_>>();
        let mut hedges_before_by_last: FxHashMap<char, Vec<usize>> = FxHashMap::default();
        let mut hedges_after_by_first: FxHashMap<char, Vec<usize>> = FxHashMap::default();
        for (i, (word, _, position)) in hedges.iter().enumerate() {
            let (by, key) = match position {
                HedgePosition::Before => (&mut hedges_before_by_last, word.chars().next_back()),
                HedgePosition::After => (&mut hedges_after_by_first, word.chars().next()),
            };
            if let Some(key) = key {
                by.entry(key).or_default().push(i);
            }
        }
        let cues: Vec<(&'static str, Cue)> = rows(PHRASES)
            .map(|row| {
                let cue = match row[1] {
                    "fixed" => Cue::Fixed,
                    "money_context" => Cue::MoneyContext,
                    "verb" => Cue::Verb,
                    "subject_stop" => Cue::SubjectStop,
                    "increase" => Cue::Increase,
                    "decrease" => Cue::Decrease,
                    "basis_yoy" => Cue::BasisYearOnYear,
                    "basis_mom" => Cue::BasisMonthOnMonth,
                    "basis_previous" => Cue::BasisPrevious,
                    "currency_prefix" => Cue::CurrencyPrefix,
                    other => panic!("data/metric_phrases.tsv: bad role {other:?}"),
                };
                (row[0], cue)
            })
            .collect();
        // A phrase listed twice keeps its first role.
        let mut searched: Vec<(&str, Cue)> = Vec::new();
        for &(word, cue) in &cues {
            if matches!(cue, Cue::Fixed | Cue::MoneyContext)
                && !searched.iter().any(|&(seen, _)| seen == word)
            {
                // The search reads clauses one by one (`TextContext::of`).
                assert!(
                    !word.contains(is_clause_break),
                    "data/metric_phrases.tsv: {word:?} holds a clause break"
                );
                searched.push((word, cue));
            }
        }
        // Character-wise (daachorse): the whole text of every notice is
        // searched, and a step per character rather than per byte takes a
        // third of the transitions.
        let cue_finder = CharwiseDoubleArrayAhoCorasickBuilder::new()
            .match_kind(CharwiseMatchKind::LeftmostLongest)
            .build_with_values(searched.iter().map(|&(word, _)| word).zip(0u32..))
            .expect("the cue phrases are distinct and non-empty");
        let searched_cues = searched.into_iter().map(|(_, cue)| cue).collect();
        let mut cues_by_first: FxHashMap<char, Vec<usize>> = FxHashMap::default();
        let mut cues_by_last: FxHashMap<char, Vec<usize>> = FxHashMap::default();
        for (i, (word, _)) in cues.iter().enumerate() {
            if let (Some(first), Some(last)) = (word.chars().next(), word.chars().next_back()) {
                cues_by_first.entry(first).or_default().push(i);
                cues_by_last.entry(last).or_default().push(i);
            }
        }
        Lexicon {
            units,
            unit_finder,
            hedges,
            cues,
            cue_finder,
            searched_cues,
            cues_by_first,
            cues_by_last,
            hedges_before_by_last,
            hedges_after_by_first,
        }
    }

    /// The longest unit written at `at`, with its length in bytes.
    pub fn unit_at(&self, text: &str, at: usize) -> Option<(usize, &Unit)> {
        let input = Input::new(text).range(at..).anchored(Anchored::Yes);
        let found = self.unit_finder.find(input)?;
        Some((found.len(), &self.units[found.pattern().as_usize()].1))
    }

    /// The unit row of `surface`.
    pub fn unit_named(&self, surface: &str) -> Option<&Unit> {
        self.units
            .iter()
            .find(|(s, _)| *s == surface)
            .map(|(_, unit)| unit)
    }

    /// The longest cue of one of `kinds` that ends exactly at `end`.
    pub fn cue_ending_at(
        &self,
        text: &str,
        end: usize,
        kinds: &[Cue],
    ) -> Option<(&'static str, Cue)> {
        let before = &text[..end];
        let last = before.chars().next_back()?;
        self.cues_by_last
            .get(&last)?
            .iter()
            .map(|&i| self.cues[i])
            .filter(|(word, cue)| kinds.contains(cue) && before.ends_with(word))
            .max_by_key(|(word, _)| word.len())
    }

    /// The longest cue of one of `kinds` that starts exactly at `start`.
    pub fn cue_starting_at(
        &self,
        text: &str,
        start: usize,
        kinds: &[Cue],
    ) -> Option<(&'static str, Cue)> {
        let after = &text[start..];
        let first = after.chars().next()?;
        self.cues_by_first
            .get(&first)?
            .iter()
            .map(|&i| self.cues[i])
            .filter(|(word, cue)| kinds.contains(cue) && after.starts_with(word))
            .max_by_key(|(word, _)| word.len())
    }

    /// The longest hedge at `position` that touches the number: ending at
    /// `at` for words before it, starting at `at` for words after it.
    pub fn hedge_at(
        &self,
        text: &str,
        at: usize,
        position: HedgePosition,
    ) -> Option<(&'static str, Qualifier)> {
        let (before, after) = text.split_at(at);
        let words = match position {
            HedgePosition::Before => self.hedges_before_by_last.get(&before.chars().next_back()?),
            HedgePosition::After => self.hedges_after_by_first.get(&after.chars().next()?),
        }?;
        words
            .iter()
            .map(|&i| self.hedges[i])
            .filter(|(word, _, _)| match position {
                HedgePosition::Before => before.ends_with(word),
                HedgePosition::After => after.starts_with(word),
            })
            .max_by_key(|(word, _, _)| word.len())
            .map(|(word, qualifier, _)| (word, qualifier))
    }
}

#[cfg(test)]
mod tests {
    use super::{HedgePosition, Qualifier, LEXICON};

    #[test]
    fn every_table_loads() {
        assert!(LEXICON.units.len() > 150);
        for (word, cue) in &LEXICON.cues {
            if *cue == super::Cue::CurrencyPrefix {
                let unit = LEXICON.unit_named(word);
                assert!(
                    unit.is_some_and(|u| u.quantity == "money"),
                    "{word} has no money unit row"
                );
            }
        }
        assert!(LEXICON.hedges.len() > 30);
        assert!(LEXICON.cues.len() > 100);
    }

    #[test]
    fn the_longest_unit_wins() {
        let (len, unit) = LEXICON.unit_at("6.9平方公里", 3).unwrap();
        assert_eq!(
            (len, unit.canonical, unit.factor),
            ("平方公里".len(), "m2", 1e6)
        );
        let (_, unit) = LEXICON.unit_at("3个百分点", 1).unwrap();
        assert_eq!(unit.canonical, "pp");
        assert!(LEXICON.unit_at("5G基站", 1).is_none());
    }

    #[test]
    fn the_longest_hedge_wins() {
        let text = "不超过50万元";
        let at = text.find('5').unwrap();
        assert_eq!(
            LEXICON.hedge_at(text, at, HedgePosition::Before),
            Some(("不超过", Qualifier::AtMost))
        );
        let text = "超过50万元";
        let at = text.find('5').unwrap();
        assert_eq!(
            LEXICON.hedge_at(text, at, HedgePosition::Before),
            Some(("超过", Qualifier::MoreThan))
        );
    }

    /// Around every hedge word, on either side of a number, the lookup by
    /// first or last character answers as a search of the whole table does.
    #[test]
    fn hedges_are_found_as_by_the_whole_table() {
        let whole = |text: &str, at: usize, position: HedgePosition| {
            let (before, after) = text.split_at(at);
            LEXICON
                .hedges
                .iter()
                .filter(|(word, _, p)| {
                    *p == position
                        && match position {
                            HedgePosition::Before => before.ends_with(word),
                            HedgePosition::After => after.starts_with(word),
                        }
                })
                .max_by_key(|(word, _, _)| word.len())
                .map(|&(word, qualifier, _)| (word, qualifier))
        };
        let mut found = 0;
        for (word, _, _) in &LEXICON.hedges {
            for text in [format!("{word}50{word}"), format!("共{word}5万{word}人")] {
                for at in (0..=text.len()).filter(|&at| text.is_char_boundary(at)) {
                    for position in [HedgePosition::Before, HedgePosition::After] {
                        let expected = whole(&text, at, position);
                        found += usize::from(expected.is_some());
                        assert_eq!(
                            LEXICON.hedge_at(&text, at, position),
                            expected,
                            "{text} {at}"
                        );
                    }
                }
            }
        }
        assert!(found > 2 * LEXICON.hedges.len());
    }
}
