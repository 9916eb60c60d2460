//! Builds the division gazetteer at compile time.
//!
//! Reads the division tables in `data/`, writes into `OUT_DIR`:
//! - `divisions.tsv`: one division per line, sorted by code (current before
//!   former), parents and successors already resolved to line numbers;
//! - `candidates.bin`: for each name pattern, the divisions it may name;
//! - `compounds.tsv`: the division codes of each abbreviation compound;
//! - `automaton.bin`: a serialized daachorse automaton over every full name,
//!   usable short name, compound and blocked word;
//! - `openings.bin`: bit sets of how those names open (see
//!   `src/gazetteer/openings.rs`).
//!
//! Doing this here keeps the runtime cost to a deserialization (a few ms)
//! instead of building an automaton of ~90k patterns on first use.

use std::collections::{BTreeMap, HashMap, HashSet};
use std::fmt::Write as _;
use std::fs;
use std::path::{Path, PathBuf};

use daachorse::CharwiseDoubleArrayAhoCorasickBuilder;

#[path = "src/gazetteer/openings.rs"]
mod openings;

/// Pattern value kinds, in the top two bits of the automaton value. Must match
/// `src/gazetteer/index.rs`.
const KIND_NAME: u32 = 0;
const KIND_WEAK: u32 = 1 << 30;
const KIND_COMPOUND: u32 = 2 << 30;
const KIND_BLOCK: u32 = 3 << 30;

struct Entry {
    code: String,
    name: String,
    shorts: Vec<String>,
    level: char,
    parent_code: Option<String>,
    parent_name: Option<String>,
    placeholder: bool,
    statistical: bool,
    former: bool,
    first_year: String,
    last_year: String,
    current_code: Option<String>,
}

