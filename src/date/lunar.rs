//! The Chinese lunisolar calendar: lunar dates (`农历正月十五`, `腊月二十三`,
//! `闰四月`) as Gregorian days, 1900–2099 lunar years.
//!
//! The months come from `data/lunar.tsv` (one row per lunar year: the
//! Gregorian day of its first day, the length of each month, the leap
//! month), written by `scripts/calendar.py` and checked there against a
//! second table and the new moons.

use std::sync::LazyLock;

use jiff::civil::Date;
use jiff::ToSpan;

use super::absolute::{str_of, Expr, Field, MONTH_AHEAD};
use super::fields::number;
use super::pattern::Groups;

/// How a lunar date is stated.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Lunar {
    /// A month of the lunar calendar, maybe with its day: `农历十月`, `正月十五`.
    Month,
    /// The leap month after the month of that number: `闰四月`.
    Leap,
    /// The last day of the year: `大年三十`, on the 29th when the twelfth
    /// month has no 30th.
    Eve,
}

impl Lunar {
    /// The stronger of two marks on one date: a leap month or the eve over
    /// a plain lunar month.
    pub(super) fn or(a: Option<Lunar>, b: Option<Lunar>) -> Option<Lunar> {
        match (a, b) {
            (Some(Lunar::Month) | None, b @ Some(_)) => b,
            _ => a,
        }
    }
}

/// The number of a month only the lunar calendar names: `正月`, `冬月`,
/// `腊月`.
pub(super) fn month_name(m: &str) -> Option<i32> {
    match m {
        "正" => Some(1),
        "冬" => Some(11),
        "腊" => Some(12),
        _ => None,
    }
}

/// Whether the day after a month is written only as the lunar calendar
/// writes days: with `初` or `廿` and no `日` or `号` (`五月初五`, `九月廿二`).
/// A day in plain numerals (`八月十五`) is read as Gregorian: notices write
/// Gregorian days that way too, and mark lunar ones (`农历八月十五`).
pub(super) fn is_lunar_day(caps: &Groups<'_>) -> bool {
    caps.name("mdx").is_none() && str_of(caps, "md").is_some_and(|d| d.starts_with(['初', '廿']))
}

/// `农历`, `阴历` or `闰` before a date: the date is a lunar one. `闰` alone
/// must open a month (`闰四月`), as it opens other words (`闰年`).
pub(super) fn mark(text: &str, caps: &Groups<'_>, mut e: Expr) -> Option<Expr> {
    let leap = caps.name("lleap").is_some() || caps.name("lleap2").is_some();
    if caps.name("lmark").is_none() && !MONTH_AHEAD.is_match(&text[e.span.end..]) {
        return None;
    }
    e.lunar = Some(if leap { Lunar::Leap } else { Lunar::Month });
    Some(e)
}

/// `大年初十` (the tenth day of the first month), `大年三十` (the year's
/// last day), `大年二十九`.
pub(super) fn new_year(caps: &Groups<'_>, mut e: Expr) -> Option<Expr> {
    if let Some(d) = str_of(caps, "lny") {
        e.month = Some(Field::Abs(1));
        e.day = Some(Field::Abs(number(d).filter(|d| (1..=10).contains(d))?));
        e.lunar = Some(Lunar::Month);
    } else {
        let eve = str_of(caps, "lne")? == "三十";
        e.month = Some(Field::Abs(12));
        e.day = Some(Field::Abs(if eve { 30 } else { 29 }));
        e.lunar = Some(if eve { Lunar::Eve } else { Lunar::Month });
    }
    Some(e)
}

/// One lunar year.
struct Year {
    /// Its first day (正月初一).
    first: Date,
    /// The length of each month in order, a leap month right after its
    /// namesake.
    lengths: Vec<i8>,
    /// The number of the month a leap month follows; 0 when there is none.
    leap: i8,
}

/// The first lunar year of the table.
const FIRST_YEAR: i32 = 1900;

static YEARS: LazyLock<Vec<Year>> = LazyLock::new(|| {
    include_str!("../../data/lunar.tsv")
        .lines()
        .filter(|l| !l.starts_with('#'))
        .filter_map(|l| {
            let mut cols = l.split('\t');
            let _year = cols.next()?;
            let first = cols.next()?.parse().ok()?;
            let lengths = cols
                .next()?
                .bytes()
                .map(|b| if b == b'1' { 30 } else { 29 })
                .collect();
            let leap = cols.next()?.trim().parse().ok()?;
            Some(Year {
                first,
                lengths,
                leap,
            })
        })
        .collect()
});

