//! The notice parser: composes the layout and the mention parsers.

use jiff::civil::Date;
use serde::{Deserialize, Serialize};

use crate::date::DateMention;
use crate::district::{self, DistrictMention};
use crate::error::Error;
use crate::layout;
use crate::metric::{self, Metric};
use crate::numeral;
use crate::publisher::Source;
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
            .and_then(|p| p.district_code.clone());
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

    /// Parses one notice.
    ///
    /// Mentions are read from the title and the body; the header's fields
    /// and the boilerplate (navigation, adverts, related articles) yield
    /// none. The text is scanned for numbers once, and the scan is shared.
    #[must_use]
    pub fn parse(&self, text: &str) -> Notice {
        let layout = layout::parse(text);
        let article = Article::of(&layout);
        let numbers = numeral::scan(text);

        let mut context = district::Context::new();
        if let Some(region) = &self.region {
            context = context.with_region(region.clone());
        }
        let districts: Vec<DistrictMention> = district::find_with(text, &context)
            .into_iter()
            .filter(|mention| article.holds(mention.span))
            .collect();

        let mut metrics: Vec<Metric> = metric::extract(text, &numbers, &[])
            .into_iter()
            .filter(|figure| article.holds(figure.span))
            .collect();
        for figure in &mut metrics {
            figure.district_code = sentence_district(text, figure.span, &districts);
        }

        Notice {
            title: layout.title.map(|span| text[span.range()].to_owned()),
            districts,
            metrics,
            body_span: layout.body,
            ..Notice::default()
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

/// The district a figure is about: the last decided district named before it
/// in its sentence, else the first one after it in the sentence.
fn sentence_district(text: &str, figure: Span, districts: &[DistrictMention]) -> Option<String> {
    let is_sentence_end = |c: char| matches!(c, '。' | '！' | '!' | '？' | '?' | '；' | ';' | '\n');
    let start = text[..figure.start].rfind(is_sentence_end).map_or(0, |at| {
        at + text[at..].chars().next().map_or(1, char::len_utf8)
    });
    let end = text[figure.end..]
        .find(is_sentence_end)
        .map_or(text.len(), |at| figure.end + at);
    let decided = |mention: &&DistrictMention| !mention.code.is_empty() && !mention.in_organization;
    let before = districts
        .iter()
        .filter(decided)
        .rfind(|mention| mention.span.start >= start && mention.span.end <= figure.start);
    let after = || {
        districts
            .iter()
            .filter(decided)
            .find(|mention| mention.span.start >= figure.end && mention.span.end <= end)
    };
    before.or_else(after).map(|mention| mention.code.clone())
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
