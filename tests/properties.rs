//! Properties every parser keeps on any text: spans lie on `char` boundaries
//! inside the text and slice to the mention's own text, values are finite,
//! ranges are ordered, and parsing is deterministic.
//!
//! Inputs are arbitrary strings, strings over a notice-like alphabet
//! (numerals, magnitudes, units, hedges, punctuation, division names) and
//! sample notices mutated by insertions, deletions and repeats.

use std::path::Path;
use std::sync::LazyLock;

use govnotice::{date, district, html, layout, metric, numeral, Notice, Span};
use proptest::prelude::*;

/// Cases per property: a few thousand in all, a few seconds in a debug build.
const CASES: u32 = 400;

/// Pieces notices are made of, and the ones that trip parsers up.
const ALPHABET: &[&str] = &[
    "0",
    "1",
    "2",
    "5",
    "9",
    "00",
    "2021",
    "3.5",
    ".",
    ",",
    "-",
    "~",
    "%",
    "％",
    "‰",
    "１",
    "２",
    "０",
    "．",
    "，",
    "一",
    "二",
    "两",
    "三",
    "十",
    "百",
    "千",
    "万",
    "亿",
    "萬",
    "億",
    "零",
    "〇",
    "壹",
    "佰",
    "兆",
    "点",
    "分之",
    "百分之",
    "千分之",
    "又",
    "余",
    "多",
    "几",
    "数",
    "来",
    "上",
    "近",
    "超",
    "约",
    "以上",
    "左右",
    "至少",
    "不到",
    "至",
    "到",
    "元",
    "万元",
    "亿元",
    "平方公里",
    "公里",
    "米",
    "亩",
    "家",
    "个",
    "人",
    "项",
    "场",
    "吨",
    "年",
    "月",
    "日",
    "号",
    "季度",
    "上半年",
    "年底",
    "今年",
    "去年",
    "近日",
    "个月前",
    "十四五",
    "第",
    "级",
    "同比增长",
    "下降",
    "企业",
    "投资",
    "产值",
    "上海市",
    "普陀区",
    "宝山区",
    "桃浦镇",
    "浙江省",
    "舟山市",
    "沪",
    "常州",
    "闸北区",
    "街道",
    "。",
    "；",
    "：",
    ":",
    "、",
    "（",
    "）",
    "(",
    ")",
    "《",
    "》",
    "“",
    "”",
    "【",
    "】",
    "\n",
    "\n\n",
    " ",
    "\u{3000}",
    "\t",
    "\r\n",
    "发布机构:",
    "来源：",
    "发布日期：",
    "当前位置：首页 > ",
    "版权所有",
    "责任编辑：",
    "http://",
    "www.",
    "@",
    "/",
    "a",
    "G",
    "$",
    "\u{0}",
    "\u{feff}",
    "\u{200b}",
    "😀",
    "\u{301}",
    "\u{fffd}",
];

/// Sample notices: the crate's examples and, when present beside the
/// repository, the shared seed notices.
static SAMPLES: LazyLock<Vec<String>> = LazyLock::new(|| {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut samples = Vec::new();
    for dir in [root.join("examples/notices"), root.join("../shared/seeds")] {
        let Ok(entries) = std::fs::read_dir(&dir) else {
            continue;
        };
        let mut paths: Vec<_> = entries.filter_map(|e| Some(e.ok()?.path())).collect();
        paths.sort();
        samples.extend(
            paths
                .iter()
                .filter(|p| p.extension().is_some_and(|e| e == "txt"))
                .filter_map(|p| std::fs::read_to_string(p).ok()),
        );
    }
    assert!(!samples.is_empty(), "no sample notices found");
    samples
});

/// A string of notice-like pieces.
fn notice_like() -> impl Strategy<Value = String> {
    prop::collection::vec(prop::sample::select(ALPHABET), 0..60).prop_map(|parts| parts.concat())
}

/// One edit of a text: where (as a fraction of its characters), what, and
/// how much.
#[derive(Clone, Debug)]
enum Edit {
    Insert(u16, String),
    Delete(u16, u8),
    Repeat(u16, u8, u8),
}

