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

use crate::notice::{Notice, Parser};
use crate::span::Span;

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

/// A start or end tag, read.
struct Tag {
    /// The tag name, ASCII-lowercased; empty when longer than any HTML name.
    name: TagName,
    /// Where the tag ends (after its `>`), or the end of the page.
    end: usize,
    /// Whether it ends with `/>`.
    self_closing: bool,
    /// For `<meta>`: its `name` (else `property`) attribute.
    meta_key: Option<String>,
    /// For `<meta>`: its `content` attribute, references decoded.
    meta_content: Option<String>,
}

/// A tag name, lowercased into a fixed buffer so that reading a tag does not
/// allocate.
struct TagName {
    bytes: [u8; TagName::MAX],
    len: usize,
}

impl TagName {
    /// Longer than every element name this module acts on (`blockquote`,
    /// `figcaption`); a longer name is no element of interest.
    const MAX: usize = 12;

    fn as_str(&self) -> &str {
        std::str::from_utf8(&self.bytes[..self.len]).unwrap_or("")
    }
}

/// Reads the tag whose name starts at `start`, up to its closing `>`,
/// honouring quoted attribute values.
fn read_tag(html: &str, start: usize) -> Tag {
    let bytes = html.as_bytes();
    let mut at = start;
    while at < bytes.len() && !is_tag_space(bytes[at]) && bytes[at] != b'/' && bytes[at] != b'>' {
        at += 1;
    }
    let raw_name = &bytes[start..at];
    let mut name = TagName {
        bytes: [0; TagName::MAX],
        len: 0,
    };
    if raw_name.len() <= TagName::MAX && raw_name.is_ascii() {
        name.bytes[..raw_name.len()].copy_from_slice(raw_name);
        name.bytes[..raw_name.len()].make_ascii_lowercase();
        name.len = raw_name.len();
    }
    let is_meta = name.as_str() == "meta";
    let mut tag = Tag {
        name,
        end: bytes.len(),
        self_closing: false,
        meta_key: None,
        meta_content: None,
    };
    let mut property = None;
    loop {
        while at < bytes.len() && (is_tag_space(bytes[at]) || bytes[at] == b'/') {
            at += 1;
        }
        let Some(&byte) = bytes.get(at) else {
            break;
        };
        if byte == b'>' {
            tag.self_closing = at > start && bytes[at - 1] == b'/';
            tag.end = at + 1;
            break;
        }
        // An attribute name runs to a space, `/`, `>` or `=` (a leading `=`
        // is part of the name, as in HTML).
        let key_start = at;
        at += 1;
        while at < bytes.len()
            && !matches!(bytes[at], b'/' | b'>' | b'=')
            && !is_tag_space(bytes[at])
        {
            at += 1;
        }
        let key = &html[key_start..at];
        while at < bytes.len() && is_tag_space(bytes[at]) {
            at += 1;
        }
        if bytes.get(at) != Some(&b'=') {
            continue;
        }
        at += 1;
        while at < bytes.len() && is_tag_space(bytes[at]) {
            at += 1;
        }
        let value = match bytes.get(at) {
            Some(&quote @ (b'"' | b'\'')) => {
                let close = find_byte(bytes, at + 1, quote).unwrap_or(bytes.len());
                let value = &html[at + 1..close];
                at = (close + 1).min(bytes.len());
                value
            }
            _ => {
                let value_start = at;
                while at < bytes.len() && !is_tag_space(bytes[at]) && bytes[at] != b'>' {
                    at += 1;
                }
                &html[value_start..at]
            }
        };
        if is_meta {
            if key.eq_ignore_ascii_case("name") {
                tag.meta_key = Some(value.trim().to_owned());
            } else if key.eq_ignore_ascii_case("property") {
                property = Some(value.trim().to_owned());
            } else if key.eq_ignore_ascii_case("content") {
                tag.meta_content = Some(decode_references(value));
            }
        }
    }
    tag.meta_key = tag.meta_key.filter(|k| !k.is_empty()).or(property);
    tag
}