fn main() {
    let root = PathBuf::from(std::env::var("CARGO_MANIFEST_DIR").expect("cargo sets it"));
    let data = root.join("data");
    let files = [
        "divisions_nbs2023.csv",
        "divisions_mca2024_additions.csv",
        "division_history_former.csv",
        "division_changes_former.csv",
        "district_compounds.tsv",
        "district_blocklist.txt",
        "district_weak_names.txt",
    ];
    for f in files {
        println!("cargo::rerun-if-changed=data/{f}");
    }
    println!("cargo::rerun-if-changed=build.rs");
    let read = |f: &str| fs::read_to_string(data.join(f)).unwrap_or_else(|e| panic!("{f}: {e}"));

    let mut entries = Vec::new();
    for f in ["divisions_nbs2023.csv", "divisions_mca2024_additions.csv"] {
        read_current(&read(f), &mut entries);
    }
    let current: HashMap<String, usize> = entries
        .iter()
        .enumerate()
        .map(|(i, e)| (e.code.clone(), i))
        .collect();
    let changes = read_changes(&read("division_changes_former.csv"));
    read_former(
        &read("division_history_former.csv"),
        &current,
        &changes,
        &mut entries,
    );

    // Current first for each code, then the latest former name.
    entries.sort_by(|a, b| {
        (
            a.code.as_str(),
            a.former,
            std::cmp::Reverse(a.last_year.as_str()),
        )
            .cmp(&(
                b.code.as_str(),
                b.former,
                std::cmp::Reverse(b.last_year.as_str()),
            ))
    });
    let first_of_code: HashMap<&str, usize> = {
        let mut m = HashMap::new();
        for (i, e) in entries.iter().enumerate() {
            m.entry(e.code.as_str()).or_insert(i);
        }
        m
    };
    let parent_index = |e: &Entry| -> Option<usize> {
        let mut code = e.parent_code.clone()?;
        // Placeholders (市辖区, 省直辖县级行政区划) stand for no place: skip to
        // the province above them.
        for _ in 0..4 {
            let &i = first_of_code.get(code.as_str())?;
            if !entries[i].placeholder {
                // A former division's parent may be a former division with a
                // code now used by another name; prefer the one named.
                if let Some(pn) = &e.parent_name {
                    let same = entries[i..]
                        .iter()
                        .take_while(|x| x.code == code)
                        .position(|x| &x.name == pn);
                    if let Some(off) = same {
                        return Some(i + off);
                    }
                }
                return Some(i);
            }
            code = entries[i].parent_code.clone()?;
        }
        None
    };

    let mut tsv = String::with_capacity(3 << 20);
    for e in &entries {
        let parent = parent_index(e).map(|i| i.to_string()).unwrap_or_default();
        let current = e
            .current_code
            .as_deref()
            .and_then(|c| first_of_code.get(c))
            .filter(|&&i| !entries[i].former)
            .map(|i| i.to_string())
            .unwrap_or_default();
        let mut flags = String::new();
        if e.former {
            flags.push('f');
        }
        if e.placeholder {
            flags.push('p');
        }
        if e.statistical {
            flags.push('s');
        }
        let _ = writeln!(
            tsv,
            "{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}",
            e.code,
            e.name,
            e.shorts.first().map(String::as_str).unwrap_or(""),
            e.level,
            parent,
            flags,
            current,
            e.first_year,
            e.last_year
        );
    }

    // Pattern → divisions. Each candidate is `index << 1 | short`.
    let mut groups: BTreeMap<String, Vec<u32>> = BTreeMap::new();
    for (i, e) in entries.iter().enumerate() {
        if e.placeholder {
            continue;
        }
        let i = u32::try_from(i).expect("fewer than 2^31 divisions") << 1;
        if e.name.chars().count() >= 2 {
            groups.entry(e.name.clone()).or_default().push(i);
        }
        // An autonomous division is also named by its short form and its
        // level (互助土族自治县 → 互助县, 湘西土家族苗族自治州 → 湘西州): as plain
        // as its full name, so not a short form that needs context.
        if e.level == 'T' {
            if let Some(street) = street_form(&e.name) {
                groups.entry(street).or_default().push(i);
            }
        }
        for (suffix, level) in [("自治县", "县"), ("自治旗", "旗"), ("自治州", "州")] {
            if let (true, Some(short)) = (e.name.ends_with(suffix), e.shorts.first()) {
                let plain = format!("{short}{level}");
                if short.chars().count() >= 2 && plain != e.name {
                    groups.entry(plain).or_default().push(i);
                }
            }
        }
        // A township's short form equal to its county's (嘉定镇街道 → 嘉定 in
        // 嘉定区) always reads as the county: keep only the full name.
        let county_names: Vec<&str> = match (e.level, e.parent_code.as_deref()) {
            ('T', Some(p)) => first_of_code.get(p).map_or(Vec::new(), |&j| {
                let c = &entries[j];
                std::iter::once(c.name.as_str())
                    .chain(c.shorts.iter().map(String::as_str))
                    .collect()
            }),
            _ => Vec::new(),
        };
        for s in e
            .shorts
            .iter()
            .filter(|s| !county_names.contains(&s.as_str()))
        {
            groups.entry(s.clone()).or_default().push(i | 1);
        }
    }
    let weak: HashSet<String> = lines(&read("district_weak_names.txt"))
        .map(str::to_owned)
        .collect();
    let blocked: Vec<String> = lines(&read("district_blocklist.txt"))
        .map(str::to_owned)
        .collect();
    let mut compounds = String::new();
    let mut patterns: Vec<(String, u32)> = Vec::new();
    let mut candidates: Vec<u32> = Vec::new();
    let mut offsets: Vec<u32> = vec![0];
    for (g, (name, cands)) in groups.iter().enumerate() {
        if blocked.contains(name) {
            continue;
        }
        let kind = if weak.contains(name) {
            KIND_WEAK
        } else {
            KIND_NAME
        };
        candidates.extend(cands);
        offsets.push(u32::try_from(candidates.len()).expect("small table"));
        patterns.push((name.clone(), kind | u32::try_from(g).expect("small table")));
    }
    // Group indices must be dense: renumber after dropping blocked names.
    for (n, p) in patterns.iter_mut().enumerate() {
        p.1 = (p.1 & (3 << 30)) | u32::try_from(n).expect("small table");
    }
    for (n, line) in lines(&read("district_compounds.tsv")).enumerate() {
        let (word, codes) = line.split_once('\t').expect("compound\tcodes");
        assert_eq!(
            word.chars().count(),
            codes.split(',').count(),
            "one code per character in compound {word}"
        );
        for c in codes.split(',') {
            assert!(current.contains_key(c), "compound {word}: unknown code {c}");
        }
        let _ = writeln!(compounds, "{codes}");
        patterns.retain(|p| p.0 != word);
        patterns.push((
            word.to_owned(),
            KIND_COMPOUND | u32::try_from(n).expect("small"),
        ));
    }
    for (n, w) in blocked.iter().enumerate() {
        patterns.retain(|p| &p.0 != w);
        patterns.push((w.clone(), KIND_BLOCK | u32::try_from(n).expect("small")));
    }

    let mut bin = Vec::with_capacity(4 * (offsets.len() + candidates.len() + 1));
    bin.extend_from_slice(&u32::try_from(offsets.len()).expect("small").to_le_bytes());
    for x in offsets.iter().chain(&candidates) {
        bin.extend_from_slice(&x.to_le_bytes());
    }

    // Standard matching, not leftmost-longest: the scan walks the automaton
    // itself from the positions the opening sets let through and takes the
    // longest name there, which needs the plain trie and its depths.
    let automaton = CharwiseDoubleArrayAhoCorasickBuilder::new()
        .build_with_values(patterns.iter().map(|(p, v)| (p.as_str(), *v)))
        .expect("unique, non-empty patterns");

    let mut sets = vec![0u8; openings::SETS_BYTES];
    for (pattern, _) in &patterns {
        assert!(
            openings::add_name(&mut sets, pattern),
            "pattern {pattern:?}: the scan needs names of two characters or more"
        );
    }
    // The scan tries a position only where `may_open` says a name may
    // start there: every name must pass, or the scan would never find it.
    for (pattern, _) in &patterns {
        let mut chars = pattern.chars();
        let (Some(first), Some(second)) = (chars.next(), chars.next()) else {
            unreachable!("names of two characters or more, checked above");
        };
        assert!(
            openings::may_open(&sets, first, second, || chars.next()),
            "opening sets miss {pattern:?}"
        );
    }
    let out = PathBuf::from(std::env::var("OUT_DIR").expect("cargo sets it"));
    write(&out, "divisions.tsv", tsv.as_bytes());
    write(&out, "candidates.bin", &bin);
    write(&out, "compounds.tsv", compounds.as_bytes());
    write(&out, "automaton.bin", &automaton.serialize());
    write(&out, "openings.bin", &sets);
}

