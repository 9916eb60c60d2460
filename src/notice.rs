//! The notice parser: composes the layout and the mention parsers.

use jiff::civil::Date;
use serde::{Deserialize, Serialize};

use crate::date::{self, DateMention};
use crate::district::{self, DistrictMention};
use crate::error::Error;
use crate::layout;
use crate::metric::{self, Metric};
use crate::numeral;
use crate::publisher::{self, Source};
use crate::span::Span;

/// Everything govnotice reads from one notice.
///
/// The field names are the output contract: they serialize exactly as the
/// README documents them.
#[cfg_attr(
    feature = "python",
    pyo3::pyclass(get_all, frozen, module = "govnotice", skip_from_py_object)
)]
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Notice {
    /// The title, when the text has one.
    pub title: Option<String>,
    /// The body that issued the notice.
    pub publisher: Option<Source>,
    /// Every credited source, the issuer included.
    pub sources: Vec<Source>,
    /// Every government body, association or other organisation the article
    /// names, each once (role `mentioned`), with its kind and district.
    pub agencies: Vec<Source>,
    /// The notice's own publish date.
    pub published: Option<DateMention>,
    /// Every date the notice states.
    pub dates: Vec<DateMention>,
    /// Every administrative division the notice names.
    pub districts: Vec<DistrictMention>,
    /// Every figure the notice reports.
    pub metrics: Vec<Metric>,
    /// Where the article body is, boilerplate excluded.
    pub body_span: Option<Span>,
    /// In Python, the text the spans index (`Notice.text`; decoded, for
    /// bytes), kept so that a notice can show itself in a notebook; `None`
    /// for the notices of `frames`' batches. Not part of the output contract.
    #[cfg(feature = "python")]
    #[serde(skip)]
    pub(crate) text: Option<String>,
}

/// A configured notice parser.
///
/// ```
/// use govnotice::Parser;
///
/// let parser = Parser::builder().base_date_str("2024-05-20")?.build();
/// let notice = parser.parse("普陀区举办数字创新大会\n\n5月15日,大会开幕。");
/// assert_eq!(notice.title.as_deref(), Some("普陀区举办数字创新大会"));
/// # Ok::<(), govnotice::Error>(())
/// ```
#[derive(Clone, Debug, Default)]
pub struct Parser {
    base_date: Option<Date>,
    region: Option<String>,
}

impl Notice {
    /// The notice's main district: the publisher's when it has one, else the
    /// county-level (or lower) division the notice names most often.
    #[must_use]
    pub fn primary_district(&self) -> Option<String> {
        let publisher = self
            .publisher
            .as_ref()
            .and_then(|p| p.district_code.as_deref().map(str::to_owned));
        publisher.or_else(|| district::primary(&self.districts, None))
    }

    /// How often each decided division is named, most named first.
    #[must_use]
    pub fn district_counts(&self) -> Vec<(String, usize)> {
        district::counts(&self.districts)
    }
}

impl Parser {
    /// A parser with no base date and no home region.
    #[must_use]
    pub fn new() -> Parser {
        Parser::default()
    }

    /// Starts configuring a parser.
    #[must_use]
    pub fn builder() -> ParserBuilder {
        ParserBuilder::default()
    }

    /// The date relative expressions resolve against, when the caller gave one.
    #[must_use]
    pub fn base_date(&self) -> Option<Date> {
        self.base_date
    }

    /// The home-region hint (a division name or code), when the caller gave one.
    #[must_use]
    pub fn region(&self) -> Option<&str> {
        self.region.as_deref()
    }

    /// This parser with another base date (or none).
    #[must_use]
    pub fn with_base_date(&self, base_date: Option<Date>) -> Parser {
        Parser {
            base_date,
            region: self.region.clone(),
        }
    }

