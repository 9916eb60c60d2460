//! HTML extraction and parsing: notice spans honest in the extracted text,
//! and every text offset maps inside the page.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|page: &str| {
    let parsed = govnotice::parse_html(page);
    let text = &parsed.page.text;
    for m in &parsed.notice.metrics {
        assert_eq!(text.get(m.span.range()), Some(m.text.as_str()));
        let source = parsed.page.html_span(m.span);
        assert!(page.get(source.range()).is_some());
    }
    for d in &parsed.notice.districts {
        assert_eq!(text.get(d.span.range()), Some(d.text.as_str()));
    }
    for at in 0..=text.len() {
        assert!(parsed.page.html_offset(at) <= page.len());
    }
});
