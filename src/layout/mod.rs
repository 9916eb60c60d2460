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

mod cues;
mod fields;
mod header;
mod text;

use std::borrow::Cow;

use serde::{Deserialize, Serialize};

use crate::span::Span;
use cues::{Hit, Role};
use fields::Key;
use text::{is_blank, is_sentence_end, opens_body};

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

/// A title is at most this long (in characters): headlines run to about 40
/// characters; the margin admits a headline and its kicker on one line.
const TITLE_MAX_CHARS: usize = 60;

/// At most this many plain lines stand between a title and its body (a
/// subtitle, a byline, a dateline, a source line); more are the body's own
/// headings and list items.
const MAX_PREAMBLE_LINES: usize = 4;

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
    /// The line holds a Chinese character.
    han: bool,
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

/// Whether `word` is a word of the page rather than a name: it names a part
/// of a site (`上海要闻`, `时刻新闻`) or is a page control (`正文`).
#[must_use]
pub(crate) fn is_page_word(word: &str) -> bool {
    names_site_part(word) || header::is_control(word)
}

/// Whether `line` names a part of a site (`首页`, `新闻`): in a column of
/// short lines, it makes the column a menu.
fn names_site_part(line: &str) -> bool {
    cues::WORDS
        .nav
        .iter()
        .any(|word| line.contains(word.as_str()))
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
    assign_regions(&mut lines);
    mark_menus(text, &mut lines);

    let title = find_title(text, &lines);
    layout.title = title.map(|i| lines[i].span);
    let first = title.map_or(0, |i| i + 1);
    if let Some((start, preamble)) = find_body_start(text, &lines, first, layout.title) {
        layout.preamble = preamble.iter().map(|&i| lines[i].span).collect();
        let end = find_body_end(&lines, start);
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
        let span = Span::new(start + lead, start + lead + content.len());
        let chars = content.chars().count();
        let first_key = keys.len();
        let mut cue: Option<(Hit, BoilerplateKind, bool)> = None;
        let mut after_label = None;
        cues::scan(content, chars, |hit| {
            match hit.role {
                Role::Field => keys.extend(fields::key(content, hit)),
                Role::Label => after_label = after_label.or(cues::after_label(content, hit)),
                Role::Region(kind) => cue = earliest(cue, hit, kind, false),
                Role::List => cue = earliest(cue, hit, BoilerplateKind::Related, true),
            };
        });
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
        let may_be_header = after_label.is_none()
            && chars <= text::FOOTER_LINE_CHARS
            && (first_key < keys.len()
                || (in_frame && (holds_digit(content) || header::opens_with_control(content))));
        let header = may_be_header
            .then(|| header::read(content, &keys[first_key..]))
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
            han: content.bytes().any(|b| b >= 0xE3),
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

/// A menu item is at most this long (in characters): `新时代文明实践`,
/// `政务公开`; headings and subtitles run longer.
const MENU_ITEM_CHARS: usize = 8;

/// A column of menu items is at least this many lines: two short lines are
/// as often a heading and a subtitle.
const MENU_RUN_LINES: usize = 3;

/// A line is a menu bar when it holds at least this many items separated by
/// blanks or bars (`首页 政务公开 政务服务 互动交流`); a headline holds two
/// or three phrases.
const MENU_BAR_ITEMS: usize = 4;

/// Marks site menus above the article as navigation: a column of short plain lines, one of
/// them naming a part of a site (`首页`, `新闻`, `政务`: the table's `nav`
/// words), or a plain line of several short items, one of them such a word
/// (`首页 | 政务公开 | …`).
fn mark_menus(text: &str, lines: &mut [Line]) {
    // Menus stand above the article: the short lines of a body are its
    // lists (an address list runs to thousands of lines).
    let top = lines
        .iter()
        .position(|line| line.class == Class::Narrative)
        .unwrap_or(lines.len());
    let item = |line: &Line| line.class == Class::Plain && line.chars <= MENU_ITEM_CHARS;
    let mut i = 0;
    while i < top {
        let mut run = lines[i..top].iter().take_while(|line| item(line)).count();
        // A short line right above a header line is the headline it heads
        // (`密云水库之恋` over `2019-08-14 来源:…`), not a menu item.
        if run > 0 && lines.get(i + run).is_some_and(|next| next.header) {
            run -= 1;
        }
        let named = |line: &Line| names_site_part(&text[line.span.range()]);
        if run >= MENU_RUN_LINES && lines[i..i + run].iter().any(named) {
            for line in &mut lines[i..i + run] {
                line.class = Class::Region(BoilerplateKind::Breadcrumb);
            }
        }
        i += run.max(1);
    }
    for line in lines[..top]
        .iter_mut()
        .filter(|line| matches!(line.class, Class::Plain | Class::Narrative))
    {
        let content = &text[line.span.range()];
        if content.contains(text::is_sentence_end) {
            continue;
        }
        let mut items = content
            .split(|c: char| text::is_blank(c) || matches!(c, '|' | '丨' | '\u{ff5c}'))
            .filter(|item| !item.is_empty());
        let all_short = items
            .clone()
            .all(|item| item.chars().count() <= MENU_ITEM_CHARS);
        if all_short && items.nth(MENU_BAR_ITEMS - 1).is_some() && names_site_part(content) {
            line.class = Class::Region(BoilerplateKind::Breadcrumb);
        }
    }
}

/// The index of the title line, if the notice has one.
fn find_title(text: &str, lines: &[Line]) -> Option<usize> {
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
    // An addressee (`各街镇:`, `杨仙云委员:`) opens a body, not a title.
    let headline = line.after_label.is_none()
        && line.chars <= TITLE_MAX_CHARS
        && !text[line.span.range()].contains('。')
        && !text[line.span.range()].ends_with([':', '\u{ff1a}']);
    headline.then_some(i)
}

/// A repeated title stands within this many lines of the first: the
/// header lines between them are few.
const REPEAT_WINDOW: usize = 4;

/// The first body line at or after `first`, with the preamble lines before
/// it. Lines that repeat the title are passed over.
fn find_body_start(
    text: &str,
    lines: &[Line],
    first: usize,
    title: Option<Span>,
) -> Option<(usize, Vec<usize>)> {
    let mut preamble = Vec::new();
    let title = title.map(|t| &text[t.range()]);
    for (i, line) in lines.iter().enumerate().skip(first) {
        if title == Some(&text[line.span.range()]) {
            continue;
        }
        match line.class {
            Class::Narrative => return Some((i, preamble)),
            Class::Plain if preamble.len() == MAX_PREAMBLE_LINES => {
                return Some((preamble[0], Vec::new()));
            }
            // A numbered heading (`一、概况`) or an addressee (`各街镇:`) opens
            // the body, not a preamble.
            Class::Plain if opens_body(&text[line.span.range()]) => return Some((i, preamble)),
            Class::Plain => preamble.push(i),
            Class::Region(_) | Class::Header => {}
        }
    }
    // No running text: the plain lines are the body.
    preamble.first().map(|&i| (i, Vec::new()))
}

/// The last body line of a body that starts at line `start`: the last line
/// of running text before the footer (related articles, copyright lines,
/// disclaimers), and the short lines right after it.
fn find_body_end(lines: &[Line], start: usize) -> usize {
    // Footers count after the first paragraph: a page may open with
    // `上一篇/下一篇` links above its article.
    let first_paragraph = (start..lines.len())
        .find(|&i| lines[i].class == Class::Narrative)
        .unwrap_or(start);
    let stop = (first_paragraph + 1..lines.len())
        .find(|&i| matches!(lines[i].class, Class::Region(kind) if kind.ends_article()))
        .unwrap_or(lines.len());
    let mut end = stop - 1;
    while end > start && lines[end].class != Class::Narrative {
        end -= 1;
    }
    // Short lines after the last paragraph: a paragraph the page was cut in,
    // list items, a closing signature (the issuer's name, then the date
    // alone). A header line, or a footer region, ends them.
    while end + 1 < stop {
        let next = &lines[end + 1];
        let signed = next.date_alone && end > start && lines[end].class == Class::Plain;
        if next.class != Class::Plain && !signed {
            break;
        }
        end += 1;
    }
    // Lines without a Chinese character that close it (a telephone number,
    // `[1]`, `??`) are the page's; between lines of text they are a table's.
    while end > start && lines[end].class == Class::Plain && !lines[end].han {
        end -= 1;
    }
    end
}

/// Where the body ends within its last line (`line`, in `text`): before a
/// bracketed note that follows the last sentence (`。(李晨光、傅新春)`, a
/// reporter's or editor's credit) and before separators a scraper left
/// (`… |`).
fn body_end_in(text: &str, line: Span) -> usize {
    let content = &text[line.range()];
    let kept = content
        .trim_end_matches(|c: char| text::is_blank(c) || matches!(c, '|' | '丨' | '\u{ff5c}'));
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
    let a_note = !inner.is_empty()
        && !inner.chars().any(|c| {
            text::is_sentence_end(c) || c.is_ascii_digit() || matches!(c, ',' | '\u{ff0c}')
        });
    if after_sentence && a_note {
        line.start + kept[..open].trim_end_matches(text::is_blank).len()
    } else {
        end
    }
}

/// A bracketed note after the last sentence is at most this long (in
/// characters): a few names and their roles.
const TRAILING_NOTE_CHARS: usize = 40;

#[cfg(test)]
mod tests {
    use super::*;

    /// The texts of the title, the body and the fields (`key=value`).
    fn read(text: &str) -> (Option<&str>, Option<&str>, Vec<String>) {
        let layout = parse(text);
        let at = |span: Span| &text[span.range()];
        let fields = layout
            .fields
            .iter()
            .map(|f| format!("{}={}", at(f.key), at(f.value)))
            .collect();
        (layout.title.map(at), layout.body.map(at), fields)
    }

    /// The header lines, fields, dates and sites of `text`, as text.
    fn header_of(text: &str) -> (Vec<String>, Vec<&str>, Vec<&str>, Option<&str>) {
        let layout = parse(text);
        let at = |span: Span| &text[span.range()];
        let fields = layout
            .fields
            .iter()
            .map(|f| format!("{}={}", f.key_name(text), at(f.value)))
            .collect();
        let dates = layout.dates.iter().map(|&d| at(d)).collect();
        let sites = layout.sites.iter().map(|&s| at(s)).collect();
        (fields, dates, sites, layout.body.map(at))
    }

    #[test]
    fn header_lines_in_any_order_and_mix() {
        // Date and time first, then fields and controls.
        let (fields, dates, _, body) = header_of(
            "园区签约\n2023-06-01 10:20:00 来源:宝山区人民政府 作者:区委宣传部 责任编辑:王某 字号:大 中 小\n正文第一句。",
        );
        assert_eq!(
            fields,
            [
                "来源=宝山区人民政府",
                "作者=区委宣传部",
                "责任编辑=王某",
                "字号=大 中 小"
            ]
        );
        assert_eq!(dates, ["2023-06-01 10:20:00"]);
        assert_eq!(body, Some("正文第一句。"));
        // A key glued to the value before it.
        let (fields, ..) = header_of("标题\n发布时间:2021-03-02 09:39:00来源: 宝山日报\n正文。");
        assert_eq!(fields, ["发布时间=2021-03-02 09:39:00", "来源=宝山日报"]);
        let (fields, ..) = header_of("标题\n来源:龙岗区委统战部发布时间:2024-05-06\n正文。");
        assert_eq!(fields, ["来源=龙岗区委统战部", "发布时间=2024-05-06"]);
        // Bracketed fields, one empty, and a control.
        let (fields, _, _, body) = header_of(
            "标题\n【编辑日期:2025-09-10 09:53】 【来源:宝山区委宣传部】 【作者:】 【关闭】\n正文。",
        );
        assert_eq!(fields, ["编辑日期=2025-09-10 09:53", "来源=宝山区委宣传部"]);
        assert_eq!(body, Some("正文。"));
    }

    #[test]
    fn site_names_beside_dates() {
        let (fields, dates, sites, body) =
            header_of("标题\n宝山网  发布时间:2020-11-20 15:52\n正文。");
        assert_eq!(
            (fields, sites),
            (vec!["发布时间=2020-11-20 15:52".to_owned()], vec!["宝山网"])
        );
        assert!(dates.is_empty());
        assert_eq!(body, Some("正文。"));
        let (_, dates, sites, _) = header_of("标题\n第一财经|2022年09月29日\n正文。");
        assert_eq!((dates, sites), (vec!["2022年09月29日"], vec!["第一财经"]));
        let (_, dates, sites, _) = header_of("标题\n大众日报 2020-05-11\n正文。");
        assert_eq!((dates, sites), (vec!["2020-05-11"], vec!["大众日报"]));
        // A title that opens with a date is no header line.
        let (_, dates, _, _) = header_of("2021年10月24日宝山区召开会议\n正文。");
        assert!(dates.is_empty());
    }

    #[test]
    fn counters_controls_and_disclosure_tables() {
        let (fields, _, _, body) =
            header_of("标题\n浏览次数:1234 阅读量: 【字体:大 中 小】 打印本页 关闭窗口\n正文。");
        assert_eq!(fields, ["浏览次数=1234", "字体=大 中 小"]);
        assert_eq!(body, Some("正文。"));
        let text = "标题\n索 引 号: | 11500101/2021-00012 | 发布机构: | 罗店镇 | 发布日期: | 2021-02-27 |\n标 题: | 罗店镇工作要点\n正文第一句。";
        let (fields, _, _, body) = header_of(text);
        assert_eq!(
            fields,
            [
                "索引号=11500101/2021-00012",
                "发布机构=罗店镇",
                "发布日期=2021-02-27",
                "标题=罗店镇工作要点"
            ]
        );
        assert_eq!(body, Some("正文第一句。"));
        // Cells without colons, and keys apart from their values.
        let (fields, ..) =
            header_of("标题\n索引号 | 0152-3/2024-00002 | 发布机构 | 腾冲市人民政府 |\n正文。");
        assert_eq!(
            fields,
            ["索引号=0152-3/2024-00002", "发布机构=腾冲市人民政府"]
        );
    }

    #[test]
    fn header_keys_in_traditional_characters() {
        let (fields, dates, ..) = header_of("標題\n2012-04-18  來源:北京日報\n[字體: ]\n正文。");
        assert_eq!(fields, ["来源=北京日報"]);
        assert_eq!(dates, ["2012-04-18"]);
    }

    #[test]
    fn empty_and_blank_text_give_an_empty_layout() {
        for text in ["", "   ", "\n\t\u{3000}\n", "\u{feff}\r\n\r\n"] {
            assert_eq!(parse(text), Layout::default(), "{text:?}");
        }
    }

    #[test]
    fn several_fields_on_one_line() {
        let text = "园区入选示范基地\n\n发布机构: 宝山区文化和旅游局 发布日期:2021-10-24\n\n园区已入驻企业420余家。\n";
        let (title, body, fields) = read(text);
        assert_eq!(title, Some("园区入选示范基地"));
        assert_eq!(body, Some("园区已入驻企业420余家。"));
        assert_eq!(
            fields,
            ["发布机构=宝山区文化和旅游局", "发布日期=2021-10-24"]
        );
    }

    #[test]
    fn full_width_colons_and_separators() {
        let text =
            "标题\n来源\u{ff1a}新华社 | 作者 \u{ff1a} 张三 | 浏览次数\u{ff1a}\n正文第一句。\n";
        let (_, body, fields) = read(text);
        // The view counter is filled in by script: its empty value is left out.
        assert_eq!(fields, ["来源=新华社", "作者=张三"]);
        assert_eq!(body, Some("正文第一句。"));
    }

    #[test]
    fn bracketed_fields() {
        let text =
            "标题\n【来源】宝山区政府 【发布时间\u{ff1a}2024-06-03】【字号 大 中 小】\n正文。";
        let (_, _, fields) = read(text);
        assert_eq!(
            fields,
            ["来源=宝山区政府", "发布时间=2024-06-03", "字号=大 中 小"]
        );
    }

    #[test]
    fn colons_in_running_text_are_not_fields() {
        let text = "标题\n\n会议指出:来源于群众的意见要认真办理。活动时间:5月15日。\n";
        assert!(parse(text).fields.is_empty());
        // A key glued to other text is that text's.
        let (_, _, fields) = read("标题\n\n美术编辑:张三\n\n正文。");
        assert!(fields.is_empty());
    }

    #[test]
    fn no_title_when_the_text_opens_with_running_text() {
        let text = "近日,宝山区召开园区工作会议。\n\n会议强调要抓好项目落地。";
        let (title, body, _) = read(text);
        assert_eq!(title, None);
        assert_eq!(body, Some(text));
    }

    #[test]
    fn a_lone_headline_has_no_body() {
        assert_eq!(
            read("  宝山区智慧湾入选示范基地 \n"),
            (Some("宝山区智慧湾入选示范基地"), None, vec![])
        );
    }

    #[test]
    fn the_closing_signature_is_body_but_the_footer_is_not() {
        let text = "关于开展评选的通知\n\n各街镇:\n\n现将有关事项通知如下。\n\n上海市宝山区人民政府\n2024年5月15日\n\n版权所有 上海市宝山区人民政府";
        let layout = parse(text);
        let body = &text[layout.body.expect("a body").range()];
        assert!(body.starts_with("各街镇") && body.ends_with("2024年5月15日"));
        assert_eq!(layout.boilerplate.len(), 1);
        assert_eq!(layout.boilerplate[0].kind, BoilerplateKind::Copyright);
    }

    #[test]
    fn boilerplate_between_paragraphs_does_not_end_the_body() {
        let text = "标题\n\n第一段。\n\n扫一扫关注我们\n\n第二段。\n\n上一篇:旧闻\n下一篇:新闻";
        let layout = parse(text);
        assert!(text[layout.body.expect("a body").range()].ends_with("第二段。"));
        let kinds: Vec<_> = layout.boilerplate.iter().map(|b| b.kind).collect();
        assert_eq!(kinds, [BoilerplateKind::Advert, BoilerplateKind::Related]);
    }

    #[test]
    fn a_paragraph_quoting_a_footer_term_stays_body() {
        let long = "园区加强知识产权保护,".repeat(12);
        let text = format!("标题\n\n{long}明确版权所有人的权利。\n");
        let layout = parse(&text);
        assert!(layout.boilerplate.is_empty());
        assert!(text[layout.body.expect("a body").range()].ends_with("权利。"));
    }

    #[test]
    fn preamble_lines_and_numbered_headings() {
        let text = "标题\n\n副标题 探索转型\n文/张三\n\n一、基本情况\n\n全区共有企业120家。";
        let layout = parse(text);
        assert_eq!(layout.preamble.len(), 2);
        assert!(text[layout.body.expect("a body").range()].starts_with("一、基本情况"));
        // A key and its value apart make a header line, not a preamble line.
        let (_, body, fields) = read("标题\n\n副标题 探索转型\n记者 张三\n\n全区共有企业120家。");
        assert_eq!(fields, ["记者=张三"]);
        assert_eq!(body, Some("全区共有企业120家。"));
        // Too many short lines before the running text: they are the body's own.
        let text = "标题\n甲项\n乙项\n丙项\n丁项\n戊项\n合计五项。";
        let layout = parse(text);
        assert!(layout.preamble.is_empty());
        assert!(text[layout.body.expect("a body").range()].starts_with("甲项"));
    }

    #[test]
    fn breadcrumb_before_the_title() {
        let text = "宝山区人民政府\n您的位置\u{ff1a}首页 \u{ff1e} 新闻\n园区入选示范基地\n正文。";
        let layout = parse(text);
        assert_eq!(
            layout.title.map(|s| &text[s.range()]),
            Some("园区入选示范基地")
        );
        assert_eq!(layout.boilerplate[0].kind, BoilerplateKind::Breadcrumb);
    }

    #[test]
    fn spans_point_into_crlf_text() {
        let text = "\u{feff}  标题\r\n\r\n发布日期:2024-01-02\r\n正文 3500万元。\r\n";
        let (title, body, fields) = read(text);
        assert_eq!((title, body), (Some("标题"), Some("正文 3500万元。")));
        assert_eq!(fields, ["发布日期=2024-01-02"]);
    }

    #[test]
    fn never_panics_and_spans_sit_on_char_boundaries() {
        // Fragments that exercise every rule, glued in pseudo-random order.
        const PIECES: [&str; 16] = [
            "标题",
            "\n",
            "\n\n",
            "来源:",
            "【",
            "】",
            "\u{ff1a}",
            "图①",
            "扫一扫",
            "。",
            " ",
            "的相关文章",
            "导语:",
            "版权所有",
            "é",
            "\u{feff}",
        ];
        for text in crate::test_support::random_texts(&PIECES, 2000) {
            let layout = parse(&text);
            let spans = layout
                .title
                .iter()
                .chain(&layout.body)
                .chain(&layout.preamble)
                .copied()
                .chain(layout.fields.iter().flat_map(|f| [f.key, f.value]))
                .chain(layout.boilerplate.iter().map(|b| b.span));
            for span in spans {
                assert!(text.get(span.range()).is_some(), "{span:?} in {text:?}");
            }
        }
    }

    proptest::proptest! {
        /// The lines found by `memchr` are `split_inclusive`'s, at their
        /// offsets.
        #[test]
        fn raw_lines_are_split_inclusive(
            pieces in proptest::collection::vec(
                proptest::sample::select(vec!["\n", "\r\n", "\n\n", " ", "a", "。", "宝山"]),
                0..12,
            ),
        ) {
            let text = pieces.concat();
            let mut offset = 0;
            let expected: Vec<(usize, &str)> = text
                .split_inclusive('\n')
                .map(|line| {
                    offset += line.len();
                    (offset - line.len(), line)
                })
                .collect();
            proptest::prop_assert_eq!(raw_lines(&text).collect::<Vec<_>>(), expected);
        }
    }
}
