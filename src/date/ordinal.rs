//! Counted parts of a year or a month: the n-th month or day (`第三个月`,
//! `2023年第十天`, `首月`), the first or last n months, weeks or days
//! (`前十一个月`, `最后五天`, `最後 3 週`), and the n-th or last weekday of a
//! month (`6月第3个星期日`, `四月的最后一个星期一`).
//!
//! Such a piece only means something attached to the year or month it
//! counts in: alone (`会议前两天`) it is a duration and is dropped.

use jiff::civil::{Date, Weekday};
use jiff::ToSpan;

use super::fields::{number, weekday};
use super::pattern::Groups;
use super::Precision;

/// The weekday of a month: `wimn` the n-th (none for the last), `wimd` the
/// weekday. Tried before `第二周`, which it begins.
pub(super) const WEEKDAY_PATTERN: &str = r"(?P<wim>第(?P<wimn>[一二三四五1-5])|最后一|最後一)个?(?:星期|礼拜|周|週)(?P<wimd>[一二三四五六日天])";

/// The counted months, weeks and days: `ordk` which end counts, `ordn` the
/// count, `ordu` the unit. Tried after `第二周`, which it would reject.
pub(super) const COUNT_PATTERN: &str = concat!(
    "首月|",
    r"(?P<ordk>第|前|后|後|最后|最後)\s*(?P<ordn>[0-9]{1,2}|[一二两三四五六七八九十]{1,3})\s*(?P<ordu>个月|個月|月|天|个?(?:周|週|星期))"
);

/// Which part of the year or month a counted piece names.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Ordinal {
    /// The n-th month (`第三个月`, `首月`).
    NthMonth(i32),
    /// The n-th day (`第十天`).
    NthDay(i32),
    /// The first (`前`) or last (`后`, `最后`) n months.
    Months { count: i32, last: bool },
    /// The first or last n days.
    Days { count: i32, last: bool },
    /// The first or last n whole weeks, Monday to Sunday.
    Weeks { count: i32, last: bool },
    /// The n-th weekday of a month (1 Monday … 7 Sunday); n is -1 for the last.
    WeekdayOfMonth { nth: i8, weekday: i8 },
}

/// Reads a piece matched by [`WEEKDAY_PATTERN`] or [`COUNT_PATTERN`].
pub(super) fn read(caps: &Groups<'_>, whole: &str) -> Option<Ordinal> {
    if whole == "首月" {
        return Some(Ordinal::NthMonth(1));
    }
    if caps.name("wim").is_some() {
        let nth = match caps.name("wimn") {
            Some(n) => i8::try_from(number(n.as_str())?).ok()?,
            None => -1,
        };
        let weekday = weekday(caps.name("wimd")?.as_str()).filter(|w| *w <= 7)?;
        return Some(Ordinal::WeekdayOfMonth { nth, weekday });
    }
    let count = number(caps.name("ordn")?.as_str()).filter(|n| *n > 0)?;
    let kind = caps.name("ordk")?.as_str();
    let unit = caps.name("ordu")?.as_str();
    let last = kind != "前" && kind != "第";
    Some(match (kind, unit) {
        ("第", u) if u.ends_with('月') => Ordinal::NthMonth(count),
        ("第", "天") => Ordinal::NthDay(count),
        ("第", _) => return None,
        (_, u) if u.ends_with('月') => Ordinal::Months { count, last },
        (_, "天") => Ordinal::Days { count, last },
        _ => Ordinal::Weeks { count, last },
    })
}

fn weekday_of(n: i8) -> Option<Weekday> {
    Weekday::from_monday_one_offset(n).ok()
}

impl Ordinal {
    /// The days this part covers within `first..=last` (a year or a month),
    /// or `None` when it falls outside them.
    pub(super) fn days(self, first: Date, last: Date) -> Option<(Date, Date, Precision)> {
        use Precision as P;
        let (a, b, p) = match self {
            Ordinal::NthMonth(n) => {
                let m = first.checked_add((n - 1).months()).ok()?;
                (m, m.last_of_month(), P::Month)
            }
            Ordinal::NthDay(n) => {
                let d = first.checked_add((n - 1).days()).ok()?;
                (d, d, P::Day)
            }
            Ordinal::Months { count, last: false } => {
                let m = first.checked_add((count - 1).months()).ok()?;
                (first, m.last_of_month(), P::Range)
            }
            Ordinal::Months { count, last: true } => {
                let m = last
                    .first_of_month()
                    .checked_sub((count - 1).months())
                    .ok()?;
                (m, last, P::Range)
            }
            Ordinal::Days { count, last: false } => {
                (first, first.checked_add((count - 1).days()).ok()?, P::Range)
            }
            Ordinal::Days { count, last: true } => {
                (last.checked_sub((count - 1).days()).ok()?, last, P::Range)
            }
            // Whole weeks only: the first starts on the first Monday, the
            // last ends on the last Sunday.
            Ordinal::Weeks { count, last: false } => {
                let monday = if first.weekday() == Weekday::Monday {
                    first
                } else {
                    first.nth_weekday(1, Weekday::Monday).ok()?
                };
                (
                    monday,
                    monday.checked_add((7 * count - 1).days()).ok()?,
                    P::Range,
                )
            }
            Ordinal::Weeks { count, last: true } => {
                let sunday = if last.weekday() == Weekday::Sunday {
                    last
                } else {
                    last.nth_weekday(-1, Weekday::Sunday).ok()?
                };
                (
                    sunday.checked_sub((7 * count - 1).days()).ok()?,
                    sunday,
                    P::Range,
                )
            }
            Ordinal::WeekdayOfMonth { nth, weekday } => {
                let d = first.nth_weekday_of_month(nth, weekday_of(weekday)?).ok()?;
                (d, d, P::Day)
            }
        };
        (first <= a && b <= last).then_some((a, b, p))
    }
}

#[cfg(test)]
mod tests {
    use jiff::civil::date;

    use crate::date::parse;

    #[test]
    fn counted_parts_of_years_and_months() {
        let base = Some(date(2021, 6, 14));
        let cases = [
            ("2022年前十一个月", (2022, 1, 1), (2022, 11, 30)),
            ("70年第8个月", (1970, 8, 1), (1970, 8, 31)),
            ("2005年首月", (2005, 1, 1), (2005, 1, 31)),
            ("二零二一年后三月", (2021, 10, 1), (2021, 12, 31)),
            ("上月最后五天", (2021, 5, 27), (2021, 5, 31)),
            ("2023年第十天", (2023, 1, 10), (2023, 1, 10)),
            ("6月第3个星期日", (2021, 6, 20), (2021, 6, 20)),
            ("四月的最后一个星期一", (2021, 4, 26), (2021, 4, 26)),
            ("2021年的前2周", (2021, 1, 4), (2021, 1, 17)),
        ];
        for (text, (y1, m1, d1), (y2, m2, d2)) in cases {
            let found = parse(text, base);
            assert_eq!(found.len(), 1, "{text}: {found:?}");
            assert_eq!(
                (found[0].start, found[0].end),
                (Some(date(y1, m1, d1)), Some(date(y2, m2, d2))),
                "{text}"
            );
        }
    }

    #[test]
    fn a_count_alone_is_a_duration() {
        assert!(parse("会议前两天", Some(date(2021, 6, 14))).is_empty());
    }
}
