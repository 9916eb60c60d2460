//! The date cases of peer libraries' own tests (kept beside the repository in
//! `../shared/peer-cases`): JioNLP's time parser and Recognizers-Text's
//! Chinese date, date-period and holiday parsers and date-time model.
//!
//! JioNLP's date-level cases (time points and spans) run, all but those whose
//! input states no calendar day (a time of day alone), which are listed with
//! a reason in `tests/data/date_exclusions.tsv` with the Recognizers-Text
//! cases out of scope (clock times, periodic times, pure durations, era
//! names) or read by the peer another way (lunar dates as if Gregorian).
//! Case texts are read at test time and never copied here.

mod common;

use common::peers;
use govnotice::date::{parse, DateMention};
use jiff::civil::{Date, Time};
use jiff::ToSpan;
use serde_json::Value;

const JIONLP: &str = "jionlp-time-parser.jsonl";

const RECOGNIZERS: &[&str] = &[
    "recognizers-text-date-parser.jsonl",
    "recognizers-text-dateperiod-parser.jsonl",
    "recognizers-text-holiday-parser.jsonl",
    "recognizers-text-datetime-model.jsonl",
];

/// The excluded cases of both tests.
fn exclusions() -> peers::Exclusions {
    let files: Vec<&str> = RECOGNIZERS.iter().copied().chain([JIONLP]).collect();
    peers::exclusions("tests/data/date_exclusions.tsv", &files)
}

/// The base date of a case: an ISO date-time, or a partial object whose
/// missing parts are the first month or day.
fn base(case: &Value) -> Option<Date> {
    match &case["base_time"] {
        Value::String(s) if s != "now" => s.get(..10)?.parse().ok(),
        Value::Object(parts) => {
            let part = |k: &str, d: i64| parts.get(k).and_then(Value::as_i64).unwrap_or(d);
            Date::new(
                i16::try_from(part("year", 2000)).ok()?,
                i8::try_from(part("month", 1)).ok()?,
                i8::try_from(part("day", 1)).ok()?,
            )
            .ok()
        }
        _ => None,
    }
}

/// The whole interval the mentions cover: first start to last end.
fn cover(found: &[DateMention]) -> Option<(Option<Date>, Option<Date>)> {
    let first = found.first()?;
    let last = found.last()?;
    Some((first.start, last.end))
}

fn day_of(s: &str) -> Option<Date> {
    s.get(..10)?.parse().ok()
}

#[test]
fn jionlp_time_parser() {
    // The floor is what the parser reaches, to catch a regression: the
    // failures left are the peer's other conventions (an option to pick
    // the next occurrence, bases of a year or month read as that whole
    // unit, unmarked lunar days, counts it ends a day apart) and forms
    // not read (`第三天`, `今明两年`, `1994.01-19`).
    peers::run(&[JIONLP], &exclusions(), 0.86, |_, case| {
        // The date-level cases: time points and spans. Durations
        // (`time_delta`: `3天`) and periodic times (`time_period`: `每天`)
        // name no days.
        let kind = case["expected"]["type"].as_str();
        if !matches!(kind, Some("time_point" | "time_span")) {
            return None;
        }
        let input = case["input"].as_str().expect("input");
        let time = &case["expected"]["time"];
        let want = |i: usize| time[i].as_str().and_then(day_of);
        let found = parse(input, base(case));
        let mut got = cover(&found);
        // The peer ends `…16日24时` at `17日 00:00:00`; govnotice keeps the
        // 16th and marks its last second (`time_end` = 23:59:59.999…): the
        // same instant, so the peer's end day is read as ours plus one.
        let midnight = time[1].as_str().is_some_and(|s| s.ends_with("00:00:00"));
        let last_second = found.last().and_then(|m| m.time_end) == Some(Time::MAX);
        if let (true, true, Some((s, Some(e)))) = (midnight, last_second, got) {
            got = Some((s, e.checked_add(1.day()).ok()));
        }
        let want = (want(0), want(1));
        Some(if got == Some(want) {
            Ok(())
        } else {
            Err(format!("{got:?}, want {want:?}"))
        })
    });
}

