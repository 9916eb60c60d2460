//! Credits around the body's paragraphs: the dateline and bracketed byline
//! that open the first one, and the bracketed credit that closes one.
//!
//! A dateline is read by a small grammar at the start of one of the body's
//! first lines (or a line between title and body):
//!
//! ```text
//! DATELINE := OPEN? MEDIUM? PLACE? DAY? CUE CLOSE? BYLINE?
//! MEDIUM   := a name the source tables call a medium or website (`中国网`,
//!             `黑龙江日报`, `人民網`), or `本报`/`本网`/`本台` (the page itself)
//! DAY      := `5月1日`
//! CUE      := 讯 | 电 (after a day) | 消息 | 报道   (in either script)
//! BYLINE   := `(` credit list `)`, or a byline cue and its names up to a colon
//! ```
//!
//! so `新华社北京5月1日电(记者 王五)`, `中广网杭州3月2日消息(记者 A 通讯员 B C)`,
//! `【香港商报讯】记者郭美勤 林颖萍报道:`, `本报讯(记者 张三)` and `金寨讯` are all
//! datelines. The medium becomes a source that may name the issuer (rank 3,
//! as a `来源` medium does); the byline's names are authors unless a cue in
//! it says otherwise (`通讯员`, `摄`, `编辑`).
//!
//! A trailing credit is a bracketed list that ends a line of the body or
//! stands on a line after it: `(李晨光、傅新春)`, `(本网记者 朱加良)`,
//! `(XX县招商局 赵六)`, `(责编:张雪冬、刘泽)`. Every word in it must be a
//! person's name, a body's name or a byline cue; its people are authors
//! unless a cue says otherwise, and a body in it may name the issuer when
//! nothing above does (rank 4).

use std::sync::LazyLock;

use memchr::memmem;

use crate::layout::{BoilerplateKind, Layout};
use crate::span::Span;

use super::credit_list::{
    byline_cue_in, credit_list, credited_body, is_body_name, is_medium_word, without_places,
};
use super::credits::Credit;
use super::lexicon::{is_han, Form, Lexicon};
use super::{Role, SourceKind};

/// Datelines are looked for on this many of the body's first lines: a
/// caption or a repeated title may stand above the paragraph that opens
/// with one.
const DATELINE_LINES: usize = 3;

/// A dateline's cue stands within this many characters of its line's
/// start: the longest mediums and places (`中央广电总台国际在线重庆频道`)
/// with a day run to about twenty.
const MAX_DATELINE_CHARS: usize = 24;

/// A bracketed byline or trailing credit is at most this long (in
/// characters): a few cues and up to a dozen names.
const MAX_BRACKET_CHARS: usize = 60;

/// A byline without brackets after a dateline (`记者郭美勤 林颖萍报道:`) runs at
/// most this far before its colon.
const MAX_OPEN_BYLINE_CHARS: usize = 30;

/// The rank of a body named in a trailing credit, for the choice of the
/// issuer: after every field and every medium.
pub(super) const TRAILING_RANK: u8 = 4;

/// Words that close a dateline, and whether a day must stand before them.
const CUES: [(&str, bool); 8] = [
    ("讯", false),
    ("訊", false),
    ("电", true),
    ("電", true),
    ("消息", false),
    ("报道", false),
    ("報道", false),
    ("报导", false),
];

/// The page's own name in a dateline: it names no source.
pub(super) const SELF: [&str; 5] = ["本报", "本網", "本网", "本台", "本報"];

/// The rank of a body that signs the notice, for the choice of the issuer:
/// last of all.
pub(super) const SIGNATURE_RANK: u8 = 5;

