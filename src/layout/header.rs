//! The grammar of header lines.
//!
//! Pages come from thousands of sites, each with its own header, so a header
//! line is recognised by what it is made of rather than by its layout. A
//! line is read left to right as a sequence of tokens:
//!
//! - `KEY` and its `VALUE`: a field key of the cue table (in simplified or
//!   traditional characters, spaced out or not: `来源`, `來源`, `索 引 号`),
//!   standing after a separator or glued to the value before it
//!   (`…09:39:00来源:`), with a colon or in brackets (`【来源】`, `【字号 大 中
//!   小】`). The value runs to the next key, a bar or bracket, a run of two
//!   blanks or the line's end; an empty value is no field;
//! - `DATE`: a date and time in any of the numeric and Chinese forms pages
//!   print (`2021-03-02 09:39:00`, `2021/3/2`, `2021年03月02日`, `19.01.2016`,
//!   `09-01-06`, `09-22 06:26`, `2022 05/ 30`), a time of day, a weekday;
//! - `CONTROL`: page controls and counters' words (`字号`, `大 中 小`,
//!   `打印`, `关闭`, `分享`, `A+`), from the cue table;
//! - `SITE`: a site or paper name, a word ending as one does (`网`, `日报`,
//!   `融媒体中心`, `发布`: the table's `site` endings);
//! - `SEP`: blanks, bars, brackets, bullets and arrows.
//!
//! A line is a header line when these tokens cover it, with at most one
//! short word of no token between them (a poster's name beside the date; in
//! a row of cells between bars, at most two cells of such words), and it
//! holds at least one key or date, or is made of controls (maybe beside the
//! site's name). Keys may also stand apart from their values, without a
//! colon, in a flattened table (`发布机构 | XX镇 |`, `发布机构 XX镇`), or alone
//! after a bullet with the value on the next line. Any order and any mix is
//! read:
//! `2023-06-01 10:20:00 来源:XX县人民政府 作者:县委宣传部 字号:大 中 小`,
//! `XX网  发布时间:2020-11-20 15:52`, `【编辑日期:2025-09-10 09:53】 【来源:XX县委宣传部】
//! 【作者:】 【关闭】`, `索 引 号: | xxx | 发布机构: | XX镇 |`. Sentence punctuation
//! outside a value, a longer word or a second unknown word makes the line
//! running text or a title.

use std::sync::LazyLock;

use regex::Regex;

use super::cues::WORDS;
use super::fields::{trim_value, Key, COLONS};
use super::text::{is_blank, is_punctuation};

/// A word of no token on a header line is at most this long (in
/// characters): a poster's or editor's name, a column name. Longer words
/// are a title's or a sentence's.
const MAX_LOOSE_CHARS: usize = 8;

/// At most this many words of no token on one header line: one name beside
/// the date is common; two are already a phrase.
const MAX_LOOSE_WORDS: usize = 1;

/// The bars that separate cells.
const BARS: [char; 3] = ['|', '\u{ff5c}', '丨'];

/// A line with at least this many bars is a row of cells: a site's
/// navigation and its stamp share one row.
const MIN_BARS_FOR_CELLS: usize = 2;

/// At most this many cells of a row of cells may hold loose words (a
/// column name, a link): more, and the row is a menu or a list.
const MAX_LOOSE_CELLS: usize = 2;

/// The value of a key written apart from it, without a colon (`发布机构
/// 腾冲市人民政府`), is at most this long (in characters): names, codes and
/// dates. A longer stretch after a word that happens to be a key is a
/// sentence.
const MAX_BARE_VALUE_CHARS: usize = 30;

/// What a header line holds, with offsets relative to the line.
#[derive(Debug, Default, PartialEq, Eq)]
pub(super) struct Header {
    /// Each field: its key and its value's start and end (the value
    /// trimmed, maybe empty).
    pub fields: Vec<(Key, usize, usize)>,
    /// Dates and times outside any value: `(start, end)`.
    pub dates: Vec<(usize, usize)>,
    /// Site and paper names: `(start, end)`.
    pub sites: Vec<(usize, usize)>,
}

