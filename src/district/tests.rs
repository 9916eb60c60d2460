use super::*;

fn decided(text: &str) -> Vec<(String, String)> {
    find(text)
        .into_iter()
        .map(|m| (m.text.into_owned(), m.code.into_owned()))
        .collect()
}

fn pairs(list: &[(&str, &str)]) -> Vec<(String, String)> {
    list.iter()
        .map(|(a, b)| ((*a).to_owned(), (*b).to_owned()))
        .collect()
}

#[test]
fn full_short_and_chained_forms() {
    assert_eq!(
        decided("上海市宝山区吴淞街道召开会议"),
        pairs(&[
            ("上海市", "310000"),
            ("宝山区", "310113"),
            ("吴淞街道", "310113007")
        ])
    );
    assert_eq!(
        decided("上海市普陀区、普陀、上海"),
        pairs(&[
            ("上海市", "310000"),
            ("普陀区", "310107"),
            ("普陀", "310107"),
            ("上海", "310000")
        ])
    );
    let town = &find("上海市普陀区桃浦镇")[2];
    assert_eq!(
        (town.level, town.parent_code.as_deref()),
        (Level::Town, Some("310107"))
    );
}

#[test]
fn enumerations_and_compounds() {
    let found = decided("南京、无锡、常州、苏州、南通、镇江与普陀区携手");
    let codes: Vec<&str> = found.iter().map(|p| p.1.as_str()).collect();
    assert_eq!(
        &codes[..6],
        ["320100", "320200", "320400", "320500", "320600", "321100"]
    );
    assert_eq!(
        decided("沪常两地合作"),
        pairs(&[("沪", "310000"), ("常", "320400")])
    );
    assert!(
        decided("长三角一体化").is_empty(),
        "a region, not a division"
    );
    assert!(
        decided("沪ICP备17032387号").is_empty(),
        "one character alone is never a mention"
    );
}

#[test]
fn shared_names_are_decided_or_left_open() {
    let alone = find("普陀区召开会议");
    assert!(alone[0].ambiguous && alone[0].code.is_empty());
    assert_eq!(alone[0].candidates, ["310107", "330903"]);
    // Another division in the same text decides it.
    let codes = decided("上海举行大会。宝山区代表发言。");
    assert_eq!(codes[1], ("宝山区".to_owned(), "310113".to_owned()));
    let codes = decided("舟山市召开会议,普陀区代表发言。");
    assert_eq!(codes[1].1, "330903");
    let codes = decided("黑龙江省双鸭山市宝山区");
    assert_eq!(codes[2].1, "230506");
    // The publisher's district, then the home region.
    let ctx = Context::new().with_publisher("310000");
    assert_eq!(find_with("宝山区召开会议", &ctx)[0].code, "310113");
    let ctx = Context::new().with_region("上海");
    assert_eq!(find_with("普陀区召开会议", &ctx)[0].code, "310107");
    let ctx = Context::new().with_region("舟山");
    assert_eq!(find_with("普陀区召开会议", &ctx)[0].code, "330903");
}

#[test]
fn traps_are_not_mentions() {
    assert!(decided("美国旧金山湾区").is_empty());
    assert!(decided("位于宝山路465号").is_empty());
    assert!(decided("沿闵行路、长宁路、金山路").is_empty());
    assert!(decided("南京东路步行街").is_empty());
    assert!(decided("普陀山风景区").is_empty());
    assert!(decided("金山软件发布新品").is_empty());
    assert!(decided("提升城区数字孪生能力").is_empty());
    assert!(decided("优质资源,比如人才").is_empty());
}

#[test]
fn organisations_are_flagged() {
    let found = find("上海交通大学与复旦大学金山研究院合作");
    let flags: Vec<(&str, bool)> = found
        .iter()
        .map(|m| (&*m.text, m.in_organization))
        .collect();
    assert_eq!(flags, [("上海", true), ("金山", true)]);
    assert_eq!(found[1].code, "310116");
    assert!(!find("金山区推出人才计划")[0].in_organization);
}

#[test]
fn towns_need_their_county() {
    assert!(decided("桃浦智创城").is_empty());
    assert!(decided("城关镇").is_empty());
    let found = decided("普陀区桃浦智创城和真如地区、长风地区");
    let codes: Vec<&str> = found.iter().map(|p| p.1.as_str()).collect();
    assert_eq!(codes, ["310107", "310107103", "310107022", "310107014"]);
    let ctx = Context::new().with_publisher("310113");
    assert_eq!(find_with("吴淞地区", &ctx)[0].code, "310113007");
}

#[test]
fn former_divisions_link_to_today() {
    for (text, code, now) in [
        ("闸北区", "310108", "310106"),
        ("卢湾区", "310103", "310101"),
        ("南汇区", "310119", "310115"),
        ("襄樊市", "420600", "420600"),
    ] {
        let m = &find(text)[0];
        assert!(m.former, "{text}");
        assert_eq!(
            (&*m.code, m.current_code.as_deref()),
            (code, Some(now)),
            "{text}"
        );
    }
    assert!(!find("静安区")[0].former);
}

#[test]
fn counts_and_primary() {
    let found = find("上海市普陀区桃浦镇。普陀区、长宁区。沪常两地。");
    let counts = counts(&found);
    assert_eq!(counts[0], ("310000".to_owned(), 2));
    assert_eq!(primary(&found, None).as_deref(), Some("310107"));
    assert_eq!(primary(&[], Some("310113")).as_deref(), Some("310113"));
    let tie = find("宝山区与普陀区");
    assert_eq!(primary(&tie, Some("310107")).as_deref(), Some("310107"));
}

#[test]
fn spans_point_into_the_text() {
    let text = "据上海市政府网站消息,普陀区桃浦镇";
    for m in find(text) {
        assert_eq!(&text[m.span.range()], m.text);
    }
}

#[test]
fn odd_input_does_not_panic() {
    for text in [
        "",
        "区",
        "上",
        "\u{0}上海\u{FFFD}",
        "上海市上海市上海市",
        "路路路",
        "、、、南京、",
        "\u{10FFFF}普陀",
    ] {
        let _ = find(text);
    }
    let long = "上海市宝山区吴淞街道".repeat(2000);
    assert_eq!(find(&long).len(), 6000);
}

#[test]
fn mentions_borrow_the_tables_and_read_back_owned() {
    let found = find("闸北区与普陀区");
    assert!(matches!(found[0].code, Cow::Borrowed("310108")));
    assert!(matches!(
        found[0].current_code,
        Some(Cow::Borrowed("310106"))
    ));
    // The text as written borrows the name or short form it matched.
    assert!(matches!(found[1].text, Cow::Borrowed("普陀区")));
    let short = find("上海宝山区");
    assert!(matches!(short[0].text, Cow::Borrowed("上海")));
    let alone = find("普陀区召开会议");
    assert!(matches!(alone[0].text, Cow::Borrowed("普陀区")));
    assert_eq!(alone[0].candidates.len(), 2);
    assert!(alone[0]
        .candidates
        .iter()
        .all(|c| matches!(c, Cow::Borrowed(_))));
    // Serde cannot hand out borrows of the tables: a record read back owns.
    let json = serde_json::to_string(&found).unwrap();
    let back: Vec<DistrictMention> = serde_json::from_str(&json).unwrap();
    assert_eq!(back, found);
    assert!(matches!(back[0].code, Cow::Owned(_)));
}