/// Reads the datelines, trailing credits and signatures of `text`.
pub(super) fn collect(lexicon: &Lexicon, text: &str, layout: &Layout, out: &mut Vec<Credit>) {
    // A body's name over a date alone: the notice's signature.
    for &date in &layout.dates {
        let Some(name) = crate::layout::signature_name(text, date) else {
            continue;
        };
        if is_body_name(lexicon, &text[name.range()]) {
            let signer = credited_body(lexicon, text, name, SourceKind::Agency, SIGNATURE_RANK);
            out.push(signer);
        }
    }
    let Some(body) = layout.body else {
        return;
    };
    // A dateline may head a line taken for the title (`中新网 晋城3月25日电
    // 题:…`), the lines under it, or the body's first lines.
    let first_lines = lines(text, body).take(DATELINE_LINES);
    let heads = layout
        .title
        .into_iter()
        .chain(layout.preamble.iter().copied());
    for line in heads.chain(first_lines) {
        dateline(lexicon, text, line, out);
    }
    // Trailing credits: at the end of a body line, or on a line of their own
    // after the body; credit lines of their own, under the title, in the
    // body or after it (`临报融媒记者 张庆华`, `新重庆-重庆日报记者 王翔`). Most
    // lines are paragraphs, which the cheap tests rule out.
    let after: Vec<Span> = lines(text, Span::new(body.end, text.len()))
        .take(DATELINE_LINES)
        .collect();
    // A credit line may be all a page has above its body, and taken for its
    // title (`川报观察记者 王成栋`).
    // Captions above the body (`…村民住房。图/新华社`) are credit regions
    // of their own.
    let captions = layout
        .boilerplate
        .iter()
        .filter(|region| region.kind == BoilerplateKind::Credit && region.span.end <= body.start)
        .flat_map(|region| lines(text, region.span));
    let own_lines = layout
        .title
        .into_iter()
        .chain(layout.preamble.iter().copied())
        .chain(captions)
        .chain(lines(text, body))
        .chain(after.iter().copied());
    for line in own_lines {
        let kept = crate::layout::trim_trailing_bars(&text[line.range()]);
        let line = Span::new(line.start, line.start + kept.len());
        let content = &text[line.range()];
        if content.ends_with([')', '）', '。']) {
            trailing(lexicon, text, line, out);
        }
        // A credit line is short and holds neither sentence punctuation nor
        // digits (the short lines of a body's lists hold both).
        let short = content.len() <= MAX_BRACKET_CHARS * 3;
        if short
            && !content.bytes().any(|b| b.is_ascii_digit())
            && !content.contains(['。', '，', ',', '!', '?', '！', '？'])
            && byline_cue_in(lexicon, content).is_some()
        {
            credit_list(lexicon, text, line, out);
        }
    }
    // A reporter's name alone on the line that closes the article
    // (`张恩莲`).
    let body_text = text[body.range()].trim_end();
    let last_start = body_text.rfind('\n').map_or(0, |at| at + 1);
    let last = Span::new(body.start + last_start, body.start + body_text.len());
    for line in lines(text, last) {
        if lexicon.is_person(&text[line.range()], true) {
            out.push(Credit {
                span: line,
                name: line,
                kind: SourceKind::Person,
                role: Role::Author,
                rank: None,
            });
        }
    }
    // Photographers at the end of a caption (`活动现场。何鑫摄`): the marks
    // are looked for once, from the title's end (captions may stand between
    // the title and the body, as regions of their own) to the last lines
    // after the body.
    let from = layout.title.map_or(0, |title| title.end).min(body.start);
    let to = after.last().map_or(body.end, |line| line.end);
    for finder in PHOTO_FINDERS.iter() {
        for at in finder.find_iter(&text.as_bytes()[from..to]) {
            let at = from + at;
            let start = text[..at].rfind('\n').map_or(0, |i| i + 1);
            let end = text[at..].find('\n').map_or(text.len(), |i| at + i);
            caption_at(
                lexicon,
                text,
                Span::new(start, end),
                at,
                finder.needle().len(),
                out,
            );
        }
    }
}

/// Finders of the marks that credit a photographer after the name (`何鑫摄`,
/// `刘占昆 摄`), built once.
static PHOTO_FINDERS: LazyLock<[memmem::Finder<'static>; 2]> =
    LazyLock::new(|| ["摄", "攝"].map(|mark| memmem::Finder::new(mark.as_bytes()).into_owned()));

/// The trimmed non-blank lines of `span`.
fn lines(text: &str, span: Span) -> impl Iterator<Item = Span> + '_ {
    let breaks =
        memchr::memchr_iter(b'\n', &text.as_bytes()[span.range()]).map(move |at| span.start + at);
    let mut start = span.start;
    breaks.chain([span.end]).filter_map(move |end| {
        let line = trim_blanks(text, Span::new(start, end));
        start = end + 1;
        (!line.is_empty()).then_some(line)
    })
}

