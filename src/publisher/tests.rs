//! Unit tests of the publisher parser on short texts of our own.

use super::*;

/// `name/kind/role` of every source.
fn sources(credits: &Credits) -> Vec<String> {
    credits
        .sources
        .iter()
        .map(|s| format!("{}/{}/{}", s.name, s.kind.as_str(), s.role.as_str()))
        .collect()
}

fn issuer(text: &str) -> Option<String> {
    parse(text).publisher.map(|p| p.name)
}

#[test]
fn every_field_form() {
    // A source named in a `来源` field is the issuer when nothing outranks it.
    for (text, name, role) in [
        (
            "标题\n发布机构: 宝山区文化和旅游局\n正文。",
            "宝山区文化和旅游局",
            Role::Issuer,
        ),
        (
            "标题\n发布单位：上海市宝山区人民政府\n正文。",
            "上海市宝山区人民政府",
            Role::Issuer,
        ),
        (
            "标题\n发文机关:上海市民政局\n正文。",
            "上海市民政局",
            Role::Issuer,
        ),
        (
            "标题\n发文单位 : 宝山区科委\n正文。",
            "宝山区科委",
            Role::Issuer,
        ),
        (
            "标题\n发布者：宝山区融媒体中心\n正文。",
            "宝山区融媒体中心",
            Role::Issuer,
        ),
        ("标题\n【来源:新华社】\n正文。", "新华社", Role::Issuer),
        ("标题\n来源：宝山区政府\n正文。", "宝山区政府", Role::Issuer),
        (
            "标题\n正文。\n信息来源: 宝山区文化和旅游局",
            "宝山区文化和旅游局",
            Role::Issuer,
        ),
        ("标题\n稿件来源：东方网\n正文。", "东方网", Role::Issuer),
        ("标题\n文章来源：上海发布\n正文。", "上海发布", Role::Issuer),
        ("标题\n作者：张伟\n正文。", "张伟", Role::Author),
        ("标题\n正文。\n编辑：林欣", "林欣", Role::Editor),
        ("标题\n正文。\n(责任编辑:王芳)", "王芳", Role::Editor),
        ("标题\n正文。\n供稿：区科委", "区科委", Role::Source),
        ("标题\n撰稿：李明\n正文。", "李明", Role::Author),
        ("标题\n摄影：陈刚\n正文。", "陈刚", Role::Photo),
        ("标题\n通讯员：赵丽\n正文。", "赵丽", Role::Author),
        ("标题\n记者：孙强\n正文。", "孙强", Role::Author),
    ] {
        let credits = parse(text);
        let found = credits.sources.iter().find(|s| s.name == name);
        assert!(
            found.is_some_and(|s| s.role == role),
            "{text:?}: {:?}",
            sources(&credits)
        );
    }
}

#[test]
fn several_fields_on_one_line() {
    let text =
        "标题\n\n来源：宝山区文化和旅游局 作者：张伟 | 编辑：李娜 发布日期:2021-10-24\n\n正文。";
    assert_eq!(
        sources(&parse(text)),
        [
            "宝山区文化和旅游局/agency/issuer",
            "张伟/person/author",
            "李娜/person/editor"
        ]
    );
}

#[test]
fn the_issuer_field_comes_first_and_is_also_a_source() {
    let text = "标题\n\n发布机构: 上海市宝山区文化和旅游局 发布日期:2021-10-24\n\n正文。\n\n信息来源: 东方网";
    let credits = parse(text);
    let issuer = credits.publisher.expect("an issuer");
    assert_eq!(issuer.name, "上海市宝山区文化和旅游局");
    assert_eq!(issuer.district_code.as_deref(), Some("310113"));
    assert_eq!(issuer.text, "发布机构: 上海市宝山区文化和旅游局");
    assert_eq!(&text[issuer.span.range()], issuer.text);
    assert_eq!(
        sources(&parse(text)),
        [
            "上海市宝山区文化和旅游局/agency/issuer",
            "东方网/media/source"
        ]
    );
}

#[test]
fn an_agency_source_outranks_a_medium() {
    let text = "标题\n来源：东方网\n正文。\n信息来源：上海市普陀区科委";
    assert_eq!(issuer(text).as_deref(), Some("上海市普陀区科委"));
    assert_eq!(
        issuer("标题\n来源：东方网\n正文。").as_deref(),
        Some("东方网")
    );
}

