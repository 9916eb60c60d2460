//! Lists of credits: the words in a bracketed byline, a trailing credit
//! or a credit line of its own (`记者 张三 通讯员 李四`, `李晨光、傅新春`,
//! `大连新闻传媒集团记者邰治`, `肖蒙/文 汪泽宇/图`), read word by word.

use super::credits::{split_tail, tail_word, Credit};
use super::dateline::{SELF, TRAILING_RANK};
use super::lexicon::{is_han, Form, Lexicon};
use super::{Role, SourceKind};
use crate::span::Span;

/// Reads `span` as a list of credits, into `out` when every word is a
/// byline cue, a person's name (opening with a family name) or a body's
/// name, glued or not (`记者祝书琳`, `大连新闻传媒集团记者邰治`, `王晓森报道`,
/// `李紫恒摄`), and at least one is a name; otherwise adds nothing and
/// returns false. People are authors unless a cue before them says
/// otherwise (`通讯员`, `编辑`, `摄影`) or a word after them does (`摄`,
/// `供图`); bodies are sources that may name the issuer (rank
/// [`TRAILING_RANK`]).
pub(super) fn credit_list(
    lexicon: &Lexicon,
    text: &str,
    span: Span,
    out: &mut Vec<Credit>,
) -> bool {
    let first = out.len();
    let mut since = first;
    let mut prefixed: Option<bool> = None;
    // The credits the tail word just read applied to, while no name has
    // come since; and a second role the prefixed names take.
    let mut after_tail: Option<(usize, usize)> = None;
    let mut second: Option<Role> = None;
    let mut role = Role::Author;
    let mut label: Option<usize> = None;
    let mut named = false;
    let words = list_words(lexicon, text, span);
    let cued = byline_cue_in(lexicon, &text[span.range()]).is_some();
    let mut loose_names = 0;
    for (start, end) in words {
        let word = &text[start..end];
        if let Some(Some(tail_role)) = tail_word(word) {
            // `文/张伟 图/李娜`: a list that opens with such a word puts each
            // before its names; two in a row (`文/图 张伟`) give both roles.
            if prefixed.get_or_insert(out.len() == first && label.is_none()) == &true {
                if after_tail.is_some() {
                    second = Some(tail_role);
                } else {
                    role = tail_role;
                    second = None;
                }
                after_tail = Some((out.len(), out.len()));
                continue;
            }
            // `(张伟 供图)`, `肖蒙/文 汪泽宇/图`: the role of the names since
            // the last such word; right after one (`李瑞才 文/图`), a second
            // role of the same names.
            if let Some((from, to)) = after_tail {
                let again: Vec<Credit> = out[from..to]
                    .iter()
                    .map(|credit| Credit {
                        role: tail_role,
                        ..*credit
                    })
                    .collect();
                out.extend(again);
                continue;
            }
            for credit in &mut out[since..] {
                if credit.kind == SourceKind::Person {
                    credit.role = tail_role;
                }
            }
            after_tail = Some((since, out.len()));
            since = out.len();
            continue;
        }
        after_tail = None;
        let mut at = 0;
        // A body glued to the cue after it: `大连新闻传媒集团记者邰治`.
        let glued = byline_cue_in(lexicon, word)
            .filter(|&(p, ..)| p > 0 && !lexicon.is_person(split_tail(word).0, true));
        if let Some((cue_at, _, _)) = glued {
            let before = &word[..cue_at];
            let before_span = Span::new(start, start + cue_at);
            if lexicon.is_person(before, true) {
                // `邓盛龙通讯员`: a name, then the cue of the next one.
                out.push(Credit {
                    span: Span::new(label.take().unwrap_or(start), before_span.end),
                    name: before_span,
                    kind: SourceKind::Person,
                    role,
                    rank: None,
                });
            } else if is_body_name(lexicon, before) || is_medium_word(lexicon, before) {
                out.push(body_credit(lexicon, text, before_span));
            } else if SELF.iter().any(|page| before.starts_with(page)) {
                // `本报全媒体首席记者`: the page's own reporter.
            } else {
                out.truncate(first);
                return false;
            }
            named = true;
            at = cue_at;
        }
        while let Some((0, len, cue_role)) = byline_cue_in(lexicon, &word[at..]) {
            label.get_or_insert(start + at);
            role = cue_role;
            at += len;
        }
        let rest = &word[at..];
        if rest.is_empty() {
            continue;
        }
        let (name, tail_role) = split_tail(rest);
        let name_span = Span::new(start + at, start + at + name.len());
        // A spaced name (`王 众`) reads without its blank.
        let joined: String;
        let name = if name.contains(' ') || name.contains('\u{3000}') {
            joined = name.chars().filter(|c| !c.is_whitespace()).collect();
            joined.as_str()
        } else {
            name
        };
        if let Some(names) = glued_names(lexicon, name) {
            // `孙方慧赵剑影刘小燕`: names written without a break.
            for (from, to) in names {
                out.push(Credit {
                    span: Span::new(name_span.start + from, name_span.start + to),
                    name: Span::new(name_span.start + from, name_span.start + to),
                    kind: SourceKind::Person,
                    role: tail_role.unwrap_or(role),
                    rank: None,
                });
            }
            label = None;
            named = true;
        } else if (lexicon.is_person(name, true) || loose_person(lexicon, name, &mut loose_names))
            && !crate::layout::is_page_word(name)
        {
            let credit = Credit {
                span: Span::new(label.take().unwrap_or(name_span.start), start + word.len()),
                name: name_span,
                kind: SourceKind::Person,
                role: tail_role.unwrap_or(role),
                rank: None,
            };
            out.push(credit);
            if let Some(second) = second.filter(|_| tail_role.is_none()) {
                out.push(Credit {
                    role: second,
                    ..credit
                });
            }
            named = true;
        } else if tail_role.is_none()
            && (is_body_name(lexicon, name) || (cued && is_medium_word(lexicon, name)))
        {
            // A body, or in a list with a byline cue a medium of no known
            // kind (`周口日报全媒体 记者李瑞才`), which is a reporter's
            // affiliation and names no issuer (`区委报道组`).
            let known = is_body_name(lexicon, name);
            out.push(Credit {
                rank: known.then_some(TRAILING_RANK),
                ..body_credit(lexicon, text, name_span)
            });
            named = true;
        } else {
            out.truncate(first);
            return false;
        }
    }
    // A name without a family name (`乃继辉`) only beside names with one.
    let strict = out[first..]
        .iter()
        .filter(|c| c.kind == SourceKind::Person)
        .count()
        > loose_names;
    if !named || (loose_names > 0 && !strict) {
        out.truncate(first);
        return false;
    }
    true
}

