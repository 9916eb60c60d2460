//! `key: value` fields of header and footer lines.

use super::cues::{Hit, Role};
use super::text::is_blank;
use super::MetaField;
use crate::span::Span;

/// A field key that stands as a field, with offsets relative to its line.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) struct Key {
    /// Where the field begins: the key, or the `【` before it.
    pub opening: usize,
    /// First byte of the key.
    pub start: usize,
    /// One past the key's last byte.
    pub end: usize,
    /// Where the value begins.
    pub value: usize,
    /// The value stops at the next `】` (`【字号 大 中 小】`, `【来源:新华社】`).
    pub closed: bool,
    /// The key follows other text without a separator (`…统战部发布时间:`).
    pub glued: bool,
    /// Neither colon nor bracket: the value follows after blanks
    /// (`发布机构 腾冲市人民政府`). Such a key counts on header lines only.
    pub bare: bool,
    /// The key names the text the page reposts (`本文转自`).
    pub repost: bool,
}

/// What may stand before a key: a key glued to other text (`美术编辑:`, `活动时间:`)
/// is part of that text, not the key of the table.
fn is_separator(c: char) -> bool {
    is_blank(c)
        || matches!(
            c,
            '【' | '['
                | '('
                | '\u{ff08}'
                | '〔'
                | '】'
                | ']'
                | ')'
                | '\u{ff09}'
                | '〕'
                | '|'
                | '丨'
                | ','
                | '\u{ff0c}'
                | ';'
                | '\u{ff1b}'
                | '/'
                | '·'
                | '•'
        )
}

/// The colons after a key.
pub(super) const COLONS: [char; 2] = [':', '\u{ff1a}'];

/// The brackets before a key written in them (`【来源:新华社】`).
pub(super) const KEY_BRACKETS: [char; 2] = ['【', '['];

/// The key `hit` marks in `line`, if it stands as a field: followed by a
/// colon, or written in `【】`.
pub(super) fn key(line: &str, hit: Hit) -> Option<Key> {
    let Role::Field { repost } = hit.role else {
        return None;
    };
    let before = line[..hit.start].chars().next_back();
    let glued = !before.is_none_or(is_separator);
    // `【来源:…】`, or with blanks inside the brackets (`[ 索引号 ] …`).
    let bracket = line[..hit.start]
        .trim_end_matches(is_blank)
        .chars()
        .next_back()
        .filter(|c| KEY_BRACKETS.contains(c));
    let bracketed = bracket.is_some();
    let rest = &line[hit.end..];
    let gap = rest.len() - rest.trim_start_matches(is_blank).len();
    let after = hit.end + gap;
    let mut bare = false;
    let (value, closed) = match line[after..].chars().next() {
        Some(c) if COLONS.contains(&c) => (after + c.len_utf8(), bracketed),
        // `发布机构 | XX镇 |`: a disclosure table's cells, flattened.
        Some(c @ ('|' | '\u{ff5c}')) if !glued => {
            bare = true;
            (after + c.len_utf8(), false)
        }
        Some(c @ ('】' | ']' | '\u{ff3d}')) if bracketed => (after + c.len_utf8(), false),
        // `【字号 大 中 小】`: no colon, but a space and a closing bracket.
        Some(_) if bracketed && gap > 0 => (after, true),
        // `发布机构 腾冲市人民政府`: a key and its value apart, as a disclosure
        // table flattened to text writes them; a key only on a header line.
        Some(_) if gap > 0 && !glued => {
            bare = true;
            (after, false)
        }
        // `• 发文机构` alone on its line after a bullet: a vertical table's
        // key, its value on the next line.
        None if !glued && !bracketed && line[..hit.start].trim_end().ends_with(['•', '●', '■']) =>
        {
            bare = true;
            (after, false)
        }
        _ => return None,
    };
    // A glued key has its colon right after it.
    if glued && (gap > 0 || closed || bracketed) {
        return None;
    }
    let opening = bracket.map_or(hit.start, |c| {
        line[..hit.start].trim_end_matches(is_blank).len() - c.len_utf8()
    });
    Some(Key {
        opening,
        start: hit.start,
        end: hit.end,
        value,
        closed,
        glued,
        bare,
        repost,
    })
}

