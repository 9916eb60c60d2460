//! The date lexer: one pass of one pattern over the text finds the pieces of
//! date expressions (a year, a month and day, a relative word, a part of a
//! year, a holiday, a time of day), and reads their values.
//!
//! Pieces are joined into expressions by [`super::resolve`]; here each piece
//! only checks its own edges (a two-digit year must look like a year, a day
//! must not be part of a longer number).

use std::sync::LazyLock;

use jiff::civil::Time;
use regex::Regex;
use regex_automata::util::captures::Captures;
use regex_automata::{Anchored, Input};

use super::counted::{self, Window};
use super::fields::{clock, day, month, number, time_of_day, weekday};
use super::lunar::{self, Lunar};
use super::ordinal::{self, Ordinal};
use super::pattern::{Groups, Kind, LEXER};
use super::period::{self, Part};
use super::relative;
use super::solar_terms;
use crate::span::Span;

/// A year as the text states it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum YearRef {
    /// A full year: `2021年`, `二〇二一年`.
    Abs(i32),
    /// The last two digits of a year: `21年`, `九七年`.
    Short(i32),
    /// Years from the base date's year: `去年` is -1.
    Rel(i32),
}

/// A month or a day as the text states it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Field {
    /// The number written: `5月` is 5.
    Abs(i32),
    /// Months (or days) from the base date's: `上月` is -1, `昨天` is -1.
    Rel(i32),
}

/// The unit of an elapsed-time expression (`3天前`, `9个月前`, `两年后`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum AgoUnit {
    /// `天`.
    Day,
    /// `周`, `个星期`.
    Week,
    /// `个月`.
    Month,
    /// `年`.
    Year,
}

/// One piece of a date expression, or an expression already whole. Joined
/// pieces union their fields.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(super) struct Expr {
    pub(super) span: Span,
    pub(super) year: Option<YearRef>,
    pub(super) month: Option<Field>,
    pub(super) day: Option<Field>,
    /// Weeks from the base date's week (`上周` is -1).
    pub(super) week: Option<i32>,
    /// 1 (Monday) to 7 (Sunday); 8 is the weekend.
    pub(super) weekday: Option<i8>,
    /// The n-th week of a month or year (`第二周`), counted from its first Monday.
    pub(super) nth_week: Option<i32>,
    pub(super) part: Option<Part>,
    /// A counted part of the year or month it joins (`前十一个月`).
    pub(super) ordinal: Option<Ordinal>,
    /// A holiday, and whether the text means its days off (`国庆长假`).
    pub(super) holiday: Option<(period::Holiday, bool)>,
    /// A span of whole years: a five-year plan, a decade, a century, `2021-2025年`.
    pub(super) years: Option<(i32, i32)>,
    /// `N` units before (negative) or after (positive) the base date; a
    /// half year (`一年半`, `半年`) is counted in months.
    pub(super) ago: Option<(i32, AgoUnit)>,
    /// Whether the elapsed-time expression leaves its far side open (`以前`, `以后`).
    pub(super) ago_open: bool,
    /// How many units further the far end of a vague count lies
    /// (`二十几年前`: 21 years back and 8 more).
    pub(super) ago_width: i32,
    /// Days beyond the whole units (`两个半月前`: fifteen).
    pub(super) ago_days: i32,
    /// Whether the count is vague (`十个多月`, `二十几年`).
    pub(super) ago_fuzzy: bool,
    /// Days back from the base date of a vague `近日`.
    pub(super) fuzzy: Option<(i32, super::Precision)>,
    pub(super) time: Option<Time>,
    pub(super) time_end: Option<Time>,
    /// A `号` day with no month: a house or line number unless a month joins it.
    pub(super) bare_hao: bool,
    /// The month and day are of the lunar calendar (`农历八月十五`, `腊月`).
    pub(super) lunar: Option<Lunar>,
    /// A solar term, by its index in [`solar_terms::NAMES`], or a season
    /// (`夏`).
    pub(super) term: Option<Term>,
    /// A span counted from the base date (`近三个月`).
    pub(super) window: Option<Window>,
}

/// A day or season of the solar terms.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Term {
    /// One of the 24 terms, by its index in [`solar_terms::NAMES`].
    Day(usize),
    /// A season: `春`, `夏`, `秋`, `冬`.
    Season(char),
}

