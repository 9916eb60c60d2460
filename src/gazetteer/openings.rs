//! How the names the division automaton holds open, as bit sets over hashed
//! character sequences: the first two characters of every name, the names
//! of exactly two characters, and the first three characters of the longer
//! ones. Where a position's characters are in none of the sets that could
//! hold them, no name starts there. Written by `build.rs` and read by the
//! scan, which both include this file, so the two cannot hash differently.

/// Bits in each set: 2^20, 128 KiB, small enough to stay in the L2 cache
/// beside the text. About 40,000 distinct first pairs set some 4% of the
/// bits, so a pair that starts no name passes for one about once in 25
/// times; fewer bits would let more positions through to the automaton
/// (a 32 KiB set was measured no faster), more would cost cache space for
/// little gain.
const SET_BITS: u32 = 20;

/// Bytes in all three sets together, as `build.rs` writes them.
#[allow(
    dead_code,
    reason = "the writing half serves build.rs, which includes this file"
)]
pub(crate) const SETS_BYTES: usize = 3 * SET_BYTES;

/// Bytes in each set.
const SET_BYTES: usize = 1 << (SET_BITS - 3);

/// The sets, in this order, in the bytes `build.rs` writes.
#[derive(Clone, Copy, Debug)]
enum Set {
    /// The first two characters of every name.
    FirstPairs = 0,
    /// The names of exactly two characters.
    WholePairs = 1,
    /// The first three characters of every longer name.
    FirstTriples = 2,
}

/// Adds `name` to the sets; `false`, leaving them as they were, for a name
/// of fewer than two characters, which the sets cannot describe.
#[allow(
    dead_code,
    reason = "the writing half serves build.rs, which includes this file"
)]
pub(crate) fn add_name(sets: &mut [u8], name: &str) -> bool {
    let mut chars = name.chars();
    let (Some(first), Some(second)) = (chars.next(), chars.next()) else {
        return false;
    };
    let pair = slot(first, second, '\0');
    insert(sets, Set::FirstPairs, pair);
    match chars.next() {
        None => insert(sets, Set::WholePairs, pair),
        Some(third) => insert(sets, Set::FirstTriples, slot(first, second, third)),
    }
    true
}

/// Whether some name may open with `first`, `second` and the character
/// `third` gives (read only when the pair alone does not decide): the pair
/// must open a name, and be a whole name or open a longer one with the
/// third character.
pub(crate) fn may_open(
    sets: &[u8],
    first: char,
    second: char,
    third: impl FnOnce() -> Option<char>,
) -> bool {
    let pair = slot(first, second, '\0');
    holds(sets, Set::FirstPairs, pair)
        && (holds(sets, Set::WholePairs, pair)
            || third()
                .is_some_and(|third| holds(sets, Set::FirstTriples, slot(first, second, third))))
}

/// The bit of up to three characters (`'\0'` for a missing third).
fn slot(first: char, second: char, third: char) -> usize {
    let chars = (u64::from(u32::from(first)) << 42)
        | (u64::from(u32::from(second)) << 21)
        | u64::from(u32::from(third));
    // Fibonacci hashing: the high bits of the product mix every input bit.
    let mixed = chars.wrapping_mul(0x9E37_79B9_7F4A_7C15) >> (64 - SET_BITS);
    usize::try_from(mixed).unwrap_or(0)
}

#[allow(
    dead_code,
    reason = "the writing half serves build.rs, which includes this file"
)]
fn insert(sets: &mut [u8], set: Set, slot: usize) {
    if let Some(byte) = sets.get_mut(set as usize * SET_BYTES + (slot >> 3)) {
        *byte |= 1 << (slot & 7);
    }
}

fn holds(sets: &[u8], set: Set, slot: usize) -> bool {
    sets.get(set as usize * SET_BYTES + (slot >> 3))
        .is_some_and(|byte| byte & (1 << (slot & 7)) != 0)
}
