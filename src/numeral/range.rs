//! Ranges: two numbers joined by a separator (`5-8`, `三到五`, `5-8万`)
//! become one reading.

use super::lexicon::is_range_separator;
use super::{NumberKind, Reading, Script};

/// Joins `a-b` pairs into ranges; chains of three or more stay apart.
pub(super) fn join_ranges(text: &str, readings: Vec<Reading>) -> Vec<Reading> {
    let mut joined = Vec::with_capacity(readings.len());
    let mut i = 0;
    while i < readings.len() {
        let mut last = i;
        while last + 1 < readings.len() && separated(text, &readings[last], &readings[last + 1]) {
            last += 1;
        }
        if last == i + 1 {
            if let Some(range) = range_of(&readings[i], &readings[last]) {
                joined.push(range);
                i = last + 1;
                continue;
            }
        }
        joined.extend_from_slice(&readings[i..=last]);
        i = last + 1;
    }
    joined
}

/// A range separator between the two: one character (`-`, `至`), a doubled
/// dash (`--`, `——`), optionally after an inclusive mark (`1万(含)-5万`).
fn separated(text: &str, lower: &Reading, upper: &Reading) -> bool {
    let between = text.get(lower.end..upper.start).unwrap_or_default();
    let between = ["(含)", "（含）"]
        .iter()
        .find_map(|mark| between.strip_prefix(mark))
        .unwrap_or(between);
    let mut chars = between.chars();
    match (chars.next(), chars.next(), chars.next()) {
        (Some(c), None, _) => is_range_separator(c),
        (Some(a), Some(b), None) => a == b && matches!(a, '-' | '—' | '－' | '~' | '～'),
        _ => false,
    }
}

fn range_of(lower: &Reading, upper: &Reading) -> Option<Reading> {
    let hedged = |t: &Reading| t.value_max.is_some() || t.approx.is_some() || t.leading_zero;
    if hedged(lower) || hedged(upper) {
        return None;
    }
    let kind = match (lower.kind, upper.kind) {
        (a, b) if a == b && a != NumberKind::Fraction => a,
        (NumberKind::Plain, NumberKind::Percent | NumberKind::Permille) => upper.kind,
        _ => return None,
    };
    let mut low = lower.value;
    if lower.kind == NumberKind::Plain && lower.tail_exponents.1 == 0 {
        // 5-8万, 十八至三十万, 七千到九千亿: the upper bound's trailing 万 or
        // 亿 applies to both ends when that keeps them in order. A lone digit
        // takes any trailing unit (5-8千), a longer number only 万 and up.
        let (all, large) = upper.tail_exponents;
        let candidates = if lower.lone_coefficient {
            [all, large]
        } else {
            [large, large]
        };
        for exponent in candidates {
            let scaled = low * 10f64.powi(exponent as i32);
            if exponent > 0 && scaled <= upper.value {
                low = scaled;
                break;
            }
        }
    }
    if upper.value < low {
        return None;
    }
    let script = if lower.script == upper.script {
        lower.script
    } else {
        Script::Mixed
    };
    Some(Reading {
        end: upper.end,
        value: low,
        value_max: Some(upper.value),
        kind,
        script,
        tail_exponents: (0, 0),
        lone_coefficient: false,
        ..*lower
    })
}
