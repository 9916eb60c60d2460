//! Layout of real scraped notices (the seed set beside the repository) and of
//! the sample notices in `examples/notices`.
//!
//! The seeds are not part of the repository: when `../shared/seeds` is absent
//! the seed tests say so and pass. Only short anchor strings are quoted here.

mod common;

use std::path::Path;

use common::seed;
use govnotice::layout::{self, BoilerplateKind, Layout};

fn sample(name: &str) -> String {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("examples/notices")
        .join(name);
    std::fs::read_to_string(path).expect("sample notice is UTF-8 text")
}

fn title(text: &str, layout: &Layout) -> String {
    let span = layout.title.expect("a title");
    text[span.range()].to_owned()
}

fn body<'t>(text: &'t str, layout: &Layout) -> &'t str {
    &text[layout.body.expect("a body").range()]
}

/// The value of every field with key `key`, in order.
fn field<'t>(text: &'t str, layout: &Layout, key: &str) -> Vec<&'t str> {
    layout
        .fields
        .iter()
        .filter(|f| &text[f.key.range()] == key)
        .map(|f| &text[f.value.range()])
        .collect()
}

fn kinds(layout: &Layout) -> Vec<BoilerplateKind> {
    layout
        .boilerplate
        .iter()
        .map(|region| region.kind)
        .collect()
}

/// The text of the first region of `kind`.
fn region<'t>(text: &'t str, layout: &Layout, kind: BoilerplateKind) -> &'t str {
    let region = layout
        .boilerplate
        .iter()
        .find(|region| region.kind == kind)
        .unwrap_or_else(|| panic!("a {kind:?} region"));
    &text[region.span.range()]
}

/// Checks what holds for every layout: spans trimmed and inside the text, the
/// body clear of every region but credits, regions in order.
fn check_invariants(text: &str, layout: &Layout) {
    let trimmed = |span: govnotice::Span| {
        let part = &text[span.range()];
        !part.is_empty() && part.trim() == part
    };
    let spans = layout
        .title
        .iter()
        .chain(&layout.body)
        .chain(&layout.preamble);
    for &span in spans {
        assert!(trimmed(span), "untrimmed {:?}", &text[span.range()]);
    }
    for f in &layout.fields {
        assert!(trimmed(f.key) && trimmed(f.value));
    }
    for pair in layout.boilerplate.windows(2) {
        assert!(pair[0].span.end <= pair[1].span.start);
    }
    if let Some(body) = layout.body {
        for region in &layout.boilerplate {
            assert!(trimmed(region.span));
            if region.kind != BoilerplateKind::Credit {
                assert!(
                    !body.contains(region.span),
                    "{:?} region inside the body: {:?}",
                    region.kind,
                    &text[region.span.range()]
                );
            }
        }
    }
}

#[test]
fn seed_000_site_notice_with_header_and_footer_fields() {
    let Some(text) = seed("000_") else { return };
    let layout = layout::parse(&text);
    check_invariants(&text, &layout);
    assert!(title(&text, &layout).starts_with("宝山区“智慧湾科创园”入选"));
    assert_eq!(field(&text, &layout, "发布机构"), ["宝山区文化和旅游局"]);
    assert_eq!(field(&text, &layout, "发布日期"), ["2021-10-24"]);
    assert_eq!(field(&text, &layout, "信息来源"), ["宝山区文化和旅游局"]);
    let body = body(&text, &layout);
    assert!(body.starts_with("宝山文旅又传佳音!"));
    assert!(body.ends_with("徜徉在幸福的笑容里。"));
    assert!(!body.contains("温馨提示") && !body.contains("ICP"));
    assert!(region(&text, &layout, BoilerplateKind::Advert).ends_with("微信号"));
    assert!(region(&text, &layout, BoilerplateKind::Notice).starts_with("温馨提示"));
    assert!(region(&text, &layout, BoilerplateKind::Copyright).contains("沪ICP备"));
}

#[test]
fn seed_001_page_meta_and_lead_label_are_not_body() {
    let Some(text) = seed("001_") else { return };
    let layout = layout::parse(&text);
    check_invariants(&text, &layout);
    // A colon in the headline is not a field.
    assert_eq!(
        title(&text, &layout),
        "上海湾区科创城:打造科技创新中心的新引擎"
    );
    assert!(layout.fields.is_empty());
    // The body starts after the generator's `吸引人的段落:` label.
    let body = body(&text, &layout);
    assert!(body.starts_with("上海,这座充满活力"));
    assert!(body.ends_with("做出更大贡献。"));
    assert!(region(&text, &layout, BoilerplateKind::PageMeta).starts_with("元描述"));
    assert!(region(&text, &layout, BoilerplateKind::Notice).contains("仅代表作者"));
}

