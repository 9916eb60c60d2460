//! Text out of HTML pages, with a map back to the markup.
//!
//! [`extract`] reads a page the way a reader sees it: tags, comments,
//! `<script>`, `<style>` and other non-text elements go; block elements
//! (`<p>`, `<div>`, `<br>`, `<li>`, `<tr>`, `<h1>`…) end lines, paragraphs
//! and headings with a blank line after; runs of spaces and newlines in the
//! source collapse to one space, as a browser shows them; character
//! references (`&nbsp;`, `&amp;`, `&#8220;`, `&#x4E2D;`) are decoded. The
//! `<meta>` fields that government sites fill in (`ArticleTitle`, `PubDate`,
//! `ContentSource`, `Author`, `keywords`, `description`) and the `<title>`
//! are kept apart from the text.
//!
//! Every byte of the text maps back to the HTML it came from
//! ([`HtmlText::html_offset`], [`HtmlText::html_span`]), so a mention found
//! in the text can be shown in the page.
//!
//! ```
//! use govnotice::html;
//!
//! let page = r#"<html><head><meta name="PubDate" content="2024-05-20 09:30">
//! <title>宝山区新闻</title><script>var a = "<p>";</script></head>
//! <body><h1>智慧湾入选示范基地</h1><p>园区已入驻企业&nbsp;420余家。</p></body></html>"#;
//! let extracted = html::extract(page);
//! assert_eq!(extracted.text, "智慧湾入选示范基地\n\n园区已入驻企业 420余家。");
//! assert_eq!(extracted.meta("pubdate"), Some("2024-05-20 09:30"));
//! assert_eq!(extracted.title.as_deref(), Some("宝山区新闻"));
//! let at = extracted.text.find("420").unwrap();
//! assert!(page[extracted.html_offset(at)..].starts_with("420余家"));
//! ```
//!
//! # Cost
//!
//! One forward pass: the tokenizer never scans a byte twice, whatever the
//! nesting or how many quotes and brackets go unclosed.

mod entity;
mod tag;

use crate::notice::{Notice, Parser};
use crate::span::Span;
use entity::{decode_references, reference};
use tag::{find_byte, find_end_tag, find_from, read_tag};

/// The text of an HTML page, its `<meta>` fields and a map back to the page.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct HtmlText {
    /// The text a reader sees, one line per block, paragraphs apart.
    pub text: String,
    /// The `<title>` element's text, whitespace collapsed.
    pub title: Option<String>,
    /// Every `<meta>` field with a `name` (or `property`) and a `content`,
    /// in page order, references decoded: `("ArticleTitle", "…")`,
    /// `("PubDate", "2024-05-20 09:30")`, `("og:title", "…")`.
    pub meta: Vec<(String, String)>,
    /// Runs of text and where in the HTML each came from, in text order.
    segments: Vec<Segment>,
}

/// A run of text that came from one place in the HTML.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct Segment {
    /// Where the run starts in the text.
    text: usize,
    /// Where its source starts in the HTML.
    html: usize,
    /// Where its source ends in the HTML.
    html_end: usize,
    /// Whether the run is the HTML copied byte for byte; otherwise it stands
    /// for a reference, a collapsed space or a tag's line break, and all its
    /// bytes map to the start of that source.
    copied: bool,
}

impl HtmlText {
    /// The content of the first `<meta>` field called `name` (ASCII case
    /// ignored) whose content is not blank.
    #[must_use]
    pub fn meta(&self, name: &str) -> Option<&str> {
        self.meta
            .iter()
            .filter(|(key, _)| key.eq_ignore_ascii_case(name))
            .map(|(_, content)| content.trim())
            .find(|content| !content.is_empty())
    }

