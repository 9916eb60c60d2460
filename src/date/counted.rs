//! Spans counted from the base date: `近三个月`, `过去的一年`, `五年来`,
//! `60日内`, `未来两个月`, `自公告之日起15个工作日内`, `过两天`, `截至目前`.
//!
//! A span back from the base ends on it and starts the count before it; a
//! span ahead starts on it. Counts are read as the law reckons periods
//! (期间开始的当日不算入): `60日内` ends sixty days after the base. A count
//! of months or years ahead covers that many whole months or years from the
//! base day (`未来两个月` from 14 June ends on 13 August). `多` (`三个多月以来`)
//! reaches back to the start of the month or year the count lands in.

use jiff::civil::{Date, Weekday};
use jiff::ToSpan;

use std::sync::LazyLock;

use regex_automata::meta::Regex;
use regex_automata::{Anchored, Input};

use super::absolute::{str_of, Expr};
use super::fields::number;
use super::ordinal::Ordinal;
use super::pattern::Groups;

/// Spans counted from the base date after a word that says which way
/// (`近`, `未来`, `自公告之日起`, `上` with a count past one: `上一年` is
/// last year), or `截至目前`. Counts before a word (`五年来`, `3个多月以来`)
/// are read with elapsed time (`五年前`), which they begin as (see
/// [`suffixed`]), and `60日内` with days. A month without `个` (`近三月`)
/// only after the word: `5月来` is May.
const PATTERN: &str = r"(?x)(?:(?P<wfrom>自(?:本(?:公告|通知|决定))?(?:公告|发布|印发|公布|公示|下发|发文)之日起)
        |(?P<wpre>最近|近|过去的?|未来的?|今后|接下来的?|过))
    \x20?(?P<wn1>[0-9]{1,3}|[一二两三四五六七八九十百仨]{1,3})\x20?(?P<wm1>多)?
    (?P<wu1>天|日|周|个?星期|个?礼拜|个?工作日|个多?月|个半月|月|年)(?P<wh1>半)?
    (?P<wp1>以来|来|以内|之内|内)?
  | 上(?P<wn3>[2-9]|[1-9][0-9]|[两二三四五六七八九]|[一二三四五六七八九]?十[一二三四五六七八九]?)
    (?P<wu3>天|周|个星期|个月|年)
  | (?P<wnow>(?:截至|截止)到?目前(?:为止)?|到目前为止)";

/// How a span of [`PATTERN`] begins: its word and the first character of
/// its count, for the lexer's combined search. The whole pattern is read
/// from there alone: in the combined automaton, whose states are built as
/// the text needs them, the counts and units after words as common as `近`
/// and `过` cost more states than the rest of the calendar together.
pub(super) const LEAD: &str = r"(?:自(?:本(?:公告|通知|决定))?(?:公告|发布|印发|公布|公示|下发|发文)之日起|最近|近|过去的?|未来的?|今后|接下来的?|过)\x20?[0-9一二两三四五六七八九十百仨]
  | 上[2-9两二三四五六七八九十]
  | (?:截至|截止)到?目前(?:为止)?|到目前为止";

/// [`PATTERN`], compiled on first use.
static FULL: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(PATTERN).expect("the span pattern is valid"));

/// Characters before `近` or `过` that make them part of another word or
/// a count of time spent: `将近`, `接近` (nearly), `超过`, `经过`, `通过`,
/// `经过近10年`, `用了近三个月`.
const NOT_A_SPAN_BEFORE: &str = "将接靠附超经通越度穿路过了时用历";

/// The unit of a counted span.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Unit {
    Day,
    Week,
    Month,
    Year,
    /// Monday to Friday; official holiday shifts are not known here.
    WorkingDay,
}

/// Which way a span runs from the base date.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Way {
    /// Back to the base: `近三个月`, `五年来`.
    Back,
    /// From the base on: `60日内`, `未来两个月`.
    Ahead,
    /// From the end of the count on, open: `过两天`.
    After,
    /// Up to the base, open before: `截至目前`.
    UntilNow,
}

/// A span counted from the base date.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) struct Window {
    pub(super) count: i32,
    pub(super) unit: Unit,
    /// Half a unit more: `两个半月`, `3年半`.
    pub(super) half: bool,
    /// More than the count: `三个多月`.
    pub(super) more: bool,
    pub(super) way: Way,
}

