//! The shape of a notice: title, meta header, body and boilerplate.
//!
//! [`parse`] reads a notice line by line. Each line is matched once against
//! the cue table (`data/layout.tsv`: meta-field keys, lead-in labels and
//! boilerplate markers, in simplified and traditional characters) and classed
//! as boilerplate, a header line, running text (it holds sentence punctuation
//! or is long) or a plain short line (a subtitle, a byline, a heading).
//!
//! A header line is recognised by a small grammar rather than by layouts
//! (see the `header` module): it is a sequence of keys and their values,
//! dates and times, site or paper names, page controls and separators, in
//! any order and mix, keys glued to the value before them, bracketed, spaced
//! out (`索 引 号`) or apart from their values in a flattened table
//! (`发布机构 | XX镇 |`): `2023-06-01 10:20:00 来源:XX县人民政府 作者:县委宣传部
//! 字号:大 中 小`, `XX网  发布时间:2020-11-20 15:52`, `【编辑日期:2025-09-10】
//! 【来源:…】 【作者:】 【关闭】`. Its fields go to [`Layout::fields`], its
//! dates to [`Layout::dates`] and its site names to [`Layout::sites`]. Site
//! menus (columns of short lines, bars of short items naming parts of a
//! site) are navigation. Then:
//!
//! - the title is the first line that is neither boilerplate nor fields and
//!   reads as a headline; when the page opens with site navigation
//!   (`当前位置:首页 > …`) the title is looked for after it; a headline the
//!   page repeats is the title, and its repeats are no body;
//! - the body starts at the first line of running text after the title (or
//!   at a numbered heading or an addressee line such as `各街镇:`), with
//!   up to a few plain lines (subtitle, byline, dateline) between them kept as
//!   [`Layout::preamble`];
//! - the body ends at the last line of running text before the footer
//!   (related articles, copyright lines, disclaimers) and takes in plain
//!   lines right after it (a paragraph the page was cut in, a list, a
//!   notice's closing signature), but no caption, credit, header line or
//!   footer; a bracketed credit after its last sentence (`。(李晨光、傅新春)`)
//!   and stray bars are left out.
//!
//! Boilerplate regions may lie inside the body: captions and credits between
//! the articles of a newspaper page, a share prompt between paragraphs. The
//! body never starts or ends inside one. A newspaper page about one subject
//! is read as one notice: its body runs from the lead article's first
//! paragraph to the last paragraph of its last sidebar, and the photo
//! captions, picture labels, layout credit and sidebar bylines in between are
//! [`BoilerplateKind::Credit`] regions.

mod bounds;
mod cues;
mod fields;
mod header;
mod menus;
mod text;

use std::borrow::Cow;

use serde::{Deserialize, Serialize};

use crate::span::Span;
use bounds::{body_end_in, find_body_end, find_body_start, find_title};
use cues::{Hit, Role};
use fields::Key;
use menus::{mark_menus, names_site_part};
use text::{is_blank, is_sentence_end};

/// Where the parts of a notice are.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Layout {
    /// The title line, trimmed.
    pub title: Option<Span>,
    /// `key: value` fields of the header and footer (`发布机构: 宝山区文化和旅游局`),
    /// in text order. Only keys of the table count, and only on lines that
    /// are not running text.
    pub fields: Vec<MetaField>,
    /// Lines between the title and the body that are neither fields nor
    /// boilerplate: subtitles, bylines, datelines.
    pub preamble: Vec<Span>,
    /// The article itself: from its first line (after a lead-in label such
    /// as `导语:`) to its last, header and trailing boilerplate excluded.
    pub body: Option<Span>,
    /// Regions that are not part of the article, in text order.
    pub boilerplate: Vec<Boilerplate>,
    /// Dates and times that stand on header lines outside any field
    /// (`2019-08-14 12:40`, the date of `XX日报 2020-05-11`), in text order.
    #[serde(default)]
    pub dates: Vec<Span>,
    /// Site and paper names that stand on header lines beside a date or a
    /// field (`XX网  发布时间:…`, `大众日报 2017-11-30`), in text order.
    #[serde(default)]
    pub sites: Vec<Span>,
}

/// One `key: value` field.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct MetaField {
    /// The key as written, without its colon (`发布机构`).
    pub key: Span,
    /// The value, trimmed (`宝山区文化和旅游局`).
    pub value: Span,
}

