//! Credits a notice states: header and footer fields, bylines, photo and
//! layout credits, lead attributions and WeChat accounts.

use crate::layout::{BoilerplateKind, Layout};
use crate::span::Span;

use super::lexicon::{is_han, Cue, Form, Lexicon, LEXICON};
use super::{Role, SourceKind};

/// A credited name is at most this long (in characters): the longest agency
/// names (`中国通信工业协会城乡数字化专业委员会`) run to about 20; anything longer
/// is a sentence.
const MAX_NAME_CHARS: usize = 30;

/// A line without any cue reads as a line of reporters' names only when it
/// has at most this many names: newspaper bylines credit a few writers.
const MAX_BYLINE_NAMES: usize = 6;

/// The quoted name before `微信号` is at most this long (in characters):
/// account names are short.
const MAX_ACCOUNT_CHARS: usize = 20;

/// Words that credit the page itself, not a source.
const SELF_REFERENCES: [&str; 7] = ["本站", "本网", "本报", "本台", "原创", "网络", "admin"];

/// One credit found in the text.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) struct Credit {
    /// The credit as written: its label or cue (when it has one) and the name.
    pub span: Span,
    /// The name alone.
    pub name: Span,
    pub kind: SourceKind,
    pub role: Role,
    /// Rank for the choice of the issuer (see [`Cue::rank`]).
    pub rank: Option<u8>,
}

/// The role, rank and label start a field key or cue gives the names after it.
#[derive(Clone, Copy, Debug)]
pub(super) struct Lead {
    pub role: Role,
    pub rank: Option<u8>,
    pub label: usize,
}

/// Words a name in a byline may end with (`王晓森报道`, `李紫恒摄`): they belong
/// to the byline, and `摄` makes the name the photographer's.
const NAME_TAILS: [(&str, Option<Role>); 8] = [
    ("报道", None),
    ("報道", None),
    ("报导", None),
    ("摄影", Some(Role::Photo)),
    ("摄", Some(Role::Photo)),
    ("攝", Some(Role::Photo)),
    ("供图", Some(Role::Photo)),
    ("供圖", Some(Role::Photo)),
];

/// Byline words that stand after a name in a list (`肖蒙/文 汪泽宇/图`), and
/// the role they give it.
const TAIL_WORDS: [(&str, Role); 4] = [
    ("文", Role::Author),
    ("图", Role::Photo),
    ("圖", Role::Photo),
    ("摄", Role::Photo),
];

/// The role a byline word standing alone after the names gives them
/// (`(张伟 供图)`), when `word` is one.
pub(super) fn tail_word(word: &str) -> Option<Option<Role>> {
    NAME_TAILS
        .iter()
        .find(|&&(tail, _)| tail == word)
        .map(|&(_, role)| role)
        .or_else(|| {
            TAIL_WORDS
                .iter()
                .find(|&&(tail, _)| tail == word)
                .map(|&(_, role)| Some(role))
        })
}

/// `word` without a byline word it ends with, and the role that word gives
/// (`王晓森报道` → `王晓森`; `李紫恒摄` → `李紫恒`, photo).
pub(super) fn split_tail(word: &str) -> (&str, Option<Role>) {
    NAME_TAILS
        .iter()
        .find_map(|&(tail, role)| {
            let name = word.strip_suffix(tail).filter(|name| !name.is_empty())?;
            Some((name, role))
        })
        .unwrap_or((word, None))
}

/// Every credit of `text`, in no particular order.
pub(super) fn collect(text: &str, layout: &Layout) -> Vec<Credit> {
    let lexicon = &*LEXICON;
    let mut out = Vec::new();
    for field in &layout.fields {
        if let Some(cue) = lexicon.field(&field.key_name(text)) {
            let lead = Lead {
                role: cue.role,
                rank: cue.rank,
                label: field.key.start,
            };
            credit_line(lexicon, text, field.value, Some(lead), &mut out);
        }
    }
    for (i, &line) in layout.preamble.iter().enumerate() {
        if i == 0 && account_line(lexicon, text, layout.title, line, &mut out) {
            continue;
        }
        credit_line(lexicon, text, line, None, &mut out);
    }
    for region in &layout.boilerplate {
        if region.kind == BoilerplateKind::Credit {
            for line in lines(text, region.span) {
                credit_line(lexicon, text, line, None, &mut out);
            }
        }
    }
    clauses(lexicon, text, layout, &mut out);
    super::dateline::collect(lexicon, text, layout, &mut out);
    // A site or paper named on a header line (`大众日报 2017-11-30`) is a
    // medium unless its wording says otherwise; it names the issuer after
    // every field and dateline.
    for &site in &layout.sites {
        let name = &text[site.range()];
        let kind = lexicon.kind_of(name).unwrap_or(SourceKind::Media);
        if kind != SourceKind::Person {
            out.push(Credit {
                span: site,
                name: site,
                kind,
                role: Role::Source,
                rank: Some(super::dateline::TRAILING_RANK),
            });
        }
    }
    out
}

