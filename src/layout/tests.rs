//! Tests of the layout: titles, header lines, bodies and boilerplate.

use super::*;

/// The texts of the title, the body and the fields (`key=value`).
fn read(text: &str) -> (Option<&str>, Option<&str>, Vec<String>) {
    let layout = parse(text);
    let at = |span: Span| &text[span.range()];
    let fields = layout
        .fields
        .iter()
        .map(|f| format!("{}={}", at(f.key), at(f.value)))
        .collect();
    (layout.title.map(at), layout.body.map(at), fields)
}

/// The header lines, fields, dates and sites of `text`, as text.
fn header_of(text: &str) -> (Vec<String>, Vec<&str>, Vec<&str>, Option<&str>) {
    let layout = parse(text);
    let at = |span: Span| &text[span.range()];
    let fields = layout
        .fields
        .iter()
        .map(|f| format!("{}={}", f.key_name(text), at(f.value)))
        .collect();
    let dates = layout.dates.iter().map(|&d| at(d)).collect();
    let sites = layout.sites.iter().map(|&s| at(s)).collect();
    (fields, dates, sites, layout.body.map(at))
}

#[test]
fn header_lines_in_any_order_and_mix() {
    // Date and time first, then fields and controls.
    let (fields, dates, _, body) = header_of(
        "园区签约\n2023-06-01 10:20:00 来源:宝山区人民政府 作者:区委宣传部 责任编辑:王某 字号:大 中 小\n正文第一句。",
    );
    assert_eq!(
        fields,
        [
            "来源=宝山区人民政府",
            "作者=区委宣传部",
            "责任编辑=王某",
            "字号=大 中 小"
        ]
    );
    assert_eq!(dates, ["2023-06-01 10:20:00"]);
    assert_eq!(body, Some("正文第一句。"));
    // A key glued to the value before it.
    let (fields, ..) = header_of("标题\n发布时间:2021-03-02 09:39:00来源: 宝山日报\n正文。");
    assert_eq!(fields, ["发布时间=2021-03-02 09:39:00", "来源=宝山日报"]);
    let (fields, ..) = header_of("标题\n来源:龙岗区委统战部发布时间:2024-05-06\n正文。");
    assert_eq!(fields, ["来源=龙岗区委统战部", "发布时间=2024-05-06"]);
    // Bracketed fields, one empty, and a control.
    let (fields, _, _, body) = header_of(
        "标题\n【编辑日期:2025-09-10 09:53】 【来源:宝山区委宣传部】 【作者:】 【关闭】\n正文。",
    );
    assert_eq!(fields, ["编辑日期=2025-09-10 09:53", "来源=宝山区委宣传部"]);
    assert_eq!(body, Some("正文。"));
}

#[test]
fn site_names_beside_dates() {
    let (fields, dates, sites, body) = header_of("标题\n宝山网  发布时间:2020-11-20 15:52\n正文。");
    assert_eq!(
        (fields, sites),
        (vec!["发布时间=2020-11-20 15:52".to_owned()], vec!["宝山网"])
    );
    assert!(dates.is_empty());
    assert_eq!(body, Some("正文。"));
    let (_, dates, sites, _) = header_of("标题\n第一财经|2022年09月29日\n正文。");
    assert_eq!((dates, sites), (vec!["2022年09月29日"], vec!["第一财经"]));
    let (_, dates, sites, _) = header_of("标题\n大众日报 2020-05-11\n正文。");
    assert_eq!((dates, sites), (vec!["2020-05-11"], vec!["大众日报"]));
    // A title that opens with a date is no header line.
    let (_, dates, _, _) = header_of("2021年10月24日宝山区召开会议\n正文。");
    assert!(dates.is_empty());
}