impl Expr {
    fn at(span: Span) -> Expr {
        Expr {
            span,
            year: None,
            month: None,
            day: None,
            week: None,
            weekday: None,
            nth_week: None,
            part: None,
            ordinal: None,
            holiday: None,
            years: None,
            ago: None,
            ago_open: false,
            ago_width: 0,
            ago_days: 0,
            ago_fuzzy: false,
            fuzzy: None,
            time: None,
            time_end: None,
            bare_hao: false,
            lunar: None,
            term: None,
            window: None,
        }
    }

    /// Whether the expression is a lunar mark (`农历`) with no date to mark.
    pub(super) fn is_bare_mark(&self) -> bool {
        self.lunar.is_some() && {
            let mut bare = Expr::at(self.span);
            bare.lunar = self.lunar;
            *self == bare
        }
    }

    /// Whether the expression states a time of day and nothing else.
    pub(super) fn clock_only(&self) -> bool {
        self.time.is_some()
            && self.window.is_none()
            && self.year.is_none()
            && self.month.is_none()
            && self.day.is_none()
            && self.week.is_none()
            && self.weekday.is_none()
            && self.holiday.is_none()
            && self.term.is_none()
    }
}

/// A month right at the start of the text: what must follow `1-` for the
/// `1` to be a month.
pub(super) static MONTH_AHEAD: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^\s*(?:1[0-2]|0?[1-9]|１[０-２]|０?[１-９]|十[一二]?|[一二三四五六七八九])\s*月")
        .expect("the month pattern is valid")
});

/// Every date piece in `text`, in text order, not overlapping.
pub(super) fn atoms(text: &str) -> Vec<Expr> {
    let lexer = &*LEXER;
    // Group slots for each kind's own pattern, made when a piece of that
    // kind is first read.
    let mut captures: Vec<Option<Captures>> = vec![None; lexer.pattern_count()];
    let mut out = Vec::new();
    let mut pos = 0;
    while pos < text.len() {
        // Find the match first (the DFA alone) and take its groups only when
        // `read` can accept it: a match right after a digit is rejected
        // whatever its groups say, and resolving the groups is the costly
        // half of a match. Within the match's own bounds and anchored, the
        // kind's own pattern finds the same match again.
        let Some(found) = lexer.regex.search(&Input::new(text).range(pos..)) else {
            break;
        };
        if after_digit(text, found.start()) {
            pos = skip_run(text, found.start());
            continue;
        }
        let index = found.pattern().as_usize();
        let (Some(kind), Some(alone), Some(slots)) = (
            lexer.kinds.get(index),
            lexer.alone(index),
            captures.get_mut(index),
        ) else {
            break;
        };
        let slots = slots.get_or_insert_with(|| alone.create_captures());
        alone.search_captures(
            &Input::new(text)
                .range(found.range())
                .anchored(Anchored::Yes),
            slots,
        );
        let whole = slots
            .get_match()
            .map_or(Span::new(pos, pos), |m| Span::new(m.start(), m.end()));
        let groups = Groups {
            text,
            captures: slots,
        };
        match read(text, *kind, &groups, whole) {
            Some(expr) if !expr.span.is_empty() => {
                pos = expr.span.end;
                out.push(expr);
            }
            _ => pos = skip_run(text, whole.start),
        }
    }
    out
}

/// The position after the numeral run (or the one character) at `at`, where
/// a rejected piece's scan resumes: no piece starts inside a number.
fn skip_run(text: &str, at: usize) -> usize {
    let mut chars = text[at..].char_indices();
    let Some((_, first)) = chars.next() else {
        return text.len();
    };
    let mut end = at + first.len_utf8();
    if is_numeral(first) {
        for (i, c) in chars {
            if !is_numeral(c) {
                break;
            }
            end = at + i + c.len_utf8();
        }
    }
    end
}

/// Digits of any script, and the Chinese numeral characters.
pub(super) fn is_numeral(c: char) -> bool {
    c.is_ascii_digit()
        || ('０'..='９').contains(&c)
        || "〇零○Ｏ一二两三四五六七八九十廿卅百千万".contains(c)
}

/// Whether a digit (ASCII or full-width) stands right before `at`: no piece
/// starts inside a number.
fn after_digit(text: &str, at: usize) -> bool {
    prev_char(text, at).is_some_and(|c| c.is_ascii_digit() || ('０'..='９').contains(&c))
}

