//! The metric parser against the public test cases of Recognizers-Text
//! (Chinese currency and dimension models) and JioNLP (money parser and
//! extractor), read from `../shared/peer-cases/`.
//!
//! Cases outside the job of a parser for government notices are listed with a
//! reason in `tests/data/metric_exclusions.tsv`; every other case runs, and at
//! least [`PASS_RATE`] of them must pass, per file and over all files.
//!
//! Where the peers' conventions differ from ours the comparison maps them, as
//! documented at each check: values are compared in our canonical units, and
//! JioNLP's hedges (`blur`, `blur+`, `blur-`) map onto our qualifiers.

mod common;

use common::peers;
use govnotice::metric::{self, Metric, Qualifier};
use serde_json::Value;

/// The share of applicable cases that must pass.
const PASS_RATE: f64 = 0.95;

/// Values are compared with this relative tolerance: unit factors such as
/// the mu (666.67 m²) are not exact in binary.
const RELATIVE_TOLERANCE: f64 = 1e-6;

const FILES: &[&str] = &[
    "recognizers-text-currency.jsonl",
    "recognizers-text-dimension.jsonl",
    "jionlp-money-parser.jsonl",
    "jionlp-money-extractor.jsonl",
];

#[test]
fn metric_parser_passes_peer_cases() {
    let exclusions = peers::exclusions("tests/data/metric_exclusions.tsv", FILES);
    peers::run(FILES, &exclusions, PASS_RATE, |file, case| {
        let input = case["input"].as_str().expect("input is text");
        let found = metric::parse(input);
        Some(if file.starts_with("recognizers") {
            // Each Recognizers-Text model finds one kind of quantity.
            let money = file.contains("currency");
            let of_kind: Vec<Metric> = found
                .into_iter()
                .filter(|m| (m.quantity == "money") == money && is_dimension(m) != money)
                .collect();
            check_recognizers(input, &of_kind, &case["expected"])
        } else if file.ends_with("parser.jsonl") {
            check_money_parser(&found, &case["expected"])
        } else {
            check_money_extractor(input, &found, &case["expected"])
        })
    });
}

fn close(a: f64, b: f64) -> bool {
    (a - b).abs() <= RELATIVE_TOLERANCE * a.abs().max(b.abs()).max(1.0)
}

/// Char offset of a byte offset.
fn chars_before(text: &str, byte: usize) -> usize {
    text[..byte].chars().count()
}

/// Recognizers-Text units in our canonical unit: (canonical, factor).
fn recognizers_unit(resolution: &Value) -> Option<(&'static str, f64)> {
    if let Some(iso) = resolution["isoCurrency"].as_str() {
        return Some((
            match iso {
                "CNY" => "CNY",
                "USD" => "USD",
                "EUR" => "EUR",
                "HKD" => "HKD",
                "JPY" => "JPY",
                "TWD" => "TWD",
                "CHF" => "CHF",
                "NGN" => "NGN",
                _ => return None,
            },
            1.0,
        ));
    }
    Some(match resolution["unit"].as_str()? {
        "Mu" => ("m2", 2000.0 / 3.0),
        "Kilogram" => ("kg", 1.0),
        "Gram" => ("kg", 1e-3),
        "Microgram" => ("kg", 1e-9),
        "Ton" => ("kg", 1000.0),
        "Jin" => ("kg", 0.5),
        "Centimeter" => ("m", 0.01),
        "Meter" => ("m", 1.0),
        "Kilometer" => ("m", 1000.0),
        "Kilowatt" => ("W", 1000.0),
        "Megabyte" => ("B", 1e6),
        "Kilobyte" => ("B", 1e3),
        "Hertz" => ("Hz", 1.0),
        "Kilocalorie" => ("kcal", 1.0),
        "Bitcoin" => ("BTC", 1.0),
        "Kilobit" => ("bit", 1e3),
        "Megahertz" => ("Hz", 1e6),
        // `$20`: the model names no country; a dollar sign reads as USD here.
        "Dollar" => ("USD", 1.0),
        _ => return None,
    })
}

/// Quantities the dimension model covers: not money, counts or people.
fn is_dimension(metric: &Metric) -> bool {
    !matches!(
        &*metric.quantity,
        "money"
            | "count"
            | "people"
            | "visits"
            | "households"
            | "percent"
            | "permille"
            | "percentage_point"
            | "duration"
    )
}