fn write(dir: &Path, name: &str, bytes: &[u8]) {
    // Rewriting identical bytes would still bump the mtime and rebuild the crate.
    if fs::read(dir.join(name)).ok().as_deref() != Some(bytes) {
        fs::write(dir.join(name), bytes).unwrap_or_else(|e| panic!("{name}: {e}"));
    }
}

/// Non-empty lines that are not `#` comments.
fn lines(text: &str) -> impl Iterator<Item = &str> {
    text.lines()
        .map(str::trim_end)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
}

fn level_char(level: &str) -> char {
    match level {
        "province" => 'P',
        "city" | "prefecture" => 'C',
        "county" => 'K',
        "town" => 'T',
        other => panic!("unknown level {other}"),
    }
}

/// `code,name,level,parent_code,short_name,placeholder,in_mca_2024`
fn read_current(text: &str, out: &mut Vec<Entry>) {
    for line in text.lines().skip(1).filter(|l| !l.is_empty()) {
        let f: Vec<&str> = line.split(',').collect();
        let level = level_char(f[2]);
        let name = f[1].to_owned();
        let shorts = short_names(&name, f[4], level);
        out.push(Entry {
            code: f[0].to_owned(),
            name,
            shorts,
            level,
            parent_code: Some(f[3]).filter(|p| !p.is_empty()).map(str::to_owned),
            parent_name: None,
            placeholder: f[5] == "1",
            statistical: level == 'K' && f[6] == "0",
            former: false,
            first_year: String::new(),
            last_year: String::new(),
            current_code: None,
        });
    }
}

/// `code,name,level,status,start_year,end_year,successor_codes`, keyed by code
/// and by (code, name).
struct Changes {
    by_code_name: HashMap<(String, String), (String, String)>,
    by_code: HashMap<String, (String, String, String)>,
}

fn read_changes(text: &str) -> Changes {
    let mut by_code_name = HashMap::new();
    let mut by_code: HashMap<String, (String, String, String)> = HashMap::new();
    for line in text.lines().skip(1).filter(|l| !l.is_empty()) {
        let f: Vec<&str> = line.split(',').collect();
        let (status, end, succ) = (f[3].to_owned(), f[5].to_owned(), f[6].to_owned());
        by_code_name.insert(
            (f[0].to_owned(), f[1].to_owned()),
            (status.clone(), succ.clone()),
        );
        let keep = by_code.get(f[0]).is_none_or(|(_, e, _)| *e < end);
        if keep {
            by_code.insert(f[0].to_owned(), (status, end, succ));
        }
    }
    Changes {
        by_code_name,
        by_code,
    }
}

/// Follows successor codes to today's division. `None` when the area was split
/// among several divisions or the source names no successor.
fn successor(
    code: &str,
    name: Option<&str>,
    current: &HashMap<String, usize>,
    changes: &Changes,
) -> Option<String> {
    let mut code = code.to_owned();
    let mut name = name.map(str::to_owned);
    // Chains are short (南汇县 → 南汇区 → 浦东新区); the bound guards against a
    // cycle in the source.
    for _ in 0..8 {
        let row = name
            .as_ref()
            .and_then(|n| changes.by_code_name.get(&(code.clone(), n.clone())))
            .cloned()
            .or_else(|| {
                changes
                    .by_code
                    .get(&code)
                    .map(|(s, _, x)| (s.clone(), x.clone()))
            });
        let Some((status, succ)) = row else {
            return current.contains_key(&code).then_some(code);
        };
        if status == "changed" && current.contains_key(&code) {
            return Some(code);
        }
        // Parts marked `[YYYY]` moved away in an earlier year; the unmarked
        // codes took the area when the division ended.
        let last: Vec<&str> = succ
            .split(';')
            .filter(|s| !s.is_empty() && !s.contains('['))
            .collect();
        let [next] = last[..] else { return None };
        if current.contains_key(next) {
            return Some(next.to_owned());
        }
        code = next.to_owned();
        name = None;
    }
    None
}