/// Whether a count and a range sign stand right before `at` (`3-`, `三至`):
/// what starts at `at` is the far end of a range of counts.
fn after_count_range(text: &str, at: usize) -> bool {
    let before = text[..at].trim_end_matches(['-', '－', '—', '~', '～', '至', '到']);
    before.len() < at && before.chars().next_back().is_some_and(is_numeral)
}

fn prev_char(text: &str, at: usize) -> Option<char> {
    text[..at].chars().next_back()
}

fn next_char(text: &str, at: usize) -> Option<char> {
    text[at..].chars().next()
}

fn span_of(caps: &Groups<'_>, name: &str) -> Option<Span> {
    caps.name(name).map(|m| Span::new(m.start(), m.end()))
}

pub(super) fn str_of<'t>(caps: &Groups<'t>, name: &str) -> Option<&'t str> {
    caps.name(name).map(|m| m.as_str())
}

/// Two-digit years up to this one are of this century (`09-01-06` is
/// 2009), later ones of the last: pages with such stamps date from the
/// late 1990s on.
const SHORT_YEAR_PIVOT: i32 = 50;

/// The year, month and day of a numeric date. With the year last, dots put
/// the day first (`19.01.2016`) and slashes the month (`02/03/2012`), as
/// the sites that print them do, unless the first number cannot be what
/// that order makes it.
fn numeric_fields(caps: &Groups<'_>) -> Option<(i32, i32, i32)> {
    if let Some(y) = str_of(caps, "ny") {
        let m = str_of(caps, "nm")
            .or(str_of(caps, "nm2"))
            .or(str_of(caps, "nm3"))?;
        return Some((number(y)?, month(m)?, day(str_of(caps, "nd")?)?));
    }
    if let Some(y) = str_of(caps, "ly") {
        let (a, b) = (str_of(caps, "la")?, str_of(caps, "lb")?);
        let day_first = str_of(caps, "ls") == Some(".");
        let (d, m) = if day_first { (a, b) } else { (b, a) };
        let (d, m) = match (day(d), month(m)) {
            (Some(d), Some(m)) => (d, m),
            _ => (day(m)?, month(d)?),
        };
        return Some((number(y)?, m, d));
    }
    if let Some(y) = str_of(caps, "wy") {
        return Some((
            number(y)?,
            month(str_of(caps, "wm")?)?,
            day(str_of(caps, "wd")?)?,
        ));
    }
    let short = number(str_of(caps, "sy")?)?;
    let year = if short <= SHORT_YEAR_PIVOT {
        2000 + short
    } else {
        1900 + short
    };
    Some((year, month(str_of(caps, "sm")?)?, day(str_of(caps, "sd")?)?))
}

