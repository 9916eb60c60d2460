//! The tables `build.rs` prepared, loaded once on first use.

use std::sync::LazyLock;

use daachorse::CharwiseDoubleArrayAhoCorasick;

use super::openings::may_open;
use super::Division;
use crate::automaton::patterns_at;
use crate::district::Level;

/// Pattern value kinds, in the top two bits of an automaton value. Must match
/// `build.rs`.
const KIND_MASK: u32 = 3 << 30;
const KIND_NAME: u32 = 0;
const KIND_WEAK: u32 = 1 << 30;
const KIND_COMPOUND: u32 = 2 << 30;

static DIVISIONS_TSV: &str = include_str!(concat!(env!("OUT_DIR"), "/divisions.tsv"));
static CANDIDATES_BIN: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/candidates.bin"));
static COMPOUNDS_TSV: &str = include_str!(concat!(env!("OUT_DIR"), "/compounds.tsv"));
static AUTOMATON_BIN: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/automaton.bin"));
/// The opening sets of [`super::openings`], written by `build.rs`.
static OPENINGS_BIN: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/openings.bin"));

/// Every table the gazetteer and the recognizer read.
pub(crate) struct Index {
    /// Sorted by code, the current division before former ones of that code.
    pub(crate) divisions: Vec<Division>,
    automaton: CharwiseDoubleArrayAhoCorasick<u32>,
    /// `offsets[g]..offsets[g + 1]` are the candidates of name pattern `g`.
    offsets: Vec<u32>,
    /// The candidates of every name pattern, decoded once at load so a
    /// match hands out a slice rather than building a list.
    candidates: Vec<Candidate>,
    /// One candidate (a short form) per character of each compound.
    compounds: Vec<Vec<Candidate>>,
}

/// The index, built from the embedded tables on first use.
pub(crate) static INDEX: LazyLock<Index> = LazyLock::new(Index::load);

/// One candidate of a name pattern.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Candidate {
    /// Index into [`Index::divisions`].
    pub(crate) division: u32,
    /// Whether the text is the division's short form (`宝山` for `宝山区`).
    pub(crate) short: bool,
}

/// What a stretch of text matched.
#[derive(Clone, Copy, Debug)]
pub(crate) enum Hit {
    /// A division name. `weak` marks names that are also common words.
    Name { group: u32, weak: bool },
    /// A compound of one-character abbreviations (`沪常`).
    Compound(u32),
    /// A word that contains a name but is not one (`旧金山`).
    Blocked,
}

/// A match of the automaton: byte range and what it is.
#[derive(Clone, Copy, Debug)]
pub(crate) struct RawMatch {
    pub(crate) start: usize,
    pub(crate) end: usize,
    pub(crate) hit: Hit,
}

impl Index {
    fn load() -> Index {
        let mut divisions = Vec::with_capacity(DIVISIONS_TSV.len() / 40);
        for (i, line) in DIVISIONS_TSV.lines().enumerate() {
            let mut f = line.split('\t');
            let mut next = || f.next().unwrap_or("");
            let (code, name, short, level) = (next(), next(), next(), next());
            let (parent, flags, current) = (next(), next(), next());
            let (first, last) = (next(), next());
            divisions.push(Division {
                index: u32::try_from(i).unwrap_or(u32::MAX),
                code,
                name,
                short_name: short,
                level: match level {
                    "P" => Level::Province,
                    "C" => Level::City,
                    "K" => Level::County,
                    _ => Level::Town,
                },
                parent: parent.parse().ok(),
                current: current.parse().ok(),
                former: flags.contains('f'),
                placeholder: flags.contains('p'),
                statistical: flags.contains('s'),
                first_year: first.parse().ok(),
                last_year: last.parse().ok(),
            });
        }
        let words: Vec<u32> = CANDIDATES_BIN
            .chunks_exact(4)
            .map(|b| u32::from_le_bytes([b[0], b[1], b[2], b[3]]))
            .collect();
        let n_offsets = words.first().map_or(0, |&n| n as usize);
        let offsets = words.get(1..=n_offsets).unwrap_or_default().to_vec();
        // Stored as `division index << 1 | 1 if the pattern is a short form`.
        let candidates = words
            .get(n_offsets + 1..)
            .unwrap_or_default()
            .iter()
            .map(|&c| Candidate {
                division: c >> 1,
                short: c & 1 == 1,
            })
            .collect();
        let by_code = |code: &str| -> u32 {
            divisions
                .binary_search_by(|d: &Division| d.code.cmp(code))
                .map_or(u32::MAX, |i| first_of(&divisions, i))
        };
        let compounds = COMPOUNDS_TSV
            .lines()
            .map(|l| {
                l.split(',')
                    .map(|code| Candidate {
                        division: by_code(code),
                        short: true,
                    })
                    .collect()
            })
            .collect();
        // The bytes are this crate's own build output, checked by the build.
        let (mut automaton, _) = CharwiseDoubleArrayAhoCorasick::<u32>::deserialize(AUTOMATON_BIN)
            .expect("automaton built by build.rs");
        // Depths tell an anchored walk from one that fell back to a suffix
        // (`longest_at`); they are not serialized.
        automaton
            .cache_depths()
            .expect("automaton built by build.rs");
        Index {
            divisions,
            automaton,
            offsets,
            candidates,
            compounds,
        }
    }

