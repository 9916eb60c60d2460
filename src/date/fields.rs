//! Values of the fields of a date piece: numbers in any script, months,
//! days, weekdays and times of day.

use jiff::civil::Time;

use super::absolute::{str_of, Expr};
use super::pattern::Groups;

/// A time of day: `下午3点`, `14时30分`, `9:30`, `0—24时`.
pub(super) fn time_of_day(caps: &Groups<'_>, mut e: Expr) -> Option<Expr> {
    let tod = str_of(caps, "tod");
    if let (Some(a), Some(b)) = (str_of(caps, "th1"), str_of(caps, "th2")) {
        let (a, b) = (number(a)?, number(b)?);
        if a >= b || b > 24 {
            return None;
        }
        e.time = clock(a, 0, 0);
        e.time_end = if b == 24 {
            Some(Time::MAX)
        } else {
            clock(b, 0, 0)
        };
        return Some(e);
    }
    let (h, m, s) = if let Some(h) = str_of(caps, "th") {
        let m = if caps.name("thalf").is_some() {
            30
        } else if let Some(q) = str_of(caps, "tq") {
            15 * number(q)?
        } else {
            str_of(caps, "tmin").map_or(Some(0), number)?
        };
        (number(h)?, m, 0)
    } else {
        let h = number(str_of(caps, "ch")?)?;
        let m = number(str_of(caps, "cm")?)?;
        (h, m, str_of(caps, "cs").map_or(Some(0), number)?)
    };
    let h = match tod {
        Some("下午" | "傍晚" | "晚上" | "夜里" | "夜间" | "深夜") if h < 12 => h + 12,
        Some("中午") if h < 6 => h + 12,
        _ => h,
    };
    e.time = clock(h, m, s);
    e.time.map(|_| e)
}

pub(super) fn clock(h: i32, m: i32, s: i32) -> Option<Time> {
    if h == 24 && m == 0 && s == 0 {
        return Some(Time::MAX);
    }
    Time::new(
        i8::try_from(h).ok()?,
        i8::try_from(m).ok()?,
        i8::try_from(s).ok()?,
        0,
    )
    .ok()
}

pub(super) fn month(s: &str) -> Option<i32> {
    number(s).filter(|m| (1..=12).contains(m))
}

/// A day of the month; `初` opens the first ten of a lunar month (`初五`).
pub(super) fn day(s: &str) -> Option<i32> {
    number(s.trim_start_matches('初')).filter(|d| (1..=31).contains(d))
}

/// 1 (Monday) to 7 (Sunday), 8 for `末` (the weekend).
pub(super) fn weekday(s: &str) -> Option<i8> {
    Some(match s {
        "一" => 1,
        "二" => 2,
        "三" => 3,
        "四" => 4,
        "五" => 5,
        "六" => 6,
        "日" | "天" => 7,
        "末" => 8,
        _ => return None,
    })
}

/// The value of a date part written in any script: `2021`, `２０２１`,
/// `二〇二一` (digit by digit), `二十四`, `廿一`, `两`. `None` for anything else.
pub(super) fn number(s: &str) -> Option<i32> {
    let s = s.trim();
    if s.is_empty() {
        return None;
    }
    let digit = |c: char| -> Option<i32> {
        Some(match c {
            '0'..='9' => c as i32 - '0' as i32,
            '０'..='９' => c as i32 - '０' as i32,
            '〇' | '零' | '○' | 'Ｏ' => 0,
            '一' => 1,
            '二' | '两' => 2,
            '三' => 3,
            '四' => 4,
            '五' => 5,
            '六' => 6,
            '七' => 7,
            '八' => 8,
            '九' => 9,
            _ => return None,
        })
    };
    if s.chars().all(|c| digit(c).is_some()) {
        return s
            .chars()
            .try_fold(0i32, |acc, c| acc.checked_mul(10)?.checked_add(digit(c)?));
    }
    // Positional numerals below 100: [a]十[b], 廿[b], 卅[b].
    let mut chars = s.chars().peekable();
    let tens = match chars.next()? {
        '十' => 1,
        '廿' => 2,
        '卅' => 3,
        c => {
            if chars.next()? != '十' {
                return None;
            }
            digit(c)?
        }
    };
    let units = match chars.next() {
        None => 0,
        Some(c) => digit(c)?,
    };
    if chars.next().is_some() {
        return None;
    }
    Some(tens * 10 + units)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_numbers_in_every_script() {
        assert_eq!(number("2021"), Some(2021));
        assert_eq!(number("２０２１"), Some(2021));
        assert_eq!(number("二〇二一"), Some(2021));
        assert_eq!(number("二十四"), Some(24));
        assert_eq!(number("十"), Some(10));
        assert_eq!(number("十二"), Some(12));
        assert_eq!(number("廿一"), Some(21));
        assert_eq!(number("几"), None);
        assert_eq!(number("一百"), None);
    }
}
