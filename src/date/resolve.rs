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

use super::absolute::{Expr, Field, Term, YearRef};
use super::counted::{self, Way};
use super::lunar::{self, Lunar};
use super::relative;
use super::solar_terms;
use super::{DateMention, Precision};
use crate::span::Span;

/// Every date mention of `text` from its lexed pieces.
pub(super) fn mentions(text: &str, atoms: &[Expr], base: Option<Date>) -> Vec<DateMention> {
    let mut joined = join(text, atoms);
    listed_days(text, &mut joined);
    let mut out: Vec<DateMention> = Vec::with_capacity(joined.len());
    let mut i = 0;
    while i < joined.len() {
        let a = &joined[i];
        let mut mention = None;
        if let Some(b) = joined.get(i + 1) {
            let gap = &text[a.span.end..b.span.start];
            let between = between_end(text, gap, b);
            if (is_connector(gap) || between.is_some()) && !a.bare_hao {
                mention = range(text, a, b, base);
                if let Some(m) = mention.as_mut() {
                    i += 1;
                    if let Some(end) = between {
                        m.span.end = end;
                        m.text = text[m.span.range()].to_owned();
                    }
                }
            }
        }
        i += 1;
        let Some(mut m) = mention.or_else(|| single(text, a, base)) else {
            continue;
        };
        open(text, &mut m, base);
        if is_title(text, &m) {
            continue;
        }
        if let Some(last) = out.last_mut() {
            if last.span.end > m.span.start {
                continue;
            }
            // `2010年之后2018年之前`: an open end then an open start make one range.
            let after_then_before =
                last.open_end && !last.open_start && m.open_start && !m.open_end;
            if after_then_before && text[last.span.end..m.span.start].trim().is_empty() {
                if let (Some(s), Some(e)) = (last.start, m.end) {
                    if s <= e {
                        last.span.end = m.span.end;
                        last.text = text[last.span.range()].to_owned();
                        last.end = Some(e);
                        last.open_end = false;
                        continue;
                    }
                }
            }
        }
        out.push(m);
    }
    out
}

