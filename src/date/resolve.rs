//! Joins date pieces into expressions and resolves each to days.
//!
//! Three passes over the pieces in text order: adjacent pieces from wider to
//! narrower units join (`2021年` `10月24日` `上午9时`; `今年` `年底`), a
//! parenthesized piece restates the one before it (`今早（23日）`,
//! `9个月前 (09-24)`); two expressions around `至`, `到` or a dash make a
//! range, the second taking the year and month of the first when it omits
//! them (`5月10日至15日`); and `截至`, `以来`, `起`, `前` open one side.

use jiff::civil::Date;
use jiff::ToSpan;

use super::absolute::{AgoUnit, Expr, Field, YearRef};
use super::{DateMention, Precision};
use crate::span::Span;

/// Every date mention of `text` from its lexed pieces.
pub(super) fn mentions(text: &str, atoms: &[Expr], base: Option<Date>) -> Vec<DateMention> {
    let joined = join(text, atoms);
    let mut out: Vec<DateMention> = Vec::with_capacity(joined.len());
    let mut i = 0;
    while i < joined.len() {
        let a = &joined[i];
        let mut mention = None;
        if let Some(b) = joined.get(i + 1) {
            if is_connector(&text[a.span.end..b.span.start]) && !a.bare_hao {
                mention = range(text, a, b, base);
                if mention.is_some() {
                    i += 1;
                }
            }
        }
        i += 1;
        let Some(mut m) = mention.or_else(|| single(text, a, base)) else {
            continue;
        };
        open(text, &mut m, base);
        if out.last().is_some_and(|last| last.span.end > m.span.start) {
            continue;
        }
        out.push(m);
    }
    out
}

/// The rank of the widest and the narrowest unit a piece states: a piece
/// joins the one before it only when it is strictly narrower.
fn ranks(e: &Expr) -> (u8, u8) {
    let mut present = Vec::with_capacity(4);
    if e.years.is_some() || e.ago.is_some() || e.fuzzy.is_some() {
        present.push(6);
    }
    if e.year.is_some() {
        present.push(5);
    }
    if e.part.is_some_and(|p| !p.of_month()) {
        present.push(4);
    }
    if e.month.is_some() {
        present.push(3);
    }
    if e.nth_week.is_some() || e.week.is_some() || e.part.is_some_and(|p| p.of_month()) {
        present.push(2);
    }
    if e.day.is_some() || e.weekday.is_some() || e.holiday.is_some() {
        present.push(1);
    }
    if e.time.is_some() {
        present.push(0);
    }
    let high = present.iter().copied().max().unwrap_or(0);
    let low = present.iter().copied().min().unwrap_or(0);
    (high, low)
}

fn join(text: &str, atoms: &[Expr]) -> Vec<Expr> {
    let mut out: Vec<Expr> = Vec::with_capacity(atoms.len());
    for next in atoms {
        if let Some(cur) = out.last_mut() {
            let gap = &text[cur.span.end..next.span.start];
            let trimmed = gap.trim();
            if (trimmed.is_empty() || trimmed == "的") && ranks(next).0 < ranks(cur).1 {
                union(cur, next);
                continue;
            }
            // `10月12号，星期一`: the weekday restates the day.
            let weekday_only = next.weekday.is_some() && ranks(next).0 == 1 && next.week.is_none();
            if matches!(trimmed, "，" | ",") && weekday_only && cur.day.is_some() {
                cur.span.end = next.span.end;
                continue;
            }
            if matches!(trimmed, "（" | "(") {
                let rest = &text[next.span.end..];
                let close = rest.trim_start();
                if close.starts_with(['）', ')']) {
                    let close_end = next.span.end
                        + (rest.len() - close.len())
                        + close.chars().next().map_or(0, char::len_utf8);
                    restate(cur, next);
                    cur.span.end = close_end;
                    continue;
                }
            }
        }
        out.push(next.clone());
    }
    out
}