/// Same figures, same text and char offsets, same value in our unit.
///
/// Recognizers-Text leaves hedges out of its spans (`超过250m` → `250m`); ours
/// keep them, so a hedged figure passes when its text ends with the peer's.
fn check_recognizers(input: &str, found: &[Metric], expected: &Value) -> Result<(), String> {
    let expected = expected.as_array().expect("a list of results");
    // Unit words alone (`人民币 美元`) have no value: not figures.
    let expected: Vec<&Value> = expected
        .iter()
        .filter(|e| !e["Resolution"]["value"].is_null())
        .collect();
    if found.len() != expected.len() {
        return Err(format!(
            "{} figures, expected {}: {found:?}",
            found.len(),
            expected.len()
        ));
    }
    for (metric, want) in found.iter().zip(expected) {
        let start = want["Start"].as_u64().unwrap() as usize;
        let end = want["End"].as_u64().unwrap() as usize + 1;
        let got = (
            chars_before(input, metric.span.start),
            chars_before(input, metric.span.end),
        );
        let hedged_same = metric.qualifier != Qualifier::Exact
            && got.1 == end
            && got.0 < start
            && metric
                .text
                .ends_with(want["Text"].as_str().unwrap_or_default());
        if got != (start, end) && !hedged_same {
            return Err(format!(
                "span {got:?}, expected {:?} ({:?})",
                (start, end),
                want["Text"]
            ));
        }
        let resolution = &want["Resolution"];
        let (unit, factor) = recognizers_unit(resolution).ok_or("unmapped unit")?;
        let value: f64 = resolution["value"].as_str().unwrap().parse().unwrap();
        if metric.unit != unit || !close(metric.value, value * factor) {
            return Err(format!(
                "{} {}, expected {} {unit}",
                metric.value,
                metric.unit,
                value * factor
            ));
        }
    }
    Ok(())
}

/// JioNLP currency names in ISO codes.
fn jionlp_currency(case: &str) -> Option<&'static str> {
    Some(match case {
        "元" => "CNY",
        "美元" => "USD",
        "港元" => "HKD",
        "日元" => "JPY",
        "欧元" => "EUR",
        "新台币" => "TWD",
        "泰铢" => "THB",
        "卢布" => "RUB",
        "澳元" => "AUD",
        "韩元" => "KRW",
        _ => return None,
    })
}

/// One money figure with JioNLP's value, currency and hedge.
///
/// JioNLP writes `3000多欧元` as the interval 3000–4000 (`blur`); we write it
/// as more than 3000. A `blur` interval therefore passes as our range with
/// both bounds, or as our more-than/about/at-least with its lower bound.
/// `blur+` is our more-than or at-least; `blur-` our less-than, nearly or
/// at-most; `blur` with one value our about.
fn check_money_parser(found: &[Metric], expected: &Value) -> Result<(), String> {
    let money: Vec<&Metric> = found.iter().filter(|m| m.quantity == "money").collect();
    let [metric] = money.as_slice() else {
        return Err(format!("{} money figures: {found:?}", money.len()));
    };
    let currency =
        jionlp_currency(expected["case"].as_str().unwrap()).ok_or("unmapped currency")?;
    if metric.unit != currency {
        return Err(format!("currency {}, expected {currency}", metric.unit));
    }
    let number = |v: &Value| v.as_str().unwrap().parse::<f64>().unwrap();
    let rounded = |v: f64| (v * 100.0).round() / 100.0;
    let definition = expected["definition"].as_str().unwrap();
    match &expected["num"] {
        Value::Array(bounds) => {
            let (low, high) = (number(&bounds[0]), number(&bounds[1]));
            let as_range = metric.qualifier == Qualifier::Range
                && close(rounded(metric.value), low)
                && metric
                    .value_max
                    .is_some_and(|max| close(rounded(max), high));
            let as_hedge = matches!(
                metric.qualifier,
                Qualifier::MoreThan | Qualifier::About | Qualifier::AtLeast
            ) && close(rounded(metric.value), low);
            if !(as_range || as_hedge) {
                return Err(format!(
                    "{:?} {} {:?}, expected {low}–{high}",
                    metric.qualifier, metric.value, metric.value_max
                ));
            }
        }
        single => {
            let want = number(single);
            if !close(rounded(metric.value), want) {
                return Err(format!("value {}, expected {want}", metric.value));
            }
            let ok = match definition {
                "accurate" => metric.qualifier == Qualifier::Exact,
                "blur" => metric.qualifier == Qualifier::About,
                "blur+" => matches!(metric.qualifier, Qualifier::MoreThan | Qualifier::AtLeast),
                "blur-" => matches!(
                    metric.qualifier,
                    Qualifier::LessThan | Qualifier::Nearly | Qualifier::AtMost
                ),
                other => return Err(format!("unknown definition {other}")),
            };
            if !ok {
                return Err(format!("qualifier {:?} for {definition}", metric.qualifier));
            }
        }
    }
    Ok(())
}

/// The money figures of a sentence, by text and char offsets.
fn check_money_extractor(input: &str, found: &[Metric], expected: &Value) -> Result<(), String> {
    let got: Vec<(String, usize, usize)> = found
        .iter()
        .filter(|m| m.quantity == "money")
        .map(|m| {
            (
                m.text.clone(),
                chars_before(input, m.span.start),
                chars_before(input, m.span.end),
            )
        })
        .collect();
    let want: Vec<(String, usize, usize)> = expected
        .as_array()
        .unwrap()
        .iter()
        .map(|e| {
            let offset = e["offset"].as_array().unwrap();
            (
                e["text"].as_str().unwrap().to_owned(),
                offset[0].as_u64().unwrap() as usize,
                offset[1].as_u64().unwrap() as usize,
            )
        })
        .collect();
    if got == want {
        Ok(())
    } else {
        Err(format!("{got:?}, expected {want:?}"))
    }
}