/// `span` without the blanks at its ends that pages put there: ASCII
/// whitespace and the ideographic space, read as bytes (the lines of a long
/// body are many, and decoding their ends was a tenth of this module's
/// work).
fn trim_blanks(text: &str, span: Span) -> Span {
    const IDEOGRAPHIC_SPACE: &[u8] = "\u{3000}".as_bytes();
    let bytes = text.as_bytes();
    let (mut start, mut end) = (span.start, span.end);
    loop {
        if start < end && bytes[start].is_ascii_whitespace() {
            start += 1;
        } else if bytes[start..end].starts_with(IDEOGRAPHIC_SPACE) {
            start += IDEOGRAPHIC_SPACE.len();
        } else {
            break;
        }
    }
    loop {
        if end > start && bytes[end - 1].is_ascii_whitespace() {
            end -= 1;
        } else if bytes[start..end].ends_with(IDEOGRAPHIC_SPACE) {
            end -= IDEOGRAPHIC_SPACE.len();
        } else {
            break;
        }
    }
    Span::new(start, end)
}

/// The dateline opening `line`, if it has one.
fn dateline(lexicon: &Lexicon, text: &str, line: Span, out: &mut Vec<Credit>) {
    let content = &text[line.range()];
    let open = content.len()
        - content
            .trim_start_matches(|c: char| c.is_whitespace() || matches!(c, '【' | '[' | '□' | '■'))
            .len();
    let head_start = line.start + open;
    let window: String = text[head_start..line.end]
        .chars()
        .take(MAX_DATELINE_CHARS)
        .collect();
    if window.starts_with(['(', '（']) {
        medium_byline(lexicon, text, head_start, &window, out);
        return;
    }
    let Some((cue_at, cue, dated)) = CUES
        .iter()
        .filter_map(|&(cue, dated)| window.find(cue).map(|at| (at, cue, dated)))
        .min_by_key(|&(at, ..)| at)
    else {
        medium_byline(lexicon, text, head_start, &window, out);
        return;
    };
    let head = &window[..cue_at];
    // `据…消息` is a lead attribution, read by its own cue.
    let opens_with_lead = lexicon.cues.find(head).is_some_and(|m| {
        m.start() == 0
            && lexicon.cue_rows[m.pattern().as_usize()]
                .iter()
                .any(|c| c.form == Form::Lead)
    });
    if opens_with_lead {
        return;
    }
    let after = &text[head_start + cue_at + cue.len()..line.end];
    let (place, has_day) = strip_day(head);
    let head_ok = !head.is_empty()
        && head
            .chars()
            .all(|c| is_han(c) || c.is_ascii_alphanumeric() || matches!(c, '·' | '-' | ' '));
    let next = after.chars().next();
    let cue_ends_word = match next {
        None => true,
        Some(c) => !is_han(c) || cue.ends_with(['讯', '訊']) && c != '员' && c != '員',
    };
    if !head_ok || (dated && !has_day) || !cue_ends_word {
        return;
    }
    let cue_end = head_start + cue_at + cue.len();
    let stem = without_places(place);
    // A name of no known kind heads a dateline only when the cue stands
    // apart from the sentence (`云上黄冈报道(`, `修水讯 `): glued to it, the
    // cue is the end of a word (`头条新闻资讯订阅`).
    // `短讯`, `快讯`, `资讯`: a word ending with the cue is no dateline.
    let word_before = place.ends_with(['短', '快', '简', '资', '通', '喜', '音', '视']);
    let apart = next.is_none_or(|c| !is_han(c)) && !word_before;
    let known = medium(lexicon, place)
        .or_else(|| (apart && is_medium_word(lexicon, stem)).then_some((stem, SourceKind::Media)));
    if let Some((name, kind)) = known {
        let name = Span::new(head_start, head_start + name.len());
        out.push(Credit {
            span: Span::new(name.start, cue_end),
            name,
            kind,
            role: Role::Source,
            rank: Some(3),
        });
    }
    byline_after(lexicon, text, Span::new(cue_end, line.end), out);
}

