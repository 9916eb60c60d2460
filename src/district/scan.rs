//! First pass: every stretch of text that may name a division, with the local
//! evidence around it (what follows it, what it is chained or listed with).

use std::sync::LazyLock;

use rustc_hash::FxHashMap;

use crate::charset::{is_han, CharSet};
use crate::gazetteer::{Candidate, Hit, INDEX};

/// One place the automaton matched, before disambiguation.
#[derive(Clone, Debug)]
pub(super) struct Raw {
    pub(super) start: usize,
    pub(super) end: usize,
    /// The divisions the text may name.
    pub(super) candidates: &'static [Candidate],
    /// The name is also a common word (`城区`, `光明`).
    pub(super) weak: bool,
    /// One character of an abbreviation compound (`沪常` → 沪): already decided.
    pub(super) compound: bool,
    /// The name sits inside an organisation's name (`上海交通大学`).
    pub(super) in_organization: bool,
    /// Whether only an enumeration mark separates it from the mention just
    /// before it, and from the one just after it (`南京、无锡`).
    pub(super) listed_with: [bool; 2],
}

/// Characters after a name that make it part of a road, lane or house number:
/// `宝山路465号`, `长宁路`, `南京东路`.
const ROAD_AFTER: [&str; 12] = [
    "路", "大道", "大街", "弄", "巷", "号", "公路", "隧道", "桥", "村", "里弄", "胡同",
];
/// A direction before a road word: `南京东路`, `香港中路`.
const ROAD_DIRECTIONS: [char; 5] = ['东', '西', '南', '北', '中'];
/// After a short name only: natural features named after a place (`普陀山`,
/// `金山岛`), which are not the division.
const FEATURE_AFTER: [char; 3] = ['山', '寺', '岛'];

/// Ends of organisation names. A division followed within
/// [`ORG_WINDOW`] characters by one of these, with no punctuation or function
/// word between, is inside an organisation's name.
const ORG_SUFFIXES: [&str; 37] = [
    "大学",
    "学院",
    "研究院",
    "研究所",
    "医院",
    "公司",
    "集团",
    "银行",
    "委员会",
    "人民政府",
    "政府",
    "人大",
    "政协",
    "法院",
    "检察院",
    "中学",
    "小学",
    "幼儿园",
    "博物馆",
    "图书馆",
    "协会",
    "学会",
    "出版社",
    "电视台",
    "报社",
    "日报",
    "晚报",
    "晨报",
    "新闻网",
    "融媒体中心",
    "宣传部",
    "组织部",
    "统战部",
    "办公室",
    "管理局",
    "分局",
    "实验室",
];
/// Words after a name that make it an agency when they follow it directly:
/// `宝山区委`, `普陀区科委`, `宝山区文化和旅游局`.
const ORG_DIRECT: [&str; 6] = ["委", "科委", "纪委", "教委", "局", "办"];
/// How far to look for an organisation suffix, in characters. Long enough for
/// `上海 + 工程技术大学`, `北京 + 北大科技园有限公司`; longer windows start
/// catching suffixes of the next clause.
const ORG_WINDOW: usize = 12;
/// Characters that end a name-like run: function words and verbs that do not
/// occur inside an organisation's name in practice.
const ORG_BREAKERS: [char; 28] = [
    '的', '了', '在', '是', '与', '及', '将', '为', '对', '到', '从', '向', '把', '被', '由', '等',
    '也', '都', '已', '正', '要', '会', '以', '并', '而', '让', '使', '于',
];

/// [`ORG_SUFFIXES`] by their first character. The window after every run of
/// mentions is read character by character; a look-up here leaves only the
/// suffixes that can start at that character to compare (none, mostly),
/// where testing all 33 at every character was a tenth of a parse.
static ORG_SUFFIXES_BY_FIRST: LazyLock<FxHashMap<char, Vec<&'static str>>> = LazyLock::new(|| {
    let mut by_first: FxHashMap<char, Vec<&'static str>> = FxHashMap::default();
    for suffix in ORG_SUFFIXES {
        if let Some(first) = suffix.chars().next() {
            by_first.entry(first).or_default().push(suffix);
        }
    }
    by_first
});
/// The characters of the window after a mention that need a closer look:
/// [`ORG_BREAKERS`], the first characters of [`ORG_SUFFIXES`], and `局`.
/// Most characters are none of them and cost one bit test.
static ORG_WINDOW_MARKS: LazyLock<CharSet> = LazyLock::new(|| {
    CharSet::new(
        ORG_SUFFIXES
            .iter()
            .filter_map(|suffix| suffix.chars().next())
            .chain(ORG_BREAKERS)
            .chain(['局']),
    )
});
/// Characters before `局` that make a word, not an agency (`格局`, `布局`).
const NOT_AGENCY_BEFORE_JU: &str = "格布大结开全当时赌饭骗";