    /// Parses many notices on all cores, keeping their order.
    ///
    /// ```
    /// let notices = govnotice::Parser::new().parse_many(&["标题一\n\n正文。", "标题二\n\n正文。"]);
    /// assert_eq!(notices[1].title.as_deref(), Some("标题二"));
    /// ```
    #[cfg(feature = "parallel")]
    #[must_use]
    pub fn parse_many<S: AsRef<str> + Sync>(&self, texts: &[S]) -> Vec<Notice> {
        use rayon::prelude::*;
        texts
            .par_iter()
            .map(|text| self.parse(text.as_ref()))
            .collect()
    }

    /// Parses one notice.
    ///
    /// Mentions are read from the title and the body; the header's fields
    /// and the boilerplate (navigation, adverts, related articles) yield
    /// none. The text is scanned for numbers once, and the scan is shared.
    #[must_use]
    pub fn parse(&self, text: &str) -> Notice {
        let mut layout = layout::parse(text);
        let numbers = numeral::readings(text);

        // The credits are read with the divisions decided on the text alone;
        // the notice's own decision adds the issuer's district and the home
        // region, and is the same decision when there are neither.
        let scanned = district::Scanned::of(text);
        let unbiased = district::find_scanned(text, &scanned, &district::Context::new());
        let credits = publisher::parse_decided(text, &layout, None, &unbiased);
        // Credit lines that open or close the body are not the article's.
        layout.body = layout
            .body
            .map(|body| publisher::body_without_credits(text, body, &credits.sources));
        let article = Article::of(&layout);
        let mut context = district::Context::new();
        if let Some(region) = &self.region {
            context = context.with_region(region.clone());
        }
        if let Some(code) = credits
            .publisher
            .as_ref()
            .and_then(|p| p.district_code.clone())
        {
            context = context.with_publisher(code);
        }
        let decided = if context == district::Context::new() {
            unbiased
        } else {
            district::find_scanned(text, &scanned, &context)
        };
        let districts: Vec<DistrictMention> = decided
            .into_iter()
            .filter(|mention| article.holds(mention.span))
            .collect();

        let published = date::published(text, &layout);
        let base = self
            .base_date
            .or(published.as_ref().and_then(|date| date.start));
        let all_dates = date::parse(text, base);
        let claimed: Vec<Span> = all_dates.iter().map(|date| date.span).collect();

        let mut metrics: Vec<Metric> = metric::extract(text, &numbers, &claimed)
            .into_iter()
            .filter(|figure| article.holds(figure.span))
            .collect();
        let dates: Vec<DateMention> = all_dates
            .into_iter()
            .filter(|date| article.holds(date.span))
            .collect();
        let sentences = Sentences::of(text);
        let district_order = InOrder::check(&districts, |m| m.span);
        let date_order = InOrder::check(&dates, |d| d.span);
        for figure in &mut metrics {
            let decided = |m: &DistrictMention| !m.code.is_empty() && !m.in_organization;
            let sentence = sentences.around(figure.span);
            figure.district_code = in_sentence(
                sentence,
                figure.span,
                &districts,
                district_order,
                |m| m.span,
                decided,
            )
            .map(|mention| mention.code.clone());
            let resolved = |d: &DateMention| d.start.is_some();
            figure.date = in_sentence(
                sentence,
                figure.span,
                &dates,
                date_order,
                |d| d.span,
                resolved,
            )
            .cloned();
        }

        Notice {
            title: layout.title.map(|span| text[span.range()].to_owned()),
            publisher: credits.publisher,
            sources: credits.sources,
            agencies: credits.agencies,
            published,
            dates,
            districts,
            metrics,
            body_span: layout.body,
            #[cfg(feature = "python")]
            text: None,
        }
    }
}

/// The parts of a notice that mentions are read from: the title and the
/// body, less the boilerplate inside the body (captions, credits).
struct Article<'a> {
    title: Option<Span>,
    body: Option<Span>,
    boilerplate: &'a [layout::Boilerplate],
}

