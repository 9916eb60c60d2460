//! Districts in the 190 Shanghai notices of `../shared/corpus/`: the counties
//! each daily bulletin names agree with the per-district counts published
//! with the corpus, and road names (`宝山路`) never yield a district.

use std::collections::BTreeSet;
mod common;

use govnotice::district::Level;
use serde_json::Value;

fn corpus() -> Option<(Vec<Value>, Vec<Value>)> {
    Some((
        common::shanghai_corpus("notices.jsonl")?,
        common::shanghai_corpus("daily_counts_by_district.jsonl")?,
    ))
}

/// The code of a current Shanghai district by name.
fn shanghai_code(name: &str) -> String {
    govnotice::gazetteer::lookup(name)
        .into_iter()
        .find(|d| d.code().starts_with("31") && !d.is_former())
        .map(|d| d.code().to_owned())
        .unwrap_or_else(|| panic!("{name} is a Shanghai district"))
}

#[test]
fn bulletins_name_the_districts_the_counts_list() {
    let Some((notices, days)) = corpus() else {
        return;
    };
    let (mut checked, mut agree) = (0, 0);
    for day in &days {
        let date = day["report_day"].as_str().unwrap();
        let (month, dom): (u32, u32) = (date[5..7].parse().unwrap(), date[8..10].parse().unwrap());
        let label = format!("{month}月{dom}日");
        let Some(bulletin) = notices.iter().find(|n| {
            let title = n["title"].as_str().unwrap_or_default();
            title.starts_with(&label) && title.contains("各区")
        }) else {
            continue;
        };
        checked += 1;
        let notice = govnotice::parse(bulletin["text"].as_str().unwrap());
        let named: BTreeSet<String> = notice
            .districts
            .iter()
            .filter(|m| m.level == Level::County && m.code.starts_with("31") && !m.former)
            .map(|m| m.code.to_string())
            .collect();
        let districts = day["districts"].as_array().unwrap();
        let with_cases: BTreeSet<String> = districts
            .iter()
            .filter(|d| d["total"].as_u64().unwrap_or(0) > 0)
            .map(|d| shanghai_code(d["district_name"].as_str().unwrap()))
            .collect();
        let listed: BTreeSet<String> = districts
            .iter()
            .map(|d| shanghai_code(d["district_name"].as_str().unwrap()))
            .collect();
        // Every district with cases is named; nothing outside the day's list is.
        if with_cases.is_subset(&named) && named.is_subset(&listed) {
            agree += 1;
        } else {
            println!(
                "{date}: named but not listed {:?}, with cases but not named {:?}",
                named.difference(&listed).collect::<Vec<_>>(),
                with_cases.difference(&named).collect::<Vec<_>>()
            );
        }
    }
    println!("{agree}/{checked} days agree");
    assert!(checked >= 55, "only {checked} days have a bulletin");
    assert_eq!(agree, checked);
}

#[test]
fn road_names_never_yield_a_district() {
    let Some((notices, _)) = corpus() else { return };
    let mut roads = 0;
    for record in &notices {
        let text = record["text"].as_str().unwrap();
        roads += text.matches("宝山路").count();
        for mention in govnotice::district::find(text) {
            let after = &text[mention.span.end..];
            assert!(
                !(after.starts_with('路')
                    || after.starts_with("东路")
                    || after.starts_with("西路")),
                "{} before {:?}",
                mention.text,
                after.chars().take(4).collect::<String>()
            );
        }
    }
    assert!(roads > 0, "the corpus writes 宝山路");
}
