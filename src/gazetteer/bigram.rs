//! The first two characters of every name the division automaton holds, as a
//! bit set: where the text's two characters at a position are not in it, no
//! name starts there. Written by `build.rs` and read by the scan, which both
//! include this file, so the two cannot hash differently.

/// Bits in the set: 2^20, 128 KiB, small enough to stay in the L2 cache
/// beside the text. About 40,000 distinct first pairs set some 4% of the
/// bits, so a pair that starts no name passes for one about once in 25
/// times; fewer bits would let more positions through to the automaton,
/// more would cost cache space for little gain.
pub(crate) const BIGRAM_SET_BITS: u32 = 20;

/// The bit of the pair `(first, second)`.
pub(crate) fn bigram_slot(first: char, second: char) -> usize {
    let pair = (u64::from(u32::from(first)) << 21) | u64::from(u32::from(second));
    // Fibonacci hashing: the high bits of the product mix every input bit.
    let mixed = pair.wrapping_mul(0x9E37_79B9_7F4A_7C15) >> (64 - BIGRAM_SET_BITS);
    usize::try_from(mixed).unwrap_or(0)
}