impl<'a> Article<'a> {
    fn of(layout: &'a layout::Layout) -> Article<'a> {
        Article {
            title: layout.title,
            body: layout.body,
            boilerplate: &layout.boilerplate,
        }
    }

    fn holds(&self, span: Span) -> bool {
        let in_title = self.title.is_some_and(|title| title.contains(span));
        let in_body = self.body.is_some_and(|body| body.contains(span))
            && !self
                .boilerplate
                .iter()
                .any(|region| region.span.overlaps(span));
        in_title || in_body
    }
}

/// Where the sentences of a text end, found once per notice: each figure
/// looks its sentence up by binary search instead of scanning the text back
/// to the previous sentence end, which made a long sentence full of figures
/// (an address list, a line of digits) quadratic.
struct Sentences {
    /// Each sentence-ending character: where it starts and where it ends.
    ends: Vec<(usize, usize)>,
    len: usize,
}

impl Sentences {
    /// Reads bytes, not `char`s: the ends are ASCII or one of four
    /// three-byte characters, and a lead byte never occurs inside another
    /// character, so the ends are found without decoding the text (which
    /// took three times as long). The six bytes that can start an end are
    /// found by two vectorised searches of three bytes each, merged in
    /// order: a test of every byte was 3% of a parse.
    fn of(text: &str) -> Sentences {
        let bytes = text.as_bytes();
        let width = |at: usize| match bytes[at] {
            b'!' | b'?' | b';' | b'\n' => Some(1),
            // 。 U+3002
            0xE3 if bytes[at + 1..].starts_with(&[0x80, 0x82]) => Some(3),
            // ！ U+FF01, ？ U+FF1F, ； U+FF1B
            0xEF if matches!(bytes[at + 1..], [0xBC, 0x81 | 0x9F | 0x9B, ..]) => Some(3),
            _ => None,
        };
        let mut ascii = memchr::memchr3_iter(b'!', b'?', b';', bytes).peekable();
        let mut others = memchr::memchr3_iter(b'\n', 0xE3, 0xEF, bytes).peekable();
        let mut ends = Vec::new();
        loop {
            let next = match (ascii.peek(), others.peek()) {
                (Some(a), Some(b)) if a < b => ascii.next(),
                (_, Some(_)) => others.next(),
                (Some(_), None) => ascii.next(),
                (None, None) => break,
            };
            let Some(at) = next else { break };
            if let Some(width) = width(at) {
                ends.push((at, at + width));
            }
        }
        Sentences {
            ends,
            len: text.len(),
        }
    }

    /// The sentence holding `span`: from just past the last sentence end
    /// before it to the first sentence end after it.
    fn around(&self, span: Span) -> (usize, usize) {
        let before = self.ends.partition_point(|&(_, after)| after <= span.start);
        let start = before.checked_sub(1).map_or(0, |i| self.ends[i].1);
        let after = self.ends.partition_point(|&(at, _)| at < span.end);
        let end = self.ends.get(after).map_or(self.len, |&(at, _)| at);
        (start, end)
    }
}

/// Whether mentions are in text order (by start), which lets a figure find
/// the mentions of its sentence by binary search.
#[derive(Clone, Copy)]
struct InOrder(bool);

impl InOrder {
    fn check<T>(mentions: &[T], span_of: impl Fn(&T) -> Span) -> InOrder {
        InOrder(mentions.is_sorted_by_key(|m| span_of(m).start))
    }
}

/// The mention a figure belongs to: the last usable one before it in its
/// sentence, else the first one after it in the sentence
/// (`2023年园区实现总产值117亿元` → 2023; `…基站2694个` after `普陀区` → 310107).
fn in_sentence<T>(
    (start, end): (usize, usize),
    figure: Span,
    mentions: &[T],
    order: InOrder,
    span_of: impl Fn(&T) -> Span,
    usable: impl Fn(&T) -> bool,
) -> Option<&T> {
    let is_before = |m: &T| {
        let span = span_of(m);
        span.start >= start && span.end <= figure.start
    };
    let is_after = |m: &T| {
        let span = span_of(m);
        span.start >= figure.end && span.end <= end
    };
    // In text order, only the mentions starting inside the sentence can
    // match; the others are never looked at.
    let (before_range, after_range) = if order.0 {
        let first = mentions.partition_point(|m| span_of(m).start < start);
        let at_figure = mentions.partition_point(|m| span_of(m).start < figure.start);
        let past_figure = mentions.partition_point(|m| span_of(m).start < figure.end);
        let past_end = mentions.partition_point(|m| span_of(m).start < end);
        (
            &mentions[first..at_figure.max(first)],
            &mentions[past_figure..past_end.max(past_figure)],
        )
    } else {
        (mentions, mentions)
    };
    let before = before_range.iter().rfind(|m| usable(m) && is_before(m));
    before.or_else(|| after_range.iter().find(|m| usable(m) && is_after(m)))
}

/// Configures a [`Parser`].
#[derive(Clone, Debug, Default)]
pub struct ParserBuilder {
    base_date: Option<Date>,
    region: Option<String>,
}

impl ParserBuilder {
    /// Sets the date that relative and partial dates resolve against, for
    /// notices that do not state their own publish date.
    #[must_use]
    pub fn base_date(mut self, date: Date) -> ParserBuilder {
        self.base_date = Some(date);
        self
    }

