//! The district recognizer on the seed notices.

mod common;

use common::seed;
use govnotice::district::{self, DistrictMention};

fn dump(found: &[DistrictMention]) {
    for m in found {
        println!(
            "{:>6} {}\t{}\t{}\t{:?}{}{}{}",
            m.span.start,
            m.text,
            m.name,
            m.code,
            m.level,
            if m.ambiguous {
                format!(" AMBIGUOUS {:?}", m.candidates)
            } else {
                String::new()
            },
            if m.former { " former" } else { "" },
            if m.in_organization { " org" } else { "" },
        );
    }
}

fn has(found: &[DistrictMention], text: &str, code: &str) -> bool {
    found.iter().any(|m| m.text == text && m.code == code)
}

fn codes(found: &[DistrictMention]) -> Vec<&str> {
    found.iter().map(|m| &*m.code).collect()
}

/// No seed leaves a mention ambiguous, and none names a division outside the
/// ones listed.
fn only(found: &[DistrictMention], allowed: &[&str]) {
    for m in found {
        assert!(!m.ambiguous, "ambiguous: {m:?}");
        let code = m.current_code.as_deref().unwrap_or(&m.code);
        assert!(
            allowed.iter().any(|a| code.starts_with(a)),
            "unexpected mention {m:?}"
        );
    }
}

#[test]
fn seed_000_baoshan_is_shanghais() {
    let Some(text) = seed("000") else { return };
    let found = district::find(&text);
    dump(&found);
    assert!(has(&found, "宝山区", "310113"));
    assert!(has(&found, "宝山", "310113"));
    assert!(!codes(&found).contains(&"230506"));
    // 广西 only inside 广西师范大学出版社.
    only(&found, &["310000", "310113", "450000"]);
    assert!(found
        .iter()
        .filter(|m| m.code == "450000")
        .all(|m| m.in_organization));
}

#[test]
fn seed_001_jinshan_but_not_san_francisco() {
    let Some(text) = seed("001") else { return };
    let found = district::find(&text);
    dump(&found);
    assert!(has(&found, "金山区", "310116"));
    let sf = text.find("旧金山").expect("the seed mentions 旧金山");
    assert!(found
        .iter()
        .all(|m| !m.span.overlaps((sf..sf + "旧金山".len()).into())));
    only(&found, &["310000", "310116"]);
    // 上海交通大学, 复旦大学金山研究院.
    assert!(found.iter().any(|m| m.text == "上海" && m.in_organization));
    assert!(found.iter().any(|m| m.text == "金山" && m.in_organization));
}

#[test]
fn seed_002_putuo_and_its_towns() {
    let Some(text) = seed("002") else { return };
    let found = district::find(&text);
    dump(&found);
    assert!(has(&found, "普陀区", "310107"));
    assert!(has(&found, "桃浦", "310107103"));
    assert!(has(&found, "长风", "310107014"));
    assert!(!codes(&found).contains(&"330903"));
    only(&found, &["310000", "310107"]);
}

#[test]
fn seed_003_wusong_and_baoshan() {
    let Some(text) = seed("003") else { return };
    let found = district::find(&text);
    dump(&found);
    assert!(has(&found, "宝山", "310113"));
    assert!(has(&found, "宝山区", "310113"));
    assert!(has(&found, "吴淞", "310113007"));
    // The listing tag `[宝山]抚远路885弄` names the district; the road and the
    // lane after it are not divisions.
    let tag = text.find("[宝山]").expect("the seed has the listing tag") + 1;
    assert!(found
        .iter()
        .any(|m| m.span.start == tag && m.code == "310113"));
    let road = text.find("抚远路885弄").expect("the seed has the address");
    assert!(found
        .iter()
        .all(|m| m.span.start < road || m.span.start >= road + "抚远路885弄".len()));
    // 北京北大科技园有限公司; 浦东、青浦 in a related-article title.
    only(&found, &["310000", "310113", "310115", "310118", "110000"]);
}

#[test]
fn seed_004_yangtze_delta_cities() {
    let Some(text) = seed("004") else { return };
    let found = district::find(&text);
    dump(&found);
    for (t, code) in [
        ("普陀区", "310107"),
        ("江苏", "320000"),
        ("浙江", "330000"),
        ("安徽", "340000"),
        ("南京", "320100"),
        ("无锡", "320200"),
        ("常州", "320400"),
        ("苏州", "320500"),
        ("南通", "320600"),
        ("镇江", "321100"),
        ("杭州", "330100"),
        ("桃浦", "310107103"),
        ("真如", "310107022"),
        ("沪", "310000"),
        ("常", "320400"),
    ] {
        assert!(has(&found, t, code), "{t} {code}");
    }
    assert!(!codes(&found).contains(&"330903"));
    assert!(found.iter().all(|m| m.text != "长三角"));
    // 无锡雪浪小镇: 雪浪 chained to 无锡 is its 雪浪街道.
    only(
        &found,
        &["310000", "310107", "32", "330000", "330100", "340000"],
    );
}

#[test]
fn seeds_primary_districts() {
    for (p, primary) in [
        ("000", "310113"),
        ("001", "310116"),
        ("002", "310107"),
        ("003", "310113"),
        ("004", "310107"),
    ] {
        let Some(text) = seed(p) else { return };
        let found = district::find(&text);
        assert_eq!(
            district::primary(&found, None).as_deref(),
            Some(primary),
            "seed {p}"
        );
    }
}
