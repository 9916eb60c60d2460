//! The layout reader: every span inside the text on char boundaries.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|text: &str| {
    let layout = govnotice::layout::parse(text);
    let spans = layout
        .title
        .iter()
        .chain(&layout.body)
        .chain(&layout.preamble)
        .chain(layout.fields.iter().flat_map(|f| [&f.key, &f.value]))
        .chain(layout.boilerplate.iter().map(|b| &b.span));
    for span in spans {
        assert!(span.start <= span.end && text.get(span.range()).is_some());
    }
});