/// The days a Recognizers-Text timex names on its own: `2018` a year,
/// `2018-03` a month, `2018-03-05` a day; `None` for any other form.
fn anchor(timex: &str) -> Option<(Date, Date)> {
    let parts: Vec<&str> = timex.split('-').collect();
    let num = |s: &str| s.parse::<i16>().ok();
    match parts.as_slice() {
        [y] if y.len() == 4 => {
            let first = Date::new(num(y)?, 1, 1).ok()?;
            Some((first, first.last_of_year()))
        }
        [y, m] if y.len() == 4 => {
            let first = Date::new(num(y)?, i8::try_from(num(m)?).ok()?, 1).ok()?;
            Some((first, first.last_of_month()))
        }
        [y, m, d] if y.len() == 4 => {
            let day = Date::new(
                num(y)?,
                i8::try_from(num(m)?).ok()?,
                i8::try_from(num(d)?).ok()?,
            )
            .ok()?;
            Some((day, day))
        }
        _ => None,
    }
}

/// The last day of the unit that starts on `end`, for a range timex such as
/// `(1995-01-01,1997-01-01,P2Y)`: Recognizers-Text puts the end of `A至B` at
/// the first day of `B`, where Chinese (and govnotice) include all of `B`.
fn last_named_unit(timex: &str, end: Date) -> Option<Date> {
    let duration = timex.strip_suffix(')')?.rsplit(',').next()?;
    match duration.chars().last()? {
        'Y' if end.day_of_year() == 1 => Some(end.last_of_year()),
        'M' if end.day() == 1 => Some(end.last_of_month()),
        _ => None,
    }
}

/// Whether a mention's days match one Recognizers-Text resolution. Each
/// reading of the peer's format is mapped here, once:
///
/// - `end` (`endDate`) is exclusive for periods and inclusive for stated
///   days: either matches our inclusive `end`.
/// - A range between two named units (`1995-1997年`, `三月到五月`) ends at
///   the first day of the last unit in the peer; we end at its last day.
/// - `Mod: before` / `after` exclude the anchor (`2018年以前` ends on
///   2017-12-31, `2018年之后` starts on 2019-01-01); govnotice's documented
///   reading of `前` / `之后` includes it. The anchor is the same period, so
///   the bound may sit at either edge of it.
/// - `not resolved` and the day `0001-01-01` mark a day that does not exist
///   (`2月30日`): our mention is then unresolved.
fn matches(m: &DateMention, resolution: &Value, timex: &str) -> bool {
    let unresolved = resolution["value"].as_str() == Some("not resolved")
        || ["date", "value"]
            .iter()
            .any(|k| resolution[*k].as_str() == Some("0001-01-01"));
    if unresolved {
        return m.start.is_none() && m.end.is_none() && !m.open_start && !m.open_end;
    }
    let get = |keys: [&str; 2]| {
        keys.iter()
            .find_map(|k| resolution[*k].as_str())
            .and_then(day_of)
    };
    if let Some(day) = get(["date", "value"]) {
        if resolution["start"].is_null() && resolution["end"].is_null() {
            return m.start == Some(day) && m.end == Some(day);
        }
    }
    let timex = resolution["timex"].as_str().unwrap_or(timex);
    let anchored = anchor(timex);
    let modifier = resolution["Mod"].as_str();
    let start = get(["startDate", "start"]);
    let end = get(["endDate", "end"]);
    let start_ok = m.start == start
        || start.is_none() && m.open_start
        || modifier == Some("after") && m.open_end && m.start == anchored.map(|a| a.0);
    let end_ok = match end {
        None => m.open_end,
        Some(e) => {
            m.end == Some(e)
                || m.end == e.checked_sub(1.day()).ok()
                || m.end.is_some() && m.end == last_named_unit(timex, e)
                || modifier == Some("before") && m.open_start && m.end == anchored.map(|a| a.1)
        }
    };
    start_ok && end_ok
}

#[test]
fn recognizers_text_chinese_dates() {
    peers::run(RECOGNIZERS, &exclusions(), 0.94, |file, case| {
        let model = file.contains("model");
        let input = case["input"].as_str().expect("input");
        let found = parse(input, base(case));
        let expected = case["expected"].as_array().expect("a list of results");
        let ok = expected.len() == found.len()
            && expected.iter().zip(&found).all(|(want, m)| {
                let resolutions: Vec<&Value> = if model {
                    want["Resolution"]["values"]
                        .as_array()
                        .map(|v| v.iter().collect())
                        .unwrap_or_default()
                } else {
                    vec![
                        &want["Value"]["FutureResolution"],
                        &want["Value"]["PastResolution"],
                    ]
                };
                let timex = want["Value"]["Timex"].as_str().unwrap_or_default();
                resolutions.iter().any(|r| matches(m, r, timex))
            });
        Some(if ok {
            Ok(())
        } else {
            let got: Vec<_> = found.iter().map(|m| (&m.text, m.start, m.end)).collect();
            Err(format!("{got:?}"))
        })
    });
}
