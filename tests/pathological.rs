//! Inputs a scraper can produce and no notice holds: every one must parse,
//! within bounded time and memory, into finite values with honest spans.
//!
//! Time is measured by the benchmarks, not asserted here. The default run
//! uses inputs of [`CI_BYTES`] so that a debug build stays quick; the same
//! inputs at full size (1 MB, and 10 MB for the long line) are `#[ignore]`d:
//! run them with `cargo test --release --test pathological -- --include-ignored`.

use govnotice::{html, numeral, Notice, Span};

/// Size of the long inputs in the default run: large enough to show a
/// super-linear step, small enough for a debug build in CI.
const CI_BYTES: usize = 1 << 16;

/// Size of the full-size inputs: the megabyte of digits and numerals.
const FULL_BYTES: usize = 1 << 20;

/// Size of the full-size line without a newline.
const LONG_LINE_BYTES: usize = 10 << 20;

/// Parses `text` and checks what every notice must satisfy.
fn check(text: &str) -> Notice {
    let notice = govnotice::parse(text);
    let spans = notice
        .metrics
        .iter()
        .map(|m| (m.span, m.text.as_str()))
        .chain(notice.districts.iter().map(|d| (d.span, &*d.text)))
        .chain(notice.dates.iter().map(|d| (d.span, d.text.as_str())));
    for (span, mention) in spans {
        assert_eq!(text.get(span.range()), Some(mention), "{span:?}");
    }
    for span in notice.body_span.iter() {
        assert!(text.get(span.range()).is_some(), "{span:?}");
    }
    for metric in &notice.metrics {
        assert!(metric.value.is_finite(), "{metric:?}");
        if let Some(max) = metric.value_max {
            assert!(max.is_finite() && metric.value <= max, "{metric:?}");
        }
    }
    for date in &notice.dates {
        if let (Some(start), Some(end)) = (date.start, date.end) {
            assert!(start <= end, "{date:?}");
        }
    }
    notice
}

/// `unit` repeated to at least `bytes` bytes.
fn repeat(unit: &str, bytes: usize) -> String {
    unit.repeat(bytes.div_ceil(unit.len()))
}

fn long_line(bytes: usize) {
    let sentence = "园区已入驻企业420余家，总产值近300亿元，普陀区桃浦镇2021年10月24日；";
    let text = repeat(sentence, bytes);
    let notice = check(&text);
    assert!(!notice.metrics.is_empty());
}

#[test]
fn long_inputs() {
    long_line(CI_BYTES);
    a_megabyte_of_digits(CI_BYTES);
    runs_of_one_numeral(CI_BYTES);
    control_characters_and_nul(CI_BYTES);
    pathological_html(CI_BYTES);
}

#[test]
#[ignore = "full size: run in release"]
fn long_inputs_full_size() {
    long_line(LONG_LINE_BYTES);
    check(&repeat("a", LONG_LINE_BYTES));
    check(&repeat("宝", LONG_LINE_BYTES));
    a_megabyte_of_digits(FULL_BYTES);
    runs_of_one_numeral(FULL_BYTES);
    control_characters_and_nul(FULL_BYTES);
    pathological_html(FULL_BYTES);
}

fn a_megabyte_of_digits(size: usize) {
    let notice = check(&format!("共{}家企业", repeat("7", size)));
    assert!(notice.metrics.is_empty());
    check(&repeat("1.", size));
    check(&repeat("1,", size));
    check(&repeat("1-", size));
    check(&repeat("１２３４５６７８９０", size));
}

fn runs_of_one_numeral(size: usize) {
    for unit in [
        "万",
        "一",
        "十",
        "亿",
        "零",
        "两",
        "百分之",
        "分之",
        "余",
        "几",
        "点",
    ] {
        check(&repeat(unit, size / 4));
        check(&format!("约{}元", repeat(unit, size / 4)));
    }
    check(&repeat("一万", size / 4));
    check(&repeat("5-", size / 4));
    check(&repeat("5至", size / 4));
    check(&repeat("三到", size / 4));
}

#[test]
fn deeply_nested_brackets() {
    let depth = 10_000;
    for (open, close) in [
        ("(", ")"),
        ("（", "）"),
        ("《", "》"),
        ("“", "”"),
        ("[", "]"),
        ("【", "】"),
    ] {
        let text = format!("{}共420家企业{}", open.repeat(depth), close.repeat(depth));
        check(&text);
        check(&open.repeat(depth));
        check(&close.repeat(depth));
    }
    let page = format!(
        "{}<p>共420家企业</p>{}",
        "<div>".repeat(depth),
        "</div>".repeat(depth)
    );
    assert_eq!(html::extract(&page).text, "共420家企业");
}

