//! Where the title and the body are, from the classes of the lines.

use super::fields::Key;
use super::text::{self, opens_body};
use super::{BoilerplateKind, Class, Line};
use crate::span::Span;

/// A title is at most this long (in characters): headlines run to about 40
/// characters; the margin admits a headline and its kicker on one line.
const TITLE_MAX_CHARS: usize = 60;

/// At most this many plain lines stand between a title and its body (a
/// subtitle, a byline, a dateline, a source line); more are the body's own
/// headings and list items.
const MAX_PREAMBLE_LINES: usize = 4;

/// The index of the title line, if the notice has one.
pub(super) fn find_title(text: &str, lines: &[Line]) -> Option<usize> {
    let running = lines
        .iter()
        .position(|line| line.class == Class::Narrative)
        .unwrap_or(lines.len());
    // Navigation comes before the headline: look after the last breadcrumb.
    let from = lines[..running]
        .iter()
        .rposition(|line| line.class == Class::Region(BoilerplateKind::Breadcrumb))
        .map_or(0, |i| i + 1);
    let candidate = |i: &usize| matches!(lines[*i].class, Class::Narrative | Class::Plain);
    let first = (from..lines.len()).find(candidate)?;
    // A headline the page repeats (the title bar, then the article's own
    // title) is the title, whatever short line stands above it (a site
    // banner, `信息详情`).
    let same = |a: &Line, b: &Line| text[a.span.range()] == text[b.span.range()];
    let repeated = (first..=running.min(lines.len() - 1))
        .filter(candidate)
        .find(|&i| {
            lines[i + 1..]
                .iter()
                .take(REPEAT_WINDOW)
                .any(|later| same(&lines[i], later))
        });
    let i = repeated.unwrap_or(first);
    let line = &lines[i];
    let content = &text[line.span.range()];
    // An addressee (`各街镇:`, `杨仙云委员:`) opens a body, not a title.
    let headline = line.after_label.is_none()
        && !content.contains('。')
        && !content.ends_with([':', '\u{ff1a}'])
        && (line.chars <= TITLE_MAX_CHARS || is_document_title(content, lines.get(i + 1)));
    headline.then_some(i)
}

/// An official document's title (`…关于印发…行动方案(2023—2027年)的通知`)
/// runs to this many characters: longer than any headline, shorter than a
/// paragraph of the notice's own.
const DOCUMENT_TITLE_MAX_CHARS: usize = 120;

/// Whether a line longer than a headline is a document's title: no clause
/// punctuation at all (a paragraph has commas), and a header line (its
/// date and source) right under it.
fn is_document_title(content: &str, next: Option<&Line>) -> bool {
    content.chars().nth(DOCUMENT_TITLE_MAX_CHARS).is_none()
        && !content.contains([',', '\u{ff0c}', '、'])
        && !content.chars().any(text::is_sentence_end)
        && next.is_some_and(|next| next.class == Class::Header)
}

/// `text` without its blanks, as a title and its pieces are compared.
fn without_blanks(text: &str) -> String {
    text.chars().filter(|c| !text::is_blank(*c)).collect()
}

/// A repeated title stands within this many lines of the first: the
/// header lines between them are few.
const REPEAT_WINDOW: usize = 4;

/// The first body line at or after `first`, with the preamble lines before
/// it. Lines that repeat the title are passed over.
pub(super) fn find_body_start(
    text: &str,
    lines: &[Line],
    keys: &[Key],
    first: usize,
    title: Option<Span>,
) -> Option<(usize, Vec<usize>)> {
    let mut preamble = Vec::new();
    // The title may be printed again, whole or over several lines (the
    // document's own heading under the page's): a line whose text, blanks
    // aside, stands in the title's is a piece of it.
    let title = title.map(|t| without_blanks(&text[t.range()]));
    let repeats_title = |line: &Line| {
        title.as_ref().is_some_and(|title| {
            let piece = without_blanks(&text[line.span.range()]);
            !piece.is_empty() && title.contains(&piece)
        })
    };
    for (i, line) in lines.iter().enumerate().skip(first) {
        if repeats_title(line) {
            continue;
        }
        match line.class {
            Class::Narrative => {
                let start = past_summary(text, lines, i);
                return Some((past_host_lead(lines, keys, start), preamble));
            }
            Class::Plain if preamble.len() == MAX_PREAMBLE_LINES => {
                return Some((preamble[0], Vec::new()));
            }
            // A numbered heading (`一、概况`) or an addressee (`各街镇:`) opens
            // the body, not a preamble.
            Class::Plain if opens_body(&text[line.span.range()]) => return Some((i, preamble)),
            // A day heading a chronicle's entries (`9月1日:`) opens the body.
            Class::Header
                if line.date_alone && text[line.span.range()].ends_with([':', '\u{ff1a}']) =>
            {
                return Some((i, preamble));
            }
            Class::Plain => preamble.push(i),
            Class::Region(_) | Class::Header => {}
        }
    }
    // No running text: the plain lines are the body.
    preamble.first().map(|&i| (i, Vec::new()))
}

