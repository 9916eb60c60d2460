//! Publish dates of the Shanghai health-commission notices (the corpus beside
//! the repository): `published` must equal the page's `PubDate` meta field on
//! every one, and the `今早（23日）` and `0—24时` forms must resolve against it.
//! When `../shared/corpus` is absent the test says so and passes.

mod common;

use govnotice::date::{parse, published};
use govnotice::layout;
use jiff::civil::Date;

#[test]
fn health_commission_notices_publish_dates() {
    let Some(records) = common::shanghai_corpus("notices.jsonl") else {
        return;
    };
    let (mut total, mut right, mut morning) = (0, 0, 0);
    let mut wrong = Vec::new();
    for record in &records {
        // Health-commission pages carry the government-site meta tags; the
        // WeChat reposts carry `og:*` fields instead.
        let Some(pub_date) = record["meta"]["PubDate"].as_str() else {
            continue;
        };
        total += 1;
        let text = record["text"].as_str().expect("text");
        let expected: Date = pub_date.parse().expect("PubDate is a date");
        let found = published(text, &layout::parse(text));
        if found.as_ref().and_then(|m| m.start) == Some(expected) {
            right += 1;
        } else {
            wrong.push((record["id"].to_string(), found.map(|m| m.text)));
        }
        for m in parse(text, Some(expected)) {
            if m.text.starts_with("今早") {
                morning += 1;
                assert_eq!(m.start, Some(expected), "{}: {}", record["id"], m.text);
            }
            if m.text.contains("0—24时") {
                assert!(
                    m.start.is_some() && m.time_end.is_some(),
                    "{}: {}",
                    record["id"],
                    m.text
                );
            }
        }
    }
    println!("published = PubDate on {right}/{total}; 今早 forms checked: {morning}");
    assert_eq!(total, 127, "health-commission notices in the corpus");
    assert!(wrong.is_empty(), "wrong publish dates: {wrong:?}");
}