#[test]
fn bylines() {
    let credits = parse("标题\n记者 张伟 通讯员 李娜 王芳\n\n正文第一段。");
    assert_eq!(
        sources(&credits),
        [
            "张伟/person/author",
            "李娜/person/author",
            "王芳/person/author"
        ]
    );
    assert_eq!(credits.sources[0].text, "记者 张伟");
    let credits = parse("标题\n文/张伟 图/李娜\n\n正文第一段。");
    assert_eq!(
        sources(&credits),
        ["张伟/person/author", "李娜/person/photo"]
    );
    let credits = parse("标题\n本报记者 巨云鹏\n\n正文第一段。");
    assert_eq!(sources(&credits), ["巨云鹏/person/author"]);
    // A line of names under the title; a subtitle is no byline.
    let credits = parse("标题\n搭建交流平台 探索城市转型\n巨云鹏 丁婉星\n\n正文第一段。");
    assert_eq!(
        sources(&credits),
        ["巨云鹏/person/author", "丁婉星/person/author"]
    );
    assert_eq!(credits.publisher, None);
}

#[test]
fn photo_and_layout_credits() {
    let text = "标题\n\n正文第一段。\n\n图①:园区外景。以上图片均为上海市普陀区委宣传部提供\n\n版式设计:汪哲平\n\n第二段。";
    let credits = parse(text);
    assert_eq!(
        sources(&credits),
        ["上海市普陀区委宣传部/agency/photo", "汪哲平/person/layout"]
    );
    assert_eq!(credits.sources[0].district_code.as_deref(), Some("310107"));
    assert_eq!(credits.sources[0].text, "图片均为上海市普陀区委宣传部提供");
    let credits = parse("标题\n\n正文第一段。图片由宝山区融媒体中心提供。\n\n第二段。");
    assert_eq!(sources(&credits), ["宝山区融媒体中心/media/photo"]);
    let credits = parse("标题\n\n园区外景。(张伟 供图)\n\n第二段。");
    assert_eq!(sources(&credits), ["张伟/person/photo"]);
}

#[test]
fn lead_attributions_and_datelines() {
    let text = "标题\n\n据上海市政府网站消息,普陀区正在建设。\n\n第二段。";
    let credits = parse(text);
    let first = credits.publisher.expect("an issuer");
    assert_eq!(
        (first.name.as_str(), first.kind),
        ("上海市政府网站", SourceKind::Website)
    );
    assert_eq!(first.text, "据上海市政府网站消息");
    let text = "标题\n\n中国质量新闻网讯 5月5日,宝山区发布公示。\n\n第二段。";
    assert_eq!(issuer(text).as_deref(), Some("中国质量新闻网"));
    // `据` inside a sentence, or before no body, credits nothing.
    assert_eq!(
        issuer("标题\n\n园区表示,据了解消息很多。\n\n第二段。"),
        None
    );
    assert_eq!(issuer("标题\n\n会上,据张伟消息称。\n\n第二段。"), None);
}

#[test]
fn wechat_accounts() {
    let credits = parse(
        "园区入选示范基地\n上海发布\n市卫健委今早通报,新增病例。\n资料：市卫健委\n编辑：吴维嘉",
    );
    let issuer = credits.publisher.as_ref().expect("an issuer");
    assert_eq!(
        (issuer.name.as_str(), issuer.kind),
        ("上海发布", SourceKind::WechatAccount)
    );
    assert_eq!(issuer.district_code.as_deref(), Some("310000"));
    assert_eq!(
        sources(&credits),
        [
            "上海发布/wechat_account/issuer",
            "市卫健委/agency/source",
            "吴维嘉/person/editor"
        ]
    );
    // The account's district expands the short form.
    assert_eq!(
        credits.sources[1].full_name.as_deref(),
        Some("上海市卫健委")
    );
    assert_eq!(
        credits.agencies[0].full_name.as_deref(),
        Some("上海市卫健委")
    );

    let credits = parse("标题\n\n正文。\n\n更多相关信息请见“文旅宝山”微信号");
    assert_eq!(sources(&credits), ["文旅宝山/wechat_account/source"]);
    assert_eq!(credits.publisher, None);
}

