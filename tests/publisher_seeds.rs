//! The publisher parser on the seed notices beside the repository.
//!
//! The seeds are not part of the repository: when `../shared/seeds` is absent
//! the tests say so and pass. Only short anchor strings are quoted here.

mod common;

use govnotice::publisher::{self, Credits, Role, Source, SourceKind};

/// The credits of the seed whose file name starts with `prefix`, or `None`
/// (with a note) when the seed folder is absent.
fn seed(prefix: &str) -> Option<(String, Credits)> {
    let text = common::seed(prefix)?;
    let credits = publisher::parse(&text);
    for s in credits.sources.iter().chain(&credits.agencies) {
        assert_eq!(text[s.span.range()], s.text, "span of {s:?}");
        println!(
            "{} {} {} {:?} {:?}",
            s.role.as_str(),
            s.kind.as_str(),
            s.name,
            s.district_code,
            s.full_name
        );
    }
    Some((text, credits))
}

fn find<'c>(sources: &'c [Source], name: &str, role: Role) -> &'c Source {
    sources
        .iter()
        .find(|s| s.name == name && s.role == role)
        .unwrap_or_else(|| panic!("no {name} as {role:?} in {sources:#?}"))
}

#[test]
fn seed_000_is_issued_by_the_district_culture_bureau() {
    let Some((_, credits)) = seed("000") else {
        return;
    };
    let issuer = credits.publisher.as_ref().expect("an issuer");
    assert_eq!(issuer.name, "宝山区文化和旅游局");
    assert_eq!(issuer.kind, SourceKind::Agency);
    assert_eq!(issuer.role, Role::Issuer);
    assert_eq!(issuer.district_code.as_deref(), Some("310113"));
    let footer = find(&credits.sources, "宝山区文化和旅游局", Role::Source);
    assert_eq!(footer.district_code.as_deref(), Some("310113"));
    let account = find(&credits.sources, "文旅宝山", Role::Source);
    assert_eq!(account.kind, SourceKind::WechatAccount);
    let agencies: Vec<&str> = credits.agencies.iter().map(|a| a.name.as_str()).collect();
    assert!(
        agencies.starts_with(&["中央宣传部", "科技部"]),
        "{agencies:?}"
    );
}

#[test]
fn seed_001_names_no_issuer() {
    let Some((_, credits)) = seed("001") else {
        return;
    };
    assert_eq!(credits.publisher, None);
    assert!(credits.sources.is_empty(), "{:?}", credits.sources);
}

#[test]
fn seed_002_credits_reporters_photos_and_layout() {
    let Some((_, credits)) = seed("002") else {
        return;
    };
    assert_eq!(credits.publisher, None);
    for name in ["巨云鹏", "丁婉星"] {
        assert_eq!(
            find(&credits.sources, name, Role::Author).kind,
            SourceKind::Person
        );
    }
    let photo = find(&credits.sources, "上海市普陀区委宣传部", Role::Photo);
    assert_eq!(photo.kind, SourceKind::Agency);
    assert_eq!(photo.district_code.as_deref(), Some("310107"));
    assert_eq!(
        find(&credits.sources, "汪哲平", Role::Layout).kind,
        SourceKind::Person
    );
    let kejiwei = find(&credits.agencies, "普陀区科委", Role::Mentioned);
    assert_eq!(kejiwei.district_code.as_deref(), Some("310107"));
    find(
        &credits.agencies,
        "中国通信工业协会城乡数字化专业委员会",
        Role::Mentioned,
    );
}

#[test]
fn seed_003_names_no_issuer() {
    let Some((_, credits)) = seed("003") else {
        return;
    };
    assert_eq!(credits.publisher, None);
    // The related-articles list quotes other pages' credits.
    assert!(
        credits.sources.iter().all(|s| s.name != "中国质量新闻网"),
        "{:?}",
        credits.sources
    );
}

#[test]
fn seed_004_is_credited_to_the_city_website() {
    let Some((_, credits)) = seed("004") else {
        return;
    };
    let issuer = credits.publisher.as_ref().expect("an issuer");
    assert_eq!(issuer.name, "上海市政府网站");
    assert_eq!(issuer.kind, SourceKind::Website);
    assert_eq!(issuer.text, "据上海市政府网站消息");
    assert_eq!(issuer.district_code.as_deref(), Some("310000"));
}
