//! Patterns of a daachorse automaton that start right at the head of a
//! text, for scans that try a few positions rather than every one.

use daachorse::CharwiseDoubleArrayAhoCorasick;

/// Calls `found` with the end (in bytes of `text`) and value of every
/// pattern of `automaton` that `text` starts with, shortest first.
///
/// The walk goes from the root for as long as the text stays on some
/// pattern's path, so it costs one step per character of the longest
/// pattern there, not one per character of the text. `automaton` must use
/// standard matching and have its depths cached (`cache_depths`): the walk
/// needs them to tell its own path from a fall-back to a suffix, and finds
/// nothing without them.
pub(crate) fn patterns_at<V: Copy>(
    automaton: &CharwiseDoubleArrayAhoCorasick<V>,
    text: &str,
    mut found: impl FnMut(usize, V),
) {
    let mut stepper = automaton.find_overlapping_stepper();
    for (depth, c) in (1u32..).zip(text.chars()) {
        stepper.consume(c);
        // A step that followed a failure link lands on a shallower state:
        // the path no longer starts at the first character.
        if stepper.depth() != Some(depth) {
            break;
        }
        // The first output of a state is its own pattern, when it ends one.
        if let Some(m) = stepper.matches().next().filter(|m| m.start() == 0) {
            found(m.end(), m.value());
        }
    }
}
