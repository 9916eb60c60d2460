//! Decoding bytes: either text whose notice spans are honest, or an error
//! whose offset lies inside the bytes.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    // The first byte picks the encoding: detection or a named one.
    let (label, bytes) = match data.split_first() {
        Some((&pick, rest)) => (
            ["utf-8", "gbk", "gb18030", "big5", "utf-16le"].get(usize::from(pick)),
            rest,
        ),
        None => (None, data),
    };
    match govnotice::parse_bytes(bytes, label.copied()) {
        Ok(parsed) => {
            for m in &parsed.notice.metrics {
                assert_eq!(parsed.text.get(m.span.range()), Some(m.text.as_str()));
            }
        }
        Err(govnotice::Error::Undecodable { offset, .. }) => assert!(offset < bytes.len()),
        Err(other) => panic!("unexpected error: {other}"),
    }
});
