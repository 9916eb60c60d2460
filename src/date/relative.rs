//! Words relative to the base date: `今年`, `上月`, `昨天`, `上周`, elapsed
//! time (`9个月前`, `两年后`) and vague recency (`近日`, `日前`, `近期`).

use jiff::civil::Date;
use jiff::ToSpan;

use super::absolute::{AgoUnit, Expr, Field, YearRef};
use super::fields::number;
use super::pattern::Groups;
use super::period::Part;
use super::resolve::{month_days, week_of};
use super::Precision;

/// The relative words the lexer knows, longest first where one begins another.
pub(super) const WORDS_PATTERN: &str =
    "本季度|这个季度|这季度|上个季度|上季度|下个季度|下季度|大前年|大后年|前年|去年|今年|这一年|明年|后年|本年|上年|次年|翌年|来年|上一年|下一年\
|本月|这个月|当月|上一个月|上个月|上月|下一个月|下个月|下月|次月\
|大前天|大大后天|大后天|大後天|前天|昨天|昨日|今天|今日|本日|明天|明日|后天|後天|今早|今晨|现在|当天|当日|当晚|昨晚|昨夜|今晚|今夜|明早";

/// Days a vague `近日` or `日前` reaches back from the base date: news uses
/// them for the past week or so, so ten days (a third of a month) covers the
/// usual reading without claiming the whole month.
const RECENT_DAYS: i32 = 10;

/// Days `近期` and `最近` reach back: "lately", about a month.
const LATELY_DAYS: i32 = 30;

/// Fills `e` from a relative word of [`WORDS_PATTERN`].
pub(super) fn word(w: &str, e: &mut Expr) {
    let year = |k| Some(YearRef::Rel(k));
    match w {
        "大前年" => e.year = year(-3),
        "前年" => e.year = year(-2),
        "去年" | "上年" | "上一年" => e.year = year(-1),
        "今年" | "本年" | "这一年" => e.year = year(0),
        "明年" | "次年" | "翌年" | "来年" | "下一年" => e.year = year(1),
        "后年" => e.year = year(2),
        "大后年" => e.year = year(3),
        "本季度" | "这个季度" | "这季度" => quarter(e, 0),
        "上个季度" | "上季度" => quarter(e, -1),
        "下个季度" | "下季度" => quarter(e, 1),
        "本月" | "这个月" | "当月" => e.month = Some(Field::Rel(0)),
        "上一个月" | "上个月" | "上月" => e.month = Some(Field::Rel(-1)),
        "下一个月" | "下个月" | "下月" | "次月" => e.month = Some(Field::Rel(1)),
        "大前天" => e.day = Some(Field::Rel(-3)),
        "前天" => e.day = Some(Field::Rel(-2)),
        "昨天" | "昨日" | "昨晚" | "昨夜" => e.day = Some(Field::Rel(-1)),
        "明天" | "明日" | "明早" => e.day = Some(Field::Rel(1)),
        "后天" | "後天" => e.day = Some(Field::Rel(2)),
        "大大后天" => e.day = Some(Field::Rel(4)),
        "大后天" | "大後天" => e.day = Some(Field::Rel(3)),
        _ => e.day = Some(Field::Rel(0)),
    }
}

/// A quarter counted from the base date's: its months are moved by whole
/// quarters, and the part takes the quarter that holds the moved month.
fn quarter(e: &mut Expr, k: i32) {
    e.month = Some(Field::Rel(3 * k));
    e.part = Some(Part::QuarterOf(None));
}

/// Weeks from the base date's week named by a week word (`上周` is -1).
pub(super) fn week_offset(w: &str) -> i32 {
    if w.starts_with("上上") {
        -2
    } else if w.starts_with("下下") {
        2
    } else if w.starts_with('上') {
        -1
    } else if w.starts_with('下') {
        1
    } else {
        0
    }
}

/// An elapsed-time expression: `3天前`, `9个月前`, `两年后`, `一年半以前`,
/// `两个半月前`, `半月以后`; a vague count (`二十几年前`, `十个多月后`) as
/// the range of what it may be.
pub(super) fn ago(caps: &Groups<'_>, mut e: Expr) -> Option<Expr> {
    let direction = caps
        .name("agod")
        .or(caps.name("agohd"))
        .map_or("内", |d| d.as_str());
    if direction.ends_with(['来', '内']) {
        return super::counted::suffixed(caps, e);
    }
    let sign = if direction.ends_with('前') { -1 } else { 1 };
    e.ago_open = direction.len() > "前".len();
    e.ago_fuzzy = caps.name("agom").is_some()
        || caps.name("agom2").is_some()
        || caps.name("agou").is_some_and(|u| u.as_str().contains('多'));
    if caps.name("agohm").is_some() {
        // Half a month: fifteen days.
        e.ago = Some((sign * 15, AgoUnit::Day));
        return Some(e);
    }
    let n = caps.name("ago")?.as_str();
    let word = caps.name("agou")?.as_str();
    let unit = match word.trim_start_matches('个') {
        "天" => AgoUnit::Day,
        "周" | "星期" | "礼拜" => AgoUnit::Week,
        "年" => AgoUnit::Year,
        // `5个工作日后`: working days are counted ahead only, as spans.
        "工作日" => return None,
        _ => AgoUnit::Month,
    };
    let half = caps.name("agoh").is_some();
    // `二十几`: 21 to 29; `几十`: 20 to 90; `几`: 2 to 9.
    let (low, high) = if n.contains('几') {
        let low = match n {
            "几" => 2,
            _ if n.starts_with('几') => number(&n.replacen('几', "二", 1))?,
            _ => number(&n.replace('几', "一"))?,
        };
        let high = number(&n.replace('几', "九"))?;
        e.ago_fuzzy = true;
        (low.min(high), high)
    } else {
        let v = number(n).unwrap_or(0);
        (v, v)
    };
    let (count, unit) = match (n, unit) {
        ("半", AgoUnit::Year) => (6, AgoUnit::Month),
        ("半", _) => return None,
        (_, AgoUnit::Year) if half => (low * 12 + 6, AgoUnit::Month),
        (_, _) if half => return None,
        // A quarter is counted as its three months.
        _ if word == "个季度" => (low * 3, unit),
        _ => (low, unit),
    };
    if count == 0 {
        return None;
    }
    e.ago = Some((sign * count, unit));
    e.ago_width = high - low;
    if word == "个半月" {
        // `两个半月`: two months and fifteen days.
        e.ago_days = sign * 15;
    }
    Some(e)
}