/// Adds the narrower piece `next` to `cur`.
fn union(cur: &mut Expr, next: &Expr) {
    cur.span.end = next.span.end;
    cur.month = cur.month.or(next.month);
    cur.day = cur.day.or(next.day);
    cur.week = cur.week.or(next.week);
    cur.weekday = cur.weekday.or(next.weekday);
    cur.nth_week = cur.nth_week.or(next.nth_week);
    cur.part = cur.part.or(next.part);
    cur.holiday = cur.holiday.or(next.holiday);
    cur.time = cur.time.or(next.time);
    cur.time_end = cur.time_end.or(next.time_end);
    cur.bare_hao = false;
}

/// A parenthesized restatement: its calendar parts replace the vaguer ones
/// before it, which keep only their time of day and elapsed time.
fn restate(cur: &mut Expr, inner: &Expr) {
    if inner.month.is_some() || inner.year.is_some() {
        cur.month = inner.month;
    }
    if inner.year.is_some() {
        cur.year = inner.year;
    }
    if inner.day.is_some() {
        cur.day = inner.day;
        if inner.month.is_none() && matches!(cur.day, Some(Field::Abs(_))) && cur.month.is_none() {
            cur.month = None;
        }
    }
    cur.bare_hao = false;
}

fn is_connector(gap: &str) -> bool {
    matches!(
        gap.trim().trim_start_matches('起').trim(),
        "至" | "到" | "-" | "—" | "——" | "–" | "~" | "～" | "－" | "至到"
    )
}

/// A range `a` to `b`; `b` takes the year and month of `a` it omits.
fn range(text: &str, a: &Expr, b: &Expr, base: Option<Date>) -> Option<DateMention> {
    if a.clock_only() || b.clock_only() || a.ago.is_some() || a.fuzzy.is_some() {
        return None;
    }
    let mut b = b.clone();
    b.bare_hao = false;
    let narrower = ranks(&b).0 < 5;
    if b.year.is_none() && narrower && b.years.is_none() {
        b.year = a.year;
    }
    if b.month.is_none() && matches!(b.day, Some(Field::Abs(_))) && b.week.is_none() {
        b.month = a.month;
    }
    let first = single(text, a, base)?;
    let last = single(text, &b, base)?;
    let span = Span::new(a.span.start, b.span.end);
    let precision = if first.precision == Precision::Year && last.precision == Precision::Year {
        Precision::Period
    } else {
        Precision::Range
    };
    let (start, end) = match (first.start, last.end) {
        (Some(s), Some(e)) if s > e => return None,
        (s, e) if s.is_some() && e.is_some() => (s, e),
        _ => (None, None),
    };
    Some(DateMention {
        text: text[span.range()].to_owned(),
        span,
        start,
        end,
        precision,
        relative: first.relative || last.relative,
        time_end: last.time.or(last.time_end),
        ..first
    })
}

/// Opens one side: `截至2023年底`, `2019年以来`, `5月8日起`, `2025年前`.
fn open(text: &str, m: &mut DateMention, base: Option<Date>) {
    let before = text[..m.span.start].trim_end();
    for prefix in ["截止到", "截至到", "截至", "截止"] {
        if before.ends_with(prefix) {
            m.span.start = before.len() - prefix.len();
            m.open_start = true;
            m.start = None;
            m.precision = Precision::Range;
            m.text = text[m.span.range()].to_owned();
            return;
        }
    }
    let rest = &text[m.span.end..];
    let Some(word) = ["以来", "至今", "以后", "之后", "以前", "之前", "起", "前"]
        .into_iter()
        .find(|w| rest.starts_with(w))
    else {
        return;
    };
    if m.open_start || m.open_end || word == "前" && rest.starts_with("前后") {
        return;
    }
    match word {
        "以来" | "至今" | "起" => {
            m.open_end = true;
            m.end = base.filter(|b| m.start.is_some_and(|s| s <= *b));
        }
        "以后" | "之后" => {
            m.open_end = true;
            m.end = None;
        }
        _ => {
            m.open_start = true;
            m.start = base.filter(|b| m.end.is_some_and(|e| *b <= e));
        }
    }
    m.precision = Precision::Range;
    m.span.end += word.len();
    m.text = text[m.span.range()].to_owned();
}

