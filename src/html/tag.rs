//! Reading tags: names, ends, quoted attributes, `<meta>` fields.

use super::entity::decode_references;

/// A start or end tag, read.
pub(super) struct Tag {
    /// The tag name, ASCII-lowercased; empty when longer than any HTML name.
    pub(super) name: TagName,
    /// Where the tag ends (after its `>`), or the end of the page.
    pub(super) end: usize,
    /// Whether it ends with `/>`.
    pub(super) self_closing: bool,
    /// For `<meta>`: its `name` (else `property`) attribute.
    pub(super) meta_key: Option<String>,
    /// For `<meta>`: its `content` attribute, references decoded.
    pub(super) meta_content: Option<String>,
}

/// A tag name, lowercased into a fixed buffer so that reading a tag does not
/// allocate.
pub(super) struct TagName {
    bytes: [u8; TagName::MAX],
    len: usize,
}

impl TagName {
    /// Longer than every element name this module acts on (`blockquote`,
    /// `figcaption`); a longer name is no element of interest.
    const MAX: usize = 12;

    pub(super) fn as_str(&self) -> &str {
        std::str::from_utf8(&self.bytes[..self.len]).unwrap_or("")
    }
}

/// Reads the tag whose name starts at `start`, up to its closing `>`,
/// honouring quoted attribute values.
pub(super) fn read_tag(html: &str, start: usize) -> Tag {
    let bytes = html.as_bytes();
    let mut at = start;
    while at < bytes.len() && !is_tag_space(bytes[at]) && bytes[at] != b'/' && bytes[at] != b'>' {
        at += 1;
    }
    let raw_name = &bytes[start..at];
    let mut name = TagName {
        bytes: [0; TagName::MAX],
        len: 0,
    };
    if raw_name.len() <= TagName::MAX && raw_name.is_ascii() {
        name.bytes[..raw_name.len()].copy_from_slice(raw_name);
        name.bytes[..raw_name.len()].make_ascii_lowercase();
        name.len = raw_name.len();
    }
    let is_meta = name.as_str() == "meta";
    let mut tag = Tag {
        name,
        end: bytes.len(),
        self_closing: false,
        meta_key: None,
        meta_content: None,
    };
    let mut property = None;
    loop {
        while at < bytes.len() && (is_tag_space(bytes[at]) || bytes[at] == b'/') {
            at += 1;
        }
        let Some(&byte) = bytes.get(at) else {
            break;
        };
        if byte == b'>' {
            tag.self_closing = at > start && bytes[at - 1] == b'/';
            tag.end = at + 1;
            break;
        }
        // An attribute name runs to a space, `/`, `>` or `=` (a leading `=`
        // is part of the name, as in HTML).
        let key_start = at;
        at += 1;
        while at < bytes.len()
            && !matches!(bytes[at], b'/' | b'>' | b'=')
            && !is_tag_space(bytes[at])
        {
            at += 1;
        }
        let key = &html[key_start..at];
        while at < bytes.len() && is_tag_space(bytes[at]) {
            at += 1;
        }
        if bytes.get(at) != Some(&b'=') {
            continue;
        }
        at += 1;
        while at < bytes.len() && is_tag_space(bytes[at]) {
            at += 1;
        }
        let value = match bytes.get(at) {
            Some(&quote @ (b'"' | b'\'')) => {
                let close = find_byte(bytes, at + 1, quote).unwrap_or(bytes.len());
                let value = &html[at + 1..close];
                at = (close + 1).min(bytes.len());
                value
            }
            _ => {
                let value_start = at;
                while at < bytes.len() && !is_tag_space(bytes[at]) && bytes[at] != b'>' {
                    at += 1;
                }
                &html[value_start..at]
            }
        };
        if is_meta {
            if key.eq_ignore_ascii_case("name") {
                tag.meta_key = Some(value.trim().to_owned());
            } else if key.eq_ignore_ascii_case("property") {
                property = Some(value.trim().to_owned());
            } else if key.eq_ignore_ascii_case("content") {
                tag.meta_content = Some(decode_references(value));
            }
        }
    }
    tag.meta_key = tag.meta_key.filter(|k| !k.is_empty()).or(property);
    tag
}

/// Whitespace inside tags and between words, as HTML defines it.
pub(super) fn is_tag_space(byte: u8) -> bool {
    matches!(byte, b' ' | b'\t' | b'\n' | b'\r' | b'\x0c')
}

/// Where the end tag `</name` (any case, then a space, `/` or `>`) first
/// starts at or after `from`; the end of the page when there is none.
pub(super) fn find_end_tag(html: &str, from: usize, name: &str) -> usize {
    let bytes = html.as_bytes();
    let mut at = from;
    while let Some(open) = find_from(html, at, "</") {
        let name_end = open + 2 + name.len();
        let matches_name = bytes
            .get(open + 2..name_end)
            .is_some_and(|candidate| candidate.eq_ignore_ascii_case(name.as_bytes()));
        let ends = bytes
            .get(name_end)
            .is_none_or(|&b| is_tag_space(b) || b == b'/' || b == b'>');
        if matches_name && ends {
            return open;
        }
        at = open + 2;
    }
    html.len()
}

pub(super) fn find_from(html: &str, from: usize, needle: &str) -> Option<usize> {
    html.get(from..)?.find(needle).map(|at| from + at)
}

pub(super) fn find_byte(bytes: &[u8], from: usize, byte: u8) -> Option<usize> {
    bytes
        .get(from..)?
        .iter()
        .position(|&b| b == byte)
        .map(|at| from + at)
}