/// A paragraph opened by a medium and its bracketed byline without a cue
/// between them (`儀隴融媒(記者 肖蒙/文 汪澤宇/圖)7月27日,…`), or by the
/// byline alone (`(记者:罗超)9月27日,…`): the byline must hold a byline cue.
fn medium_byline(
    lexicon: &Lexicon,
    text: &str,
    head_start: usize,
    window: &str,
    out: &mut Vec<Credit>,
) {
    let Some(open) = window.find(['(', '（']) else {
        return;
    };
    let head = &window[..open];
    // A paragraph may open with its byline alone (`(记者:罗超)9月27日,…`).
    let alone = head.is_empty();
    if !alone
        && !is_medium_word(lexicon, head)
        && medium(lexicon, head).is_none_or(|(name, _)| name != head)
    {
        return;
    }
    let Some(inner) = bracketed(text, head_start + open) else {
        return;
    };
    if byline_cue_in(lexicon, &text[inner.range()]).is_none() {
        return;
    }
    let first = out.len();
    if credit_list(lexicon, text, inner, out) && !alone {
        let kind = lexicon.kind_of(head).unwrap_or(SourceKind::Media);
        let name = Span::new(head_start, head_start + head.len());
        out.insert(
            first,
            Credit {
                span: Span::new(name.start, inner.end),
                name,
                kind,
                role: Role::Source,
                rank: Some(3),
            },
        );
    }
}

/// `head` without the day before the cue (`北京5月1日` → `北京`), and
/// whether it had one.
fn strip_day(head: &str) -> (&str, bool) {
    let Some(rest) = head.strip_suffix('日') else {
        return (head, false);
    };
    let digits = |s: &str| s.len() - s.trim_end_matches(|c: char| c.is_ascii_digit()).len();
    let day = digits(rest);
    let Some(rest) = rest[..rest.len() - day]
        .strip_suffix('月')
        .filter(|_| day > 0)
    else {
        return (head, false);
    };
    let month = digits(rest);
    if month == 0 {
        return (head, false);
    }
    (rest[..rest.len() - month].trim_end(), true)
}

/// The medium a dateline's head opens with: its longest prefix that the
/// tables call a medium or website. `None` for the page's own name or a
/// place alone (`金寨`).
fn medium<'h>(lexicon: &Lexicon, head: &'h str) -> Option<(&'h str, SourceKind)> {
    if SELF.iter().any(|s| head.starts_with(s)) {
        return None;
    }
    head.char_indices().rev().find_map(|(at, c)| {
        let prefix = &head[..at + c.len_utf8()];
        let kind = lexicon.kind_of(prefix)?;
        matches!(kind, SourceKind::Media | SourceKind::Website).then_some((prefix, kind))
    })
}

/// The byline right after a dateline's cue: bracketed, or opened by a
/// byline cue and closed by a colon.
fn byline_after(lexicon: &Lexicon, text: &str, rest: Span, out: &mut Vec<Credit>) {
    let s = &text[rest.range()];
    let trimmed = s.trim_start_matches(|c: char| c.is_whitespace() || matches!(c, '】' | ']'));
    let at = rest.start + s.len() - trimmed.len();
    if let Some(inner) = bracketed(text, at) {
        credit_list(lexicon, text, inner, out);
        return;
    }
    let opens_with_cue = lexicon.cues.find(trimmed).is_some_and(|m| {
        m.start() == 0
            && lexicon.cue_rows[m.pattern().as_usize()]
                .iter()
                .any(|c| c.form == Form::Byline)
    });
    if !opens_with_cue {
        return;
    }
    // It ends at a colon or a comma, or where the paragraph's first sentence
    // opens with a day (`记者胡珊霞 通讯员南宣报道 4月9日,…`).
    let end = trimmed
        .char_indices()
        .take(MAX_OPEN_BYLINE_CHARS)
        .find(|&(i, c)| {
            matches!(c, ':' | '：' | ',' | '，' | '。')
                || (c.is_ascii_digit() && trimmed[..i].ends_with(char::is_whitespace))
        })
        .map(|(i, _)| i);
    if let Some(end) = end {
        credit_list(lexicon, text, Span::new(at, at + end), out);
    }
}

