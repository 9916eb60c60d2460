//! The lexer's patterns: one per kind of date piece, searched together, and
//! the groups of a match.
//!
//! The kinds are separate patterns of one multi-pattern regex rather than
//! alternatives of one pattern. The search is the same (leftmost-first, the
//! earlier kind winning at the same start), but a match says which kind it
//! is, so its groups are resolved by that kind's pattern alone: the
//! backtracker no longer walks every earlier alternative (the relative
//! words, the holidays) to find the one that matched, and reading a match
//! dispatches on its kind instead of probing group names one after another.

use std::sync::{LazyLock, OnceLock};

use regex_automata::meta::Regex;
use regex_automata::nfa::thompson::WhichCaptures;
use regex_automata::util::captures::Captures;

use super::{counted, ordinal, period, relative, solar_terms};

/// What a piece is: one per pattern, in the order they are tried.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Kind {
    /// A five-year plan: `“十四五”时期`.
    Plan,
    /// A century, maybe narrowed to a decade or a part: `20世纪80年代`.
    Century,
    /// A decade: `90年代初`.
    Decade,
    /// A span of years: `2021-2025年`.
    YearRange,
    /// A numeric date: `2021-10-24`, `2021/10/24 9:30`; with the year last as
    /// some sites print it (`19.01.2016` day first, `02/03/2012` month
    /// first); with a two-digit year (`09-01-06`); as a widget stamps it
    /// (`2022 05/ 30`).
    NumericDate,
    /// A numeric year and month: `2021-10`.
    YearMonth,
    /// A numeric month and day: `10-24`, `10/24日`.
    MonthDay,
    /// A span counted from the base date: `近三个月`, `60日内`.
    Window,
    /// Elapsed time: `3天前`, `两年后`; a span counted back or ahead from
    /// the base (`五年来`, `60日内`).
    Ago,
    /// A year: `2021年`, `二〇二一年度`.
    Year,
    /// A month before a dash or `至` (`1-9月`).
    MonthRange,
    /// A month, maybe with its day: `10月24日`.
    Month,
    /// A day: `24日`, `6号`.
    Day,
    /// A relative week: `上周三`.
    RelativeWeek,
    /// A relative word: `去年`, `本月`, `昨天`.
    RelativeWord,
    /// A weekday: `星期五`.
    Weekday,
    /// The n-th weekday of a month: `第二个星期日`.
    WeekdayInMonth,
    /// A part of a year or month: `上半年`, `第三季度`, `月底`.
    Part,
    /// A counted part: `前三个月`, `首月`.
    Count,
    /// A quarter in the `Q3` form.
    Quarter,
    /// A holiday: `国庆长假`.
    Holiday,
    /// A vague recent time: `近日`.
    Fuzzy,
    /// A time of day: `上午9时`, `14:30`.
    TimeOfDay,
    /// A mark of the lunar calendar before a date: `农历`, `阴历`, `闰`.
    LunarMark,
    /// A day of the lunar new year or its eve: `大年初十`, `大年三十`.
    LunarNewYear,
    /// A solar term: `冬至`.
    SolarTerm,
    /// A season: `夏季`, `冬天`, `春` after a year.
    Season,
}

/// The lexer: the patterns of [`patterns`] together, to find pieces, and
/// each alone, to read the groups of a piece of its kind.
pub(super) struct Lexer {
    /// Every pattern, searched together.
    pub(super) regex: Regex,
    /// The kind of each pattern of `regex`.
    pub(super) kinds: Vec<Kind>,
    /// The source of each pattern, by pattern index.
    patterns: Vec<String>,
    /// Each pattern compiled alone, on its first match. Resolving groups
    /// with the pattern's own small automaton rather than the combined one
    /// keeps the backtracker's per-search state (a bit per automaton state
    /// and haystack position, cleared every search) small; compiling only
    /// the kinds a process meets keeps them out of its start-up time.
    alone: Vec<OnceLock<Regex>>,
}

impl Lexer {
    /// The pattern of index `index` alone.
    pub(super) fn alone(&self, index: usize) -> Option<&Regex> {
        let pattern = self.patterns.get(index)?;
        let slot = self.alone.get(index)?;
        Some(slot.get_or_init(|| Regex::new(pattern).expect("the date patterns are valid")))
    }

    /// How many patterns there are.
    pub(super) fn pattern_count(&self) -> usize {
        self.patterns.len()
    }
}

/// The bytes of states the combined pattern's lazy DFA keeps (the default
/// is 2 MiB). The kinds together make a large automaton whose states, built
/// as the text needs them, outgrew the default on long notices: the cache
/// was cleared and the same states built again, which cost as much as the
/// search itself. Its cache is one per thread.
const LAZY_DFA_CACHE: usize = 8 << 20;

