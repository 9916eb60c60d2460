//! Character references: `&amp;`, `&#20013;`, `&nbsp;`.

use super::tag::find_from;

/// Longest named reference with its `&` and `;` (`&CounterClockwiseContourIntegral;`).
pub(super) const LONGEST_REFERENCE: usize = 33;

/// Reads the character reference at `at`, which holds `&`: where it ends and
/// what it stands for; `None` when the `&` is text.
pub(super) fn reference(html: &str, at: usize) -> Option<(usize, String)> {
    let bytes = html.as_bytes();
    if bytes.get(at + 1) == Some(&b'#') {
        let hex = matches!(bytes.get(at + 2), Some(b'x' | b'X'));
        let digits_start = at + if hex { 3 } else { 2 };
        let mut end = digits_start;
        let mut value: u32 = 0;
        while let Some(digit) = bytes
            .get(end)
            .and_then(|&b| char::from(b).to_digit(if hex { 16 } else { 10 }))
        {
            // Saturates: any value past U+10FFFF is the replacement character.
            value = value
                .saturating_mul(if hex { 16 } else { 10 })
                .saturating_add(digit);
            end += 1;
        }
        if end == digits_start {
            return None;
        }
        if bytes.get(end) == Some(&b';') {
            end += 1;
        }
        let c = match value {
            0 => char::REPLACEMENT_CHARACTER,
            _ => char::from_u32(value).unwrap_or(char::REPLACEMENT_CHARACTER),
        };
        return Some((end, c.to_string()));
    }
    let limit = bytes.len().min(at + LONGEST_REFERENCE);
    let name_end = match bytes[at + 1..limit]
        .iter()
        .position(|b| !b.is_ascii_alphanumeric())
    {
        Some(n) => at + 1 + n,
        None if limit == bytes.len() => limit,
        None => return None,
    };
    if name_end == at + 1 {
        return None;
    }
    if bytes.get(name_end) == Some(&b';') {
        let candidate = &html[at..=name_end];
        return match html_escape::decode_html_entities(candidate) {
            std::borrow::Cow::Owned(decoded) if decoded != candidate => {
                Some((name_end + 1, decoded))
            }
            _ => None,
        };
    }
    // The few references pages write without their `;`.
    let decoded = match &html[at + 1..name_end] {
        "nbsp" => "\u{a0}",
        "amp" => "&",
        "lt" => "<",
        "gt" => ">",
        "quot" => "\"",
        _ => return None,
    };
    Some((name_end, decoded.to_owned()))
}

/// `text` with its character references decoded.
pub(super) fn decode_references(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut run = 0;
    let mut at = 0;
    while let Some(amp) = find_from(text, at, "&") {
        match reference(text, amp) {
            Some((end, decoded)) => {
                out.push_str(&text[run..amp]);
                out.push_str(&decoded);
                run = end;
                at = end;
            }
            None => at = amp + 1,
        }
    }
    out.push_str(&text[run..]);
    out
}