fn edit() -> impl Strategy<Value = Edit> {
    prop_oneof![
        (any::<u16>(), notice_like()).prop_map(|(at, s)| Edit::Insert(at, s)),
        (any::<u16>(), any::<u16>().prop_map(|s| s.to_string()))
            .prop_map(|(at, s)| Edit::Insert(at, s)),
        (any::<u16>(), ".{0,8}").prop_map(|(at, s)| Edit::Insert(at, s)),
        (any::<u16>(), any::<u8>()).prop_map(|(at, n)| Edit::Delete(at, n)),
        (any::<u16>(), any::<u8>(), 0..8u8).prop_map(|(at, n, times)| Edit::Repeat(at, n, times)),
    ]
}

/// A sample notice with a few edits applied.
fn mutated_sample() -> impl Strategy<Value = String> {
    (
        any::<prop::sample::Index>(),
        prop::collection::vec(edit(), 1..6),
    )
        .prop_map(|(which, edits)| {
            let mut text = which.get(&SAMPLES).clone();
            for edit in edits {
                apply(&mut text, &edit);
            }
            text
        })
}

/// The byte offset of the character `fraction` of the way through `text`.
fn boundary(text: &str, fraction: u16) -> usize {
    let chars = text.chars().count();
    let nth = chars * usize::from(fraction) / (usize::from(u16::MAX) + 1);
    text.char_indices()
        .nth(nth)
        .map_or(text.len(), |(at, _)| at)
}

/// The byte offset `chars` characters after `from`.
fn advance(text: &str, from: usize, chars: u8) -> usize {
    text[from..]
        .char_indices()
        .nth(usize::from(chars))
        .map_or(text.len(), |(at, _)| from + at)
}

fn apply(text: &mut String, edit: &Edit) {
    match *edit {
        Edit::Insert(at, ref s) => {
            let at = boundary(text, at);
            text.insert_str(at, s);
        }
        Edit::Delete(at, n) => {
            let start = boundary(text, at);
            let end = advance(text, start, n);
            text.replace_range(start..end, "");
        }
        Edit::Repeat(at, n, times) => {
            let start = boundary(text, at);
            let end = advance(text, start, n % 32);
            let piece = text[start..end].repeat(usize::from(times));
            text.insert_str(end, &piece);
        }
    }
}

/// Any text: arbitrary, notice-like, or a mutated sample.
fn any_text() -> impl Strategy<Value = String> {
    prop_oneof![any::<String>(), notice_like(), mutated_sample(),]
}

/// `span` lies on `char` boundaries inside `text`, and slices to `mention`
/// when the mention has a text of its own.
fn check_span(text: &str, span: Span, mention: Option<&str>) -> Result<(), TestCaseError> {
    prop_assert!(span.start <= span.end, "{span:?}");
    let sliced = text.get(span.range());
    prop_assert!(
        sliced.is_some(),
        "{span:?} is not inside the text on char boundaries"
    );
    if let Some(mention) = mention {
        prop_assert_eq!(sliced, Some(mention));
    }
    Ok(())
}

fn check_value(value: f64, max: Option<f64>) -> Result<(), TestCaseError> {
    prop_assert!(value.is_finite(), "{value}");
    if let Some(max) = max {
        prop_assert!(max.is_finite() && value <= max, "{value}..{max}");
    }
    Ok(())
}