/// Reads one match into a piece, or rejects it.
fn read(text: &str, kind: Kind, caps: &Groups<'_>, whole: Span) -> Option<Expr> {
    if after_digit(text, whole.start) {
        return None;
    }
    let mut e = Expr::at(whole);
    match kind {
        Kind::Plan => {
            let plan = str_of(caps, "plan")?;
            period::plan(plan).map(|years| Expr {
                years: Some(years),
                ..e
            })
        }
        Kind::Century | Kind::Decade => {
            e.years = Some(period::decade(caps)?);
            Some(e)
        }
        Kind::YearRange => {
            let a = str_of(caps, "yr1").or(str_of(caps, "yr3"))?;
            let b = str_of(caps, "yr2").or(str_of(caps, "yr4"))?;
            // `从2016到2018`: without `年`, only where no digit follows.
            if caps.name("yr4").is_some() && next_char(text, whole.end).is_some_and(is_numeral) {
                return None;
            }
            let (a, b) = (number(a)?, number(b)?);
            if b <= a || b - a > 50 {
                return None;
            }
            e.years = Some((a, b));
            Some(e)
        }
        Kind::NumericDate => {
            let (y, m, d) = numeric_fields(caps)?;
            e.year = Some(YearRef::Abs(y));
            e.month = Some(Field::Abs(m));
            e.day = Some(Field::Abs(d));
            if let (Some(h), Some(m)) = (str_of(caps, "nth"), str_of(caps, "ntm")) {
                e.time = clock(
                    number(h)?,
                    number(m)?,
                    str_of(caps, "nts").and_then(number).unwrap_or(0),
                );
            } else if next_char(text, whole.end).is_some_and(|c| c.is_ascii_digit()) {
                return None;
            }
            Some(e)
        }
        Kind::YearMonth => {
            let y = str_of(caps, "ymy")?;
            let after = next_char(text, whole.end);
            if after.is_some_and(|c| c.is_ascii_digit() || c == '年' || c == '%' || c == '月') {
                return None;
            }
            if str_of(caps, "yms") == Some("-") && after.is_some_and(|c| c.is_ascii_digit()) {
                return None;
            }
            e.year = Some(YearRef::Abs(number(y)?));
            e.month = Some(Field::Abs(month(str_of(caps, "ymm")?)?));
            Some(e)
        }
        Kind::MonthDay => {
            let m = str_of(caps, "mdm")?;
            let sep = str_of(caps, "mds")?;
            // `09-01`, `12-01`: a zero-padded month or day marks a date.
            let zero_led = |s: &str| s.len() == 2 && s.starts_with('0');
            let padded = zero_led(m) || str_of(caps, "mdd").is_some_and(zero_led);
            // `12/1` alone (a form field, a table cell) is a date.
            let alone = text.trim() == &text[whole.range()];
            if !(sep == "·" || padded || alone || caps.name("mdh").is_some()) {
                // `1-9月`: the first number is a month of a month range.
                if sep == "-" && MONTH_AHEAD.is_match(&text[span_of(caps, "mds")?.end..]) {
                    e.month = Some(Field::Abs(month(m)?));
                    e.span.end = span_of(caps, "mdm")?.end;
                    return Some(e);
                }
                return None;
            }
            if next_char(text, whole.end)
                .is_some_and(|c| c.is_ascii_digit() || c == '.' || c == '%')
            {
                return None;
            }
            e.month = Some(Field::Abs(month(m)?));
            e.day = Some(Field::Abs(day(str_of(caps, "mdd")?)?));
            Some(e)
        }
        Kind::Window => counted::read(text, e),
        // `3-5年内` is a range of counts (a figure), not a span of 5 years.
        Kind::Ago if after_count_range(text, whole.start) => None,
        Kind::Ago => relative::ago(caps, e),
        Kind::Year => {
            let y = str_of(caps, "cy")?;
            year(text, caps, y, e)
        }
        Kind::MonthRange => {
            let m = str_of(caps, "mrm")?;
            // `1-9月`, `2——4月`: a number before a dash and a month is a month.
            if prev_char(text, whole.start).is_some_and(is_numeral)
                || !MONTH_AHEAD.is_match(&text[whole.end..])
            {
                return None;
            }
            e.month = Some(Field::Abs(month(m)?));
            e.span.end = span_of(caps, "mrm")?.end;
            Some(e)
        }
        Kind::Month => {
            let m = str_of(caps, "mo")?;
            if prev_char(text, whole.start).is_some_and(is_numeral) {
                return None;
            }
            let (m, named) = match lunar::month_name(m) {
                Some(m) => (m, true),
                None => (month(m)?, false),
            };
            e.month = Some(Field::Abs(m));
            if named || lunar::is_lunar_day(caps) {
                e.lunar = Some(Lunar::Month);
            }
            if let Some(d) = str_of(caps, "md") {
                let marked = caps.name("mdx").is_some();
                let end_ok = next_char(text, whole.end)
                    .is_none_or(|c| !c.is_alphanumeric() || "至到日号".contains(c));
                let chinese = !d.chars().any(|c| c.is_ascii_digit());
                match day(d) {
                    Some(v) if marked || end_ok || chinese => e.day = Some(Field::Abs(v)),
                    _ => {
                        // A number after the month that is not its day (`5月3家`):
                        // keep the month alone.
                        let m_end = caps.name("md").map_or(whole.end, |x| x.start());
                        e.span.end = trim_end(text, whole.start, m_end);
                    }
                }
            }
            suffix_part(text, &mut e, false);
            Some(e)
        }
        Kind::Day => {
            let d = str_of(caps, "dy")?;
            let after_month = prev_char(text, whole.start) == Some('月');
            if prev_char(text, whole.start).is_some_and(is_numeral)
                || !after_month
                    && d.chars().count() == 1
                    && !d
                        .chars()
                        .all(|c| c.is_ascii_digit() || ('０'..='９').contains(&c))
            {
                return None;
            }
            let rest = &text[whole.end..];
            // `60日内`: a span of days from the base, not a day.
            if let Some(w) = ["以内", "之内", "内"].iter().find(|w| rest.starts_with(*w)) {
                if after_month || str_of(caps, "dys") != Some("日") {
                    return None;
                }
                e.span.end += w.len();
                return counted::days_within(d, e);
            }
            if rest.starts_with('间') {
                return None;
            }
            e.day = Some(Field::Abs(day(d)?));
            e.bare_hao = str_of(caps, "dys") == Some("号");
            Some(e)
        }
        Kind::RelativeWeek => {
            let w = str_of(caps, "relw")?;
            e.week = Some(relative::week_offset(w));
            e.weekday = str_of(caps, "relwd").and_then(weekday);
            Some(e)
        }
        Kind::RelativeWord => {
            let w = str_of(caps, "rel")?;
            // `今日头条` is a news app, not today.
            if w == "今日" && text[whole.end..].starts_with("头条") {
                return None;
            }
            relative::word(w, &mut e);
            if e.part == Some(Part::QuarterOf(None)) {
                let rest = &text[whole.end..];
                let edge = match rest.chars().next() {
                    Some('末') => Some(period::Edge::Late),
                    Some('初') => Some(period::Edge::Early),
                    _ => None,
                };
                if let Some(edge) = edge {
                    e.part = Some(Part::QuarterOf(Some(edge)));
                    e.span.end += '末'.len_utf8();
                }
            } else if e.year.is_some() {
                suffix_part(text, &mut e, true);
            } else if e.month.is_some() {
                suffix_part(text, &mut e, false);
            }
            Some(e)
        }
        Kind::Weekday => {
            let w = str_of(caps, "wd")?;
            e.weekday = weekday(w.chars().last()?.encode_utf8(&mut [0; 4]));
            Some(e)
        }
        Kind::WeekdayInMonth | Kind::Count => {
            e.ordinal = Some(ordinal::read(caps, &text[whole.range()])?);
            Some(e)
        }
        Kind::Part => {
            let p = str_of(caps, "part")?;
            // `十年中`, `三年初`: the 年 ends a count of years.
            if p.starts_with('年') && prev_char(text, whole.start).is_some_and(is_numeral) {
                return None;
            }
            e.part = Some(period::part(caps)?);
            if let Some(Part::NthWeek(n)) = e.part {
                e.part = None;
                e.nth_week = Some(n);
            }
            Some(e)
        }
        Kind::Quarter => {
            let q = str_of(caps, "qq")?;
            let after_year = prev_char(text, whole.start).is_some_and(|c| c == '年');
            if !after_year && !text[whole.start..whole.end].ends_with("季度") {
                return None;
            }
            e.part = Some(Part::Quarter(number(q)?));
            Some(e)
        }
        Kind::Holiday => {
            let h = str_of(caps, "hol")?;
            let before = prev_char(text, whole.start);
            if h == "五一"
                && (before.is_some_and(is_numeral)
                    || next_char(text, span_of(caps, "hol")?.end).is_some_and(is_numeral))
            {
                return None;
            }
            e.holiday = Some((period::holiday(h)?, caps.name("holx").is_some()));
            Some(e)
        }
        Kind::Fuzzy => {
            let f = str_of(caps, "fz")?;
            relative::fuzzy(text, f, e)
        }
        Kind::TimeOfDay => time_of_day(caps, e),
        Kind::LunarMark => lunar::mark(text, caps, e),
        Kind::LunarNewYear => lunar::new_year(caps, e),
        Kind::SolarTerm => solar_terms::term(text, caps, e),
        Kind::Season => solar_terms::season_piece(text, caps, e),
    }
}