/// At most this many names of a credit list may lack a known family name
/// (`乃继辉`, a rarer family name): more, and the words are no names.
const MAX_LOOSE_NAMES: usize = 1;

/// Whether `name` may be a person's name whose family name the table does
/// not know, counting it in `loose`.
fn loose_person(lexicon: &Lexicon, name: &str, loose: &mut usize) -> bool {
    let chars = name.chars().count();
    if *loose < MAX_LOOSE_NAMES && (2..=3).contains(&chars) && lexicon.is_person(name, false) {
        *loose += 1;
        return true;
    }
    false
}

/// The words of a credit list as `(start, end)` in `text`: runs between
/// separators, with a two-character name spaced out as tables align it
/// (`王 众`) kept as one word.
fn list_words(lexicon: &Lexicon, text: &str, span: Span) -> Vec<(usize, usize)> {
    let list = &text[span.range()];
    let mut words: Vec<(usize, usize)> = Vec::new();
    let mut read = 0;
    for word in list.split(is_list_separator) {
        let start = span.start + read;
        read += word.len();
        let gap = &list[read..];
        read += gap.chars().next().map_or(0, char::len_utf8);
        if word.is_empty() {
            continue;
        }
        let end = start + word.len();
        if let Some(&(prev_start, prev_end)) = words.last() {
            let previous = &text[prev_start..prev_end];
            let one = |w: &str| w.chars().count() == 1 && w.chars().all(is_han);
            let between = &text[prev_end..start];
            let spaced = one(previous)
                && one(word)
                && between.chars().all(|c| c == ' ' || c == '\u{3000}')
                && lexicon.is_person(&format!("{previous}{word}"), true);
            if spaced {
                words.pop();
                words.push((prev_start, end));
                continue;
            }
        }
        words.push((start, end));
    }
    words
}

/// A run of names written without a break is at most this many names.
const MAX_GLUED_NAMES: usize = 4;