/// All candidate mentions in `text`, in order, non-overlapping.
pub(super) fn scan(text: &str) -> Vec<Raw> {
    let index = &*INDEX;
    let mut raws: Vec<Raw> = Vec::new();
    for m in index.scan(text) {
        match m.hit {
            Hit::Blocked => {}
            Hit::Compound(n) => {
                let chars = text[m.start..m.end].char_indices();
                for ((off, ch), candidate) in chars.zip(index.compound(n)) {
                    let start = m.start + off;
                    raws.push(Raw {
                        start,
                        end: start + ch.len_utf8(),
                        candidates: std::slice::from_ref(candidate),
                        weak: false,
                        compound: true,
                        in_organization: false,
                        listed_with: [false; 2],
                    });
                }
            }
            Hit::Name { group, weak } => {
                let candidates = index.candidates(group);
                let all_short = candidates.iter().all(|c| c.short);
                if is_road(&text[m.end..])
                    || (all_short && is_feature(&text[m.end..]))
                    || inside_word(text, m.start, m.end)
                {
                    continue;
                }
                raws.push(Raw {
                    start: m.start,
                    end: m.end,
                    candidates,
                    weak,
                    compound: false,
                    in_organization: false,
                    listed_with: [false; 2],
                });
            }
        }
    }
    mark_organizations(text, &mut raws);
    mark_enumerations(text, &mut raws);
    raws
}

/// The characters [`is_road`] can find a road word at: the first characters
/// of [`ROAD_AFTER`], `街` and [`ROAD_DIRECTIONS`]. One bit test rules out
/// the character after most mentions, where comparing it with each word's
/// first character decoded the twelve words again at every mention (3.7%
/// of a parse).
static ROAD_OPENERS: LazyLock<CharSet> = LazyLock::new(|| {
    CharSet::new(
        ROAD_AFTER
            .iter()
            .filter_map(|word| word.chars().next())
            .chain(['街'])
            .chain(ROAD_DIRECTIONS),
    )
});

fn is_road(after: &str) -> bool {
    after
        .chars()
        .next()
        .is_some_and(|c| ROAD_OPENERS.contains(c))
        && road_word_at(after)
}

/// Whether `after` opens with a road word (`路`, `大道`) or a direction and
/// one (`东路`), but not with `街道`, a subdistrict.
fn road_word_at(after: &str) -> bool {
    if after.starts_with("街道") {
        return false;
    }
    if after.starts_with('街') || ROAD_AFTER.iter().any(|r| after.starts_with(r)) {
        return true;
    }
    let mut chars = after.chars();
    matches!(
        (chars.next(), chars.next()),
        (Some(d), Some('路' | '街' | '道')) if ROAD_DIRECTIONS.contains(&d)
    )
}

/// Characters that may stand right before a county name of one character
/// and `县` (`和县`, `范县`, `代县`): the ends of a higher division's name
/// (`沧州市青县`) or of a river's (`嘉陵江凤县段`) and the words that open a place (`在`, `到`, `赴`, `和`,
/// `、`-like joins, verbs of going and visiting). After any other Han
/// character the two characters are the end of one word and the start of
/// another (`示范县`, `科教兴县`, `时代县乡`, `经济和县域`).
static BEFORE_ONE_CHARACTER_COUNTY: LazyLock<CharSet> = LazyLock::new(|| {
    CharSet::new("省市州盟区县旗江河在到赴至往抵进驻访看研察于从自对向和与及同跟把是为的".chars())
});

/// Whether a county name of one character and `县` at `start..end` is only
/// the end of one word and the start of another: after a Han character that
/// opens no place, or before `域` (`县域`).
fn inside_word(text: &str, start: usize, end: usize) -> bool {
    let name = &text[start..end];
    let mut chars = name.chars();
    let one_character_county = matches!(
        (chars.next(), chars.next(), chars.next()),
        (Some(_), Some('县'), None)
    );
    if !one_character_county {
        return false;
    }
    let before = text[..start].chars().next_back();
    let joined_before =
        before.is_some_and(|c| is_han(c) && !BEFORE_ONE_CHARACTER_COUNTY.contains(c));
    joined_before || text[end..].starts_with('域')
}

fn is_feature(after: &str) -> bool {
    after
        .chars()
        .next()
        .is_some_and(|c| FEATURE_AFTER.contains(&c))
}

/// Flags every mention of a run of adjacent mentions (`上海市宝山区`) followed
/// by an organisation's name.
fn mark_organizations(text: &str, raws: &mut [Raw]) {
    let mut i = 0;
    while i < raws.len() {
        let mut j = i;
        while j + 1 < raws.len() && raws[j].end == raws[j + 1].start {
            j += 1;
        }
        let next_start = raws.get(j + 1).map_or(text.len(), |r| r.start);
        if organization_follows(&text[raws[j].end..next_start]) {
            for r in &mut raws[i..=j] {
                r.in_organization = true;
            }
        }
        i = j + 1;
    }
}