#[test]
fn counters_controls_and_disclosure_tables() {
    let (fields, _, _, body) =
        header_of("标题\n浏览次数:1234 阅读量: 【字体:大 中 小】 打印本页 关闭窗口\n正文。");
    assert_eq!(fields, ["浏览次数=1234", "字体=大 中 小"]);
    assert_eq!(body, Some("正文。"));
    let text = "标题\n索 引 号: | 11500101/2021-00012 | 发布机构: | 罗店镇 | 发布日期: | 2021-02-27 |\n标 题: | 罗店镇工作要点\n正文第一句。";
    let (fields, _, _, body) = header_of(text);
    assert_eq!(
        fields,
        [
            "索引号=11500101/2021-00012",
            "发布机构=罗店镇",
            "发布日期=2021-02-27",
            "标题=罗店镇工作要点"
        ]
    );
    assert_eq!(body, Some("正文第一句。"));
    // Cells without colons, and keys apart from their values.
    let (fields, ..) =
        header_of("标题\n索引号 | 0152-3/2024-00002 | 发布机构 | 腾冲市人民政府 |\n正文。");
    assert_eq!(
        fields,
        ["索引号=0152-3/2024-00002", "发布机构=腾冲市人民政府"]
    );
}

#[test]
fn header_keys_in_traditional_characters() {
    let (fields, dates, ..) = header_of("標題\n2012-04-18  來源:北京日報\n[字體: ]\n正文。");
    assert_eq!(fields, ["来源=北京日報"]);
    assert_eq!(dates, ["2012-04-18"]);
}

#[test]
fn empty_and_blank_text_give_an_empty_layout() {
    for text in ["", "   ", "\n\t\u{3000}\n", "\u{feff}\r\n\r\n"] {
        assert_eq!(parse(text), Layout::default(), "{text:?}");
    }
}

#[test]
fn several_fields_on_one_line() {
    let text = "园区入选示范基地\n\n发布机构: 宝山区文化和旅游局 发布日期:2021-10-24\n\n园区已入驻企业420余家。\n";
    let (title, body, fields) = read(text);
    assert_eq!(title, Some("园区入选示范基地"));
    assert_eq!(body, Some("园区已入驻企业420余家。"));
    assert_eq!(
        fields,
        ["发布机构=宝山区文化和旅游局", "发布日期=2021-10-24"]
    );
}

#[test]
fn full_width_colons_and_separators() {
    let text = "标题\n来源\u{ff1a}新华社 | 作者 \u{ff1a} 张三 | 浏览次数\u{ff1a}\n正文第一句。\n";
    let (_, body, fields) = read(text);
    // The view counter is filled in by script: its empty value is left out.
    assert_eq!(fields, ["来源=新华社", "作者=张三"]);
    assert_eq!(body, Some("正文第一句。"));
}

#[test]
fn bracketed_fields() {
    let text = "标题\n【来源】宝山区政府 【发布时间\u{ff1a}2024-06-03】【字号 大 中 小】\n正文。";
    let (_, _, fields) = read(text);
    assert_eq!(
        fields,
        ["来源=宝山区政府", "发布时间=2024-06-03", "字号=大 中 小"]
    );
}

#[test]
fn colons_in_running_text_are_not_fields() {
    let text = "标题\n\n会议指出:来源于群众的意见要认真办理。活动时间:5月15日。\n";
    assert!(parse(text).fields.is_empty());
    // A key glued to other text is that text's.
    let (_, _, fields) = read("标题\n\n美术编辑:张三\n\n正文。");
    assert!(fields.is_empty());
}

#[test]
fn no_title_when_the_text_opens_with_running_text() {
    let text = "近日,宝山区召开园区工作会议。\n\n会议强调要抓好项目落地。";
    let (title, body, _) = read(text);
    assert_eq!(title, None);
    assert_eq!(body, Some(text));
}

#[test]
fn a_lone_headline_has_no_body() {
    assert_eq!(
        read("  宝山区智慧湾入选示范基地 \n"),
        (Some("宝山区智慧湾入选示范基地"), None, vec![])
    );
}

#[test]
fn the_closing_signature_is_body_but_the_footer_is_not() {
    let text = "关于开展评选的通知\n\n各街镇:\n\n现将有关事项通知如下。\n\n上海市宝山区人民政府\n2024年5月15日\n\n版权所有 上海市宝山区人民政府";
    let layout = parse(text);
    let body = &text[layout.body.expect("a body").range()];
    assert!(body.starts_with("各街镇") && body.ends_with("2024年5月15日"));
    assert_eq!(layout.boilerplate.len(), 1);
    assert_eq!(layout.boilerplate[0].kind, BoilerplateKind::Copyright);
}