impl MetaField {
    /// The key as the tables write it: in simplified characters, without
    /// the blanks a disclosure table spaces it out with (`索 引 号`,
    /// `來源` → `索引号`, `来源`). `text` is the text the field was read from.
    #[must_use]
    pub fn key_name<'t>(&self, text: &'t str) -> Cow<'t, str> {
        let key = crate::script::fold(&text[self.key.range()]);
        if key.contains(text::is_blank) {
            Cow::Owned(key.chars().filter(|&c| !text::is_blank(c)).collect())
        } else {
            key
        }
    }
}

/// A region that is not part of the article.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Boilerplate {
    /// Where it is.
    pub span: Span,
    /// What it is.
    pub kind: BoilerplateKind,
}

/// What a boilerplate region is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum BoilerplateKind {
    /// Site navigation: `当前位置:首页 > …`.
    Breadcrumb,
    /// Copyright, ICP and licence lines.
    Copyright,
    /// Reader notes and disclaimers such as `温馨提示`, `免责声明`.
    Notice,
    /// Adverts, contact details, QR codes and share buttons.
    Advert,
    /// Lists of related articles, `上一篇/下一篇`.
    Related,
    /// Page metadata written for search engines: `元描述:`, `关键词:`.
    PageMeta,
    /// Photo captions and production credits: `图①:…`, `版式设计:…`,
    /// `本报记者 …`. They may sit inside the body, between the articles of a
    /// newspaper page.
    Credit,
}

impl BoilerplateKind {
    /// Whether a region of this kind ends the article: no paragraph after
    /// related articles, a copyright line or a disclaimer is the article's.
    fn ends_article(self) -> bool {
        matches!(
            self,
            BoilerplateKind::Related | BoilerplateKind::Copyright | BoilerplateKind::Notice
        )
    }

    /// Whether a region of this kind takes in the rest of its paragraph: a
    /// contact block or a footer spans several short lines under one cue.
    fn runs_to_paragraph_end(self) -> bool {
        matches!(
            self,
            BoilerplateKind::Advert | BoilerplateKind::Copyright | BoilerplateKind::Notice
        )
    }
}

/// Lines longer than this (in characters) are running text even without
/// sentence punctuation: subtitles, bylines and datelines are shorter, and
/// scraped paragraphs sometimes lose their full stops.
const PLAIN_MAX_CHARS: usize = 50;

/// A line continues the boilerplate paragraph above it only when it is at
/// most this long (in characters): contact and footer lines are short, and a
/// longer line is a paragraph of its own that lost its blank line.
const CONTINUATION_MAX_CHARS: usize = 60;

/// Header lines without a key (a date, a site and a date, controls) are
/// looked for among this many first lines of a page: navigation, title,
/// header and the first paragraphs fit well within them.
const HEADER_ZONE_LINES: usize = 40;

/// … and among this many last lines, where pages repeat their date and
/// source under the article.
const FOOTER_ZONE_LINES: usize = 15;

/// What a line is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Class {
    /// Part of a boilerplate region.
    Region(BoilerplateKind),
    /// A header line ([`header`]: fields, dates, site names, controls), or
    /// a line that opens with a meta field.
    Header,
    /// Running text.
    Narrative,
    /// A short line without sentence punctuation.
    Plain,
}

/// One non-blank line.
#[derive(Clone, Copy, Debug)]
struct Line {
    /// The line, trimmed, in the caller's text.
    span: Span,
    chars: usize,
    /// Lines with a blank line between them have different paragraph numbers.
    paragraph: usize,
    class: Class,
    /// Where the body text starts after a lead-in label (`导语:`), in the text.
    after_label: Option<usize>,
    /// The line's own boilerplate cue, and whether it heads a list that runs on.
    cue: Option<(BoilerplateKind, bool)>,
    /// This line's keys are `keys[first_key..first_key + key_count]`.
    first_key: usize,
    key_count: usize,
    /// The line reads as a header line; its fields, dates and sites are in
    /// the layout already.
    header: bool,
    /// The line is a date alone (`2024年5月15日`): under a signature, it is
    /// the signature's.
    date_alone: bool,
}