fn organization_follows(after: &str) -> bool {
    if ORG_DIRECT.iter().any(|s| after.starts_with(s))
        && !after.starts_with("委员")
        && !after.starts_with("委托")
        && !after.starts_with("办理")
        && !after.starts_with("局势")
        && !after.starts_with("局部")
    {
        return true;
    }
    let mut prev = None;
    for (n, (pos, ch)) in after.char_indices().enumerate() {
        if n >= ORG_WINDOW || !is_cjk(ch) {
            break;
        }
        if ORG_WINDOW_MARKS.contains(ch) {
            if ORG_BREAKERS.contains(&ch) {
                break;
            }
            if ORG_SUFFIXES_BY_FIRST
                .get(&ch)
                .is_some_and(|suffixes| suffixes.iter().any(|s| after[pos..].starts_with(s)))
            {
                return true;
            }
            if ch == '局' && prev.is_some_and(|p| !NOT_AGENCY_BEFORE_JU.contains(p)) {
                return true;
            }
        }
        prev = Some(ch);
    }
    false
}

fn is_cjk(c: char) -> bool {
    matches!(c, '\u{4E00}'..='\u{9FFF}' | '\u{3400}'..='\u{4DBF}')
}

/// Links mentions listed together: `南京、无锡、常州`. Only the enumeration
/// comma counts: commas separate clauses (`比如,普陀区`) and 和, 与 join any
/// nouns (`嘉定新城与江苏`).
fn mark_enumerations(text: &str, raws: &mut [Raw]) {
    for i in 1..raws.len() {
        let gap = &text[raws[i - 1].end..raws[i].start];
        if matches!(gap, "、" | "/") {
            raws[i].listed_with[0] = true;
            raws[i - 1].listed_with[1] = true;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn roads_and_features() {
        assert!(is_road("路465号"));
        assert!(is_road("东路"));
        assert!(is_road("中路18号"));
        assert!(!is_road("街道"));
        assert!(is_road("街"));
        assert!(!is_road("区"));
        assert!(!is_road(""));
        assert!(is_feature("山"));
        assert!(!is_feature("区"));
    }

    #[test]
    fn organisations() {
        assert!(organization_follows("交通大学"));
        assert!(organization_follows("研究院"));
        assert!(organization_follows("委书记"));
        assert!(organization_follows("文化和旅游局"));
        assert!(!organization_follows("新格局"));
        assert!(!organization_follows("委员"));
        assert!(!organization_follows("正不断放大科技创新"));
        assert!(!organization_follows("的大学"));
    }

    /// [`organization_follows`]'s window as first written: every character
    /// tested against the breakers and the suffixes, no gate.
    fn organization_window_by_definition(after: &str) -> bool {
        let mut prev = None;
        for (n, (pos, ch)) in after.char_indices().enumerate() {
            if n >= ORG_WINDOW || !is_cjk(ch) || ORG_BREAKERS.contains(&ch) {
                break;
            }
            if ORG_SUFFIXES.iter().any(|s| after[pos..].starts_with(s)) {
                return true;
            }
            if ch == '局' && prev.is_some_and(|p| !NOT_AGENCY_BEFORE_JU.contains(p)) {
                return true;
            }
            prev = Some(ch);
        }
        false
    }

    /// Every character the road and organisation tests look for, and some
    /// they do not.
    fn pieces() -> Vec<String> {
        let mut pieces: Vec<String> = ROAD_AFTER
            .iter()
            .chain(&ORG_SUFFIXES)
            .chain(&ORG_DIRECT)
            .flat_map(|word| word.chars())
            .chain(ROAD_DIRECTIONS)
            .chain(FEATURE_AFTER)
            .chain(ORG_BREAKERS)
            .chain(NOT_AGENCY_BEFORE_JU.chars())
            .chain("街道局上海，a1 ".chars())
            .map(String::from)
            .collect();
        pieces.extend(
            ROAD_AFTER
                .iter()
                .chain(&ORG_SUFFIXES)
                .map(|w| w.to_string()),
        );
        pieces
    }

    proptest::proptest! {
        /// The bit-set gates change no answer: the road test and the
        /// organisation window give what testing every word gives.
        #[test]
        fn gates_are_the_definitions(
            picked in proptest::collection::vec(proptest::sample::select(pieces()), 0..16),
        ) {
            let text = picked.concat();
            for (at, _) in text.char_indices().chain([(text.len(), ' ')]) {
                let after = &text[at..];
                proptest::prop_assert_eq!(is_road(after), road_word_at(after), "{}", after);
                let direct = ORG_DIRECT.iter().any(|s| after.starts_with(s));
                if !direct {
                    proptest::prop_assert_eq!(
                        organization_follows(after),
                        organization_window_by_definition(after),
                        "{}", after
                    );
                }
            }
        }
    }
}