    /// The byte offset in the HTML that the text byte at `text_offset` came
    /// from. A byte that stands for more (a decoded reference, a line break
    /// made by a tag, a collapsed run of spaces) maps to where that source
    /// starts. Offsets at or past the end of the text map to where the text's
    /// last source ends.
    #[must_use]
    pub fn html_offset(&self, text_offset: usize) -> usize {
        if text_offset >= self.text.len() {
            return self.segments.last().map_or(0, |last| last.html_end);
        }
        let segment = self.segment_at(text_offset);
        if segment.copied {
            segment.html + (text_offset - segment.text)
        } else {
            segment.html
        }
    }

    /// The HTML that a span of the text came from: from the source of its
    /// first byte to the end of the source of its last byte.
    #[must_use]
    pub fn html_span(&self, span: Span) -> Span {
        let start = self.html_offset(span.start);
        if span.is_empty() || span.start >= self.text.len() {
            return Span::new(start, start);
        }
        let last = span.end.min(self.text.len()) - 1;
        let segment = self.segment_at(last);
        let end = if segment.copied {
            segment.html + (last - segment.text) + 1
        } else {
            segment.html_end
        };
        Span::new(start, end.max(start))
    }

    /// The segment holding text byte `at`, which must be inside the text.
    fn segment_at(&self, at: usize) -> Segment {
        let after = self.segments.partition_point(|s| s.text <= at);
        // The first segment starts at text offset 0, so `after` is at least 1.
        self.segments[after.saturating_sub(1)]
    }
}

/// A notice read from an HTML page.
#[derive(Clone, Debug, PartialEq)]
pub struct HtmlNotice {
    /// The page's text, meta fields and map back to the HTML. The notice's
    /// spans index `page.text`; [`HtmlText::html_span`] maps them to the page.
    pub page: HtmlText,
    /// The notice read from the page's text. Its title is the page's
    /// `ArticleTitle` meta field when the page has one.
    pub notice: Notice,
}

impl Parser {
    /// Extracts the text of an HTML page (see [`extract`]) and parses it.
    ///
    /// ```
    /// use govnotice::Parser;
    ///
    /// let page = "<meta name=\"ArticleTitle\" content=\"智慧湾入选示范基地\">\
    ///             <div class=nav>首页 &gt; 新闻</div>\
    ///             <p>宝山区智慧湾入选示范基地</p><p>园区已入驻企业420余家。</p>";
    /// let parsed = Parser::new().parse_html(page);
    /// assert_eq!(parsed.notice.title.as_deref(), Some("智慧湾入选示范基地"));
    /// let figure = &parsed.notice.metrics[0];
    /// assert_eq!(&parsed.page.text[figure.span.range()], "420余家");
    /// assert_eq!(&page[parsed.page.html_span(figure.span).range()], "420余家");
    /// ```
    #[must_use]
    pub fn parse_html(&self, html: &str) -> HtmlNotice {
        let page = extract(html);
        // A page's PubDate is its publish date: relative dates resolve
        // against it unless the caller gave a base date.
        let published = page
            .meta("PubDate")
            .and_then(|date| date.trim().get(..10))
            .and_then(|date| date.parse().ok());
        let mut notice = self
            .with_base_date(self.base_date().or(published))
            .parse(&page.text);
        if let Some(title) = page.meta("ArticleTitle") {
            notice.title = Some(title.to_owned());
        }
        HtmlNotice { page, notice }
    }
}

/// Extracts the text of an HTML page and parses it with default settings.
///
/// Equivalent to `Parser::new().parse_html(html)`.
#[must_use]
pub fn parse_html(html: &str) -> HtmlNotice {
    Parser::new().parse_html(html)
}

/// Extracts the text, `<title>` and `<meta>` fields of an HTML page.
///
/// Never panics; linear in the length of `html`. Markup that does not close
/// (a comment, a tag, a quoted attribute, a `<script>`) runs to the end of
/// the page, as in a browser.
#[must_use]
pub fn extract(html: &str) -> HtmlText {
    let mut out = Builder::new(html);
    let bytes = html.as_bytes();
    let mut at = 0;
    let mut run = 0;
    while at < bytes.len() {
        match bytes[at] {
            b'<' if starts_markup(bytes, at) => {
                out.copy(run, at);
                at = markup(html, at, &mut out);
                run = at;
            }
            b'&' => {
                let Some((end, decoded)) = reference(html, at) else {
                    at += 1;
                    continue;
                };
                out.copy(run, at);
                out.reference(&decoded, at, end);
                at = end;
                run = end;
            }
            _ => at += 1,
        }
    }
    out.copy(run, bytes.len());
    out.finish()
}