/// The body's first line when it opens at line `i`: the next line when
/// line `i` is a summary it repeats (a lead the page prints above the
/// article, which opens with the same words), or a photo's caption over
/// the paragraph a dateline opens (a dateline opens an article: one
/// sentence above it is the lead photo's).
fn past_summary(text: &str, lines: &[Line], i: usize) -> usize {
    let line = &lines[i];
    let content = &text[line.after_label.unwrap_or(line.span.start)..line.span.end];
    let summary = content.trim_end_matches(['…', '.', '。']);
    let Some(next) = lines.get(i + 1).map(|next| &text[next.span.range()]) else {
        return i;
    };
    let repeated = summary.chars().nth(SUMMARY_MIN_CHARS).is_some() && next.starts_with(summary);
    let caption = text::is_one_sentence(content) && text::opens_with_dateline(next);
    if repeated || caption {
        i + 1
    } else {
        i
    }
}

/// A page that reposts an article may open with lines of its own (an
/// aggregator's blurb) before the line naming the original (`本文转自:九江日报`):
/// at most this many. Further down, the line closes the article instead.
const HOST_LEAD_LINES: usize = 3;

/// The body's first line when it opens at line `start`: the line after a
/// repost line when one stands within the first lines of running text and
/// running text follows it (the article it names starts there).
fn past_host_lead(lines: &[Line], keys: &[Key], start: usize) -> usize {
    for (j, line) in lines
        .iter()
        .enumerate()
        .skip(start + 1)
        .take(HOST_LEAD_LINES)
    {
        let line_keys = &keys[line.first_key..line.first_key + line.key_count];
        let reposts =
            line.class == Class::Header && line_keys.first().is_some_and(|key| key.repost);
        if reposts
            && lines
                .get(j + 1)
                .is_some_and(|next| next.class == Class::Narrative)
        {
            return j + 1;
        }
        if line.class != Class::Narrative {
            break;
        }
    }
    start
}

/// A line is taken for a summary of the next only when it is at least this
/// long (in characters): short openings (`近日,`) begin many paragraphs.
const SUMMARY_MIN_CHARS: usize = 10;

/// The last body line of a body that starts at line `start`: the last line
/// of running text before the footer (related articles, copyright lines,
/// disclaimers), and the short lines right after it.
pub(super) fn find_body_end(text: &str, lines: &[Line], keys: &[Key], start: usize) -> usize {
    // Footers count after the first paragraph: a page may open with
    // `上一篇/下一篇` links above its article.
    let first_paragraph = (start..lines.len())
        .find(|&i| lines[i].class == Class::Narrative)
        .unwrap_or(start);
    // A block of header lines after the article (a masthead's credits:
    // `总监制:`, `总编辑:`, `值班编委:`, `编辑:`) ends it as a footer does.
    let header_block = |i: usize| {
        lines[i..]
            .iter()
            .take(FOOTER_HEADER_LINES)
            .filter(|line| line.class == Class::Header && line.key_count > 0)
            .count()
            == FOOTER_HEADER_LINES
    };
    let stop = (first_paragraph + 1..lines.len())
        .find(|&i| {
            matches!(lines[i].class, Class::Region(kind) if kind.ends_article()) || header_block(i)
        })
        .unwrap_or(lines.len());
    let mut end = stop - 1;
    while end > start && lines[end].class != Class::Narrative {
        end -= 1;
    }
    // Short lines after the last paragraph: a paragraph the page was cut in,
    // list items, a closing signature (the issuer's name, then the date
    // alone). A header line, or a footer region, ends them.
    let last_paragraph = end;
    while end + 1 < stop {
        let next = &lines[end + 1];
        let signed = next.date_alone && end > start && lines[end].class == Class::Plain;
        if next.class != Class::Plain
            && !signed
            && !labels_item(text, lines, keys, start..stop, end + 1)
        {
            break;
        }
        end += 1;
    }
    // A short line right above a footer or a header line heads it (`参与评论`,
    // a site's name over its app links, the headline of the next article):
    // a body's own short lines close with a sentence, an item or a date.
    let mut above_heading = false;
    while end > last_paragraph && heads_page_lines(text, lines, end, above_heading) {
        above_heading = true;
        end -= 1;
    }
    // Lines without a Chinese character that close it (a telephone number,
    // `[1]`, `??`) are the page's; between lines of text they are a table's.
    // Looked at only for the few lines that close a body: no line needs it
    // otherwise.
    while end > start
        && lines[end].class == Class::Plain
        && !text::holds_han(&text[lines[end].span.range()])
    {
        end -= 1;
    }
    end
}