/// Compiled once, on first use.
pub(super) static LEXER: LazyLock<Lexer> = LazyLock::new(|| {
    let (kinds, patterns): (Vec<Kind>, Vec<String>) = patterns().into_iter().unzip();
    let regex = Regex::builder()
        .configure(
            Regex::config()
                .hybrid_cache_capacity(LAZY_DFA_CACHE)
                // Only where a piece is and which kind it is are read from
                // the combined search (its groups from the kind's own
                // pattern): no group states in its automaton keeps each
                // lazily built state's closure small.
                .which_captures(WhichCaptures::Implicit),
        )
        .build_many(&patterns)
        .expect("the date patterns are valid");
    let alone = patterns.iter().map(|_| OnceLock::new()).collect();
    Lexer {
        regex,
        kinds,
        patterns,
        alone,
    }
});

/// The pattern of each kind, in the order they are tried at one position:
/// longer and more specific forms first.
fn patterns() -> Vec<(Kind, String)> {
    let d = "[0-9０-９]";
    let cn_year = "[〇零○Ｏ一二三四五六七八九]";
    let cn_day =
        "(?:[一二三]?十[一二三四五六七八九]?|廿[一二三四五六七八九]?|卅一?|[一二三四五六七八九])";
    let cn_small = "[零一二两三四五六七八九十]{1,3}";
    let tod = "凌晨|清晨|早上|早晨|上午|中午|下午|傍晚|晚上|夜里|夜间|深夜|半夜";
    let month = "1[0-2]|0?[1-9]|１[０-２]|０?[１-９]|十[一二]?|[一二三四五六七八九]";
    let rel = relative::WORDS_PATTERN;
    let part = period::PARTS_PATTERN;
    let wim = ordinal::WEEKDAY_PATTERN;
    let count = ordinal::COUNT_PATTERN;
    let hol = period::HOLIDAYS_PATTERN;
    let term = solar_terms::PATTERN;
    let season = solar_terms::SEASON_PATTERN;
    [
        (
            Kind::Plan,
            r"(?P<plan>(?:“?十[一二三四五六七八九]五”?|“[一二三四五六七八九十]五”)(?:时期|期间|规划期)?)"
                .to_owned(),
        ),
        (
            Kind::Century,
            format!(
                r"(?P<cent>(?:上|本|{d}{{1,2}}|[一二十]{{1,2}}[一二三四五六七八九]?)世纪)
                (?:(?P<dec>{d}0|[一二三四五六七八九]十)年代)?(?P<cpart>初期|中期|末期|前期|后期|初|末|中叶)?"
            ),
        ),
        (
            Kind::Decade,
            format!(r"(?P<dec2>{d}0|[一二三四五六七八九]十)年代(?P<dpart>初期|中期|末期|前期|后期|初|末)?"),
        ),
        (
            Kind::YearRange,
            format!(
                r"(?P<yr1>{d}{{4}})\s*年?\s*(?:[-—–~～－]+|至|到)\s*(?P<yr2>{d}{{4}})\s*年度?
                | 从\s*(?P<yr3>{d}{{4}})\s*(?:[-—–~～－]+|至|到)\s*(?P<yr4>{d}{{4}})"
            ),
        ),
        (
            Kind::NumericDate,
            format!(
                r"(?:(?P<ny>{d}{{4}})(?:-(?P<nm>{d}{{1,2}})-|/(?P<nm2>{d}{{1,2}})/|[.．](?P<nm3>{d}{{1,2}})[.．])(?P<nd>{d}{{1,2}})
                  | (?P<la>{d}{{1,2}})(?P<ls>[./])(?P<lb>{d}{{1,2}})[./](?P<ly>(?:19|20){d}{{2}})
                  | (?P<sy>[0-9]{{2}})-(?P<sm>[0-9]{{2}})-(?P<sd>[0-9]{{2}})
                  | (?P<wy>(?:19|20){d}{{2}})\x20(?P<wm>{d}{{1,2}})/\x20?(?P<wd>{d}{{1,2}}))
                (?:\s*(?P<nth>{d}{{1,2}})[:：](?P<ntm>{d}{{2}})(?:[:：](?P<nts>{d}{{2}}))?)?"
            ),
        ),
        (
            Kind::YearMonth,
            format!(r"(?P<ymy>{d}{{4}})(?P<yms>[-/.．])(?P<ymm>{d}{{1,2}})"),
        ),
        (
            Kind::MonthDay,
            format!(r"(?P<mdm>{d}{{1,2}})(?P<mds>[-/·])(?P<mdd>{d}{{1,2}})(?P<mdh>[号日])?"),
        ),
        (Kind::Window, counted::LEAD.to_owned()),
        (
            Kind::Ago,
            format!(
                r"(?P<ago>[1-9１-９]{d}{{0,2}}|[一二三四五六七八九几]?十[一二三四五六七八九几]?|[一二三四五六七八九两几半])
                  (?P<agom>多)?(?P<agou>天|周|个?星期|个?礼拜|个?工作日|个多?月|个半月|个季度|年)(?P<agoh>半)?(?P<agom2>多)?
                  (?P<agod>以前|之前|以后|之后|前|后|以来|来|以内|之内|内)
                | (?P<agohm>半个?月)(?P<agohd>以前|之前|以后|之后|前|后)"
            ),
        ),
        (
            Kind::LunarMark,
            r"(?P<lmark>农历|阴历|夏历)(?P<lleap>闰)?|(?P<lleap2>闰)".to_owned(),
        ),
        (
            Kind::LunarNewYear,
            format!(r"大年(?:初(?P<lny>[一二三四五六七八九十]|{d}{{1,2}})|(?P<lne>三十|二十九))"),
        ),
        (
            Kind::Year,
            format!(
                r"(?P<cy>{d}{{2,4}}|{cn_year}{{2,4}}|(?P<cyk>[一两]千(?:零?{cn_year}|[一二三四五六七八九]?十[一二三四五六七八九]?)?))\s*年(?P<cyd>度|份)?"
            ),
        ),
        (
            Kind::MonthRange,
            format!(r"(?P<mrm>{month})(?:\s*(?:[-—–~～－]+|至|到))"),
        ),
        (
            Kind::Month,
            format!(
                r"(?P<mo>{month}|正|腊|冬)\s*月份?
                (?:\s*(?P<md>{d}{{1,2}}|初(?:[一二三四五六七八九十]|{d}{{1,2}})|{cn_day})\s*(?P<mdx>日|号)?)?"
            ),
        ),
        (Kind::Day, format!(r"(?P<dy>{d}{{1,2}}|{cn_day})\s*(?P<dys>日|号)")),
        (
            Kind::RelativeWeek,
            r"(?P<relw>(?:上上|下下|上一|下一|本|这|這|上|下)[个個]?(?:周|週|星期|礼拜|禮拜))
            (?:(?:星期|礼拜|周)?(?P<relwd>[一二三四五六日天末]))?"
                .to_owned(),
        ),
        (Kind::RelativeWord, format!(r"(?P<rel>{rel})")),
        (
            Kind::Weekday,
            r"(?P<wd>(?:星期|礼拜|禮拜|周|週)[一二三四五六日天末])".to_owned(),
        ),
        (Kind::WeekdayInMonth, wim.to_owned()),
        (Kind::Part, format!(r"(?P<part>{part})")),
        (Kind::Count, format!(r"(?P<ord>{count})")),
        (Kind::Quarter, r"Q(?P<qq>[1-4])(?:季度)?".to_owned()),
        (
            Kind::Holiday,
            format!(r"(?P<hol>{hol})(?P<holx>小长假|长假|假期|黄金周)?"),
        ),
        (Kind::SolarTerm, format!(r"(?P<term>{term})")),
        (Kind::Season, format!(r"(?P<season>{season})")),
        (
            Kind::Fuzzy,
            r"(?P<fz>近日|日前|近期|最近|近来|前不久|不久前)".to_owned(),
        ),
        (
            Kind::TimeOfDay,
            format!(
                r"(?P<tod>{tod})?\s*(?:
                    (?P<th1>{d}{{1,2}})\s*[—\-－~～至到]\s*(?P<th2>{d}{{1,2}})\s*时
                  | (?P<th>{d}{{1,2}}|{cn_small})\s*[时点](?:(?P<thalf>半)|(?P<tq>[一三])刻|\s*(?P<tmin>{d}{{1,2}}|{cn_small})分?)?
                  | (?P<ch>{d}{{1,2}})[:：](?P<cm>{d}{{2}})(?:[:：](?P<cs>{d}{{2}}))?时?)"
            ),
        ),
    ]
    .into_iter()
    // Whitespace in the patterns above is layout (`x`: verbose mode), as
    // in the single pattern they were split from.
    .map(|(kind, pattern)| (kind, format!("(?x){pattern}")))
    .collect()
}

/// The groups of one match, read by name.
pub(super) struct Groups<'t> {
    pub(super) text: &'t str,
    pub(super) captures: &'t Captures,
}

/// One group of a match: where it is and what it says.
#[derive(Clone, Copy, Debug)]
pub(super) struct Group<'t> {
    text: &'t str,
    start: usize,
    end: usize,
}

impl<'t> Groups<'t> {
    /// The group called `name`, when it took part in the match.
    pub(super) fn name(&self, name: &str) -> Option<Group<'t>> {
        let span = self.captures.get_group_by_name(name)?;
        Some(Group {
            text: self.text,
            start: span.start,
            end: span.end,
        })
    }
}

impl<'t> Group<'t> {
    /// The text of the group.
    pub(super) fn as_str(&self) -> &'t str {
        &self.text[self.start..self.end]
    }

    /// Where the group starts, in bytes of the searched text.
    pub(super) fn start(&self) -> usize {
        self.start
    }

    /// Where the group ends.
    pub(super) fn end(&self) -> usize {
        self.end
    }
}
