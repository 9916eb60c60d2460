//! Parts of years and months (`上半年`, `一季度`, `年底`, `中旬`), holidays,
//! five-year plans, decades and centuries, and the days each covers.

use jiff::civil::{Date, Weekday};
use jiff::ToSpan;

use super::fields::number;
use super::pattern::Groups;
use super::{lunar, solar_terms};

/// The parts of a year or month the lexer knows. Groups: `q` quarter, `qe`
/// its start or end, `qs` the count of leading quarters, `nw` the n-th week.
pub(super) const PARTS_PATTERN: &str = "上半年|下半年|前半年|后半年\
|第?(?P<q>[一二三四1-4])季度(?P<qe>末|初)?|首季度|前(?P<qs>[一二两三])个?季度\
|年初|年中|年底|年末|年终|岁末|年尾|伊始|上旬|中旬|下旬|月初|月中|月底|月末\
|第(?P<nw>[1-5][0-9]?|[一二三四五]?十?[一二三四五六七八九]?)个?(?:周|星期|礼拜)";

/// The holidays the lexer knows, longest first where one begins another.
pub(super) const HOLIDAYS_PATTERN: &str =
    "元旦节?|春节|除夕|元宵节?|清明节?|五一|劳动节|端午节?|七夕节?\
|中秋节?|重阳节?|国庆节?|妇女节|儿童节|教师节|建军节|青年节|植树节|情人节|圣诞节|平安夜\
|愚人节|万圣节|女生节|新年|光棍节|双十一|母亲节|父亲节|感恩节|建党节|暑假";

/// Where in a year or month a loose part lies.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Edge {
    /// `年初`, `月初`.
    Early,
    /// `年中`, `月中`.
    Mid,
    /// `年底`, `年末`, `月底`.
    Late,
}

/// A part of a year or of a month.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Part {
    /// First or second half of the year.
    Half(i32),
    /// One quarter, 1 to 4.
    Quarter(i32),
    /// The first or last month of a quarter (`一季度末`).
    QuarterEdge(i32, Edge),
    /// The quarter holding the month it joins (`本季度`), or its first or
    /// last month (`上季度末`).
    QuarterOf(Option<Edge>),
    /// The first n quarters (`前三季度`).
    Quarters(i32),
    /// `年初`, `年中`, `年底`.
    OfYear(Edge),
    /// `月初`, `月中`, `月底`.
    OfMonth(Edge),
    /// A third of a month: `上旬` is 1.
    Xun(i32),
    /// The n-th week (`第二周`); moved to [`super::absolute::Expr::nth_week`].
    NthWeek(i32),
}

impl Part {
    /// Whether the part lies within a month (and so joins a month, not a year).
    pub(super) fn of_month(self) -> bool {
        matches!(self, Part::OfMonth(_) | Part::Xun(_) | Part::NthWeek(_))
    }

    /// The days of this part of `year` (and `month`, for parts of a month),
    /// and how wide it is.
    pub(super) fn days(self, year: i16, month: i8) -> Option<(Date, Date, super::Precision)> {
        use super::Precision as P;
        let ym = |m: i8| Date::new(year, m, 1).ok();
        let last = |d: Date| d.last_of_month();
        Some(match self {
            Part::Half(h) => {
                let first = ym(if h == 1 { 1 } else { 7 })?;
                (first, last(first.checked_add(5.months()).ok()?), P::Half)
            }
            Part::Quarter(q) => {
                let first = ym(i8::try_from(q * 3 - 2).ok()?)?;
                (first, last(first.checked_add(2.months()).ok()?), P::Quarter)
            }
            Part::QuarterEdge(q, edge) => {
                let m = i8::try_from(q * 3 - if edge == Edge::Late { 0 } else { 2 }).ok()?;
                (ym(m)?, last(ym(m)?), P::Month)
            }
            Part::QuarterOf(edge) => {
                let q = (i32::from(month) - 1) / 3 + 1;
                return match edge {
                    None => Part::Quarter(q).days(year, month),
                    Some(edge) => Part::QuarterEdge(q, edge).days(year, month),
                };
            }
            Part::Quarters(n) => (ym(1)?, last(ym(i8::try_from(n * 3).ok()?)?), P::Range),
            // 年初 is January and February, 年中 June and July, 年底 November
            // and December: the two months either side that the words cover
            // in reports.
            Part::OfYear(Edge::Early) => (ym(1)?, last(ym(2)?), P::Part),
            Part::OfYear(Edge::Mid) => (ym(6)?, last(ym(7)?), P::Part),
            Part::OfYear(Edge::Late) => (ym(11)?, last(ym(12)?), P::Part),
            // 月初 is the first five days, 月中 the middle ten, 月底 from the
            // 25th: the stretches a month's start, middle and end name.
            Part::OfMonth(edge) => {
                let first = ym(month)?;
                let (a, b) = match edge {
                    Edge::Early => (1, 5),
                    Edge::Mid => (11, 20),
                    Edge::Late => (25, last(first).day()),
                };
                (
                    first.with().day(a).build().ok()?,
                    first.with().day(b).build().ok()?,
                    P::Part,
                )
            }
            Part::Xun(x) => {
                let first = ym(month)?;
                let a = i8::try_from(x * 10 - 9).ok()?;
                let b = if x == 3 { last(first).day() } else { a + 9 };
                (
                    first.with().day(a).build().ok()?,
                    first.with().day(b).build().ok()?,
                    P::TenDays,
                )
            }
            Part::NthWeek(_) => return None,
        })
    }
}