/// Whether line `i`, a field line among the lines `within` that may be the
/// body's, is an item of a list the body holds: its key labels another of
/// them too (`时间:2月5日至9日` … `时间:2月11日至2月24日`, an event's time,
/// place and content).
fn labels_item(
    text: &str,
    lines: &[Line],
    keys: &[Key],
    within: std::ops::Range<usize>,
    i: usize,
) -> bool {
    let key_name = |line: &Line| {
        (line.class == Class::Header && line.key_count > 0).then(|| {
            let key = keys[line.first_key];
            &text[line.span.start + key.start..line.span.start + key.end]
        })
    };
    let Some(name) = key_name(&lines[i]) else {
        return false;
    };
    within
        .filter(|&j| j != i)
        .any(|j| key_name(&lines[j]) == Some(name))
}

/// Whether line `i`, a short line after the last paragraph, heads the page
/// lines below it: a footer region, a header line or such a heading
/// (`above_heading`: line `i + 1` was found to be one) follows, and it is
/// neither an item (`2.附件名称`), nor a signature over its date, nor a line
/// closing with punctuation.
fn heads_page_lines(text: &str, lines: &[Line], i: usize, above_heading: bool) -> bool {
    let line = &text[lines[i].span.range()];
    let below = above_heading
        || lines.get(i + 1).is_some_and(|next| {
            !next.date_alone && matches!(next.class, Class::Region(_) | Class::Header)
        });
    below
        && lines[i].class == Class::Plain
        && lines[i].chars <= text::SHORT_LINE_CHARS
        && !opens_body(line)
        && !line.ends_with(|c: char| {
            text::is_sentence_end(c) || matches!(c, ')' | '\u{ff09}' | '”' | '"' | '》')
        })
}

/// At least this many field lines in a row after the first paragraph are a
/// footer (a masthead's credits), not the body's own fields: a notice's
/// contact block (`联系人:`, `电话:`, `地址:`) is three lines at most.
const FOOTER_HEADER_LINES: usize = 4;

/// Where the body ends within its last line (`line`, in `text`): before a
/// bracketed note that follows the last sentence (`。(李晨光、傅新春)`, a
/// reporter's or editor's credit) and before separators a scraper left
/// (`… |`).
pub(super) fn body_end_in(text: &str, line: Span) -> usize {
    let content = &text[line.range()];
    let kept = text::trim_trailing_bars(content);
    let end = line.start + kept.len();
    let Some(close) = kept
        .chars()
        .next_back()
        .filter(|c| matches!(c, ')' | '\u{ff09}'))
    else {
        return end;
    };
    let inner_end = kept.len() - close.len_utf8();
    let open = kept[..inner_end]
        .char_indices()
        .rev()
        .take(TRAILING_NOTE_CHARS + 1)
        .find(|&(_, c)| matches!(c, '(' | '\u{ff08}' | ')' | '\u{ff09}'))
        .filter(|&(_, c)| matches!(c, '(' | '\u{ff08}'));
    let Some((open, _)) = open else {
        return end;
    };
    let inner = &kept[open..inner_end];
    let after_sentence = kept[..open]
        .trim_end_matches(text::is_blank)
        .ends_with(|c: char| text::is_sentence_end(c) || matches!(c, '”' | '"'));
    // A list of names, or an attribution however long its words
    // (`(本文来自澎湃新闻,更多原创资讯请下载…)`).
    let names = !inner
        .chars()
        .any(|c| text::is_sentence_end(c) || c.is_ascii_digit() || matches!(c, ',' | '\u{ff0c}'));
    let attribution = super::ATTRIBUTION_LEADS.iter().any(|lead| {
        inner
            .trim_start_matches(['(', '\u{ff08}'])
            .starts_with(lead)
    });
    let a_note = !inner.is_empty() && (names || attribution);
    if after_sentence && a_note {
        line.start + kept[..open].trim_end_matches(text::is_blank).len()
    } else {
        end
    }
}

/// A bracketed note after the last sentence is at most this long (in
/// characters): a few names and their roles.
const TRAILING_NOTE_CHARS: usize = 40;