/// `level,code,name,short_name,parent_code,parent_name,first_year,last_year`
fn read_former(
    text: &str,
    current: &HashMap<String, usize>,
    changes: &Changes,
    out: &mut Vec<Entry>,
) {
    let current_names: HashSet<(String, String)> = out
        .iter()
        .map(|e| (e.code.clone(), e.name.clone()))
        .collect();
    let names: HashSet<&str> = out
        .iter()
        .flat_map(|e| std::iter::once(&e.name).chain(&e.shorts))
        .map(String::as_str)
        .collect();
    let mut latest: HashMap<(String, String), Vec<String>> = HashMap::new();
    for line in text.lines().skip(1).filter(|l| !l.is_empty()) {
        let f: Vec<String> = line.split(',').map(str::to_owned).collect();
        let key = (f[1].clone(), f[2].clone());
        if current_names.contains(&key) {
            continue;
        }
        let replace = latest.get(&key).is_none_or(|old| old[7] < f[7]);
        if replace {
            latest.insert(key, f);
        }
    }
    let mut rows: Vec<Vec<String>> = latest.into_values().collect();
    rows.sort();
    let mut former = Vec::with_capacity(rows.len());
    for f in rows {
        let level = level_char(&f[0]);
        let name = f[2].clone();
        let mut shorts = short_names(&name, &f[3], level);
        // A former short name equal to a current name or short name (嘉定县 →
        // 嘉定, now 嘉定区's) would only compete with the current reading.
        shorts.retain(|s| !names.contains(s.as_str()));
        former.push(Entry {
            current_code: successor(&f[1], Some(&name), current, changes),
            code: f[1].clone(),
            name,
            shorts,
            level,
            parent_code: Some(f[4].clone()).filter(|p| !p.is_empty()),
            parent_name: Some(f[5].clone()).filter(|p| !p.is_empty()),
            placeholder: false,
            statistical: false,
            former: true,
            first_year: f[6].clone(),
            last_year: f[7].clone(),
        });
    }
    out.extend(former);
}

/// Short forms of a name: the table's own short name when it is shorter, and
/// forms with the level suffix stripped (浦东新区 → 浦东, 真如镇街道 → 真如,
/// 长风新村街道 → 长风新村, 长风). One-character forms are never kept, and
/// neither are forms ending like a road (长寿路街道 → 长寿路 is the road).
fn short_names(name: &str, table_short: &str, level: char) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    let mut push = |s: &str| {
        if s != name && s.chars().count() >= 2 && !out.iter().any(|o| o == s) {
            out.push(s.to_owned());
        }
    };
    push(table_short);
    match level {
        'K' | 'C' => {
            if let Some(s) = name.strip_suffix("新区") {
                push(s);
            }
        }
        'T' => {
            const SUFFIXES: [&str; 7] =
                ["街道办事处", "街道", "民族乡", "苏木", "镇", "乡", "办事处"];
            for suf in SUFFIXES {
                if let Some(s) = name.strip_suffix(suf) {
                    push(s);
                    for inner in ["新镇", "镇", "新村"] {
                        if let Some(t) = s.strip_suffix(inner) {
                            push(t);
                        }
                    }
                    break;
                }
            }
        }
        _ => {}
    }
    const ROADS: [&str; 6] = ["路", "街", "大街", "大道", "弄", "巷"];
    out.retain(|s| !ROADS.iter().any(|r| s.ends_with(r)));
    out
}

/// A subdistrict's name written with 街 for 街道 (劝业场街道 → 劝业场街, as
/// Tianjin and others print it), unless its stem is a road's name (南京路街道
/// keeps no 南京路街). As plain as the full name: the level stays written.
fn street_form(name: &str) -> Option<String> {
    const ROADS: [&str; 6] = ["路", "街", "大街", "大道", "弄", "巷"];
    let stem = name.strip_suffix("街道")?;
    let road = ROADS.iter().any(|r| stem.ends_with(r));
    (stem.chars().count() >= 2 && !road).then(|| format!("{stem}街"))
}