/// A year piece, with its edge checks and an optional one-character part
/// (`2022年底`).
fn year(text: &str, caps: &Groups<'_>, y: &str, mut e: Expr) -> Option<Expr> {
    let digits = y.chars().count();
    if caps.name("cyk").is_some() {
        // `两千零四年`, `两千年`: a year read as a number.
        let (thousands, rest) = y.split_once('千')?;
        let rest = rest.trim_start_matches('零');
        let value = number(thousands)? * 1000 + if rest.is_empty() { 0 } else { number(rest)? };
        e.year = Some(YearRef::Abs(value));
        suffix_part(text, &mut e, true);
        return Some(e);
    }
    let value = number(y)?;
    if digits == 4 {
        e.year = Some(YearRef::Abs(value));
    } else {
        // A two- or three-digit year is a year only when something dated
        // follows it (a month, a part, `度`) or the text ends: `近10年`,
        // `连续12年`, `300年历史` are durations and counts.
        let before = prev_char(text, e.span.start);
        if before.is_some_and(|c| is_numeral(c) || "近这过多余第每连约".contains(c)) {
            return None;
        }
        let rest = &text[e.span.end..];
        // `07年`, `零八年`: no count of years is written with a leading zero.
        let zero_led = y.starts_with(['0', '０', '零', '〇', '○', 'Ｏ']);
        // `五八年前七个月`: a counted part follows the year.
        let counted = rest
            .strip_prefix(['前', '后'])
            .and_then(|r| r.chars().next())
            .is_some_and(is_numeral);
        let dated = zero_led
            || counted
            || solar_terms::NAMES.iter().any(|t| rest.starts_with(t))
            || caps.name("cyd").is_some()
            || rest.trim_start().is_empty()
            || rest.starts_with([
                '底', '末', '初', '上', '下', '前', '后', '第', '首', '全', 'Q', '春', '国', '元',
                '中', '端', '清',
            ])
            || rest.chars().next().is_some_and(|c| {
                c.is_ascii_digit()
                    || ('０'..='９').contains(&c)
                    || "一二三四五六七八九十".contains(c)
            });
        let duration = [
            "前后", "后", "前", "来", "间", "时间", "内", "多", "余", "半",
        ]
        .iter()
        .any(|w| rest.starts_with(w));
        let half = rest.starts_with("上半") || rest.starts_with("下半");
        if !dated || duration && !half && !zero_led && !counted {
            return None;
        }
        // Three digits are the year itself (`789年`); two its last digits.
        e.year = Some(if digits == 3 {
            YearRef::Abs(value)
        } else {
            YearRef::Short(value)
        });
    }
    suffix_part(text, &mut e, true);
    Some(e)
}