#[test]
fn seed_002_newspaper_page_keeps_its_sidebars_and_credits_captions() {
    let Some(text) = seed("002_") else { return };
    let layout = layout::parse(&text);
    check_invariants(&text, &layout);
    // Blank lines before the headline; subtitle and byline stay out of the body.
    assert_eq!(title(&text, &layout), "第四届上海数字创新大会在普陀区举行");
    let preamble: Vec<&str> = layout.preamble.iter().map(|s| &text[s.range()]).collect();
    assert_eq!(
        preamble,
        ["搭建交流平台 探索城市数字化转型", "巨云鹏 丁婉星"]
    );
    // The page's sidebars by the same reporter are part of the body; the
    // captions, the layout credit and the picture labels are credits.
    let body = body(&text, &layout);
    assert!(body.starts_with("5月15日,第四届上海数字创新大会"));
    assert!(body.ends_with("累计授信金额约1.1亿元。"));
    assert!(body.contains("2023年园区实现总产值117亿元"));
    assert_eq!(field(&text, &layout, "版式设计"), ["汪哲平"]);
    let credits: Vec<&str> = layout
        .boilerplate
        .iter()
        .filter(|region| region.kind == BoilerplateKind::Credit)
        .map(|region| &text[region.span.range()])
        .collect();
    assert!(credits[0].starts_with("图①:") && credits[0].ends_with("版式设计:汪哲平"));
    assert!(credits.contains(&"本报记者 巨云鹏"));
    assert!(credits.last().is_some_and(|last| last.ends_with("图③")));
    assert!(kinds(&layout)
        .iter()
        .all(|&kind| kind == BoilerplateKind::Credit));
}

#[test]
fn seed_003_navigation_advert_and_related_articles_are_outside_the_body() {
    let Some(text) = seed("003_") else { return };
    let layout = layout::parse(&text);
    check_invariants(&text, &layout);
    assert!(title(&text, &layout).starts_with("宝山:作为“施工者”"));
    // The site's dateline line sits between title and body.
    assert_eq!(layout.preamble.len(), 1);
    let body_span = layout.body.expect("a body");
    let body = body(&text, &layout);
    assert!(body.starts_with("大调研正在进行中。"));
    assert!(body.ends_with("作出更大贡献!"));

    let crumb = &layout.boilerplate[0];
    assert_eq!(crumb.kind, BoilerplateKind::Breadcrumb);
    assert!(text[crumb.span.range()].starts_with("当前位置:首页 >"));
    assert!(crumb.span.end <= body_span.start);

    let advert = region(&text, &layout, BoilerplateKind::Advert);
    assert!(advert.starts_with("葛毅明微信号") && advert.contains("400 0123 021"));
    let related = region(&text, &layout, BoilerplateKind::Related);
    assert!(related.starts_with("“宝山:作为") && related.contains("” 的相关文章\n"));
    assert!(related.contains("2019年1月宝山在售楼盘报价"));
    for kind in [
        BoilerplateKind::Breadcrumb,
        BoilerplateKind::Advert,
        BoilerplateKind::Copyright,
        BoilerplateKind::Related,
    ] {
        assert!(kinds(&layout).contains(&kind), "{kind:?}");
    }
    let last = layout.boilerplate.last().expect("regions");
    assert_eq!(last.kind, BoilerplateKind::Related);
    assert_eq!(last.span.end, text.trim_end().len());
}

#[test]
fn seed_004_plain_article() {
    let Some(text) = seed("004_") else { return };
    let layout = layout::parse(&text);
    check_invariants(&text, &layout);
    assert!(title(&text, &layout).starts_with("深耕长三角一体化,普陀区"));
    let body = body(&text, &layout);
    assert!(body.starts_with("据上海市政府网站消息"));
    assert!(body.ends_with("成为上海城区转型升级的典范。"));
    assert!(layout.fields.is_empty() && layout.boilerplate.is_empty());
}

#[test]
fn sample_notices_have_title_fields_and_clean_body() {
    // (file, body start, body end, a field key and its value)
    let cases = [
        (
            "01_baoshan_park.txt",
            "1月18日,",
            "提供更多支撑。",
            ("发布机构", "上海市宝山区经济委员会"),
        ),
        (
            "02_putuo_elderly_care.txt",
            "为进一步满足",
            "居委全覆盖。",
            ("来源", "普陀区民政局"),
        ),
        (
            "03_zhoushan_putuo_fishery.txt",
            "本报讯",
            "约7.5亿元。",
            ("作者", "林海"),
        ),
        (
            "04_shangcai_wheat_harvest.txt",
            "驻马店讯",
            "13亿斤以上。",
            ("发布日期", "2024年6月12日"),
        ),
        (
            "05_jiading_metro_extension.txt",
            "日前",
            "超300亿元。",
            ("责任编辑", "周敏"),
        ),
        (
            "06_chaoyang_wechat_repost.txt",
            "近日",
            "150家左右参加。",
            ("审核", "刘琪"),
        ),
    ];
    for (name, start, end, (key, value)) in cases {
        let text = sample(name);
        let layout = layout::parse(&text);
        check_invariants(&text, &layout);
        assert!(layout.title.is_some(), "{name}");
        let body = body(&text, &layout);
        assert!(body.starts_with(start), "{name}: {body:.40}");
        assert!(body.ends_with(end), "{name}");
        assert_eq!(field(&text, &layout, key), [value], "{name}");
    }
}

#[test]
fn sample_notices_mark_their_boilerplate() {
    use BoilerplateKind::{Advert, Breadcrumb, Copyright, Credit, Notice, Related};
    let cases: [(&str, &[BoilerplateKind]); 6] = [
        ("01_baoshan_park.txt", &[Breadcrumb, Related, Copyright]),
        ("02_putuo_elderly_care.txt", &[Notice, Copyright]),
        (
            "03_zhoushan_putuo_fishery.txt",
            &[Credit, Related, Copyright],
        ),
        ("04_shangcai_wheat_harvest.txt", &[Copyright]),
        ("05_jiading_metro_extension.txt", &[Advert, Copyright]),
        ("06_chaoyang_wechat_repost.txt", &[Advert]),
    ];
    for (name, expected) in cases {
        let text = sample(name);
        assert_eq!(kinds(&layout::parse(&text)), expected, "{name}");
    }
}
