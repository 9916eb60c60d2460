//! The serialized shape of a notice is the documented output contract.

use govnotice::date::Precision;
use govnotice::district::Level;
use govnotice::metric::Qualifier;
use govnotice::publisher::{Role, SourceKind};
use serde::Serialize;

fn keys(value: &serde_json::Value) -> Vec<&str> {
    let mut keys: Vec<&str> = value
        .as_object()
        .expect("an object")
        .keys()
        .map(String::as_str)
        .collect();
    keys.sort_unstable();
    keys
}

#[test]
fn notice_serializes_with_exactly_the_contract_names() {
    let notice = govnotice::parse("标题\n\n正文。");
    let value = serde_json::to_value(&notice).unwrap();
    assert_eq!(
        keys(&value),
        [
            "agencies",
            "body_span",
            "dates",
            "districts",
            "metrics",
            "published",
            "publisher",
            "sources",
            "title"
        ]
    );
    assert_eq!(value["title"], "标题");
    // Byte offsets: 标题 is six bytes, then two newlines.
    assert_eq!(value["body_span"], serde_json::json!([8, 17]));
    assert_eq!(value["publisher"], serde_json::Value::Null);
}

fn serialized<T: Serialize>(value: T) -> String {
    serde_json::to_value(value)
        .unwrap()
        .as_str()
        .unwrap()
        .to_owned()
}

#[test]
fn vocabulary_names_agree_with_serde() {
    for q in [
        Qualifier::Exact,
        Qualifier::About,
        Qualifier::MoreThan,
        Qualifier::AtLeast,
        Qualifier::Nearly,
        Qualifier::LessThan,
        Qualifier::AtMost,
        Qualifier::Range,
    ] {
        assert_eq!(serialized(q), q.as_str());
    }
    for p in [
        Precision::Day,
        Precision::Week,
        Precision::TenDays,
        Precision::Month,
        Precision::Quarter,
        Precision::Half,
        Precision::Year,
        Precision::Period,
    ] {
        assert_eq!(serialized(p), p.as_str());
    }
    for l in [Level::Province, Level::City, Level::County, Level::Town] {
        assert_eq!(serialized(l), l.as_str());
    }
    for k in [
        SourceKind::Agency,
        SourceKind::Media,
        SourceKind::Website,
        SourceKind::WechatAccount,
        SourceKind::Person,
    ] {
        assert_eq!(serialized(k), k.as_str());
    }
    for r in [
        Role::Issuer,
        Role::Source,
        Role::Author,
        Role::Editor,
        Role::Photo,
        Role::Layout,
        Role::Mentioned,
    ] {
        assert_eq!(serialized(r), r.as_str());
    }
    assert_eq!(serialized(Qualifier::MoreThan), "more_than");
}

#[test]
fn blank_text_gives_an_empty_notice() {
    for text in ["", " ", "\n\n\t", "\u{3000}\r\n"] {
        let notice = govnotice::parse(text);
        assert_eq!(notice, govnotice::Notice::default(), "{text:?}");
    }
}
