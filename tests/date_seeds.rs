//! Dates of the seed notices (beside the repository): every date a reader
//! would list, resolved. When `../shared/seeds` is absent the tests say so
//! and pass. Only short anchor strings are quoted here.

mod common;

use common::seed;
use govnotice::date::{parse, published, DateMention, Precision};
use govnotice::layout;
use jiff::civil::{date, Date};

/// The dates of a seed, resolved against `base` or its own publish date.
fn dates(text: &str, base: Option<Date>) -> (Option<DateMention>, Vec<DateMention>) {
    let publish = published(text, &layout::parse(text));
    let found = parse(text, base.or(publish.as_ref().and_then(|m| m.start)));
    (publish, found)
}

fn find<'a>(found: &'a [DateMention], text: &str) -> &'a DateMention {
    found
        .iter()
        .find(|m| m.text == text)
        .unwrap_or_else(|| panic!("no date {text:?} in {found:#?}"))
}

fn days(found: &[DateMention], text: &str) -> (Option<Date>, Option<Date>) {
    let m = find(found, text);
    (m.start, m.end)
}

#[test]
fn seed_000() {
    let Some(text) = seed("000") else { return };
    let (publish, found) = dates(&text, None);
    assert_eq!(publish.and_then(|m| m.start), Some(date(2021, 10, 24)));
    let recent = find(&found, "近日");
    assert!(recent.fuzzy && recent.relative);
    assert_eq!(recent.end, Some(date(2021, 10, 24)));
    assert_eq!(
        days(&found, "国庆长假"),
        (Some(date(2021, 10, 1)), Some(date(2021, 10, 7)))
    );
    assert!(
        found.iter().all(|m| !m.text.contains("10年")),
        "近10年 is a duration"
    );
}

#[test]
fn seed_001_has_no_dates() {
    let Some(text) = seed("001") else { return };
    let (publish, found) = dates(&text, None);
    assert_eq!(publish, None);
    // `Q1:` heads a question, not a quarter.
    assert!(found.is_empty(), "{found:#?}");
}

#[test]
fn seed_002() {
    let Some(text) = seed("002") else { return };
    let (publish, found) = dates(&text, Some(date(2024, 5, 20)));
    assert_eq!(publish, None);
    assert_eq!(
        days(&found, "5月15日"),
        (Some(date(2024, 5, 15)), Some(date(2024, 5, 15)))
    );
    assert_eq!(
        days(&found, "2020年12月"),
        (Some(date(2020, 12, 1)), Some(date(2020, 12, 31)))
    );
    assert_eq!(
        days(&found, "2022年底"),
        (Some(date(2022, 11, 1)), Some(date(2022, 12, 31)))
    );
    assert_eq!(
        days(&found, "2019年7月"),
        (Some(date(2019, 7, 1)), Some(date(2019, 7, 31)))
    );
    assert_eq!(
        days(&found, "2022年"),
        (Some(date(2022, 1, 1)), Some(date(2022, 12, 31)))
    );
    assert_eq!(
        days(&found, "2023年"),
        (Some(date(2023, 1, 1)), Some(date(2023, 12, 31)))
    );
    assert_eq!(
        days(&found, "去年"),
        (Some(date(2023, 1, 1)), Some(date(2023, 12, 31)))
    );
    assert!(find(&found, "去年").relative);
    let plan = find(&found, "“十四五”");
    assert_eq!(
        (plan.start, plan.end),
        (Some(date(2021, 1, 1)), Some(date(2025, 12, 31)))
    );
    assert_eq!(plan.precision, Precision::Period);
    assert!(
        found.iter().all(|m| !m.text.contains("两周")),
        "不到两周 is a duration"
    );
}

#[test]
fn seed_003() {
    let Some(text) = seed("003") else { return };
    let (publish, found) = dates(&text, None);
    let publish = publish.expect("the header stamp");
    assert_eq!(publish.text, "9个月前 (09-24)");
    assert_eq!(
        (publish.start, publish.month, publish.day),
        (None, Some(9), Some(24))
    );
    assert!(publish.relative);
    for text in ["今年2月", "4月", "6月", "上半年"] {
        let m = find(&found, text);
        assert!(m.relative && m.start.is_none(), "{text}");
    }
    assert_eq!(find(&found, "今年2月").month, Some(2));
    assert_eq!(find(&found, "上半年").precision, Precision::Half);
    assert_eq!(
        days(&found, "“十四五”时期"),
        (Some(date(2021, 1, 1)), Some(date(2025, 12, 31)))
    );
}

#[test]
fn seed_004() {
    let Some(text) = seed("004") else { return };
    let (publish, found) = dates(&text, Some(date(2024, 11, 1)));
    assert_eq!(publish, None);
    assert_eq!(
        days(&found, "今年6月"),
        (Some(date(2024, 6, 1)), Some(date(2024, 6, 30)))
    );
    assert_eq!(
        days(&found, "今年年底"),
        (Some(date(2024, 11, 1)), Some(date(2024, 12, 31)))
    );
    assert_eq!(
        days(&found, "“十五五”"),
        (Some(date(2026, 1, 1)), Some(date(2030, 12, 31)))
    );
    assert_eq!(
        days(&found, "2023年度"),
        (Some(date(2023, 1, 1)), Some(date(2023, 12, 31)))
    );
    assert_eq!(
        days(&found, "2024年"),
        (Some(date(2024, 1, 1)), Some(date(2024, 12, 31)))
    );
    assert!(
        found.iter().all(|m| !m.text.contains("三年")),
        "三年时间 is a duration"
    );
}
