//! HTML pages: the extracted text, its notice and the map back to the page.

use pyo3::prelude::*;

use super::arguments::build_parser;
use super::spans;
use crate::html::HtmlText;
use crate::{Notice, Span};

/// A notice read from an HTML page.
#[pyclass(frozen, module = "govnotice", name = "HtmlNotice")]
pub(super) struct HtmlNotice {
    page: HtmlText,
    notice: Notice,
    /// `str` index → byte offset in `page.text`, for mapping spans back.
    byte_of_char: Vec<usize>,
}

#[pymethods]
impl HtmlNotice {
    /// The page's text: what the notice's spans index.
    #[getter]
    fn text(&self) -> &str {
        &self.page.text
    }

    /// The notice read from the text.
    #[getter]
    fn notice(&self) -> Notice {
        self.notice.clone()
    }

    /// The page's `<title>`.
    #[getter]
    fn title(&self) -> Option<&str> {
        self.page.title.as_deref()
    }

    /// The page's `<meta>` fields, name → content (`ArticleTitle`, `PubDate`,
    /// `ContentSource`, `Author` …).
    #[getter]
    fn meta(&self) -> Vec<(String, String)> {
        self.page.meta.clone()
    }

    /// Where a span of the text lies in the HTML (both as `str` indices).
    fn html_span(&self, span: (usize, usize), html: &str) -> (usize, usize) {
        let byte = |i: usize| {
            self.byte_of_char
                .get(i)
                .copied()
                .unwrap_or(self.page.text.len())
        };
        let mapped = self
            .page
            .html_span(Span::new(byte(span.0), byte(span.1.max(span.0))));
        let chars = |b: usize| html.get(..b).map_or(0, |prefix| prefix.chars().count());
        (chars(mapped.start), chars(mapped.end))
    }

    fn __repr__(&self) -> String {
        format!(
            "HtmlNotice({} chars of text, {} meta fields, title={:?})",
            self.page.text.chars().count(),
            self.page.meta.len(),
            self.notice.title
        )
    }
}

/// Extracts the text of an HTML page and parses it.
#[pyfunction]
#[pyo3(signature = (html, base_date=None, region=None))]
pub(super) fn parse_html(
    py: Python<'_>,
    html: &str,
    base_date: Option<&Bound<'_, PyAny>>,
    region: Option<String>,
) -> PyResult<HtmlNotice> {
    let parser = build_parser(base_date, region)?;
    let parsed = py.detach(|| parser.parse_html(html));
    let mut notice = parsed.notice;
    spans::notice_to_char_offsets(&mut notice, &parsed.page.text);
    notice.text = Some(parsed.page.text.clone());
    let byte_of_char = parsed
        .page
        .text
        .char_indices()
        .map(|(at, _)| at)
        .chain([parsed.page.text.len()])
        .collect();
    Ok(HtmlNotice {
        page: parsed.page,
        notice,
        byte_of_char,
    })
}
