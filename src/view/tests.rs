use crate::publisher::{Role, Source, SourceKind};
use crate::test_support::random_texts;
use crate::{Notice, Parser, Span};

const REPORT: &str = "上海市宝山区园区年报\n\n发布机构: 宝山区经济委员会 发布日期:2024-01-18\n\n\
    2023年，宝山区园区已入驻企业420余家，总产值近300亿元。\n\n（宝山区科委供稿）";

/// The marks of `html` as (kind, title, text inside), outermost first, and
/// whether every `<mark>` closes in order.
fn marks(html: &str) -> Vec<(String, String, String)> {
    let mut found = Vec::new();
    for (at, _) in html.match_indices("<mark ") {
        let attr = |name: &str| {
            let from =
                at + html[at..].find(&format!("{name}=\"")).expect("attribute") + name.len() + 2;
            let value = &html[from..from + html[from..].find('"').expect("closing quote")];
            html_escape::decode_html_entities(value).into_owned()
        };
        let open_end = at + html[at..].find('>').expect("tag end") + 1;
        // The text up to the matching `</mark>`, counting nested marks.
        let (mut depth, mut pos) = (1, open_end);
        while depth > 0 {
            let next_open = html[pos..].find("<mark ").map(|i| pos + i);
            let next_close = pos + html[pos..].find("</mark>").expect("every mark closes");
            match next_open {
                Some(open) if open < next_close => {
                    depth += 1;
                    pos = open + 1;
                }
                _ => {
                    depth -= 1;
                    pos = next_close + 1;
                }
            }
        }
        let inner = strip_tags(&html[open_end..pos - 1]);
        found.push((attr("data-kind"), attr("title"), inner));
    }
    found
}

/// The text of an HTML fragment: tags dropped, references decoded.
fn strip_tags(html: &str) -> String {
    let mut text = String::new();
    let mut rest = html;
    while let Some(open) = rest.find('<') {
        text.push_str(&rest[..open]);
        rest = &rest[open + rest[open..].find('>').expect("tag end") + 1..];
    }
    text.push_str(rest);
    html_escape::decode_html_entities(&text).into_owned()
}

/// The body `<div>` of the view: what follows the last opening tag of the
/// header.
fn body_of(html: &str) -> &str {
    let start = html.find("padding-top:.5em\">").expect("body div") + "padding-top:.5em\">".len();
    &html[start..html.rfind("</div>\n</div>").expect("body end")]
}

#[test]
fn every_kind_is_marked_with_its_value_and_its_own_text() {
    let notice = Parser::new().parse(REPORT);
    let html = notice.to_html(REPORT);
    let found = marks(&html);
    let of = |kind: &str, text: &str| {
        found
            .iter()
            .find(|(k, _, t)| k == kind && t == text)
            .map(|(_, title, _)| title.clone())
            .unwrap_or_else(|| panic!("no {kind} mark on {text} in {found:?}"))
    };
    assert_eq!(
        of("figure", "420余家"),
        "figure: 420 家, more than; of 企业; in 310113; 2023-01-01 – 2023-12-31 (year)"
    );
    assert_eq!(
        of("figure", "近300亿元"),
        "figure: 30000000000 CNY, nearly; of 总产值; in 310113; 2023-01-01 – 2023-12-31 (year)"
    );
    assert_eq!(of("date", "2023年"), "date: 2023-01-01 – 2023-12-31 (year)");
    assert_eq!(of("division", "宝山区"), "division: 宝山区 310113 (county)");
    assert_eq!(
        of("source", "宝山区科委"),
        "source: 宝山区科委 (agency, mentioned, 310113)"
    );
    assert!(
        html.contains("Issuer: <b>宝山区经济委员会</b> (agency)"),
        "{html}"
    );
    assert!(html.contains("Published: <b>2024-01-18</b><"), "{html}");
    assert!(html.contains(">上海市宝山区园区年报</div>"), "{html}");
    // The body without its marks is the body of the text, character for
    // character: the spans were taken as bytes, on the right characters.
    let body = notice.body_span.expect("a body");
    assert_eq!(strip_tags(body_of(&html)), &REPORT[body.range()]);
    // The header's fields are not part of the body.
    assert!(!strip_tags(body_of(&html)).contains("发布机构"));
}