#[test]
fn every_unicode_category() {
    // A sample of each general category, emoji with modifiers and joiners,
    // combining marks after digits, bidirectional controls and noncharacters.
    let samples = [
        "Aa\u{1c5}\u{2b0}\u{5d0}",                        // letters Lu Ll Lt Lm Lo
        "e\u{301}\u{903}\u{20dd}",                        // marks Mn Mc Me
        "4\u{20e3}\u{663}\u{2167}\u{bd}\u{2460}\u{3007}", // numbers Nd Nl No, 〇
        "_-([{}])\u{ab}\u{bb}!\u{3002}",                  // punctuation Pc Pd Ps Pe Pi Pf Po
        "+$^\u{a6}\u{2603}",                              // symbols Sm Sc Sk So
        " \u{2028}\u{2029}\u{3000}\u{a0}",                // separators Zs Zl Zp
        "\u{0}\u{1}\u{7}\u{1b}\u{7f}\u{85}\u{ad}\u{200b}\u{200d}\u{202e}\u{2066}\u{feff}", // Cc Cf
        "\u{e000}\u{f8ff}\u{fdd0}\u{fffe}\u{ffff}\u{10ffff}", // private use, noncharacters
        "\u{1f600}\u{1f468}\u{200d}\u{1f469}\u{200d}\u{1f467}\u{1f44d}\u{1f3fd}\u{1f1e8}\u{1f1f3}", // emoji
        "\u{20000}\u{2a6d6}\u{30000}", // CJK extension planes
        "\u{fffd}\u{fffd}",            // replacement characters from a lossy decode
    ];
    let all: String = samples.concat();
    check(&all);
    for sample in samples {
        check(&format!(
            "{sample}园区已入驻企业{sample}420{sample}余家{sample}。"
        ));
        check(&format!("普陀{sample}区{sample}3500万{sample}元"));
    }
    // Every scalar value of the Basic Multilingual Plane and some above it,
    // in order, as one text.
    let every: String = (0..=0x2_ffff).filter_map(char::from_u32).collect();
    check(&every);
}

fn control_characters_and_nul(size: usize) {
    let controls: String = (0..0x20)
        .chain(0x7f..0xa0)
        .filter_map(char::from_u32)
        .collect();
    check(&controls);
    check(&repeat("\0", size));
    check(&"园区\0已入驻企业4\u{0}20余家\r\n\r\n总产值近300\u{8}亿元\u{c}".repeat(100));
    check(&repeat("\r", size / 4));
    check(&repeat("\n", size));
    check(&repeat("\u{2028}", size / 4));
}

#[test]
fn a_four_hundred_digit_number_is_refused() {
    let digits = "9".repeat(400);
    for text in [
        format!("投资{digits}元"),
        format!("共有企业{digits}家"),
        format!("增长{digits}%"),
        format!("{digits}.5亿元"),
        format!("0.{digits}万元"),
        format!("{digits}-{digits}平方公里"),
    ] {
        let notice = check(&text);
        assert!(notice.metrics.is_empty(), "{text}: {:?}", notice.metrics);
        assert!(numeral::scan(&text).is_empty(), "{text}");
    }
    let chinese = "九".repeat(400);
    assert!(numeral::scan(&chinese).iter().all(|n| n.value.is_finite()));
    assert!(check(&format!("{chinese}亿元")).metrics.is_empty());
}

#[test]
fn half_stripped_html_and_mojibake() {
    let page = "<p>园区已入驻企业<b>420</b>余家&nbsp;</p><!-- <p>".repeat(2_000);
    check(&page);
    let extracted = html::extract(&page);
    check(&extracted.text);
    // UTF-8 Chinese read as GBK, then written back as UTF-8.
    check(&repeat("瀹濆北鍖烘櫤鎱ф咕鍏ラ€夌ず鑼冨熀鍦�", CI_BYTES / 4));
    check(&repeat("ÃƒÂ©Ã¥Â®Â\u{9d}", CI_BYTES / 4));
}

fn pathological_html(size: usize) {
    for page in [
        repeat("<", size),
        repeat("<a", size),
        repeat("<a b='", size),
        repeat("<!--", size),
        repeat("</", size),
        repeat("&", size),
        repeat("&#", size),
        repeat("&#99999999999", size),
        repeat("&amp", size),
        repeat("<script>", size),
        repeat("<br>", size),
        repeat("a <b>c</b> ", size),
        repeat("<meta name=a content=b>", size),
    ] {
        let extracted = html::extract(&page);
        let notice = govnotice::parse_html(&page).notice;
        for metric in &notice.metrics {
            let span = extracted.html_span(metric.span);
            assert!(page.get(span.range()).is_some());
        }
        let end = extracted.html_offset(extracted.text.len());
        assert!(end <= page.len());
    }
}

#[test]
fn every_html_span_maps_inside_the_page() {
    let page = "<p>a&amp;b</p>\n<p>&#x1F600; c</p>";
    let extracted = html::extract(page);
    for start in 0..=extracted.text.len() {
        for end in start..=extracted.text.len() {
            let span = extracted.html_span(Span::new(start, end));
            assert!(span.start <= span.end && span.end <= page.len());
        }
    }
}

#[test]
fn undecodable_bytes_are_an_error_not_a_panic() {
    let bytes: Vec<u8> = (0..=255).cycle().take(CI_BYTES).collect();
    let error = govnotice::parse_bytes(&bytes, None).unwrap_err();
    assert!(error.to_string().contains("byte offset"));
    for label in ["utf-8", "gbk", "big5", "utf-16le", "utf-16be", "shift_jis"] {
        let _ = govnotice::parse_bytes(&bytes, Some(label));
    }
}