/// Dates and times as header lines print them, at the start of the text
/// searched. Shapes only: the date parser reads their values.
static DATE: LazyLock<Regex> = LazyLock::new(|| {
    let d = "[0-9０-９]";
    let time = format!(r"{d}{{1,2}}\s?[:：]\s?{d}{{2}}(?:\s?[:：]\s?{d}{{2}})?");
    let weekday = r"(?:星期|周|週)[一二三四五六日天]";
    // Verbose mode: the pattern's blanks and line breaks are layout.
    Regex::new(&format!(
        r"(?x)^(?:(?:(?:19|20){d}{{2}}\s?(?:[-/.．]|年)\s?{d}{{1,2}}\s?(?:[-/.．]|月)\s?{d}{{1,2}}(?:\s?[日号])?
            |{d}{{1,2}}[./]{d}{{1,2}}[./](?:19|20){d}{{2}}
            |{d}{{2}}-{d}{{2}}-{d}{{2}}
            |(?:19|20){d}{{2}}\x20{d}{{1,2}}/\x20?{d}{{1,2}}
            |{d}{{1,2}}月{d}{{1,2}}日
            |{d}{{1,2}}-{d}{{1,2}}\s(?:{time}))
           (?:\s*{time})?(?:\s*{weekday})?
          |{time}
          |{weekday})"
    ))
    .expect("the header date pattern is valid")
});

/// Whether `c` separates the tokens of a header line.
fn is_separator(c: char) -> bool {
    is_blank(c)
        || matches!(
            c,
            '|' | '\u{ff5c}'
                | '丨'
                | '【'
                | '】'
                | '['
                | ']'
                | '\u{ff3b}'
                | '\u{ff3d}'
                | '('
                | ')'
                | '\u{ff08}'
                | '\u{ff09}'
                | '•'
                | '·'
                | '●'
                | '/'
                | '>'
                | '\u{ff1e}'
                | '»'
                | '_'
                | '-'
                | '—'
                | '='
                | '*'
                | ':'
                | '：'
        )
}

/// Where a value stops: a bar or a bracket.
fn ends_value(c: char) -> bool {
    matches!(
        c,
        '|' | '\u{ff5c}' | '丨' | '【' | '】' | '[' | ']' | '\u{ff3b}' | '\u{ff3d}'
    )
}