/// Whether `line` holds a digit, ASCII or full-width (`０` is EF BC 90 in
/// UTF-8): a date needs one. Read on bytes, without decoding.
fn holds_digit(line: &str) -> bool {
    let bytes = line.as_bytes();
    bytes.iter().enumerate().any(|(i, &b)| {
        b.is_ascii_digit()
            || (b == 0xEF
                && bytes.get(i + 1) == Some(&0xBC)
                && bytes
                    .get(i + 2)
                    .is_some_and(|&c| (0x90..=0x99).contains(&c)))
    })
}

pub(crate) use text::trim_trailing_bars;

/// Words that open an attribution in brackets after the article (`(本文来自
/// 澎湃新闻,更多原创资讯请下载…)`): the name after them is where it comes
/// from, and the note is no part of the body.
pub(crate) const ATTRIBUTION_LEADS: [&str; 5] =
    ["本文来自", "文章来自", "本文转自", "转自", "来源"];

/// Whether `word` is a word of the page rather than a name: it names a part
/// of a site (`上海要闻`, `时刻新闻`) or is a page control (`正文`).
#[must_use]
pub(crate) fn is_page_word(word: &str) -> bool {
    names_site_part(word) || header::is_control(word)
}

/// Finds the title, meta fields, body and boilerplate of `text`.
///
/// Never panics; every span lies on `char` boundaries of `text` and is
/// trimmed of whitespace. Blank or empty text gives an empty [`Layout`].
#[must_use]
pub fn parse(text: &str) -> Layout {
    let mut keys = Vec::new();
    let mut layout = Layout::default();
    let mut lines = read_lines(text, &mut keys, &mut layout);
    vertical_fields(text, &mut lines, &keys, &mut layout);
    assign_regions(&mut lines);
    mark_menus(text, &mut lines);

    let title = find_title(text, &lines);
    layout.title = title.map(|i| lines[i].span);
    let first = title.map_or(0, |i| i + 1);
    if let Some((start, preamble)) = find_body_start(text, &lines, &keys, first, layout.title) {
        layout.preamble = preamble.iter().map(|&i| lines[i].span).collect();
        let end = find_body_end(text, &lines, &keys, start);
        let from = lines[start].after_label.unwrap_or(lines[start].span.start);
        let to = body_end_in(text, lines[end].span).max(from);
        layout.body = Some(Span::new(from, to));
    }

    for (i, line) in lines.iter().enumerate() {
        let running = line.class == Class::Narrative;
        if Some(i) != title && !running && !line.header && line.key_count > 0 {
            let line_keys = &keys[line.first_key..line.first_key + line.key_count];
            let line_text = &text[line.span.range()];
            fields::collect(line_text, line.span.start, line_keys, &mut layout.fields);
        }
        if let Class::Region(kind) = line.class {
            match layout.boilerplate.last_mut() {
                Some(region) if region.kind == kind && follows(&lines, i, region.span) => {
                    region.span.end = line.span.end;
                }
                _ => layout.boilerplate.push(Boilerplate {
                    span: line.span,
                    kind,
                }),
            }
        }
    }
    // Header lines gave their fields as they were read, the other lines
    // above: text order again.
    layout.fields.sort_by_key(|field| field.key.start);
    layout
}

/// A signature names its issuer on a line of at most this many characters.
const SIGNATURE_CHARS: usize = 30;

/// The name of the signature a date stands under, when the date at `span`
/// stands alone on its line under a short line without punctuation
/// (`诸暨市农业农村局` over `2025年6月6日`): that line, trimmed.
pub(crate) fn signature_name(text: &str, span: Span) -> Option<Span> {
    let line_start = text[..span.start].rfind('\n').map_or(0, |at| at + 1);
    let line_end = text[span.end..]
        .find('\n')
        .map_or(text.len(), |at| span.end + at);
    let alone = text[line_start..span.start].trim().is_empty()
        && text[span.end..line_end].trim().is_empty();
    if !alone || line_start == 0 {
        return None;
    }
    let above_end = line_start - 1;
    let above_start = text[..above_end].rfind('\n').map_or(0, |at| at + 1);
    let raw = &text[above_start..above_end];
    let name = raw.trim();
    let punctuated = name.chars().any(|c| {
        c.is_ascii_punctuation() || matches!(c, '。' | '，' | '、' | '：' | '；' | '（' | '）')
    });
    if name.is_empty() || name.chars().count() > SIGNATURE_CHARS || punctuated {
        return None;
    }
    let start = above_start + (name.as_ptr() as usize - raw.as_ptr() as usize);
    Some(Span::new(start, start + name.len()))
}

