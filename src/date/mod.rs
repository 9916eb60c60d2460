//! Dates a notice states, as closed intervals of days.
//!
//! [`parse`] finds every date expression in a text and resolves it to a
//! closed interval of days with a [`Precision`]: absolute dates
//! (`2021年10月24日`, `二〇二一年十月`, `2021-10-24`), partial ones (`5月15日`,
//! `24日`), relative ones (`今年6月`, `去年`, `9个月前`), fuzzy ones (`近日`),
//! parts of periods (`上半年`, `一季度`, `年底`, `中旬`, holidays), periods
//! (`“十四五”时期`, `80年代`) and ranges (`2021年至2025年`, `2019年以来`);
//! lunar dates (`农历正月十五`, `腊月二十三`, `大年初十`, `闰四月`), solar
//! terms and seasons (`冬至`, `今年夏天`), spans counted from the base date
//! (`近三个月`, `五年来`, `60日内`, `自公告之日起15个工作日内`, `截至目前`),
//! and lists of days (`9月10号，11号，12号`: one mention a day).
//! [`published()`] finds a notice's own publish date from its layout.
//!
//! # The base date
//!
//! Relative and partial expressions resolve against a base date: the caller's,
//! else the notice's own publish date. Without one they stay unresolved
//! (`start` and `end` are `None`) and keep the parts they state in
//! [`DateMention::year`], [`DateMention::month`] and [`DateMention::day`].
//!
//! One rule resolves partial dates: the missing parts are the base date's.
//! `5月15日` takes the base's year, `24日` the base's year and month, a holiday
//! without a year the base's year. A two-digit year (`21年`) is the year with
//! those last two digits in the 100 years that end ten years after the base
//! (`21年` is 2021 against 2024-05-20; `98年` is 1998); a leading zero (`07年`,
//! `零八年`) always marks a year. A day the base's month or year lacks (`29日`
//! against a February, `2月29日` against 2019) is the latest earlier one that
//! has it; a day no calendar has (`2月30日`) stays a mention, unresolved.
//!
//! Open ranges include the date they open from: `2018年之后`, `2018年或之后`
//! start on 2018-01-01, `2025年前`, `2013年及以前` end on 2025-12-31 and
//! 2013-12-31. Before and after a span of years lie outside it:
//! `90年代以前` ends on 1989-12-31, `“十三五”之后` starts on 2021-01-01. A
//! range whose second end falls before the first in the same inherited year
//! runs into the next (`8月至2月`).
//!
//! A lunar date without a year takes the base's year as its lunar year; a
//! day in plain numerals after a month (`八月十五`) is Gregorian unless
//! `农历`, a lunar month's name (`正月`, `腊月`) or a lunar day (`初五`,
//! `廿二`) marks it. A year's solar terms run from 立春 to the 大寒 of the
//! next January; a season runs from the term that opens it to the day before
//! the next season's (summer: 立夏 to the day before 立秋).
//!
//! A span counted back from the base (`近三个月`, `五年来`) ends on the base;
//! one counted ahead (`60日内`, `未来两个月`) starts on it, days counted from
//! the next day, months and years as whole ones from the base day; working
//! days are Monday to Friday (official holiday shifts are not known). `过两天`
//! starts after the count and leaves its end open; `截至目前` ends on the
//! base with its start open. A vague count (`三个多月以来`, `二十几年前`) is
//! marked `fuzzy` and covers what it may mean.
//!
//! Durations that are not counted from a point (`三年时间`, `不到两周`,
//! `近10年的探索`) are not dates: they are left to the metric parser.

mod absolute;
mod counted;
mod fields;
mod lunar;
mod ordinal;
mod pattern;
mod period;
mod published;
mod relative;
mod resolve;
mod solar_terms;
#[cfg(test)]
mod tests;

use jiff::civil::{Date, Time};
use serde::{Deserialize, Serialize};

use crate::span::Span;

pub use published::published;

/// One date expression found in a text, resolved to a closed interval of days.
///
/// `start` and `end` are both inclusive. They are `None` when the expression
/// could not be resolved to real days (a partial date such as `5月15日` with no
/// base date to give it a year); an open range leaves one of them `None` when
/// the text does not bound it and no base date does.
#[cfg_attr(
    feature = "python",
    pyo3::pyclass(get_all, frozen, module = "govnotice", skip_from_py_object)
)]
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct DateMention {
    /// The expression as written.
    pub text: String,
    /// Where it is, in bytes of the parsed text.
    pub span: Span,
    /// First day of the interval.
    pub start: Option<Date>,
    /// Last day of the interval.
    pub end: Option<Date>,
    /// How wide the stated date is.
    pub precision: Precision,
    /// Whether the expression is relative to a base date (`今年`, `9个月前`).
    pub relative: bool,
    /// Whether the expression is vague about where the interval lies (`近日`,
    /// `日前`, `近期`, `三个多月以来`, `二十几年前`, `冬至前后`): the
    /// interval is a reading, not a statement.
    pub fuzzy: bool,
    /// The time of day stated with the date (`上午9时`, `14:30`), if any.
    pub time: Option<Time>,
    /// The end of a stated span of hours (`0—24时`), or the time of a range's
    /// last day (`4月20日11:00时至4月25日17:00时`); `24时` reads as the last
    /// second of the day.
    pub time_end: Option<Time>,
    /// Whether the text leaves the start open (`截至2023年底`, `2025年前`):
    /// `start` is then the base date or `None`.
    pub open_start: bool,
    /// Whether the text leaves the end open (`2019年以来`, `2018年之后`):
    /// `end` is then the base date (for `以来`) or `None`.
    pub open_end: bool,
    /// The year the text states (`2021年`, `21年` read as 2021), before any
    /// resolution against the base date; `None` when it states none.
    pub year: Option<i16>,
    /// The month the text states (`5月`), before resolution.
    pub month: Option<i8>,
    /// The day of the month the text states (`15日`), before resolution.
    pub day: Option<i8>,
}