/// Reads `line` (trimmed) as a header line, given its field `keys` in order.
/// `None` when the line is not one.
pub(super) fn read(line: &str, keys: &[Key]) -> Option<Header> {
    let mut header = Header::default();
    let mut loose = 0;
    let mut controls = 0;
    let mut at = 0;
    let mut keys = keys.iter().peekable();
    // A line of cells between bars (`更多 要闻 | 2020-08-14 | 人民网 | 爆料`)
    // counts its loose words by cell: a cell is one item of the page's.
    let cells = line.matches(BARS).count() >= MIN_BARS_FOR_CELLS;
    let (mut cell, mut loose_cell) = (0, None);
    while at < line.len() {
        let rest = &line[at..];
        let c = rest.chars().next()?;
        if is_separator(c) && keys.peek().is_none_or(|k| k.opening != at) {
            cell += usize::from(BARS.contains(&c));
            at += c.len_utf8();
            continue;
        }
        // Keys that a value swallowed (`标题: 来源不明`) are passed over.
        while keys.peek().is_some_and(|k| k.opening < at) {
            keys.next();
        }
        if let Some(&&key) = keys.peek().filter(|k| k.opening == at) {
            keys.next();
            let limit = keys.peek().map_or(line.len(), |k| k.opening);
            let (start, end) = value(line, key, limit);
            // A value holds no sentence; a key apart from its value (`发布机构
            // XX镇`) takes a short one with no punctuation at all.
            let text = &line[start..end];
            let sentence = text.contains(['。', '！', '？', '；']);
            let loose_value = key.bare
                && (text.chars().count() > MAX_BARE_VALUE_CHARS
                    || (text.chars().any(is_punctuation) && !DATE.is_match(text)));
            if sentence || loose_value {
                return None;
            }
            header.fields.push((key, start, end));
            at = end.max(key.value);
            continue;
        }
        if let Some(m) = DATE.find(rest) {
            let end = at + m.end();
            // A date ends a token: what follows is a separator, a key glued
            // to it (`…19:12:24热度:`) or nothing; a date that opens a word
            // (`2021年10月24日宝山区召开会议`) is a title's.
            let next = line[end..].chars().next();
            let ends_token = next.is_none_or(|c| {
                is_separator(c)
                    || !(c.is_alphanumeric())
                    || keys.peek().is_some_and(|k| k.opening == end)
            });
            if ends_token {
                header.dates.push((at, end));
                at = end;
                continue;
            }
        }
        if let Some(end) = control_at(line, at) {
            controls += 1;
            at = end;
            continue;
        }
        // A web address (`http://www.example.com.cn`): one token, the
        // page's own.
        if rest.starts_with("http") || rest.starts_with("www.") {
            at += rest.find(is_blank).unwrap_or(rest.len());
            continue;
        }
        // A word of no other token: up to the next separator or key.
        let next_key = keys.peek().map_or(line.len(), |k| k.opening);
        let end = rest
            .char_indices()
            .find(|&(_, c)| is_separator(c))
            .map_or(line.len(), |(i, _)| at + i)
            .min(next_key);
        let end = end.max(at + c.len_utf8());
        let word = &line[at..end];
        // Counts (`查看: 5`) and icon letters (`E`) are no words.
        let noise = word
            .chars()
            .all(|c| c.is_ascii_digit() || matches!(c, '°' | '℃'))
            || (word.len() == 1 && word.is_ascii());
        if is_site(&line[at..end]) {
            header.sites.push((at, end));
        } else if !noise {
            let word = &line[at..end];
            let chars = word.chars().count();
            if chars > MAX_LOOSE_CHARS || word.chars().any(is_punctuation) {
                return None;
            }
            if !cells || loose_cell != Some(cell) {
                loose += 1;
                loose_cell = Some(cell);
            }
            let most = if cells {
                MAX_LOOSE_CELLS
            } else {
                MAX_LOOSE_WORDS
            };
            if loose > most {
                return None;
            }
        }
        at = end;
    }
    // A line of page controls (`字号`, `打印 关闭`), maybe beside the site's
    // name (`新华网 正文`), is a header line too.
    let anchored =
        !header.fields.is_empty() || !header.dates.is_empty() || (controls > 0 && loose == 0);
    anchored.then_some(header)
}

/// Reads `line` as the stamp an e-paper prints under an article: the
/// paper's name first, then words of the page (section, page number,
/// headline) and at least one date, with no sentence punctuation
/// (`XX日报 要闻 00002 金东区签约32个项目 2018-10-03 2018年10月03日 星期三`).
/// Looked for only near a page's end, where no sentence of the body stands.
pub(super) fn paper_stamp(line: &str) -> Option<Header> {
    let first_end = line.find(is_separator)?;
    if !is_site(&line[..first_end]) || line.chars().any(is_punctuation) {
        return None;
    }
    let mut header = Header::default();
    header.sites.push((0, first_end));
    let mut at = first_end;
    while at < line.len() {
        let rest = &line[at..];
        let date = line[..at]
            .ends_with(is_separator)
            .then(|| DATE.find(rest))
            .flatten();
        match date {
            Some(m) => {
                header.dates.push((at, at + m.end()));
                at += m.end();
            }
            None => at += rest.chars().next().map_or(1, char::len_utf8),
        }
    }
    (!header.dates.is_empty()).then_some(header)
}