#[test]
fn boilerplate_between_paragraphs_does_not_end_the_body() {
    let text = "标题\n\n第一段。\n\n扫一扫关注我们\n\n第二段。\n\n上一篇:旧闻\n下一篇:新闻";
    let layout = parse(text);
    assert!(text[layout.body.expect("a body").range()].ends_with("第二段。"));
    let kinds: Vec<_> = layout.boilerplate.iter().map(|b| b.kind).collect();
    assert_eq!(kinds, [BoilerplateKind::Advert, BoilerplateKind::Related]);
}

#[test]
fn a_paragraph_quoting_a_footer_term_stays_body() {
    let long = "园区加强知识产权保护,".repeat(12);
    let text = format!("标题\n\n{long}明确版权所有人的权利。\n");
    let layout = parse(&text);
    assert!(layout.boilerplate.is_empty());
    assert!(text[layout.body.expect("a body").range()].ends_with("权利。"));
}

#[test]
fn preamble_lines_and_numbered_headings() {
    let text = "标题\n\n副标题 探索转型\n文/张三\n\n一、基本情况\n\n全区共有企业120家。";
    let layout = parse(text);
    assert_eq!(layout.preamble.len(), 2);
    assert!(text[layout.body.expect("a body").range()].starts_with("一、基本情况"));
    // A key and its value apart make a header line, not a preamble line.
    let (_, body, fields) = read("标题\n\n副标题 探索转型\n记者 张三\n\n全区共有企业120家。");
    assert_eq!(fields, ["记者=张三"]);
    assert_eq!(body, Some("全区共有企业120家。"));
    // Too many short lines before the running text: they are the body's own.
    let text = "标题\n甲项\n乙项\n丙项\n丁项\n戊项\n合计五项。";
    let layout = parse(text);
    assert!(layout.preamble.is_empty());
    assert!(text[layout.body.expect("a body").range()].starts_with("甲项"));
}

#[test]
fn breadcrumb_before_the_title() {
    let text = "宝山区人民政府\n您的位置\u{ff1a}首页 \u{ff1e} 新闻\n园区入选示范基地\n正文。";
    let layout = parse(text);
    assert_eq!(
        layout.title.map(|s| &text[s.range()]),
        Some("园区入选示范基地")
    );
    assert_eq!(layout.boilerplate[0].kind, BoilerplateKind::Breadcrumb);
}

#[test]
fn spans_point_into_crlf_text() {
    let text = "\u{feff}  标题\r\n\r\n发布日期:2024-01-02\r\n正文 3500万元。\r\n";
    let (title, body, fields) = read(text);
    assert_eq!((title, body), (Some("标题"), Some("正文 3500万元。")));
    assert_eq!(fields, ["发布日期=2024-01-02"]);
}

#[test]
fn never_panics_and_spans_sit_on_char_boundaries() {
    // Fragments that exercise every rule, glued in pseudo-random order.
    const PIECES: [&str; 16] = [
        "标题",
        "\n",
        "\n\n",
        "来源:",
        "【",
        "】",
        "\u{ff1a}",
        "图①",
        "扫一扫",
        "。",
        " ",
        "的相关文章",
        "导语:",
        "版权所有",
        "é",
        "\u{feff}",
    ];
    for text in crate::test_support::random_texts(&PIECES, 2000) {
        let layout = parse(&text);
        let spans = layout
            .title
            .iter()
            .chain(&layout.body)
            .chain(&layout.preamble)
            .copied()
            .chain(layout.fields.iter().flat_map(|f| [f.key, f.value]))
            .chain(layout.boilerplate.iter().map(|b| b.span));
        for span in spans {
            assert!(text.get(span.range()).is_some(), "{span:?} in {text:?}");
        }
    }
}

proptest::proptest! {
    /// The lines found by `memchr` are `split_inclusive`'s, at their
    /// offsets.
    #[test]
    fn raw_lines_are_split_inclusive(
        pieces in proptest::collection::vec(
            proptest::sample::select(vec!["\n", "\r\n", "\n\n", " ", "a", "。", "宝山"]),
            0..12,
        ),
    ) {
        let text = pieces.concat();
        let mut offset = 0;
        let expected: Vec<(usize, &str)> = text
            .split_inclusive('\n')
            .map(|line| {
                offset += line.len();
                (offset - line.len(), line)
            })
            .collect();
        proptest::prop_assert_eq!(raw_lines(&text).collect::<Vec<_>>(), expected);
    }
}