/// One expression as a mention; `None` for a lone time of day, a bare `号`
/// day and days that do not exist (`2月30日`).
fn single(text: &str, e: &Expr, base: Option<Date>) -> Option<DateMention> {
    if e.clock_only() || e.bare_hao {
        return None;
    }
    let stated_year = match e.year {
        Some(YearRef::Abs(y)) => Some(y),
        Some(YearRef::Short(s)) => Some(short_year(s, base)),
        _ => None,
    };
    let resolved = interval(e, stated_year, base)?;
    let relative = resolved.relative;
    let (start, end, precision) = match resolved.days {
        Some((s, end, p)) => (Some(s), Some(end), p),
        None => (None, None, resolved.precision),
    };
    let (open_start, open_end) = match e.ago {
        Some((n, _)) if e.ago_open => (n < 0, n > 0),
        _ => (false, false),
    };
    Some(DateMention {
        text: text[e.span.range()].to_owned(),
        span: e.span,
        start: if open_start { None } else { start },
        end: if open_end { None } else { end },
        precision,
        relative,
        fuzzy: e.fuzzy.is_some(),
        time: e.time,
        time_end: e.time_end,
        open_start,
        open_end,
        year: stated_year.and_then(|y| i16::try_from(y).ok()),
        month: match e.month {
            Some(Field::Abs(m)) => i8::try_from(m).ok(),
            _ => None,
        },
        day: match e.day {
            Some(Field::Abs(d)) => i8::try_from(d).ok(),
            _ => None,
        },
    })
}

/// Reads a two-digit year as the year with those digits in the hundred
/// years ending ten years after the base; with no base, as 1950–2049.
fn short_year(s: i32, base: Option<Date>) -> i32 {
    let Some(base) = base else {
        return if s < 50 { 2000 + s } else { 1900 + s };
    };
    let b = i32::from(base.year());
    let candidate = b - b.rem_euclid(100) + s;
    if candidate > b + 10 {
        candidate - 100
    } else {
        candidate
    }
}

/// The days of an expression, or `None` days when it needs a base date and
/// has none.
struct Resolved {
    days: Option<(Date, Date, Precision)>,
    precision: Precision,
    relative: bool,
}

/// A base date that only serves to learn the width of an unresolved
/// expression: any mid-year Wednesday gives the same widths.
const PROBE_BASE: Date = jiff::civil::date(2001, 6, 13);

/// Resolves `e`; `None` when its parts name no real day.
fn interval(e: &Expr, stated_year: Option<i32>, base: Option<Date>) -> Option<Resolved> {
    if let Some((a, b)) = e.years {
        let p = if a == b {
            Precision::Year
        } else {
            Precision::Period
        };
        let days = (year_start(a)?, year_end(b)?, p);
        return Some(Resolved {
            days: Some(days),
            precision: p,
            relative: false,
        });
    }
    let needs_base = e.fuzzy.is_some()
        || e.ago.is_some()
        || e.week.is_some()
        || e.weekday.is_some()
        || matches!(e.year, Some(YearRef::Rel(_)) | None)
        || matches!(e.month, Some(Field::Rel(_)))
        || matches!(e.day, Some(Field::Rel(_)))
        || e.month.is_none() && (e.day.is_some() || e.part.is_some_and(|p| p.of_month()));
    let relative = needs_base && !matches!(e.year, Some(YearRef::Short(_)));
    let Some(base) =
        base.filter(|_| needs_base)
            .or(if needs_base { None } else { Some(Date::MIN) })
    else {
        // Unresolved: the width is the one any base date would give.
        let precision = calendar(e, stated_year, PROBE_BASE).map_or(Precision::Day, |d| d.2);
        return Some(Resolved {
            days: None,
            precision,
            relative,
        });
    };
    let days = calendar(e, stated_year, base)?;
    Some(Resolved {
        precision: days.2,
        days: Some(days),
        relative,
    })
}