/// Whether the `<` at `at` opens markup (a tag, comment or doctype) rather
/// than standing for itself (`a < b`, `<3`).
fn starts_markup(bytes: &[u8], at: usize) -> bool {
    match bytes.get(at + 1) {
        Some(b'!' | b'?') => true,
        Some(b'/') => bytes.get(at + 2).is_some_and(u8::is_ascii_alphabetic),
        Some(b) => b.is_ascii_alphabetic(),
        None => false,
    }
}

/// Reads the markup at `at` (see [`starts_markup`]), acts on it and returns
/// where it ends.
fn markup(html: &str, at: usize, out: &mut Builder<'_>) -> usize {
    let bytes = html.as_bytes();
    if html[at..].starts_with("<!--") {
        return find_from(html, at + 4, "-->").map_or(html.len(), |end| end + 3);
    }
    if matches!(bytes[at + 1], b'!' | b'?') {
        return find_byte(bytes, at + 2, b'>').map_or(html.len(), |end| end + 1);
    }
    let closing = bytes[at + 1] == b'/';
    let tag = read_tag(html, if closing { at + 2 } else { at + 1 });
    let name = tag.name.as_str();
    if closing {
        out.tag(name, true, at, tag.end);
        return tag.end;
    }
    if name == "meta" {
        if let (Some(key), Some(content)) = (tag.meta_key, tag.meta_content) {
            out.meta.push((key, content));
        }
    }
    if RAW_TEXT.contains(&name) && !tag.self_closing {
        // The element's content is not markup: it runs to its end tag.
        let close = find_end_tag(html, tag.end, name);
        if name == "title" && out.title.is_none() {
            let title = collapse(&decode_references(&html[tag.end..close]));
            out.title = Some(title).filter(|t| !t.is_empty());
        }
        return if close < html.len() {
            read_tag(html, close + 2).end
        } else {
            close
        };
    }
    out.tag(name, false, at, tag.end);
    tag.end
}

/// Elements whose content is not text for a reader (or, for `title`, is
/// kept apart): their content runs to the matching end tag, tags inside
/// included, as HTML's raw-text elements do.
const RAW_TEXT: [&str; 10] = [
    "script", "style", "noscript", "template", "iframe", "noembed", "noframes", "xmp", "title",
    "svg",
];

/// Elements that end a paragraph: a blank line after them.
const PARAGRAPHS: [&str; 16] = [
    "p",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "hr",
    "table",
    "ul",
    "ol",
    "dl",
    "blockquote",
    "pre",
    "figure",
    "header",
];

/// Elements that end a line.
const LINES: [&str; 24] = [
    "div",
    "li",
    "tr",
    "dt",
    "dd",
    "section",
    "article",
    "aside",
    "nav",
    "footer",
    "main",
    "address",
    "caption",
    "center",
    "figcaption",
    "form",
    "fieldset",
    "legend",
    "details",
    "summary",
    "option",
    "tbody",
    "thead",
    "body",
];

/// Elements that separate their content with a space: table cells.
const CELLS: [&str; 2] = ["td", "th"];

/// `text` with runs of whitespace as one space, and trimmed.
pub(super) fn collapse(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Whitespace that collapses, as text or as a decoded reference (`&nbsp;`).
pub(super) fn is_collapsible(c: char) -> bool {
    matches!(c, ' ' | '\t' | '\n' | '\r' | '\x0c' | '\u{a0}')
}

/// Builds the text and its map back to the HTML.
struct Builder<'h> {
    html: &'h str,
    text: String,
    title: Option<String>,
    meta: Vec<(String, String)>,
    segments: Vec<Segment>,
    /// A space waiting for the next text: the HTML range of the first
    /// whitespace that made it.
    space: Option<(usize, usize)>,
    /// Line breaks waiting for the next text (at most two: one blank line),
    /// and the tag that made the first.
    breaks: u8,
    breaks_from: (usize, usize),
}