/// The value of `key`, trimmed: from after its colon (or bracket) to the
/// next key (`limit`), a bar or bracket, a run of two blanks, or the line's
/// end; a bracketed field stops at its closing bracket.
fn value(line: &str, key: Key, limit: usize) -> (usize, usize) {
    let region = &line[key.value..limit.max(key.value)];
    // `发布机构: | XX镇 |`: the value is the next cell.
    let cells = |c: char| is_blank(c) || matches!(c, '|' | '\u{ff5c}');
    let skip = if region
        .trim_start_matches(is_blank)
        .starts_with(['|', '\u{ff5c}'])
    {
        cells
    } else {
        is_blank
    };
    let lead = region.len() - region.trim_start_matches(skip).len();
    let body = &region[lead..];
    let mut end = body.len();
    let mut blanks = 0;
    let dated = DATE.is_match(body);
    for (i, c) in body.char_indices() {
        if ends_value(c) && !(i == 0 && !key.closed && matches!(c, '[' | '\u{ff3b}')) {
            end = i;
            break;
        }
        // A date after a blank is a token of its own (`编辑:何冰 2017-09-21
        // 19:16:18`); a date key's value opens with its date.
        if blanks > 0 && !dated && !is_blank(c) && DATE.is_match(&body[i..]) {
            end = i;
            break;
        }
        blanks = if is_blank(c) { blanks + 1 } else { 0 };
        if blanks == 2 {
            end = i + c.len_utf8();
            break;
        }
    }
    let raw = body[..end].trim_end_matches(|c: char| is_blank(c) || COLONS.contains(&c));
    let trimmed = trim_value(raw);
    let start = key.value + lead + (trimmed.as_ptr() as usize - raw.as_ptr() as usize);
    (start, start + trimmed.len())
}

/// Whether `word` is a page control, whole.
pub(super) fn is_control(word: &str) -> bool {
    control_at(word, 0) == Some(word.len())
}

/// Whether `line` opens or closes with a page control (`字号`, `打印`,
/// `正文`): a line of controls alone, or a site's name beside one
/// (`新华网 正文`), is a header line without key or date.
pub(super) fn has_control_at_edge(line: &str) -> bool {
    let rest = line.trim_start_matches(is_separator);
    if rest.is_empty() {
        return false;
    }
    let last_word = rest
        .trim_end_matches(is_separator)
        .rsplit(is_separator)
        .next()
        .unwrap_or_default();
    control_at(rest, 0).is_some() || is_control(last_word)
}

/// The end of a control word starting at `at`, the longest that ends a
/// word (`大` of `大 中 小`, not of `大众日报`).
fn control_at(line: &str, at: usize) -> Option<usize> {
    let first = line[at..].chars().next()?;
    WORDS
        .controls
        .get(&first)?
        .iter()
        .filter(|word| line[at..].starts_with(word.as_str()))
        .map(|word| at + word.len())
        .find(|&end| {
            line[end..]
                .chars()
                .next()
                .is_none_or(|c| is_separator(c) || !c.is_alphanumeric())
        })
}

/// Whether `word` is a site or paper name: it ends with a site ending and
/// holds more than the ending.
fn is_site(word: &str) -> bool {
    !word.chars().any(is_punctuation)
        && WORDS
            .site_endings
            .iter()
            .any(|ending| word.len() > ending.len() && word.ends_with(ending.as_str()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn date_shapes() {
        for date in [
            "2021-03-02 09:39:00",
            "2021/3/2",
            "2021年03月02日",
            "19.01.2016 12:01",
            "09-01-06 09:18:41",
            "09-22 06:26",
            "2019-05-11 17:38:46",
            "2021年2月1日 星期一",
            "14:57",
        ] {
            assert_eq!(DATE.find(date).map(|m| m.as_str()), Some(date), "{date}");
        }
        assert!(DATE
            .find("2021年宝山区")
            .is_none_or(|m| m.as_str() != "2021年宝山区"));
        assert!(DATE.find("12-30").is_none());
    }
}