fn year_start(y: i32) -> Option<Date> {
    Date::new(i16::try_from(y).ok()?, 1, 1).ok()
}

fn year_end(y: i32) -> Option<Date> {
    Date::new(i16::try_from(y).ok()?, 12, 31).ok()
}

fn month_days(d: Date) -> (Date, Date, Precision) {
    (d.first_of_month(), d.last_of_month(), Precision::Month)
}

fn week_of(d: Date) -> Date {
    d.checked_sub(i64::from(d.weekday().to_monday_one_offset() - 1).days())
        .unwrap_or(d)
}

/// The days of a calendar expression against `base` (`Date::MIN` when the
/// expression needs none).
fn calendar(e: &Expr, stated_year: Option<i32>, base: Date) -> Option<(Date, Date, Precision)> {
    use Precision as P;
    if let Some((days, p)) = e.fuzzy {
        return Some((base.checked_sub(days.days()).ok()?, base, p));
    }
    if let Some((n, unit)) = e.ago {
        let point = match unit {
            AgoUnit::Day => base.checked_add(n.days()).ok()?,
            AgoUnit::Week => base.checked_add(n.weeks()).ok()?,
            AgoUnit::Month => base.checked_add(n.months()).ok()?,
            AgoUnit::Year => base.checked_add(n.years()).ok()?,
        };
        if let (Some(Field::Abs(m)), Some(Field::Abs(d))) = (e.month, e.day) {
            let day = Date::new(point.year(), i8::try_from(m).ok()?, i8::try_from(d).ok()?).ok()?;
            return Some((day, day, P::Day));
        }
        return Some(match unit {
            AgoUnit::Day => (point, point, P::Day),
            AgoUnit::Week => {
                let monday = week_of(point);
                (monday, monday.checked_add(6.days()).ok()?, P::Week)
            }
            AgoUnit::Month => month_days(point),
            AgoUnit::Year => (point.first_of_year(), point.last_of_year(), P::Year),
        });
    }
    if let Some(Field::Rel(k)) = e.day {
        let day = base.checked_add(k.days()).ok()?;
        return Some((day, day, P::Day));
    }
    if e.week.is_some() || e.weekday.is_some() && e.month.is_none() {
        let monday = week_of(base)
            .checked_add(e.week.unwrap_or(0).weeks())
            .ok()?;
        return Some(match e.weekday {
            Some(8) => (
                monday.checked_add(5.days()).ok()?,
                monday.checked_add(6.days()).ok()?,
                P::Range,
            ),
            Some(w) => {
                let day = monday.checked_add(i64::from(w - 1).days()).ok()?;
                (day, day, P::Day)
            }
            None => (monday, monday.checked_add(6.days()).ok()?, P::Week),
        });
    }
    let year = match e.year {
        Some(YearRef::Rel(k)) => i32::from(base.year()) + k,
        _ => stated_year.unwrap_or(i32::from(base.year())),
    };
    let year16 = i16::try_from(year).ok()?;
    let month = match e.month {
        Some(Field::Abs(m)) => Some(Date::new(year16, i8::try_from(m).ok()?, 1).ok()?),
        Some(Field::Rel(k)) => Some(
            Date::new(year16, base.month(), 1)
                .ok()?
                .checked_add(k.months())
                .ok()?,
        ),
        None if e.day.is_some() || e.part.is_some_and(|p| p.of_month()) => {
            Some(base.first_of_month())
        }
        None => None,
    };
    if let Some(n) = e.nth_week {
        let anchor = month.unwrap_or(year_start(year)?);
        let first_monday = if anchor.weekday() == jiff::civil::Weekday::Monday {
            anchor
        } else {
            anchor.nth_weekday(1, jiff::civil::Weekday::Monday).ok()?
        };
        let monday = first_monday.checked_add((n - 1).weeks()).ok()?;
        return Some((monday, monday.checked_add(6.days()).ok()?, P::Week));
    }
    if let Some(Field::Abs(d)) = e.day {
        let m = month?;
        let day = Date::new(m.year(), m.month(), i8::try_from(d).ok()?).ok()?;
        return Some((day, day, P::Day));
    }
    if let Some((holiday, long)) = e.holiday {
        let (a, b) = holiday.days(year16, long)?;
        return Some((a, b, if long { P::Week } else { P::Day }));
    }
    if let Some(part) = e.part {
        let m = month.unwrap_or(year_start(year)?);
        return part.days(m.year(), m.month());
    }
    match month {
        Some(m) => Some(month_days(m)),
        None => Some((year_start(year)?, year_end(year)?, P::Year)),
    }
}