    /// The division at `index`.
    pub(crate) fn get(&self, index: u32) -> Option<&Division> {
        self.divisions.get(index as usize)
    }

    /// The divisions with this code: the current one first, then former ones.
    pub(crate) fn with_code(&self, code: &str) -> &[Division] {
        let Ok(i) = self.divisions.binary_search_by(|d| d.code.cmp(code)) else {
            return &[];
        };
        let start = first_of(&self.divisions, i) as usize;
        let len = self.divisions[start..]
            .iter()
            .take_while(|d| d.code == code)
            .count();
        &self.divisions[start..start + len]
    }

    /// Candidates of name pattern `group`.
    pub(crate) fn candidates(&self, group: u32) -> &[Candidate] {
        let g = group as usize;
        let start = self.offsets.get(g).copied().unwrap_or(0) as usize;
        let end = self.offsets.get(g + 1).copied().unwrap_or(0) as usize;
        self.candidates.get(start..end).unwrap_or_default()
    }

    /// The divisions of compound `n`, one per character.
    pub(crate) fn compound(&self, n: u32) -> &[Candidate] {
        self.compounds.get(n as usize).map_or(&[], Vec::as_slice)
    }

    /// Non-overlapping leftmost-longest matches of every name, compound and
    /// blocked word, in text order. Linear in the text.
    ///
    /// Positions where no name can open are skipped on bit-set tests: the
    /// first two characters must open some name, and either be a name of
    /// two characters or open a longer one with the third. At the others
    /// the automaton is walked from its root for as long as the text stays
    /// on a name's path, which takes the longest name starting there. The
    /// first position with a name gives the leftmost match, and the scan
    /// goes on after it. Walking the automaton over every character
    /// instead, as a leftmost-longest search does, was a fifth of a
    /// whole-notice parse: most of its steps load a state of a 2.7 MB table
    /// that is not in the cache.
    pub(crate) fn scan<'t>(&'t self, text: &'t str) -> impl Iterator<Item = RawMatch> + 't {
        let mut pos = 0;
        std::iter::from_fn(move || {
            let mut chars = text.get(pos..)?.char_indices();
            // The position's character and the two after it, each decoded
            // once as the window slides (decoding the two ahead again at
            // every position cost 6% of a parse).
            let mut window = [chars.next(), chars.next(), chars.next()];
            while let [Some((offset, first)), Some((_, second)), third] = window {
                if may_open(OPENINGS_BIN, first, second, || third.map(|(_, c)| c)) {
                    let start = pos + offset;
                    if let Some((len, value)) = self.longest_at(&text[start..]) {
                        pos = start + len;
                        return Some(RawMatch {
                            start,
                            end: start + len,
                            hit: hit_of(value),
                        });
                    }
                }
                window = [window[1], third, chars.next()];
            }
            pos = text.len();
            None
        })
    }

