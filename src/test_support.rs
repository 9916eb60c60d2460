//! Helpers shared by the unit tests of several modules.

/// `count` pseudo-random texts, each up to 23 of `pieces` joined: long enough
/// to combine a header, a body and a footer. Deterministic, so a failure
/// reproduces; the same `pieces` always give the same texts.
pub(crate) fn random_texts<'a>(
    pieces: &'a [&'a str],
    count: usize,
) -> impl Iterator<Item = String> + 'a {
    let mut seed: u64 = 0x9e37_79b9_7f4a_7c15;
    (0..count).map(move |_| {
        let mut text = String::new();
        for _ in 0..(seed % 24) {
            seed = seed.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1);
            text.push_str(pieces[(seed >> 33) as usize % pieces.len()]);
        }
        text
    })
}