fn year(y: i32) -> Option<&'static Year> {
    YEARS.get(usize::try_from(y - FIRST_YEAR).ok()?)
}

/// The first day and the length of month `month` (1 to 12) of lunar year
/// `y`, the leap one when `leap`; `None` when the year has no such month.
fn month_of(y: i32, month: i32, leap: bool) -> Option<(Date, i8)> {
    let year = year(y)?;
    if !(1..=12).contains(&month) || leap && i32::from(year.leap) != month {
        return None;
    }
    // Months after a leap month sit one further in the list.
    let after_leap = year.leap > 0 && (month > i32::from(year.leap) || leap);
    let index = usize::try_from(month - 1 + i32::from(after_leap)).ok()?;
    let before: i64 = year.lengths[..index].iter().map(|&d| i64::from(d)).sum();
    let first = year.first.checked_add(before.days()).ok()?;
    Some((first, *year.lengths.get(index)?))
}

/// The days of lunar month `month` of year `y`, or of its day `day`.
pub(super) fn days(y: i32, month: i32, day: Option<i32>, how: Lunar) -> Option<(Date, Date)> {
    let (first, length) = month_of(y, month, how == Lunar::Leap)?;
    let day = match (how, day) {
        (Lunar::Eve, _) => i32::from(length),
        (_, Some(d)) if (1..=i32::from(length)).contains(&d) => d,
        (_, Some(_)) => return None,
        (_, None) => {
            let last = first.checked_add((i64::from(length) - 1).days()).ok()?;
            return Some((first, last));
        }
    };
    let date = first.checked_add((i64::from(day) - 1).days()).ok()?;
    Some((date, date))
}

/// The day of the lunar holiday `name` in lunar year `y`; 除夕 is the eve
/// of year `y - 1`, the day before the 春节 of year `y`, so that both fall
/// in the same Gregorian year.
pub(super) fn holiday(name: &str, y: i32) -> Option<Date> {
    let (month, day) = match name {
        "春节" => (1, 1),
        "元宵" => (1, 15),
        "端午" => (5, 5),
        "七夕" => (7, 7),
        "中秋" => (8, 15),
        "重阳" => (9, 9),
        "除夕" => return year(y)?.first.checked_sub(1.day()).ok(),
        _ => return None,
    };
    days(y, month, Some(day), Lunar::Month).map(|d| d.0)
}

#[cfg(test)]
mod tests {
    use jiff::civil::date;

    use super::*;

    #[test]
    fn months_and_days_fall_on_their_gregorian_days() {
        // 2020 has a leap fourth month (23 May to 20 June).
        assert_eq!(
            days(2020, 4, None, Lunar::Leap),
            Some((date(2020, 5, 23), date(2020, 6, 20)))
        );
        assert_eq!(
            days(2020, 5, Some(1), Lunar::Month),
            Some((date(2020, 6, 21), date(2020, 6, 21)))
        );
        assert_eq!(days(2021, 4, None, Lunar::Leap), None);
        assert_eq!(
            days(2012, 1, Some(15), Lunar::Month),
            Some((date(2012, 2, 6), date(2012, 2, 6)))
        );
        // The twelfth month of 2023 ends on the eve of 2024's new year.
        assert_eq!(
            days(2023, 12, None, Lunar::Eve),
            Some((date(2024, 2, 9), date(2024, 2, 9)))
        );
        assert_eq!(days(2100, 1, Some(1), Lunar::Month), None);
        assert_eq!(days(2021, 13, Some(1), Lunar::Month), None);
    }

    #[test]
    fn every_year_holds_its_days() {
        // Each year's months end where the next year begins.
        for pair in YEARS.windows(2) {
            let total: i64 = pair[0].lengths.iter().map(|&d| i64::from(d)).sum();
            assert_eq!(
                pair[0].first.checked_add(total.days()).ok(),
                Some(pair[1].first)
            );
            assert_eq!(pair[0].lengths.len(), 12 + usize::from(pair[0].leap > 0));
        }
        assert_eq!(YEARS.len(), 200);
    }

    #[test]
    fn lunar_holidays() {
        assert_eq!(holiday("春节", 2024), Some(date(2024, 2, 10)));
        assert_eq!(holiday("除夕", 2024), Some(date(2024, 2, 9)));
        assert_eq!(holiday("中秋", 2023), Some(date(2023, 9, 29)));
        assert_eq!(holiday("国庆", 2023), None);
    }
}
