//! The publisher parser on the Shanghai epidemic notices of 2022 (the
//! evaluation corpus beside the repository): the WeChat posts of the city's
//! information office and the health commission's pages.
//!
//! The corpus is not part of the repository: when it is absent the tests say
//! so and pass.

mod common;

use govnotice::publisher::{self, Role, SourceKind};
use serde_json::Value;

/// The corpus records, or `None` (with a note) when the corpus is absent.
fn records() -> Option<Vec<Value>> {
    common::shanghai_corpus("notices.jsonl")
}

fn is_wechat(record: &Value) -> bool {
    record["kind"]
        .as_str()
        .is_some_and(|k| k.starts_with("WeChat"))
}

fn text(record: &Value) -> &str {
    record["text"].as_str().expect("a text")
}

#[test]
fn wechat_posts_are_issued_by_their_account() {
    let Some(records) = records() else {
        return;
    };
    let posts: Vec<&Value> = records.iter().filter(|r| is_wechat(r)).collect();
    let mut passed = 0;
    for post in &posts {
        let credits = publisher::parse(text(post));
        let nickname = post["meta"]["nickname"].as_str().expect("a nickname");
        let ok = credits.publisher.as_ref().is_some_and(|p| {
            p.name == nickname && p.kind == SourceKind::WechatAccount && p.role == Role::Issuer
        });
        if ok {
            passed += 1;
        } else {
            println!("{}: {:?}", post["id"], credits.publisher);
        }
    }
    println!(
        "WeChat posts issued by their account: {passed}/{}",
        posts.len()
    );
    assert_eq!(posts.len(), 63);
    assert_eq!(passed, 63);
}

#[test]
fn health_commission_pages_credit_their_source() {
    let Some(records) = records() else {
        return;
    };
    let pages: Vec<&Value> = records.iter().filter(|r| !is_wechat(r)).collect();
    let mut named = 0;
    let mut passed = 0;
    for page in &pages {
        let text = text(page);
        // The source as the page writes it on its own line: `来源：上海发布`.
        let Some(expected) = text
            .lines()
            .find_map(|line| line.trim().strip_prefix("来源："))
            .map(str::trim)
        else {
            continue;
        };
        named += 1;
        let credits = publisher::parse(text);
        let ok = credits.sources.iter().any(|s| {
            s.name == expected && s.kind == SourceKind::WechatAccount && s.text.starts_with("来源")
        });
        if ok {
            passed += 1;
        } else {
            println!("{}: {:?}", page["id"], credits.sources);
        }
    }
    println!("health-commission pages crediting their source: {passed}/{named}");
    assert_eq!(named, 21);
    assert_eq!(passed, 21);
}

#[test]
fn no_page_invents_an_issuer() {
    let Some(records) = records() else {
        return;
    };
    // A health-commission page that names no source names no issuer either.
    let mut silent = 0;
    for page in records.iter().filter(|r| !is_wechat(r)) {
        let text = text(page);
        if text.contains("来源") {
            continue;
        }
        silent += 1;
        let credits = publisher::parse(text);
        assert_eq!(credits.publisher, None, "{}", page["id"]);
    }
    println!("health-commission pages without a named source: {silent}");
    assert_eq!(silent, 106);
}
