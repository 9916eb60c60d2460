//! Character classes and line measures shared by the layout parts.

use crate::charset::is_han;

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
/// the addressee of an official notice (`各街镇:`, or its list of
/// recipients when the scrape lost the colon), or a clause that runs on
/// into the next line.
pub(super) fn opens_body(line: &str) -> bool {
    is_enumerated(line)
        || line.ends_with([':', '\u{ff1a}'])
        || is_recipient_list(line)
        || runs_on(line)
}

/// Whether a line lists the recipients of an official notice: it opens with
/// `各` (`各镇乡人民政府,各街道办事处,区政府各部门`) and names more than one.
fn is_recipient_list(line: &str) -> bool {
    line.starts_with('各') && line.contains([',', '\u{ff0c}', '、'])
}

/// Whether `line` ends inside a sentence, with a comma (`提起湘西,`): it
/// runs on into the next line, however short.
pub(super) fn runs_on(line: &str) -> bool {
    line.ends_with([',', '\u{ff0c}', '、'])
}

/// Whether `line` is one sentence: its only sentence end is its last
/// character.
pub(super) fn is_one_sentence(line: &str) -> bool {
    let mut ends = line.char_indices().filter(|&(_, c)| is_sentence_end(c));
    ends.next()
        .is_some_and(|(at, c)| at + c.len_utf8() == line.len() && ends.next().is_none())
}

/// A dateline's cue stands within this many characters of its line's
/// start: a medium's or place's name and a day run to about twenty.
const DATELINE_CUE_CHARS: usize = 24;

/// Whether `line` opens with a dateline (`XX日报讯(记者 …)`, `本报讯 `,
/// `新华社北京5月1日电(…)`): a name of Han characters (joined by `-` or
/// `·`, with a day before `电`), then `讯` or `电`, then a byline's
/// bracket, a blank or a colon. The publisher reads its parts; here it
/// only tells that an article starts on the line.
pub(super) fn opens_with_dateline(line: &str) -> bool {
    let mut previous = None;
    for (at, c) in line.char_indices().take(DATELINE_CUE_CHARS) {
        let cue = match c {
            '讯' | '訊' => previous.is_some(),
            '电' | '電' => previous == Some('日'),
            _ => false,
        };
        if cue {
            return line[at + c.len_utf8()..]
                .starts_with(|c: char| is_blank(c) || "(\u{ff08}【:\u{ff1a}".contains(c));
        }
        let in_name = is_han(c) || c.is_ascii_digit() || matches!(c, '-' | '·');
        if !in_name {
            return false;
        }
        previous = Some(c);
    }
    false
}

/// A photographer's credit that opens a line (`本报全媒体首席记者 闵勇 摄`)
/// ends within this many characters: a role of a dozen characters, a name
/// and the mark.
const PHOTO_CREDIT_CHARS: usize = 30;

/// Where the text starts after a photographer's credit that opens `line`
/// (`本报记者 闵勇 摄 5月16日,市区…`): names and roles in Han characters
/// and blanks, then `摄` and a blank. `None` when nothing follows it, or
/// when `摄` is part of a word (`摄影`, `拍摄的`).
pub(super) fn after_photo_credit(line: &str) -> Option<usize> {
    let mut blank_inside = false;
    for (at, c) in line.char_indices().take(PHOTO_CREDIT_CHARS) {
        if matches!(c, '摄' | '攝') && blank_inside {
            let rest = &line[at + c.len_utf8()..];
            let text = rest.trim_start_matches(is_blank);
            return (text.len() < rest.len() && !text.is_empty()).then(|| line.len() - text.len());
        }
        if is_blank(c) {
            blank_inside = at > 0;
        } else if !is_han(c) {
            return None;
        }
    }
    None
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
    fn datelines_opening_a_line() {
        assert!(opens_with_dateline("本报讯(记者 张三)近日,园区开园。"));
        assert!(opens_with_dateline(
            "廣西新聞網-當代生活報訊(記者 黃岸)昨日"
        ));
        assert!(opens_with_dateline("新华社北京5月1日电(记者 王五)"));
        assert!(opens_with_dateline("金寨讯 近日,"));
        assert!(!opens_with_dateline("讯(记者 张三)"));
        assert!(!opens_with_dateline("新华社北京电视台报道"));
        assert!(!opens_with_dateline("近日,本报讯息中心开通热线。"));
        assert!(!opens_with_dateline("全县通讯网络全面覆盖。"));
    }

    #[test]
    fn photo_credits_opening_a_line() {
        let line = "本报记者 闵勇 摄 5月16日,市区沐浴在夕阳之下。";
        assert_eq!(
            after_photo_credit(line).map(|at| &line[at..]),
            Some("5月16日,市区沐浴在夕阳之下。")
        );
        assert_eq!(after_photo_credit("闵勇 摄"), None);
        assert_eq!(after_photo_credit("摄影爱好者 走进乡村。"), None);
        assert_eq!(after_photo_credit("记者拍摄 的照片。"), None);
        assert_eq!(after_photo_credit("5月16日,记者 闵勇 摄 市区。"), None);
    }

    #[test]
    fn one_sentence_lines() {
        assert!(is_one_sentence("游客在市场选购芒果。"));
        assert!(!is_one_sentence("游客选购芒果。价格平稳。"));
        assert!(!is_one_sentence("游客选购芒果"));
    }

    #[test]
    fn bodies_opened_by_their_recipients() {
        assert!(opens_body("各镇乡人民政府,各街道办事处,区政府各部门"));
        assert!(opens_body("各街镇:"));
        assert!(!opens_body("各地积极推进乡村振兴"));
        assert!(!opens_body("园区开园 各方祝贺"));
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