/// Whitespace inside tags and between words, as HTML defines it.
fn is_tag_space(byte: u8) -> bool {
    matches!(byte, b' ' | b'\t' | b'\n' | b'\r' | b'\x0c')
}

/// Where the end tag `</name` (any case, then a space, `/` or `>`) first
/// starts at or after `from`; the end of the page when there is none.
fn find_end_tag(html: &str, from: usize, name: &str) -> usize {
    let bytes = html.as_bytes();
    let mut at = from;
    while let Some(open) = find_from(html, at, "</") {
        let name_end = open + 2 + name.len();
        let matches_name = bytes
            .get(open + 2..name_end)
            .is_some_and(|candidate| candidate.eq_ignore_ascii_case(name.as_bytes()));
        let ends = bytes
            .get(name_end)
            .is_none_or(|&b| is_tag_space(b) || b == b'/' || b == b'>');
        if matches_name && ends {
            return open;
        }
        at = open + 2;
    }
    html.len()
}

fn find_from(html: &str, from: usize, needle: &str) -> Option<usize> {
    html.get(from..)?.find(needle).map(|at| from + at)
}

fn find_byte(bytes: &[u8], from: usize, byte: u8) -> Option<usize> {
    bytes
        .get(from..)?
        .iter()
        .position(|&b| b == byte)
        .map(|at| from + at)
}

/// Longest named reference with its `&` and `;` (`&CounterClockwiseContourIntegral;`).
const LONGEST_REFERENCE: usize = 33;

/// Reads the character reference at `at`, which holds `&`: where it ends and
/// what it stands for; `None` when the `&` is text.
fn reference(html: &str, at: usize) -> Option<(usize, String)> {
    let bytes = html.as_bytes();
    if bytes.get(at + 1) == Some(&b'#') {
        let hex = matches!(bytes.get(at + 2), Some(b'x' | b'X'));
        let digits_start = at + if hex { 3 } else { 2 };
        let mut end = digits_start;
        let mut value: u32 = 0;
        while let Some(digit) = bytes
            .get(end)
            .and_then(|&b| char::from(b).to_digit(if hex { 16 } else { 10 }))
        {
            // Saturates: any value past U+10FFFF is the replacement character.
            value = value
                .saturating_mul(if hex { 16 } else { 10 })
                .saturating_add(digit);
            end += 1;
        }
        if end == digits_start {
            return None;
        }
        if bytes.get(end) == Some(&b';') {
            end += 1;
        }
        let c = match value {
            0 => char::REPLACEMENT_CHARACTER,
            _ => char::from_u32(value).unwrap_or(char::REPLACEMENT_CHARACTER),
        };
        return Some((end, c.to_string()));
    }
    let limit = bytes.len().min(at + LONGEST_REFERENCE);
    let name_end = match bytes[at + 1..limit]
        .iter()
        .position(|b| !b.is_ascii_alphanumeric())
    {
        Some(n) => at + 1 + n,
        None if limit == bytes.len() => limit,
        None => return None,
    };
    if name_end == at + 1 {
        return None;
    }
    if bytes.get(name_end) == Some(&b';') {
        let candidate = &html[at..=name_end];
        return match html_escape::decode_html_entities(candidate) {
            std::borrow::Cow::Owned(decoded) if decoded != candidate => {
                Some((name_end + 1, decoded))
            }
            _ => None,
        };
    }
    // The few references pages write without their `;`.
    let decoded = match &html[at + 1..name_end] {
        "nbsp" => "\u{a0}",
        "amp" => "&",
        "lt" => "<",
        "gt" => ">",
        "quot" => "\"",
        _ => return None,
    };
    Some((name_end, decoded.to_owned()))
}

