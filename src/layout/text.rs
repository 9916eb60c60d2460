//! Character classes and line measures shared by the layout parts.

/// Lines at most this long (in characters) may carry the `short` cues of the
/// table: share prompts and contact lines are one-liners, while a paragraph
/// that merely mentions a QR code or a WeChat account runs longer.
pub(super) const SHORT_LINE_CHARS: usize = 40;

/// Lines longer than this (in characters) ignore the `any` cues of the table:
/// footers stay short even when a scraper flattens sponsor, copyright and
/// licence onto one line, while a paragraph that quotes `版权所有` is an article
/// about copyright, not a footer.
pub(super) const FOOTER_LINE_CHARS: usize = 120;

/// Whitespace, including the byte-order mark and zero-width space that scraped
/// pages carry at line starts.
pub(super) fn is_blank(c: char) -> bool {
    c.is_whitespace() || matches!(c, '\u{feff}' | '\u{200b}')
}

/// Brackets, bullets and arrows that may open a line before its cue.
pub(super) fn is_lead_decor(c: char) -> bool {
    is_blank(c)
        || matches!(
            c,
            '【' | '['
                | '\u{ff3b}'
                | '('
                | '\u{ff08}'
                | '〔'
                | '<'
                | '\u{ff1c}'
                | '《'
                | '>'
                | '\u{ff1e}'
                | '»'
                | '·'
                | '•'
                | '●'
                | '■'
                | '◆'
                | '▶'
                | '*'
                | '#'
                | '|'
                | '\u{ff5c}'
                | '丨'
                | '-'
                | '—'
        )
}

/// Brackets, colons and arrows that may close a line after its cue.
pub(super) fn is_tail_decor(c: char) -> bool {
    is_blank(c)
        || matches!(
            c,
            '】' | ']'
                | '\u{ff3d}'
                | ')'
                | '\u{ff09}'
                | '〕'
                | '>'
                | '\u{ff1e}'
                | '》'
                | '»'
                | ':'
                | '\u{ff1a}'
                | '|'
                | '\u{ff5c}'
                | '丨'
                | '-'
                | '—'
        )
}

/// A character that numbers a picture or an item: `图①`, `图2`, `图三`.
pub(super) fn is_numeral(c: char) -> bool {
    c.is_ascii_digit()
        || ('\u{ff10}'..='\u{ff19}').contains(&c)
        || ('①'..='⑳').contains(&c)
        || "一二三四五六七八九十".contains(c)
}

/// Punctuation that ends a sentence: a line holding one is running text.
pub(super) fn is_sentence_end(c: char) -> bool {
    matches!(
        c,
        '。' | '\u{ff01}' | '\u{ff1f}' | '\u{ff1b}' | '!' | '?' | ';' | '…'
    )
}

/// Punctuation that a name never holds: a line with it outside a value is
/// running text.
pub(super) fn is_punctuation(c: char) -> bool {
    matches!(
        c,
        '。' | '，'
            | ','
            | '、'
            | '；'
            | ';'
            | '！'
            | '!'
            | '？'
            | '?'
            | '“'
            | '”'
            | '"'
            | '…'
            | '：'
            | ':'
    )
}

/// `line` without the blanks and the bars of a table's cells that a scraper
/// left after it (`… |`).
pub(crate) fn trim_trailing_bars(line: &str) -> &str {
    line.trim_end_matches(|c: char| is_blank(c) || matches!(c, '|' | '丨' | '\u{ff5c}'))
}

/// Whether `line` holds a Chinese character, read on bytes without
/// decoding: a character of three or more bytes from U+3000 on (CJK and
/// full-width forms), which ASCII marks and Latin text never are.
pub(super) fn holds_han(line: &str) -> bool {
    line.bytes().any(|b| b >= 0xE3)
}