/// The trimmed non-blank lines of `span`.
fn lines(text: &str, span: Span) -> impl Iterator<Item = Span> + '_ {
    let mut offset = span.start;
    text[span.range()].split('\n').filter_map(move |raw| {
        let start = offset;
        offset += raw.len() + 1;
        trim(text, Span::new(start, start + raw.len()))
    })
}

/// `span` without blanks at either end; `None` when nothing is left.
fn trim(text: &str, span: Span) -> Option<Span> {
    let raw = &text[span.range()];
    let inner = raw.trim_start_matches(is_blank);
    let start = span.start + raw.len() - inner.len();
    let inner = inner.trim_end_matches(is_blank);
    (!inner.is_empty()).then(|| Span::new(start, start + inner.len()))
}

fn is_blank(c: char) -> bool {
    c.is_whitespace() || matches!(c, '\u{feff}' | '\u{200b}')
}

/// What separates the names of a credit line.
fn is_separator(c: char) -> bool {
    is_blank(c)
        || matches!(
            c,
            '、' | '\u{ff0c}'
                | ','
                | '\u{ff1b}'
                | ';'
                | '|'
                | '\u{ff5c}'
                | '丨'
                | '/'
                | '\u{ff0f}'
                | '('
                | ')'
                | '\u{ff08}'
                | '\u{ff09}'
                | '【'
                | '】'
                | '['
                | ']'
                | ':'
                | '\u{ff1a}'
                | '“'
                | '”'
                | '"'
                | '《'
                | '》'
        )
}

/// The runs of non-separators in `span`.
fn tokens(text: &str, span: Span) -> impl Iterator<Item = Span> + '_ {
    let mut start: Option<usize> = None;
    text[span.range()]
        .char_indices()
        .map(Some)
        .chain(std::iter::once(None))
        .filter_map(move |item| {
            let (at, c) = item.map_or((span.len(), ' '), |(at, c)| (at, c));
            match (start, is_separator(c)) {
                (None, false) => {
                    start = Some(at);
                    None
                }
                (Some(from), true) => {
                    start = None;
                    Some(Span::new(span.start + from, span.start + at))
                }
                _ => None,
            }
        })
}

/// The kind of a credited name, when the name can stand for `role`. `strict`
/// asks a person's name to open with a family name.
fn accept(lexicon: &Lexicon, name: &str, role: Role, strict: bool) -> Option<SourceKind> {
    let chars = name.chars().count();
    if chars == 0 || chars > MAX_NAME_CHARS || SELF_REFERENCES.contains(&name) {
        return None;
    }
    if let Some(kind) = lexicon.kind_of(name) {
        return Some(kind);
    }
    // A division named as a source is its government (`信息来源:泽国镇`).
    let division = matches!(role, Role::Issuer | Role::Source)
        && !crate::gazetteer::lookup(&crate::script::fold(name)).is_empty();
    if division {
        return Some(SourceKind::Agency);
    }
    if lexicon.is_person(name, strict) && !crate::layout::is_page_word(name) {
        return Some(SourceKind::Person);
    }
    // A body the page names as its source or issuer, of a kind its wording
    // does not tell: government pages credit agencies there.
    // Parts of one name may be joined by a middle dot or a dash
    // (`澎湃新闻·澎湃号·湃客`, `工人日报-中工网`).
    let named_body = matches!(role, Role::Issuer | Role::Source)
        && !strict
        && chars >= 3
        && name
            .chars()
            .all(|c| is_han(c) || matches!(c, '·' | '-' | '—'))
        && name.starts_with(is_han)
        && name.ends_with(is_han);
    named_body.then_some(SourceKind::Agency)
}