fn check_notice(text: &str, notice: &Notice) -> Result<(), TestCaseError> {
    for m in &notice.metrics {
        check_span(text, m.span, Some(&m.text))?;
        check_value(m.value, m.value_max)?;
    }
    for d in &notice.districts {
        check_span(text, d.span, Some(&d.text))?;
    }
    for d in notice.dates.iter().chain(&notice.published) {
        check_span(text, d.span, Some(&d.text))?;
        if let (Some(start), Some(end)) = (d.start, d.end) {
            prop_assert!(start <= end, "{d:?}");
        }
    }
    for s in notice.sources.iter().chain(&notice.publisher) {
        check_span(text, s.span, Some(&s.text))?;
    }
    if let Some(body) = notice.body_span {
        check_span(text, body, None)?;
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(CASES))]

    #[test]
    fn notices_keep_their_invariants(text in any_text()) {
        let notice = govnotice::parse(&text);
        check_notice(&text, &notice)?;
        prop_assert_eq!(&notice, &govnotice::parse(&text));
    }

    #[test]
    fn numbers_keep_their_invariants(text in any_text()) {
        let numbers = numeral::scan(&text);
        for n in &numbers {
            check_span(&text, n.span, Some(&n.text))?;
            check_value(n.value, n.value_max)?;
        }
        prop_assert!(numbers.windows(2).all(|w| w[0].span.end <= w[1].span.start));
        prop_assert_eq!(numbers, numeral::scan(&text));
    }

    #[test]
    fn metrics_keep_their_invariants(text in any_text()) {
        let metrics = metric::parse(&text);
        for m in &metrics {
            check_span(&text, m.span, Some(&m.text))?;
            check_value(m.value, m.value_max)?;
        }
        prop_assert_eq!(metrics, metric::parse(&text));
    }

    #[test]
    fn districts_keep_their_invariants(text in any_text()) {
        let districts = district::find(&text);
        for d in &districts {
            check_span(&text, d.span, Some(&d.text))?;
        }
        prop_assert_eq!(districts, district::find(&text));
    }

    #[test]
    fn dates_keep_their_invariants(text in any_text()) {
        let dates = date::parse(&text, None);
        for d in &dates {
            check_span(&text, d.span, Some(&d.text))?;
            if let (Some(start), Some(end)) = (d.start, d.end) {
                prop_assert!(start <= end, "{d:?}");
            }
        }
        prop_assert_eq!(dates, date::parse(&text, None));
    }

    #[test]
    fn layouts_keep_their_invariants(text in any_text()) {
        let found = layout::parse(&text);
        let spans = found.title.iter()
            .chain(&found.body)
            .chain(&found.preamble)
            .chain(found.fields.iter().flat_map(|f| [&f.key, &f.value]))
            .chain(found.boilerplate.iter().map(|b| &b.span));
        for span in spans {
            check_span(&text, *span, None)?;
        }
        prop_assert_eq!(found, layout::parse(&text));
    }

    #[test]
    fn html_spans_map_inside_the_page(
        parts in prop::collection::vec(prop_oneof![
            notice_like(),
            prop::sample::select(&[
                "<p>", "</p>", "<br>", "<div class=\"a\">", "</div>", "<!--", "-->", "<script>",
                "</script>", "&nbsp;", "&amp;", "&#x4e2d;", "&#20013;", "&", "<", ">", "'", "\"",
                "<meta name=\"PubDate\" content=\"2024-05-20\">", "<title>", "</title>",
            ][..]).prop_map(str::to_owned),
        ], 0..40)
    ) {
        let page = parts.concat();
        let parsed = govnotice::parse_html(&page);
        check_notice(&parsed.page.text, &parsed.notice)?;
        for m in &parsed.notice.metrics {
            let span = parsed.page.html_span(m.span);
            check_span(&page, span, None)?;
        }
        for at in 0..=parsed.page.text.len() {
            prop_assert!(parsed.page.html_offset(at) <= page.len());
        }
        prop_assert_eq!(&parsed.page, &html::extract(&page));
    }

    #[test]
    fn bytes_decode_or_fail_with_an_offset_inside(bytes in prop_oneof![
        any::<Vec<u8>>(),
        any_text().prop_map(String::into_bytes),
        any_text().prop_map(|t| encoding_of(&t, "gbk")),
        any_text().prop_map(|t| encoding_of(&t, "big5")),
    ]) {
        match govnotice::parse_bytes(&bytes, None) {
            Ok(parsed) => check_notice(&parsed.text, &parsed.notice)?,
            Err(govnotice::Error::Undecodable { offset, .. }) => prop_assert!(offset < bytes.len()),
            Err(other) => prop_assert!(false, "unexpected error {other}"),
        }
    }
}

/// `text` encoded as `label`, unmappable characters as references.
fn encoding_of(text: &str, label: &str) -> Vec<u8> {
    let encoding = encoding_rs::Encoding::for_label(label.as_bytes()).expect("a known label");
    encoding.encode(text).0.into_owned()
}

#[cfg(feature = "parallel")]
proptest! {
    #![proptest_config(ProptestConfig::with_cases(CASES / 8))]

    #[test]
    fn parse_many_is_parse_one_by_one(texts in prop::collection::vec(any_text(), 0..12)) {
        let parser = govnotice::Parser::new();
        let one_by_one: Vec<Notice> = texts.iter().map(|t| parser.parse(t)).collect();
        prop_assert_eq!(parser.parse_many(&texts), one_by_one);
    }
}
