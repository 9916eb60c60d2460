//! The division finder: spans honest.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|text: &str| {
    for d in govnotice::district::find(text) {
        assert_eq!(text.get(d.span.range()), Some(d.text.as_str()));
    }
});