/// Drops the glued keys of one line (`keys[first..]`, in order) that stand
/// inside a word: a key glued to the text before it is a key only after
/// another key of the line, whose value it ends (`来源:XX统战部发布时间:`), or
/// right after a time (`09:39:00来源:`). Elsewhere it ends a word of its own
/// (`美术编辑:`, `报告时间:`), and one that overlaps the key before it is part
/// of that key (`信息来源` holds `来源`).
pub(super) fn drop_words(line: &str, keys: &mut Vec<Key>, first: usize) {
    let mut kept = first;
    let mut last_end: Option<usize> = None;
    for i in first..keys.len() {
        let key = keys[i];
        let keep = if key.glued {
            let after_time = line[..key.start]
                .chars()
                .next_back()
                .is_some_and(|c| c.is_ascii_digit());
            let after_key = last_end.is_some_and(|end| key.start >= end);
            (after_key || after_time) && last_end.is_none_or(|end| key.start >= end)
        } else {
            last_end.is_none_or(|end| key.start >= end)
        };
        if keep {
            keys[kept] = key;
            kept += 1;
            last_end = Some(key.end);
        }
    }
    keys.truncate(kept);
}

/// Appends the fields of one line to `out`. `keys` are the line's keys in
/// order; `base` is the line's offset in the text. A value runs to the next
/// key, to a `【`, or to the end of the line; fields with empty values (a
/// view counter the page fills in by script) are left out.
pub(super) fn collect(line: &str, base: usize, keys: &[Key], out: &mut Vec<MetaField>) {
    let mut previous_value = 0;
    for (i, key) in keys.iter().enumerate() {
        // A key inside the previous value is text of that value; a bare key
        // counts on header lines only.
        if key.start < previous_value || key.bare {
            continue;
        }
        previous_value = key.value;
        let next = keys[i + 1..]
            .iter()
            .find(|k| k.start >= key.value)
            .map_or(line.len(), |k| k.opening);
        let region = &line[key.value..next.max(key.value)];
        let stop = if key.closed {
            region.find(['】', ']', '\u{ff3d}'])
        } else {
            region
                .char_indices()
                .skip(1)
                .find(|&(_, c)| c == '【')
                .map(|(at, _)| at)
        };
        let value = trim_value(&region[..stop.unwrap_or(region.len())]);
        if !value.is_empty() {
            let start = key.value + value.as_ptr() as usize - region.as_ptr() as usize;
            out.push(MetaField {
                key: Span::new(base + key.start, base + key.end),
                value: Span::new(base + start, base + start + value.len()),
            });
        }
    }
}

/// Trims blanks, trailing separators and closing brackets left unopened
/// (`(责任编辑:张三)` gives `张三`).
pub(super) fn trim_value(value: &str) -> &str {
    let mut value = value.trim_matches(is_blank);
    loop {
        let trimmed = value.trim_end_matches(|c: char| {
            is_blank(c) || matches!(c, '|' | '丨' | ',' | '\u{ff0c}' | ';' | '\u{ff1b}' | '、')
        });
        let unopened = trimmed.chars().next_back().and_then(|close| {
            let open = match close {
                ')' => '(',
                '\u{ff09}' => '\u{ff08}',
                ']' => '[',
                '\u{ff3d}' => '\u{ff3b}',
                '】' => '【',
                '〕' => '〔',
                _ => return None,
            };
            Some((close, open))
        });
        match unopened {
            Some((close, open)) if !trimmed.contains(open) => {
                value = &trimmed[..trimmed.len() - close.len_utf8()];
            }
            _ => return trimmed,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::trim_value;

    #[test]
    fn values_lose_unopened_brackets_only() {
        assert_eq!(trim_value(" 张三)"), "张三");
        assert_eq!(trim_value("[大 中 小]"), "[大 中 小]");
        assert_eq!(trim_value("宝山区 | "), "宝山区");
        assert_eq!(trim_value(")"), "");
    }
}