impl<'h> Builder<'h> {
    fn new(html: &'h str) -> Builder<'h> {
        Builder {
            html,
            text: String::new(),
            title: None,
            meta: Vec::new(),
            segments: Vec::new(),
            space: None,
            breaks: 0,
            breaks_from: (0, 0),
        }
    }

    /// Adds the HTML text `html[start..end]`, which holds no markup or
    /// reference, collapsing its whitespace.
    fn copy(&mut self, start: usize, end: usize) {
        let html = self.html;
        let mut at = start;
        for (offset, c) in html[start..end].char_indices() {
            let here = start + offset;
            if is_collapsible(c) {
                if at < here {
                    self.push_copied(at, here);
                }
                self.whitespace(here, here + c.len_utf8());
                at = here + c.len_utf8();
            }
        }
        if at < end {
            self.push_copied(at, end);
        }
    }

    /// Adds a decoded reference found at `html[start..end]`.
    fn reference(&mut self, decoded: &str, start: usize, end: usize) {
        if decoded.chars().all(is_collapsible) {
            self.whitespace(start, end);
        } else {
            self.flush();
            self.push(decoded, start, end, false);
        }
    }

    /// Acts on a start or end tag found at `html[start..end]`.
    fn tag(&mut self, name: &str, closing: bool, start: usize, end: usize) {
        if name == "br" {
            self.line_break(start, end, (self.breaks + 1).min(2));
        } else if PARAGRAPHS.contains(&name) {
            self.line_break(start, end, 2);
        } else if LINES.contains(&name) {
            self.line_break(start, end, self.breaks.max(1));
        } else if CELLS.contains(&name) && !closing {
            self.whitespace(start, end);
        }
    }

    fn whitespace(&mut self, start: usize, end: usize) {
        self.space = self.space.or(Some((start, end)));
    }

    fn line_break(&mut self, start: usize, end: usize, breaks: u8) {
        if self.breaks == 0 {
            self.breaks_from = (start, end);
        }
        self.breaks = breaks;
    }

    /// Writes the space or line breaks waiting, unless at the start of the
    /// text.
    fn flush(&mut self) {
        let (breaks, space) = (self.breaks, self.space.take());
        self.breaks = 0;
        if self.text.is_empty() {
            return;
        }
        if breaks > 0 {
            let (start, end) = self.breaks_from;
            let newlines = if breaks > 1 { "\n\n" } else { "\n" };
            self.push(newlines, start, end, false);
        } else if let Some((start, end)) = space {
            if &self.html[start..end] == " " {
                // A plain space stays a copy, so that spaced text keeps one
                // segment.
                self.push_copied(start, end);
            } else {
                self.push(" ", start, end, false);
            }
        }
    }

    fn push_copied(&mut self, start: usize, end: usize) {
        self.flush();
        let extends = self
            .segments
            .last()
            .is_some_and(|last| last.copied && last.html_end == start);
        match self.segments.last_mut() {
            Some(last) if extends => last.html_end = end,
            _ => self.segments.push(Segment {
                text: self.text.len(),
                html: start,
                html_end: end,
                copied: true,
            }),
        }
        self.text.push_str(&self.html[start..end]);
    }

    fn push(&mut self, text: &str, start: usize, end: usize, copied: bool) {
        self.segments.push(Segment {
            text: self.text.len(),
            html: start,
            html_end: end,
            copied,
        });
        self.text.push_str(text);
    }

    fn finish(self) -> HtmlText {
        HtmlText {
            text: self.text,
            title: self.title,
            meta: self.meta,
            segments: self.segments,
        }
    }
}

#[cfg(test)]
mod tests;