/// Takes a one-character part after a year or a month (`2022年底`, `5月初`)
/// into the piece. `中` and `初` also open words (`2022年中国`, `初步`), so
/// they count only before punctuation or a particle.
fn suffix_part(text: &str, e: &mut Expr, of_year: bool) {
    let rest = &text[e.span.end..];
    let Some(c) = rest.chars().next() else {
        return;
    };
    let after = rest[c.len_utf8()..].chars().next();
    let loose = after.is_none_or(|n| !n.is_alphabetic() || "的前后以之期".contains(n));
    let part = match c {
        '底' | '末' => Some(period::Edge::Late),
        '初' if loose => Some(period::Edge::Early),
        '中' if loose && !of_year => Some(period::Edge::Mid),
        _ => None,
    };
    if let Some(edge) = part {
        e.part = Some(if of_year {
            Part::OfYear(edge)
        } else {
            Part::OfMonth(edge)
        });
        e.span.end += c.len_utf8();
    }
}

fn trim_end(text: &str, start: usize, end: usize) -> usize {
    start + text[start..end].trim_end().len()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_pieces() {
        let text = "2021年10月24日上午9时";
        let found = atoms(text);
        let spans: Vec<&str> = found.iter().map(|e| &text[e.span.range()]).collect();
        assert_eq!(spans, ["2021年", "10月24日", "上午9时"]);
        assert_eq!(found[2].time, Time::new(9, 0, 0, 0).ok());
    }

    #[test]
    fn durations_and_counts_are_not_years() {
        for text in ["近10年", "连续12年获评", "三年时间", "不到两周"] {
            assert!(atoms(text).iter().all(|e| e.year.is_none()), "{text}");
        }
    }

    #[test]
    fn the_far_end_of_a_range_of_counts_is_no_span() {
        let text = "预计3-5年内全部建成投用";
        assert!(atoms(text)
            .iter()
            .all(|e| e.span.start != text.find('5').unwrap()));
        assert!(!atoms("预计5年内全部建成").is_empty());
    }

    #[test]
    fn house_numbers_are_bare() {
        let found = atoms("蕰川路6号");
        assert!(found.iter().all(|e| e.bare_hao));
    }

    #[test]
    fn never_panics_on_odd_input() {
        for text in [
            "",
            "年",
            "月日号",
            "９",
            "2021-",
            "Q",
            "“十",
            "二〇",
            "31日内",
            "0—24时",
        ] {
            let _ = atoms(text);
        }
    }
}