#[test]
fn no_issuer_is_invented_from_the_body() {
    let text =
        "标题\n\n近日,中央宣传部、科技部会同相关部门发布名单。上海市宝山区人民政府表示支持。";
    let credits = parse(text);
    assert_eq!(credits.publisher, None);
    assert!(credits.sources.is_empty());
    let names: Vec<&str> = credits.agencies.iter().map(|a| a.name.as_str()).collect();
    assert_eq!(names, ["中央宣传部", "科技部", "上海市宝山区人民政府"]);
    assert!(credits.agencies.iter().all(|a| a.role == Role::Mentioned));
    assert_eq!(credits.agencies[2].district_code.as_deref(), Some("310113"));
}

#[test]
fn body_agencies() {
    let text = "标题\n\n这一中心由中国通信工业协会城乡数字化专业委员会设立。上海市普陀区举办大会,普陀区科委主任说,区科委牵头,相关部门配合,常州市签署协议。";
    let credits = parse_with(text, &layout::parse(text), Some("310107"));
    let names: Vec<(&str, Option<&str>, Option<&str>)> = credits
        .agencies
        .iter()
        .map(|a| {
            (
                a.name.as_str(),
                a.district_code.as_deref(),
                a.full_name.as_deref(),
            )
        })
        .collect();
    assert_eq!(
        names,
        [
            ("中国通信工业协会城乡数字化专业委员会", None, None),
            ("普陀区科委", Some("310107"), None),
            ("区科委", Some("310107"), Some("普陀区科委")),
        ]
    );
    // A direction and 部 is a part of a place, not a department.
    let text = "标题\n\n1月18日,宝山区召开北部产业园区年度工作推进会,区委宣传部参加。";
    let credits = parse_with(text, &layout::parse(text), Some("310113"));
    let names: Vec<&str> = credits.agencies.iter().map(|a| a.name.as_str()).collect();
    assert_eq!(names, ["区委宣传部"]);
}

#[test]
fn foreign_regions_credit_nothing() {
    let text =
        "标题\n\n正文第一段。\n\n“标题” 的相关文章\n\n中国质量新闻网讯 5月5日,宝山区发布公示。";
    let credits = parse(text);
    assert!(credits.sources.is_empty(), "{:?}", sources(&credits));
}

#[test]
fn never_panics_and_spans_sit_on_char_boundaries() {
    // Fragments that exercise every rule, glued in pseudo-random order.
    const PIECES: [&str; 18] = [
        "标题",
        "\n",
        "\n\n",
        "来源:",
        "【",
        "】",
        "据",
        "消息",
        "记者 ",
        "图片由",
        "提供",
        "“",
        "”微信号",
        "宝山区科委",
        "区",
        "网讯",
        "é",
        "。",
    ];
    for text in crate::test_support::random_texts(&PIECES, 2000) {
        let credits = parse(&text);
        for s in credits.sources.iter().chain(&credits.agencies) {
            assert_eq!(text.get(s.span.range()), Some(s.text.as_str()), "{text:?}");
        }
    }
}

#[test]
fn datelines_and_their_bylines() {
    let credits =
        parse("标题\n\n中国网北京11月27日电(记者 宋柏霖 通讯员 李娜)11月24日上午,活动举行。");
    assert_eq!(
        sources(&credits),
        [
            "中国网/media/issuer",
            "宋柏霖/person/author",
            "李娜/person/author"
        ]
    );
    // The page's own name is no source; a place is no medium.
    assert_eq!(issuer("标题\n\n本报讯(记者 张三)近日,园区开园。"), None);
    assert_eq!(issuer("标题\n\n金寨讯 3月3日,园区开园。"), None);
    // A medium of no known kind, apart from its sentence.
    assert_eq!(
        issuer("标题\n\n云上黄冈报道(记者 陈天明)11月9号,大赛举行。").as_deref(),
        Some("云上黄冈")
    );
    // A word that ends with the cue is no dateline.
    assert_eq!(issuer("焦点短讯!园区开园\n\n正文第一句。"), None);
    // A byline alone may open the paragraph; a bracketed year is no byline.
    let credits = parse("标题\n\n(记者 罗超 通讯员 王五)9月27日,区委召开常务会议。");
    assert_eq!(
        sources(&credits),
        ["罗超/person/author", "王五/person/author"]
    );
    let credits = parse("标题\n\n(记者:罗超)9月27日,区委召开常务会议。");
    assert_eq!(sources(&credits), ["罗超/person/author"]);
    assert!(parse("标题\n\n(2023年)区委召开常务会议。")
        .sources
        .is_empty());
}