#[test]
fn disclosure_tables_one_cell_a_line() {
    let text = "罗店镇工作规则\n\n  • 索 引 号\n  • 11500101/2024-001005\n  • 发文机构:\n\n    罗店镇人民政府\n  • 主题分类:\n\n  • 发布日期:\n\n    2024年04月06日 16:40\n\n第一章 总则\n\n一、为规范工作,制定本规则。";
    let (fields, _, _, body) = header_of(text);
    assert_eq!(
        fields,
        [
            "索引号=11500101/2024-001005",
            "发文机构=罗店镇人民政府",
            "发布日期=2024年04月06日 16:40"
        ]
    );
    assert!(body.is_some_and(|b| b.starts_with("第一章")));
    // A key word alone on its line, without a bullet, is a heading.
    let (fields, ..) = header_of("标题\n来源\n正文第一句。");
    assert!(fields.is_empty());
}

#[test]
fn rows_of_cells_between_bars() {
    let (_, dates, sites, body) =
        header_of("标题\n更多 产业要闻 内容  |  2020-08-14  |  人民网  |   新闻爆料\n正文第一句。");
    assert_eq!((dates, sites), (vec!["2020-08-14"], vec!["人民网"]));
    assert_eq!(body, Some("正文第一句。"));
    // Loose words in more cells make a menu or a list, not a header line.
    let (_, dates, ..) = header_of("标题\n首页 | 要闻 | 2020-08-14 | 专题 | 直播\n正文第一句。");
    assert!(dates.is_empty());
}

#[test]
fn site_menus_above_the_article() {
    // A column of short lines naming parts of a site, then the headline
    // above its header line.
    let text = "首页\n新闻中心\n电视新闻\n融媒直播\n密云水库之恋\n2019-08-14 12:40\n“北京城里三杯水,一杯来自密云水库。”这句话流传甚广。";
    let layout = parse(text);
    assert_eq!(layout.title.map(|s| &text[s.range()]), Some("密云水库之恋"));
    assert!(text[layout.body.expect("a body").range()].starts_with("“北京城里"));
    // A bar of short items.
    let (title, ..) = read("首页 政务公开 政务服务 互动交流\n园区开园\n园区正式开园,企业入驻。");
    assert_eq!(title, Some("园区开园"));
    // Short lines of a body without a site's word are its list, not a menu.
    let text = "标题\n甲项\n乙项\n丙项\n丁项\n戊项\n合计五项。";
    assert!(parse(text).boilerplate.is_empty());
}

#[test]
fn what_closes_the_article() {
    // Related articles end it, even before a paragraph-like line.
    let text = "标题\n\n第一段。\n\n相关新闻\n\n另一篇新闻的导语。";
    let (_, body, _) = read(text);
    assert_eq!(body, Some("第一段。"));
    // A bracketed credit after the last sentence, and stray bars.
    let (_, body, _) = read("标题\n\n园区开园,企业入驻。(李晨光、傅新春)");
    assert_eq!(body, Some("园区开园,企业入驻。"));
    let (_, body, _) = read("标题\n\n园区开园,企业入驻。 |");
    assert_eq!(body, Some("园区开园,企业入驻。"));
    // A bracketed note inside a sentence stays.
    let (_, body, _) = read("标题\n\n试行办法(试行)");
    assert_eq!(body, Some("试行办法(试行)"));
    // Lines without a Chinese character close it only at its end.
    let (_, body, _) = read("标题\n\n园区开园,企业入驻。\n0477-8588371\n[1]");
    assert_eq!(body, Some("园区开园,企业入驻。"));
    let (_, body, _) = read("标题\n\n园区开园,企业入驻。\n4.5%\n增长率");
    assert_eq!(body, Some("园区开园,企业入驻。\n4.5%\n增长率"));
}