/// Reads one credit line or field value: names after byline cues take the
/// cue's role; names before the first cue take `lead`'s. A line with no cue
/// and no lead counts only when every token is a person's name (a line of
/// reporters' names under the title).
pub(super) fn credit_line(
    lexicon: &Lexicon,
    text: &str,
    span: Span,
    lead: Option<Lead>,
    out: &mut Vec<Credit>,
) {
    let line = &text[span.range()];
    let mut segments: Vec<(Span, Lead)> = Vec::new();
    let mut open = lead.map(|lead| (span.start, lead));
    for m in lexicon.cues.find_iter(line) {
        let at_token = line[..m.start()]
            .chars()
            .next_back()
            .is_none_or(is_separator);
        let byline = lexicon.cue_rows[m.pattern().as_usize()]
            .iter()
            .find(|cue| cue.form == Form::Byline);
        let (true, Some(cue)) = (at_token, byline) else {
            continue;
        };
        if let Some((from, lead)) = open {
            segments.push((Span::new(from, span.start + m.start()), lead));
        }
        let lead = Lead {
            role: cue.role,
            rank: cue.rank,
            label: span.start + m.start(),
        };
        open = Some((span.start + m.end(), lead));
    }
    match open {
        Some((from, lead)) => segments.push((Span::new(from, span.end), lead)),
        None => return names_line(lexicon, text, span, out),
    }
    for (segment, lead) in segments {
        let mut label = Some(lead.label);
        for (n, token) in tokens(text, segment).enumerate() {
            let whole = &text[token.range()];
            if tail_word(whole).is_some() {
                continue;
            }
            let (name, tail_role) = match accept(lexicon, whole, lead.role, false) {
                Some(_) => (whole, None),
                None => split_tail(whole),
            };
            let Some(kind) = accept(lexicon, name, lead.role, false) else {
                continue;
            };
            // A body of no known kind is taken only as the value's first
            // name: what follows it is the page's (`来源: 沈阳晚报 点击这里给我发消息`).
            let guessed = kind == SourceKind::Agency && lexicon.kind_of(name).is_none();
            if !(guessed && n > 0) {
                out.push(Credit {
                    span: Span::new(label.take().unwrap_or(token.start), token.end),
                    name: Span::new(token.start, token.start + name.len()),
                    kind,
                    role: tail_role.unwrap_or(lead.role),
                    rank: lead.rank,
                });
            }
        }
    }
}

/// A line of names alone (`巨云鹏 丁婉星`): authors, when every token is a
/// person's name opening with a family name.
fn names_line(lexicon: &Lexicon, text: &str, span: Span, out: &mut Vec<Credit>) {
    let mut names = tokens(text, span);
    let first = out.len();
    for (n, token) in names.by_ref().enumerate() {
        if n == MAX_BYLINE_NAMES || !lexicon.is_person(&text[token.range()], true) {
            out.truncate(first);
            return;
        }
        out.push(Credit {
            span: token,
            name: token,
            kind: SourceKind::Person,
            role: Role::Author,
            rank: None,
        });
    }
}

/// The account line right under the title of a WeChat post (`上海发布`): the
/// account that published it. Returns whether `line` is one.
fn account_line(
    lexicon: &Lexicon,
    text: &str,
    title: Option<Span>,
    line: Span,
    out: &mut Vec<Credit>,
) -> bool {
    let Some(title) = title.filter(|t| t.end <= line.start) else {
        return false;
    };
    // Directly under the title: one line break, no blank line.
    let gap = &text[title.end..line.start];
    let name = &text[line.range()];
    let single =
        gap.matches('\n').count() == 1 && gap.chars().all(is_blank) && !name.contains(is_separator);
    if single && lexicon.kind_of(name) == Some(SourceKind::WechatAccount) {
        out.push(Credit {
            span: line,
            name: line,
            kind: SourceKind::WechatAccount,
            role: Role::Issuer,
            rank: Some(1),
        });
        return true;
    }
    false
}

/// Whether the text at `span` lies in a region whose credits do not belong to
/// the notice: navigation, page metadata, copyright lines, related articles.
fn foreign(layout: &Layout, span: Span) -> bool {
    // Regions are in text order and do not overlap: only the last one
    // starting at or before `span` can hold it.
    let after = layout
        .boilerplate
        .partition_point(|region| region.span.start <= span.start);
    after.checked_sub(1).is_some_and(|i| {
        let region = &layout.boilerplate[i];
        matches!(
            region.kind,
            BoilerplateKind::Breadcrumb
                | BoilerplateKind::PageMeta
                | BoilerplateKind::Copyright
                | BoilerplateKind::Related
        ) && region.span.contains(span)
    })
}

/// Where the text before byte `at` on its line starts, looking back at most
/// `max` characters (so that each cue costs a bounded look-back), and
/// whether that is the start of the line.
fn back_on_line(text: &str, at: usize, max: usize) -> (usize, bool) {
    let mut start = at;
    for (n, (i, c)) in text[..at].char_indices().rev().enumerate() {
        if c == '\n' {
            return (start, true);
        }
        if n == max {
            return (start, false);
        }
        start = i;
    }
    (start, true)
}