#[test]
fn text_and_values_are_escaped() {
    let text = "<b>标题</b>\n\n宝山区园区已入驻企业420余家。<script>alert(\"x\")</script>&amp;";
    let mut notice = Parser::new().parse(text);
    let figure = notice.metrics[0].span;
    // A source whose name would end the attribute and open a tag if it were
    // written as it is.
    notice.sources.push(Source {
        text: "420余家".to_owned(),
        span: figure,
        name: "\"><script>x</script>".to_owned(),
        kind: SourceKind::Agency,
        role: Role::Source,
        district_code: None,
        full_name: None,
    });
    let html = notice.to_html(text);
    assert!(!html.contains("<script"), "{html}");
    assert!(!html.contains("<b>标题"), "{html}");
    assert!(
        html.contains("&lt;script&gt;alert(\"x\")&lt;/script&gt;&amp;amp;"),
        "{html}"
    );
    assert!(html.contains("&lt;b&gt;标题&lt;/b&gt;"), "{html}");
    assert!(
        html.contains(
            "title=\"source: &quot;&gt;&lt;script&gt;x&lt;/script&gt; (agency, source)\""
        ),
        "{html}"
    );
    let found = marks(&html);
    assert!(
        found.iter().any(|(kind, title, inner)| kind == "source"
            && title == "source: \"><script>x</script> (agency, source)"
            && inner == "420余家"),
        "{found:?}"
    );
}

/// A notice by hand over `text` with one source and one division per span.
fn notice_with(text: &str, sources: &[(usize, usize)], divisions: &[(usize, usize)]) -> Notice {
    let mut notice = Parser::new().parse("宝山区\n\n宝山区");
    let division = notice.districts[0].clone();
    notice.districts = divisions
        .iter()
        .map(|&(start, end)| {
            let mut d = division.clone();
            d.span = Span::new(start, end);
            d
        })
        .collect();
    notice.sources = sources
        .iter()
        .map(|&(start, end)| Source {
            text: text[start..end].to_owned(),
            span: Span::new(start, end),
            name: text[start..end].to_owned(),
            kind: SourceKind::Agency,
            role: Role::Mentioned,
            district_code: None,
            full_name: None,
        })
        .collect();
    notice.agencies.clear();
    notice.publisher = None;
    notice.body_span = Some(Span::new(0, text.len()));
    notice
}

#[test]
fn nested_mentions_nest_and_crossing_ones_are_left_out() {
    let text = "宝山区科委发布通知";
    // 宝山区科委 (0..15) holds 宝山区 (0..9); 科委发布 (9..21) crosses the
    // source's end and is dropped; 通知 (21..27) stands alone.
    let notice = notice_with(text, &[(0, 15), (21, 27)], &[(0, 9), (9, 21)]);
    let html = notice.to_html(text);
    let found = marks(&html);
    let kinds: Vec<(&str, &str)> = found
        .iter()
        .map(|(k, _, t)| (k.as_str(), t.as_str()))
        .collect();
    assert_eq!(
        kinds,
        [
            ("source", "宝山区科委"),
            ("division", "宝山区"),
            ("source", "通知")
        ]
    );
    assert!(html.contains("科委</mark>发布<mark"), "{html}");
    assert!(
        html.contains("division 1</span>"),
        "counts what was marked: {html}"
    );
    assert_eq!(strip_tags(body_of(&html)), text);
}

#[test]
fn the_same_span_twice_is_marked_once() {
    let text = "宝山区科委发布通知";
    let notice = notice_with(text, &[(0, 15), (0, 15)], &[]);
    let found = marks(&notice.to_html(text));
    assert_eq!(found.len(), 1, "{found:?}");
}

#[test]
fn spans_that_do_not_fit_the_text_are_not_marked() {
    let notice = Parser::new().parse(REPORT);
    // Another text: spans past its end or inside a character are skipped.
    for text in ["", "短", "宝山区园区已入驻企业420余家。"] {
        let html = notice.to_html(text);
        assert_eq!(strip_tags(body_of(&html)), text, "{html}");
    }
}

#[test]
fn random_texts_give_balanced_marks_over_the_text() {
    let pieces = [
        "上海市宝山区",
        "发布机构: 宝山区经济委员会\n",
        "2023年5月",
        "420余家",
        "近300亿元",
        "<i>",
        "\"",
        "&",
        "（宝山区科委供稿）",
        "\n\n",
        "同比增长12.5%",
        "普陀区",
        "来源：新华社\n",
        "。",
    ];
    for text in random_texts(&pieces, 300) {
        let notice = Parser::new().parse(&text);
        let html = notice.to_html(&text);
        assert_eq!(
            html.matches("<mark ").count(),
            html.matches("</mark>").count(),
            "{text:?}"
        );
        let shown = notice.body_span.unwrap_or(Span::new(0, text.len()));
        assert_eq!(strip_tags(body_of(&html)), &text[shown.range()], "{text:?}");
        marks(&html);
    }
}