#[test]
fn a_short_line_heading_the_footer_is_not_body() {
    // A comment box, a site's name over its app links, the headline of the
    // next article: short lines right above a footer or header line.
    let text = "标题\n\n第一段。\n\n第二段,记者采访。\n参与评论\n您的观点仅代表您本人\n所有评论\n";
    let (_, body, _) = read(text);
    assert_eq!(body, Some("第一段。\n\n第二段,记者采访。"));
    let text = "标题\n\n第一段。\n\n新华报业网\nAndroid版\niPhone版";
    assert_eq!(read(text).1, Some("第一段。"));
    let text = "第一段。\n下一篇的标题\n发布时间:2016-10-13 21:30:49";
    assert_eq!(read(text).1, Some("第一段。"));
    // Items, a signature over its date and a line closing with a bracket stay.
    let text = "标题\n\n第一段。\n\n附件:\n1.项目名单\n2.资金安排\n\n扫一扫关注";
    assert!(read(text).1.unwrap().ends_with("2.资金安排"));
    let text =
        "标题\n\n各街镇:\n\n现通知如下。\n\n宝山区人民政府\n2024年5月15日\n\n版权所有 宝山区";
    assert!(read(text).1.unwrap().ends_with("2024年5月15日"));
}

#[test]
fn a_day_heading_a_chronicle_opens_the_body() {
    let text = "宝山大事记\n时间:2023-10-10 16:13  来源:宝山区档案馆\n\n9月1日:\n\n△全区项目建设调度会召开。\n\n9月2日:\n\n△园区开园。";
    let (title, body, _) = read(text);
    assert_eq!(title, Some("宝山大事记"));
    assert!(body.unwrap().starts_with("9月1日:"));
}

#[test]
fn a_byline_opening_a_paragraph_is_no_field() {
    let text =
        "区政府召开常务会议\n\n(记者:罗超)9月27日,区委副书记主持召开常务会议。\n\n会议强调。";
    let (_, body, fields) = read(text);
    assert!(body.unwrap().starts_with("(记者:罗超)9月27日"));
    assert!(fields.is_empty());
}

#[test]
fn a_site_name_beside_a_control_is_a_header_line() {
    let text = "新华网 正文\n山东寿光:一棵菜兴一座城\n2019-05-11 17:38:46 来源: 新华网\n\n从空中俯瞰,大棚星罗棋布。";
    let (title, body, _) = read(text);
    assert_eq!(title, Some("山东寿光:一棵菜兴一座城"));
    assert_eq!(body, Some("从空中俯瞰,大棚星罗棋布。"));
}

#[test]
fn a_summary_repeating_the_opening_is_not_the_body_start() {
    let text = "王强调研龙华区\n来源:龙华新闻\n\n3月24日下午,王强赴龙华区调研宣传工作。\n\n3月24日下午,王强赴龙华区调研宣传工作。王强强调,要打响品牌。\n\n随后,王强参观演播室。";
    let body = read(text).1.unwrap();
    assert!(body.starts_with("3月24日下午,王强赴龙华区调研宣传工作。王强强调"));
    // A short opening shared by two paragraphs is no summary.
    let text = "标题\n\n近日,园区开园。\n\n近日,园区开园。企业入驻。";
    assert_eq!(
        read(text).1,
        Some("近日,园区开园。\n\n近日,园区开园。企业入驻。")
    );
}

#[test]
fn a_clause_running_on_opens_the_body() {
    let text = "十八洞村:精准扶贫到农家\n来源:新华社 编辑:何冰\n时刻新闻\n—分享—\n\n提起湘西,\n\n你想到的是秀美的边城,\n\n还是吊脚楼里的苗族姑娘?";
    let (title, body, _) = read(text);
    assert_eq!(title, Some("十八洞村:精准扶贫到农家"));
    assert!(body.unwrap().starts_with("提起湘西,"));
}

#[test]
fn share_bars_with_controls_are_menus() {
    let text = "山东寿光:一棵菜兴一座城\n2019-05-11 17:38:46 来源: 新华网\n关注新华网\n微博\nQzone\n评论\n图集\n\n从空中俯瞰,大棚星罗棋布。";
    assert_eq!(read(text).1, Some("从空中俯瞰,大棚星罗棋布。"));
}

#[test]
fn previous_and_next_items_end_the_body() {
    let text = "标题\n\n第一段。\n\n第二段。\n上一条:前三季纺织服装产业新增就业9.71万人 下一条:夏粮收成较好种植结构调整 新疆农户倾向扩棉减麦\n【关闭窗口】";
    assert!(read(text).1.unwrap().ends_with("第二段。"));
}

#[test]
fn an_attribution_closing_the_last_line_is_not_body() {
    let text =
        "标题\n\n南平汽车站更名为延平汽车站。 (本文来自澎湃新闻,更多原创资讯请下载“澎湃新闻”APP) |";
    assert_eq!(read(text).1, Some("南平汽车站更名为延平汽车站。"));
    // A bracket of a sentence's own stays.
    let text = "标题\n\n项目总投资1.2亿元。(其中,财政资金3000万元)";
    assert!(read(text).1.unwrap().ends_with("3000万元)"));
}