/// A value on the line under its key is at most this long (in characters):
/// a name, a code, a date.
const VERTICAL_VALUE_CHARS: usize = 40;

/// Disclosure tables written one cell a line (`• 发文机构:` then `县政府网站`):
/// a header line that is a key alone takes the next line as its value,
/// when that line is short, holds no key and no sentence.
fn vertical_fields(text: &str, lines: &mut [Line], keys: &[Key], layout: &mut Layout) {
    for i in 1..lines.len() {
        let (above, next) = (&lines[i - 1], &lines[i]);
        let other_header = next.header && !next.date_alone;
        if !above.header || above.key_count != 1 || next.key_count > 0 || other_header {
            continue;
        }
        let key = keys[above.first_key];
        // A key closed by its bracket (`[ 有效性 ]`) is an empty field.
        if key.opening != key.start {
            continue;
        }
        let content = &text[above.span.range()];
        let alone = content[key.value.min(content.len())..]
            .trim_matches(|c: char| text::is_blank(c) || fields::COLONS.contains(&c))
            .is_empty();
        let value = &text[next.span.range()];
        let value = value.trim_start_matches(|c: char| text::is_lead_decor(c) || c == '•');
        if !alone
            || value.is_empty()
            || value.chars().count() > VERTICAL_VALUE_CHARS
            || value.contains(text::is_sentence_end)
        {
            continue;
        }
        let start = next.span.end - value.len();
        layout.fields.push(MetaField {
            key: Span::new(above.span.start + key.start, above.span.start + key.end),
            value: Span::new(start, next.span.end),
        });
        lines[i].class = Class::Header;
        lines[i].header = true;
    }
}

/// Whether line `i` comes right after the line that ends `region`.
fn follows(lines: &[Line], i: usize, region: Span) -> bool {
    i > 0 && lines[i - 1].span.end == region.end
}

/// Splits `text` into trimmed non-blank lines, matches each against the cue
/// table once, and classes it; the keys of field lines go to `keys`, and
/// the fields, dates and sites of header lines to `layout`.
fn read_lines(text: &str, keys: &mut Vec<Key>, layout: &mut Layout) -> Vec<Line> {
    // At most one line per line break and one after the last: counting the
    // breaks first spares the regrowing and copying of a long text's line
    // table.
    let breaks = memchr::memchr_iter(b'\n', text.as_bytes()).count();
    let mut lines = Vec::with_capacity(breaks + 1);
    let mut paragraph = 0;
    for (number, (start, raw)) in raw_lines(text).enumerate() {
        let content = raw.trim_start_matches(is_blank);
        let lead = raw.len() - content.len();
        let content = content.trim_end_matches(is_blank);
        if content.is_empty() {
            paragraph += 1;
            continue;
        }
        if text::is_markup(content) {
            continue;
        }
        let span = Span::new(start + lead, start + lead + content.len());
        let chars = content.chars().count();
        let first_key = keys.len();
        let mut cue: Option<(Hit, BoilerplateKind, bool)> = None;
        let mut after_label = None;
        cues::scan(content, chars, |hit| {
            match hit.role {
                Role::Field { .. } => keys.extend(fields::key(content, hit)),
                Role::Label => after_label = after_label.or(cues::after_label(content, hit)),
                Role::Region(kind) => cue = earliest(cue, hit, kind, false),
                Role::List => cue = earliest(cue, hit, BoilerplateKind::Related, true),
            };
        });
        // A photographer's credit glued before a caption or paragraph
        // (`本报记者 闵勇 摄 5月16日,…`) is a label of its own kind.
        let after_label = after_label.or_else(|| text::after_photo_credit(content));
        // The automaton reports matches by where they end; fields read left to right.
        keys[first_key..].sort_unstable_by_key(|key| key.start);
        fields::drop_words(content, keys, first_key);
        let key_count = keys.len() - first_key;
        let opens_with_field = keys[first_key..]
            .iter()
            .find(|key| !key.bare)
            .is_some_and(|key| content[..key.opening].chars().all(text::is_lead_decor));
        // A header line holds a key, a control or a date (so a digit): most
        // lines hold none and are not read. Without a key it stands near the
        // top or the end of the page: the lines of a long body (an address
        // list, a table) hold digits and are not read either.
        let in_frame = number < HEADER_ZONE_LINES || number + FOOTER_ZONE_LINES > breaks;
        let byline_paragraph = text::runs_on_after_bracket(content);
        let opens_with_field = opens_with_field && !byline_paragraph;
        let may_be_header = after_label.is_none()
            && !byline_paragraph
            && chars <= text::FOOTER_LINE_CHARS
            && (first_key < keys.len()
                || (in_frame && (holds_digit(content) || header::has_control_at_edge(content))));
        let in_footer = number + FOOTER_ZONE_LINES > breaks;
        let header = may_be_header
            .then(|| {
                header::read(content, &keys[first_key..])
                    .or_else(|| in_footer.then(|| header::paper_stamp(content)).flatten())
            })
            .flatten();
        let is_header = header.is_some();
        let date_alone = header
            .as_ref()
            .is_some_and(|h| h.fields.is_empty() && h.sites.is_empty() && h.dates.len() == 1);
        if let Some(header) = header {
            let at = |(from, to): (usize, usize)| Span::new(span.start + from, span.start + to);
            for (key, from, to) in header.fields {
                if to > from {
                    layout.fields.push(MetaField {
                        key: at((key.start, key.end)),
                        value: at((from, to)),
                    });
                }
            }
            layout.dates.extend(header.dates.into_iter().map(at));
            layout.sites.extend(header.sites.into_iter().map(at));
        }
        let class = if is_header || opens_with_field {
            Class::Header
        } else if after_label.is_some()
            || chars > PLAIN_MAX_CHARS
            || content.chars().any(is_sentence_end)
        {
            Class::Narrative
        } else {
            Class::Plain
        };
        lines.push(Line {
            span,
            chars,
            paragraph,
            class,
            after_label: after_label.map(|at| span.start + at),
            cue: cue.map(|(_, kind, list)| (kind, list)),
            first_key,
            key_count,
            header: is_header,
            date_alone,
        });
    }
    lines
}