/// Whether `line` is what a scraper left of the markup (`• <strike
/// id="x"></strike>`, a bullet alone): after bullets, nothing, or tags and
/// nothing between them. No line of a page's text is; `<b>标题</b>` holds
/// text and is one.
pub(super) fn is_markup(line: &str) -> bool {
    let rest = line.trim_start_matches(|c: char| is_blank(c) || matches!(c, '•' | '·' | '●'));
    if !(rest.is_empty() || rest.starts_with('<') && rest.ends_with('>')) {
        return false;
    }
    let mut in_tag = false;
    let mut tags = 0;
    for c in rest.chars() {
        match c {
            '<' if !in_tag => in_tag = true,
            '>' if in_tag => {
                in_tag = false;
                tags += 1;
            }
            c if !in_tag && !is_blank(c) => return false,
            _ => {}
        }
    }
    rest.is_empty()
        || tags > 0 && rest[1..].starts_with(|c: char| c.is_ascii_alphabetic() || c == '/')
}

/// Whether a line that opens with a bracket runs on as text after the
/// bracket closes: `(记者:罗超)9月27日,区委…。` is a byline opening a
/// paragraph, not a field.
pub(super) fn runs_on_after_bracket(line: &str) -> bool {
    let Some(rest) = line.strip_prefix(['(', '\u{ff08}', '【']) else {
        return false;
    };
    rest.find([')', '\u{ff09}', '】'])
        .is_some_and(|close| rest[close..].chars().skip(1).any(is_sentence_end))
}

/// Whether a short line can only be the start of a body: a numbered heading,
/// the addressee of an official notice (`各街镇:`), or a clause that runs on
/// into the next line.
pub(super) fn opens_body(line: &str) -> bool {
    is_enumerated(line) || line.ends_with([':', '\u{ff1a}']) || runs_on(line)
}

/// Whether `line` ends inside a sentence, with a comma (`提起湘西,`): it
/// runs on into the next line, however short.
pub(super) fn runs_on(line: &str) -> bool {
    line.ends_with([',', '\u{ff0c}', '、'])
}

/// Whether a line opens with an enumerator (`一、`, `(二)`, `3.`), as the
/// first heading of a body does.
fn is_enumerated(line: &str) -> bool {
    let rest = line.trim_start_matches(['(', '\u{ff08}']);
    let rest = rest.strip_prefix('第').unwrap_or(rest);
    let numbered = rest.trim_start_matches(|c: char| {
        c.is_ascii_digit()
            || ('\u{ff10}'..='\u{ff19}').contains(&c)
            || "一二三四五六七八九十".contains(c)
    });
    numbered.len() < rest.len()
        && numbered.starts_with(['、', '.', '\u{ff0e}', ')', '\u{ff09}', '是', '章'])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn enumerators() {
        assert!(is_enumerated("一、项目概况"));
        assert!(is_enumerated("(二)资金安排"));
        assert!(is_enumerated("3.工作要求"));
        assert!(!is_enumerated("一号湾畔"));
        assert!(!is_enumerated("2024年园区报告"));
    }

    #[test]
    fn markup_residue() {
        assert!(is_markup(
            "• <strike id=\"qc0qw\"><menu id=\"qc0qw\"></menu></strike>"
        ));
        assert!(is_markup("</div>"));
        assert!(is_markup("• "));
        assert!(!is_markup("<《宝山年鉴》出版>"));
        assert!(!is_markup("<2024> 园区开园"));
        assert!(!is_markup("<b>标题</b>"));
    }

    #[test]
    fn bylines_opening_a_paragraph() {
        assert!(runs_on_after_bracket(
            "(记者:罗超)9月27日,区委召开常务会议。"
        ));
        assert!(runs_on_after_bracket("【记者 王五】今天,园区开园。"));
        assert!(!runs_on_after_bracket("(记者:罗超)"));
        assert!(!runs_on_after_bracket("【来源:宝山区】 【作者:】"));
        assert!(!runs_on_after_bracket("记者:罗超。"));
    }
}
