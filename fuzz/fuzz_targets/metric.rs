//! The figure parser: spans honest, values finite, ranges ordered.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|text: &str| {
    for m in govnotice::metric::parse(text) {
        assert_eq!(text.get(m.span.range()), Some(m.text.as_str()));
        assert!(m.value.is_finite());
        if let Some(max) = m.value_max {
            assert!(max.is_finite() && m.value <= max);
        }
    }
});