#[test]
fn keys_with_blanks_inside_their_brackets() {
    let text = "万州区行动方案\n[ 索引号 ] 11500101008630031F/2023-00049\n[ 发布机构 ] 万州区政府办公室\n[ 有效性 ]\n\n各镇乡人民政府:\n\n现印发给你们。";
    let (_, body, fields) = read(text);
    assert_eq!(
        fields,
        [
            "索引号=11500101008630031F/2023-00049",
            "发布机构=万州区政府办公室"
        ]
    );
    assert!(body.unwrap().starts_with("各镇乡人民政府:"));
}

#[test]
fn photo_captions_above_the_body_are_credits() {
    let text = "冬季脐橙丰收上市\n2021-12-06 08:23:16 来源:新华社\n\n12月5日,村民在田间转运脐橙(无人机照片)。\n\n秭归县地处长江三峡西陵峡两岸。";
    assert_eq!(read(text).1, Some("秭归县地处长江三峡西陵峡两岸。"));
    let text = "海南岛 美丽资源转化为经济\n\n丹村。图/新华社\n村民住房。图╲新华社\n\n椰林掩映,黎风苗韵;乡村振兴。";
    let layout = parse(text);
    assert_eq!(
        &text[layout.body.unwrap().range()],
        "椰林掩映,黎风苗韵;乡村振兴。"
    );
    assert!(layout
        .boilerplate
        .iter()
        .all(|region| region.kind == BoilerplateKind::Credit));
}

#[test]
fn markup_lines_are_no_lines_of_the_page() {
    let text = "• \n    <strike id=\"qc0qw\"></strike>\n  • <strike id=\"qc0qw\"><menu id=\"qc0qw\"></menu></strike>\n特色农牧产业成为群众致富助推器\n发布时间:2020-05-26 10:16:00\n\n22日上午,林芝市特色产业新闻发布会召开。";
    let (title, body, _) = read(text);
    assert_eq!(title, Some("特色农牧产业成为群众致富助推器"));
    assert_eq!(body, Some("22日上午,林芝市特色产业新闻发布会召开。"));
}

#[test]
fn an_e_paper_stamp_under_the_article_is_a_header_line() {
    let text = "金东区签约32个项目\n\n本报金华10月2日电 开幕式上举行了重大项目签约仪式。\n\n当天下午还举办了人才联谊会。\n\n浙江日报 要闻 00002 金东区签约32个项目 2018-10-03 8405009 2 2018年10月03日 星期三";
    let layout = parse(text);
    assert!(text[layout.body.unwrap().range()].ends_with("人才联谊会。"));
    let dates: Vec<&str> = layout.dates.iter().map(|d| &text[d.range()]).collect();
    assert_eq!(dates, ["2018-10-03", "2018年10月03日 星期三"]);
    let sites: Vec<&str> = layout.sites.iter().map(|d| &text[d.range()]).collect();
    assert_eq!(sites, ["浙江日报"]);
    // With a sentence's comma in it, it is no stamp.
    let text = "标题\n\n浙江日报 要闻 金东区签约32个项目,总投资超182亿元 2018-10-03";
    assert!(parse(text).dates.is_empty());
}

#[test]
fn a_masthead_block_ends_the_article() {
    let text = "考察团来湄潭考察\n\n4月21日至22日,考察团来湄潭考察茶产业。\n\n考察团还就博览会筹备工作进行了沟通对接。\n总监制:瞿欣含\n总编辑:彭剑\n值班编委:田茂瑜 杨秀槐\n编辑:张璐\n湄潭开展应急演练今年首批获得“遵义红”品牌授权的茶企公布湄潭县关于安全生产的通告湄潭召开会议";
    assert!(read(text).1.unwrap().ends_with("进行了沟通对接。"));
    // A contact block of three lines between paragraphs is the body's.
    let text = "标题\n\n现将有关事项通知如下。\n联系人:张三\n电话:021-12345678\n地址:宝山区友谊路1号\n请各单位于5月底前报送材料。";
    assert!(read(text).1.unwrap().ends_with("报送材料。"));
}