/// Each line of `text` with its break and its offset, as `split_inclusive`
/// gives them: nothing after a final break is a line. Breaks are found with
/// `memchr`'s vectorised search; `split_inclusive` and a byte filter for
/// the count went through the text eight or sixteen bytes at a time (2% of
/// a parse).
fn raw_lines(text: &str) -> impl Iterator<Item = (usize, &str)> {
    let ends = memchr::memchr_iter(b'\n', text.as_bytes()).map(|at| at + 1);
    let mut start = 0;
    ends.chain([text.len()]).map_while(move |end| {
        let line = text.get(start..end).filter(|line| !line.is_empty())?;
        let line_start = start;
        start = end;
        Some((line_start, line))
    })
}

/// Keeps the cue that starts first (the longer one on a tie).
fn earliest(
    kept: Option<(Hit, BoilerplateKind, bool)>,
    hit: Hit,
    kind: BoilerplateKind,
    list: bool,
) -> Option<(Hit, BoilerplateKind, bool)> {
    match kept {
        Some((old, ..)) if (old.start, hit.end) <= (hit.start, old.end) => kept,
        _ => Some((hit, kind, list)),
    }
}

/// Turns cues into regions: a cued line is boilerplate of its kind; a footer,
/// contact or notice region takes in the short lines after it in its
/// paragraph; a related-articles list runs to the next cued line.
fn assign_regions(lines: &mut [Line]) {
    let mut open: Option<(BoilerplateKind, bool, usize)> = None;
    for line in lines.iter_mut() {
        // A header line's controls (`打印本页`, `分享到`) are tokens of it;
        // a credit or a footer cue still makes it a region.
        if line.header && matches!(line.cue, None | Some((BoilerplateKind::Advert, _))) {
            open = None;
            continue;
        }
        if let Some((kind, list)) = line.cue {
            line.class = Class::Region(kind);
            open = Some((kind, list, line.paragraph));
            continue;
        }
        match open {
            Some((kind, true, _)) => line.class = Class::Region(kind),
            Some((kind, false, paragraph))
                if kind.runs_to_paragraph_end()
                    && paragraph == line.paragraph
                    && line.chars <= CONTINUATION_MAX_CHARS =>
            {
                line.class = Class::Region(kind);
            }
            _ => open = None,
        }
    }
}

#[cfg(test)]
mod tests;