/// The photographer the mark at `at` (of `mark_len` bytes) credits on
/// `line`: a name, at most one blank, then the mark before a blank, a
/// bracket, a full stop or the line's end (`活動現場。何鑫攝`, `…投入运营。 刘占昆
/// 摄`, `新华社记者 李紫恒摄`). The name is a family name and the one or two
/// characters after it that end the run of characters before the mark.
fn caption_at(
    lexicon: &Lexicon,
    text: &str,
    line: Span,
    at: usize,
    mark_len: usize,
    out: &mut Vec<Credit>,
) {
    let after = text[at + mark_len..line.end].chars().next();
    if after.is_some_and(|c| is_han(c) || c.is_ascii_alphanumeric()) {
        return;
    }
    // `拍摄`, `航摄`: the verb, not a name and the mark (`公益拍摄`).
    if text[line.start..at].ends_with(['拍', '航']) {
        return;
    }
    let before = text[line.start..at].trim_end_matches([' ', '\u{3000}']);
    let run_start = before
        .char_indices()
        .rev()
        .find(|&(_, c)| !is_han(c))
        .map_or(0, |(i, c)| i + c.len_utf8());
    let run = &before[run_start..];
    let name = [3, 2].into_iter().find_map(|n| {
        let chars = run.chars().count();
        let from = run.char_indices().nth(chars.checked_sub(n)?)?.0;
        lexicon.is_person(&run[from..], true).then_some(from)
    });
    if let Some(from) = name {
        let start = line.start + run_start + from;
        out.push(Credit {
            span: Span::new(start, at + mark_len),
            name: Span::new(start, line.start + before.len()),
            kind: SourceKind::Person,
            role: Role::Photo,
            rank: None,
        });
    }
}

/// The inside of the bracket opening at `at`, when it closes within
/// [`MAX_BRACKET_CHARS`] on the same line.
fn bracketed(text: &str, at: usize) -> Option<Span> {
    let rest = &text[at..];
    let open = rest.chars().next().filter(|c| matches!(c, '(' | '（'))?;
    let inner = &rest[open.len_utf8()..];
    let (end, _) = inner
        .char_indices()
        .take(MAX_BRACKET_CHARS)
        .take_while(|&(_, c)| c != '\n')
        .find(|&(_, c)| matches!(c, ')' | '）'))?;
    let start = at + open.len_utf8();
    Some(Span::new(start, start + end))
}

/// The bracketed credit that ends `line`, if it has one.
fn trailing(lexicon: &Lexicon, text: &str, line: Span, out: &mut Vec<Credit>) {
    let content = &text[line.range()];
    let kept = content.trim_end_matches(|c: char| c.is_whitespace() || matches!(c, '。' | '|'));
    let Some(close) = kept.chars().next_back().filter(|c| matches!(c, ')' | '）')) else {
        return;
    };
    let inner_end = kept.len() - close.len_utf8();
    let Some((open_at, open)) = kept[..inner_end]
        .char_indices()
        .rev()
        .take(MAX_BRACKET_CHARS)
        .find(|&(_, c)| matches!(c, '(' | '（' | ')' | '）'))
        .filter(|&(_, c)| matches!(c, '(' | '（'))
    else {
        return;
    };
    let inner = Span::new(
        line.start + open_at + open.len_utf8(),
        line.start + inner_end,
    );
    if !credit_list(lexicon, text, inner, out) {
        attribution(lexicon, text, inner, out);
    }
}

/// The source an attribution in brackets names, as a medium that may name
/// the issuer (rank 3, as a `来源` medium does).
fn attribution(lexicon: &Lexicon, text: &str, inner: Span, out: &mut Vec<Credit>) {
    let content = &text[inner.range()];
    let Some(lead) = crate::layout::ATTRIBUTION_LEADS
        .iter()
        .find(|lead| content.starts_with(*lead))
    else {
        return;
    };
    let rest = content[lead.len()..].trim_start_matches([':', '：', ' ']);
    let name_len = rest
        .char_indices()
        .find(|&(_, c)| !(is_han(c) || c.is_ascii_alphanumeric() || c == '·'))
        .map_or(rest.len(), |(at, _)| at);
    let name = &rest[..name_len];
    if !(2..=MAX_MEDIUM_NAME_CHARS).contains(&name.chars().count()) {
        return;
    }
    let start = inner.end - content.len() + (content.len() - rest.len());
    let span = Span::new(start, start + name_len);
    out.push(Credit {
        span: Span::new(inner.start, span.end),
        name: span,
        kind: lexicon.kind_of(name).unwrap_or(SourceKind::Media),
        role: Role::Source,
        rank: Some(3),
    });
}

/// A source named in an attribution is at most this long (in characters).
const MAX_MEDIUM_NAME_CHARS: usize = 20;

#[cfg(test)]
mod tests {
    use super::strip_day;

    #[test]
    fn days_before_the_cue() {
        assert_eq!(strip_day("北京5月1日"), ("北京", true));
        assert_eq!(strip_day("中国网北京11月27日"), ("中国网北京", true));
        assert_eq!(strip_day("本报"), ("本报", false));
        assert_eq!(strip_day("月日"), ("月日", false));
    }
}
