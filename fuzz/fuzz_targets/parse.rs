//! The whole notice parser: spans honest, values finite, parsing repeatable.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|text: &str| {
    let notice = govnotice::parse(text);
    for m in &notice.metrics {
        assert_eq!(text.get(m.span.range()), Some(m.text.as_str()));
        assert!(m.value.is_finite());
        if let Some(max) = m.value_max {
            assert!(max.is_finite() && m.value <= max);
        }
    }
    for d in &notice.districts {
        assert_eq!(text.get(d.span.range()), Some(d.text.as_str()));
    }
    for d in notice.dates.iter().chain(&notice.published) {
        assert_eq!(text.get(d.span.range()), Some(d.text.as_str()));
        if let (Some(start), Some(end)) = (d.start, d.end) {
            assert!(start <= end);
        }
    }
    for s in notice.sources.iter().chain(&notice.publisher) {
        assert_eq!(text.get(s.span.range()), Some(s.text.as_str()));
    }
    if let Some(body) = notice.body_span {
        assert!(text.get(body.range()).is_some());
    }
    assert_eq!(notice, govnotice::parse(text));
});
