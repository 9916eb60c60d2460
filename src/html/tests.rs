use super::extract;
use crate::span::Span;

#[test]
fn blocks_break_lines_and_inline_tags_do_not() {
    let page = "<div>首页 &gt; <a href='/x'>新闻</a></div><p>宝山<b>区</b>发布</p>\
                <ul><li>一</li><li>二</li></ul>第一行<br>第二行<br/><br>第三行";
    assert_eq!(
        extract(page).text,
        "首页 > 新闻\n\n宝山区发布\n\n一\n二\n\n第一行\n第二行\n\n第三行"
    );
}

#[test]
fn drops_scripts_styles_comments_and_collapses_space() {
    let page = "<!DOCTYPE html><style>p{}</style><!-- <p>注释</p> -->\
                <SCRIPT type=x>if (a</b) { document.write('</p>') }</Script >\
                <p>  园区\n   已入驻 </p>\n\n\n<p>&nbsp;&nbsp;企业</p>";
    assert_eq!(extract(page).text, "园区 已入驻\n\n企业");
}

#[test]
fn reads_meta_fields() {
    let page = r#"<META NAME="ArticleTitle" CONTENT="宝山区&quot;智慧湾&quot;">
        <meta name=ContentSource content=宝山区文化和旅游局>
        <meta property="og:title" content="智慧湾">
        <meta name="Author" content="  ">"#;
    let extracted = extract(page);
    assert_eq!(extracted.meta("articletitle"), Some("宝山区\"智慧湾\""));
    assert_eq!(extracted.meta("ContentSource"), Some("宝山区文化和旅游局"));
    assert_eq!(extracted.meta("og:title"), Some("智慧湾"));
    assert_eq!(extracted.meta("Author"), None);
    assert_eq!(extracted.text, "");
}

#[test]
fn maps_text_back_to_the_html() {
    let page = "<p>总产值&#x8fd1;300亿元</p>\n<p>入驻 420余家</p>";
    let extracted = extract(page);
    assert_eq!(extracted.text, "总产值近300亿元\n\n入驻 420余家");
    for (at, c) in extracted.text.char_indices() {
        let source = extracted.html_offset(at);
        match c {
            '近' => assert!(page[source..].starts_with("&#x8fd1;")),
            '\n' => assert!(page[source..].starts_with("</p>")),
            _ => assert!(page[source..].starts_with(c)),
        }
    }
    let figure = extracted.text.find("近300亿元").unwrap();
    let span = Span::new(figure, figure + "近300亿元".len());
    assert_eq!(&page[extracted.html_span(span).range()], "&#x8fd1;300亿元");
    assert_eq!(extracted.html_offset(extracted.text.len()), page.len() - 4);
}

#[test]
fn unclosed_markup_runs_to_the_end() {
    assert_eq!(extract("宝山<!-- 注释").text, "宝山");
    assert_eq!(extract("宝山<script>var x").text, "宝山");
    assert_eq!(extract("宝山<a href=\"x>区").text, "宝山");
    assert_eq!(
        extract("a < b & c <3 &#; &bogus; &#xZZ;").text,
        "a < b & c <3 &#; &bogus; &#xZZ;"
    );
    assert_eq!(extract("&#99999999999;&#0;&amp").text, "\u{fffd}\u{fffd}&");
}