/// `text` with its character references decoded.
fn decode_references(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut run = 0;
    let mut at = 0;
    while let Some(amp) = find_from(text, at, "&") {
        match reference(text, amp) {
            Some((end, decoded)) => {
                out.push_str(&text[run..amp]);
                out.push_str(&decoded);
                run = end;
                at = end;
            }
            None => at = amp + 1,
        }
    }
    out.push_str(&text[run..]);
    out
}

/// `text` with runs of whitespace as one space, and trimmed.
fn collapse(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Whitespace that collapses, as text or as a decoded reference (`&nbsp;`).
fn is_collapsible(c: char) -> bool {
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
mod tests {
    use super::extract;
    use crate::span::Span;

    #[test]
    fn blocks_break_lines_and_inline_tags_do_not() {
        let page = "<div>首页 &gt; <a href='/x'>新闻</a></div><p>宝山<b>区</b>发布</p>\
                    <ul><li>一</li><li>二</li></ul>第一行<br>第二行<br/><br>第三行";
        assert_eq!(
            extract(page).text,
            "首页 > 新闻\n\n宝山区发布\n\n一\n二\n\n第一行\n第二行\n\n第三行"
        );
    }

    #[test]
    fn drops_scripts_styles_comments_and_collapses_space() {
        let page = "<!DOCTYPE html><style>p{}</style><!-- <p>注释</p> -->\
                    <SCRIPT type=x>if (a</b) { document.write('</p>') }</Script >\
                    <p>  园区\n   已入驻 </p>\n\n\n<p>&nbsp;&nbsp;企业</p>";
        assert_eq!(extract(page).text, "园区 已入驻\n\n企业");
    }

    #[test]
    fn reads_meta_fields() {
        let page = r#"<META NAME="ArticleTitle" CONTENT="宝山区&quot;智慧湾&quot;">
            <meta name=ContentSource content=宝山区文化和旅游局>
            <meta property="og:title" content="智慧湾">
            <meta name="Author" content="  ">"#;
        let extracted = extract(page);
        assert_eq!(extracted.meta("articletitle"), Some("宝山区\"智慧湾\""));
        assert_eq!(extracted.meta("ContentSource"), Some("宝山区文化和旅游局"));
        assert_eq!(extracted.meta("og:title"), Some("智慧湾"));
        assert_eq!(extracted.meta("Author"), None);
        assert_eq!(extracted.text, "");
    }

    #[test]
    fn maps_text_back_to_the_html() {
        let page = "<p>总产值&#x8fd1;300亿元</p>\n<p>入驻 420余家</p>";
        let extracted = extract(page);
        assert_eq!(extracted.text, "总产值近300亿元\n\n入驻 420余家");
        for (at, c) in extracted.text.char_indices() {
            let source = extracted.html_offset(at);
            match c {
                '近' => assert!(page[source..].starts_with("&#x8fd1;")),
                '\n' => assert!(page[source..].starts_with("</p>")),
                _ => assert!(page[source..].starts_with(c)),
            }
        }
        let figure = extracted.text.find("近300亿元").unwrap();
        let span = Span::new(figure, figure + "近300亿元".len());
        assert_eq!(&page[extracted.html_span(span).range()], "&#x8fd1;300亿元");
        assert_eq!(extracted.html_offset(extracted.text.len()), page.len() - 4);
    }

    #[test]
    fn unclosed_markup_runs_to_the_end() {
        assert_eq!(extract("宝山<!-- 注释").text, "宝山");
        assert_eq!(extract("宝山<script>var x").text, "宝山");
        assert_eq!(extract("宝山<a href=\"x>区").text, "宝山");
        assert_eq!(
            extract("a < b & c <3 &#; &bogus; &#xZZ;").text,
            "a < b & c <3 &#; &bogus; &#xZZ;"
        );
        assert_eq!(extract("&#99999999999;&#0;&amp").text, "\u{fffd}\u{fffd}&");
    }
}