    /// The longest name at the very start of `text`: its length in bytes and
    /// its automaton value.
    fn longest_at(&self, text: &str) -> Option<(usize, u32)> {
        let mut longest = None;
        patterns_at(&self.automaton, text, |end, value| {
            longest = Some((end, value))
        });
        longest
    }

    /// The name pattern equal to the whole of `name`, if any.
    pub(crate) fn exact(&self, name: &str) -> Option<Hit> {
        self.longest_at(name)
            .filter(|&(len, _)| len == name.len())
            .map(|(_, value)| hit_of(value))
    }
}

/// Decodes an automaton value.
fn hit_of(v: u32) -> Hit {
    let n = v & !KIND_MASK;
    match v & KIND_MASK {
        KIND_NAME => Hit::Name {
            group: n,
            weak: false,
        },
        KIND_WEAK => Hit::Name {
            group: n,
            weak: true,
        },
        KIND_COMPOUND => Hit::Compound(n),
        _ => Hit::Blocked,
    }
}

/// The first index holding the same code as index `i` (codes are sorted).
fn first_of(divisions: &[Division], i: usize) -> u32 {
    let code = divisions[i].code;
    let mut j = i;
    while j > 0 && divisions[j - 1].code == code {
        j -= 1;
    }
    u32::try_from(j).unwrap_or(u32::MAX)
}

#[cfg(test)]
mod tests {
    use std::collections::HashMap;

    use super::{INDEX, OPENINGS_BIN};
    use crate::gazetteer::openings::{add_name, SETS_BYTES};

    /// Leftmost-longest matching by definition: at each position, the longest
    /// pattern that starts there, from a plain map of every pattern; the
    /// scan goes on after a match.
    fn by_definition(
        patterns: &HashMap<String, u32>,
        longest: usize,
        text: &str,
    ) -> Vec<(usize, usize)> {
        let starts: Vec<usize> = text.char_indices().map(|(at, _)| at).collect();
        let mut found = Vec::new();
        let mut i = 0;
        while i < starts.len() {
            let start = starts[i];
            let end = (1..=longest)
                .rev()
                .filter_map(|n| {
                    let end = starts
                        .get(i + n)
                        .copied()
                        .or((i + n == starts.len()).then_some(text.len()))?;
                    patterns.contains_key(&text[start..end]).then_some(end)
                })
                .next();
            match end {
                Some(end) => {
                    found.push((start, end));
                    i = starts.partition_point(|&at| at < end);
                }
                None => i += 1,
            }
        }
        found
    }

    #[test]
    fn the_opening_sets_are_those_of_the_automatons_names() {
        let mut sets = vec![0u8; SETS_BYTES];
        for (name, _) in INDEX.automaton.iter() {
            assert!(add_name(&mut sets, &name), "{name}");
        }
        assert!(sets == OPENINGS_BIN, "build.rs wrote other sets");
    }

    #[test]
    fn the_scan_is_leftmost_longest() {
        let patterns: HashMap<String, u32> = INDEX.automaton.iter().collect();
        assert!(patterns.len() > 50_000);
        let longest = patterns
            .keys()
            .map(|p| p.chars().count())
            .max()
            .unwrap_or(0);
        // Texts of names run together, cut short and joined by filler: the
        // places where a longer name, a shorter one or none competes.
        let mut names: Vec<&String> = patterns.keys().collect();
        names.sort();
        let fillers = ["", "的", "，", "路", "镇", "区", "市", "a1", "、"];
        for (n, window) in names.chunks(7).enumerate().step_by(53) {
            let mut text = String::new();
            for (k, name) in window.iter().enumerate() {
                let cut = name.chars().count().saturating_sub(k % 3 % 2);
                text.extend(name.chars().take(cut));
                text.push_str(fillers[(n + k) % fillers.len()]);
            }
            let scanned: Vec<(usize, usize)> =
                INDEX.scan(&text).map(|m| (m.start, m.end)).collect();
            assert_eq!(scanned, by_definition(&patterns, longest, &text), "{text}");
        }
    }
}