/// The days of an elapsed-time expression against `base`: the unit the
/// count lands in (`9个月前` a month, `3天前` a day), a day when days
/// follow whole units (`两个半月前`), and the units between both ends of a
/// vague count (`二十几年前`).
pub(super) fn ago_days(e: &Expr, base: Date) -> Option<(Date, Date, Precision)> {
    use Precision as P;
    let (n, unit) = e.ago?;
    let point = |n: i32| -> Option<Date> {
        let d = match unit {
            AgoUnit::Day => base.checked_add(n.days()),
            AgoUnit::Week => base.checked_add(n.weeks()),
            AgoUnit::Month => base.checked_add(n.months()),
            AgoUnit::Year => base.checked_add(n.years()),
        };
        d.ok()?.checked_add(e.ago_days.days()).ok()
    };
    let near = point(n)?;
    if let (Some(Field::Abs(m)), Some(Field::Abs(d))) = (e.month, e.day) {
        let day = Date::new(near.year(), i8::try_from(m).ok()?, i8::try_from(d).ok()?).ok()?;
        return Some((day, day, P::Day));
    }
    let days_of = |point: Date| -> Option<(Date, Date, Precision)> {
        Some(match unit {
            _ if e.ago_days != 0 => (point, point, P::Day),
            AgoUnit::Day => (point, point, P::Day),
            AgoUnit::Week => {
                let monday = week_of(point);
                (monday, monday.checked_add(6.days()).ok()?, P::Week)
            }
            AgoUnit::Month => month_days(point),
            AgoUnit::Year => (point.first_of_year(), point.last_of_year(), P::Year),
        })
    };
    let (start, end, precision) = days_of(near)?;
    if e.ago_width == 0 {
        return Some((start, end, precision));
    }
    let far = days_of(point(n + n.signum() * e.ago_width)?)?;
    Some((start.min(far.0), end.max(far.1), P::Range))
}

/// A vague recency word: `近日`, `日前`, `近期`, `最近`.
pub(super) fn fuzzy(text: &str, w: &str, mut e: Expr) -> Option<Expr> {
    let before = text[..e.span.start].chars().next_back();
    let after = text[e.span.end..].chars().next();
    match w {
        // `节日前`, `工作日前`, `5日前`: the 日 belongs to the word before.
        "日前"
            if before.is_some_and(|c| {
                super::absolute::is_numeral(c) || "节假生作期每当今昨次同某周末数平".contains(c)
            }) =>
        {
            return None
        }
        // `最近10分钟`, `近期目标` stay; a count after `最近` is a duration.
        "最近" | "近来" if after.is_some_and(|c| super::absolute::is_numeral(c) || c == '的') => {
            return None
        }
        _ => {}
    }
    let days = if matches!(w, "近期" | "最近" | "近来") {
        LATELY_DAYS
    } else {
        RECENT_DAYS
    };
    let precision = if days == LATELY_DAYS {
        Precision::Month
    } else {
        Precision::TenDays
    };
    e.fuzzy = Some((days, precision));
    Some(e)
}

#[cfg(test)]
mod tests {
    use jiff::civil::date;

    use crate::date::parse;

    #[test]
    fn relative_years_and_months() {
        let base = Some(date(2024, 5, 20));
        let found = parse("去年,本月,上月,明年", base);
        let starts: Vec<_> = found.iter().map(|m| m.start.unwrap()).collect();
        assert_eq!(
            starts,
            [
                date(2023, 1, 1),
                date(2024, 5, 1),
                date(2024, 4, 1),
                date(2025, 1, 1)
            ]
        );
        assert!(found.iter().all(|m| m.relative));
    }

    #[test]
    fn elapsed_time() {
        let base = Some(date(2021, 6, 14));
        let m = &parse("9个月前", base)[0];
        assert_eq!(
            (m.start, m.end),
            (Some(date(2020, 9, 1)), Some(date(2020, 9, 30)))
        );
        let m = &parse("20天后", base)[0];
        assert_eq!(m.start, Some(date(2021, 7, 4)));
        let m = &parse("三年前", base)[0];
        assert_eq!(m.start, Some(date(2018, 1, 1)));
    }

    #[test]
    fn recency_is_fuzzy_and_ends_at_the_base() {
        let base = Some(date(2021, 10, 24));
        let m = &parse("近日,中央宣传部发布名单", base)[0];
        assert!(m.fuzzy);
        assert_eq!(m.end, base);
        assert!(parse("节日前", base).is_empty());
    }

    #[test]
    fn weeks() {
        let base = Some(date(2021, 6, 14));
        let m = &parse("上周", base)[0];
        assert_eq!(
            (m.start, m.end),
            (Some(date(2021, 6, 7)), Some(date(2021, 6, 13)))
        );
        let m = &parse("下周六", base)[0];
        assert_eq!(m.start, Some(date(2021, 6, 26)));
    }
}
