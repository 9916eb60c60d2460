//! The notice parser: composes the layout and the mention parsers.

use jiff::civil::Date;
use serde::{Deserialize, Serialize};

use crate::date::DateMention;
use crate::district::DistrictMention;
use crate::error::Error;
use crate::layout;
use crate::metric::Metric;
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
    #[must_use]
    pub fn parse(&self, text: &str) -> Notice {
        let layout = layout::parse(text);
        Notice {
            title: layout.title.map(|span| text[span.range()].to_owned()),
            body_span: layout.body,
            ..Notice::default()
        }
    }
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