/// The width of a stated date.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Precision {
    /// One day: `2021年10月24日`.
    Day,
    /// One week: `本周`.
    Week,
    /// A third of a month: `上旬`; also the few days of `近日`.
    TenDays,
    /// One month: `2019年7月`.
    Month,
    /// One quarter: `一季度`.
    Quarter,
    /// Half a year: `上半年`.
    Half,
    /// One year: `2021年`.
    Year,
    /// Several years: `“十四五”时期`, `2021-2025年`, `80年代`.
    Period,
    /// A loosely bounded part of a year or month: `年底`, `年初`, `月初`.
    Part,
    /// A span between two stated dates of different widths or below a year,
    /// or an open range: `5月10日至15日`, `2019年以来`, `截至2023年底`.
    Range,
}

impl Precision {
    /// The name used in serialized output.
    #[must_use]
    pub const fn as_str(self) -> &'static str {
        match self {
            Precision::Day => "day",
            Precision::Week => "week",
            Precision::TenDays => "ten_days",
            Precision::Month => "month",
            Precision::Quarter => "quarter",
            Precision::Half => "half",
            Precision::Year => "year",
            Precision::Period => "period",
            Precision::Part => "part",
            Precision::Range => "range",
        }
    }
}

/// Every date expression in `text`, resolved against `base` when given.
///
/// Mentions are sorted by span start and never overlap. Spans are byte
/// ranges into `text`. Never panics.
///
/// ```
/// use jiff::civil::date;
/// use govnotice::date::{parse, Precision};
///
/// let found = parse("今年6月,普陀区举办大会。", Some(date(2024, 11, 1)));
/// assert_eq!(found[0].text, "今年6月");
/// assert_eq!(found[0].start, Some(date(2024, 6, 1)));
/// assert_eq!(found[0].end, Some(date(2024, 6, 30)));
/// assert_eq!(found[0].precision, Precision::Month);
/// assert!(found[0].relative);
/// ```
#[must_use]
pub fn parse(text: &str, base: Option<Date>) -> Vec<DateMention> {
    let atoms = absolute::atoms(text);
    let found = resolve::mentions(text, &atoms, base);
    if found.is_empty() {
        return whole_number_date(text).into_iter().collect();
    }
    found
}

/// A text that is nothing but a year or a date in digits (`2018`,
/// `20240307`, `2022 11 23`, `= 2019`): in running text such numbers are
/// counts and codes, but alone (a form field, a table cell) they are dates.
fn whole_number_date(text: &str) -> Option<DateMention> {
    static WHOLE: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
        regex::Regex::new(
            r"^[\s=]*(?P<y>(?:19|20)[0-9]{2})(?:(?P<m>[0-9]{2})(?P<d>[0-9]{2})| (?P<m2>[0-9]{1,2}) (?P<d2>[0-9]{1,2}))?\s*$",
        )
        .expect("the whole-number date pattern is valid")
    });
    let caps = WHOLE.captures(text)?;
    let whole = caps.get(0)?;
    let lead = whole.as_str().len() - whole.as_str().trim_start_matches([' ', '=']).len();
    let span = Span::new(lead, text.trim_end().len());
    let num = |k: &str| caps.name(k).and_then(|m| m.as_str().parse::<i16>().ok());
    let year = num("y")?;
    let (start, end, precision, month, day) = match (num("m").or(num("m2")), num("d").or(num("d2")))
    {
        (Some(m), Some(d)) => {
            let day = Date::new(year, i8::try_from(m).ok()?, i8::try_from(d).ok()?).ok()?;
            (day, day, Precision::Day, Some(day.month()), Some(day.day()))
        }
        _ => {
            let first = Date::new(year, 1, 1).ok()?;
            (first, first.last_of_year(), Precision::Year, None, None)
        }
    };
    Some(DateMention {
        text: text[span.range()].to_owned(),
        span,
        start: Some(start),
        end: Some(end),
        precision,
        relative: false,
        fuzzy: false,
        time: None,
        time_end: None,
        open_start: false,
        open_end: false,
        year: Some(year),
        month,
        day,
    })
}