/// The names of a run of three-character names written without a break
/// (`孙方慧赵剑影刘小燕`), when every three characters open with a family
/// name; offsets within `word`.
fn glued_names(lexicon: &Lexicon, word: &str) -> Option<Vec<(usize, usize)>> {
    let chars: Vec<(usize, char)> = word.char_indices().collect();
    let count = chars.len();
    if count < 6 || !count.is_multiple_of(3) || count / 3 > MAX_GLUED_NAMES {
        return None;
    }
    let mut names = Vec::with_capacity(count / 3);
    for chunk in chars.chunks(3) {
        let from = chunk[0].0;
        let to = chunk[2].0 + chunk[2].1.len_utf8();
        if !lexicon.is_person(&word[from..to], true) {
            return None;
        }
        names.push((from, to));
    }
    Some(names)
}

/// A medium is named by at most this many characters before a byline cue
/// or a dateline's cue (`临报融媒`, `川报观察`, `云上黄冈`).
const MAX_MEDIUM_CHARS: usize = 10;

/// Whether `word`, standing where a medium's name stands (before `记者`, or
/// heading a dateline), is one: a short run of Han characters, no function
/// word, no place alone (`金寨讯` is dated from a place), not the page
/// itself (`本报`).
pub(super) fn is_medium_word(lexicon: &Lexicon, word: &str) -> bool {
    let chars = word.chars().count();
    (2..=MAX_MEDIUM_CHARS).contains(&chars)
        && word.chars().all(|c| is_han(c) || matches!(c, '-' | '·'))
        && !word.chars().any(|c| lexicon.is_stop(c))
        && !SELF.iter().any(|s| word.starts_with(s))
        && !is_place(word)
}

/// Whether `word` is a division's name or short form.
fn is_place(word: &str) -> bool {
    !crate::gazetteer::lookup(&crate::script::fold(word)).is_empty()
}

/// A medium's name keeps at least this many characters when the places
/// after it are taken off (`国家旅游地理福建龙岩` → `国家旅游地理`); shorter,
/// the place is part of the name (`云上黄冈`).
const MIN_MEDIUM_STEM_CHARS: usize = 3;

/// `head` without the places that date it (`国家旅游地理福建龙岩` →
/// `国家旅游地理`).
pub(super) fn without_places(head: &str) -> &str {
    let mut stem = head;
    'strip: loop {
        for (at, _) in stem.char_indices().skip(MIN_MEDIUM_STEM_CHARS) {
            if is_place(&stem[at..]) {
                stem = &stem[..at];
                continue 'strip;
            }
        }
        return stem;
    }
}

/// A body named in a credit list: of the kind its wording tells, else a
/// medium (it stands where a reporter's paper does).
fn body_credit(lexicon: &Lexicon, text: &str, name: Span) -> Credit {
    credited_body(lexicon, text, name, SourceKind::Media, TRAILING_RANK)
}

/// A body credited at `name` as a source that may name the issuer with
/// `rank`: of the kind its wording tells, else `otherwise`.
pub(super) fn credited_body(
    lexicon: &Lexicon,
    text: &str,
    name: Span,
    otherwise: SourceKind,
    rank: u8,
) -> Credit {
    Credit {
        span: name,
        name,
        kind: lexicon.kind_of(&text[name.range()]).unwrap_or(otherwise),
        role: Role::Source,
        rank: Some(rank),
    }
}

/// The first byline cue in `word`: where it starts, its length and the role
/// it gives.
pub(super) fn byline_cue_in(lexicon: &Lexicon, word: &str) -> Option<(usize, usize, Role)> {
    lexicon.cues.find_iter(word).find_map(|m| {
        let cue = lexicon.cue_rows[m.pattern().as_usize()]
            .iter()
            .find(|cue| cue.form == Form::Byline)?;
        Some((m.start(), m.end() - m.start(), cue.role))
    })
}

/// A body's name in a credit list is at most this long (in characters):
/// `XX县招商局`, `中共XX县委宣传部`; a longer word ending in `局` is a phrase.
const MAX_BODY_CHARS: usize = 20;

/// Whether `word` is a body's name: of a kind the tables tell by its
/// ending, short, and holding no function word (`来源于统计局` is a phrase).
pub(super) fn is_body_name(lexicon: &Lexicon, word: &str) -> bool {
    word.chars().count() <= MAX_BODY_CHARS
        && !word.chars().any(|c| lexicon.is_stop(c))
        && lexicon.kind_of(word).is_some()
}

/// What separates the words of a credit list.
fn is_list_separator(c: char) -> bool {
    c.is_whitespace() || matches!(c, '、' | ',' | '，' | '/' | ':' | '：' | ';' | '；' | '|')
}