#[test]
fn credits_that_close_the_article() {
    let credits = parse("标题\n\n园区开园,企业入驻。(李晨光、傅新春)");
    assert_eq!(
        sources(&credits),
        ["李晨光/person/author", "傅新春/person/author"]
    );
    // A body in a trailing credit names the issuer when nothing else does.
    let credits = parse("标题\n\n园区开园,企业入驻。(宝山区招商局 赵六)");
    assert_eq!(
        credits.publisher.map(|p| (p.name, p.kind)),
        Some(("宝山区招商局".to_owned(), SourceKind::Agency))
    );
    // An attribution in brackets.
    assert_eq!(
        issuer("标题\n\n园区开园。 (本文来自澎湃新闻,更多原创资讯请下载APP) |").as_deref(),
        Some("澎湃新闻")
    );
    // A sentence in brackets credits nothing.
    assert!(parse("标题\n\n园区开园。(以上数据来源于统计局)")
        .sources
        .is_empty());
    // Photographers at the end of captions, and 文/图 together.
    let credits =
        parse("标题\n\n活动现场。何鑫摄\n\n周口日报全媒体 记者李瑞才 文/图\n\n园区开园,企业入驻。");
    let found = sources(&credits);
    assert!(found.contains(&"何鑫/person/photo".to_owned()), "{found:?}");
    assert!(
        found.contains(&"李瑞才/person/author".to_owned()),
        "{found:?}"
    );
    assert!(
        found.contains(&"李瑞才/person/photo".to_owned()),
        "{found:?}"
    );
}

#[test]
fn words_of_the_page_are_no_names() {
    // A column's name in an author field, a site's words in a credit list.
    let credits = parse("标题\n来自:解放日报 作者:上海要闻 访问量:1138\n\n正文第一句。");
    assert!(credits.sources.iter().all(|s| s.role != Role::Author));
    assert_eq!(
        credits.publisher.map(|p| p.name).as_deref(),
        Some("解放日报")
    );
    // A division named as a source stands for its government.
    let credits = parse("标题\n发布日期:2022-04-15 信息来源:泽国镇 浏览次数:\n\n正文第一句。");
    let issuer = credits.publisher.expect("an issuer");
    assert_eq!(
        (issuer.name.as_str(), issuer.kind),
        ("泽国镇", SourceKind::Agency)
    );
}

#[test]
fn a_name_credited_twice_keeps_its_better_rank() {
    // The site's name on a header line, then as `来源`: the field's rank.
    let credits = parse("新华网 正文\n山东寿光:一棵菜兴一座城\n2019-05-11 17:38:46 来源: 新华网\n\n新华社济南5月11日电 题 山东寿光\n\n从空中俯瞰,大棚星罗棋布。");
    assert_eq!(credits.publisher.map(|p| p.name).as_deref(), Some("新华网"));
}

#[test]
fn the_verb_to_photograph_credits_no_one() {
    let credits = parse("标题\n\n活动1:送春联\n\n活动2:公益拍摄\n\n活动现场。何鑫摄");
    assert_eq!(sources(&credits), ["何鑫/person/photo"]);
}

#[test]
fn masthead_roles_are_editors() {
    let credits = parse("标题\n\n正文第一段。\n\n总监制:瞿欣含\n值班编委:田茂瑜 杨秀槐\n编辑:张璐");
    assert_eq!(
        sources(&credits),
        [
            "瞿欣含/person/editor",
            "田茂瑜/person/editor",
            "杨秀槐/person/editor",
            "张璐/person/editor"
        ]
    );
}

#[test]
fn an_attribution_after_the_body_names_the_issuer() {
    assert_eq!(
        issuer("标题\n\n汽车站更名。 (本文来自澎湃新闻,更多原创资讯请下载APP) |").as_deref(),
        Some("澎湃新闻")
    );
}