/// Reads a part matched by [`PARTS_PATTERN`].
pub(super) fn part(caps: &Groups<'_>) -> Option<Part> {
    let text = caps.name("part")?.as_str();
    if let Some(q) = caps.name("q") {
        let q = number(q.as_str())?;
        return Some(match caps.name("qe").map(|m| m.as_str()) {
            Some("末") => Part::QuarterEdge(q, Edge::Late),
            Some(_) => Part::QuarterEdge(q, Edge::Early),
            None => Part::Quarter(q),
        });
    }
    if let Some(n) = caps.name("qs") {
        return Some(Part::Quarters(number(n.as_str())?));
    }
    if let Some(n) = caps.name("nw") {
        return Some(Part::NthWeek(number(n.as_str())?));
    }
    Some(match text {
        "上半年" | "前半年" => Part::Half(1),
        "下半年" | "后半年" => Part::Half(2),
        "首季度" => Part::Quarter(1),
        "年初" | "伊始" => Part::OfYear(Edge::Early),
        "年中" => Part::OfYear(Edge::Mid),
        "年底" | "年末" | "年终" | "岁末" | "年尾" => Part::OfYear(Edge::Late),
        "上旬" => Part::Xun(1),
        "中旬" => Part::Xun(2),
        "下旬" => Part::Xun(3),
        "月初" => Part::OfMonth(Edge::Early),
        "月中" => Part::OfMonth(Edge::Mid),
        _ => Part::OfMonth(Edge::Late),
    })
}

/// The years of a five-year plan by its written number (`十四五` is the
/// 14th: 2021–2025). Single-digit plans and `十五` must be quoted (`“十五”`),
/// since unquoted they are plain numbers.
pub(super) fn plan(text: &str) -> Option<(i32, i32)> {
    let core = text
        .trim_end_matches("时期")
        .trim_end_matches("期间")
        .trim_end_matches("规划期");
    let quoted = core.starts_with('“') && core.ends_with('”');
    let digits = core.trim_matches(['“', '”']);
    let n = number(digits.strip_suffix('五')?)?;
    if digits.chars().count() < 3 && !quoted {
        return None;
    }
    // The 1st plan ran 1953–1957 and the 2nd 1958–1962; after three years
    // of readjustment the 3rd began in 1966 and every plan since follows on.
    let first = match n {
        1 => 1953,
        2 => 1958,
        _ => 1966 + 5 * (n - 3),
    };
    Some((first, first + 4))
}

/// The years of a century, a decade (`80年代`) or a part of either.
pub(super) fn decade(caps: &Groups<'_>) -> Option<(i32, i32)> {
    let decade_of =
        |s: &str| number(s.trim_end_matches('0').trim_end_matches('十')).map(|n| n * 10);
    let (first, width, part) = if let Some(c) = caps.name("cent") {
        let c = c.as_str().trim_end_matches("世纪");
        let century = match c {
            "上" => 20,
            "本" => 21,
            _ => number(c)?,
        };
        let start = (century - 1) * 100;
        match caps.name("dec") {
            Some(d) => (start + decade_of(d.as_str())?, 10, caps.name("cpart")),
            None => (start, 100, caps.name("cpart")),
        }
    } else {
        let d = decade_of(caps.name("dec2")?.as_str())?;
        // Bare decades name the last century's unless they are recent ones
        // (`20年代` is the 2020s).
        let century = if d >= 30 { 1900 } else { 2000 };
        (century + d, 10, caps.name("dpart"))
    };
    // A decade's 初/末 is its first or last three years; a century's is its
    // first or last twenty, and 中叶 its middle twenty.
    let edge = if width == 10 { 3 } else { 20 };
    Some(match part.map(|m| m.as_str()) {
        Some("初" | "初期" | "前期") => (first, first + edge - 1),
        Some("末" | "末期" | "后期") => (first + width - edge, first + width - 1),
        Some("中期" | "中叶") => (first + (width - edge) / 2, first + (width + edge) / 2 - 1),
        _ => (first, first + width - 1),
    })
}

/// A holiday, by its canonical name.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) struct Holiday(&'static str);

/// Reads a holiday matched by [`HOLIDAYS_PATTERN`].
pub(super) fn holiday(text: &str) -> Option<Holiday> {
    let name = match text.trim_end_matches('节') {
        "元旦" | "新年" => "元旦",
        "五一" | "劳动" => "劳动节",
        "国庆" => "国庆",
        "双十一" | "光棍" => "光棍节",
        "春" => "春节",
        other => return KNOWN.iter().copied().find(|k| *k == other).map(Holiday),
    };
    Some(Holiday(name))
}

