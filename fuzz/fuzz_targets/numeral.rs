//! The numeral scanner: spans honest, values finite, ranges ordered.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|text: &str| {
    let numbers = govnotice::numeral::scan(text);
    for n in &numbers {
        assert_eq!(text.get(n.span.range()), Some(n.text.as_str()));
        assert!(n.value.is_finite());
        if let Some(max) = n.value_max {
            assert!(max.is_finite() && n.value <= max);
        }
    }
    assert!(numbers.windows(2).all(|w| w[0].span.end <= w[1].span.start));
});