    /// Sets the base date from `YYYY-MM-DD` text.
    ///
    /// # Errors
    /// [`Error::InvalidBaseDate`] when the text is not a calendar date.
    pub fn base_date_str(self, date: &str) -> Result<ParserBuilder, Error> {
        let parsed: Date =
            date.trim()
                .parse()
                .map_err(|e: jiff::Error| Error::InvalidBaseDate {
                    input: date.to_owned(),
                    reason: e.to_string(),
                })?;
        Ok(self.base_date(parsed))
    }

    /// Sets the home region: the division (name or code) that ambiguous names
    /// lean towards when the notice itself does not decide.
    #[must_use]
    pub fn region(mut self, region: impl Into<String>) -> ParserBuilder {
        self.region = Some(region.into());
        self
    }

    /// Builds the parser.
    #[must_use]
    pub fn build(self) -> Parser {
        Parser {
            base_date: self.base_date,
            region: self.region,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::{Parser, Sentences};

    /// Without a home region the notice's decision reuses the one made for
    /// its credits; with one it decides again, and the region counts.
    #[test]
    fn the_home_region_decides_what_the_text_leaves_open() {
        let text = "普陀区召开安全生产会议\n\n11月20日，普陀区召开安全生产工作会议。";
        let alone = Parser::new().parse(text);
        assert!(!alone.districts.is_empty());
        assert!(alone
            .districts
            .iter()
            .all(|m| m.ambiguous && m.code.is_empty()));

        let zhoushan = Parser::builder().region("舟山").build().parse(text);
        assert_eq!(zhoushan.districts.len(), alone.districts.len());
        assert!(zhoushan.districts.iter().all(|m| m.code == "330903"));
        let shanghai = Parser::builder().region("310000").build().parse(text);
        assert!(shanghai.districts.iter().all(|m| m.code == "310107"));
    }

    proptest::proptest! {
        /// The byte scan finds exactly the sentence ends a `char` scan
        /// finds, among characters that share their lead bytes (`、`, `〇`,
        /// `，`, `：`) and four-byte ones.
        #[test]
        fn sentence_ends_are_those_of_the_characters(
            pieces in proptest::collection::vec(
                proptest::sample::select(vec![
                    "。", "！", "？", "；", "!", "?", ";", "\n", "、", "〇", "，", "：",
                    "｀", "a", "字", "𠀀", " ",
                ]),
                0..60,
            )
        ) {
            let text = pieces.concat();
            let by_chars: Vec<(usize, usize)> = text
                .char_indices()
                .filter(|&(_, c)| matches!(c, '。' | '！' | '!' | '？' | '?' | '；' | ';' | '\n'))
                .map(|(at, c)| (at, at + c.len_utf8()))
                .collect();
            proptest::prop_assert_eq!(Sentences::of(&text).ends, by_chars);
        }
    }
}
