//! Reading characters at byte offsets without ever slicing off a boundary.

/// The character starting at byte `pos`, if `pos` is a boundary inside `text`.
pub(super) fn char_at(text: &str, pos: usize) -> Option<char> {
    text.get(pos..)?.chars().next()
}

/// The character ending at byte `pos`.
pub(super) fn char_before(text: &str, pos: usize) -> Option<char> {
    text.get(..pos)?.chars().next_back()
}
