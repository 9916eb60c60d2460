//! Byte offsets to `str` indices, and back.
//!
//! Rust spans count bytes; Python indexes `str` by code point. The conversion
//! runs once per notice: gather every offset, sort them, and walk the text
//! once, so a notice with many mentions costs one pass over its text.

use crate::{Notice, Span};

/// A function called on each span of a record.
type SpanVisitor<'a> = dyn FnMut(&mut Span) + 'a;

/// Rewrites every span in `notice` from byte offsets in `text` to code-point
/// offsets.
pub(crate) fn notice_to_char_offsets(notice: &mut Notice, text: &str) {
    to_char_offsets(text, &mut |f| for_each_span(notice, f));
}

/// Rewrites the spans of a list of records.
pub(crate) fn records_to_char_offsets<T>(
    records: &mut [T],
    text: &str,
    span: fn(&mut T) -> &mut Span,
) {
    to_char_offsets(text, &mut |f| {
        records.iter_mut().for_each(|record| f(span(record)))
    });
}

/// Rewrites every span in a notice back from code-point offsets in `text` to
/// byte offsets, for the Rust code that reads a notice Python holds. An
/// offset past the text's end becomes its length.
pub(crate) fn notice_to_byte_offsets(notice: &mut Notice, text: &str) {
    rewrite(text, &mut |f| for_each_span(notice, f), byte_indices_of);
}

/// Rewrites every span `visit` reaches from byte offsets to code-point
/// offsets; `visit` calls its argument on each span and must reach the same
/// spans each time it runs.
fn to_char_offsets(text: &str, visit: &mut dyn FnMut(&mut SpanVisitor<'_>)) {
    rewrite(text, visit, char_indices_of);
}

/// Rewrites every span `visit` reaches with `convert_sorted`, which maps
/// sorted offsets of one unit to the other. In ASCII text the two units agree.
fn rewrite(
    text: &str,
    visit: &mut dyn FnMut(&mut SpanVisitor<'_>),
    convert_sorted: fn(&str, &[usize]) -> Vec<usize>,
) {
    if text.is_ascii() {
        return;
    }
    let mut offsets: Vec<usize> = Vec::new();
    visit(&mut |span| {
        offsets.push(span.start);
        offsets.push(span.end);
    });
    offsets.sort_unstable();
    offsets.dedup();
    let converted = convert_sorted(text, &offsets);
    let convert = |offset: usize| {
        let at = offsets
            .binary_search(&offset)
            .expect("every offset was gathered");
        converted[at]
    };
    visit(&mut |span| {
        *span = Span::new(convert(span.start), convert(span.end));
    });
}

/// The code-point index of each byte offset in `sorted` (ascending, each on a
/// char boundary of `text` or equal to its length). The characters between
/// two offsets are counted by `str::chars().count()`, which counts lead
/// bytes a vector at a time instead of decoding each character.
fn char_indices_of(text: &str, sorted: &[usize]) -> Vec<usize> {
    let mut result = Vec::with_capacity(sorted.len());
    let (mut byte, mut chars) = (0, 0);
    for &offset in sorted {
        chars += text
            .get(byte..offset)
            .map_or(0, |between| between.chars().count());
        byte = offset;
        result.push(chars);
    }
    result
}

/// The byte offset of each code-point index in `sorted` (ascending); an
/// index past the end of `text` gives its length.
fn byte_indices_of(text: &str, sorted: &[usize]) -> Vec<usize> {
    // The boundaries after the first character's start: the `k`th is where
    // character `k + 1` starts.
    let mut boundaries = text.char_indices().map(|(at, _)| at).skip(1);
    let (mut index, mut byte) = (0, 0);
    sorted
        .iter()
        .map(|&wanted| {
            if wanted > index {
                byte = boundaries.nth(wanted - index - 1).unwrap_or(text.len());
                index = wanted;
            }
            byte
        })
        .collect()
}

/// Calls `f` on every span a notice holds.
fn for_each_span(notice: &mut Notice, f: &mut SpanVisitor<'_>) {
    if let Some(span) = notice.body_span.as_mut() {
        f(span);
    }
    let credited = notice.publisher.iter_mut().chain(notice.sources.iter_mut());
    for source in credited.chain(notice.agencies.iter_mut()) {
        f(&mut source.span);
    }
    for date in notice.published.iter_mut().chain(notice.dates.iter_mut()) {
        f(&mut date.span);
    }
    for district in &mut notice.districts {
        f(&mut district.span);
    }
    for metric in &mut notice.metrics {
        f(&mut metric.span);
        if let Some(date) = metric.date.as_mut() {
            f(&mut date.span);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::{byte_indices_of, char_indices_of};

    #[test]
    fn counts_code_points_not_bytes() {
        let text = "宝山a区";
        // byte offsets: 宝 0..3, 山 3..6, a 6..7, 区 7..10
        assert_eq!(
            char_indices_of(text, &[0, 3, 6, 7, 10]),
            vec![0, 1, 2, 3, 4]
        );
    }

    #[test]
    fn finds_the_bytes_of_scattered_indices() {
        // 宝 0..3, 山 3..6, a 6..7, 区 7..10; index 9 is past the end.
        assert_eq!(
            byte_indices_of("宝山a区", &[1, 3, 4, 9]),
            vec![3, 7, 10, 10]
        );
        assert_eq!(byte_indices_of("宝山a区", &[0, 0, 2]), vec![0, 0, 6]);
    }

    proptest::proptest! {
        /// Every character boundary, counted, is its place in the
        /// `char_indices` of the text.
        #[test]
        fn every_boundary_is_its_character_index(
            pieces in proptest::collection::vec(
                proptest::sample::select(vec!["a", "区", "é", "𠀀", "\n"]),
                0..40,
            )
        ) {
            let text = pieces.concat();
            let boundaries: Vec<usize> =
                text.char_indices().map(|(at, _)| at).chain([text.len()]).collect();
            let expected: Vec<usize> = (0..boundaries.len()).collect();
            proptest::prop_assert_eq!(char_indices_of(&text, &boundaries), expected);
        }

        /// Each character index maps back to where that character starts,
        /// and an index past the end to the text's length.
        #[test]
        fn every_character_index_is_its_boundary(
            pieces in proptest::collection::vec(
                proptest::sample::select(vec!["a", "区", "é", "𠀀", "\n"]),
                0..40,
            ),
            past in 1..5usize,
        ) {
            let text = pieces.concat();
            let mut boundaries: Vec<usize> =
                text.char_indices().map(|(at, _)| at).chain([text.len()]).collect();
            let mut indices: Vec<usize> = (0..boundaries.len()).collect();
            indices.push(boundaries.len() - 1 + past);
            boundaries.push(text.len());
            proptest::prop_assert_eq!(byte_indices_of(&text, &indices), boundaries);
        }
    }
}