#[cfg(test)]
mod tests {
    use jiff::civil::date;

    use crate::date::{parse, Precision};

    #[test]
    fn absolute_forms() {
        for text in [
            "2021-10-24",
            "2021/10/24",
            "2021.10.24",
            "2021年10月24日",
            "二〇二一年十月二十四日",
            "２０２１年１０月２４日",
        ] {
            let found = parse(text, None);
            assert_eq!(found.len(), 1, "{text}");
            assert_eq!(found[0].start, Some(date(2021, 10, 24)), "{text}");
            assert_eq!(found[0].precision, Precision::Day);
            assert!(!found[0].relative);
        }
        let m = &parse("2021年度", None)[0];
        assert_eq!(
            (m.start, m.end),
            (Some(date(2021, 1, 1)), Some(date(2021, 12, 31)))
        );
    }

    #[test]
    fn partial_dates_take_the_base_year() {
        let m = &parse("5月15日", Some(date(2024, 5, 20)))[0];
        assert_eq!(m.start, Some(date(2024, 5, 15)));
        assert!(m.relative);
        let m = &parse("5月15日", None)[0];
        assert_eq!((m.start, m.month, m.day), (None, Some(5), Some(15)));
    }

    #[test]
    fn ranges_and_open_ranges() {
        let base = Some(date(2024, 5, 20));
        let m = &parse("5月10日至15日", base)[0];
        assert_eq!(
            (m.start, m.end),
            (Some(date(2024, 5, 10)), Some(date(2024, 5, 15)))
        );
        let m = &parse("2021年至2025年", None)[0];
        assert_eq!(
            (m.start, m.end, m.precision),
            (
                Some(date(2021, 1, 1)),
                Some(date(2025, 12, 31)),
                Precision::Period
            )
        );
        let m = &parse("2021-2025年", None)[0];
        assert_eq!(m.end, Some(date(2025, 12, 31)));
        let m = &parse("2019年以来", base)[0];
        assert_eq!(
            (m.start, m.end, m.open_end),
            (Some(date(2019, 1, 1)), base, true)
        );
        let m = &parse("截至2023年底", base)[0];
        assert_eq!(
            (m.start, m.end, m.open_start),
            (None, Some(date(2023, 12, 31)), true)
        );
    }

    #[test]
    fn times_of_day() {
        let m = &parse("2021年10月24日晚上8点半", None)[0];
        assert_eq!(m.time, jiff::civil::Time::new(20, 30, 0, 0).ok());
        let m = &parse("2022年2月11日0—24时", None)[0];
        assert_eq!(m.start, Some(date(2022, 2, 11)));
        assert_eq!(m.time_end, Some(jiff::civil::Time::MAX));
    }

    #[test]
    fn restated_days() {
        let m = &parse("今早（23日）", Some(date(2022, 4, 23)))[0];
        assert_eq!(m.start, Some(date(2022, 4, 23)));
        assert_eq!(m.text, "今早（23日）");
    }
}