/// Reads the span whose [`LEAD`] starts `e`.
pub(super) fn read(text: &str, mut e: Expr) -> Option<Expr> {
    let mut slots = FULL.create_captures();
    FULL.search_captures(
        &Input::new(text)
            .range(e.span.start..)
            .anchored(Anchored::Yes),
        &mut slots,
    );
    e.span.end = slots.get_match()?.end();
    let caps = &Groups {
        text,
        captures: &slots,
    };
    if caps.name("wnow").is_some() {
        e.window = Some(Window {
            count: 0,
            unit: Unit::Day,
            half: false,
            more: false,
            way: Way::UntilNow,
        });
        return Some(e);
    }
    if text[..e.span.start]
        .chars()
        .next_back()
        .is_some_and(|c| NOT_A_SPAN_BEFORE.contains(c))
    {
        return None;
    }
    let (n, unit, half, more, post) = if let Some(n) = str_of(caps, "wn1") {
        let unit = str_of(caps, "wu1")?;
        let half = caps.name("wh1").is_some();
        (
            n,
            unit,
            half,
            caps.name("wm1").is_some(),
            str_of(caps, "wp1"),
        )
    } else {
        (
            str_of(caps, "wn3")?,
            str_of(caps, "wu3")?,
            false,
            false,
            None,
        )
    };
    // `近10年的探索`: nearly ten years of it, a duration.
    if post.is_none() && str_of(caps, "wpre") == Some("近") && text[e.span.end..].starts_with('的')
    {
        return None;
    }
    let way = match (str_of(caps, "wpre"), post) {
        (Some("过"), _) => Way::After,
        (Some(p), _) if p.starts_with(['未', '今', '接']) => Way::Ahead,
        (_, Some(s)) if s.ends_with('内') => Way::Ahead,
        _ if caps.name("wfrom").is_some() => Way::Ahead,
        _ => Way::Back,
    };
    window(n, unit, half, more, way, e)
}

/// A count before `以来`, `来` or `内` (`五年来`, `3个多月以来`), matched
/// with elapsed time.
pub(super) fn suffixed(caps: &Groups<'_>, e: Expr) -> Option<Expr> {
    let post = str_of(caps, "agod")?;
    let more = caps.name("agom").is_some() || caps.name("agom2").is_some();
    let way = if post.ends_with('内') {
        Way::Ahead
    } else {
        Way::Back
    };
    let unit = str_of(caps, "agou")?;
    window(
        str_of(caps, "ago")?,
        unit,
        caps.name("agoh").is_some(),
        more,
        way,
        e,
    )
}

/// `60日内`, matched as a day.
pub(super) fn days_within(n: &str, e: Expr) -> Option<Expr> {
    window(n, "日", false, false, Way::Ahead, e)
}

/// The span of `n` `unit`s (as written: `个多月`, `年`) from the base.
fn window(n: &str, unit: &str, half: bool, more: bool, way: Way, mut e: Expr) -> Option<Expr> {
    let count = if n == "仨" { 3 } else { number(n)? };
    if count <= 0 {
        return None;
    }
    let half = half || unit.contains('半');
    let more = more || unit.contains('多');
    let unit = match unit.trim_start_matches('个') {
        "天" | "日" => Unit::Day,
        "周" | "星期" | "礼拜" => Unit::Week,
        "工作日" => Unit::WorkingDay,
        "年" => Unit::Year,
        _ => Unit::Month,
    };
    e.window = Some(Window {
        count,
        unit,
        half,
        more,
        way,
    });
    Some(e)
}

/// `前两周`, `前三天` with no year or month to count in: the span back to
/// the base.
pub(super) fn from_count(o: Ordinal) -> Option<Window> {
    let (count, unit) = match o {
        Ordinal::Days { count, last: false } => (count, Unit::Day),
        Ordinal::Weeks { count, last: false } => (count, Unit::Week),
        Ordinal::Months { count, last: false } => (count, Unit::Month),
        _ => return None,
    };
    Some(Window {
        count,
        unit,
        half: false,
        more: false,
        way: Way::Back,
    })
}

impl Window {
    /// The days of the span against `base`; the open side of [`Way::After`]
    /// and [`Way::UntilNow`] is left to the caller.
    pub(super) fn days(self, base: Date) -> Option<(Date, Date)> {
        match self.way {
            Way::UntilNow => Some((base, base)),
            Way::Back => {
                let start = self.step(base, -1)?;
                Some((self.floor(start), base))
            }
            Way::Ahead => {
                let end = self.step(base, 1)?;
                // Whole months or years from the base day end the day
                // before the same day of the last one.
                let whole = matches!(self.unit, Unit::Month | Unit::Year) && !self.half;
                let end = if whole {
                    end.checked_sub(1.day()).ok()?
                } else {
                    end
                };
                Some((base, end))
            }
            Way::After => {
                let start = self.step(base, 1)?;
                Some((start, start))
            }
        }
    }

