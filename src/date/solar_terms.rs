//! The 24 solar terms (`立春`, `冬至`) on their days, 1901–2099, and the
//! seasons between them.
//!
//! The days come from `data/solar_terms.tsv`, written by
//! `scripts/calendar.py` and checked there against the Sun's position.
//!
//! A season runs from the term that opens it to the day before the next
//! season's: spring 立春 to the day before 立夏, summer 立夏 to the day
//! before 立秋, autumn 立秋 to the day before 立冬, winter 立冬 to the day
//! before the next year's 立春, the Chinese calendar's own reckoning.

use std::sync::LazyLock;

use jiff::civil::Date;
use jiff::ToSpan;

use super::absolute::{str_of, Expr, Term};
use super::pattern::Groups;

/// The terms in the order they fall in a Gregorian year, as the table's
/// columns are.
pub(super) const NAMES: [&str; 24] = [
    "小寒", "大寒", "立春", "雨水", "惊蛰", "春分", "清明", "谷雨", "立夏", "小满", "芒种", "夏至",
    "小暑", "大暑", "立秋", "处暑", "白露", "秋分", "寒露", "霜降", "立冬", "小雪", "大雪", "冬至",
];

/// The terms for the lexer.
pub(super) const PATTERN: &str = "小寒|大寒|立春|雨水|惊蛰|春分|清明|谷雨|立夏|小满|芒种|夏至\
|小暑|大暑|立秋|处暑|白露|秋分|寒露|霜降|立冬|小雪|大雪|冬至";

/// The seasons for the lexer: `春季`, `夏天`; `春` alone only before a
/// break (`2021年春，`), as other words open with it (`春耕`, `冬奥会`).
pub(super) const SEASON_PATTERN: &str = "[春夏秋冬](?:季|天|(?P<sbreak>[，。,、；;）)\\s]|$))";

/// The first year of the table.
const FIRST_YEAR: i32 = 1901;

/// Each year's terms, as month and day.
static YEARS: LazyLock<Vec<[(i8, i8); 24]>> = LazyLock::new(|| {
    include_str!("../../data/solar_terms.tsv")
        .lines()
        .filter(|l| !l.starts_with('#'))
        .filter_map(|l| {
            let mut days = [(0, 0); 24];
            let mut cols = l.split('\t').skip(1);
            for slot in &mut days {
                let mmdd = cols.next()?.trim();
                *slot = (mmdd.get(..2)?.parse().ok()?, mmdd.get(2..)?.parse().ok()?);
            }
            Some(days)
        })
        .collect()
});

/// The day of term `index` (of [`NAMES`]) in year `y`.
pub(super) fn day(y: i32, index: usize) -> Option<Date> {
    let (m, d) = *YEARS
        .get(usize::try_from(y - FIRST_YEAR).ok()?)?
        .get(index)?;
    Date::new(i16::try_from(y).ok()?, m, d).ok()
}

/// The term called `name`, by its index in [`NAMES`].
pub(super) fn index(name: &str) -> Option<usize> {
    NAMES.iter().position(|n| *n == name)
}

/// The days of season `season` (`春`, `夏`, `秋`, `冬`) of year `y`: from
/// the term that opens it to the day before the next season's.
pub(super) fn season(y: i32, season: char) -> Option<(Date, Date)> {
    // 立春, 立夏, 立秋, 立冬 in [`NAMES`].
    let (open, next_year, close) = match season {
        '春' => (2, 0, 8),
        '夏' => (8, 0, 14),
        '秋' => (14, 0, 20),
        '冬' => (20, 1, 2),
        _ => return None,
    };
    let first = day(y, open)?;
    let last = day(y + next_year, close)?.checked_sub(1.day()).ok()?;
    Some((first, last))
}

/// Solar terms that are also weather words (`大雪`, `雨水`, `霜降`): a term
/// only after a year (`2017年大寒`) or before `节气`.
const WEATHER_WORDS: [&str; 9] = [
    "小寒", "大寒", "雨水", "白露", "寒露", "霜降", "小雪", "大雪", "大暑",
];

/// A solar-term piece.
pub(super) fn term(text: &str, caps: &Groups<'_>, mut e: Expr) -> Option<Expr> {
    let name = str_of(caps, "term")?;
    if WEATHER_WORDS.contains(&name)
        && !text[..e.span.start].ends_with('年')
        && !text[e.span.end..].starts_with("节气")
    {
        return None;
    }
    e.term = Some(Term::Day(index(name)?));
    Some(e)
}

/// A season piece; a season of one character only right after a year.
pub(super) fn season_piece(text: &str, caps: &Groups<'_>, mut e: Expr) -> Option<Expr> {
    let word = str_of(caps, "season")?;
    if let Some(brk) = caps.name("sbreak") {
        if !text[..e.span.start].ends_with('年') {
            return None;
        }
        e.span.end = brk.start();
    }
    e.term = Some(Term::Season(word.chars().next()?));
    Some(e)
}

/// The days of a term or season of year `y`. A year's terms run in their
/// traditional order from 立春 to 大寒, so the 小寒 and 大寒 of a year fall
/// in the next January (`2017年大寒` is 20 January 2018).
pub(super) fn days(term: Term, y: i32) -> Option<(Date, Date)> {
    match term {
        Term::Day(i) => {
            // 小寒 and 大寒 are the first two columns.
            let d = day(if i < 2 { y + 1 } else { y }, i)?;
            Some((d, d))
        }
        Term::Season(c) => season(y, c),
    }
}

#[cfg(test)]
mod tests {
    use jiff::civil::date;

    use super::*;

    #[test]
    fn terms_fall_on_their_days() {
        assert_eq!(day(2024, index("冬至").unwrap()), Some(date(2024, 12, 21)));
        assert_eq!(day(2021, index("芒种").unwrap()), Some(date(2021, 6, 5)));
        assert_eq!(day(2018, index("大寒").unwrap()), Some(date(2018, 1, 20)));
        assert_eq!(day(2100, 0), None);
        assert_eq!(YEARS.len(), 199);
        // Every year's terms come in order, about fifteen days apart.
        for y in FIRST_YEAR..FIRST_YEAR + 199 {
            let days: Vec<Date> = (0..24).filter_map(|i| day(y, i)).collect();
            assert_eq!(days.len(), 24);
            assert!(days
                .windows(2)
                .all(|w| (14..=17).contains(&(w[1] - w[0]).get_days())));
        }
    }

    #[test]
    fn seasons_run_between_terms() {
        assert_eq!(
            season(2021, '冬'),
            Some((date(2021, 11, 7), date(2022, 2, 3)))
        );
        assert_eq!(
            season(2018, '夏'),
            Some((date(2018, 5, 5), date(2018, 8, 6)))
        );
        assert_eq!(season(2021, '年'), None);
    }
}