/// Holiday names other than the ones [`holiday`] renames.
const KNOWN: [&str; 24] = [
    "暑假",
    "万圣",
    "女生",
    "除夕",
    "元宵",
    "清明",
    "端午",
    "七夕",
    "中秋",
    "重阳",
    "妇女",
    "儿童",
    "教师",
    "建军",
    "青年",
    "植树",
    "情人",
    "圣诞",
    "平安夜",
    "愚人",
    "母亲",
    "父亲",
    "感恩",
    "建党",
];

impl Holiday {
    /// The holiday a lunar mark makes of it: `农历新年` is 春节.
    pub(super) fn lunar(self) -> Holiday {
        match self.0 {
            "元旦" => Holiday("春节"),
            _ => self,
        }
    }

    /// The holiday's day in `year`, and the last day of its days off when
    /// `long` (`国庆长假`: 1 to 7 October).
    pub(super) fn days(self, year: i16, long: bool) -> Option<(Date, Date)> {
        let fixed = |m, d| Date::new(year, m, d).ok();
        let nth = |m, weekday, n| {
            Date::new(year, m, 1)
                .ok()?
                .nth_weekday_of_month(n, weekday)
                .ok()
        };
        // The summer holidays of schools: July and August.
        if self.0 == "暑假" {
            return Some((fixed(7, 1)?, fixed(8, 31)?));
        }
        let day = match self.0 {
            "元旦" => fixed(1, 1),
            "劳动节" => fixed(5, 1),
            "国庆" => fixed(10, 1),
            "光棍节" => fixed(11, 11),
            "妇女" => fixed(3, 8),
            "儿童" => fixed(6, 1),
            "教师" => fixed(9, 10),
            "建军" => fixed(8, 1),
            "建党" => fixed(7, 1),
            "青年" => fixed(5, 4),
            "植树" => fixed(3, 12),
            "情人" => fixed(2, 14),
            "圣诞" => fixed(12, 25),
            "平安夜" => fixed(12, 24),
            "愚人" => fixed(4, 1),
            "万圣" => fixed(10, 31),
            "女生" => fixed(3, 7),
            "母亲" => nth(5, Weekday::Sunday, 2),
            "父亲" => nth(6, Weekday::Sunday, 3),
            "感恩" => nth(11, Weekday::Thursday, 4),
            "清明" => solar_terms::day(year.into(), solar_terms::index("清明")?),
            name => lunar::holiday(name, year.into()),
        }?;
        if !long {
            return Some((day, day));
        }
        // Statutory days off: a week from 1 October and from New Year's
        // Eve, five days from 1 May, three for the other holidays.
        let (first, days) = match self.0 {
            "国庆" => (day, 7),
            "春节" => (lunar::holiday("除夕", year.into()).unwrap_or(day), 7),
            "劳动节" => (day, 5),
            _ => (day, 3),
        };
        Some((first, first.checked_add((days - 1).days()).ok()?))
    }
}

#[cfg(test)]
mod tests {
    use jiff::civil::date;

    use super::*;
    use crate::date::parse;

    #[test]
    fn lunar_holidays_come_from_the_lunar_calendar() {
        assert_eq!(
            Holiday("春节").days(2024, false),
            Some((date(2024, 2, 10), date(2024, 2, 10)))
        );
        assert_eq!(
            Holiday("中秋").days(2023, false),
            Some((date(2023, 9, 29), date(2023, 9, 29)))
        );
        assert_eq!(
            Holiday("端午").days(2024, false),
            Some((date(2024, 6, 10), date(2024, 6, 10)))
        );
        assert_eq!(
            Holiday("国庆").days(2021, true),
            Some((date(2021, 10, 1), date(2021, 10, 7)))
        );
    }

    #[test]
    fn five_year_plans() {
        assert_eq!(plan("十三五"), Some((2016, 2020)));
        assert_eq!(plan("“十四五”时期"), Some((2021, 2025)));
        assert_eq!(plan("十五五"), Some((2026, 2030)));
        assert_eq!(plan("“十五”"), Some((2001, 2005)));
        assert_eq!(plan("十五"), None);
    }

    #[test]
    fn parts_of_years_and_months() {
        let base = Some(date(2024, 5, 20));
        let m = &parse("上半年", base)[0];
        assert_eq!(
            (m.start, m.end),
            (Some(date(2024, 1, 1)), Some(date(2024, 6, 30)))
        );
        let m = &parse("2022年底", base)[0];
        assert_eq!(
            (m.start, m.end),
            (Some(date(2022, 11, 1)), Some(date(2022, 12, 31)))
        );
        let m = &parse("一季度", base)[0];
        assert_eq!(m.end, Some(date(2024, 3, 31)));
        let m = &parse("6月下旬", base)[0];
        assert_eq!(
            (m.start, m.end),
            (Some(date(2024, 6, 21)), Some(date(2024, 6, 30)))
        );
    }

    #[test]
    fn decades() {
        let m = &parse("上世纪80年代", None)[0];
        assert_eq!(
            (m.start, m.end),
            (Some(date(1980, 1, 1)), Some(date(1989, 12, 31)))
        );
    }
}