/// The rank of the widest and the narrowest unit a piece states: a piece
/// joins the one before it only when it is strictly narrower.
fn ranks(e: &Expr) -> (u8, u8) {
    let mut present = Vec::with_capacity(4);
    if e.years.is_some() || e.ago.is_some() || e.fuzzy.is_some() || e.window.is_some() {
        present.push(6);
    }
    if e.year.is_some() {
        present.push(5);
    }
    if e.part.is_some_and(|p| !p.of_month()) || matches!(e.term, Some(Term::Season(_))) {
        present.push(4);
    }
    if e.month.is_some() {
        present.push(3);
    }
    if e.nth_week.is_some()
        || e.week.is_some()
        || e.ordinal.is_some()
        || e.part.is_some_and(|p| p.of_month())
    {
        present.push(2);
    }
    if e.day.is_some()
        || e.weekday.is_some()
        || e.holiday.is_some()
        || matches!(e.term, Some(Term::Day(_)))
    {
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
            // `阴历二〇二一年六月`: the mark dates whatever follows it.
            if cur.is_bare_mark() && trimmed.is_empty() {
                let start = cur.span.start;
                let mark = cur.lunar;
                *cur = next.clone();
                cur.span.start = start;
                cur.lunar = Lunar::or(mark, next.lunar);
                cur.holiday = cur.holiday.map(|(h, long)| (h.lunar(), long));
                continue;
            }
            if (trimmed.is_empty() || trimmed == "的") && ranks(next).0 < ranks(cur).1 {
                union(cur, next);
                continue;
            }
            // `10月12号，星期一`: the weekday restates the day.
            let weekday_only = next.weekday.is_some() && ranks(next).0 == 1 && next.week.is_none();
            if matches!(trimmed, "，" | "," | "") && weekday_only && cur.day.is_some() {
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

/// A list of days after a date (`9月10号，11号，12号`, `5月8日、9日`): each
/// listed day takes the month and year of the date before it, and a `号`
/// day in such a list is a day, not a house number.
fn listed_days(text: &str, exprs: &mut [Expr]) {
    for i in 1..exprs.len() {
        let (done, rest) = exprs.split_at_mut(i);
        let (prev, cur) = (&done[i - 1], &mut rest[0]);
        let day_only = matches!(cur.day, Some(Field::Abs(_)))
            && cur.month.is_none()
            && cur.year.is_none()
            && cur.week.is_none();
        let dated = matches!(prev.month, Some(Field::Abs(_)))
            && matches!(prev.day, Some(Field::Abs(_)))
            && !prev.bare_hao;
        let gap = text[prev.span.end..cur.span.start].trim();
        if day_only && dated && matches!(gap, "、" | "，" | "," | "和" | "及" | "与") {
            cur.month = prev.month;
            cur.year = prev.year;
            cur.lunar = prev.lunar;
            cur.bare_hao = false;
        }
    }
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
    cur.ordinal = cur.ordinal.or(next.ordinal);
    cur.holiday = cur.holiday.or(next.holiday);
    cur.time = cur.time.or(next.time);
    cur.time_end = cur.time_end.or(next.time_end);
    cur.lunar = Lunar::or(cur.lunar, next.lunar);
    cur.term = cur.term.or(next.term);
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

/// The end of `之间` or `间` after `b` when `gap` joins two dates with `和`,
/// `与` or `及` (`2007年与2009年间`): a range between them.
fn between_end(text: &str, gap: &str, b: &Expr) -> Option<usize> {
    if !matches!(gap.trim(), "和" | "与" | "及" | "至" | "到") {
        return None;
    }
    let rest = &text[b.span.end..];
    ["之间", "间"]
        .into_iter()
        .find(|w| rest.starts_with(w))
        .map(|w| b.span.end + w.len())
}

/// Whether the mention is the whole of a `《…》` title (`《明日之后》`): a
/// name, not a date.
fn is_title(text: &str, m: &DateMention) -> bool {
    text[..m.span.start].ends_with('《') && text[m.span.end..].starts_with('》')
}

fn is_connector(gap: &str) -> bool {
    matches!(
        gap.trim().trim_start_matches('起').trim(),
        "至" | "到" | "-" | "—" | "——" | "–" | "~" | "～" | "－" | "至到"
    )
}

/// A range `a` to `b`; `b` takes the year and month of `a` it omits.
fn range(text: &str, a: &Expr, b: &Expr, base: Option<Date>) -> Option<DateMention> {
    if a.clock_only()
        || b.clock_only()
        || a.ago.is_some()
        || a.fuzzy.is_some()
        || a.window.is_some()
        || b.window.is_some()
    {
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
    let mut last = single(text, &b, base)?;
    // `8月至2月`: a range whose second end inherits the year and falls before
    // the first runs into the next year.
    let stated_month = matches!(b.month, Some(Field::Abs(_)));
    if b.year == a.year
        && narrower
        && stated_month
        && first.start.zip(last.end).is_some_and(|(s, e)| s > e)
    {
        b.year = Some(match a.year {
            Some(YearRef::Abs(y)) => YearRef::Abs(y + 1),
            Some(YearRef::Short(y)) => YearRef::Short(y + 1),
            Some(YearRef::Rel(k)) => YearRef::Rel(k + 1),
            None => YearRef::Rel(1),
        });
        last = single(text, &b, base)?;
    }
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

/// Words after a date that open one side, longest first where one begins
/// another. `或之后` and `及以前` include the date, as `之后` and `前` do.
const OPEN_WORDS: [&str; 17] = [
    "或之后",
    "或以后",
    "及以后",
    "及之后",
    "或之前",
    "或以前",
    "及以前",
    "及之前",
    "以来",
    "至今",
    "开始",
    "以后",
    "之后",
    "以前",
    "之前",
    "起",
    "前",
];

/// Opens one side: `截至2023年底`, `2019年以来`, `5月8日起`, `2025年前`,
/// `自从2018年`.
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
    if m.open_start || m.open_end {
        return;
    }
    let rest = &text[m.span.end..];
    let word = OPEN_WORDS.into_iter().find(|w| rest.starts_with(w));
    let word = match word {
        Some("前") if rest.starts_with("前后") => {
            around(text, m);
            return;
        }
        Some(w) => w,
        None if before.ends_with("自从") => {
            m.span.start = before.len() - "自从".len();
            ""
        }
        None => return,
    };
    // `90年代以前`, `“十三五”之后`: before or after a span of years is
    // outside it.
    let outside = m.precision == Precision::Period
        && !word.starts_with(['或', '及'])
        && !m.text.contains(['至', '到', '-', '—', '~']);
    match word.trim_start_matches(['或', '及']) {
        "以前" | "之前" if outside => {
            m.open_start = true;
            m.end = m.start.and_then(|s| s.checked_sub(1.day()).ok());
            m.start = None;
        }
        "以后" | "之后" if outside => {
            m.open_end = true;
            m.start = m.end.and_then(|e| e.checked_add(1.day()).ok());
            m.end = None;
        }
        "" | "以来" | "至今" | "起" | "开始" => {
            m.open_end = true;
            m.end = base.filter(|b| m.start.is_some_and(|s| s <= *b));
        }
        "以后" | "之后" => {
            m.open_end = true;
            m.end = None;
        }
        // `2020至2025年前`: both ends are stated; `前` only restates the last.
        _ if m.precision == Precision::Period && m.text.contains(['至', '到', '-']) => {}
        _ => {
            m.open_start = true;
            m.start = base.filter(|b| m.end.is_some_and(|e| *b <= e));
        }
    }
    m.precision = Precision::Range;
    m.span.end += word.len();
    m.text = text[m.span.range()].to_owned();
}

/// Days either side of a day that `前后` blurs (`冬至前后`, `春节前后`):
/// a few days, the span of a long weekend.
const AROUND_DAYS: i64 = 3;

/// `X前后`: a fuzzy window around a day; around a wider date the words only
/// restate it.
fn around(text: &str, m: &mut DateMention) {
    if m.precision != Precision::Day {
        return;
    }
    m.start = m.start.and_then(|d| d.checked_sub(AROUND_DAYS.days()).ok());
    m.end = m.end.and_then(|d| d.checked_add(AROUND_DAYS.days()).ok());
    m.fuzzy = true;
    m.precision = Precision::Range;
    m.span.end += "前后".len();
    m.text = text[m.span.range()].to_owned();
}

/// One expression as a mention; `None` for a lone time of day, a bare `号`
/// day and days that do not exist (`2月30日`).
fn single(text: &str, e: &Expr, base: Option<Date>) -> Option<DateMention> {
    let counted;
    // `会议前两天` counts from the meeting, not from the base.
    let after_word = text[..e.span.start]
        .chars()
        .next_back()
        .is_some_and(char::is_alphabetic);
    let e = match e.ordinal.and_then(counted::from_count) {
        Some(w) if e.year.is_none() && e.month.is_none() && !after_word => {
            counted = Expr {
                window: Some(w),
                ordinal: None,
                ..e.clone()
            };
            &counted
        }
        _ => e,
    };
    // A `号` day is a house number unless it is all the text (`12号` as a
    // form's value).
    let bare_hao = e.bare_hao && text.trim() != &text[e.span.range()];
    if e.clock_only()
        || bare_hao
        || e.is_bare_mark()
        || e.ordinal.is_some() && e.year.is_none() && e.month.is_none()
    {
        return None;
    }
    let stated_year = match e.year {
        Some(YearRef::Abs(y)) => Some(y),
        Some(YearRef::Short(s)) => Some(short_year(s, base)),
        _ => None,
    };
    // A stated day that does not exist (`2月30日`, `2019年2月29日`) stays a
    // mention, unresolved: the text claims the words as a date.
    let impossible = Resolved {
        days: None,
        precision: Precision::Day,
        relative: e.year.is_none(),
    };
    let stated_day = matches!((e.month, e.day), (Some(Field::Abs(_)), Some(Field::Abs(_))));
    let resolved = match interval(e, stated_year, base) {
        Some(r) => r,
        None if stated_day && e.ago.is_none() => impossible,
        None => return None,
    };
    let relative = resolved.relative;
    let (start, end, precision) = match resolved.days {
        Some((s, end, p)) => (Some(s), Some(end), p),
        None => (None, None, resolved.precision),
    };
    let (open_start, open_end) = match (e.ago, e.window.map(|w| w.way)) {
        (Some((n, _)), _) if e.ago_open => (n < 0, n > 0),
        (_, Some(Way::After)) => (false, true),
        (_, Some(Way::UntilNow)) => (true, false),
        _ => (false, false),
    };
    Some(DateMention {
        text: text[e.span.range()].to_owned(),
        span: e.span,
        start: if open_start { None } else { start },
        end: if open_end { None } else { end },
        precision,
        relative,
        fuzzy: e.fuzzy.is_some() || e.ago_fuzzy || e.window.is_some_and(|w| w.more),
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
        || e.window.is_some()
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

pub(super) fn month_days(d: Date) -> (Date, Date, Precision) {
    (d.first_of_month(), d.last_of_month(), Precision::Month)
}

pub(super) fn week_of(d: Date) -> Date {
    d.checked_sub(i64::from(d.weekday().to_monday_one_offset() - 1).days())
        .unwrap_or(d)
}

/// How many months or years back a day missing from the base's month or year
/// is looked for: eight years reach a 29 February across the century years
/// that skip a leap day, and any month has a 29th to 31st within eight months.
const LEAP_REACH: usize = 8;

/// The days of a calendar expression against `base` (`Date::MIN` when the
/// expression needs none).
fn calendar(e: &Expr, stated_year: Option<i32>, base: Date) -> Option<(Date, Date, Precision)> {
    use Precision as P;
    if let Some((days, p)) = e.fuzzy {
        return Some((base.checked_sub(days.days()).ok()?, base, p));
    }
    if let Some(w) = e.window {
        let (a, b) = w.days(base)?;
        return Some((a, b, P::Range));
    }
    if e.ago.is_some() {
        return relative::ago_days(e, base);
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
    if let Some(o) = e.ordinal {
        return match month {
            Some(m) => o.days(m, m.last_of_month()),
            None => o.days(year_start(year)?, year_end(year)?),
        };
    }
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
    if let (Some(how), Some(Field::Abs(m))) = (e.lunar, e.month) {
        let day = match e.day {
            Some(Field::Abs(d)) => Some(d),
            _ => None,
        };
        let (a, b) = lunar::days(year, m, day, how)?;
        return Some((a, b, if a == b { P::Day } else { P::Month }));
    }
    if let Some(term) = e.term {
        let (a, b) = solar_terms::days(term, year)?;
        return Some((a, b, if a == b { P::Day } else { P::Part }));
    }
    if let Some(Field::Abs(d)) = e.day {
        let m = month?;
        let d = i8::try_from(d).ok()?;
        // A day the base's month or year lacks (`29日` in February, `2月29日`
        // in 2019) is the latest one before it that has the day: notices
        // mostly report what has happened.
        let inferred = e.year.is_none() && !matches!(e.month, Some(Field::Rel(_)));
        let step = if e.month.is_none() {
            1.month()
        } else {
            1.year()
        };
        let mut first = m;
        for _ in 0..=LEAP_REACH {
            if let Ok(day) = Date::new(first.year(), first.month(), d) {
                return Some((day, day, P::Day));
            }
            if !inferred {
                return None;
            }
            first = first.checked_sub(step).ok()?;
        }
        return None;
    }
    if let Some((holiday, long)) = e.holiday {
        let (a, b) = holiday.days(year16, long)?;
        let p = match (long, a == b) {
            (true, _) => P::Week,
            (false, true) => P::Day,
            (false, false) => P::Range,
        };
        return Some((a, b, p));
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