    /// The day the count reaches from `base`, `sign` 1 ahead or -1 back.
    fn step(self, base: Date, sign: i32) -> Option<Date> {
        let n = sign * self.count;
        let day = match self.unit {
            Unit::Day => {
                // Half a day back reaches into the day before.
                let half = i32::from(self.half && sign < 0);
                base.checked_add((n + sign * half).days()).ok()?
            }
            Unit::Week => base.checked_add(n.weeks()).ok()?,
            Unit::Month => {
                let d = base.checked_add(n.months()).ok()?;
                if self.half {
                    // Half a month: fifteen days.
                    d.checked_add((sign * 15).days()).ok()?
                } else {
                    d
                }
            }
            Unit::Year => base
                .checked_add((12 * n + sign * 6 * i32::from(self.half)).months())
                .ok()?,
            Unit::WorkingDay => working_days(base, n)?,
        };
        Some(day)
    }

    /// `多` counts back to the start of the month or year the count lands
    /// in; a half year to the start of its month.
    fn floor(self, day: Date) -> Date {
        match self.unit {
            Unit::Year if self.more => day.first_of_year(),
            Unit::Year | Unit::Month if self.more || self.half => day.first_of_month(),
            _ => day,
        }
    }
}

/// The day `n` working days (Monday to Friday) from `base`, not counting
/// `base` itself.
fn working_days(base: Date, n: i32) -> Option<Date> {
    let step = if n < 0 { -1 } else { 1 };
    let mut day = base;
    let mut left = n.abs();
    // A bound on the walk: no count of working days in a notice reaches
    // past a few years.
    if left > 1000 {
        return None;
    }
    while left > 0 {
        day = day.checked_add(step.days()).ok()?;
        if !matches!(day.weekday(), Weekday::Saturday | Weekday::Sunday) {
            left -= 1;
        }
    }
    Some(day)
}

#[cfg(test)]
mod tests {
    use jiff::civil::date;

    use crate::date::parse;

    #[test]
    fn spans_counted_from_the_base() {
        let base = Some(date(2021, 6, 14));
        for (text, start, end) in [
            ("近三个月", Some(date(2021, 3, 14)), Some(date(2021, 6, 14))),
            ("近30天", Some(date(2021, 5, 15)), Some(date(2021, 6, 14))),
            ("五年来", Some(date(2016, 6, 14)), Some(date(2021, 6, 14))),
            (
                "三个多月以来",
                Some(date(2021, 3, 1)),
                Some(date(2021, 6, 14)),
            ),
            (
                "过去的一周",
                Some(date(2021, 6, 7)),
                Some(date(2021, 6, 14)),
            ),
            ("60日内", Some(date(2021, 6, 14)), Some(date(2021, 8, 13))),
            (
                "未来两个月",
                Some(date(2021, 6, 14)),
                Some(date(2021, 8, 13)),
            ),
            (
                "两个半月以内",
                Some(date(2021, 6, 14)),
                Some(date(2021, 8, 29)),
            ),
            // Monday 14 June: three weeks of five days end on Monday 5 July.
            (
                "自公告之日起15个工作日内",
                Some(date(2021, 6, 14)),
                Some(date(2021, 7, 5)),
            ),
            ("过两天", Some(date(2021, 6, 16)), None),
            ("截至目前", None, Some(date(2021, 6, 14))),
            ("前两周", Some(date(2021, 5, 31)), Some(date(2021, 6, 14))),
            ("7天半以来", Some(date(2021, 6, 6)), Some(date(2021, 6, 14))),
            ("上2个月", Some(date(2021, 4, 14)), Some(date(2021, 6, 14))),
            ("近 三 年", Some(date(2018, 6, 14)), Some(date(2021, 6, 14))),
        ] {
            let found = parse(text, base);
            assert_eq!(found.len(), 1, "{text}: {found:?}");
            assert_eq!(found[0].text, text);
            assert_eq!((found[0].start, found[0].end), (start, end), "{text}");
            assert_eq!(found[0].open_start, start.is_none(), "{text}");
            assert_eq!(found[0].open_end, end.is_none(), "{text}");
        }
        // `上一年` is last year, `超过30天` and `近10年的探索` durations.
        assert_eq!(parse("上一年", base)[0].start, Some(date(2020, 1, 1)));
        assert!(parse("超过30天", base).is_empty());
        assert!(parse("经过近10年的探索", base).is_empty());
        // Without a base the span is still a mention, unresolved.
        let found = parse("近三个月", None);
        assert_eq!((found[0].start, found[0].end), (None, None));
    }
}
