//! False figures and places of the kinds seen on pages from every province,
//! each fixed as a class: numeral characters inside words, numbers a page
//! lost, county names read across a word boundary, names in traditional
//! characters, autonomous counties by their short form and level.

use govnotice::district::Level;
use govnotice::Notice;

fn parse(body: &str) -> Notice {
    govnotice::parse(&format!("标题\n\n{body}"))
}

fn figures(body: &str) -> Vec<String> {
    parse(body).metrics.iter().map(|m| m.text.clone()).collect()
}

fn counties(body: &str) -> Vec<String> {
    parse(body)
        .districts
        .iter()
        .filter(|m| m.level == Level::County && !m.code.is_empty())
        .map(|m| m.name.to_string())
        .collect()
}

#[test]
fn numeral_characters_inside_words_are_no_figures() {
    assert!(figures("企业生产汽车零部件和零件,发展零售业。").is_empty());
    assert!(figures("千万不要大意,一律按规定办理。").is_empty());
    // A zero with other digits, or written as a digit, still counts.
    assert_eq!(figures("共有一百零五家企业。"), ["一百零五家"]);
}

#[test]
fn a_unit_whose_number_was_lost_is_no_figure() {
    assert!(figures("项目总投资亿元,约亿元,达亿元。").is_empty());
    // A bare magnitude after a hedge it forms a phrase with still counts.
    assert_eq!(figures("近亿元资金,超万人参与。"), ["近亿元", "超万人"]);
}

#[test]
fn a_year_before_a_verb_is_no_figure() {
    assert!(figures("2020成为关键一年。").is_empty());
    // Tenths of a whole still count.
    assert_eq!(figures("产量增长了三成。"), ["三成"]);
}

#[test]
fn towns_that_open_with_a_number_are_places_not_figures() {
    let notice = parse("北京市朝阳区八里庄街道和河北省三河市的座谈会召开。");
    assert!(notice.metrics.is_empty());
    let names: Vec<&str> = notice.districts.iter().map(|m| &*m.name).collect();
    assert!(
        names.contains(&"八里庄街道") && names.contains(&"三河市"),
        "{names:?}"
    );
}

#[test]
fn a_county_of_one_character_is_not_read_across_a_word_boundary() {
    for body in [
        "该县被评为乡村振兴示范县。",
        "推进农业产业化和县域经济协调发展。",
        "县人社局和县职业中专学校参加。",
        "实施科教兴县战略。",
        "以《众媒时代县乡融媒的宣与传》为题。",
    ] {
        assert!(counties(body).is_empty(), "{body}: {:?}", counties(body));
    }
    // Standing as a place, it is one.
    assert_eq!(
        counties("沧州市青县、沧县和献县参加。"),
        ["青县", "沧县", "献县"]
    );
}

#[test]
fn words_that_contain_a_county_ending_are_no_counties() {
    assert!(counties("该县入选全国百强县,位列十强县(市)。").is_empty());
    let notice = parse("重庆两江新区和四川天府新区签约。");
    assert!(notice.districts.iter().all(|m| m.name != "新区"));
}

#[test]
fn names_in_traditional_characters_are_found() {
    let notice = parse("房山區佛子庄鄉舉辦文藝匯演,如東縣參加。");
    let names: Vec<&str> = notice.districts.iter().map(|m| &*m.name).collect();
    assert!(
        names.contains(&"房山区") && names.contains(&"如东县"),
        "{names:?}"
    );
    // Spans keep pointing at the text as written.
    let text = "标题\n\n房山區舉辦匯演。";
    let m = &govnotice::parse(text).districts[0];
    assert_eq!(&text[m.span.range()], "房山區");
    assert_eq!(m.text, "房山區");
}

#[test]
fn autonomous_counties_by_their_short_form_and_level() {
    assert_eq!(counties("互助县丹麻镇举行活动。"), ["互助土族自治县"]);
    assert_eq!(counties("在大通县调研。"), ["大通回族土族自治县"]);
}

#[test]
fn a_newspaper_named_after_a_city_is_an_organisation() {
    let notice = parse("据南京日报社记者报道,扬子晚报也参加。");
    assert!(notice
        .districts
        .iter()
        .filter(|m| m.name == "南京市")
        .all(|m| m.in_organization));
}

fn towns(body: &str) -> Vec<String> {
    parse(body)
        .districts
        .iter()
        .filter(|m| m.level == Level::Town && !m.code.is_empty())
        .map(|m| m.name.to_string())
        .collect()
}

#[test]
fn townships_with_only_their_city_or_province_named() {
    // A subdistrict by its 街 form, no other division so named, with only
    // its province-level city named.
    assert_eq!(
        towns("天津市第三批美丽社区揭晓,劝业场街新津社区上榜。"),
        ["劝业场街道"]
    );
    // A bare short form of two characters is no township without its
    // county (`家发` of `国家发展`).
    assert!(towns("安徽省推进国家发展战略。").is_empty());
}

#[test]
fn credit_lines_that_open_or_close_the_body_are_not_the_article() {
    let text = "园区开园\n\n园区正式开园,企业入驻。\n\n临报融媒记者 张庆华";
    let notice = govnotice::parse(text);
    let body = &text[notice.body_span.expect("a body").range()];
    assert_eq!(body, "园区正式开园,企业入驻。");
    assert!(notice
        .sources
        .iter()
        .any(|s| s.name == "张庆华" && s.role.as_str() == "author"));
    assert_eq!(
        notice.publisher.map(|p| p.name).as_deref(),
        Some("临报融媒")
    );
}