/// Lead attributions (`据上海市政府网站消息`), photo credits (`图片由…提供`,
/// `…供图`), dateline credits (`中国质量新闻网讯`) and WeChat accounts
/// (`“文旅宝山”微信号`) anywhere in the text but foreign regions.
fn clauses(lexicon: &Lexicon, text: &str, layout: &Layout, out: &mut Vec<Credit>) {
    for m in lexicon.clause_cues.find_iter(text) {
        let cue_span = Span::new(m.start(), m.end());
        if foreign(layout, cue_span) {
            continue;
        }
        for cue in &lexicon.clause_rows[m.pattern().as_usize()] {
            let found = match cue.form {
                Form::Lead => lead_clause(lexicon, text, cue_span, cue),
                Form::Trail => trail_clause(lexicon, text, cue_span, cue),
                Form::Quoted => quoted_account(text, cue_span),
                Form::Field | Form::Byline => None,
            };
            if let Some((span, name, kind)) = found {
                out.push(Credit {
                    span,
                    name,
                    kind,
                    role: cue.role,
                    rank: cue.rank,
                });
                break;
            }
        }
    }
}

/// The name between a lead cue and its closing text, on one clause.
fn lead_clause(
    lexicon: &Lexicon,
    text: &str,
    cue_span: Span,
    cue: &Cue,
) -> Option<(Span, Span, SourceKind)> {
    // An attribution (`据…消息`) opens its paragraph; a photo credit may stand
    // anywhere.
    let (from, whole) = back_on_line(text, cue_span.start, MAX_NAME_CHARS);
    let opens_line = whole && text[from..cue_span.start].chars().all(is_blank);
    if cue.role == Role::Source && !opens_line {
        return None;
    }
    let rest = &text[cue_span.end..];
    let limit = MAX_NAME_CHARS + cue.close.chars().count();
    let clause_end = rest
        .char_indices()
        .enumerate()
        .find(|&(n, (_, c))| {
            n == limit || !(is_han(c) || c.is_ascii_alphanumeric() || matches!(c, '“' | '”'))
        })
        .map_or(rest.len(), |(_, (at, _))| at);
    let close = rest[..clause_end].find(cue.close)?;
    let name = rest[..close].trim_matches(['“', '”']);
    let start = cue_span.end + rest[..close].find(name)?;
    let name_span = Span::new(start, start + name.len());
    let kind = accept(lexicon, name, cue.role, false)?;
    // An attribution names a body, not a person.
    if cue.role == Role::Source && kind == SourceKind::Person {
        return None;
    }
    Some((
        Span::new(cue_span.start, cue_span.end + close + cue.close.len()),
        name_span,
        kind,
    ))
}

/// The name before a trailing cue: a dateline (`中国质量新闻网讯`) opens its
/// line and names a medium; a photo credit (`张三 供图`) is the token before.
fn trail_clause(
    lexicon: &Lexicon,
    text: &str,
    cue_span: Span,
    cue: &Cue,
) -> Option<(Span, Span, SourceKind)> {
    let (from, whole) = back_on_line(text, cue_span.start, MAX_NAME_CHARS);
    // A dateline opens its line.
    if cue.role == Role::Source && !whole {
        return None;
    }
    let before = &text[from..cue_span.start];
    let name = if cue.role == Role::Source {
        before.trim_start_matches(|c: char| is_blank(c) || matches!(c, '【' | '['))
    } else {
        let kept = before.trim_end_matches(is_blank);
        let from = kept
            .char_indices()
            .rev()
            .find(|&(_, c)| !is_han(c))
            .map_or(0, |(at, c)| at + c.len_utf8());
        &kept[from..]
    };
    let start = cue_span.start - before.len() + (name.as_ptr() as usize - before.as_ptr() as usize);
    let name_span = Span::new(start, start + name.len());
    let kind = accept(lexicon, name, cue.role, false)?;
    let dateline = matches!(kind, SourceKind::Media | SourceKind::Website);
    if cue.role == Role::Source && !dateline {
        return None;
    }
    Some((Span::new(name_span.start, cue_span.end), name_span, kind))
}

/// The account named in quotation marks before `微信号` or `公众号`.
fn quoted_account(text: &str, cue_span: Span) -> Option<(Span, Span, SourceKind)> {
    let before = &text[..cue_span.start];
    let inner = before.strip_suffix(['”', '」', '"'])?;
    let open = inner
        .char_indices()
        .rev()
        .take(MAX_ACCOUNT_CHARS + 1)
        .find(|&(_, c)| matches!(c, '“' | '「' | '"'))?;
    let start = open.0 + open.1.len_utf8();
    let name = &inner[start..];
    if name.is_empty() || !name.chars().all(|c| is_han(c) || c.is_alphanumeric()) {
        return None;
    }
    let name_span = Span::new(start, inner.len());
    Some((
        Span::new(open.0, cue_span.end),
        name_span,
        SourceKind::WechatAccount,
    ))
}
