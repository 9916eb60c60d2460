//! The numeral scanner against the public test cases of cn2an and
//! Recognizers-Text (Chinese number model), read from `../shared/peer-cases/`.
//!
//! Cases outside a scanner's job are listed with a reason in
//! `tests/data/numeral_exclusions.tsv`; every other case runs, and at least
//! [`PASS_RATE`] of them must pass, per file and over all files.

mod common;

use common::peers;
use govnotice::numeral::{scan, Number, NumberKind};
use serde_json::Value;

/// The share of applicable cases that must pass.
const PASS_RATE: f64 = 0.98;

/// Values are compared with this relative tolerance: the peers print
/// fractions with 15 significant digits (`350.333333333333`).
const RELATIVE_TOLERANCE: f64 = 1e-9;

const FILES: &[&str] = &[
    "cn2an-cn2an.jsonl",
    "cn2an-transform.jsonl",
    "recognizers-text-number.jsonl",
];

#[test]
fn numeral_scanner_passes_peer_cases() {
    let exclusions = peers::exclusions("tests/data/numeral_exclusions.tsv", FILES);
    peers::run(FILES, &exclusions, PASS_RATE, |file, case| {
        if file == "cn2an-transform.jsonl" && case["method"] != "cn2an" {
            return None;
        }
        Some(match file {
            "cn2an-cn2an.jsonl" => check_cn2an(case),
            "cn2an-transform.jsonl" => check_transform(case),
            _ => check_recognizers(case),
        })
    });
}

fn close(actual: f64, expected: f64) -> bool {
    (actual - expected).abs() <= RELATIVE_TOLERANCE * expected.abs().max(1.0)
}

/// The one number covering the whole input, if the scanner read it as one.
fn whole<'a>(input: &str, numbers: &'a [Number]) -> Option<&'a Number> {
    match numbers {
        [number] if number.span.start == 0 && number.span.end == input.len() => Some(number),
        _ => None,
    }
}

/// cn2an: a value, a digit string (`direct` mode), or a refusal, which
/// passes when the scanner does not read the whole input as one number.
fn check_cn2an(case: &Value) -> Result<(), String> {
    let input = case["input"].as_str().expect("cn2an inputs are strings");
    let numbers = scan(input);
    let found = whole(input, &numbers);
    let expected = &case["expected"];
    if expected.get("error").is_some() {
        return match found {
            Some(number) => Err(format!("read as {}", number.value)),
            None => Ok(()),
        };
    }
    let number = found.ok_or_else(|| format!("not one number: {numbers:?}"))?;
    if let Some(digits) = expected.as_str() {
        let written = digit_string(number);
        return (written == digits).then_some(()).ok_or(written);
    }
    let value = expected.as_f64().expect("a number");
    close(number.value, value)
        .then_some(())
        .ok_or_else(|| format!("value {}", number.value))
}

/// The number as a digit string that keeps leading and trailing zeros.
fn digit_string(number: &Number) -> String {
    let sign = if number.value.is_sign_negative() {
        "-"
    } else {
        ""
    };
    let magnitude = number.value.abs();
    let width = number.digits as usize;
    let mut written = format!("{sign}{:0width$}", magnitude.trunc() as u64);
    if number.decimals > 0 {
        let fixed = format!("{magnitude:.*}", number.decimals as usize);
        written.push_str(&fixed[fixed.find('.').unwrap_or(fixed.len())..]);
    }
    written
}

/// The value as cn2an prints it: integers without a point.
fn plain(value: f64) -> String {
    if value.fract() == 0.0 && value.abs() < 1e15 {
        format!("{}", value as i64)
    } else {
        format!("{value}")
    }
}

/// cn2an's transform: each number in the sentence replaced by its value.
/// In `direct` mode only numbers written digit by digit are replaced.
fn check_transform(case: &Value) -> Result<(), String> {
    let input = case["input"]
        .as_str()
        .expect("transform inputs are strings");
    let direct = case["options"]["direct"] == true;
    let mut output = String::new();
    let mut at = 0;
    for number in scan(input) {
        if direct && number.digits == 0 {
            continue;
        }
        output.push_str(&input[at..number.span.start]);
        output.push_str(&match number.kind {
            _ if direct => digit_string(&number),
            NumberKind::Percent => format!("{}%", plain(number.value)),
            NumberKind::Fraction => fraction_parts(&number),
            _ => plain(number.value),
        });
        at = number.span.end;
    }
    output.push_str(&input[at..]);
    let expected = case["expected"]
        .as_str()
        .expect("transform outputs are strings");
    (output == expected).then_some(()).ok_or(output)
}

/// `二分之一` as `1/2`: the numerator and denominator scanned on their own.
fn fraction_parts(number: &Number) -> String {
    let (denominator, numerator) = number.text.split_once("分之").expect("a Chinese fraction");
    let value = |part: &str| scan(part).first().map_or(f64::NAN, |n| n.value);
    format!("{}/{}", plain(value(numerator)), plain(value(denominator)))
}

/// Recognizers-Text: every expected number found with its span (inclusive
/// char offsets) and value, and nothing else found. A percentage is matched
/// when it contains the expected number (the number model reports the number
/// inside `百分之…`); other percentages are left to the peer's percent model.
fn check_recognizers(case: &Value) -> Result<(), String> {
    let input = case["input"].as_str().expect("spec inputs are strings");
    let numbers = scan(input);
    let char_index = |byte: usize| input[..byte].chars().count();
    let spans: Vec<(usize, usize)> = numbers
        .iter()
        .map(|n| (char_index(n.span.start), char_index(n.span.end)))
        .collect();
    let expected = case["expected"].as_array().expect("a list of results");
    let mut used = vec![false; numbers.len()];
    for item in expected {
        let start = item["Start"].as_u64().expect("Start") as usize;
        let end = item["End"].as_u64().expect("End") as usize + 1;
        let value: f64 = item["Resolution"]["value"]
            .as_str()
            .and_then(|v| v.parse().ok())
            .expect("a numeric value");
        let hit = numbers.iter().zip(&spans).position(|(number, &(s, e))| {
            let ratio = matches!(number.kind, NumberKind::Percent | NumberKind::Permille);
            let span_fits = (s, e) == (start, end) || ratio && s <= start && end <= e;
            span_fits && close(number.value, value)
        });
        match hit {
            Some(index) => used[index] = true,
            None => {
                return Err(format!(
                    "missing {} = {value}; found {numbers:?}",
                    item["Text"]
                ))
            }
        }
    }
    for (number, used) in numbers.iter().zip(used) {
        let ratio = matches!(number.kind, NumberKind::Percent | NumberKind::Permille);
        if !used && !ratio {
            return Err(format!("unexpected {} = {}", number.text, number.value));
        }
    }
    Ok(())
}