#[test]
fn a_field_labelling_an_item_of_the_body_stays_in_it() {
    let text = "新春活动安排\n\n本报讯 全市将开展系列活动。\n\n活动1:送春联\n内容:书法家到部队送春联。\n时间:2月5日至9日\n\n活动2:送灯笼\n内容:为空巢老人送红灯笼。\n时间:2月11日至2月24日";
    assert!(read(text).1.unwrap().ends_with("时间:2月11日至2月24日"));
    // A field the body does not use is the page's.
    let text = "标题\n\n时间:2月5日至9日\n\n全市将开展系列活动。\n来源:宝山区文明办";
    assert!(read(text).1.unwrap().ends_with("系列活动。"));
}

#[test]
fn a_document_title_runs_long_and_is_printed_again_in_pieces() {
    let title = "宝山区人民政府 关于印发宝山区加快推动园区统筹发展带动长江口北翼协同发展行动方案 (2023—2027年)的通知";
    let text = format!(
        "{title}\n\n日期:2023-04-17 来源:宝山区政府办公室\n\n宝山区人民政府\n\n关于印发宝山区加快推动园区统筹\n\n发展带动长江口北翼协同发展行动方案\n\n(2023—2027年)的通知\n\n各镇人民政府,各街道办事处,区政府各部门\n\n现将《行动方案》印发给你们,请认真贯彻执行。"
    );
    let (found, body, _) = read(&text);
    assert_eq!(found, Some(title));
    assert!(
        body.is_some_and(|body| body.starts_with("各镇人民政府,")),
        "{body:?}"
    );
    // A paragraph as long, with its commas, is no title.
    let paragraph = "宝山区今年以来持续推动园区统筹发展,带动长江口北翼协同发展,全区规模以上工业总产值稳步增长并保持良好态势,为全年目标任务的完成打下坚实基础";
    let text = format!("{paragraph}\n来源:宝山区政府办公室\n正文。");
    assert_eq!(read(&text).0, None);
}

#[test]
fn a_caption_over_the_paragraph_a_dateline_opens_is_not_the_body() {
    let text = "芒果节开幕\n\n2018-07-30 11:36 来源:宝山日报\n\n游客在交易市场选购芒果。\n\n宝山日报讯(记者 张三)昨日,芒果文化活动月迎来最重要的一天。";
    let (_, body, _) = read(text);
    assert!(
        body.is_some_and(|body| body.starts_with("宝山日报讯")),
        "{body:?}"
    );
    // Two sentences above it are a paragraph of the body.
    let text =
        "芒果节开幕\n\n游客在交易市场选购芒果。价格平稳。\n\n宝山日报讯(记者 张三)昨日,活动开幕。";
    let (_, body, _) = read(text);
    assert!(
        body.is_some_and(|body| body.starts_with("游客")),
        "{body:?}"
    );
}

#[test]
fn a_repost_line_under_a_hosts_blurb_opens_the_article() {
    let text = "资讯订阅帮您及时获取感兴趣的内容。\n每天都有数以百万计的新闻资讯产生。\n本文转自:宝山日报\n宝山讯(张三)近日,园区迎来第一批企业。\n\n园区负责人说,今年还将引进十家企业。";
    let (_, body, fields) = read(text);
    assert!(
        body.is_some_and(|body| body.starts_with("宝山讯")),
        "{body:?}"
    );
    assert!(
        fields.contains(&"本文转自=宝山日报".to_string()),
        "{fields:?}"
    );
    // Under the article, the line closes it.
    let text = "园区开园\n\n第一段。\n\n第二段。\n\n第三段。\n\n第四段。\n\n转自:宝山日报\n\n宝山区融媒体中心采集";
    let (_, body, _) = read(text);
    assert!(
        body.is_some_and(|body| body.starts_with("第一段") && body.ends_with("第四段。")),
        "{body:?}"
    );
}

#[test]
fn a_photographers_credit_opening_a_caption_is_not_the_body() {
    let text = "园区新貌\n\n王五\n\n本报全媒体记者 张三 摄 2022年5月16日,园区沐浴在夕阳之下。完善的基础设施为园区发展奠定了基础。";
    let (_, body, _) = read(text);
    assert!(
        body.is_some_and(|body| body.starts_with("2022年5月16日,")),
        "{body:?}"
    );
}
